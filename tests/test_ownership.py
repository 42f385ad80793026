"""Regen owns only what it wrote: the manifest decides what it may delete, and nothing else goes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from modelspec.cli import main
from modelspec.tree.manifest import Stamps

SMALL = Path(__file__).parent / "fixtures" / "small" / "models.yaml"
MANIFEST = Path("out/.modelspec-manifest.json")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch project with the small fixture spec, its cache inside it, already generated."""
    root = tmp_path / "repo"
    (root / "spec").mkdir(parents=True)
    shutil.copy(SMALL, root / "spec" / "models.yaml")
    monkeypatch.chdir(root)
    monkeypatch.setenv("MODELSPEC_CACHE_DIR", str(root / ".modelspec_cache"))
    assert main(["regen"]) == 0
    return root


def remove_model(root: Path, model_id: str) -> None:
    """Drop one model's block from the spec."""
    spec = root / "spec" / "models.yaml"
    text = spec.read_text(encoding="utf-8")
    start = text.index(f"\n  {model_id}:\n")
    end = text.find("\n\n  ", start + 1)
    spec.write_text(text[:start] + (text[end:] if end != -1 else "\n"), encoding="utf-8")


def test_files_a_person_put_in_the_output_folders_are_never_touched(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = {
        project / "out" / "README.md": "# about these outputs\n",
        project / "out" / "schemas" / "NOTES.txt": "hand-written\n",
        project / "out" / "extra" / "keep.json": "{}\n",
    }
    for path, text in mine.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 0
    assert main(["check", "--full"]) == 0
    assert main(["regen"]) == 0
    assert "deleted" not in capsys.readouterr().out
    assert {path: path.read_text(encoding="utf-8") for path in mine} == mine


def test_a_removed_model_is_stale_and_regen_deletes_exactly_its_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "out" / "schemas" / "NOTES.txt").write_text("mine\n", encoding="utf-8")
    remove_model(project, "beta-video")
    capsys.readouterr()
    assert main(["check", "--full", "--format", "json"]) == 3
    report = json.loads(capsys.readouterr().out)
    assert report["stale"] == ["out/schemas/beta-video.json"]
    assert main(["regen"]) == 0
    out = capsys.readouterr().out
    assert "deleted out/schemas/beta-video.json" in out.splitlines()
    assert not (project / "out" / "schemas" / "beta-video.json").exists()
    assert (project / "out" / "schemas" / "NOTES.txt").read_text(encoding="utf-8") == "mine\n"
    assert main(["check", "--full"]) == 0


@pytest.mark.parametrize("damage", ["deleted", "not json", "another format"])
def test_without_a_readable_manifest_regen_deletes_nothing(project: Path, damage: str) -> None:
    manifest = project / MANIFEST
    if damage == "deleted":
        manifest.unlink()
    elif damage == "not json":
        manifest.write_text("{ not json", encoding="utf-8")
    else:
        manifest.write_text(json.dumps({"format": 1, "outputs": {}}), encoding="utf-8")
    remove_model(project, "beta-video")
    assert main(["regen"]) == 0
    assert (project / "out" / "schemas" / "beta-video.json").is_file()
    assert json.loads(manifest.read_text(encoding="utf-8"))["format"] == 3


def test_a_lying_manifest_cannot_make_regen_delete_what_it_did_not_write(
    project: Path, tmp_path: Path
) -> None:
    """Even with the right hashes, a listed file outside the output locations is not regen's."""
    outside = tmp_path / "outside.txt"
    outside.write_text("not yours\n", encoding="utf-8")
    victims = [project / "spec" / "models.yaml", outside, project / "README.md"]
    (project / "README.md").write_text("readme\n", encoding="utf-8")
    manifest = json.loads((project / MANIFEST).read_text(encoding="utf-8"))
    for victim in victims:
        rel = os.path.relpath(victim, project)
        manifest["outputs"][rel] = hashlib.sha256(victim.read_bytes()).hexdigest()
    (project / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert main(["regen"]) == 0
    assert all(victim.is_file() for victim in victims)


def test_a_stale_file_edited_by_hand_is_kept_and_said_so(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = project / "out" / "schemas" / "beta-video.json"
    schema.write_text('{"edited": true}\n', encoding="utf-8")
    remove_model(project, "beta-video")
    capsys.readouterr()
    assert main(["regen"]) == 0
    captured = capsys.readouterr()
    assert "kept out/schemas/beta-video.json" in captured.err
    assert schema.read_text(encoding="utf-8") == '{"edited": true}\n'
    assert main(["check", "--full"]) == 0  # no longer regen's: not drift


def test_a_hand_edit_with_size_and_mtime_put_back_is_found_and_repaired(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What ``cp -p``, ``rsync -t`` or ``touch -d`` leave: the same size and mtime."""
    monkeypatch.setattr(Stamps, "RACY_NS", -(10**18))  # trust fresh stamps: the fast path
    assert main(["regen"]) == 0
    page = project / "out" / "model_requirements.md"
    before = page.stat()
    text = page.read_bytes()
    page.write_bytes(text.replace(b"Prompt", b"Prampt", 1))
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert page.stat().st_size == before.st_size
    capsys.readouterr()
    assert main(["check"]) == 3
    assert main(["regen"]) == 0
    assert "updated out/model_requirements.md" in capsys.readouterr().out
    assert page.read_bytes() == text


def test_moving_a_target_deletes_what_regen_wrote_at_its_old_place(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The previous manifest's locations are regen's too, checked against today's rules."""
    (project / "out" / "schemas" / "NOTES.txt").write_text("mine\n", encoding="utf-8")
    (project / "pyproject.toml").write_text(
        '[tool.modelspec]\n[tool.modelspec.outputs]\nschemas = "docs/schemas"\n', encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["check", "--full", "--format", "json"]) == 3
    assert "out/schemas/alpha-image.json" in json.loads(capsys.readouterr().out)["stale"]
    assert main(["regen"]) == 0
    assert sorted(p.name for p in (project / "out" / "schemas").iterdir()) == ["NOTES.txt"]
    assert (project / "docs" / "schemas" / "alpha-image.json").is_file()
    assert main(["check", "--full"]) == 0
