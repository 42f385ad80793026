"""``modelspec changelog OLD NEW``: the Markdown entry for the docs changelog."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from modelspec.commands.diff import add_today_option, as_json, today_of
from modelspec.config import load_settings
from modelspec.exits import Exit
from modelspec.report import print_json
from modelspec.review.changes import compare, markdown
from modelspec.spec.sources import LoadedSpec, spec_at_ref, spec_from_file

DESCRIPTION = (
    "Write the Markdown changelog entry for the changes from OLD to NEW, grouped as breaking, "
    "non-breaking and docs-only. OLD and NEW are each a spec file when such a file exists, "
    "else a git ref whose --spec file is read (without a checkout). Always exits 0 on valid "
    "specs: breaking changes are listed, not refused."
)


FORMATS = ("markdown", "json")
FORMAT_HELP = (
    "markdown (default): the entry; json: the same changes as data. text and github do not "
    "apply: the entry is Markdown by design"
)


def configure(parser: argparse.ArgumentParser) -> None:
    """OLD and NEW, the entry's title, and the day deprecations are judged on."""
    parser.add_argument("old", metavar="OLD", help="the earlier spec: a file or a git ref")
    parser.add_argument("new", metavar="NEW", help="the later spec: a file or a git ref")
    parser.add_argument(
        "--title",
        default="Unreleased",
        help="the entry's heading, e.g. a version or a date (default: Unreleased)",
    )
    add_today_option(parser)


def run(args: argparse.Namespace) -> Exit:
    """Print the entry: a level-2 heading, then one level-3 section per class of change."""
    spec = load_settings(args.config, args.spec, args.out).spec
    old, new = (_spec(spec, where) for where in (args.old, args.new))
    changes = compare(old.catalog, new.catalog, today_of(args))
    title = " ".join(args.title.split()) or "Unreleased"
    if args.format == "json":
        print_json({"title": title, **as_json(changes, old, new)})
    else:
        sys.stdout.write(f"## {title}\n\n{markdown(changes)}")
    return Exit.OK


def _spec(spec: Path, where: str) -> LoadedSpec:
    """A spec file when ``where`` names one, else ``spec`` at the git ref ``where``."""
    path = Path(where)
    return spec_from_file(path) if path.exists() else spec_at_ref(spec, where)
