"""regen writes exactly what the spec produces; check finds every kind of drift and writes nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from modelspec.cli import main
from modelspec.spec.model import Catalog


def snapshot_tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def regen(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["regen"]) == 0
    capsys.readouterr()


def test_regen_creates_every_output(
    project: Path, rendered: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["regen"]) == 0
    out = capsys.readouterr().out
    for rel, text in rendered.items():
        assert (project / "out" / rel).read_text(encoding="utf-8") == text
        assert f"created out/{rel}" in out


def test_clean_tree_checks_ok(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    regen(capsys)
    assert main(["check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_regen_rewrites_only_changed_files(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regen(capsys)
    page = project / "out" / "model_requirements.md"
    module = project / "out" / "model_limits.py"
    os.utime(page, (1_000_000, 1_000_000))
    os.utime(module, (1_000_000, 1_000_000))
    module.write_text("# edited\n", encoding="utf-8")
    os.utime(module, (1_000_000, 1_000_000))
    assert main(["regen"]) == 0
    assert capsys.readouterr().out == "updated out/model_limits.py\n"
    assert page.stat().st_mtime == 1_000_000
    assert module.stat().st_mtime != 1_000_000


def test_edited_output_is_drift_with_a_diff(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regen(capsys)
    page = project / "out" / "model_requirements.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("| 2995 |", "| 2996 |", 1), encoding="utf-8"
    )
    before = snapshot_tree(project)
    assert main(["check"]) == 3
    captured = capsys.readouterr()
    assert "--- out/model_requirements.md" in captured.out
    assert "-| 5-lite-image-to-image | 2996 |" in captured.out
    assert "+| 5-lite-image-to-image | 2995 |" in captured.out
    assert "changed: out/model_requirements.md" in captured.out + captured.err
    assert "run `make regen`" in captured.out + captured.err
    assert snapshot_tree(project) == before


def test_missing_output_is_drift(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    regen(capsys)
    (project / "out" / "model_limits.py").unlink()
    assert main(["check"]) == 3
    captured = capsys.readouterr()
    assert "missing: out/model_limits.py" in captured.out + captured.err
    assert "--- /dev/null" in captured.out
    assert not (project / "out" / "model_limits.py").exists()


def test_a_file_regen_did_not_write_is_neither_drift_nor_deleted(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regen(capsys)
    mine = project / "out" / "retired" / "old-model.json"
    mine.parent.mkdir()
    mine.write_text("{}\n", encoding="utf-8")
    assert main(["check"]) == 0
    assert main(["check", "--full"]) == 0
    assert main(["regen"]) == 0
    assert "deleted" not in capsys.readouterr().out
    assert mine.read_text(encoding="utf-8") == "{}\n"


def test_removing_a_model_from_the_spec_is_drift(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    regen(capsys)
    spec = project / "spec" / "models.yaml"
    text = spec.read_text(encoding="utf-8")
    start = text.index("  flux-2-1K:\n")
    end = text.index("  flux-2-2K:\n")
    spec.write_text(text[:start] + text[end:], encoding="utf-8")
    assert main(["check"]) == 3
    captured = capsys.readouterr()
    assert "-| flux-2-1K |" in captured.out
    assert "changed: out/model_requirements.md" in captured.out + captured.err
    assert "stale: out/schemas/flux-2-1K.json" in captured.out + captured.err
    assert main(["regen"]) == 0
    assert "deleted out/schemas/flux-2-1K.json" in capsys.readouterr().out
    assert not (project / "out" / "schemas" / "flux-2-1K.json").exists()


def test_invalid_spec_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    regen(capsys)
    spec = project / "spec" / "models.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("prompt_max: 2995", "prompt_max: 0", 1),
        encoding="utf-8",
    )
    before = snapshot_tree(project / "out")
    assert main(["regen"]) == 1
    err = "".join(capsys.readouterr())
    assert "spec/models.yaml:" in err
    assert "model 5-lite-image-to-image: prompt_max: 0 is below the minimum of 1" in err
    assert snapshot_tree(project / "out") == before


def test_missing_spec_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "spec not found: spec/models.yaml" in capsys.readouterr().err


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


@pytest.mark.parametrize("command", ["regen", "check", "validate"])
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert f"usage: modelspec {command}" in capsys.readouterr().out


def test_validate_reports_the_model_count(
    project: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate"]) == 0
    assert capsys.readouterr().out == f"spec/models.yaml: ok, {len(catalog.models)} models\n"
    assert not (project / "out").exists()


def test_findings_as_github_annotations_and_json(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = project / "spec" / "models.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("prompt_max: 2995", "prompt_max: 0", 1),
        encoding="utf-8",
    )
    assert main(["validate", "--format", "github"]) == 1
    err = "".join(capsys.readouterr()).splitlines()
    assert err[0].startswith("::error file=spec/models.yaml,line=")
    assert err[0].endswith("::model 5-lite-image-to-image: prompt_max: 0 is below the minimum of 1")
    assert main(["validate", "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    assert (
        report["errors"][0]["message"]
        == "model 5-lite-image-to-image: prompt_max: 0 is below the minimum of 1"
    )
    assert report["errors"][0]["file"] == "spec/models.yaml"


def test_check_as_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    regen(capsys)
    (project / "out" / "models.json").unlink()
    assert main(["check", "--format", "json"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report == {
        "ok": False,
        "missing": ["out/models.json"],
        "changed": [],
        "stale": [],
        "manifest": None,
        "fix": "make regen",
    }
