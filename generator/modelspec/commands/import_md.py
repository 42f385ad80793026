"""``modelspec import-md PAGE``: write a spec from an existing requirements page."""

from __future__ import annotations

import argparse
from pathlib import Path

from modelspec.commands.lint import as_json, print_result
from modelspec.config import load_settings
from modelspec.errors import UsageError
from modelspec.exits import Exit
from modelspec.files import SPEC_LIMIT, read_limited
from modelspec.report import display_path, print_json
from modelspec.resources import spec_schema_path
from modelspec.review.lint import lint
from modelspec.spec.import_md import SCHEMA_NAME, import_page, spec_text
from modelspec.spec.sources import load_spec
from modelspec.tree.outputs import atomic_write
from modelspec.tree.paths import check_spec_target
from modelspec.tree.project import placement

DESCRIPTION = (
    "Read a requirements page (the Markdown the old exporter wrote), build the spec from its "
    "tables and write it to the configured spec path, with the spec's JSON Schema beside it. "
    "Usage notes are kept word for word; add input rules and parameters by hand afterwards. "
    "Then print what `modelspec lint` finds in the imported notes."
)


def configure(parser: argparse.ArgumentParser) -> None:
    """The page to read, and whether an existing spec may be replaced."""
    parser.add_argument("page", type=Path, help="the Markdown page to import (up to 16 MiB)")
    parser.add_argument("--force", action="store_true", help="replace an existing spec")


def run(args: argparse.Namespace) -> Exit:
    """Import, validate the result as any spec is validated, then write it."""
    settings = load_settings(args.config, args.spec, args.out)
    target = settings.spec
    schema = target.parent / SCHEMA_NAME
    write_schema = not schema.exists()
    for path in (target, schema) if write_schema else (target,):
        check_spec_target(settings, path)
    placement(settings)  # no output, nor the manifest, may be where the spec goes
    if target.exists() and not args.force:
        raise UsageError(f"{display_path(target)} exists; pass --force to replace it")
    page = display_path(args.page)
    try:
        raw = read_limited(args.page, SPEC_LIMIT, "page")
    except FileNotFoundError:
        raise UsageError(f"page not found: {page}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{page} is not UTF-8") from None
    data = import_page(text, page)
    raw = spec_text(data).encode("utf-8")
    spec = load_spec(raw, settings.relative(target))  # validated as any spec is
    atomic_write(target, raw)
    if write_schema:
        atomic_write(schema, spec_schema_path().read_bytes())
    count = len(data["models"])
    models = f"{count} model{'s' if count != 1 else ''}"
    wrote = f"wrote {display_path(target)}: {models}; now run `{settings.regen_command}`"
    result = lint(spec)  # what the page's own notes contradict, to fix before the first regen
    if args.format == "json":
        print_json(
            {
                "ok": True,
                "wrote": settings.relative(target),
                "models": count,
                "lint": as_json(result),
            }
        )
    else:
        print(f"::notice::{wrote}" if args.format == "github" else wrote)
        print_result(result, spec.name, count, args.format)
    return Exit.OK
