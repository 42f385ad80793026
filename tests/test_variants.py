"""Variants in the outputs: every output knows every variant id, and every validator gives a
body sent to a variant the same, right verdict.

Driven by the variants fixture (tests/variants_fixture.py): seedance-1-5-pro expands into
resolution x duration x optional audio, kling-3-0 into mode x optional ratio x optional
camera (booleans fixed both ways).
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelspec.spec.model import Catalog, Model
from tests.bodies import disagreements, other_accepted
from tests.strategies import schema_bodies
from tests.validators import import_file
from tests.variants_fixture import variant_validators, variants

VARIANTS = variants()
CATALOG: Catalog = VARIANTS.catalog
RENDERED = VARIANTS.rendered
CHECK = variant_validators()
LIMITS = CHECK.limits
URL = "https://cdn.example.com/in.png"

FAMILY_IDS = [m.model_id for m in CATALOG.models if m.model_id in CATALOG.families]
VARIANT_IDS = [m.model_id for m in CATALOG.models if m.family is not None]
ALL_IDS = [m.model_id for m in CATALOG.models]


def model(model_id: str) -> Model:
    return next(m for m in CATALOG.models if m.model_id == model_id)


def spec_models() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(VARIANTS.settings.spec.read_text("utf-8"))
    return data["models"]


# --- expansion ---------------------------------------------------------------------------------


def test_seedance_expands_to_the_18_ids_of_its_axes() -> None:
    # The product of the axes as the spec writes them, worked out here independently.
    axes = spec_models()["seedance-1-5-pro"]["variants"]
    resolutions, durations = axes[0]["values"], axes[1]["values"]
    expected = [
        f"seedance-1-5-pro-{r}-{d}{audio}"
        for r, d, audio in itertools.product(resolutions, durations, ["", "-audio"])
    ]
    assert len(expected) == 18
    assert list(CATALOG.families["seedance-1-5-pro"]) == expected
    assert "seedance-1-5-pro-720p-8s" in expected
    assert "seedance-1-5-pro-1080p-12s-audio" in expected
    assert model("seedance-1-5-pro-1080p-12s-audio").fixed == (
        ("resolution", "1080p"),
        ("duration", "12s"),
        ("sound", True),
    )
    assert model("seedance-1-5-pro-720p-8s").fixed == (("resolution", "720p"), ("duration", "8s"))


def test_a_mapping_axis_fixes_its_values_and_an_optional_one_may_be_left_out() -> None:
    fixes = {m.model_id: dict(m.fixed) for m in CATALOG.models if m.family == "kling-3-0"}
    assert fixes["kling-3-0-std"] == {"mode": "std"}
    assert fixes["kling-3-0-pro-tall-still"] == {
        "mode": "pro",
        "aspect_ratio": "9:16",
        "camera_fixed": True,
    }
    assert fixes["kling-3-0-std-moving"] == {"mode": "std", "camera_fixed": False}
    assert len(fixes) == 2 * 3 * 3


def test_a_variant_has_its_familys_limits_and_the_family_stays() -> None:
    family = model("seedance-1-5-pro")
    assert family.family is None and family.fixed == ()
    for variant in CATALOG.variants_of("seedance-1-5-pro"):
        assert variant.family == "seedance-1-5-pro"
        assert _limits(variant) == _limits(family)


def _limits(m: Model) -> tuple[Any, ...]:
    return (m.prompt_max, m.generation_types, m.inputs, m.parameters, m.duration_options, m.sound)


def test_each_variant_has_a_fingerprint_of_its_own() -> None:
    prints = [CATALOG.fingerprint(m) for m in CATALOG.models]
    assert all(prints)
    assert len(set(prints)) == len(prints)


# --- every output knows every variant id -------------------------------------------------------


def test_every_variant_has_a_schema_file() -> None:
    files = {path.removeprefix("schemas/").removesuffix(".json") for path in RENDERED}
    assert set(VARIANT_IDS) <= files
    for variant_id in VARIANT_IDS:
        schema = json.loads(RENDERED[f"schemas/{variant_id}.json"])
        assert schema["$id"].endswith(f"/{variant_id}.json")
        assert schema["description"].startswith(f"Variant of {model(variant_id).family}: ")


def test_the_openapi_discriminator_maps_every_variant() -> None:
    document = yaml.safe_load(RENDERED["openapi/generate-media.yaml"])
    union = document["components"]["schemas"]["GenerateMediaRequest"]
    mapping = union["discriminator"]["mapping"]
    assert list(mapping) == ALL_IDS
    assert [entry["$ref"] for entry in union["oneOf"]] == list(mapping.values())
    for ref in mapping.values():
        assert ref.removeprefix("#/components/schemas/") in document["components"]["schemas"]


def test_pydantic_has_a_class_per_variant_in_the_union() -> None:
    module = CHECK.models
    members = module.GenerateMediaRequest.model_fields["root"].annotation.__args__
    ids = []
    for member in members:
        inner = member.model_fields["root"].annotation if "root" in member.model_fields else member
        first = inner.__args__[0] if hasattr(inner, "__args__") else inner
        ids.append(first.model_fields["model"].annotation.__args__[0])
    assert ids == ALL_IDS


def test_models_json_names_each_variants_family_and_fixes() -> None:
    entries = {e["model_id"]: e for e in json.loads(RENDERED["models.json"])["models"]}
    assert list(entries) == ALL_IDS
    for variant_id in VARIANT_IDS:
        variant = model(variant_id)
        assert entries[variant_id]["family"] == variant.family
        assert entries[variant_id]["fixed"] == dict(variant.fixed)
    for family_id in FAMILY_IDS:
        assert entries[family_id]["variants"] == list(CATALOG.families[family_id])
        assert "family" not in entries[family_id]
    assert "variants" not in entries["flux-2"] and "family" not in entries["flux-2"]


def test_the_module_knows_every_variant() -> None:
    assert list(LIMITS.MODEL_LIMITS) == ALL_IDS
    for variant_id in VARIANT_IDS:
        variant = model(variant_id)
        limits = LIMITS.get_model_limits(variant_id)
        assert (limits.family, limits.fixed) == (variant.family, variant.fixed)
        entry = LIMITS.capabilities(variant_id)
        assert entry["family"] == variant.family
        assert entry["fixed"] == dict(variant.fixed)
        # Everything else is the family's entry.
        family_entry = LIMITS.capabilities(variant.family)
        assert entry["model_id"] == variant_id
        family_entry["model_id"] = variant_id
        assert {k: v for k, v in entry.items() if k not in ("family", "fixed")} == family_entry
    assert "family" not in LIMITS.capabilities("seedance-1-5-pro")


def test_a_variants_capabilities_read_back_as_its_limits() -> None:
    """from_capabilities reads family and fixed: every id of the fixture round-trips, and a
    variant rebuilt from its entry still refuses a contradiction (validated as an extra id)."""
    for model_id, limits in LIMITS.MODEL_LIMITS.items():
        assert LIMITS.ModelLimits.from_capabilities(LIMITS.capabilities(model_id)) == limits
    variant = next(m for m in CATALOG.models if m.family is not None and m.fixed)
    entry = LIMITS.capabilities(variant.model_id) | {"model_id": "db-only-variant"}
    rebuilt = LIMITS.ModelLimits.from_capabilities(entry)
    name, value = variant.fixed[0]
    other = next(v for v in _family_values(variant, name) if v != value)
    body = {"model": "db-only-variant", "prompt": "p", name: other}
    codes = [e.code for e in LIMITS.validate_request(body, extra={"db-only-variant": rebuilt})]
    assert "variant_conflict" in codes
    fixed_entry = {k: v for k, v in entry.items() if k != "family"}
    with pytest.raises(LIMITS.CapabilitiesError, match="only for a variant"):
        LIMITS.ModelLimits.from_capabilities(fixed_entry)


def _family_values(variant: Model, name: str) -> list[Any]:
    """Values the family accepts for ``name``: its durations, both booleans, or its values."""
    family = model(variant.family or "")
    if name == "duration":
        return list(family.duration_options)
    if name == "sound":
        return [True, False]
    parameter = next(p for p in family.parameters if p.name == name)
    return list(parameter.values) if parameter.kind == "values" else [True, False, "1:1", "16:9"]


def test_family_models_gives_every_variant_of_a_family() -> None:
    for family_id in FAMILY_IDS:
        assert LIMITS.family_models(family_id) == CATALOG.families[family_id]
    assert LIMITS.family_models("flux-2") == ()
    assert LIMITS.family_models("seedance-1-5-pro-720p-8s") == ()
    assert LIMITS.family_models("no-such-model") == ()
    assert "family_models" in LIMITS.__all__
    assert "family_models(family_id)" in LIMITS.__doc__


def test_the_generated_module_passes_mypy_strict_and_ruff(tmp_path: Any) -> None:
    import subprocess
    import sys
    from pathlib import Path

    path = VARIANTS.settings.out / "model_limits.py"
    bin_dir = Path(sys.executable).parent
    ruff = subprocess.run(
        [str(bin_dir / "ruff"), "check", "--no-cache", "--isolated", str(path)],
        capture_output=True,
        text=True,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


# --- the page ----------------------------------------------------------------------------------


def test_the_page_table_has_one_row_per_spec_entry_and_lists_variants_below() -> None:
    from tests.test_page_fidelity import parse_tables

    page = RENDERED["model_requirements.md"]
    rows = parse_tables(page)[1][1:]
    assert [row[0] for row in rows] == [m.model_id for m in CATALOG.models if m.family is None]
    section = page[page.index("\n## Variants\n") :]  # below the table
    assert page.index("| seedance-1-5-pro-fast |") < page.index("\n## Variants\n")
    for family_id in FAMILY_IDS:
        count = len(CATALOG.families[family_id])
        assert f"- `{family_id}`: {count} variants\n" in section
    for variant_id in VARIANT_IDS:
        fixes = ", ".join(
            f"{name} `{json.dumps(value)}`" for name, value in model(variant_id).fixed
        )
        assert f"  - `{variant_id}`: {fixes}\n" in section


def test_a_page_without_variants_has_no_variants_section(rendered: dict[str, str]) -> None:
    assert "## Variants" not in rendered["model_requirements.md"]  # the seed fixture


# --- one verdict on bodies sent to variants ----------------------------------------------------


def verdict(body: dict[str, Any]) -> bool:
    """The one verdict all four validators give ``body``; fails when they disagree."""
    verdicts = CHECK.verdicts(body)
    assert len(set(verdicts)) == 1, (verdicts, body, LIMITS.validate_request(body))
    return verdicts[0]


V = "seedance-1-5-pro-720p-8s"
A = "seedance-1-5-pro-1080p-12s-audio"
K = "kling-3-0-pro-wide-moving"
CASES: list[tuple[str, dict[str, Any], bool]] = [
    ("omits what the id fixes", {"model": V, "prompt": "a fox"}, True),
    ("repeats it", {"model": V, "prompt": "a", "duration": "8s", "resolution": "720p"}, True),
    ("repeats a fixed true", {"model": A, "prompt": "a", "sound": True}, True),
    ("repeats a fixed false", {"model": K, "prompt": "a", "camera_fixed": False}, True),
    ("repeats a fixed ratio", {"model": K, "prompt": "a", "aspect_ratio": "16:9"}, True),
    ("contradicts a duration", {"model": V, "prompt": "a", "duration": "4s"}, False),
    ("contradicts a value", {"model": V, "prompt": "a", "resolution": "1080p"}, False),
    ("contradicts a fixed true", {"model": A, "prompt": "a", "sound": False}, False),
    ("contradicts a fixed false", {"model": K, "prompt": "a", "camera_fixed": True}, False),
    ("contradicts a fixed ratio", {"model": K, "prompt": "a", "aspect_ratio": "9:16"}, False),
    ("a value the family rejects", {"model": V, "prompt": "a", "duration": "99s"}, False),
    ("a ratio the family rejects", {"model": K, "prompt": "a", "aspect_ratio": "16x9"}, False),
    ("fixed duration as a number", {"model": V, "prompt": "a", "duration": 8}, False),
    ("fixed true as 1", {"model": A, "prompt": "a", "sound": 1}, False),
    ("fixed true as 1.0", {"model": A, "prompt": "a", "sound": 1.0}, False),
    ("fixed false as 0", {"model": K, "prompt": "a", "camera_fixed": 0}, False),
    ("fixed true as a string", {"model": A, "prompt": "a", "sound": "true"}, False),
    ("fixed value as null", {"model": V, "prompt": "a", "resolution": None}, False),
    ("fixed value in a list", {"model": V, "prompt": "a", "resolution": ["720p"]}, False),
    ("a field nobody fixes", {"model": V, "prompt": "a", "sound": False, "fixed_lens": True}, True),
    ("not fixed: any sound", {"model": V, "prompt": "a", "sound": True}, True),
    (
        "the family's other mode",
        _i2v := {
            "model": V,
            "prompt": "a",
            "generation_type": "image-to-video",
            "source_media_urls": [URL, URL],
        },
        True,
    ),
    ("too few images for that mode", {**_i2v, "source_media_urls": [URL]}, False),
    ("too many images", {"model": V, "prompt": "a", "source_media_urls": [URL, URL]}, False),
    (
        "a mode the family lacks",
        {"model": V, "prompt": "a", "generation_type": "text-to-image"},
        False,
    ),
    ("the longest prompt", {"model": V, "prompt": "p" * 5000}, True),
    ("a prompt too long", {"model": V, "prompt": "p" * 5001}, False),
    ("a field the family lacks", {"model": V, "prompt": "a", "negative_prompt": "x"}, False),
    ("an unknown field", {"model": V, "prompt": "a", "seed": 1}, False),
    (
        "the family with any value",
        {"model": "seedance-1-5-pro", "prompt": "a", "duration": "4s"},
        True,
    ),
    ("an id that is no variant", {"model": "seedance-1-5-pro-720p-9s", "prompt": "a"}, False),
    (
        "a variant of a family's negative prompt",
        {"model": K, "prompt": "a", "negative_prompt": "n" * 2501},
        False,
    ),
]


@pytest.mark.parametrize(("body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_validator_gives_the_right_verdict(body: dict[str, Any], expected: bool) -> None:
    assert verdict(body) is expected


@pytest.mark.parametrize("model_id", ALL_IDS)
def test_bodies_built_from_the_limits_get_the_right_verdict(model_id: str) -> None:
    assert disagreements(CHECK, model_id) == []


@pytest.mark.parametrize("model_id", VARIANT_IDS)
def test_every_validator_refuses_each_other_accepted_value(model_id: str) -> None:
    limits = LIMITS.MODEL_LIMITS[model_id]
    for name, value in limits.fixed:
        body = {"model": model_id, "prompt": "a fox", name: value}
        assert verdict(body) is True
        other = other_accepted(limits, name, value)
        assert verdict({**body, name: other}) is False
        assert verdict({**body, "model": limits.family, name: other}) is True


def test_schema_examples_of_variants_pass_everywhere() -> None:
    for variant_id in VARIANT_IDS:
        for example in json.loads(RENDERED[f"schemas/{variant_id}.json"])["examples"]:
            assert CHECK.verdicts(example) == (True, True, True, True), example


PROPERTY = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@PROPERTY
@given(schema_bodies({m: CHECK.schemas[m] for m in VARIANT_IDS}))
def test_bodies_drawn_from_a_variants_schema_pass_everywhere(body: dict[str, Any]) -> None:
    assert CHECK.verdicts(body) == (True, True, True, True), LIMITS.validate_request(body)


FIXABLE_VALUES = (
    st.sampled_from(
        ["4s", "8s", "12s", "5s", "480p", "720p", "1080p", "std", "pro", "16:9", "9:16", "1:1", "8"]
    )
    | st.booleans()
    | st.none()
    | st.integers(0, 1)
    | st.floats(0, 1)
)


@PROPERTY
@given(
    st.sampled_from(ALL_IDS),
    st.dictionaries(
        st.sampled_from(
            [
                "duration",
                "sound",
                "resolution",
                "fixed_lens",
                "mode",
                "aspect_ratio",
                "camera_fixed",
            ]
        ),
        FIXABLE_VALUES,
        max_size=4,
    ),
)
def test_free_bodies_sent_to_variants_get_one_verdict(
    model_id: str, fields: dict[str, Any]
) -> None:
    verdict({"model": model_id, "prompt": "a fox", **fields})


# --- validate_request's errors -----------------------------------------------------------------


def test_a_contradiction_is_a_variant_conflict_naming_the_variant_and_the_value() -> None:
    errors = LIMITS.validate_request({"model": V, "prompt": "a fox", "duration": "4s"})
    assert [(e.field, e.code) for e in errors] == [("/duration", "variant_conflict")]
    assert f'{V} fixes duration to "8s"' in errors[0].message
    assert errors[0].message == (
        f'duration "4s" contradicts the model id: {V} fixes duration to "8s"; '
        'omit duration or send "8s"'
    )
    errors = LIMITS.validate_request({"model": A, "prompt": "a fox", "sound": False})
    assert errors[0].message.startswith(
        f"sound false contradicts the model id: {A} fixes sound to true"
    )


def test_a_value_the_family_rejects_keeps_the_familys_error() -> None:
    def codes(**fields: Any) -> list[str]:
        body = {"model": V, "prompt": "a fox", **fields}
        return [e.code for e in LIMITS.validate_request(body)]

    assert codes(duration="99s") == ["unsupported_duration"]
    assert codes(duration=8) == ["invalid_type"]
    assert codes(resolution="4K") == ["unsupported_value"]
    assert codes(resolution=None) == ["invalid_type"]
    family_errors = LIMITS.validate_request(
        {"model": "seedance-1-5-pro", "prompt": "a", "duration": 8}
    )
    variant_errors = LIMITS.validate_request({"model": V, "prompt": "a", "duration": 8})
    assert [(e.field, e.code) for e in family_errors] == [(e.field, e.code) for e in variant_errors]


def test_conflicts_are_reported_in_field_order_with_the_other_errors() -> None:
    body = {
        "model": V,
        "prompt": "a fox",
        "resolution": "1080p",
        "fixed_lens": "yes",
        "duration": "4s",
    }
    errors = LIMITS.validate_request(body)
    assert [(e.field, e.code) for e in errors] == [
        ("/duration", "variant_conflict"),
        ("/fixed_lens", "invalid_type"),
        ("/resolution", "variant_conflict"),
    ]


def test_valid_variant_bodies_take_no_slow_step() -> None:
    module = import_file(VARIANTS.settings.out / "model_limits.py", "model_limits_variants_fast")
    calls: list[str] = []
    watched = ("_check_prompt", "_check_source_media", "_check_optional_fields", "_check_fixed")
    originals = {name: getattr(module, name) for name in watched}

    def spy(name: str) -> Any:
        def wrapper(*args: Any) -> Any:
            calls.append(name)
            return originals[name](*args)

        return wrapper

    bodies = []
    for variant_id in VARIANT_IDS:
        limits = module.MODEL_LIMITS[variant_id]
        bodies.append({"model": variant_id, "prompt": "a fox", **dict(limits.fixed)})
        bodies.append({"model": variant_id, "prompt": "a fox"})
    try:
        for name in watched:
            setattr(module, name, spy(name))
        assert all(module.validate_request(body) == [] for body in bodies)
    finally:
        for name, original in originals.items():
            setattr(module, name, original)
    assert calls == []


# --- the whole error list, against the plain reference of the fast-path tests -----------------


def expected_errors(module: Any, body: dict[str, Any]) -> list[Any]:
    """validate_request's errors for ``body``, worked out another way: the family's errors from
    the plain reference, and for each value the family accepts but the id fixes otherwise, a
    variant_conflict in that field's place (found by sending null there, which the reference
    reports in the field's place)."""
    from tests.test_validate_request_fast_path import reference_errors

    errors = reference_errors(module, body)
    limits = (
        module.MODEL_LIMITS.get(body.get("model")) if isinstance(body.get("model"), str) else None
    )
    if limits is None or not limits.fixed:
        return errors
    flagged = {e.field for e in errors}
    conflicts = {
        name: value
        for name, value in limits.fixed
        if name in body
        and f"/{name}" not in flagged
        and not (body[name] == value and isinstance(body[name], bool) is isinstance(value, bool))
    }
    if not conflicts:
        return errors
    placed = reference_errors(module, {**body, **dict.fromkeys(conflicts)})
    out = []
    for error in placed:
        name = error.field[1:]
        if name in conflicts:
            sent, fixed = json.dumps(body[name]), json.dumps(conflicts[name])
            message = (
                f"{name} {sent} contradicts the model id: {limits.model_id} fixes {name} to "
                f"{fixed}; omit {name} or send {fixed}"
            )
            out.append(module.RequestError(error.field, "variant_conflict", message))
        else:
            out.append(error)
    return out


def _near_variant_bodies() -> st.SearchStrategy[dict[str, Any]]:
    from tests.test_validate_request_fast_path import _values_for

    return st.sampled_from(VARIANT_IDS).flatmap(lambda m: _values_for(LIMITS.MODEL_LIMITS[m]))


@settings(
    max_examples=800,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(_near_variant_bodies())
def test_variant_bodies_get_the_errors_worked_out_another_way(body: dict[str, Any]) -> None:
    assert LIMITS.validate_request(body) == expected_errors(LIMITS, body), body
