"""The argument parser of the ``modelspec`` command line (see ``generator.cli``)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.report import FORMATS


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
