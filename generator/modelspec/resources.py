"""Where the tool's own files live: in the wheel (inside the package) or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent.parent  # generator/modelspec/ in a checkout


def package_dir() -> Path:
    """The ``modelspec`` package's folder: its code is an input of every output."""
    return _PACKAGE


def templates_dir() -> Path:
    """The built-in Jinja templates."""
    shipped = _PACKAGE / "templates"
    return shipped if shipped.is_dir() else _CHECKOUT / "templates"


def spec_schema_path() -> Path:
    """The JSON Schema every spec is validated against."""
    shipped = _PACKAGE / "schema" / "models.schema.json"
    return shipped if shipped.is_file() else _CHECKOUT / "spec" / "models.schema.json"
