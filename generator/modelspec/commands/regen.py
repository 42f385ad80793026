"""``modelspec regen``: render every output in memory, then bring the tree up to date."""

from __future__ import annotations

import argparse
import sys

from modelspec.cache.memo import writes_on_success
from modelspec.config import load_settings
from modelspec.exits import Exit
from modelspec.report import escape_property, print_json
from modelspec.tree import manifest
from modelspec.tree.manifest import Stamps
from modelspec.tree.outputs import Drift, write_outputs
from modelspec.tree.project import placement, render_project

DESCRIPTION = (
    "Render every output in memory, then rewrite only the files whose bytes change and delete "
    "outputs the spec no longer produces. An invalid spec or a failing template writes nothing."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """No options beyond the common ones."""


def run(args: argparse.Namespace) -> Exit:
    """Write what changed and report each file; nothing is written if anything fails first."""
    settings = load_settings(args.config, args.spec, args.out)
    places = placement(settings)  # before anything is read or written
    previous = manifest.previous_run(settings)
    with writes_on_success():  # the cache learns only from a run whose outputs landed
        rendered = render_project(settings)
        manifest_rel = settings.relative(manifest.manifest_path(settings))
        digests = manifest.output_hashes(rendered[manifest_rel])
        stamps = Stamps(settings.cache, settings.root)
        drift = write_outputs(
            rendered,
            settings.root,
            manifest_rel,
            previous,
            places,
            lambda rel: stamps.unchanged(rel, digests.get(rel)),
        )
        stamps.stamp(digests)
    report(drift, len(rendered) - 1, manifest_rel, args.format)
    return Exit.OK


def report(drift: Drift, count: int, manifest_rel: str, fmt: str) -> None:
    """What regen did, file by file, in ``fmt``."""
    done = {"created": drift.missing, "updated": drift.changed, "deleted": drift.stale}
    if fmt == "json":
        manifest = {"missing": "created", "changed": "updated"}.get(drift.manifest or "")
        print_json({"ok": True, **done, "kept": drift.kept, "manifest": manifest, "files": count})
        return
    for verb, paths in done.items():
        for rel in paths:
            print(
                f"::notice file={escape_property(rel)}::{verb} {rel}"
                if fmt == "github"
                else f"{verb} {rel}"
            )
    for rel in drift.kept:
        message = (
            f"kept {rel}: no longer generated, but edited since regen wrote it; it is yours now"
        )
        if fmt == "github":
            print(f"::warning file={escape_property(rel)}::{message}")
        else:
            print(f"modelspec: {message}", file=sys.stderr)
    if not drift.missing and not drift.changed and not drift.stale:
        note = f" ({'wrote' if drift.manifest == 'missing' else 'updated'} the manifest)"
        files = f"{count} file{'s' if count != 1 else ''}"
        print(f"{files} up to date{note if drift.manifest else ''}")
