"""The argument parser of the ``modelspec`` command line (see ``modelspec.cli``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from modelspec import __version__
from modelspec.commands import COMMANDS, load
from modelspec.report import FORMATS, print_failure, requested_format


class Parser(argparse.ArgumentParser):
    """argparse, except that under ``--format json`` a usage error is a JSON document too."""

    def error(self, message: str) -> NoReturn:
        if requested_format(sys.argv[1:] if self.argv is None else self.argv) == "json":
            print_failure("json", "usage", f"{self.prog}: {message}", 2)
            raise SystemExit(2)
        super().error(message)

    argv: Sequence[str] | None = None  # the line being parsed (set by build_parser)


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The argument parser: common options, one subcommand per registered command.

    Only the command named in ``argv`` is imported, to add its own options.
    """
    Parser.argv = argv
    parser = Parser(
        prog="modelspec",
        description="Generate the per-model limits outputs from one YAML spec.",
        epilog="Exit codes: 0 ok, 1 invalid spec (or snapshot), 2 usage or config error, "
        "3 drift, 4 breaking change, 5 lint errors, 6 the spec and a snapshot differ, "
        "7 could not write, 70 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"modelspec {__version__}")
    common = Parser(add_help=False)
    common.add_argument(
        "--config", type=Path, help="a pyproject.toml with [tool.modelspec] (default: found above)"
    )
    common.add_argument(
        "--spec", type=Path, help="the spec file (default: from the config, else spec/models.yaml)"
    )
    common.add_argument(
        "--out", type=Path, help="the output folder (default: from the config, else out)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    chosen = next((arg for arg in argv if arg in COMMANDS), None)
    for name, (_module, summary) in COMMANDS.items():
        if name != chosen:
            sub.add_parser(name, help=summary)
            continue
        command = load(name)
        command_parser = sub.add_parser(
            name, parents=[common], help=summary, description=command.DESCRIPTION
        )
        formats = getattr(command, "FORMATS", FORMATS)
        command_parser.add_argument(
            "--format",
            choices=formats,
            default=formats[0],
            help=getattr(
                command,
                "FORMAT_HELP",
                f"how to print the result: {', '.join(formats)} (default: {formats[0]})",
            ),
        )
        command.configure(command_parser)
        command_parser.set_defaults(run=command.run)
    return parser
