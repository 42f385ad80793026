"""The ``modelspec`` command line. Exit codes are decided here and nowhere else.

0 ok · 1 invalid spec · 2 usage or config error · 3 drift · 4 breaking change · 5 lint errors
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.errors import SpecInvalid, TemplateFailure, UsageError
from generator.exits import Exit
from generator.report import FORMATS, print_errors


def build_parser() -> argparse.ArgumentParser:
    """The argument parser: common options, then one subcommand per module in commands/."""
    from generator.commands import COMMANDS

    parser = argparse.ArgumentParser(
        prog="modelspec",
        description="Generate the per-model limits outputs from one YAML spec.",
        epilog="Exit codes: 0 ok, 1 invalid spec, 2 usage or config error, 3 drift, "
        "4 breaking change, 5 lint errors.",
    )
    parser.add_argument("--version", action="version", version=f"modelspec {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--config", type=Path, help="a pyproject.toml with [tool.modelspec] (default: found above)"
    )
    common.add_argument(
        "--spec", type=Path, help="the spec file (default: from the config, else spec/models.yaml)"
    )
    common.add_argument(
        "--out", type=Path, help="the output folder (default: from the config, else out)"
    )
    common.add_argument(
        "--format", choices=FORMATS, default="text", help="how to print findings (default: text)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command_parser = sub.add_parser(
            command.NAME, parents=[common], help=command.HELP, description=command.DESCRIPTION
        )
        command.configure(command_parser)
        command_parser.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except SpecInvalid as exc:
        count = len(exc.errors)
        summary = f"modelspec: {count} problem{'s' if count != 1 else ''}; nothing written"
        print_errors(exc.errors, args.format, summary)
        return Exit.INVALID_SPEC
    except TemplateFailure as exc:
        print(f"modelspec: template error: {exc}; nothing written", file=sys.stderr)
        return Exit.USAGE
    except UsageError as exc:
        print(f"modelspec: {exc}", file=sys.stderr)
        return Exit.USAGE
