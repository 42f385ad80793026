"""Every legal name gives importable outputs; a name that cannot be one is a located error.

Model ids become class names and file names; parameter names become fields of Pydantic
classes and keys of ``validate_request``. Names that Python or Pydantic hold dear (keywords,
builtins, BaseModel's attributes, every name the generated modules use) are tried here, and
random names from the schema's patterns: the modules must import and judge bodies correctly.
"""

from __future__ import annotations

import builtins
import itertools
import json
import keyword
import marshal
import os
import pickle
import re
import shutil
import signal
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, RootModel

from modelspec.cli import main
from modelspec.spec.names import REQUEST, field_name_problem, request_name
from modelspec.spec.validate import spec_schema
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


def printed(capsys: pytest.CaptureFixture[str]) -> str:
    """What the command printed, both streams: the messages, wherever they go."""
    captured = capsys.readouterr()
    return captured.out + captured.err


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
    assert regen(tmp_path, models) == 0, printed(capsys)
    assert_judged_alike(tmp_path / "out", models)


@pytest.mark.parametrize("name", ["list", "model_dump", "model_validate_json", "model_dump_x"])
def test_a_parameter_that_cannot_be_a_field_is_a_located_error(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert regen(tmp_path, {"flux-2": model_spec({name: {"type": "boolean"}})}) == 1
    err = printed(capsys)
    place = rf"spec/models\.yaml:\d+:7: model flux-2: parameters\.{name}: "
    assert re.match(place + f'"{name}" cannot be a field of the generated Pydantic models', err)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("model_id", ["generate-media", "GenerateMedia", "generate_media"])
def test_an_id_named_like_the_union_is_a_located_error(
    tmp_path: Path, model_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert regen(tmp_path, {model_id: model_spec({})}) == 1
    err = printed(capsys)
    place = rf"spec/models\.yaml:\d+:3: model {model_id}: "
    assert re.match(place + f"gives the schema and class name {REQUEST}, which", err)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["flux-2\n", "flux-2\n\n", "\nflux-2"])
def test_a_model_id_with_a_line_break_is_an_error(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert regen(tmp_path, {name: model_spec({"quality\n": KINDS[1]})}) == 1
    err = printed(capsys)
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


# --- a poisoned cache changes no name and no byte ------------------------------------------
# Each case regenerates with a warm cache, damages it, and regenerates again: the outputs must
# be those of a run without any cache, or the run must fail cleanly. Never a traceback.

TWO_MODELS = {
    "flux-2": model_spec({"quality": KINDS[1], "class": KINDS[0]}),
    "kling": {**model_spec({"aspect_ratio": KINDS[2]}), "generation_types": ["text-to-video"]},
}


def outputs(out: Path) -> dict[str, bytes]:
    """Every generated file but the manifest, which records stamps of its own run."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != ".modelspec-manifest.json"
    }


@pytest.fixture
def uncached_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    root = tmp_path_factory.mktemp("uncached")
    before = os.environ.get("MODELSPEC_CACHE_DIR")
    os.environ["MODELSPEC_CACHE_DIR"] = ""
    try:
        assert regen(root, TWO_MODELS) == 0
    finally:
        if before is None:
            del os.environ["MODELSPEC_CACHE_DIR"]
        else:
            os.environ["MODELSPEC_CACHE_DIR"] = before
    return outputs(root / "out")


@pytest.fixture
def warm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project regenerated once with its cache inside it; the cache folder."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("MODELSPEC_CACHE_DIR", str(cache))
    assert regen(tmp_path, TWO_MODELS) == 0
    return cache


def regen_again(root: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, bytes]:
    shutil.rmtree(root / "out")
    capsys.readouterr()
    assert regen(root, TWO_MODELS) == 0
    assert "Traceback" not in printed(capsys)
    return outputs(root / "out")


def shape_files(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob("??/*.json") if p.is_file())


def _make_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _make_fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


DAMAGE = {
    "garbage": lambda path: path.write_bytes(b"\x00\xff garbage"),
    "truncated": lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),
    "empty": lambda path: path.write_bytes(b""),
    "a JSON list": lambda path: path.write_text("[1, 2, 3]"),
    "wrong types": lambda path: path.write_text('{"classes": 1, "helpers": [], "imports": "x"}'),
    "a folder": _make_folder,
    "a FIFO": _make_fifo,
    "huge": lambda path: path.write_bytes(b" " * (20 * 1024 * 1024)),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_damaged_shape_cache_entries_are_made_again(
    tmp_path: Path,
    warm: Path,
    uncached_outputs: dict[str, bytes],
    damage: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.rmtree(warm / "memo" / "request_models")  # so the shapes are read
    assert shape_files(warm)
    for path in shape_files(warm):
        damage(path)
    assert regen_again(tmp_path, capsys) == uncached_outputs


def test_a_shape_entry_broken_inside_its_strings_is_made_again(
    tmp_path: Path,
    warm: Path,
    uncached_outputs: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Well-typed JSON whose code is damaged, or another shape's entry: the seal tells."""
    shutil.rmtree(warm / "memo" / "request_models")
    first, second = shape_files(warm)[:2]
    entry = json.loads(first.read_text(encoding="utf-8"))
    first.write_text(json.dumps({**entry, "classes": "class Broken(:\n"}), encoding="utf-8")
    second.write_text(json.dumps(entry), encoding="utf-8")  # the first's entry, moved
    assert regen_again(tmp_path, capsys) == uncached_outputs


def memo_shards(cache: Path, name: str) -> list[Path]:
    return sorted((cache / "memo" / name).glob("*.marshal"))


def rewrite_entries(path: Path, change: Any) -> None:
    """Keep the shard's header (its salt, and the seal of the body it had), so it is read,
    and change every entry with ``change``: damage on disk, which the seal no longer fits."""
    raw = path.read_bytes()
    header, entries = raw[:129], marshal.loads(raw[129:])
    path.write_bytes(header + marshal.dumps({k: change(v) for k, v in entries.items()}))


MEMO_DAMAGE = {
    "wrong types": lambda entry: [1, 2, 3],
    "broken code": lambda entry: ["class Broken(:\n", *entry[1:]],
    "a name injected": lambda entry: [entry[0], {"os; import os": ["x"]}, *entry[2:]],
    "a seal of the old format": lambda entry: [*entry, "0" * 64],
    "not a list": lambda entry: "text",
}


@pytest.mark.parametrize("change", MEMO_DAMAGE.values(), ids=MEMO_DAMAGE.keys())
def test_damaged_pydantic_memo_entries_are_made_again(
    tmp_path: Path,
    warm: Path,
    uncached_outputs: dict[str, bytes],
    change: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    shards = memo_shards(warm, "request_models")
    assert shards
    for shard in shards:
        rewrite_entries(shard, change)
    assert regen_again(tmp_path, capsys) == uncached_outputs


@pytest.mark.parametrize("payload", [b"\x00junk", pickle.dumps({"salt": 1}), marshal.dumps([1])])
def test_memo_files_of_the_wrong_kind_are_ignored(
    tmp_path: Path,
    warm: Path,
    uncached_outputs: dict[str, bytes],
    payload: bytes,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for shard in memo_shards(warm, "request_models"):
        shard.write_bytes(payload)
    assert regen_again(tmp_path, capsys) == uncached_outputs


def test_a_dead_warm_worker_is_replaced(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    uncached_outputs: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The worker warm_up started dies (killed, out of memory): the shapes are made anyway."""
    from modelspec.render import codegen

    monkeypatch.setenv("MODELSPEC_CACHE_DIR", str(tmp_path / "cache"))
    original = codegen.warm_up

    def warm_then_kill() -> None:
        original()
        for pool in codegen._WARM:
            pool.submit(int).result()  # the worker is up
            for pid in list(pool._processes):
                os.kill(pid, signal.SIGKILL)
            while not pool._broken:
                time.sleep(0.01)

    monkeypatch.setattr(codegen, "warm_up", warm_then_kill)
    assert regen(tmp_path, TWO_MODELS) == 0
    assert "Traceback" not in printed(capsys)
    assert outputs(tmp_path / "out") == uncached_outputs


# --- the validation cache vouches for data, never for names ---------------------------------


def proven_file(cache: Path) -> Path:
    (path,) = (cache / "spec-schema").glob("*.txt")
    return path


@pytest.mark.parametrize("bad_id", ["../../x", "a/b", "flux-2\n"])
def test_a_lying_validation_cache_lets_no_bad_id_through(
    tmp_path: Path, warm: Path, bad_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cache claims a model with a bad id was proven: the id is refused all the same."""
    from modelspec.spec.model import fingerprint

    models = {**TWO_MODELS, bad_id: TWO_MODELS["flux-2"]}
    with proven_file(warm).open("a", encoding="ascii") as f:
        f.write(fingerprint(bad_id, models[bad_id]) + "\n")
    before = outputs(tmp_path / "out")
    capsys.readouterr()
    assert regen(tmp_path, models) == 1
    err = printed(capsys)
    assert "invalid model id" in err and "Traceback" not in err
    assert outputs(tmp_path / "out") == before
    assert not (tmp_path.parent / "x.json").exists() and not (tmp_path / "x.json").exists()


@pytest.mark.parametrize("name", ["list", "bad-name", "model_dump"])
def test_a_lying_validation_cache_lets_no_bad_parameter_name_through(
    tmp_path: Path, warm: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from modelspec.spec.model import fingerprint

    models = {**TWO_MODELS, "flux-3": model_spec({name: KINDS[0]})}
    with proven_file(warm).open("a", encoding="ascii") as f:
        f.write(fingerprint("flux-3", models["flux-3"]) + "\n")
    capsys.readouterr()
    assert regen(tmp_path, models) == 1
    err = printed(capsys)
    assert f"model flux-3: parameters.{name}: " in err and "Traceback" not in err


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_validation_cache_is_no_proof(
    tmp_path: Path,
    warm: Path,
    uncached_outputs: dict[str, bytes],
    damage: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    damage(proven_file(warm))
    assert regen_again(tmp_path, capsys) == uncached_outputs


def test_resealed_entries_of_the_wrong_shape_are_made_again(
    tmp_path: Path,
    warm: Path,
    uncached_outputs: dict[str, bytes],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A shard whose seal fits its body still holds only what ``_is_entry`` accepts."""
    import hashlib

    for shard in memo_shards(warm, "request_models"):
        raw = shard.read_bytes()
        body = marshal.dumps({k: [1, 2, 3] for k in marshal.loads(raw[129:])})
        seal = hashlib.sha256(body).hexdigest().encode("ascii")
        shard.write_bytes(raw[:64] + seal + b"\n" + body)
    assert regen_again(tmp_path, capsys) == uncached_outputs
