"""One module per ``modelspec`` subcommand.

Each module exposes ``NAME``, ``HELP``, ``DESCRIPTION``, ``configure(parser)`` for its own
options and ``run(args) -> Exit``. Errors are raised, not printed: the CLI reports them.
"""

from __future__ import annotations

from types import ModuleType

from generator.commands import check, import_md, regen, validate

COMMANDS: tuple[ModuleType, ...] = (validate, regen, check, import_md)
