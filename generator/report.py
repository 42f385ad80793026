"""Print findings for people (text), for tools (json) or for GitHub Actions (annotations)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from generator.errors import SpecError

FORMATS = ("text", "json", "github")


def print_errors(errors: Sequence[SpecError], fmt: str, summary: str) -> None:
    """Every error in ``fmt``; the summary line goes to stderr for text and github."""
    if fmt == "json":
        items = [
            {"file": e.path, "line": e.line, "col": e.col, "message": e.message} for e in errors
        ]
        print(json.dumps({"ok": not errors, "errors": items}, indent=2, ensure_ascii=False))
        return
    for error in errors:
        print(github_annotation(error) if fmt == "github" else str(error), file=sys.stderr)
    print(summary, file=sys.stderr)


def github_annotation(error: SpecError) -> str:
    """A GitHub Actions ``::error`` line; its message is escaped as the runner expects."""
    message = error.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = error.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    return f"::error file={path},line={error.line},col={error.col}::{message}"
