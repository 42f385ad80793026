"""Render every target in memory: one pure function from the catalog to ``{path: text}``.

``regen`` writes its result and ``check`` compares it; nothing renders while writing.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from modelspec.render.layout import Context, header_lines
from modelspec.render.render import make_environment, memo_salt, render_one
from modelspec.render.targets import (
    catalog_json,
    json_schemas,
    model_limits,
    openapi,
    request_models,
    requirements_page,
)
from modelspec.settings import Settings
from modelspec.spec.model import Catalog

# In the order they render; ``targets.NAMES`` lists the same names (tests hold them equal).
TARGETS: tuple[ModuleType, ...] = (
    model_limits,
    requirements_page,
    json_schemas,
    openapi,
    catalog_json,
    request_models,
)


def render_all(catalog: Catalog, settings: Settings) -> dict[str, str]:
    """Every output of every target, keyed by its path relative to the project root."""
    filters: dict[str, Callable[..., Any]] = {}
    for target in TARGETS:
        filters.update(target.FILTERS)
    env = make_environment(filters, [settings.templates] if settings.templates else [])
    header = header_lines(catalog.source, settings.regen_command)
    cache = settings.cache
    salt = memo_salt(settings) if cache is not None else ""
    context = Context(header, settings.regen_command, settings.page, cache, salt)
    # A target with a slow part that can run on another core starts it before the others.
    started = {t.NAME: t.prepare(catalog, context) for t in TARGETS if hasattr(t, "prepare")}
    rendered: dict[str, str | Callable[[], str]] = {}
    out = settings.relative(settings.out)
    for target in TARGETS:
        produce = started.get(target.NAME)
        moved = target.NAME in settings.outputs
        for output in produce() if produce else target.outputs(catalog, context):
            if moved:
                path = settings.relative(output_path(target, output.path, settings))
            else:  # under out/: the same path as output_path gives, without pathlib per file
                path = posixpath.normpath(posixpath.join(out, output.path))
            rendered[path] = render_one(env, catalog, context, output)
    # Python outputs were handed to the formatter as they came; collect them now.
    return {
        path: text if isinstance(text, str) else text() for path, text in sorted(rendered.items())
    }


def output_path(target: Any, path: str, settings: Settings) -> Path:
    """Where one output goes: under ``out``, or where [tool.modelspec.outputs] moved its target."""
    moved = settings.outputs.get(target.NAME)
    if moved is None:
        return settings.out / path
    if target.LOCATION.endswith("/"):
        return moved / path.removeprefix(target.LOCATION)
    return moved


def target_locations(settings: Settings) -> dict[str, tuple[Path, bool]]:
    """Each target's location by name: its path and whether it is a folder."""
    return {
        target.NAME: (
            output_path(target, target.LOCATION, settings),
            target.LOCATION.endswith("/"),
        )
        for target in TARGETS
    }
