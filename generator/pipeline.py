"""The stages in order: read the spec, load, validate, build the catalog, render."""

from __future__ import annotations

import os
from pathlib import Path

from generator.errors import SpecInvalid, UsageError
from generator.model import Catalog, build_catalog


def load_catalog(spec: Path) -> Catalog:
    """Read, load and validate ``spec``; raise SpecInvalid with every problem, or UsageError."""
    from generator.loader import load_document
    from generator.validate import validate_document

    source = _display(spec)
    try:
        raw = spec.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"spec not found: {source}") from None
    except OSError as exc:
        raise UsageError(f"cannot read spec {source}: {exc.strerror}") from None
    document = load_document(raw, source)
    errors = validate_document(document)
    if errors:
        raise SpecInvalid(errors)
    assert isinstance(document.data, dict)
    return build_catalog(document.data, source)


def render_catalog(catalog: Catalog) -> dict[str, str]:
    """Every output, rendered in memory."""
    from generator.render import render_all

    return render_all(catalog)


def _display(path: Path) -> str:
    """The spec's name in messages and headers: relative and posix, never absolute if avoidable."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path.as_posix()
    return Path(relative).as_posix() if not relative.startswith("..") else path.name
