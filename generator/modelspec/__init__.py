"""modelspec: one YAML spec of per-model limits, every output generated from it.

The pipeline runs in one direction: load (plain data + positions), validate (all errors,
each with file:line:col), build the typed catalog, render every target in memory, then
write (regen) or compare (check). See README.md for the commands, ARCHITECTURE.md for
the map of the code.
"""

__version__ = "0.1.0"
