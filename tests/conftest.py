"""Shared fixtures: the seed fixture spec, its rendered outputs and validators, and snapshots.

No test reads the live spec/models.yaml or out/: they test the tool on tests/fixtures/seed
(see tests/seed.py). The live outputs have their own guards in tests/live/, which the default
run does not collect; .ci/run runs them by path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from modelspec.spec.model import Catalog
from tests.seed import SEED_PAGE, SEED_SPEC, seed, seed_validators
from tests.validators import Validators

ROOT = Path(__file__).resolve().parent.parent
SPEC = SEED_SPEC  # the spec every test copies: the frozen seed fixture, not the live spec
__all__ = ["ROOT", "SEED_PAGE", "SPEC", "render_out", "text_snapshot_extension"]

collect_ignore = ["live"]


def render_out(catalog: Catalog) -> dict[str, str]:
    """Every output of ``catalog`` with the seed project's layout, keyed relative to out/."""
    return seed().render(catalog)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The catalog of the seed fixture spec."""
    return seed().catalog


@pytest.fixture(scope="session")
def rendered() -> dict[str, str]:
    """Every output of the seed fixture spec, rendered once, keyed relative to out/."""
    return seed().rendered


@pytest.fixture(scope="session")
def validators() -> Validators:
    """The seed's JSON Schemas, Pydantic models and validate_request, imported once."""
    return seed_validators()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch copy of the seed spec as spec/models.yaml in the working directory, no outputs."""
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
