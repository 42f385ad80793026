"""Fuzzing: random specs and random request bodies never cause an uncaught exception.

The bodies go to the validate_request of the seed fixture and of tests/fixtures/kinds, whose
parameters are integers, numbers and text with bounds and defaults.
"""

from __future__ import annotations

import contextlib
import copy
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelspec.cli import main
from tests.seed import KINDS, fixture_project, seed
from tests.validators import import_file

SMALL_SPEC: dict[str, Any] = {
    "request_fields": [
        {"concept": "Prompt length", "field": "prompt", "notes": "Stay within prompt max."}
    ],
    "models": {
        "flux-2": {
            "prompt_max": 5000,
            "generation_types": ["text-to-image", "image-to-image"],
            "requires_input": False,
            "input_media_types": ["image"],
            "max_images": 4,
            "ignored": ["sound"],
            "usage_notes": "Text or image.",
        },
        "kling-x": {
            "prompt_max": 2500,
            "generation_types": ["image-to-video"],
            "requires_input": True,
            "input_media_types": ["image", "video"],
            "max_images": 1,
            "max_videos": 1,
            "duration_options": ["5s"],
            "sound": True,
            "inputs": {
                "image-to-video": {"min_videos": 1, "max_videos": 1, "order": ["image", "video"]}
            },
            "parameters": {
                "quality": {"values": ["std", "pro"], "default": "std"},
                "fixed_lens": {"type": "boolean"},
                "seed": {"type": "integer", "minimum": 0, "maximum": 10, "default": 3},
                "guidance": {"type": "number", "maximum": 20.5},
                "style": {"type": "string", "max_length": 5},
            },
            "usage_notes": "Image then video.",
        },
    },
}

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**13), 10**13)
    | st.floats(allow_nan=True)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
KEYS = [
    ("models", "flux-2", "prompt_max"),
    ("models", "flux-2", "generation_types"),
    ("models", "flux-2", "max_images"),
    ("models", "flux-2", "usage_notes"),
    ("models", "kling-x", "inputs"),
    ("models", "kling-x", "inputs", "image-to-video", "min_videos"),
    ("models", "kling-x", "parameters", "quality"),
    ("models", "kling-x", "parameters", "quality", "default"),
    ("models", "kling-x", "parameters", "seed"),
    ("models", "kling-x", "parameters", "seed", "maximum"),
    ("models", "kling-x", "parameters", "guidance", "maximum"),
    ("models", "kling-x", "parameters", "style", "max_length"),
    ("models", "flux-2", "ignored"),
    ("models", "kling-x", "duration_options"),
    ("models", "kling-x"),
    ("request_fields",),
    ("models",),
]


def mutate(
    spec: dict[str, Any], path: tuple[str, ...], value: object, delete: bool
) -> dict[str, Any]:
    spec = copy.deepcopy(spec)
    node: Any = spec
    for key in path[:-1]:
        node = node[key]
    if delete:
        node.pop(path[-1], None)
    else:
        node[path[-1]] = value
    return spec


@pytest.fixture(autouse=True)
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every command runs in a scratch folder, never in the repository."""
    monkeypatch.chdir(tmp_path)


FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,
    derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(path=st.sampled_from(KEYS), value=JSON, delete=st.booleans())
def test_mutated_specs_validate_or_fail_cleanly(
    tmp_path: Path,
    path: tuple[str, ...],
    value: object,
    delete: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    spec = tmp_path / "models.yaml"
    spec.write_text(
        yaml.safe_dump(mutate(SMALL_SPEC, path, value, delete), allow_unicode=True),
        encoding="utf-8",
    )
    code = main(["validate", "--spec", str(spec)])
    err = capsys.readouterr().err  # the summary line of an invalid spec
    assert code in (0, 1)
    assert (code == 1) == bool(err)


@FUZZ
@given(raw=st.binary(max_size=200) | st.text(max_size=200).map(lambda t: t.encode("utf-8")))
def test_random_bytes_validate_or_fail_cleanly(
    tmp_path: Path, raw: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "models.yaml"
    spec.write_bytes(raw)
    assert main(["validate", "--spec", str(spec)]) in (0, 1)
    capsys.readouterr()


@settings(FUZZ, max_examples=8)
@given(
    model=st.sampled_from(["flux-2", "kling-x"]),
    prompt_max=st.integers(1, 20_000),
    notes=st.text(min_size=1, max_size=40),
)
def test_valid_random_specs_regenerate_and_check(
    tmp_path_factory: pytest.TempPathFactory,
    model: str,
    prompt_max: int,
    notes: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    project = tmp_path_factory.mktemp("fuzz")
    spec = mutate(SMALL_SPEC, ("models", model, "prompt_max"), prompt_max, False)
    spec = mutate(spec, ("models", model, "usage_notes"), notes, False)
    (project / "models.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    args = ["--spec", "models.yaml", "--out", "out"]
    with contextlib.chdir(project):  # each example is a project of its own
        code = main(["regen", *args])
        if code == 1:  # notes with control characters are refused; that is a clean answer too
            assert "control character" in "".join(capsys.readouterr())
            return
        assert code == 0
        assert main(["check", *args]) == 0
    capsys.readouterr()


# The seed's module, and one whose parameters are of every kind (tests/fixtures/kinds).
MODULES = [
    import_file(seed().settings.out / "model_limits.py", "model_limits_fuzz"),
    import_file(fixture_project(KINDS).settings.out / "model_limits.py", "model_limits_fuzz_kinds"),
]
MODEL_IDS = sorted(m for module in MODULES for m in module.MODEL_LIMITS)
PARAMETERS = sorted(
    {p.name for module in MODULES for m in module.MODEL_LIMITS.values() for p in m.parameters}
)
BODY_KEYS = st.sampled_from(
    [
        "model",
        "prompt",
        "generation_type",
        "source_media_urls",
        "duration",
        "sound",
        "x",
        *PARAMETERS,
    ]
)
BODIES = JSON | st.dictionaries(
    BODY_KEYS | st.text(max_size=4),
    JSON | st.sampled_from(MODEL_IDS) | st.integers() | st.floats() | st.text(),
)


@settings(FUZZ, max_examples=2000)
@given(BODIES, st.sampled_from(MODULES))
def test_validate_request_never_raises(body: object, module: Any) -> None:
    errors = module.validate_request(body)
    assert isinstance(errors, list)
    assert all(e.field == "" or e.field.startswith("/") for e in errors)
