"""The project's tree as it should be: every output rendered, plus the manifest recording them.

``regen`` writes it and ``check`` compares it (``modelspec.tree.outputs``); this only renders.
"""

from __future__ import annotations

from modelspec.cache.memo import writes_on_success
from modelspec.render.codegen import cool_down, warm_up
from modelspec.render.project import render_all, target_locations
from modelspec.settings import Settings
from modelspec.spec.sources import load_project
from modelspec.tree import manifest
from modelspec.tree.paths import Placement


def render_project(settings: Settings) -> dict[str, str]:
    """Every output of the configured project, plus the manifest that records them.

    Check the output locations first (``placement``): this renders only.
    """
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


def placement(settings: Settings) -> Placement:
    """The project's output locations, checked (see ``modelspec.tree.paths``); UsageError if
    unsafe."""
    return Placement(settings, target_locations(settings))
