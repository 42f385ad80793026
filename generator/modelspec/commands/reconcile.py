"""``modelspec reconcile SNAPSHOT``: the spec against a saved GET /v1/models response."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from modelspec.config import load_settings
from modelspec.errors import UsageError
from modelspec.exits import Exit
from modelspec.files import SPEC_LIMIT, read_limited
from modelspec.report import display_path, escape_data, escape_property, print_json
from modelspec.review.reconcile import (
    CHANGED,
    DATABASE_ONLY,
    NOT_ENABLED,
    Difference,
    counts,
    reconcile,
)
from modelspec.review.snapshot import Snapshot, read_snapshot
from modelspec.spec.sources import LoadedSpec, project_spec

DESCRIPTION = (
    "Compare a saved GET /v1/models response (a JSON array of entries, or an object holding "
    "one under data or models; up to 16 MiB) with the spec. Report the models only the "
    "snapshot has (database-only), the spec's models it lacks (not enabled), and every value "
    "that differs from the spec's capabilities() entry, with both values. Keys the spec does "
    "not define at an entry's top level (pricing, display names) are not compared. Exit 6 "
    "when anything differs; a malformed snapshot exits 1 with every problem located."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """The snapshot to read."""
    parser.add_argument(
        "snapshot", metavar="SNAPSHOT", type=Path, help="the saved GET /v1/models response (JSON)"
    )


def run(args: argparse.Namespace) -> Exit:
    """Report every difference in the chosen format; exit 6 when there is any."""
    spec = project_spec(load_settings(args.config, args.spec, args.out))
    name = display_path(args.snapshot)
    try:
        raw = read_limited(args.snapshot, SPEC_LIMIT, "snapshot")
    except FileNotFoundError:
        raise UsageError(f"snapshot not found: {name}") from None
    snapshot = read_snapshot(raw, name)
    entries = {model_id: entry.data for model_id, entry in snapshot.entries.items()}
    differences = reconcile(spec.catalog, entries)
    if args.format == "json":
        print_json(as_json(differences, snapshot, spec))
    else:
        for line in (
            as_annotations(differences, snapshot, spec)
            if args.format == "github"
            else [f"{d.kind:<13}  {d}" for d in differences]
        ):
            print(line)
        print(summary(differences, snapshot, spec), file=sys.stderr if differences else sys.stdout)
    return Exit.DIFFERS if differences else Exit.OK


def summary(differences: list[Difference], snapshot: Snapshot, spec: LoadedSpec) -> str:
    """One line: the counts, or that the two agree."""
    models = len(spec.catalog.models)
    if not differences:
        return f"{snapshot.name} matches {spec.name}: {models} model{'s' if models != 1 else ''}"
    number = counts(differences)
    changed = {d.model_id for d in differences if d.kind == CHANGED}
    parts = [
        f"{number[DATABASE_ONLY]} database-only",
        f"{number[NOT_ENABLED]} not enabled",
        f"{number[CHANGED]} changed value{'s' if number[CHANGED] != 1 else ''} in "
        f"{len(changed)} model{'s' if len(changed) != 1 else ''}",
    ]
    return f"{snapshot.name} vs {spec.name}: {', '.join(parts)}"


def as_json(
    differences: list[Difference], snapshot: Snapshot, spec: LoadedSpec
) -> dict[str, object]:
    """The comparison as data, for tools."""
    return {
        "ok": not differences,
        "snapshot": snapshot.name,
        "spec": spec.name,
        "counts": counts(differences),
        "database_only": [d.model_id for d in differences if d.kind == DATABASE_ONLY],
        "not_enabled": [d.model_id for d in differences if d.kind == NOT_ENABLED],
        "differences": [d.as_dict() for d in differences],
    }


def as_annotations(
    differences: list[Difference], snapshot: Snapshot, spec: LoadedSpec
) -> list[str]:
    """One GitHub Actions ``::error`` a difference, placed where it can be fixed: a model the
    snapshot lacks on its line in the spec, anything else on its place in the snapshot."""
    paths = {}
    for number, d in enumerate(differences):
        entry = snapshot.entries.get(d.model_id)
        if entry is not None:  # a database-only model at its model_id, a value at itself
            paths[number] = snapshot.path(entry, d.field or ("model_id",))
    placed = snapshot.positions(list(paths.values()))
    lines = []
    for number, d in enumerate(differences):
        if number in paths:
            file, (line, col) = snapshot.name, placed[paths[number]]
        else:
            file, (line, col) = spec.name, spec.document.where(("models", d.model_id), key=True)
        lines.append(
            f"::error file={escape_property(file)},line={line},col={col},"
            f"title={escape_property('reconcile ' + d.kind)}::{escape_data(str(d))}"
        )
    return lines
