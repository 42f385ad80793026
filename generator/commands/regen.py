"""``modelspec regen``: render every output in memory, then bring the tree up to date."""

from __future__ import annotations

import argparse

from generator.exits import Exit
from generator.outputs import write_outputs
from generator.pipeline import display_path, load_catalog, render_catalog

NAME = "regen"
HELP = "regenerate every output from the spec"
DESCRIPTION = (
    "Render every output in memory, then rewrite only the files whose bytes change and delete "
    "outputs the spec no longer produces. An invalid spec or a failing template writes nothing."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """No options beyond the common ones."""


def run(args: argparse.Namespace) -> Exit:
    """Write what changed and report each file; nothing is written if anything fails first."""
    rendered = render_catalog(load_catalog(args.spec))
    drift = write_outputs(rendered, args.out)
    label = display_path(args.out)
    for verb, paths in (
        ("created", drift.missing),
        ("updated", drift.changed),
        ("deleted", drift.stale),
    ):
        for rel in paths:
            print(f"{verb} {label}/{rel}")
    if not drift:
        print(f"{label}: {len(rendered)} files up to date")
    return Exit.OK
