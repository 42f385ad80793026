"""The generated model_limits.py imports with the stdlib alone, holds the spec's values and
passes the linters. The module is the seed fixture's, rendered into a scratch project."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from types import ModuleType

import pytest

from modelspec.spec.model import Catalog
from tests.conftest import ROOT
from tests.seed import seed
from tests.validators import import_file

MODULE_PATH = seed().settings.out / "model_limits.py"


@pytest.fixture(scope="module")
def model_limits() -> ModuleType:
    return import_file(MODULE_PATH, "model_limits_under_test")


def test_module_holds_the_spec_values(model_limits: ModuleType, catalog: Catalog) -> None:
    assert list(model_limits.MODEL_LIMITS) == [m.model_id for m in catalog.models]
    for model in catalog.models:
        limits = model_limits.get_model_limits(model.model_id)
        assert dataclasses.asdict(limits) == dataclasses.asdict(model)


def test_spot_values_from_the_page(model_limits: ModuleType) -> None:
    kling = model_limits.MODEL_LIMITS["kling-2-6-motion-control-720p"]
    assert kling.prompt_max == 2500
    assert kling.input_media_types == ("image", "video")
    assert (kling.max_images, kling.max_videos) == (1, 1)
    assert model_limits.MODEL_LIMITS["flux-2"].max_videos is None
    assert model_limits.MODEL_LIMITS["kling-3-0-std"].duration_options == (
        "3s",
        "5s",
        "8s",
        "10s",
        "15s",
    )
    assert "1\u20132 image URLs" in model_limits.MODEL_LIMITS["kling-3-0-std"].usage_notes


def test_unknown_model_gives_none(model_limits: ModuleType) -> None:
    assert model_limits.get_model_limits("no-such-model") is None


def test_limits_are_frozen_and_read_only(model_limits: ModuleType) -> None:
    limits = model_limits.MODEL_LIMITS["flux-2"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        limits.prompt_max = 1
    with pytest.raises(TypeError):
        model_limits.MODEL_LIMITS["flux-2"] = limits


def test_module_imports_only_the_stdlib() -> None:
    code = (
        "import sys, runpy; before = set(sys.modules);"
        f"runpy.run_path({str(MODULE_PATH)!r});"
        "new = {m.split('.')[0] for m in set(sys.modules) - before};"
        "print(sorted(m for m in new if m not in sys.stdlib_module_names))"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


CONFIG = str(ROOT / "pyproject.toml")  # the project's own ruff and mypy settings


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "--no-cache", "--config", CONFIG, str(MODULE_PATH)],
        ["ruff", "format", "--check", "--no-cache", "--config", CONFIG, str(MODULE_PATH)],
        ["mypy", "--strict", "--no-incremental", "--config-file", CONFIG, str(MODULE_PATH)],
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_generated_module_passes(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=MODULE_PATH.parent, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
