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


def build_parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The argument parser: common options, one subcommand per registered command.

    Only the command named in ``argv`` is imported, to add its own options.
    """
    from generator.commands import COMMANDS, load

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
            default="text",
            help=f"how to print findings: {', '.join(formats)} (default: text)",
        )
        command.configure(command_parser)
        command_parser.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
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
