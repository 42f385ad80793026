"""``modelspec lint``: usage notes that contradict the data, and data that looks wrong."""

from __future__ import annotations

import argparse
import sys

from modelspec.config import load_settings
from modelspec.exits import Exit
from modelspec.report import escape_data, escape_property, print_json
from modelspec.review.lint import RULES, Finding, LintResult, lint
from modelspec.spec.sources import project_spec

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
    entries = sum(1 for model in spec.catalog.models if model.family is None)  # not variants
    print_result(result, spec.name, entries, args.format)
    return Exit.LINT_ERRORS if result.errors else Exit.OK


def print_result(result: LintResult, name: str, models: int, fmt: str) -> None:
    """The findings on stdout, in ``fmt``; for text and github, a summary line after them
    (on stderr when there are findings, so a clean run prints one line on stdout)."""
    if fmt == "json":
        print_json(as_json(result))
        return
    for finding in result.findings:
        print(annotation(finding) if fmt == "github" else str(finding))
    summary = f"{name}: {_counts(result)}, {models} model{'s' if models != 1 else ''}"
    print(summary, file=sys.stderr if result.findings else sys.stdout)


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
    message = escape_data(f"model {finding.model_id}: {finding.message}")
    path, title = escape_property(finding.path), escape_property(finding.rule)
    return (
        f"::{finding.severity} file={path},line={finding.line},col={finding.col},"
        f"title={title}::{message}"
    )
