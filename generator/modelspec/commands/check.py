"""``modelspec check``: compare the tree with the spec's outputs; write nothing.

By default the manifest answers first: when every input and output hashes as recorded, the
tree is up to date and nothing is rendered. Otherwise, and always with ``--full``, every output
is rendered and compared, so the report names each file and shows the diff.
"""

from __future__ import annotations

import argparse
import sys

from modelspec.config import load_settings
from modelspec.exits import Exit
from modelspec.report import escape_property, print_json
from modelspec.settings import Settings
from modelspec.tree import manifest
from modelspec.tree.manifest import UP_TO_DATE
from modelspec.tree.outputs import compare, unified_diff
from modelspec.tree.project import placement, render_project

DESCRIPTION = (
    "Compare the tree with the spec's outputs; write nothing. On drift, print a unified diff, "
    "the missing, changed and stale files, and the command that fixes it. Unchanged inputs and "
    "outputs are recognised from the manifest without rendering; --full always renders."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """``--full``: render and compare everything, whatever the manifest says (CI runs this)."""
    parser.add_argument(
        "--full", action="store_true", help="render and compare every output; skip the manifest"
    )


def run(args: argparse.Namespace) -> Exit:
    """Exit 0 when every output is up to date, else report the drift and exit 3."""
    settings = load_settings(args.config, args.spec, args.out)
    if not args.full and _manifest_says_up_to_date(settings):
        return _report_clean(args, settings, count=None)
    return _full_check(args, settings)


def _manifest_says_up_to_date(settings: Settings) -> bool:
    return manifest.up_to_date(settings)


def _report_clean(args: argparse.Namespace, settings: Settings, count: int | None) -> Exit:
    if args.format == "json":
        print_json(
            {
                "ok": True,
                "missing": [],
                "changed": [],
                "stale": [],
                "manifest": None,
                "fix": settings.regen_command,
            }
        )
    elif count is None:
        print(UP_TO_DATE)
    else:
        print(f"{count} file{'s' if count != 1 else ''} up to date")
    return Exit.OK


def _full_check(args: argparse.Namespace, settings: Settings) -> Exit:
    places = placement(settings)  # before anything is read
    previous = manifest.previous_run(settings)
    rendered = render_project(settings)
    manifest_rel = settings.relative(manifest.manifest_path(settings))
    drift = compare(rendered, settings.root, manifest_rel, previous, places)
    if not drift:
        return _report_clean(args, settings, count=len(rendered) - 1)
    fix = settings.regen_command
    if args.format == "json":
        files = {kind: list(paths) for kind, paths in drift.files.items()}
        print_json({"ok": False, **files, "manifest": drift.manifest, "fix": fix})
        return Exit.DRIFT
    sys.stdout.write(unified_diff(rendered, settings.root, drift))
    for kind, paths in drift.files.items():
        for path in paths:
            if args.format == "github":
                print(f"::error file={escape_property(path)}::{path} is {kind}; run `{fix}`")
            else:
                print(f"{kind}: {path}")
    if drift.manifest:
        state = "is missing" if drift.manifest == "missing" else "does not match the outputs"
        message = f"the manifest {manifest_rel} {state}"
        if args.format == "github":
            print(f"::error file={escape_property(manifest_rel)}::{message}; run `{fix}`")
        else:
            print(f"manifest: {message}")
    what = "outputs differ from the spec" if any(drift.files.values()) else "the manifest is stale"
    print(f"modelspec: {what}; run `{fix}`", file=sys.stderr)
    return Exit.DRIFT
