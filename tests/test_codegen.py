"""Pydantic generation by shape: sharding, the cache and the assembly never change the bytes."""

from __future__ import annotations

import ast
import dataclasses
import functools
from pathlib import Path

import pytest

from modelspec.errors import TemplateFailure
from modelspec.render import codegen
from modelspec.render.codegen import Member, start_module
from modelspec.render.targets import openapi
from modelspec.spec.model import Catalog, Model
from modelspec.spec.names import request_name
from tests.test_escaping import HOSTILE
from tests.validators import import_file

HEADER = "# test header"


def members(models: list[Model]) -> list[Member]:
    return [
        Member(m.model_id, request_name(m.model_id), functools.partial(openapi.request, m))
        for m in models
    ]


def build(models: list[Model], cache: Path | None = None) -> str:
    finish = start_module(
        members(models), openapi.REQUEST, openapi.REQUEST_DESCRIPTION, HEADER, cache
    )
    return finish()


def renamed(model: Model, model_id: str) -> Model:
    return dataclasses.replace(model, model_id=model_id)


@pytest.fixture(scope="module")
def reference(catalog: Catalog) -> str:
    """The module for the real catalog: one shard, no cache."""
    return build(list(catalog.models))


def test_models_that_differ_only_in_id_share_one_shape(catalog: Catalog) -> None:
    model = catalog.models[0]
    one, two = members([model, renamed(model, "another-model-v0001")])
    salt = codegen.key_salt()
    assert codegen.shape_key(codegen.shape_of(one), salt) == codegen.shape_key(
        codegen.shape_of(two), salt
    )
    other = members([catalog.models[1]])[0]
    assert codegen.shape_key(codegen.shape_of(other), salt) != codegen.shape_key(
        codegen.shape_of(one), salt
    )


def test_shards_in_worker_processes_give_the_same_bytes(
    catalog: Catalog, reference: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(codegen, "ONE_SHARD", 0)  # always several shards
    monkeypatch.setattr(codegen, "SHARD_SIZE", 7)
    assert build(list(catalog.models)) == reference


def test_cached_pieces_give_the_same_bytes_and_skip_the_generator(
    catalog: Catalog, reference: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    assert build(list(catalog.models), cache) == reference
    assert (cache / "CACHEDIR.TAG").is_file() and (cache / ".gitignore").is_file()

    def no_generator(document: object, header: object = None) -> str:
        raise AssertionError("the cache should have answered")

    monkeypatch.setattr(codegen, "run_codegen", no_generator)
    assert build(list(catalog.models), cache) == reference


def test_a_damaged_cache_entry_is_generated_again(
    catalog: Catalog, reference: str, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    build(list(catalog.models), cache)
    entries = sorted(cache.glob("*/*.json"))
    assert entries
    entries[0].write_text("{not json", encoding="utf-8")
    entries[-1].write_text('{"classes": 1}', encoding="utf-8")
    assert build(list(catalog.models), cache) == reference


def test_each_model_keeps_its_own_names(catalog: Catalog) -> None:
    model = catalog.models[0]
    code = build([model, renamed(model, "zz-copy")])
    tree = ast.parse(code)
    classes = [node.name for node in tree.body if isinstance(node, ast.ClassDef)]
    assert request_name(model.model_id) in classes and "ZzCopyRequest" in classes
    literals = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
    assert {model.model_id, "zz-copy"} <= literals
    assert not any("modelspec-shape" in str(v) or "ModelspecShape" in str(v) for v in literals)


def test_a_union_of_10000_models_compiles(catalog: Catalog) -> None:
    """One `A | B | ...` chain of this length is a RecursionError; the Union[...] root is not."""
    model = catalog.models[0]
    copies = [renamed(model, f"variant-{i:05d}") for i in range(10_000)]
    code = build(copies)
    compile(code, "request_models.py", "exec")
    assert code.count("class Variant") == 10_000


def test_hostile_notes_stay_data_in_the_models(catalog: Catalog) -> None:
    models = [
        dataclasses.replace(m, usage_notes=HOSTILE[i % len(HOSTILE)])
        for i, m in enumerate(catalog.models)
    ]
    code = build(models)
    strings = {n.value for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Constant)}
    with_notes = [m for m in models if "oneOf" in openapi.request(m)]  # RootModels keep them
    assert with_notes
    assert {m.usage_notes for m in with_notes} <= strings


def test_placeholder_text_in_a_schema_is_refused(catalog: Catalog) -> None:
    model = dataclasses.replace(catalog.models[0], usage_notes="see ModelspecShape000001Request")
    with pytest.raises(TemplateFailure, match="reserves"):
        build([model])


@pytest.mark.parametrize("model_id", ["a", "string", "type", "model", "image", "1"])
def test_ids_that_are_also_schema_words_keep_the_schema_intact(
    catalog: Catalog, model_id: str, tmp_path: Path
) -> None:
    """The id is swapped only where the contract puts it, never inside the schema's words."""
    base = next(m for m in catalog.models if len(m.inputs) > 1)
    path = tmp_path / "shape_words.py"
    path.write_text(build([renamed(base, model_id), base]), encoding="utf-8")
    module = import_file(path, f"shape_words_{model_id}")
    root = getattr(module, openapi.REQUEST)
    for model in (renamed(base, model_id), base):
        for example in openapi.request(model)["examples"]:
            assert root.model_validate(example).root.model_dump(exclude_unset=True) == example
    wrong = {**openapi.request(base)["examples"][0], "model": model_id, "prompt": 5}
    with pytest.raises(Exception, match="prompt"):
        root.model_validate(wrong)
