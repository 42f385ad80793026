"""``modelspec check``: compare the tree with the spec's outputs; write nothing."""

from __future__ import annotations

import argparse
import json
import sys

from generator.config import load_settings
from generator.exits import Exit
from generator.outputs import compare, unified_diff
from generator.pipeline import load_project
from generator.render import owned_folders, render_all

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
    settings = load_settings(args.config, args.spec, args.out)
    rendered = render_all(load_project(settings), settings)
    drift = compare(rendered, settings.root, owned_folders(settings))
    fix = settings.regen_command
    files = {"missing": drift.missing, "changed": drift.changed, "stale": drift.stale}
    if args.format == "json":
        print(
            json.dumps(
                {"ok": not drift, **{k: list(v) for k, v in files.items()}, "fix": fix}, indent=2
            )
        )
        return Exit.DRIFT if drift else Exit.OK
    if not drift:
        print(f"{len(rendered)} files up to date")
        return Exit.OK
    sys.stdout.write(unified_diff(rendered, settings.root, drift))
    for kind, paths in files.items():
        for path in paths:
            if args.format == "github":
                print(f"::error file={path}::{path} is {kind}; run `{fix}`")
            else:
                print(f"{kind}: {path}", file=sys.stderr)
    print(f"modelspec: outputs differ from the spec; run `{fix}`", file=sys.stderr)
    return Exit.DRIFT
