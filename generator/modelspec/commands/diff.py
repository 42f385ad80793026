"""``modelspec diff``: what the spec change does to callers, each change classified."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from modelspec.config import load_settings
from modelspec.exits import Exit
from modelspec.report import escape_data, escape_property, print_json
from modelspec.review.changes import BREAKING, Change, compare, count, markdown
from modelspec.spec.sources import LoadedSpec, project_spec, spec_at_ref, spec_from_file

DESCRIPTION = (
    "Compare the spec with the one at a git ref (default HEAD, read without a checkout) or in "
    "an old file, model by model and field by field. Each change is breaking, non-breaking or "
    "docs-only. Exit 4 when a change is breaking, unless --allow-breaking is given."
)
FORMATS = ("text", "markdown", "json", "github")


def configure(parser: argparse.ArgumentParser) -> None:
    """Where the old spec comes from, the day deprecations are judged on, and the formats."""
    old = parser.add_mutually_exclusive_group()
    old.add_argument(
        "--against",
        metavar="GIT_REF",
        default="HEAD",
        help="compare with the spec at this git ref (default: HEAD)",
    )
    old.add_argument("--old", metavar="PATH", type=Path, help="compare with this spec file")
    parser.add_argument(
        "--allow-breaking",
        action="store_true",
        help="exit 0 even when a change is breaking (it is still reported)",
    )
    add_today_option(parser)


def add_today_option(parser: argparse.ArgumentParser) -> None:
    """``--today``: the day a deprecated model's removal is judged on (its sunset passed or not)."""
    parser.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=_day,
        default=None,
        help="judge sunset dates as of this day (default: the current date)",
    )


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date written YYYY-MM-DD: {text!r}") from None


def today_of(args: argparse.Namespace) -> datetime.date:
    """The ``--today`` option, else the current local date."""
    day: datetime.date | None = args.today
    return day if day is not None else datetime.date.today()


def run(args: argparse.Namespace) -> Exit:
    """Report every change; exit 4 on a breaking one unless it is allowed."""
    settings = load_settings(args.config, args.spec, args.out)
    new = project_spec(settings)
    old = spec_from_file(args.old) if args.old else spec_at_ref(settings.spec, args.against)
    changes = compare(old.catalog, new.catalog, today_of(args))
    breaking = any(c.kind == BREAKING for c in changes)
    if args.format == "json":
        print_json(as_json(changes, old, new))
    elif args.format == "markdown":
        sys.stdout.write(markdown(changes))
    elif args.format == "github":
        sys.stdout.write(as_annotations(changes, new, allowed=args.allow_breaking))
    else:
        sys.stdout.write(as_text(changes, old, new))
    if not breaking:
        return Exit.OK
    if args.allow_breaking:
        print("modelspec: breaking changes allowed (--allow-breaking)", file=sys.stderr)
        return Exit.OK
    number = count(changes)[BREAKING]
    found = "1 breaking change" if number == 1 else f"{number} breaking changes"
    print(f"modelspec: {found}; pass --allow-breaking to accept", file=sys.stderr)
    return Exit.BREAKING


def as_text(changes: list[Change], old: LoadedSpec, new: LoadedSpec) -> str:
    """One line a change, its class first, then a summary line."""
    if not changes:
        return f"{old.name} → {new.name}: no changes\n"
    lines = "".join(f"{c.kind:<12}  {c}\n" for c in changes)
    counts = ", ".join(f"{n} {kind}" for kind, n in count(changes).items())
    return f"{lines}{old.name} → {new.name}: {counts}\n"


def as_annotations(changes: list[Change], new: LoadedSpec, *, allowed: bool) -> str:
    """One GitHub Actions annotation a change, on the spec: an error for a breaking change
    (a warning once --allow-breaking accepts it), a notice for any other."""
    level = {BREAKING: "warning" if allowed else "error"}
    lines = [
        f"::{level.get(c.kind, 'notice')} file={escape_property(new.name)},"
        f"title={escape_property(c.kind)}::{escape_data(str(c))}\n"
        for c in changes
    ]
    return "".join(lines)


def as_json(changes: list[Change], old: LoadedSpec, new: LoadedSpec) -> dict[str, object]:
    """The comparison as data, for tools."""
    counts = count(changes)
    return {
        "old": old.name,
        "new": new.name,
        "breaking": counts[BREAKING] > 0,
        "counts": counts,
        "changes": [c.as_dict() for c in changes],
    }
