"""``modelspec regen``: render every output in memory, then bring the tree up to date."""

from __future__ import annotations

import argparse

from generator.config import load_settings
from generator.exits import Exit

DESCRIPTION = (
    "Render every output in memory, then rewrite only the files whose bytes change and delete "
    "outputs the spec no longer produces. An invalid spec or a failing template writes nothing."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """No options beyond the common ones."""


def run(args: argparse.Namespace) -> Exit:
    """Write what changed and report each file; nothing is written if anything fails first."""
    from generator import manifest
    from generator.config import cache_folder
    from generator.layout import owned_folders
    from generator.manifest import Stamps
    from generator.outputs import write_outputs
    from generator.pipeline import render_project

    settings = load_settings(args.config, args.spec, args.out)
    rendered = render_project(settings)
    digests = manifest.output_hashes(rendered[settings.relative(manifest.manifest_path(settings))])
    stamps = Stamps(cache_folder(settings), settings.root)
    drift = write_outputs(
        rendered,
        settings.root,
        owned_folders(settings),
        lambda rel: stamps.unchanged(rel, digests.get(rel)),
    )
    stamps.stamp(digests)
    for verb, paths in (
        ("created", drift.missing),
        ("updated", drift.changed),
        ("deleted", drift.stale),
    ):
        for rel in paths:
            print(f"{verb} {rel}")
    if not drift:
        print(f"{len(rendered)} files up to date")
    return Exit.OK
