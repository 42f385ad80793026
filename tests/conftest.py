"""Shared fixtures: the repository's paths, the rendered outputs, and whole-file snapshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from generator.config import Settings
from generator.model import Catalog
from generator.pipeline import load_catalog
from generator.render import render_all

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "models.yaml"
OUT = ROOT / "out"
SEED_PAGE = ROOT.parent / "shared" / "seed" / "rest-api-model-requirements.md"
SETTINGS = Settings(root=ROOT, spec=SPEC, out=OUT)


def render_out(catalog: Catalog) -> dict[str, str]:
    """Every output of ``catalog`` with this repo's layout, keyed by path relative to out/."""
    return {k.removeprefix("out/"): v for k, v in render_all(catalog, SETTINGS).items()}


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The catalog of the repository's own spec."""
    return load_catalog(SPEC)


@pytest.fixture(scope="session")
def rendered(catalog: Catalog) -> dict[str, str]:
    """Every output of the repository's spec, rendered in memory, keyed relative to out/."""
    return render_out(catalog)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch copy of the project's spec in the working directory, with no outputs yet."""
    (tmp_path / "spec").mkdir()
    shutil.copy(SPEC, tmp_path / "spec" / "models.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def text_snapshot_extension(suffix: str) -> type[SingleFileSnapshotExtension]:
    """A syrupy extension that stores one output as one readable file with its own suffix."""
    return type(
        f"TextSnapshot_{suffix}",
        (SingleFileSnapshotExtension,),
        {"_write_mode": WriteMode.TEXT, "file_extension": suffix},
    )
