"""The caches only save time: with them or without, every output has the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from modelspec.render.layout import header_lines
from modelspec.render.render import dump_yaml
from modelspec.render.targets import openapi
from modelspec.settings import Settings
from modelspec.spec.model import Catalog
from modelspec.tree.project import render_project
from tests.seed import SEED_SPEC


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    shutil.copy(SEED_SPEC, tmp_path / "spec" / "models.yaml")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "memo"\n', encoding="utf-8")
    return tmp_path


def settings(project: Path, **extra: str) -> Settings:
    return Settings(
        root=project, spec=project / "spec" / "models.yaml", out=project / "out", **extra
    )


def uncached(project: Path, monkeypatch: pytest.MonkeyPatch, **extra: str) -> dict[str, str]:
    with monkeypatch.context() as patch:
        patch.setenv("MODELSPEC_CACHE_DIR", "")
        return render_project(settings(project, **extra))


def edit(project: Path) -> None:
    """One limit changed, one note changed, one parent renamed (removed and added; its child
    follows it)."""
    spec = project / "spec" / "models.yaml"
    text = spec.read_text(encoding="utf-8")
    for old, new in [
        ("  flux-2:\n    prompt_max: 5000\n", "  flux-2:\n    prompt_max: 4321\n"),
        ("Text-to-image only (1K resolution).", 'Text-to-image only | 1K "resolution".'),
        ("\n  sora-2:\n", "\n  sora-2-renamed:\n"),
        ("    extends: sora-2\n", "    extends: sora-2-renamed\n"),
    ]:
        assert old in text
        text = text.replace(old, new, 1)
    spec.write_text(text, encoding="utf-8")


def test_outputs_from_the_caches_equal_outputs_without_them(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MODELSPEC_CACHE_DIR", raising=False)
    first = render_project(settings(project))
    assert (project / ".modelspec_cache" / "memo").is_dir()
    assert render_project(settings(project)) == first  # every model from the memos
    edit(project)
    assert render_project(settings(project)) == uncached(project, monkeypatch)


def test_other_settings_do_not_reuse_texts_made_under_old_ones(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MODELSPEC_CACHE_DIR", raising=False)
    render_project(settings(project))
    moved = render_project(settings(project, regen_command="just regen"))
    assert moved == uncached(project, monkeypatch, regen_command="just regen")
    assert any("just regen" in text for path, text in moved.items() if "schemas/" in path)


def test_damaged_memos_are_ignored(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MODELSPEC_CACHE_DIR", raising=False)
    first = render_project(settings(project))
    memos = sorted((project / ".modelspec_cache" / "memo").glob("*/*"))
    names = {memo.parent.name for memo in memos}
    assert names == {
        "model_limits",
        "models_json",
        "openapi",
        "request_models",
        "requirements_page",
        "schemas",
        "spec-chunks",
    }
    for memo in memos[::3]:
        memo.write_bytes(b"\x00garbage")
    for memo in memos[1::3]:
        memo.write_bytes(memo.read_bytes()[:100])
    assert render_project(settings(project)) == first


def test_the_yaml_written_per_model_is_the_whole_document_written_at_once(
    catalog: Catalog, rendered: dict[str, str]
) -> None:
    header = header_lines(catalog.source, "make regen")
    whole = dump_yaml(openapi.document(catalog), header)
    assert rendered["openapi/generate-media.yaml"] == whole


def test_the_catalog_written_per_model_is_the_whole_document_written_at_once(
    catalog: Catalog, rendered: dict[str, str]
) -> None:
    from modelspec.render.layout import Context
    from modelspec.render.render import dump_json
    from modelspec.render.targets import catalog_json

    context = Context(header_lines(catalog.source, "make regen"), "make regen")
    assert rendered["models.json"] == dump_json(catalog_json.document(catalog, context))


def test_a_model_changed_in_code_is_never_served_from_the_memo(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog edited with dataclasses.replace keeps no fingerprint for the new models."""
    import dataclasses

    from modelspec.render.project import render_all
    from modelspec.spec.sources import load_catalog

    monkeypatch.delenv("MODELSPEC_CACHE_DIR", raising=False)
    here = settings(project)
    catalog = load_catalog(here.spec)
    render_all(catalog, here)  # the memos now hold every model
    changed = dataclasses.replace(catalog.models[0], usage_notes="Changed | in code.")
    edited = dataclasses.replace(catalog, models=(changed, *catalog.models[1:]))
    assert edited.fingerprint(changed) is None
    outputs = render_all(edited, here)
    assert "Changed | in code." in outputs[f"out/schemas/{changed.model_id}.json"]
    assert "Changed \\| in code." in outputs["out/model_requirements.md"]
    assert "Changed | in code." in outputs["out/model_limits.py"]
    assert "Changed | in code." in outputs["out/models.json"]


def test_regen_restores_edited_outputs_whatever_the_stamps_say(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stamps let regen skip reading untouched files; an edited file is still put right."""
    import os
    import time

    from modelspec.cli import main

    monkeypatch.delenv("MODELSPEC_CACHE_DIR", raising=False)
    monkeypatch.chdir(project)
    assert main(["regen"]) == 0
    outputs = [p for p in (project / "out").rglob("*") if p.is_file()]
    old = time.time() - 100
    for path in outputs:  # as if written long ago: the next stamps are trusted
        os.utime(path, (old, old))
    assert main(["regen"]) == 0
    assert (project / ".modelspec_cache" / "stamps" / "outputs.json").is_file()
    target = project / "out" / "schemas" / "flux-2.json"
    good = target.read_bytes()
    bad = good.replace(b"5000", b"9999")  # same size, new mtime
    assert len(bad) == len(good) and bad != good
    target.write_bytes(bad)
    assert main(["check"]) == 3  # the fast check trusts stamps too, and sees the edit
    assert main(["regen"]) == 0
    assert target.read_bytes() == good
    (project / ".modelspec_cache" / "stamps" / "outputs.json").write_text("{broken")
    target.write_bytes(bad)
    assert main(["regen"]) == 0
    assert target.read_bytes() == good
