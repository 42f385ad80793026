"""The stages in order: read the spec, load, validate, build the catalog, render."""

from __future__ import annotations

import os
from pathlib import Path

from generator.config import Settings
from generator.model import Catalog


def load_catalog(spec: Path, source: str | None = None) -> Catalog:
    """Read, load and validate ``spec``; raise SpecInvalid with every problem, or UsageError.

    ``source`` is the spec's name in messages and headers (default: see ``source_name``).
    """
    from generator.sources import spec_from_file

    return spec_from_file(spec, source).catalog


def render_project(settings: Settings) -> dict[str, str]:
    """Every output of the configured project, plus the manifest that records them.

    Check the output locations first (``generator.layout.placement``): this renders only.
    """
    from generator import manifest
    from generator.codegen import cool_down, warm_up
    from generator.layout import target_locations
    from generator.memo import writes_on_success
    from generator.render import render_all

    warm_up()
    try:
        with writes_on_success():  # a failed render leaves the caches as they were
            rendered = render_all(load_project(settings), settings)
    finally:
        cool_down()
    locations = {
        key: settings.relative(path) + ("/" if folder else "")
        for key, (path, folder) in target_locations(settings).items()
    }
    manifest_text = manifest.build(settings, rendered, locations)
    rendered[settings.relative(manifest.manifest_path(settings))] = manifest_text
    return dict(sorted(rendered.items()))


def load_project(settings: Settings) -> Catalog:
    """The catalog of the configured spec, named relative to the project root."""
    from generator.sources import project_spec

    return project_spec(settings).catalog


def display_path(path: Path) -> str:
    """A path as the user should see it: relative to the working directory where possible."""
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:
        return path.as_posix()


def source_name(spec: Path) -> str:
    """The spec's name in messages and headers, the same from any working directory.

    It is relative to the spec's project root: the nearest folder above it that holds a
    pyproject.toml or .git. Without one, it is relative to the working directory.
    """
    spec = spec.absolute()
    for folder in spec.parents:
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return spec.relative_to(folder).as_posix()
    try:
        relative = os.path.relpath(spec)
    except ValueError:
        return spec.name
    return Path(relative).as_posix() if not relative.startswith("..") else spec.name
