"""Property tests: the JSON Schemas, Pydantic and validate_request give the same verdict on every body.

- valid bodies, generated from each model's own schema, are accepted by all three;
- each valid body with exactly one rule broken is rejected by all three;
- free-form bodies (any mix of fields and values) get one verdict from all three.

In CI (``CI=true``) the three tests together judge at least 20,000 bodies; the count is checked.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from tests.conftest import OUT
from tests.validators import Validators

IN_CI = os.environ.get("CI") == "true"
EXAMPLES = 7_000 if IN_CI else 400
REQUIRED_IN_CI = 20_000
JUDGED: list[int] = [0]

settings.register_profile(
    "agreement",
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=IN_CI,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

VALIDATORS = Validators.load(OUT)
LIMITS = VALIDATORS.limits.MODEL_LIMITS
STRATEGIES = {model_id: from_schema(schema) for model_id, schema in VALIDATORS.schemas.items()}


def judge(body: object) -> tuple[bool, bool, bool]:
    JUDGED[0] += 1
    return VALIDATORS.verdicts(body)


valid_bodies = st.sampled_from(sorted(STRATEGIES)).flatmap(lambda model_id: STRATEGIES[model_id])


@settings(settings.get_profile("agreement"))
@given(valid_bodies)
def test_valid_bodies_pass_everywhere(body: dict[str, Any]) -> None:
    assert judge(body) == (True, True, True), VALIDATORS.limits.validate_request(body)


Mutation = Callable[[dict[str, Any], Any], dict[str, Any] | None]


def _mode(body: dict[str, Any], limits: Any) -> Any:
    kind = body.get("generation_type", limits.generation_types[0])
    return next(r for r in limits.inputs if r.generation_type == kind)


def _with(body: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {**body, **changes}


def _without(body: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k != key}


def _too_many_urls(body: dict[str, Any], limits: Any) -> dict[str, Any]:
    return _with(
        body,
        source_media_urls=["https://a.test/x"]
        * (_mode(body, limits).max_images + _mode(body, limits).max_videos + 1),
    )


def _too_few_urls(body: dict[str, Any], limits: Any) -> dict[str, Any] | None:
    rule = _mode(body, limits)
    least = rule.min_images + rule.min_videos
    return _with(body, source_media_urls=["https://a.test/x"] * (least - 1)) if least else None


def _bad_url(body: dict[str, Any], limits: Any) -> dict[str, Any] | None:
    urls = body.get("source_media_urls") or []
    return _with(body, source_media_urls=["http://a.test/x", *urls[1:]]) if urls else None


def _unsupported_optional(body: dict[str, Any], limits: Any) -> dict[str, Any] | None:
    if not limits.sound:
        return _with(body, sound=True)
    if not limits.negative_prompt:
        return _with(body, negative_prompt="x")
    if not limits.duration_options:
        return _with(body, duration="5s")
    return None


def _bad_parameter(body: dict[str, Any], limits: Any) -> dict[str, Any] | None:
    for parameter in limits.parameters:
        wrong = {"values": "not-a-value", "boolean": "true", "ratio": "16x9"}[parameter.kind]
        return _with(body, **{parameter.name: wrong})
    return None


MUTATIONS: dict[str, Mutation] = {
    "empty prompt": lambda b, m: _with(b, prompt=""),
    "prompt too long": lambda b, m: _with(b, prompt="p" * (m.prompt_max + 1)),
    "prompt not a string": lambda b, m: _with(b, prompt=7),
    "no prompt": lambda b, m: _without(b, "prompt"),
    "no model": lambda b, m: _without(b, "model"),
    "unknown model": lambda b, m: _with(b, model=m.model_id + "-x"),
    "unknown field": lambda b, m: _with(b, seed=1),
    "null prompt": lambda b, m: _with(b, prompt=None),
    "unsupported generation type": lambda b, m: _with(b, generation_type="video-to-video"),
    "null generation type": lambda b, m: _with(b, generation_type=None),
    "too many URLs": _too_many_urls,
    "too few URLs": _too_few_urls,
    "http URL": _bad_url,
    "URLs not a list": lambda b, m: _with(b, source_media_urls="https://a.test/x"),
    "unsupported optional field": _unsupported_optional,
    "bad duration": lambda b, m: _with(b, duration="999s") if m.duration_options else None,
    "null duration": lambda b, m: _with(b, duration=None) if m.duration_options else None,
    "sound as 1": lambda b, m: _with(b, sound=1) if m.sound else None,
    "negative too long": lambda b, m: (
        _with(b, negative_prompt="n" * (m.prompt_max + 1)) if m.negative_prompt else None
    ),
    "bad parameter": _bad_parameter,
}


@settings(settings.get_profile("agreement"))
@given(valid_bodies, st.sampled_from(sorted(MUTATIONS)))
def test_one_broken_rule_fails_everywhere(body: dict[str, Any], mutation: str) -> None:
    broken = MUTATIONS[mutation](body, LIMITS[body["model"]])
    if broken is None:  # the rule does not apply to this model: judge the valid body instead
        assert judge(body) == (True, True, True)
        return
    assert judge(broken) == (False, False, False), (mutation, broken)


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["", "5s", "10s", "high", "16:9", "1080p", "text-to-video", "image-to-image"]),
    st.text(max_size=5),
    st.lists(st.sampled_from(["https://a.test/x", "http://a.test/x", "https://", 3]), max_size=4),
)
FIELDS = [
    "prompt",
    "generation_type",
    "source_media_urls",
    "duration",
    "negative_prompt",
    "sound",
    "quality",
    "aspect_ratio",
    "resolution",
    "fixed_lens",
    "seed",
]
free_bodies = st.builds(
    lambda model, fields: {"model": model, **fields},
    st.sampled_from(sorted(STRATEGIES)),
    st.dictionaries(st.sampled_from(FIELDS), ANY_VALUE, max_size=5),
)


@settings(settings.get_profile("agreement"))
@given(free_bodies)
def test_free_form_bodies_get_one_verdict(body: dict[str, Any]) -> None:
    verdicts = judge(body)
    assert len(set(verdicts)) == 1, (verdicts, body, VALIDATORS.limits.validate_request(body))


@pytest.mark.skipif(not IN_CI, reason="the 20,000-body volume is CI's (CI=true)")
def test_ci_judged_enough_bodies() -> None:
    assert JUDGED[0] >= REQUIRED_IN_CI, f"only {JUDGED[0]:,} bodies judged"
