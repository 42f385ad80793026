"""Never a corrupt or partial output: failures, signals, concurrency, hostile text, determinism."""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate as validate_openapi

from modelspec.cli import main
from modelspec.errors import TemplateFailure
from modelspec.render.layout import Output
from tests.seed import SEED_SPEC
from tests.test_page_fidelity import parse_tables
from tests.test_regen_check import snapshot_tree
from tests.validators import Validators


def run_cli(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "modelspec", *args],
        cwd=project,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )


def test_a_failing_target_writes_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["regen"]) == 0
    spec = project / "spec" / "models.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("prompt_max: 2995", "prompt_max: 2994"),
        encoding="utf-8",
    )
    before = snapshot_tree(project / "out")

    def broken(catalog: Any, context: Any) -> Any:
        yield Output("models.json", data={})
        raise TemplateFailure("models.json.jinja:3: boom")

    monkeypatch.setattr("modelspec.render.targets.catalog_json.outputs", broken)
    capsys.readouterr()
    assert main(["regen"]) == 2
    assert "template error: models.json.jinja:3: boom; nothing written" in capsys.readouterr().err
    assert snapshot_tree(project / "out") == before


def test_signals_leave_whole_files_and_no_temporaries(project: Path) -> None:
    assert run_cli(project, "regen").returncode == 0
    old = snapshot_tree(project / "out")
    spec = project / "spec" / "models.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("Prompt max 2995", "Prompt max 2,995"),
        encoding="utf-8",
    )
    new = None
    signals = itertools.cycle([signal.SIGTERM, signal.SIGINT])  # both, every run
    for delay in (0.2, 0.6, 0.9, 1.1, 1.3):
        process = subprocess.Popen(
            [sys.executable, "-m", "modelspec", "regen"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        process.send_signal(next(signals))
        process.wait(timeout=60)
        tree = snapshot_tree(project / "out")
        assert not [p for p in tree if p.endswith(".tmp")]
        if new is None and tree != old:
            new = tree
        for rel, data in tree.items():
            assert data == old.get(rel) or (new is not None and data == new.get(rel)), rel
    assert run_cli(project, "regen").returncode == 0
    assert run_cli(project, "check").returncode == 0
    assert not _left_running(project), "a worker outlived the regen that started it"


def _left_running(folder: Path, patience: float = 3.0) -> list[int]:
    """Other processes still running in ``folder`` (Linux /proc), after up to ``patience`` s."""
    deadline = time.monotonic() + patience
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if not entry.name.isdigit() or int(entry.name) == os.getpid():
                    continue
                if (entry / "cwd").resolve() == folder.resolve():
                    found.append(int(entry.name))
            except OSError:
                continue
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def test_concurrent_regens_leave_a_consistent_tree(project: Path) -> None:
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "modelspec", "regen"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    assert [p.wait(timeout=120) for p in processes] == [0, 0, 0]
    assert run_cli(project, "check").returncode == 0
    assert not list((project / "out").rglob("*.tmp"))


def reordered_spec(text: str) -> str:
    """The same spec with models in reverse order and every model's keys reversed."""
    data = yaml.safe_load(text)
    data["models"] = {k: dict(reversed(v.items())) for k, v in reversed(data["models"].items())}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


ENVIRONMENTS = [
    {"PYTHONHASHSEED": "1", "LC_ALL": "C", "TZ": "UTC"},
    {"PYTHONHASHSEED": "4242", "LC_ALL": "C.UTF-8", "LANG": "tr_TR.UTF-8", "TZ": "Pacific/Chatham"},
]


def test_outputs_are_byte_identical_across_environments_and_key_order(tmp_path: Path) -> None:
    trees = []
    for index, env in enumerate([*ENVIRONMENTS, ENVIRONMENTS[0]]):
        project = tmp_path / f"p{index}"
        (project / "spec").mkdir(parents=True)
        text = SEED_SPEC.read_text(encoding="utf-8")
        (project / "spec" / "models.yaml").write_text(
            reordered_spec(text) if index == 2 else text, encoding="utf-8"
        )
        result = run_cli(project, "regen", env=env)
        assert result.returncode == 0, result.stderr
        trees.append(snapshot_tree(project / "out"))
        for rel, data in trees[-1].items():
            assert str(tmp_path).encode() not in data, f"{rel} holds an absolute path"
    assert trees[0] == trees[1]
    # The manifest records the spec's exact bytes (so check can skip parsing); a reordered spec
    # has other bytes, so only that one hash may differ. Every other output is byte-identical.
    manifest = ".modelspec-manifest.json"  # relative to out/
    same, reordered = json.loads(trees[0].pop(manifest)), json.loads(trees[2].pop(manifest))
    assert same["inputs"].pop("spec") != reordered["inputs"].pop("spec")
    assert same == reordered
    assert trees[0] == trees[2]


HOSTILE_NOTES = [
    "pipe | and \\| and trailing \\",
    "`tick` ``double`` and ```triple```",
    'quotes " \' """ \'\'\' and \\"',
    "{{ catalog }} {% for x in y %} {# c #} ${x} $(rm -rf /)",
    "<script>alert('x')</script> &amp; <!-- c --> ]]> */",
    "line one\nline two",
    "*a* _b_ [c](d) ![e](f) # h | i",
]


def test_hostile_notes_stay_inert_in_every_output(project: Path) -> None:
    spec = project / "spec" / "models.yaml"
    data = yaml.safe_load(spec.read_text(encoding="utf-8"))
    ids = sorted(data["models"], key=str.casefold)
    for index, model_id in enumerate(ids):
        data["models"][model_id]["usage_notes"] = HOSTILE_NOTES[index % len(HOSTILE_NOTES)]
    spec.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = run_cli(project, "regen")
    assert result.returncode == 0, result.stderr
    out = project / "out"
    expected = [HOSTILE_NOTES[i % len(HOSTILE_NOTES)] for i in range(len(ids))]

    rows = parse_tables((out / "model_requirements.md").read_text(encoding="utf-8"))[1][1:]
    assert all(len(row) == 11 for row in rows)
    assert [row[10] for row in rows] == expected

    validators = Validators.load(out)
    assert [m.usage_notes for m in validators.limits.MODEL_LIMITS.values()] == expected
    catalog = json.loads((out / "models.json").read_text(encoding="utf-8"))
    assert [m["usage_notes"] for m in catalog["models"]] == expected
    for model_id, note in zip(ids, expected, strict=True):
        assert validators.schemas[model_id]["description"] == note
    document = yaml.safe_load((out / "openapi" / "generate-media.yaml").read_text(encoding="utf-8"))
    validate_openapi(document)
    assert validators.by_pydantic({"model": "flux-2", "prompt": "x"})
    assert not (project / "pwned").exists()
