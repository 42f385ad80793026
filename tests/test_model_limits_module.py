"""out/model_limits.py imports with the stdlib alone, holds the spec's values and passes the linters."""

from __future__ import annotations

import dataclasses
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from generator.model import Catalog
from tests.conftest import OUT, ROOT

MODULE_PATH = OUT / "model_limits.py"


def import_file(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


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


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "--no-cache", str(MODULE_PATH)],
        ["ruff", "format", "--check", "--no-cache", str(MODULE_PATH)],
        ["mypy", "--strict", "--no-incremental", str(MODULE_PATH)],
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_generated_module_passes(command: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
