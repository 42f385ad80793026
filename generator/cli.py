"""The ``modelspec`` command line. Exit codes are decided here and nowhere else.

0 ok · 1 invalid spec · 2 usage or config error · 3 drift · 4 breaking change · 5 lint errors
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from generator.errors import SpecInvalid, TemplateFailure, UsageError
from generator.exits import Exit
from generator.report import print_errors


def _up_to_date_at_a_glance(argv: list[str]) -> bool:
    """``modelspec check`` with plain options, on a tree the manifest vouches for: say so.

    The pre-commit hook runs this on every commit, and argparse alone costs a tenth of its
    time. Anything else (another command, another option, a tree that is not up to date, a
    bad setting) returns False, and the command line runs in full, as always.
    """
    if not argv or argv[0] != "check":
        return False
    paths: dict[str, Path] = {}
    rest = argv[1:]
    while rest:
        option, _, value = rest[0].partition("=")
        if option not in ("--config", "--spec", "--out") or option[2:] in paths:
            return False
        if not value:
            if len(rest) < 2 or rest[1].startswith("-"):
                return False
            value, rest = rest[1], rest[1:]
        paths[option[2:]] = Path(value)
        rest = rest[1:]
    from generator import manifest
    from generator.config import load_settings

    try:
        settings = load_settings(paths.get("config"), paths.get("spec"), paths.get("out"))
    except UsageError:
        return False
    if not manifest.up_to_date(settings):
        return False
    print(manifest.UP_TO_DATE)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if _up_to_date_at_a_glance(argv):
        return Exit.OK
    from generator.parser import build_parser  # argparse: only when the line is parsed

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
