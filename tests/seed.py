"""The seed fixture: a frozen copy of the spec as the seed page defines it, and its outputs.

Tests run the tool on this fixture, never on the live ``spec/models.yaml`` or ``out/``, so a
change to the live data needs only ``make regen``. The fixture is rendered once per test run
into a scratch project, with its own cache, and its outputs are written there to be imported.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from modelspec.render.project import render_all
from modelspec.settings import Settings
from modelspec.spec.model import Catalog
from modelspec.spec.sources import load_project
from tests.validators import Validators

SEED = Path(__file__).resolve().parent / "fixtures" / "seed"
SEED_SPEC = SEED / "models.yaml"
SEED_PAGE = SEED / "rest-api-model-requirements.md"
# A spec with a parameter of every kind, with and without bounds and defaults.
KINDS = SEED.parent / "kinds" / "models.yaml"


def seed_project(root: Path, spec: Path = SEED_SPEC) -> Settings:
    """Lay out a project at ``root`` with ``spec`` (the seed's unless told) as
    spec/models.yaml; its settings."""
    (root / "spec").mkdir(parents=True, exist_ok=True)
    shutil.copy(spec, root / "spec" / "models.yaml")
    return Settings(root=root, spec=root / "spec" / "models.yaml", out=root / "out")


@dataclass(frozen=True)
class Seed:
    """The seed project, rendered: its settings, catalog and outputs keyed relative to out/."""

    settings: Settings
    catalog: Catalog
    rendered: dict[str, str]

    def render(self, catalog: Catalog) -> dict[str, str]:
        """Every output of ``catalog`` with the seed project's layout, keyed relative to out/."""
        return render_out(catalog, self.settings)


def render_out(catalog: Catalog, settings: Settings) -> dict[str, str]:
    """Every output of ``catalog`` under ``settings``, keyed relative to the output folder."""
    return {k.removeprefix("out/"): v for k, v in render_all(catalog, settings).items()}


def seed() -> Seed:
    """The seed project, rendered and written once per process in a temporary folder.

    A cached function rather than a fixture: snapshot ids and hypothesis strategies need the
    outputs while the test modules are collected.
    """
    return fixture_project(SEED_SPEC)


@functools.cache
def fixture_project(spec: Path) -> Seed:
    """The project of a fixture spec, laid out as spec/models.yaml (as in the snapshots'
    headers), rendered and written once per process in a temporary folder."""
    root = Path(tempfile.mkdtemp(prefix=f"modelspec-{spec.parent.name}-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    settings = seed_project(root, spec)
    catalog = load_project(settings)
    rendered = render_out(catalog, settings)
    for rel, text in rendered.items():
        path = settings.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return Seed(settings, catalog, rendered)


def seed_validators() -> Validators:
    """The seed's validators: its JSON Schemas, OpenAPI fragment, Pydantic models and
    validate_request."""
    return fixture_validators(SEED_SPEC)


@functools.cache
def fixture_validators(spec: Path) -> Validators:
    """The validators of a fixture spec's outputs, imported once per process."""
    return Validators.load(fixture_project(spec).settings.out)
