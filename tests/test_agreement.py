"""Property tests: every generated validator gives the same verdict on every body.

The validators are the JSON Schemas, the OpenAPI fragment, Pydantic and validate_request
(tests/validators.py). The properties:

- valid bodies, generated from each model's own schema, are accepted by all;
- each valid body with exactly one rule broken is rejected by all;
- free-form bodies (any mix of fields and values) get one verdict from all;
- hostile bodies, which no schema would generate (unknown models, floats and objects where
  strings belong, strings at and past every length limit, trailing newlines, lone
  surrogates), get one verdict from all;
- the bodies built from each model's limits (tests/bodies.py, which the live guard uses too)
  get the right verdict from all, and a validator that strays is caught.

The outputs judged are the seed fixture's and those of tests/fixtures/kinds, whose parameters
are of every kind (integer, number, text, with bounds and defaults). Each property judges 400 bodies; in CI (``CI=true``)
one more test runs the properties again and judges and counts 28,000 bodies itself.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from modelspec.render import patterns
from modelspec.render.patterns import RATIO_PATTERN
from modelspec.spec.model import Catalog
from tests.bodies import MUTATIONS, any_disagreement, disagreements
from tests.seed import KINDS, fixture_validators, seed_validators
from tests.strategies import hostile_bodies, schema_bodies
from tests.validators import Validators, unanimous

IN_CI = os.environ.get("CI") == "true"
CI_EXAMPLES = 7_000  # per property, in the CI volume test
REQUIRED_IN_CI = 28_000

AGREEMENT = settings(
    max_examples=400,
    deadline=None,
    database=None,
    derandomize=IN_CI,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
)

# The seed fixture, and one with a parameter of every kind (tests/fixtures/kinds).
FIXTURES = {"seed": seed_validators(), "kinds": fixture_validators(KINDS)}
Case = tuple[str, dict[str, Any]]  # a fixture's name, and a body for its outputs


def each_fixture(make: Callable[[Validators], st.SearchStrategy[Any]]) -> st.SearchStrategy[Case]:
    """Bodies ``make`` draws for either fixture, each with the name of the fixture it is for."""
    drawn = {
        name: make(validators).map(functools.partial(_named, name))
        for name, validators in FIXTURES.items()
    }
    return st.sampled_from(sorted(drawn)).flatmap(drawn.__getitem__)


def _named(name: str, body: Any) -> Case:
    return name, body


ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.sampled_from(["", "5s", "10s", "high", "16:9", "1080p", "text-to-video", "image-to-image"]),
    st.text(max_size=5),
    st.lists(st.sampled_from(["https://a.test/x", "http://a.test/x", "https://", 3]), max_size=4),
)
COMMON_FIELDS = [
    "prompt",
    "generation_type",
    "source_media_urls",
    "duration",
    "negative_prompt",
    "sound",
    "seed",
]


def free_bodies(validators: Validators) -> st.SearchStrategy[dict[str, Any]]:
    """Any mix of the fields the fixture knows, with any values."""
    models = validators.limits.MODEL_LIMITS
    names = {p.name for limits in models.values() for p in limits.parameters}
    return st.builds(
        lambda model, fields: {"model": model, **fields},
        st.sampled_from(sorted(models)),
        st.dictionaries(st.sampled_from(COMMON_FIELDS + sorted(names)), ANY_VALUE, max_size=5),
    )


valid_bodies = each_fixture(lambda v: schema_bodies(v.schemas))


def passes_everywhere(case: Case) -> None:
    name, body = case
    validators = FIXTURES[name]
    assert validators.verdicts(body) == unanimous(True), validators.limits.validate_request(body)


def fails_everywhere_once_broken(case: Case, mutation: str) -> None:
    name, body = case
    validators = FIXTURES[name]
    broken = MUTATIONS[mutation](body, validators.limits.MODEL_LIMITS[body["model"]])
    if not broken:  # the rule does not apply to this model: judge the valid body instead
        passes_everywhere(case)
    for each in broken:
        assert validators.verdicts(each) == unanimous(False), (mutation, each)


def gets_one_verdict(case: Case) -> None:
    name, body = case
    validators = FIXTURES[name]
    verdicts = validators.verdicts(body)
    assert len(set(verdicts)) == 1, (verdicts, body, validators.limits.validate_request(body))


# Each property: what it checks, and the strategies of its arguments.
PROPERTIES: list[tuple[Callable[..., None], list[st.SearchStrategy[Any]]]] = [
    (passes_everywhere, [valid_bodies]),
    (fails_everywhere_once_broken, [valid_bodies, st.sampled_from(sorted(MUTATIONS))]),
    (gets_one_verdict, [each_fixture(free_bodies)]),
    (gets_one_verdict, [each_fixture(lambda v: hostile_bodies(v.limits))]),
]


@AGREEMENT
@given(valid_bodies)
def test_valid_bodies_pass_everywhere(case: Case) -> None:
    passes_everywhere(case)


@AGREEMENT
@given(valid_bodies, st.sampled_from(sorted(MUTATIONS)))
def test_one_broken_rule_fails_everywhere(case: Case, mutation: str) -> None:
    fails_everywhere_once_broken(case, mutation)


@AGREEMENT
@given(each_fixture(free_bodies))
def test_free_form_bodies_get_one_verdict(case: Case) -> None:
    gets_one_verdict(case)


@AGREEMENT
@given(each_fixture(lambda v: hostile_bodies(v.limits)))
def test_hostile_bodies_get_one_verdict(case: Case) -> None:
    gets_one_verdict(case)


@pytest.mark.skipif(not IN_CI, reason="the 20,000-body volume is CI's (CI=true)")
def test_ci_judges_20000_bodies() -> None:
    judged = 0

    def counted(check: Callable[..., None]) -> Callable[[tuple[Any, ...]], None]:
        def judge(arguments: tuple[Any, ...]) -> None:
            nonlocal judged
            judged += 1
            check(*arguments)

        return judge

    for check, strategies in PROPERTIES:
        volume = settings(AGREEMENT, max_examples=CI_EXAMPLES)
        volume(given(st.tuples(*strategies))(counted(check)))()
    assert judged >= REQUIRED_IN_CI, f"only {judged:,} bodies judged"


# --- the bodies built from each model's limits -----------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "model_id"),
    [(name, m) for name, v in FIXTURES.items() for m in sorted(v.limits.MODEL_LIMITS)],
)
def test_bodies_built_from_the_limits_get_the_right_verdict(fixture: str, model_id: str) -> None:
    assert disagreements(FIXTURES[fixture], model_id) == []


@pytest.mark.parametrize("validator", ["by_schema", "by_openapi", "by_pydantic", "by_function"])
@pytest.mark.parametrize("verdict", [True, False], ids=["accepts-all", "rejects-all"])
def test_a_validator_that_strays_is_caught(
    validators: Validators,
    catalog: Catalog,
    validator: str,
    verdict: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(validators, validator, lambda body: verdict)
    assert all(any_disagreement(validators, m.model_id) for m in catalog.models)


# --- what the tests can see ---------------------------------------------------------------


def test_pattern_strings_may_end_with_a_newline() -> None:
    # hypothesis-jsonschema never ends a pattern's string with a newline, unless told not to
    # (tests/strategies.py): Python's "$" accepts one, and the tests must be able to see that.
    ends_in_newline = find(from_schema({"type": "string", "pattern": "^a$"}), _ends_in_newline)
    assert ends_in_newline == "a\n"


def _ends_in_newline(text: str) -> bool:
    return text.endswith("\n")


def test_a_pattern_ending_in_dollar_is_caught(validators: Validators, catalog: Catalog) -> None:
    # The seed's outputs with W:H written as "^...$", which Python reads as "16:9" or "16:9\n".
    dollar = RATIO_PATTERN.replace(patterns.END, "$")
    schemas = json.loads(
        json.dumps(validators.schemas).replace(_json(RATIO_PATTERN), _json(dollar))
    )
    strayed = Validators(schemas, validators.limits, validators.models, validators.openapi)
    [model] = [m for m in catalog.models if any(p.kind == "ratio" for p in m.parameters)][:1]
    found = disagreements(strayed, model.model_id)
    assert found and all("16:9\\n" in line for line in found), found
    ratio = next(p.name for p in model.parameters if p.kind == "ratio")
    drawn = schema_bodies({model.model_id: schemas[model.model_id]})
    body = find(drawn, lambda b: str(b.get(ratio, "")).endswith("\n"), settings=FIND)
    assert strayed.by_schema(body) and not strayed.by_function(body)


def _json(text: str) -> str:
    return json.dumps(text)[1:-1]


FIND = settings(max_examples=2_000, database=None, suppress_health_check=list(HealthCheck))
