"""Variants beyond the outputs: diff classifies them like models, lint reads spec entries only,
the caches stay right when a family changes, and the cross-model checks never trust a cache.

Driven by the variants fixture (tests/fixtures/variants/models.yaml).
"""

from __future__ import annotations

import copy
import datetime
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from modelspec.cli import main
from modelspec.errors import SpecInvalid
from modelspec.review.changes import BREAKING, DOCS_ONLY, NON_BREAKING, compare
from modelspec.review.lint import lint
from modelspec.settings import Settings
from modelspec.spec.model import Catalog
from modelspec.spec.sources import LoadedSpec, load_spec, spec_from_file
from modelspec.tree.project import render_project
from tests.variants_fixture import VARIANTS_SPEC

TODAY = datetime.date(2026, 3, 1)
BASE: dict[str, Any] = yaml.safe_load(VARIANTS_SPEC.read_text("utf-8"))
SEEDANCE = "seedance-1-5-pro"


def loaded(data: dict[str, Any]) -> LoadedSpec:
    return load_spec(yaml.safe_dump(data, sort_keys=False).encode(), "spec.yaml")


def catalog(data: dict[str, Any]) -> Catalog:
    return loaded(data).catalog


def edited(edit: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    edit(data)
    return data


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, str | None, str, str]]:
    return [
        (c.kind, c.model_id, c.field, c.summary) for c in compare(catalog(old), catalog(new), TODAY)
    ]


def axis(data: dict[str, Any], family: str, field: str) -> dict[str, Any]:
    axes: list[dict[str, Any]] = data["models"][family]["variants"]
    return next(a for a in axes if a["field"] == field)


# --- diff ----------------------------------------------------------------------------------------


def drop_1080p(data: dict[str, Any]) -> None:
    axis(data, SEEDANCE, "resolution")["values"].remove("1080p")


def test_a_removed_variant_is_breaking_and_an_added_one_is_not() -> None:
    fewer = edited(drop_1080p)
    gone = {m.model_id for m in catalog(BASE).models} - {m.model_id for m in catalog(fewer).models}
    assert len(gone) == 6 and all("-1080p-" in g for g in gone)
    removed = changes(BASE, fewer)
    assert sorted(removed) == sorted(
        (BREAKING, g, "model", f"variant of {SEEDANCE} removed") for g in gone
    )
    added = changes(fewer, BASE)
    assert {(kind, model_id, field) for kind, model_id, field, _ in added} == {
        (NON_BREAKING, g, "model") for g in gone
    }
    assert all(summary.startswith(f"variant of {SEEDANCE} added (fixes ") for *_, summary in added)


def test_the_cli_exits_4_on_a_removed_variant(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "spec").mkdir()
    old = tmp_path / "old.yaml"
    shutil.copy(VARIANTS_SPEC, old)
    (tmp_path / "spec" / "models.yaml").write_text(
        yaml.safe_dump(edited(drop_1080p), sort_keys=False), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "--old", str(old)]) == 4
    out = capsys.readouterr().out
    assert f"model {SEEDANCE}-1080p-8s-audio: variant of {SEEDANCE} removed" in out
    assert main(["diff", "--old", str(old), "--allow-breaking"]) == 0


def test_a_family_change_is_reported_once_on_the_family() -> None:
    def lower(data: dict[str, Any]) -> None:
        data["models"][SEEDANCE]["prompt_max"] = 4000

    assert changes(BASE, edited(lower)) == [
        (BREAKING, SEEDANCE, "prompt_max", "prompt_max lowered from 5000 to 4000")
    ]


def test_a_variant_fixed_to_another_value_is_breaking() -> None:
    def wider(data: dict[str, Any]) -> None:
        axis(data, "kling-3-0", "aspect_ratio")["values"]["wide"] = "21:9"

    found = changes(BASE, edited(wider))
    wide = [m.model_id for m in catalog(BASE).models if "-wide" in m.model_id]
    assert len(wide) == 6
    assert sorted(found) == sorted(
        (BREAKING, w, "fixed", 'aspect_ratio fixed to "21:9" instead of "16:9"') for w in wide
    )
    assert all(kind == BREAKING for kind, *_ in changes(edited(wider), BASE))


def test_a_variant_that_becomes_a_model_of_its_own_is_compared_in_full() -> None:
    variant = f"{SEEDANCE}-480p-4s"

    def split_off(data: dict[str, Any]) -> None:
        axis(data, SEEDANCE, "resolution")["values"].remove("480p")
        own = {k: v for k, v in data["models"][SEEDANCE].items() if k != "variants"}
        data["models"][variant] = {**own, "prompt_max": 4000}

    found = changes(BASE, edited(split_off))
    mine = [c for c in found if c[1] == variant]
    assert (BREAKING, variant, "prompt_max", "prompt_max lowered from 5000 to 4000") in mine
    assert (NON_BREAKING, variant, "fixed", 'resolution no longer fixed (was "480p")') in mine
    assert (NON_BREAKING, variant, "fixed", 'duration no longer fixed (was "4s")') in mine
    assert any(c[2] == "family" for c in mine)


@pytest.mark.parametrize(
    ("sunset", "kind"), [("2026-02-01", NON_BREAKING), ("2026-06-01", BREAKING)]
)
def test_a_deprecated_familys_variants_go_with_it(sunset: str, kind: str) -> None:
    def deprecate(data: dict[str, Any]) -> None:
        data["models"][SEEDANCE]["deprecated"] = {"since": "2026-01-01", "sunset": sunset}

    old = edited(deprecate)
    new = edited(lambda data: data["models"].pop(SEEDANCE))
    found = changes(old, new)
    assert len(found) == 19
    assert {k for k, *_ in found} == {kind}


# --- lint ----------------------------------------------------------------------------------------


def without_variants(data: dict[str, Any]) -> None:
    for model in data["models"].values():
        model.pop("variants", None)


def test_lint_reads_spec_entries_and_flags_no_variant() -> None:
    result = lint(loaded(BASE))
    assert result.findings == () and result.silenced == ()

    def wrong_note(data: dict[str, Any]) -> None:  # one finding on the family
        data["models"][SEEDANCE]["usage_notes"] += " Prompt max 100 chars."

    def what(data: dict[str, Any]) -> list[tuple[str, str, str]]:
        return [(f.rule, f.model_id, f.message) for f in lint(loaded(data)).findings]

    with_them = what(edited(wrong_note))
    assert [model_id for _, model_id, _ in with_them] == [SEEDANCE]
    assert with_them == what(edited(lambda d: (wrong_note(d), without_variants(d))))


def test_lint_counts_spec_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "spec").mkdir()
    shutil.copy(VARIANTS_SPEC, tmp_path / "spec" / "models.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["lint"]) == 0
    entries = len(BASE["models"])
    assert capsys.readouterr().out == f"spec/models.yaml: lint clean, {entries} models\n"
    assert main(["validate"]) == 0
    total = len(catalog(BASE).models)
    variants = total - entries
    assert capsys.readouterr().out == (
        f"spec/models.yaml: ok, {total} models ({variants} of them variants)\n"
    )


# --- the caches ----------------------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "spec").mkdir()
    shutil.copy(VARIANTS_SPEC, tmp_path / "spec" / "models.yaml")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "v"\n', encoding="utf-8")
    return tmp_path


def settings(project: Path) -> Settings:
    return Settings(root=project, spec=project / "spec" / "models.yaml", out=project / "out")


def test_a_family_change_reaches_every_variant_through_the_memos(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("MODELSPEC_CACHE_DIR", raising=False)
    first = render_project(settings(project))
    spec = project / "spec" / "models.yaml"
    text = spec.read_text("utf-8")
    old = f"  {SEEDANCE}:\n    prompt_max: 5000\n"
    assert old in text
    spec.write_text(text.replace(old, f"  {SEEDANCE}:\n    prompt_max: 4321\n"), "utf-8")
    second = render_project(settings(project))
    with monkeypatch.context() as patch:
        patch.setenv("MODELSPEC_CACHE_DIR", "")
        assert second == render_project(settings(project))
    schema = f"out/schemas/{SEEDANCE}-720p-8s.json"
    assert '"maxLength": 5000' in first[schema] and '"maxLength": 4321' in second[schema]


def test_a_proven_family_still_meets_a_new_model_that_takes_a_variant_id(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = project / ".modelspec_cache"
    spec = project / "spec" / "models.yaml"
    assert spec_from_file(spec, "spec/models.yaml", cache).catalog  # proofs saved
    taken = f"{SEEDANCE}-720p-8s"
    text = spec.read_text("utf-8").replace(
        "\n  flux-2:\n",
        f"\n  {taken}:\n    prompt_max: 10\n    generation_types: [text-to-image]\n"
        "    requires_input: false\n    usage_notes: Taken.\n\n  flux-2:\n",
        1,
    )
    spec.write_text(text, "utf-8")
    with pytest.raises(SpecInvalid) as raised:
        spec_from_file(spec, "spec/models.yaml", cache)
    assert [e.message for e in raised.value.errors] == [
        f"model {SEEDANCE}: variants: the variant id {taken} is already a model of this spec"
    ]


def test_docs_only_is_unaffected() -> None:
    def note(data: dict[str, Any]) -> None:
        data["models"][SEEDANCE]["usage_notes"] += " More."

    assert changes(BASE, edited(note)) == [
        (DOCS_ONLY, SEEDANCE, "usage_notes", "usage_notes changed")
    ]
