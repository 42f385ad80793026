"""The request contract: every schema is valid, and all three validators agree on the rules.

Each case below is read off a model's usage notes in the seed fixture (tests/fixtures/seed),
whose outputs are judged. Every body goes through the JSON Schema, the Pydantic models and
validate_request, and all three must give the expected verdict.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_openapi

from modelspec.spec.model import Catalog
from tests.seed import seed
from tests.validators import Validators, unanimous

URL = "https://cdn.example.com/in.png"
VIDEO = "https://cdn.example.com/in.mp4"
P = "a calm lake at dawn"


def body(model: str, **fields: Any) -> dict[str, Any]:
    return {"model": model, "prompt": P, **fields}


# (id, body, code or None when valid) — the code is validate_request's for the first problem.
CASES: list[tuple[str, dict[str, Any], str | None]] = [
    # the common fields
    ("minimal body", body("flux-2"), None),
    ("prompt at the limit", body("wan-2-5", prompt="x" * 800), None),
    ("prompt over the limit", body("wan-2-5", prompt="x" * 801), "prompt_too_long"),
    ("prompt counts code points", body("wan-2-5", prompt="🦊" * 800), None),
    ("empty prompt", body("flux-2", prompt=""), "prompt_empty"),
    ("prompt missing", {"model": "flux-2"}, "missing_field"),
    ("model missing", {"prompt": P}, "missing_field"),
    ("unknown model", body("flux-3"), "unknown_model"),
    ("prompt not a string", body("flux-2", prompt=5), "invalid_type"),
    ("unknown field", body("flux-2", seed=1), "unsupported_field"),
    ("null optional field", body("wan-2-5", negative_prompt=None), "invalid_type"),
    ("body not an object", [], "invalid_body"),  # type: ignore[list-item]
    # prompts: whitespace alone is empty; strings must be Unicode text (no lone surrogate)
    ("prompt of whitespace", body("flux-2", prompt=" \t\n\u3000"), "prompt_empty"),
    ("prompt with whitespace around it", body("flux-2", prompt=" a fox\n"), None),
    ("prompt of a zero-width space", body("flux-2", prompt="\u200b"), None),
    ("prompt with a lone surrogate", body("flux-2", prompt="a \ud800 fox"), "invalid_unicode"),
    ("prompt of a lone low surrogate", body("flux-2", prompt="\udc00"), "invalid_unicode"),
    (
        "negative with a lone surrogate",
        body("wan-2-5", negative_prompt="\udfff"),
        "invalid_unicode",
    ),
    ("negative of whitespace", body("wan-2-5", negative_prompt=" "), None),
    # generation types: the first one is the default
    ("explicit default type", body("flux-2", generation_type="text-to-image"), None),
    (
        "unsupported type",
        body("flux-2", generation_type="image-to-image"),
        "unsupported_generation_type",
    ),
    ("null type", body("flux-2", generation_type=None), "invalid_type"),
    # source_media_urls: absent and [] both mean none
    (
        "text-to-image takes no URLs",
        body("flux-2", source_media_urls=[URL]),
        "too_many_source_media",
    ),
    ("[] means none", body("flux-2", source_media_urls=[]), None),
    (
        "not https",
        body("nano-banana-edit", source_media_urls=["http://x.test/a.png"]),
        "invalid_url",
    ),
    (
        "URL with a space",
        body("nano-banana-edit", source_media_urls=["https://x y"]),
        "invalid_url",
    ),
    (
        "URL with a space in the host",
        body("nano-banana-edit", source_media_urls=["https://cdn example.com/a.png"]),
        "invalid_url",
    ),
    (
        "URL ending in a newline",
        body("nano-banana-edit", source_media_urls=[URL + "\n"]),
        "invalid_url",
    ),
    ("URL without a host", body("nano-banana-edit", source_media_urls=["https://"]), "invalid_url"),
    (
        "URL with an empty host",
        body("nano-banana-edit", source_media_urls=["https:///a"]),
        "invalid_url",
    ),
    (
        "URL with a tab",
        body("nano-banana-edit", source_media_urls=["https://a/\tb"]),
        "invalid_url",
    ),
    ("URL of an IPv6 host", body("nano-banana-edit", source_media_urls=["https://[::1]/a"]), None),
    (
        "URL with user, port, query and fragment",
        body("nano-banana-edit", source_media_urls=["https://u:p@cdn.test:8443/a.png?x=1#y"]),
        None,
    ),
    (
        "URL with unicode in the path",
        body("nano-banana-edit", source_media_urls=["https://a/é"]),
        None,
    ),
    (
        "URL with unicode in the host",
        body("nano-banana-edit", source_media_urls=["https://é/a"]),
        "invalid_url",
    ),
    (
        "URL with a lone surrogate",
        body("nano-banana-edit", source_media_urls=["https://a/\ud800"]),
        "invalid_unicode",
    ),
    ("image-to-image needs one", body("nano-banana-edit"), "too_few_source_media"),
    (
        "image-to-image [] is none",
        body("nano-banana-edit", source_media_urls=[]),
        "too_few_source_media",
    ),
    ("image-to-image up to 10", body("nano-banana-edit", source_media_urls=[URL] * 10), None),
    (
        "image-to-image 11",
        body("nano-banana-edit", source_media_urls=[URL] * 11),
        "too_many_source_media",
    ),
    ("flux edit 1-8", body("flux-2-edit-1K", source_media_urls=[URL] * 8), None),
    ("flux edit 9", body("flux-2-edit-1K", source_media_urls=[URL] * 9), "too_many_source_media"),
    (
        "gpt up to 16",
        body(
            "gpt-1.5-image-medium", generation_type="image-to-image", source_media_urls=[URL] * 16
        ),
        None,
    ),
    (
        "5-lite t2i omits URLs",
        body("5-lite-text-to-image", source_media_urls=[URL]),
        "too_many_source_media",
    ),
    (
        "kling 2.5 exactly 2",
        body("kling-2-5-image-to-video-pro", source_media_urls=[URL, URL]),
        None,
    ),
    (
        "kling 2.5 one is too few",
        body("kling-2-5-image-to-video-pro", source_media_urls=[URL]),
        "too_few_source_media",
    ),
    (
        "kling 2.6 i2v exactly one",
        body("kling-2-6-image-to-video", source_media_urls=[URL, URL]),
        "too_many_source_media",
    ),
    (
        "motion control 1+1",
        body("kling-2-6-motion-control-720p", source_media_urls=[URL, VIDEO]),
        None,
    ),
    (
        "motion control image only",
        body("kling-3-0-motion-control-1080p", source_media_urls=[URL]),
        "too_few_source_media",
    ),
    (
        "motion control 3 URLs",
        body("kling-3-0-motion-control-720p", source_media_urls=[URL, VIDEO, URL]),
        "too_many_source_media",
    ),
    ("kling 3.0 t2v none", body("kling-3-0-std", source_media_urls=[URL]), "too_many_source_media"),
    (
        "kling 3.0 i2v 1-2",
        body("kling-3-0-pro", generation_type="image-to-video", source_media_urls=[URL, URL]),
        None,
    ),
    (
        "kling 3.0 i2v 3",
        body("kling-3-0-pro", generation_type="image-to-video", source_media_urls=[URL] * 3),
        "too_many_source_media",
    ),
    ("seedance t2v 0-1", body("seedance-1-5-pro", source_media_urls=[URL]), None),
    (
        "seedance t2v 2",
        body("seedance-1-5-pro", source_media_urls=[URL, URL]),
        "too_many_source_media",
    ),
    (
        "seedance i2v exactly 2",
        body("seedance-1-5-pro", generation_type="image-to-video", source_media_urls=[URL, URL]),
        None,
    ),
    (
        "seedance i2v 1",
        body("seedance-1-5-pro", generation_type="image-to-video", source_media_urls=[URL]),
        "too_few_source_media",
    ),
    ("veo t2v optional ref", body("veo3-1", source_media_urls=[URL]), None),
    ("veo t2v 2 refs", body("veo3-1-fast", source_media_urls=[URL, URL]), "too_many_source_media"),
    (
        "veo i2v 1-3",
        body("veo3-1", generation_type="image-to-video", source_media_urls=[URL] * 3),
        None,
    ),
    ("veo i2v needs one", body("veo3-1", generation_type="image-to-video"), "too_few_source_media"),
    ("storyboard optional image", body("sora-2-pro-storyboard", source_media_urls=[URL]), None),
    ("sora t2v omits URLs", body("sora-2", source_media_urls=[URL]), "too_many_source_media"),
    (
        "sora i2v exactly one",
        body("sora-2", generation_type="image-to-video", source_media_urls=[URL]),
        None,
    ),
    (
        "wan i2v exactly one",
        body("wan-2-5", generation_type="image-to-video", source_media_urls=[URL, URL]),
        "too_many_source_media",
    ),
    ("grok i2v exactly one", body("grok-image-to-video"), "too_few_source_media"),
    # duration: only where offered, one of the options
    ("duration offered", body("kling-2-6-text-to-video", duration="10s"), None),
    (
        "duration not offered",
        body("kling-2-6-text-to-video", duration="7s"),
        "unsupported_duration",
    ),
    ("duration as a number", body("kling-2-6-text-to-video", duration=5), "invalid_type"),
    ("seedance 12s", body("seedance-1-5-pro", duration="12s"), None),
    ("storyboard 25s", body("sora-2-pro-storyboard", duration="25s"), None),
    ("kling 3.0 3s", body("kling-3-0-std", duration="3s"), None),
    # grok-text-to-video-6s: "Fixed 6s duration; duration parameter ignored."
    ("grok 6s ignores a duration", body("grok-text-to-video-6s", duration="6s"), None),
    ("grok 6s ignores any duration", body("grok-text-to-video-6s", duration="90 minutes"), None),
    ("grok 6s ignores an empty duration", body("grok-text-to-video-6s", duration=""), None),
    ("grok 6s duration as a number", body("grok-text-to-video-6s", duration=6), "invalid_type"),
    ("grok 6s duration as null", body("grok-text-to-video-6s", duration=None), "invalid_type"),
    (
        "grok 6s duration with a lone surrogate",
        body("grok-text-to-video-6s", duration="6s\ud800"),
        "invalid_unicode",
    ),
    ("grok 6s takes no sound", body("grok-text-to-video-6s", sound=True), "unsupported_field"),
    ("veo duration not a parameter", body("veo3-1", duration="8s"), "unsupported_field"),
    # negative_prompt: only where negative is yes
    ("negative on imagen", body("imagen-4", negative_prompt="blur"), None),
    ("negative at the limit", body("wan-2-5", negative_prompt="x" * 800), None),
    ("negative too long", body("wan-2-5", negative_prompt="x" * 801), "negative_prompt_too_long"),
    ("negative not offered", body("flux-2", negative_prompt="blur"), "unsupported_field"),
    # sound: a boolean, only where sound is yes
    ("sound on kling 2.6", body("kling-2-6-text-to-video", sound=True), None),
    ("sound false", body("kling-3-0-std", sound=False), None),
    ("sound as 1", body("kling-2-6-text-to-video", sound=1), "invalid_type"),
    ('sound as "true"', body("kling-2-6-text-to-video", sound="true"), "invalid_type"),
    ("sound not offered", body("sora-2", sound=True), "unsupported_field"),
    # model-specific parameters from the notes
    ("5-lite quality high", body("5-lite-text-to-image", quality="high"), None),
    ("5-lite quality ultra", body("5-lite-text-to-image", quality="ultra"), "unsupported_value"),
    ("5-lite e.g. ratio is open", body("5-lite-text-to-image", aspect_ratio="4:3"), None),
    ("5-lite ratio malformed", body("5-lite-text-to-image", aspect_ratio="4x3"), "invalid_format"),
    (
        "ratio ending in a newline",
        body("5-lite-text-to-image", aspect_ratio="16:9\n"),
        "invalid_format",
    ),
    (
        "value ending in a newline",
        body("nano-banana-2", aspect_ratio="16:9\n"),
        "unsupported_value",
    ),
    ("duration ending in a newline", body("sora-2", duration="10s\n"), "unsupported_duration"),
    ("seedream e.g. ratio is open", body("seedream-v4-5", aspect_ratio="21:9"), None),
    ("gpt high only high", body("gpt-1.5-image-high", quality="medium"), "unsupported_value"),
    ("gpt medium takes medium", body("gpt-1.5-image-medium", quality="medium"), None),
    ("imagen-4 quality ultra", body("imagen-4", quality="ultra"), None),
    ("imagen-4-fast has no quality", body("imagen-4-fast", quality="fast"), "unsupported_field"),
    ("nano banana 2 closed ratios", body("nano-banana-2", aspect_ratio="21:9"), None),
    (
        "nano banana pro 7:5 refused",
        body("nano-banana-pro-4K", aspect_ratio="7:5"),
        "unsupported_value",
    ),
    ("seedance resolution", body("seedance-1-5-pro", resolution="1080p"), None),
    ("seedance 4K refused", body("seedance-1-5-pro", resolution="4K"), "unsupported_value"),
    ("seedance fixed_lens", body("seedance-1-5-pro", fixed_lens=True), None),
    ("fixed_lens as a string", body("seedance-1-5-pro", fixed_lens="true"), "invalid_type"),
    ("sora-2-pro hd", body("sora-2-pro", quality="hd"), None),
    ("sora-2 has no quality", body("sora-2", quality="hd"), "unsupported_field"),
]


@pytest.mark.parametrize(("name", "request_body", "code"), CASES, ids=[c[0] for c in CASES])
def test_rule(
    name: str, request_body: dict[str, Any], code: str | None, validators: Validators
) -> None:
    expected = code is None
    assert validators.verdicts(request_body) == unanimous(expected)
    errors = validators.limits.validate_request(request_body)
    assert [e.code for e in errors][:1] == ([] if code is None else [code])


def test_error_message_names_field_model_and_limit(validators: Validators) -> None:
    [error] = validators.limits.validate_request(body("flux-2", prompt="x" * 5210))
    assert (error.field, error.code) == ("/prompt", "prompt_too_long")
    assert error.message == "prompt has 5,210 characters; flux-2 allows at most 5,000"


def test_every_problem_is_listed(validators: Validators) -> None:
    bad = {"model": "flux-2", "prompt": "", "sound": True, "source_media_urls": ["ftp://x"], "x": 1}
    codes = sorted(e.code for e in validators.limits.validate_request(bad))
    assert codes == [
        "invalid_url",
        "prompt_empty",
        "too_many_source_media",
        "unsupported_field",
        "unsupported_field",
    ]


@pytest.mark.parametrize("model_id", [m.model_id for m in seed().catalog.models])
def test_schema_is_valid_and_its_examples_pass(model_id: str, validators: Validators) -> None:
    schema = validators.schemas[model_id]
    Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(f"/{model_id}.json")
    assert schema["examples"]
    for example in schema["examples"]:
        assert validators.verdicts(example) == unanimous(True)


def test_openapi_fragment_validates(rendered: dict[str, str], catalog: Catalog) -> None:
    document = yaml.safe_load(rendered["openapi/generate-media.yaml"])
    validate_openapi(document)
    request = document["components"]["schemas"]["GenerateMediaRequest"]
    mapping = request["discriminator"]["mapping"]
    assert sorted(mapping) == sorted(m.model_id for m in catalog.models)
    assert len(request["oneOf"]) == len(catalog.models)
    operation = document["paths"]["/v1/generate/media"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/GenerateMediaRequest"
    }


def test_capabilities_entry(validators: Validators) -> None:
    entry = validators.limits.capabilities("seedance-1-5-pro")
    assert entry["requires_input_media"] is False
    assert entry["limits"]["source_media"]["image-to-video"]["min_images"] == 2
    assert entry["limits"]["parameters"]["fixed_lens"] == {"type": "boolean"}
    assert entry["limits"]["ignored_fields"] == []
    grok = validators.limits.capabilities("grok-text-to-video-6s")["limits"]
    assert (grok["ignored_fields"], grok["duration_options"]) == (["duration"], [])
    assert validators.limits.capabilities("nope") is None


def test_an_ignored_field_is_said_to_be_ignored(rendered: dict[str, str]) -> None:
    schema = json.loads(rendered["schemas/grok-text-to-video-6s.json"])
    duration = schema["properties"]["duration"]
    assert duration["type"] == "string"
    assert duration["description"].startswith("Accepted and ignored by this model")
    fragment = yaml.safe_load(rendered["openapi/generate-media.yaml"])
    grok = fragment["components"]["schemas"]["GrokTextToVideo6sRequest"]
    in_openapi = dict(grok["properties"]["duration"])
    # The document's description also quotes the notes' sentences that name the field.
    assert in_openapi.pop("description").startswith(duration["description"])
    assert in_openapi == {k: v for k, v in duration.items() if k != "description"}
    assert (
        "duration: Annotated["
        in rendered["request_models.py"]
        .split("class GrokTextToVideo6sRequest")[1]
        .split("\nclass ")[0]
    )
    page = rendered["model_requirements.md"]
    below_the_table = page.split("## Per-model reference")[1].split("|\n\n", 1)[1]
    assert "- `grok-text-to-video-6s`: `duration` (any string).\n" in below_the_table
    catalog = json.loads(rendered["models.json"])
    [entry] = [m for m in catalog["models"] if m["model_id"] == "grok-text-to-video-6s"]
    assert entry["ignored_fields"] == ["duration"]
