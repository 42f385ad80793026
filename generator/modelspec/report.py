"""Print results for people (text), for tools (json) or for GitHub Actions (annotations).

Findings (spec errors, drift, lint findings, changes) go to stdout; a summary line and the
tool's own failures go to stderr. Under ``--format json`` everything a command says is one
JSON document on stdout, failures included.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from modelspec.errors import SpecError

FORMATS = ("text", "json", "github")


def print_errors(errors: Sequence[SpecError], fmt: str, summary: str) -> None:
    """Every error in ``fmt``; the summary line goes to stderr for text and github."""
    if fmt == "json":
        items = [
            {"file": e.path, "line": e.line, "col": e.col, "message": e.message} for e in errors
        ]
        print_json({"ok": not errors, "errors": items})
        return
    for error in errors:
        print(github_annotation(error) if fmt == "github" else str(error))
    print(summary, file=sys.stderr)


def print_failure(fmt: str, kind: str, message: str, code: int) -> None:
    """The tool could not do what was asked (usage, template, write): one message, as ``fmt``
    wants it. ``kind`` names the class of failure for tools: usage, template, write, …"""
    if fmt == "json":
        print_json({"ok": False, "error": {"kind": kind, "message": message, "exit": code}})
    elif fmt == "github":
        print(f"::error title=modelspec {kind} error::{escape_data(message)}")
    else:
        print(f"modelspec: {message}", file=sys.stderr)


def print_json(data: object) -> None:
    """One JSON document on stdout."""
    print(json.dumps(data, indent=2, ensure_ascii=False))


def escape_data(text: str) -> str:
    """A GitHub Actions annotation's message, escaped as the runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A GitHub Actions annotation's property (file, title), escaped as the runner expects."""
    return escape_data(text).replace(",", "%2C").replace(":", "%3A")


def github_annotation(error: SpecError) -> str:
    """A GitHub Actions ``::error`` line; its message is escaped as the runner expects."""
    path = escape_property(error.path)
    return f"::error file={path},line={error.line},col={error.col}::{escape_data(error.message)}"


def requested_format(argv: Sequence[str]) -> str:
    """The ``--format`` an argument list asks for, read before (or without) argparse."""
    found = "text"
    for index, arg in enumerate(argv):  # the last one wins, as with argparse
        if arg == "--format" and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith("--format="):
            found = arg.partition("=")[2]
    return found


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory where possible."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()
