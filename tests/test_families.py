"""extends: a model takes another's data and overrides what it writes, through chains, with the
errors placed where each value is written; the cached, chunked load resolves alike.

Broken families (unknown parents, cycles, inherited errors) are cases in bad_specs/; the seed
fixture writes its "Same as" families with extends, so every output test covers them too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from modelspec.errors import SpecInvalid
from modelspec.spec.loader import load_document
from modelspec.spec.model import Model, Parameter
from modelspec.spec.sources import load_catalog, load_spec
from tests.seed import SEED_SPEC

HERE = Path(__file__).resolve().parent
CHAIN = HERE / "good_specs" / "extends_chain.yaml"


def models(path: Path) -> dict[str, Model]:
    return {m.model_id: m for m in load_catalog(path).models}


def test_a_child_takes_what_it_does_not_write() -> None:
    found = models(CHAIN)
    base, pro = found["sora-2"], found["sora-2-pro"]
    assert pro.prompt_max == 8000  # written
    assert (pro.generation_types, pro.max_images, pro.inputs, pro.usage_notes) == (
        base.generation_types,
        base.max_images,
        base.inputs,
        base.usage_notes,
    )


def test_parameters_merge_by_name_and_other_keys_replace_whole() -> None:
    found = models(CHAIN)
    assert found["sora-2-pro"].parameters == (
        Parameter("quality", "values", ("standard", "pro", "hd")),
        Parameter("resolution", "values", ("720p", "1080p")),
    )
    grandchild = found[
        "sora-2-pro-max"
    ]  # a chain: sora-2-pro-max extends sora-2-pro extends sora-2
    assert grandchild.parameters == (
        Parameter("quality", "values", ("pro", "hd")),
        Parameter("resolution", "values", ("720p", "1080p")),
    )
    assert grandchild.duration_options == ("15s",)  # a list is replaced, not appended to
    assert grandchild.prompt_max == 8000  # from its parent, which overrides the grandparent


def test_deprecation_and_lint_silences_are_not_inherited() -> None:
    catalog = load_catalog(CHAIN)
    assert [d.model_id for d in catalog.deprecations] == ["sora-2"]
    assert [s.model_id for s in catalog.lint_silences] == ["sora-2"]


def test_an_inherited_value_is_placed_where_it_is_written() -> None:
    spec = load_spec(CHAIN.read_bytes(), "spec.yaml")
    text = CHAIN.read_text(encoding="utf-8").splitlines()
    where = spec.document.where
    line, _ = where(("models", "sora-2-pro-max", "generation_types"))
    assert text[line - 1].strip().startswith("generation_types: [text-to-video")
    assert where(("models", "sora-2-pro-max", "prompt_max")) == where(
        ("models", "sora-2-pro", "prompt_max")
    )
    line, _ = where(("models", "sora-2-pro-max", "parameters", "resolution"))
    assert text[line - 1].strip() == "resolution: {values: [720p, 1080p]}"
    line, _ = where(("models", "sora-2-pro-max", "parameters", "quality"))
    assert text[line - 1].strip() == "quality: {values: [pro, hd]}"  # its own


def errors(text: str, cache: Path | None = None) -> list[str]:
    with pytest.raises(SpecInvalid) as caught:
        load_spec(text.encode(), "spec.yaml", cache)
    return [str(e) for e in caught.value.errors]


def test_a_parent_error_is_reported_once_for_its_whole_family() -> None:
    text = CHAIN.read_text(encoding="utf-8").replace("    max_images: 1\n", "    max_images: -1\n")
    assert errors(text) == [
        "spec.yaml:15:17: model sora-2: max_images: -1 is below the minimum of 0",
    ]


def test_an_error_only_a_child_has_names_the_child() -> None:
    """The child's override makes the inherited value wrong: placed at the value, named for
    the child, with where the value comes from."""
    text = CHAIN.read_text(encoding="utf-8").replace(
        'duration_options: ["15s"]',
        'duration_options: ["15s"]\n    generation_types: [image-to-video]',
    )
    assert errors(text) == [
        "spec.yaml:19:7: model sora-2-pro-max: inputs.text-to-video (inherited from model "
        "sora-2): is not one of the model's generation_types",
    ]


def test_the_cached_chunked_load_resolves_alike(tmp_path: Path) -> None:
    """Cold, warm, after an edit of the parent, and broken: the same as without the cache."""
    text = CHAIN.read_text(encoding="utf-8")
    cache = tmp_path / "cache"
    edited = text.replace("prompt_max: 8000", "prompt_max: 7000")
    for version in (text, text, edited, text):
        cached = load_spec(version.encode(), "spec.yaml", cache).catalog
        assert cached == load_spec(version.encode(), "spec.yaml").catalog
    assert load_spec(edited.encode(), "s", cache).catalog.models[1].prompt_max == 7000
    assert list((cache / "memo" / "spec-chunks").glob("*.json"))
    broken = text.replace("    max_images: 1\n", "    max_images: -1\n")
    assert errors(broken, cache) == errors(broken)


def test_the_schema_accepts_the_spec_as_written() -> None:
    """As an editor's YAML language server reads the file: a model that extends another may
    omit the required keys, one that does not may not, and extends is a model id."""
    from jsonschema import Draft202012Validator

    schema = json.loads((HERE.parent / "spec" / "models.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema)
    written = yaml.safe_load(SEED_SPEC.read_text(encoding="utf-8"))
    assert any("extends" in model for model in written["models"].values())
    assert list(validator.iter_errors(written)) == []
    del written["models"]["sora-2"]["prompt_max"]
    written["models"]["veo3-1-fast"]["extends"] = "../veo3-1"
    problems = {(e.validator, tuple(e.absolute_path)) for e in validator.iter_errors(written)}
    assert problems == {
        ("required", ("models", "sora-2")),
        ("pattern", ("models", "veo3-1-fast", "extends")),
    }


def test_the_document_keeps_the_models_as_written() -> None:
    spec = load_spec(SEED_SPEC.read_bytes(), "spec/models.yaml")
    assert spec.document.written["veo3-1-fast"]["extends"] == "veo3-1"
    assert spec.document.parents["kling-3-0-motion-control-1080p"] == (
        "kling-3-0-motion-control-720p"
    )
    assert spec.document.lineage("kling-3-0-motion-control-1080p") == [
        "kling-3-0-motion-control-1080p",
        "kling-3-0-motion-control-720p",
        "kling-2-6-motion-control-720p",
    ]
    raw = load_document(SEED_SPEC.read_bytes(), "spec/models.yaml")
    assert raw.data["models"]["veo3-1-fast"] == spec.document.written["veo3-1-fast"]


def test_variants_are_not_inherited() -> None:
    """A child of a family with variants has no variant ids of its own: ids are promises."""
    from modelspec.spec.families import merged

    parent = {"prompt_max": 10, "variants": [{"field": "duration", "values": ["4s"]}]}
    kid = merged(parent, {"usage_notes": "Same as base."})
    assert "variants" not in kid
    assert kid["prompt_max"] == 10
