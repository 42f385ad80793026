"""The ``modelspec`` command line. Exit codes are decided here and nowhere else.

0 ok · 1 invalid spec (or snapshot) · 2 usage or config error · 3 drift · 4 breaking change ·
5 lint errors · 6 the spec and a snapshot differ · 7 could not write · 70 internal error
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from modelspec.errors import SpecInvalid, TemplateFailure, UsageError, WriteFailure
from modelspec.exits import Exit
from modelspec.report import print_errors, print_failure, requested_format

if TYPE_CHECKING:
    import argparse


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
    from modelspec.config import load_settings
    from modelspec.tree import manifest

    try:
        settings = load_settings(paths.get("config"), paths.get("spec"), paths.get("out"))
    except UsageError:
        return False
    if not manifest.up_to_date(settings):
        return False
    print(manifest.UP_TO_DATE)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code. No fault ends in a traceback."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if _up_to_date_at_a_glance(argv):
            code = int(Exit.OK)
        else:
            from modelspec.parser import build_parser  # argparse: only when the line is parsed

            code = _run(build_parser(argv).parse_args(argv), requested_format(argv))
        sys.stdout.flush()  # here, where a closed pipe can still be caught
        return code
    except BrokenPipeError:
        return _quiet_after_closed_pipe()
    except KeyboardInterrupt:
        print("modelspec: interrupted", file=sys.stderr)
        return 130


def _run(args: argparse.Namespace, fmt: str) -> int:
    """The command's exit code; every error it raises is reported here, once."""
    try:
        return int(args.run(args))
    except SpecInvalid as exc:
        count = len(exc.errors)
        summary = f"modelspec: {count} problem{'s' if count != 1 else ''}; nothing written"
        print_errors(exc.errors, fmt, summary)
        return Exit.INVALID_SPEC
    except TemplateFailure as exc:
        return _failed(fmt, "template", f"template error: {exc}; nothing written", Exit.USAGE)
    except UsageError as exc:
        return _failed(fmt, "usage", str(exc), Exit.USAGE)
    except WriteFailure as exc:
        return _failed(fmt, "write", str(exc), Exit.CANNOT_WRITE)
    except BrokenPipeError:
        raise
    except OSError as exc:  # a read the commands did not foresee: say which file and why
        where = f"{exc.filename}: " if exc.filename else ""
        return _failed(fmt, "usage", f"{where}{exc.strerror or exc}", Exit.USAGE)
    except Exception as exc:  # a bug: still one line and an exit code, never a traceback
        if os.environ.get("MODELSPEC_DEBUG"):
            raise
        message = (
            f"internal error: {type(exc).__name__}: {exc} "
            "(MODELSPEC_DEBUG=1 shows the traceback; please report it)"
        )
        return _failed(fmt, "internal", message, Exit.INTERNAL)


def _failed(fmt: str, kind: str, message: str, code: int) -> int:
    print_failure(fmt, kind, message, code)
    return code


def _quiet_after_closed_pipe() -> int:
    """The reader went away (``| head``): stop without a traceback, as a SIGPIPE would."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush must not fail
    except (OSError, ValueError):
        pass
    return (
        128 + 13
    )  # as a shell reports a death by SIGPIPE (signal 13); `signal` costs the fast path
