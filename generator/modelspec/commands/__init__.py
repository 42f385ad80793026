"""The ``modelspec`` subcommands: one module each, imported only when that command runs.

A command module exposes ``DESCRIPTION``, ``configure(parser)`` for its own options and
``run(args) -> Exit``, and may set ``FORMATS`` (default: text, json, github). Errors are raised,
not printed: the CLI reports them. The registry below keeps ``modelspec --help`` and the fast
``check`` from importing every command's dependencies.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# name: (module in this package, one line for `modelspec --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate", "validate the spec only; write nothing"),
    "regen": ("regen", "regenerate every output from the spec"),
    "check": ("check", "fail (exit 3) when the outputs differ from the spec"),
    "import-md": ("import_md", "build the spec from an existing requirements page"),
    "diff": (
        "diff",
        "list the changes against a git ref or an old spec; exit 4 on a breaking change",
    ),
    "lint": ("lint", "find usage notes that contradict the data; exit 5 on errors"),
    "changelog": ("changelog", "write the docs changelog entry for the changes from OLD to NEW"),
    "reconcile": (
        "reconcile",
        "compare a saved GET /v1/models response with the spec; exit 6 when they differ",
    ),
}


def load(name: str) -> ModuleType:
    """The module that implements command ``name``."""
    return importlib.import_module(f"modelspec.commands.{COMMANDS[name][0]}")
