"""``modelspec check``: compare the tree with the spec's outputs; write nothing."""

from __future__ import annotations

import argparse
import json
import sys

from generator.exits import Exit
from generator.outputs import compare, unified_diff
from generator.pipeline import display_path, load_catalog, render_catalog
from generator.render import REGEN_COMMAND

NAME = "check"
HELP = "fail (exit 3) when the outputs differ from the spec"
DESCRIPTION = (
    "Render every output in memory and compare it with the tree; write nothing. On drift, "
    "print a unified diff, the missing, changed and stale files, and the command that fixes it."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """No options beyond the common ones."""


def run(args: argparse.Namespace) -> Exit:
    """Exit 0 when every output is up to date, else report the drift and exit 3."""
    rendered = render_catalog(load_catalog(args.spec))
    drift = compare(rendered, args.out)
    label = display_path(args.out)
    files = {
        "missing": [f"{label}/{rel}" for rel in drift.missing],
        "changed": [f"{label}/{rel}" for rel in drift.changed],
        "stale": [f"{label}/{rel}" for rel in drift.stale],
    }
    if args.format == "json":
        print(json.dumps({"ok": not drift, **files, "fix": REGEN_COMMAND}, indent=2))
        return Exit.DRIFT if drift else Exit.OK
    if not drift:
        print(f"{label}: {len(rendered)} files up to date")
        return Exit.OK
    sys.stdout.write(unified_diff(rendered, args.out, drift, label))
    for kind, paths in files.items():
        for path in paths:
            if args.format == "github":
                print(
                    f"::error file={path}::{kind}: {path} differs from the spec; run `{REGEN_COMMAND}`"
                )
            else:
                print(f"{kind}: {path}", file=sys.stderr)
    print(f"modelspec: outputs differ from the spec; run `{REGEN_COMMAND}`", file=sys.stderr)
    return Exit.DRIFT
