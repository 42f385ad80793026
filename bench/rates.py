"""Request bodies per second, in one process, for one validator: ``python -m bench.rates NAME OUT``.

``OUT`` is a generated output folder (``model_limits.py``, ``schemas/``, ``request_models.py``).
Every validator judges the same bodies (see ``bench.bodies``) and must agree with the expected
verdicts before it is timed. Prints one JSON object: bodies per second for each workload.

The anchors give a verdict only; ``validate_request`` also builds the full error list of every
invalid body.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.bodies import SHAPES, Body, invalid_bodies, mixed_bodies, valid_bodies

Judge = Callable[[Any], object]
ROUNDS = 5
ROUND_SECONDS = 0.25


def import_path(path: Path, name: str) -> ModuleType:
    """Import a generated module by path (registered, so dataclasses resolve their names)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _schemas(out: Path) -> dict[str, dict[str, Any]]:
    return {p.stem: json.loads(p.read_text("utf-8")) for p in (out / "schemas").glob("*.json")}


def _by_model(checks: Mapping[str, Callable[[Any], bool]]) -> Callable[[Any], bool]:
    """Dispatch on ``model`` as a server would; an unknown model is invalid."""

    def judge(body: Any) -> bool:
        model = body.get("model") if type(body) is dict else None
        check = checks.get(model) if type(model) is str else None
        return check is not None and check(body)

    return judge


def validate_request(out: Path) -> tuple[Judge, Callable[[object], bool]]:
    """The generated validator; returns the error list, ``[]`` when valid."""
    fn = import_path(out / "model_limits.py", "model_limits").validate_request
    return fn, lambda result: result == []


def validate_request_unshared(out: Path) -> tuple[Judge, Callable[[object], bool]]:
    """The generated validator with its kept errors turned off: every error built anew.

    The benchmark judges the same bodies over and over, so ``validate_request`` builds each
    error once and then shares it (see ``_Kept`` in the module). A server sees new mistakes
    too; this row shows the rate when no error is ever shared.
    """
    module = import_path(out / "model_limits.py", "model_limits_unshared")
    kept = getattr(module, "_Kept", None)
    if kept is not None:

        def build_every_time(self: Any, key: Any) -> Any:
            return self.build(*key) if type(key) is tuple else self.build(key)

        kept.__missing__ = build_every_time
    return module.validate_request, lambda result: result == []


def jsonschema(out: Path) -> tuple[Judge, Callable[[object], bool]]:
    from jsonschema import Draft202012Validator

    checks = {m: Draft202012Validator(s).is_valid for m, s in _schemas(out).items()}
    return _by_model(checks), bool


def fastjsonschema(out: Path) -> tuple[Judge, Callable[[object], bool]]:
    import fastjsonschema as fjs

    def compiled(schema: dict[str, Any]) -> Callable[[Any], bool]:
        validate = fjs.compile(schema, use_default=False)

        def check(body: Any) -> bool:
            try:
                validate(body)
            except fjs.JsonSchemaException:
                return False
            return True

        return check

    return _by_model({m: compiled(s) for m, s in _schemas(out).items()}), bool


def jsonschema_rs(out: Path) -> tuple[Judge, Callable[[object], bool]]:
    import jsonschema_rs as rs

    return _by_model({m: rs.validator_for(s).is_valid for m, s in _schemas(out).items()}), bool


def pydantic(out: Path) -> tuple[Judge, Callable[[object], bool]]:
    from pydantic import ValidationError

    model = import_path(out / "request_models.py", "request_models").GenerateMediaRequest

    def judge(body: Any) -> bool:
        try:
            model.model_validate(body)
        except ValidationError:
            return False
        return True

    return judge, bool


VALIDATORS: dict[str, Callable[[Path], tuple[Judge, Callable[[object], bool]]]] = {
    "validate_request": validate_request,
    "validate_request, no error shared": validate_request_unshared,
    "jsonschema": jsonschema,
    "fastjsonschema": fastjsonschema,
    "jsonschema-rs": jsonschema_rs,
    "pydantic": pydantic,
}


def _loop(judge: Judge, bodies: list[Body], passes: int) -> float:
    start = time.perf_counter()
    for _ in range(passes):
        for body in bodies:
            judge(body)
    return time.perf_counter() - start


def bodies_per_second(judge: Judge, bodies: list[Body]) -> float:
    """The median of several timed rounds, each about ROUND_SECONDS long."""
    passes = 1
    while _loop(judge, bodies, passes) < ROUND_SECONDS / 4:
        passes *= 2
    passes *= 4
    return statistics.median(
        passes * len(bodies) / _loop(judge, bodies, passes) for _ in range(ROUNDS)
    )


def measure(name: str, out: Path) -> dict[str, Any]:
    """Bodies per second for each shape, valid only and 50/50; plus any verdict it got wrong."""
    limits = import_path(out / "model_limits.py", "model_limits_bodies")
    judge, is_valid = VALIDATORS[name](out)
    result: dict[str, Any] = {"validator": name, "wrong": 0}
    for shape in SHAPES:
        valid = valid_bodies(limits, shape)
        invalid = invalid_bodies(limits, valid)
        result["wrong"] += sum(not is_valid(judge(b)) for b in valid)
        result["wrong"] += sum(bool(is_valid(judge(b))) for b in invalid)
        result[f"{shape} valid"] = bodies_per_second(judge, valid)
        result[f"{shape} mixed"] = bodies_per_second(judge, mixed_bodies(valid, invalid))
    return result


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1], Path(sys.argv[2]))))
