"""The live outputs' own guard: every generated validator agrees on bodies built from each model.

The test suite tests the tool on fixtures and never reads out/; this guards the data instead,
with nothing written in: every model, limit and value comes from the generated outputs. The
default test run skips this folder (``collect_ignore`` in tests/conftest.py); .ci/run runs it
by path, after ``modelspec check --full`` has shown that out/ matches spec/models.yaml.
"""

from __future__ import annotations

import json

import pytest
import yaml

from tests.bodies import disagreements
from tests.conftest import ROOT
from tests.validators import Validators, unanimous

OUT = ROOT / "out"
VALIDATORS = Validators.load(OUT)  # out/schemas, openapi/, request_models.py, model_limits.py
MODEL_IDS = list(VALIDATORS.limits.MODEL_LIMITS)


def test_every_output_holds_the_same_models() -> None:
    assert MODEL_IDS, "out/model_limits.py holds no model"
    assert sorted(VALIDATORS.schemas) == sorted(MODEL_IDS)
    catalog = json.loads((OUT / "models.json").read_text(encoding="utf-8"))
    assert [model["model_id"] for model in catalog["models"]] == MODEL_IDS
    openapi = yaml.safe_load((OUT / "openapi" / "generate-media.yaml").read_text(encoding="utf-8"))
    mapping = openapi["components"]["schemas"]["GenerateMediaRequest"]["discriminator"]["mapping"]
    assert sorted(mapping) == sorted(MODEL_IDS)


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_bodies_built_from_the_limits_get_one_verdict(model_id: str) -> None:
    """Valid bodies at every limit and edge pass every validator; each with one rule broken
    fails every one."""
    assert disagreements(VALIDATORS, model_id) == []


@pytest.mark.parametrize("model_id", MODEL_IDS)
def test_schema_examples_pass_everywhere(model_id: str) -> None:
    examples = VALIDATORS.schemas[model_id]["examples"]
    assert examples
    assert all(VALIDATORS.verdicts(example) == unanimous(True) for example in examples)
