"""Models the spec does not list: limits from a GET /v1/models entry, validate_request's
``extra``, and the "did you mean" of an unknown model. The module is the seed fixture's.
"""

from __future__ import annotations

import copy
import dataclasses
import json
from types import MappingProxyType, ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bodies import broken_bodies, valid_bodies
from tests.near import near_misses, reference_near
from tests.seed import seed
from tests.test_lint_speed import cpu_budget
from tests.validators import import_file

PATH = seed().settings.out / "model_limits.py"
LIMITS = import_file(PATH, "model_limits_unlisted")
IDS = list(LIMITS.MODEL_LIMITS)
Error = Any


def unlisting() -> ModuleType:
    """Another instance of the module whose spec lists no model: every id is unlisted."""
    module = import_file(PATH, "model_limits_unlisting")
    module.MODEL_LIMITS = MappingProxyType({})
    return module


UNLISTING = unlisting()


def entry(model_id: str) -> dict[str, Any]:
    """The GET /v1/models entry of a listed model, as JSON gives it back."""
    found: dict[str, Any] = json.loads(json.dumps(LIMITS.capabilities(model_id)))
    return found


def without_suggestion(errors: list[Error]) -> list[tuple[str, str, str]]:
    """The errors as tuples; an unknown model's suggestions depend on the listed ids, so they
    are cut off."""
    return [(e.field, e.code, e.message.partition("; did you mean")[0]) for e in errors]


# --- ModelLimits.from_capabilities ---------------------------------------------------------


@pytest.mark.parametrize("model_id", IDS)
def test_the_entry_of_every_listed_model_gives_back_its_limits(model_id: str) -> None:
    assert LIMITS.capabilities(model_id)["model_id"] == model_id
    assert (
        LIMITS.ModelLimits.from_capabilities(LIMITS.capabilities(model_id))
        == (LIMITS.MODEL_LIMITS[model_id])
    )
    assert LIMITS.ModelLimits.from_capabilities(entry(model_id)) == LIMITS.MODEL_LIMITS[model_id]


@pytest.mark.parametrize("model_id", IDS)
def test_limits_from_the_entry_judge_every_body_as_the_spec_does(model_id: str) -> None:
    # Every id is unlisted in UNLISTING, so only ``extra`` can make it known there.
    limits = UNLISTING.ModelLimits.from_capabilities(entry(model_id))
    extra = {model_id: limits}
    unknown = UNLISTING.validate_request({"model": model_id, "prompt": "a"})
    assert [e.code for e in unknown] == ["unknown_model"]
    spec = LIMITS.MODEL_LIMITS[model_id]
    bodies = valid_bodies(spec) + [body for _, body in broken_bodies(spec)]
    assert len(bodies) > len(spec.inputs)
    for body in bodies:
        expected = LIMITS.validate_request(body)
        assert without_suggestion(UNLISTING.validate_request(body, extra=extra)) == (
            without_suggestion(expected)
        ), body


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=False)
    | st.text(max_size=4),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def shuffled_entries(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A listed model's entry with its keys in any order and database-only keys beside them."""
    model_id = draw(st.sampled_from(IDS))

    def shuffle(value: Any, depth: int = 0) -> Any:
        if isinstance(value, dict):
            keys = draw(st.permutations(list(value)))
            return {k: shuffle(value[k], depth + 1) for k in keys}
        return value

    found = shuffle(entry(model_id))
    extras = draw(st.dictionaries(st.sampled_from(["pricing", "display_name", "tags"]), JSON))
    return model_id, {**found, **extras}


@settings(max_examples=300, deadline=None, database=None)
@given(shuffled_entries())
def test_key_order_and_database_only_keys_change_nothing(case: tuple[str, dict[str, Any]]) -> None:
    model_id, found = case
    assert LIMITS.ModelLimits.from_capabilities(found) == LIMITS.MODEL_LIMITS[model_id]


def broken(model_id: str, path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """The entry of ``model_id`` with the value at ``path`` replaced (or removed: ``DROP``)."""
    found = entry(model_id)
    parent = found
    for key in path[:-1]:
        parent = parent[key]
    if value is DROP:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return found


DROP = object()
MALFORMED: list[tuple[str, tuple[str, ...], Any, str, str]] = [
    # model, path, new value, the error's field, words of its message
    ("flux-2", ("model_id",), DROP, "/model_id", "is required"),
    ("flux-2", ("model_id",), 7, "/model_id", "must be a string, not a number"),
    ("flux-2", ("model_id",), "", "/model_id", "must not be empty"),
    ("flux-2", ("generation_types",), DROP, "/generation_types", "is required"),
    ("flux-2", ("generation_types",), [], "/generation_types", "must not be empty"),
    ("flux-2", ("generation_types",), "text-to-image", "/generation_types", "must be an array"),
    ("flux-2", ("generation_types",), ["text-to-image", 3], "/generation_types/1", "a number"),
    ("flux-2", ("generation_types",), ["a", "a"], "/generation_types/1", "repeats 'a'"),
    ("flux-2", ("requires_input_media",), "no", "/requires_input_media", "true or false"),
    ("flux-2", ("input_media_types",), ["audio"], "/input_media_types/0", "one of: image, video"),
    ("flux-2", ("usage_notes",), None, "/usage_notes", "must be a string, not null"),
    ("flux-2", ("limits",), [], "/limits", "must be an object, not an array"),
    ("flux-2", ("limits", "prompt_max"), DROP, "/limits/prompt_max", "is required"),
    ("flux-2", ("limits", "prompt_max"), "5000", "/limits/prompt_max", "an integer, not a string"),
    ("flux-2", ("limits", "prompt_max"), 5000.0, "/limits/prompt_max", "an integer, not a number"),
    ("flux-2", ("limits", "prompt_max"), True, "/limits/prompt_max", "not a boolean"),
    ("flux-2", ("limits", "prompt_max"), 0, "/limits/prompt_max", "at least 1, not 0"),
    ("flux-2", ("limits", "max_images"), -1, "/limits/max_images", "at least 0, not -1"),
    ("flux-2", ("limits", "max_videos"), "2", "/limits/max_videos", "an integer"),
    ("flux-2", ("limits", "sound"), 1, "/limits/sound", "true or false, not a number"),
    ("flux-2", ("limits", "source_media"), [], "/limits/source_media", "an object"),
    (
        "flux-2",
        ("limits", "source_media", "text-to-video"),
        {},
        "/limits/source_media/text-to-video",
        "not one of generation_types",
    ),
    (
        "nano-banana-edit",
        ("limits", "source_media", "image-to-image", "min_images"),
        11,
        "/limits/source_media/image-to-image",
        "min_images 11 above max_images 10",
    ),
    (
        "kling-2-6-motion-control-720p",
        ("limits", "source_media", "image-to-video", "order"),
        ["image", "audio"],
        "/limits/source_media/image-to-video/order/1",
        "one of: image, video",
    ),
    (
        "seedance-1-5-pro",
        ("limits", "parameters", "fixed_lens"),
        True,
        "/limits/parameters/fixed_lens",
        "an object",
    ),
    (
        "seedance-1-5-pro",
        ("limits", "parameters", "resolution", "type"),
        "object",
        "/limits/parameters/resolution/type",
        "'string', 'boolean', 'integer' or 'number', not \"object\"",
    ),
    (
        "seedance-1-5-pro",
        ("limits", "parameters", "resolution", "values"),
        [],
        "/limits/parameters/resolution/values",
        "must not be empty",
    ),
    (
        "seedance-1-5-pro",
        ("limits", "parameters", "sound"),
        {"type": "boolean"},
        "/limits/parameters/sound",
        "a request field of its own",
    ),
    (
        "seedance-1-5-pro",
        ("limits", "parameters", "a/b"),
        {"type": "string"},
        "/limits/parameters/a~1b",
        "values (a closed list), format 'W:H' or max_length",
    ),
]


@pytest.mark.parametrize(("model_id", "path", "value", "field", "words"), MALFORMED)
def test_a_malformed_entry_names_the_model_and_the_field(
    model_id: str, path: tuple[str, ...], value: Any, field: str, words: str
) -> None:
    with pytest.raises(LIMITS.CapabilitiesError) as raised:
        LIMITS.ModelLimits.from_capabilities(broken(model_id, path, value))
    error = raised.value
    assert isinstance(error, ValueError)
    assert error.field == field
    assert words in error.problem
    assert error.model_id == (None if path == ("model_id",) else model_id)
    assert field in str(error) and words in str(error)
    if error.model_id is not None:
        assert str(error).startswith(f"capabilities of {model_id!r}: ")


@pytest.mark.parametrize("value", [None, [], "flux-2", 3, ["model_id"]])
def test_an_entry_that_is_not_an_object_is_refused(value: object) -> None:
    with pytest.raises(LIMITS.CapabilitiesError, match=r"^capabilities entry must be an object"):
        LIMITS.ModelLimits.from_capabilities(value)


@st.composite
def damaged_entries(draw: st.DrawFn) -> object:
    """A listed model's entry with one value anywhere replaced by any JSON value."""
    found = entry(draw(st.sampled_from(IDS)))
    places: list[tuple[Any, Any]] = []

    def collect(value: Any) -> None:
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            places.append((value, key))
            if isinstance(item, dict | list):
                collect(item)

    collect(found)
    parent, key = draw(st.sampled_from(places))
    parent[key] = draw(JSON)
    return found


@settings(
    max_examples=500, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(damaged_entries() | JSON)
def test_from_capabilities_raises_nothing_but_its_own_error(value: object) -> None:
    try:
        limits = LIMITS.ModelLimits.from_capabilities(copy.deepcopy(value))
    except LIMITS.CapabilitiesError as error:
        assert str(error)
        return
    # What it accepts, it can judge bodies with, and says back the same way.
    assert isinstance(limits, LIMITS.ModelLimits)
    LISTS_ONE.MODEL_LIMITS = MappingProxyType({limits.model_id: limits})
    assert LIMITS.ModelLimits.from_capabilities(LISTS_ONE.capabilities(limits.model_id)) == limits
    body = {"model": limits.model_id, "prompt": "a"}
    unlisted = UNLISTING.ModelLimits.from_capabilities(copy.deepcopy(value))
    assert isinstance(UNLISTING.validate_request(body, extra={limits.model_id: unlisted}), list)


LISTS_ONE = import_file(PATH, "model_limits_lists_one")  # capabilities() of any limits


# --- validate_request(body, extra=...) -------------------------------------------------------


def db_only(module: ModuleType = LIMITS, model_id: str = "seedream-v5") -> Any:
    """Limits of a model only the database knows, built by ``module``."""
    found = {**entry("flux-2"), "model_id": model_id, "price": {"per_image": 3}}
    return module.ModelLimits.from_capabilities(found)


def test_extra_makes_an_unlisted_model_known() -> None:
    limits = db_only()
    body = {"model": "seedream-v5", "prompt": "a fox"}
    assert [e.code for e in LIMITS.validate_request(body)] == ["unknown_model"]
    assert LIMITS.validate_request(body, extra={"seedream-v5": limits}) == []
    assert LIMITS.validate_request(body, extra={}) == LIMITS.validate_request(body)
    too_long = {**body, "prompt": "p" * 5001}
    assert [
        e.message for e in LIMITS.validate_request(too_long, extra={"seedream-v5": limits})
    ] == ["prompt has 5,001 characters; seedream-v5 allows at most 5,000"]


def test_a_listed_model_keeps_the_spec_limits_whatever_extra_says() -> None:
    looser = dataclasses.replace(LIMITS.MODEL_LIMITS["flux-2"], prompt_max=9000)
    body = {"model": "flux-2", "prompt": "p" * 6000}
    assert LIMITS.validate_request(body, extra={"flux-2": looser}) == LIMITS.validate_request(body)
    assert LIMITS.validate_request(body) != []


def test_extra_under_the_wrong_id_or_of_the_wrong_type_is_a_programming_error() -> None:
    body = {"model": "other", "prompt": "a"}
    with pytest.raises(ValueError, match="extra\\['other'\\] holds the limits of 'seedream-v5'"):
        LIMITS.validate_request(body, extra={"other": db_only()})
    with pytest.raises(TypeError, match="must be a ModelLimits, not dict"):
        LIMITS.validate_request(body, extra={"other": entry("flux-2")})
    with pytest.raises(TypeError, match="not be a ModelLimits"):
        LIMITS.validate_request(body, extra=db_only())  # one limits object, not a mapping


def test_rules_of_extra_limits_are_kept_per_object_and_bounded() -> None:
    module = import_file(PATH, "model_limits_extra_rules")
    limits = db_only(module)
    body = {"model": "seedream-v5", "prompt": "a"}
    module.validate_request(body, extra={"seedream-v5": limits})
    kept = dict(module._EXTRA_RULES)
    module.validate_request(body, extra={"seedream-v5": limits})
    assert kept == module._EXTRA_RULES and len(kept) == 1
    for _ in range(module._EXTRA_RULES_MAX + 10):
        module.validate_request(body, extra={"seedream-v5": db_only(module)})
    assert 0 < len(module._EXTRA_RULES) <= module._EXTRA_RULES_MAX


# --- did you mean ---------------------------------------------------------------------------


def unknown_message(model_id: str) -> str:
    (error,) = LIMITS.validate_request({"model": model_id, "prompt": "a fox"})
    assert error.code == "unknown_model"
    message: str = error.message
    return message


@pytest.mark.parametrize(
    ("sent", "meant"),
    [
        ("FLUX-2", ["flux-2"]),  # case
        ("flux-2 ", ["flux-2"]),  # surrounding whitespace
        ("z-image", ["Z-image"]),
        ("Z_image", ["Z-image"]),
        ("kling-2.6-text-to-video", ["kling-2-6-text-to-video"]),  # separators
        ("flux2", ["flux-2"]),  # one dropped
        ("veo-3-1", ["veo3-1"]),  # one added
        ("gpt-1.5-image-hgih", ["gpt-1.5-image-high"]),  # two swapped
        ("flux-2-3K", ["flux-2-1K", "flux-2-2K"]),  # one changed, two ids
        ("seedance-1-5", ["seedance-1-5-pro"]),  # a part missing at the end
        ("motion-control-720p", ["kling-2-6-motion-control-720p", "kling-3-0-motion-control-720p"]),
        ("flux-2-pro", ["flux-2"]),  # a part more
        ("kling-3-0", ["kling-3-0-pro", "kling-3-0-std", "kling-3-0-motion-control-720p"]),
        ("imagen", ["imagen-4", "imagen-4-fast", "imagen-4-ultra"]),
    ],
)
def test_a_near_miss_suggests_the_listed_ids(sent: str, meant: list[str]) -> None:
    quoted = [json.dumps(m) for m in meant]
    either = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    assert (
        unknown_message(sent)
        == f"model {json.dumps(sent)} is not a known model_id; did you mean {either}?"
    )


@pytest.mark.parametrize(
    "sent", ["nope", "", "   ", "-", "x" * 300, "midjourney-v7", "flux-2" * 40]
)
def test_an_id_near_nothing_gets_no_suggestion(sent: str) -> None:
    assert unknown_message(sent) == f"model {json.dumps(sent)} is not a known model_id"


@settings(max_examples=600, deadline=None, database=None)
@given(st.sampled_from(IDS).flatmap(near_misses) | st.text(max_size=12))
def test_suggestions_are_the_reference_ones(sent: str) -> None:
    if sent in LIMITS.MODEL_LIMITS:
        return
    assert LIMITS._near_model_ids(sent) == reference_near(IDS, sent)


def test_suggestions_stay_cheap_with_ten_thousand_models() -> None:
    # A pass over the catalog per unknown model (an edit distance to every id) would take
    # seconds per call here; look-ups and bisections take well under a millisecond.
    module = import_file(PATH, "model_limits_many")
    template = LIMITS.MODEL_LIMITS["flux-2"]
    ids = [f"vendor-{n % 97}-model-{n:05d}-{('fast', 'pro', 'hd')[n % 3]}" for n in range(10_000)]
    module.MODEL_LIMITS = MappingProxyType(
        {model_id: dataclasses.replace(template, model_id=model_id) for model_id in ids}
    )
    meant = ids[::25]
    kinds = (lambda m: m + "x", lambda m: m.rpartition("-")[0], str.upper)
    misses = [kinds[n % 3](model_id) for n, model_id in enumerate(meant)]
    module._near_model_ids("warm-up")  # the index is built once, on the first unknown model
    with cpu_budget(2.0):
        found = [module._near_model_ids(miss) for miss in misses]
    assert found == [[model_id] for model_id in meant]
