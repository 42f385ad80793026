"""Integer, number and text parameters, with bounds and defaults, in every output.

The outputs are those of tests/fixtures/kinds, whose models carry a parameter of every kind.
The agreement of the validators on them is tests/test_agreement.py's; here, what each output
says about them, and the messages validate_request gives.
"""

from __future__ import annotations

import json
import random
import shutil
import struct
import subprocess
from typing import Any

import pytest
import yaml

from tests.seed import KINDS, fixture_project, fixture_validators
from tests.validators import unanimous

VALIDATORS = fixture_validators(KINDS)
RENDERED = fixture_project(KINDS).rendered


def body(model: str = "kinds-image", **fields: Any) -> dict[str, Any]:
    return {"model": model, "prompt": "a fox", **fields}


def test_capabilities_give_every_kind_its_bounds_and_default() -> None:
    parameters = VALIDATORS.limits.capabilities("kinds-image")["limits"]["parameters"]
    assert parameters == {
        "aspect_ratio": {"type": "string", "format": "W:H", "default": "1:1"},
        "guidance": {"type": "number", "minimum": 0.5, "maximum": 20, "default": 7.5},
        "hdr": {"type": "boolean", "default": False},
        "quality": {"type": "string", "values": ["draft", "final"], "default": "final"},
        "seed": {"type": "integer", "minimum": 0, "maximum": 4294967295},
        "steps": {"type": "integer", "minimum": 1, "default": 30},
        "strength": {"type": "number", "maximum": 1},
        "style": {"type": "string", "max_length": 12, "default": "vivid"},
    }
    assert json.loads(json.dumps(parameters)) == parameters  # JSON-ready


def test_models_json_and_every_schema_carry_the_bounds_and_default() -> None:
    catalog = json.loads(RENDERED["models.json"])
    [entry] = [m for m in catalog["models"] if m["model_id"] == "kinds-image"]
    guidance = entry["parameters"]["guidance"]
    assert (guidance["type"], guidance["minimum"], guidance["maximum"]) == ("number", 0.5, 20)
    assert guidance["default"] == 7.5
    assert "Default: 7.5." in guidance["description"]
    schema = json.loads(RENDERED["schemas/kinds-image.json"])
    for variant in schema["oneOf"]:
        assert variant["properties"]["guidance"] == guidance
        assert variant["properties"]["seed"]["type"] == "integer"
        assert variant["properties"]["style"]["maxLength"] == 12
    fragment = yaml.safe_load(RENDERED["openapi/generate-media.yaml"])
    components = fragment["components"]["schemas"]
    video = components["KindsVideoRequest"]["oneOf"][0]
    if "$ref" in video:  # each mode is a named component of its own
        video = components[video["$ref"].rsplit("/", 1)[1]]
    assert video["properties"]["fps"]["default"] == 24
    assert video["properties"]["tiny"]["minimum"] == 0.0001


def validated(request_body: dict[str, Any]) -> Any:
    """The Pydantic model of one generation type that ``request_body`` validates as."""
    model = VALIDATORS.models.GenerateMediaRequest.model_validate(request_body)
    while hasattr(model, "root"):  # the union of models, then of a model's generation types
        model = model.root
    return model


def test_pydantic_applies_and_documents_the_defaults() -> None:
    request = validated(body())
    assert (request.guidance, request.steps, request.style) == (7.5, 30, "vivid")
    assert (request.quality, request.aspect_ratio, request.hdr) == ("final", "1:1", False)
    fields = type(request).model_fields
    assert "Default: 30." in (fields["steps"].description or "")
    assert fields["seed"].default is not None  # no default: the MISSING sentinel, not None
    sent = validated(body(steps=7, seed=3))
    assert (sent.steps, sent.seed) == (7, 3)
    assert type(sent.steps) is int  # an integer stays an integer


def test_the_page_details_every_range_length_and_default() -> None:
    page = RENDERED["model_requirements.md"]
    assert (
        "- `kinds-video`: `caption` text of at most 1 character; `fps` an integer from 12 to 60,"
        " default 24; `motion` a number; `offset` an integer from -5 to 5; `tiny` a number"
        " from 0.0001 to 0.0025.\n"
    ) in page
    assert '`style` text of at most 12 characters, default "vivid".' in page
    details = page.split("Model-specific parameters with a range")[1]
    assert "`kinds-motion`" not in details  # no parameter
    assert (
        "- `kinds-motion`: `duration` (any string), `negative_prompt` (any string), `sound`"
        " (true or false).\n"
    ) in page


@pytest.mark.parametrize(
    ("fields", "verdict"),
    [
        ({"seed": 2.0}, True),  # JSON Schema 2020-12: 2.0 is an integer
        ({"seed": 4294967295.0}, True),
        ({"seed": 2.5}, False),
        ({"seed": True}, False),  # a boolean is no integer, though Python says it is one
        ({"seed": "2"}, False),
        ({"seed": -1}, False),
        ({"seed": 4294967296}, False),
        ({"steps": 10**30}, True),  # no maximum
        ({"guidance": 20}, True),  # a number may be written as an integer
        ({"guidance": 0.49}, False),
        ({"strength": -(10**400)}, True),  # no minimum; too large for a float
        ({"style": "\U0001f98a" * 12}, True),  # code points, not UTF-16 units
        ({"style": "x" * 13}, False),
        ({"style": "ok\ud800"}, False),
        ({"quality": None}, False),  # a default does not make null acceptable
        ({"steps": None}, False),
    ],
)
def test_numbers_and_text_get_one_verdict(fields: dict[str, Any], verdict: bool) -> None:
    assert VALIDATORS.verdicts(body(**fields)) == unanimous(verdict)


@pytest.mark.parametrize(
    ("fields", "code", "message"),
    [
        ({"seed": -1}, "out_of_range", "seed is out of range for kinds-image: use 0 to 4294967295"),
        ({"steps": 0}, "out_of_range", "steps is out of range for kinds-image: use at least 1"),
        (
            {"strength": 2},
            "out_of_range",
            "strength is out of range for kinds-image: use at most 1",
        ),
        (
            {"guidance": 0.25},
            "out_of_range",
            "guidance is out of range for kinds-image: use 0.5 to 20",
        ),
        ({"seed": 1.5}, "invalid_type", "seed must be an integer (a number without a fraction)"),
        ({"seed": True}, "invalid_type", "seed must be an integer, not a boolean"),
        ({"guidance": "7"}, "invalid_type", "guidance must be a number, not a string"),
        (
            {"style": "x" * 13},
            "value_too_long",
            "style has 13 characters; kinds-image allows at most 12",
        ),
        (
            {"style": "\udc00"},
            "invalid_unicode",
            "style holds a lone surrogate, U+DC00; send valid Unicode text",
        ),
    ],
)
def test_messages_name_the_range(fields: dict[str, Any], code: str, message: str) -> None:
    [error] = VALIDATORS.limits.validate_request(body(**fields))
    assert (error.field, error.code, error.message) == (f"/{next(iter(fields))}", code, message)


def test_a_tiny_range_is_written_as_json_writes_it() -> None:
    [error] = VALIDATORS.limits.validate_request(body("kinds-video", tiny=1))
    assert error.message == "tiny is out of range for kinds-video: use 0.0001 to 0.0025"


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js for Number::toString")
def test_numbers_in_messages_are_written_as_ecma_262_writes_them() -> None:
    rng = random.Random(14)
    values = [0.5, 7.5, 1e-7, 1.5e-6, 2.5e-5, 1e21, 1.5e21, 1e16 + 2, 0.1 + 0.2, -0.0, 5e-324]
    values += [struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0] for _ in range(500)]
    values = [v for v in values if v == v and abs(v) != float("inf")]
    script = (
        "const v = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(v.map(String)));"
    )
    result = subprocess.run(
        ["node", "-e", script], input=json.dumps(values), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    expected = json.loads(result.stdout)
    assert [VALIDATORS.limits._json_number(v) for v in values] == expected
