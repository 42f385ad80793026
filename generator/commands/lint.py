"""``modelspec lint``: usage notes that contradict the data, and data that looks wrong."""

from __future__ import annotations

import argparse
import json
import sys

from generator.config import load_settings
from generator.exits import Exit
from generator.lint import RULES, Finding, LintResult, lint
from generator.sources import project_spec

DESCRIPTION = (
    "Check the usage notes against the data (prompt max, image counts, durations, 'X only', "
    "negative_prompt) and look for suspicious data. Each finding has a rule id, a severity "
    "and a place. A model silences a rule with lint: {ignore: [{rule, reason}]}. Exit 5 "
    "when any error remains. Rules: " + ", ".join(f"{r.id} ({r.severity})" for r in RULES) + "."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """No options beyond the common ones."""


def run(args: argparse.Namespace) -> Exit:
    """Print the findings in the chosen format; exit 5 when any of them is an error."""
    spec = project_spec(load_settings(args.config, args.spec, args.out))
    result = lint(spec)
    if args.format == "json":
        print(json.dumps(as_json(result), indent=2, ensure_ascii=False))
    else:
        for finding in result.findings:
            line = annotation(finding) if args.format == "github" else str(finding)
            print(line, file=sys.stderr)
        models = len(spec.catalog.models)
        summary = f"{spec.name}: {_counts(result)}, {models} model{'s' if models != 1 else ''}"
        print(summary, file=sys.stderr if result.findings else sys.stdout)
    return Exit.LINT_ERRORS if result.errors else Exit.OK


def _counts(result: LintResult) -> str:
    if not result.findings:
        text = "lint clean"
    else:
        text = f"{_plural(result.errors, 'error')}, {_plural(result.warnings, 'warning')}"
    return text + (f" ({len(result.silenced)} silenced)" if result.silenced else "")


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def as_json(result: LintResult) -> dict[str, object]:
    """The findings as data; silenced ones carry the spec's reason."""
    return {
        "ok": result.errors == 0,
        "errors": result.errors,
        "warnings": result.warnings,
        "findings": [_item(f) for f in result.findings],
        "silenced": [_item(s.finding) | {"reason": s.reason} for s in result.silenced],
    }


def _item(finding: Finding) -> dict[str, object]:
    return {
        "rule": finding.rule,
        "severity": finding.severity,
        "file": finding.path,
        "line": finding.line,
        "col": finding.col,
        "model": finding.model_id,
        "message": finding.message,
    }


def annotation(finding: Finding) -> str:
    """A GitHub Actions ``::error`` or ``::warning`` line, escaped as the runner expects."""
    message = f"model {finding.model_id}: {finding.message}"
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path, title = (
        text.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
        for text in (finding.path, finding.rule)
    )
    return (
        f"::{finding.severity} file={path},line={finding.line},col={finding.col},"
        f"title={title}::{message}"
    )
