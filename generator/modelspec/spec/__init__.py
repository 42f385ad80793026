"""The spec stage: read a spec's bytes, load them with positions, validate every rule, and
build the typed catalog (frozen dataclasses) that every later stage reads."""
