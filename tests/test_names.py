"""Every legal name gives importable outputs; a name that cannot be one is a located error.

Model ids become class names and file names; parameter names become fields of Pydantic
classes and keys of ``validate_request``. Names that Python or Pydantic hold dear (keywords,
builtins, BaseModel's attributes, every name the generated modules use) are tried here, and
random names from the schema's patterns: the modules must import and judge bodies correctly.
"""

from __future__ import annotations

import builtins
import itertools
import keyword
import os
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, RootModel

from generator.cli import main
from generator.codegen import field_name_problem
from generator.contract import request_name
from generator.targets.openapi import REQUEST
from generator.validate import spec_schema
from tests.validators import import_file

DEFS = spec_schema()["$defs"]
PARAMETER_NAME = re.compile(DEFS["parameter_name"]["pattern"])
COMMON_FIELDS = set(DEFS["parameter_name"]["not"]["enum"])
MODEL_ID = re.compile(DEFS["model_id"]["pattern"])
KINDS: list[dict[str, Any]] = [
    {"type": "boolean"},
    {"values": ["low", "high"]},
    {"format": "ratio"},
]
VALID = {"type": True, "values": "high", "format": "16:9"}
WRONG = {"type": "true", "values": "medium", "format": "wide"}


def model_spec(parameters: dict[str, dict[str, Any]]) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "prompt_max": 100,
        "generation_types": ["text-to-image"],
        "requires_input": False,
        "usage_notes": "Notes.",
    }
    return {**spec, "parameters": parameters} if parameters else spec


def write_project(root: Path, models: dict[str, dict[str, Any]]) -> None:
    (root / "spec").mkdir(parents=True, exist_ok=True)
    fields = [{"concept": "Prompt length", "field": "prompt", "notes": "At most prompt max."}]
    text = yaml.safe_dump({"request_fields": fields, "models": models}, sort_keys=False)
    (root / "spec" / "models.yaml").write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text("[tool.modelspec]\n", encoding="utf-8")


def regen(root: Path, models: dict[str, dict[str, Any]]) -> int:
    write_project(root, models)
    cwd = os.getcwd()
    try:
        os.chdir(root)
        return main(["regen"])
    finally:
        os.chdir(cwd)


_imports = itertools.count()


def import_outputs(out: Path) -> tuple[Any, Any]:
    """The generated model_limits and request_models modules, freshly imported: a warning
    fails too, since a server that runs with ``-W error`` could not import them then."""
    n = next(_imports)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return (
            import_file(out / "model_limits.py", f"names_limits_{n}"),
            import_file(out / "request_models.py", f"names_models_{n}"),
        )


def assert_judged_alike(out: Path, models: dict[str, dict[str, Any]]) -> None:
    """Both modules import, and accept or reject the same bodies, field by field."""
    limits, pydantic_models = import_outputs(out)
    root = getattr(pydantic_models, REQUEST)

    def pydantic_accepts(body: dict[str, Any]) -> bool:
        try:
            root.model_validate(body)
        except ValueError:
            return False
        return True

    for model_id, spec in models.items():
        parameters = spec.get("parameters", {})
        body = {"model": model_id, "prompt": "a cat"}
        full = {**body, **{name: VALID[next(iter(kind))] for name, kind in parameters.items()}}
        assert limits.validate_request(full) == [], (model_id, full)
        assert pydantic_accepts(full), (model_id, full)
        for name, kind in parameters.items():
            wrong = {**full, name: WRONG[next(iter(kind))]}
            assert limits.validate_request(wrong) != [], (model_id, name)
            assert not pydantic_accepts(wrong), (model_id, name)
        stranger = {**body, "no_such_field": True}
        assert not pydantic_accepts(stranger) and limits.validate_request(stranger)


@pytest.fixture(scope="module")
def names_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """One cache for the module: shapes already generated are not generated again."""
    before = os.environ.get("MODELSPEC_CACHE_DIR")
    os.environ["MODELSPEC_CACHE_DIR"] = str(tmp_path_factory.mktemp("names-cache"))
    yield
    if before is None:
        del os.environ["MODELSPEC_CACHE_DIR"]
    else:
        os.environ["MODELSPEC_CACHE_DIR"] = before


@pytest.fixture(scope="module")
def used_names(tmp_path_factory: pytest.TempPathFactory, names_cache: None) -> set[str]:
    """Every name the generated modules use: imports, classes, functions, attributes."""
    import ast

    root = tmp_path_factory.mktemp("used")
    models = {"m": model_spec({f"p_{i}": kind for i, kind in enumerate(KINDS)})}
    assert regen(root, models) == 0
    found: set[str] = set()
    for name in ("model_limits.py", "request_models.py"):
        tree = ast.parse((root / "out" / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                found.add(node.id)
            elif isinstance(node, ast.Attribute):
                found.add(node.attr)
            elif isinstance(node, ast.alias):
                found.add(node.asname or node.name)
            elif isinstance(node, ast.ClassDef | ast.FunctionDef | ast.arg):
                found.add(node.name if not isinstance(node, ast.arg) else node.arg)
    return found


def python_names(used: set[str]) -> set[str]:
    """Names Python, Pydantic or the generated modules give a meaning."""
    return (
        set(keyword.kwlist)
        | set(keyword.softkwlist)
        | set(dir(builtins))
        | set(dir(BaseModel))
        | set(dir(RootModel))
        | used
    )


def legal_parameter_names(used: set[str]) -> list[str]:
    names = {name.lower() for name in python_names(used)}
    names |= {f"{name}_" for name in names}  # beside the name a generator renames it to
    return sorted(
        name
        for name in names
        if PARAMETER_NAME.search(name)
        and name not in COMMON_FIELDS
        and field_name_problem(name) is None
    )


def test_every_python_name_is_a_working_parameter(
    tmp_path: Path, used_names: set[str], names_cache: None
) -> None:
    names = legal_parameter_names(used_names)
    assert {"list_", "schema", "model_config", "class", "str", "field", "self"} <= set(names)
    per_model = 12
    models = {
        f"m-{i}": model_spec(
            {name: KINDS[j % len(KINDS)] for j, name in enumerate(names[i : i + per_model])}
        )
        for i in range(0, len(names), per_model)
    }
    assert regen(tmp_path, models) == 0
    assert_judged_alike(tmp_path / "out", models)


def test_every_python_name_is_a_working_model_id(
    tmp_path: Path, used_names: set[str], names_cache: None, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ids whose class names echo a Python name: ``literal`` gives ``LiteralRequest``, and
    ``source-media-url`` and ``generate-media-request`` come close to the module's own."""
    words = {
        re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower() for name in python_names(used_names)
    }
    ids = sorted(
        {w.strip("_").replace("_", "-") for w in words} | {"a", "1", "generate-media-request"}
    )
    models: dict[str, dict[str, Any]] = {}
    classes: set[str] = set()
    for model_id in ids:
        name = request_name(model_id)
        if MODEL_ID.search(model_id) and name != REQUEST and name not in classes:
            classes.add(name)
            models[model_id] = model_spec({"quality": KINDS[1]})
    assert {"literal", "base-model", "source-media-url", "field"} <= set(models)
    assert regen(tmp_path, models) == 0, capsys.readouterr().err
    assert_judged_alike(tmp_path / "out", models)


@pytest.mark.parametrize("name", ["list", "model_dump", "model_validate_json", "model_dump_x"])
def test_a_parameter_that_cannot_be_a_field_is_a_located_error(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert regen(tmp_path, {"flux-2": model_spec({name: {"type": "boolean"}})}) == 1
    err = capsys.readouterr().err
    place = rf"spec/models\.yaml:\d+:7: model flux-2: parameters\.{name}: "
    assert re.match(place + f'"{name}" cannot be a field of the generated Pydantic models', err)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("model_id", ["generate-media", "GenerateMedia", "generate_media"])
def test_an_id_named_like_the_union_is_a_located_error(
    tmp_path: Path, model_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert regen(tmp_path, {model_id: model_spec({})}) == 1
    err = capsys.readouterr().err
    place = rf"spec/models\.yaml:\d+:3: model {model_id}: "
    assert re.match(place + f"gives the schema and class name {REQUEST}, which", err)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["flux-2\n", "flux-2\n\n", "\nflux-2"])
def test_a_model_id_with_a_line_break_is_an_error(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert regen(tmp_path, {name: model_spec({"quality\n": KINDS[1]})}) == 1
    err = capsys.readouterr().err
    assert "invalid model id" in err
    assert not (tmp_path / "out").exists()


IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,12}", fullmatch=True).filter(
    lambda s: ".." not in s
)
PARAMETERS = st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True).filter(
    lambda s: s not in COMMON_FIELDS and field_name_problem(s) is None
)


@settings(
    max_examples=int(os.environ.get("NAMES_EXAMPLES", "5")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.dictionaries(
        IDS, st.dictionaries(PARAMETERS, st.sampled_from(KINDS), max_size=4), min_size=1, max_size=4
    )
)
def test_random_legal_names_give_working_modules(
    tmp_path_factory: pytest.TempPathFactory, names_cache: None, drawn: dict[str, Any]
) -> None:
    folded = {model_id.casefold() for model_id in drawn}
    classes = {request_name(model_id) for model_id in drawn}
    root = tmp_path_factory.mktemp("random")
    models = {model_id: model_spec(parameters) for model_id, parameters in drawn.items()}
    code = regen(root, models)
    if len(folded) < len(drawn) or len(classes) < len(drawn) or REQUEST in classes:
        assert code == 1  # ids too alike, or the union's name: located errors
        return
    assert code == 0
    assert_judged_alike(root / "out", models)
