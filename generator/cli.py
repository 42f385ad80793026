"""The ``modelspec`` command: validate, regen and check. Exit codes are decided here only.

0 ok · 1 invalid spec · 2 usage or config error · 3 drift (check found differences)
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.errors import SpecInvalid, TemplateFailure, UsageError

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_DRIFT = 0, 1, 2, 3
FIX_COMMAND = "make regen"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one subcommand per action."""
    parser = argparse.ArgumentParser(
        prog="modelspec",
        description="Generate the per-model limits outputs from one YAML spec.",
        epilog="Exit codes: 0 ok, 1 invalid spec, 2 usage or config error, 3 drift.",
    )
    parser.add_argument("--version", action="version", version=f"modelspec {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--spec", default="spec/models.yaml", help="the spec file (default: spec/models.yaml)"
    )
    common.add_argument("--out", default="out", help="the output folder (default: out)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    sub.add_parser(
        "validate",
        parents=[common],
        help="validate the spec only; write nothing",
        description="Validate the spec against its schema and rules; print every problem.",
    )
    sub.add_parser(
        "regen",
        parents=[common],
        help="regenerate every output from the spec",
        description="Render every output in memory, then rewrite only the files whose bytes "
        "change and delete outputs the spec no longer produces. An invalid spec writes nothing.",
    )
    sub.add_parser(
        "check",
        parents=[common],
        help="fail (exit 3) when the outputs differ from the spec",
        description="Render every output in memory and compare it with the tree; write nothing. "
        "On drift, print a unified diff, the missing, changed and stale files, and the fix.",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except SpecInvalid as exc:
        for error in exc.errors:
            print(error, file=sys.stderr)
        count = len(exc.errors)
        print(
            f"modelspec: {count} problem{'s' if count != 1 else ''}; nothing written",
            file=sys.stderr,
        )
        return EXIT_INVALID
    except TemplateFailure as exc:
        print(f"modelspec: template error: {exc}; nothing written", file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"modelspec: {exc}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    from generator.pipeline import load_catalog, render_catalog

    spec = Path(args.spec)
    out = Path(args.out)
    catalog = load_catalog(spec)
    if args.command == "validate":
        print(f"{_display(spec)}: ok, {len(catalog.models)} models")
        return EXIT_OK
    rendered = render_catalog(catalog)
    if args.command == "regen":
        return _regen(rendered, out)
    return _check(rendered, out)


def _regen(rendered: dict[str, str], out: Path) -> int:
    from generator.outputs import write_outputs

    drift = write_outputs(rendered, out)
    label = _display(out)
    for rel in drift.missing:
        print(f"created {label}/{rel}")
    for rel in drift.changed:
        print(f"updated {label}/{rel}")
    for rel in drift.stale:
        print(f"deleted {label}/{rel}")
    if not drift:
        print(f"{label}: {len(rendered)} files up to date")
    return EXIT_OK


def _check(rendered: dict[str, str], out: Path) -> int:
    from generator.outputs import compare, unified_diff

    drift = compare(rendered, out)
    label = _display(out)
    if not drift:
        print(f"{label}: {len(rendered)} files up to date")
        return EXIT_OK
    sys.stdout.write(unified_diff(rendered, out, drift, label))
    for kind, paths in (
        ("missing", drift.missing),
        ("changed", drift.changed),
        ("stale", drift.stale),
    ):
        for rel in paths:
            print(f"{kind}: {label}/{rel}", file=sys.stderr)
    print(f"modelspec: outputs differ from the spec; run `{FIX_COMMAND}`", file=sys.stderr)
    return EXIT_DRIFT


def _display(path: Path) -> str:
    """A path as the user should see it: relative to the working directory where possible."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()
