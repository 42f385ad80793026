"""Every runtime dependency is a range, and anywhere in it the outputs are the same bytes.

.venv holds the newest end of each range (requirements.lock); .tools/venv-alt, which
`make test` builds (`make venv-alt`), holds the oldest. Both regenerate the same project, the
seed fixture grown with hostile notes, long ids, long value lists and variants, and both
import the seed page: every byte must agree. When a range fails this, raise its lower bound, or pin the package.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.version import Version

from tests.conftest import ROOT, SEED_PAGE, SPEC

ALT_PYTHON = ROOT / ".tools" / "venv-alt" / "bin" / "python"
NOTES = [
    "pipe | back\\slash \\| `code` ``ticks`` *stars* _under_ [link](http://x) <b>html</b> &amp;",
    "quotes \" and ' and \"\"\" and ''' and {{ jinja }} {% raw %} {# c #} $(shell)",
    "line one\nline two\nunicode \u2013 \u201cquotes\u201d \u00e9 \u2713 \U0001d11e, trailing \\",
    "a" * 300 + " " + "word " * 150,
]


def runtime_requirements() -> list[Requirement]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return [Requirement(text) for text in tomllib.load(file)["project"]["dependencies"]]


def lower_bound(requirement: Requirement) -> str:
    [low] = [s.version for s in requirement.specifier if s.operator in (">=", "==")]
    return low


@pytest.fixture(scope="module")
def alt_python() -> Path:
    if not ALT_PYTHON.is_file():
        pytest.fail(f"{ALT_PYTHON.relative_to(ROOT)} is missing: `make venv-alt` builds it")
    return ALT_PYTHON


def installed(python: Path | str, names: list[str]) -> dict[str, str]:
    script = "import importlib.metadata as m, sys; print(*(m.version(n) for n in sys.argv[1:]))"
    result = subprocess.run(
        [str(python), "-c", script, *names], capture_output=True, text=True, check=True
    )
    return dict(zip(names, result.stdout.split(), strict=True))


def test_every_dependency_is_a_bounded_range_tested_at_both_ends(alt_python: Path) -> None:
    requirements = runtime_requirements()
    names = [r.name for r in requirements]
    newest, oldest = installed(sys.executable, names), installed(alt_python, names)
    for requirement in requirements:
        operators = {s.operator for s in requirement.specifier}
        if operators == {"=="}:  # a pin: the package shapes the bytes
            assert oldest[requirement.name] == newest[requirement.name]
            continue
        assert operators == {">=", "<"}, f"{requirement}: a range needs both ends"
        assert oldest[requirement.name] == lower_bound(requirement), requirement
        assert newest[requirement.name] in requirement.specifier, requirement
        assert Version(newest[requirement.name]) > Version(lower_bound(requirement)), (
            f"{requirement}: .venv holds the oldest end too, so nothing is compared"
        )


def grown_spec() -> dict[str, object]:
    """The seed spec plus models whose notes, ids and values stress every writer."""
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    models = data["models"]
    ids = sorted(models)
    for index, notes in enumerate(NOTES):
        model = copy.deepcopy(models[ids[index * 7 % len(ids)]])
        model.pop("lint", None)
        model["usage_notes"] = notes
        parameters = model.setdefault("parameters", {})
        parameters[f"choice_{index}_" + "z" * 60] = {
            "values": [f"value-{k}-" + "v" * (80 - k) for k in range(12)]
        }
        parameters[f"ratio_{index}"] = {"format": "ratio"}
        parameters[f"flag_{index}"] = {"type": "boolean", "default": bool(index % 2)}
        parameters[f"count_{index}"] = {"type": "integer", "minimum": 0, "maximum": 9, "default": 1}
        parameters[f"scale_{index}"] = {"type": "number", "minimum": 0.5, "default": 2.25}
        parameters[f"text_{index}"] = {"type": "string", "max_length": 40, "default": "t"}
        model_id = f"stress.{index}_" + "long-id-" * 11 if index % 2 else f"Stress-{index}"
        if not index % 2:  # variants: a fixed boolean each way (strict in Pydantic), a ratio
            model["variants"] = [
                {"field": f"flag_{index}", "values": {"on": True, "off": False}},
                {"field": f"ratio_{index}", "values": {"wide": "16:9"}, "optional": True},
            ]
        models[model_id[:100]] = model
    return data


def run_tool(python: Path | str, *args: str | Path, cwd: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "generator"), "MODELSPEC_CACHE_DIR": ""}
    result = subprocess.run(
        [str(python), "-m", "modelspec", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, f"{python}: {result.stdout}{result.stderr}"


def generated_bytes(python: Path | str, root: Path) -> dict[str, bytes]:
    """Every file that regen and import-md write, run by ``python`` in a fresh project."""
    (root / "spec").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "host"\n', encoding="utf-8")
    (root / "spec" / "models.yaml").write_text(
        yaml.safe_dump(grown_spec(), sort_keys=False, allow_unicode=True, width=100),
        encoding="utf-8",
    )
    run_tool(python, "regen", cwd=root)
    (root / "imported").mkdir()
    run_tool(python, "import-md", SEED_PAGE, "--spec", "imported/models.yaml", cwd=root)
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != ".modelspec.lock"
    }


def test_both_ends_of_every_range_write_the_same_bytes(alt_python: Path, tmp_path: Path) -> None:
    newest = generated_bytes(sys.executable, tmp_path / "newest")
    oldest = generated_bytes(alt_python, tmp_path / "oldest")
    assert "out/request_models.py" in newest and "imported/models.yaml" in newest
    assert sorted(oldest) == sorted(newest)
    differing = [name for name in newest if oldest[name] != newest[name]]
    assert differing == [], f"the oldest ends of the ranges write other bytes in {differing}"


def test_the_models_module_names_the_pydantic_it_needs(alt_python: Path, tmp_path: Path) -> None:
    """Below the version its header states, request_models.py fails with that version, not a
    bare ImportError on MISSING; venv-alt holds the oldest pydantic of the tool's range."""
    from modelspec.render.codegen import PYDANTIC_MIN
    from tests.seed import seed

    module = seed().settings.out / "request_models.py"
    assert f"# Needs pydantic {PYDANTIC_MIN} or later." in module.read_text(encoding="utf-8")
    old = installed(alt_python, ["pydantic"])["pydantic"]
    assert Version(old) < Version(PYDANTIC_MIN)
    result = subprocess.run(
        [str(alt_python), "-c", "import request_models"],
        cwd=module.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().endswith(
        f"ImportError: request_models.py needs pydantic {PYDANTIC_MIN} or later; "
        f"install pydantic>={PYDANTIC_MIN}"
    )
