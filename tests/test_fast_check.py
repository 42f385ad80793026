"""check answers from the manifest when nothing changed, and renders in full when anything did."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from modelspec.cli import main

HEAVY = ("jinja2", "yaml", "jsonschema", "datamodel_code_generator", "pydantic", "markdown_it")


@pytest.fixture
def generated(project: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["regen"]) == 0
    capsys.readouterr()
    return project


def test_unchanged_tree_is_answered_by_the_manifest(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (generated / "out" / ".modelspec-manifest.json").is_file()
    assert main(["check"]) == 0
    assert capsys.readouterr().out == "up to date (inputs and outputs match the manifest)\n"


def test_fast_check_imports_no_renderer(generated: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "modelspec", "check"],
        cwd=generated,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line
    }
    assert not {name for name in imported if name.split(".")[0] in HEAVY}
    assert "argparse" not in imported  # plain `check` on an up-to-date tree skips the parser


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "--spec", "spec/models.yaml", "--out", "out"],
        ["check", "--spec=spec/models.yaml", "--out=out"],
        ["check", "--format", "text"],
        ["check", "--full"],
    ],
)
def test_every_way_of_asking_gets_the_same_answer(
    generated: Path, capsys: pytest.CaptureFixture[str], argv: list[str], rendered: dict[str, str]
) -> None:
    assert main(argv) == 0
    out = capsys.readouterr().out
    full = f"{len(rendered)} files up to date\n"  # every output; the manifest is bookkeeping
    assert out == (
        full if "--full" in argv else "up to date (inputs and outputs match the manifest)\n"
    )


@pytest.mark.parametrize("argv", [["check", "--spec"], ["check", "--nope"], ["check", "-h"]])
def test_anything_unusual_goes_to_the_full_command_line(generated: Path, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == (0 if "-h" in argv else 2)


def test_full_check_renders(generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--full"]) == 0
    assert capsys.readouterr().out.endswith("files up to date\n")


@pytest.mark.parametrize("full", [False, True], ids=["check", "check --full"])
def test_hand_edit_is_reported_precisely(
    generated: Path, full: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = generated / "out" / "schemas" / "flux-2.json"
    schema.write_text(
        schema.read_text(encoding="utf-8").replace('"maxLength": 5000', '"maxLength": 5001'),
        encoding="utf-8",
    )
    assert main(["check", *(["--full"] if full else [])]) == 3
    captured = capsys.readouterr()
    assert '-      "maxLength": 5001' in captured.out
    assert "changed: out/schemas/flux-2.json" in captured.out + captured.err


def test_changed_spec_is_drift(generated: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = generated / "spec" / "models.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("prompt_max: 800", "prompt_max: 900"),
        encoding="utf-8",
    )
    assert main(["check"]) == 3
    err = "".join(capsys.readouterr())
    assert "changed: out/model_requirements.md" in err
    assert "changed: out/.modelspec-manifest.json" not in err  # bookkeeping, not an output


def test_a_missing_manifest_is_drift_apart_from_the_files(
    generated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (generated / "out" / ".modelspec-manifest.json").unlink()
    assert main(["check"]) == 3
    err = "".join(capsys.readouterr())
    assert "missing:" not in err
    assert "the manifest out/.modelspec-manifest.json is missing" in err
    assert main(["regen"]) == 0
    assert capsys.readouterr().out.endswith("files up to date (wrote the manifest)\n")
    assert main(["check"]) == 0
