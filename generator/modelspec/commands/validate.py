"""``modelspec validate``: check the spec against its schema and rules; write nothing."""

from __future__ import annotations

import argparse
import json

from modelspec.config import load_settings
from modelspec.exits import Exit
from modelspec.spec.sources import load_project

DESCRIPTION = "Validate the spec against its JSON Schema and rules; print every problem."


def configure(parser: argparse.ArgumentParser) -> None:
    """No options beyond the common ones."""


def run(args: argparse.Namespace) -> Exit:
    """Load and validate; a problem raises SpecInvalid, which the CLI reports."""
    settings = load_settings(args.config, args.spec, args.out)
    catalog = load_project(settings)
    count = len(catalog.models)
    if args.format == "json":
        print(json.dumps({"ok": True, "errors": [], "models": count}, indent=2))
    else:
        variants = sum(1 for model in catalog.models if model.family is not None)
        of_them = f" ({variants} of them variants)" if variants else ""
        print(f"{catalog.source}: ok, {count} model{'s' if count != 1 else ''}{of_them}")
    return Exit.OK
