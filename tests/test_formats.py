"""Every command honours ``--format``: JSON is one document on stdout, failures included."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from modelspec.cli import main
from tests.validators import import_file

SMALL = Path(__file__).parent / "fixtures" / "small" / "models.yaml"
SEED_PAGE = Path(__file__).parent / "fixtures" / "seed" / "rest-api-model-requirements.md"

COMMANDS = {
    "validate": ["validate"],
    "check": ["check", "--full"],
    "regen": ["regen"],
    "lint": ["lint"],
    "diff": ["diff", "--old", "spec/models.yaml"],
    "changelog": ["changelog", "spec/models.yaml", "spec/models.yaml"],
    "import-md": ["import-md", str(SEED_PAGE), "--spec", "imported/models.yaml"],
    "reconcile": ["reconcile", "snapshot.json"],
}


@pytest.fixture
def project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A generated project with the small spec and a GET /v1/models snapshot that matches it;
    nothing captured yet."""
    (tmp_path / "spec").mkdir()
    shutil.copy(SMALL, tmp_path / "spec" / "models.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MODELSPEC_CACHE_DIR", "")
    assert main(["regen"]) == 0
    module = import_file(tmp_path / "out" / "model_limits.py", f"model_limits_{id(tmp_path)}")
    entries = [module.capabilities(model_id) for model_id in module.MODEL_LIMITS]
    (tmp_path / "snapshot.json").write_text(json.dumps(entries), encoding="utf-8")
    capsys.readouterr()
    return tmp_path


def one_document(text: str) -> dict[str, object]:
    """The one JSON object ``text`` holds, and nothing else."""
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("name", COMMANDS)
def test_json_is_one_document_on_stdout(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code = main([*COMMANDS[name], "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured
    assert one_document(captured.out)
    assert captured.err == ""


@pytest.mark.parametrize("name", COMMANDS)
def test_a_usage_error_under_json_is_json(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        main([*COMMANDS[name], "--format", "json", "--no-such-option"])
    assert stop.value.code == 2
    captured = capsys.readouterr()
    report = one_document(captured.out)
    assert report["ok"] is False
    assert "--no-such-option" in str(report["error"])
    assert captured.err == ""


@pytest.mark.parametrize("name", ["validate", "check", "regen", "lint", "diff", "reconcile"])
def test_a_spec_error_or_failure_under_json_is_json(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    spec = project / "spec" / "models.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("2000", "0"), encoding="utf-8")
    code = main([*COMMANDS[name], "--format", "json"])
    report = one_document(capsys.readouterr().out)
    assert code == 1
    assert report["ok"] is False
    assert report["errors"]


def test_a_missing_spec_under_json_is_json(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["regen", "--spec", "nope.yaml", "--format", "json"]) == 2
    report = one_document(capsys.readouterr().out)
    assert report == {
        "ok": False,
        "error": {"kind": "usage", "message": "spec not found: nope.yaml", "exit": 2},
    }


@pytest.mark.parametrize("name", [n for n in COMMANDS if n != "changelog"])
def test_github_is_accepted_and_prints_annotations_or_plain_lines(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    assert main([*COMMANDS[name], "--format", "github"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_changelog_offers_only_the_formats_that_fit_and_says_why(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["changelog", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "text and github do not apply" in help_text
    with pytest.raises(SystemExit) as stop:
        main([*COMMANDS["changelog"], "--format", "github"])
    assert stop.value.code == 2


def test_findings_go_to_stdout_and_the_summary_to_stderr(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = project / "spec" / "models.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("2000", "0"), encoding="utf-8")
    assert main(["validate"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith("spec/models.yaml:")
    assert captured.err == "modelspec: 1 problem; nothing written\n"


def test_the_last_format_wins_for_usage_errors_too(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["validate", "--format", "text", "--format", "json", "--bogus"])
    assert one_document(capsys.readouterr().out)["ok"] is False
