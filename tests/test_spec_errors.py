"""Broken specs: every problem is a `file:line:col: message` line, the exit is 1, nothing is written.

One case = `bad_specs/<case>.expected` (the exact output: problems, then the summary) plus its input: `bad_specs/<case>.yaml`, or
for inputs that are not small text files, the bytes in GENERATED below.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from modelspec.cli import main
from modelspec.spec.sources import load_catalog

HERE = Path(__file__).resolve().parent
BAD = HERE / "bad_specs"
GOOD = HERE / "good_specs"


def _billion_laughs() -> bytes:
    """Ten levels of nine aliases each: a billion strings if anything expanded it."""
    lines = ["lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{i}: &lol{i} [{', '.join([f'*lol{i - 1}'] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines).encode() + b"\n"


GENERATED: dict[str, bytes] = {
    "billion_laughs": _billion_laughs(),
    "binary_garbage": b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00",
    "deep_nesting_block": b"models:\n" + b"- " * 20_000 + b"x\n",
    "deep_nesting_flow": b"models: " + b"[" * 20_000 + b"]" * 20_000 + b"\n",
    "not_utf8": b"models:\n  flux-2:\n    usage_notes: Caf\xe9 only.\n",  # Latin-1 "é"
    "twenty_megabytes": b"models:\n" + b"  # padding\n" * (20 * 1024 * 1024 // 12),
}


def spec_bytes(case: str) -> bytes:
    fixture = BAD / f"{case}.yaml"
    return fixture.read_bytes() if fixture.exists() else GENERATED[case]


def place_spec(root: Path, raw: bytes) -> None:
    (root / "spec").mkdir()
    (root / "spec" / "models.yaml").write_bytes(raw)


def snapshot_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


CASES = sorted(p.stem for p in BAD.glob("*.expected"))


def test_every_case_has_an_input_and_an_expected_output() -> None:
    inputs = {p.stem for p in BAD.glob("*.yaml")} | set(GENERATED)
    assert inputs == set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_bad_spec_is_reported_and_nothing_is_written(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    place_spec(tmp_path, spec_bytes(case))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "sentinel.txt").write_text("left alone\n")
    before = snapshot_tree(tmp_path)
    monkeypatch.chdir(tmp_path)

    started = time.monotonic()
    code = main(["regen"])
    elapsed = time.monotonic() - started

    captured = capsys.readouterr()
    assert code == 1
    expected = (BAD / f"{case}.expected").read_text(encoding="utf-8")
    # The problems are findings (stdout); the summary line is the tool's (stderr).
    assert captured.out + captured.err == expected
    assert captured.err == expected.splitlines(keepends=True)[-1]
    assert "Traceback" not in captured.out + captured.err
    assert snapshot_tree(tmp_path) == before  # out/ untouched, and no tag ran to create a file
    assert elapsed < 5, f"{case} took {elapsed:.1f}s"


def test_a_real_process_exits_1_without_a_traceback(tmp_path: Path) -> None:
    place_spec(tmp_path, spec_bytes("python_tag"))
    env = {**os.environ, "PYTHONPATH": str(HERE.parent / "generator")}
    result = subprocess.run(
        [sys.executable, "-m", "modelspec", "validate"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout + result.stderr == (BAD / "python_tag.expected").read_text(
        encoding="utf-8"
    )
    assert "Traceback" not in result.stdout + result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["spec"]


@pytest.mark.parametrize("case", sorted(p.name for p in GOOD.glob("*.yaml")))
def test_tricky_but_valid_spec_is_accepted(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    place_spec(tmp_path, (GOOD / case).read_bytes())
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0
    assert capsys.readouterr().err == ""


def test_merge_key_fills_in_what_the_model_does_not_override() -> None:
    models = {m.model_id: m for m in load_catalog(GOOD / "merge_key.yaml").models}
    assert models["flux-2-2K"].prompt_max == 4000
    assert models["flux-2-2K"].usage_notes == models["flux-2-1K"].usage_notes
