"""import-md: adopt the tool from an existing page; malformed pages get line-numbered errors.

The page is the seed page, kept as a fixture (tests/fixtures/seed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from modelspec.cli import main
from tests.seed import SEED_PAGE
from tests.test_page_fidelity import parse_tables, seed_markdown

SEED_LINES = SEED_PAGE.read_text(encoding="utf-8").splitlines()


def seed_line(prefix: str) -> int:
    """The 1-based line of the seed page that starts with ``prefix``."""
    return next(i for i, line in enumerate(SEED_LINES, start=1) if line.startswith(prefix))


def test_seed_page_round_trips(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import-md", str(SEED_PAGE)]) == 0
    rows = len(parse_tables(seed_markdown())[1]) - 1  # the model table, less its header
    assert f"wrote spec/models.yaml: {rows} models" in capsys.readouterr().out
    assert (
        (tmp_path / "spec/models.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=./models.schema.json\n")
    )
    assert (tmp_path / "spec/models.schema.json").is_file()
    assert main(["regen"]) == 0
    page = (tmp_path / "out/model_requirements.md").read_text(encoding="utf-8")
    assert parse_tables(page) == parse_tables(seed_markdown())
    seed_rows = [line for line in SEED_LINES if line.startswith("| ")]
    assert [line for line in page.splitlines() if line.startswith("| ")] == seed_rows


def test_existing_spec_needs_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec/models.yaml").write_text("keep me\n", encoding="utf-8")
    assert main(["import-md", str(SEED_PAGE)]) == 2
    assert "spec/models.yaml exists; pass --force to replace it" in capsys.readouterr().err
    assert (tmp_path / "spec/models.yaml").read_text(encoding="utf-8") == "keep me\n"
    assert main(["import-md", str(SEED_PAGE), "--force"]) == 0


def broken_page(tmp_path: Path, edits: dict[str, str]) -> Path:
    text = SEED_PAGE.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert old in text
        text = text.replace(old, new, 1)
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    return page


def test_malformed_page_lists_every_problem_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    page = broken_page(
        tmp_path,
        {
            "| flux-2 | 5000 | text-to-image | no |": "| flux-2 | 5000 | text-to-image | no | extra |",
            "| imagen-4 | 5000 | text-to-image |": "| imagen-4 | 5000 | text-to-picture |",
            "| wan-2-5 | 800 |": "| wan-2-5 | eight hundred |",
            "| sora-2 | 5000 | text-to-video, image-to-video | no |": "| sora-2 | 5000 | text-to-video, image-to-video | maybe |",
        },
    )
    assert main(["import-md", str(page)]) == 1
    err = "".join(capsys.readouterr()).splitlines()
    assert err == [
        f"page.md:{seed_line('| flux-2 |')}:1: row has 12 cells; the table has 11 columns",
        f"page.md:{seed_line('| imagen-4 |')}:21: unknown generation type 'text-to-picture'; expected one of: text-to-image, image-to-image, text-to-video, image-to-video",
        f"page.md:{seed_line('| sora-2 |')}:51: requires_input must be yes or no, not 'maybe'",
        f"page.md:{seed_line('| wan-2-5 |')}:13: prompt max 'eight hundred' is not a number",
        "modelspec: 4 problems; nothing written",
    ]
    assert not (tmp_path / "spec").exists()


def test_page_without_the_model_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    page = tmp_path / "page.md"
    page.write_text("# Nothing here\n\nJust prose.\n", encoding="utf-8")
    assert main(["import-md", str(page)]) == 1
    assert "page.md:1:1: no table with the columns: model_id | prompt max" in "".join(
        capsys.readouterr()
    )


# --- families: "Same as X" becomes extends ---------------------------------------------------


def imported_models(page: Path) -> dict[str, Any]:
    assert main(["import-md", str(page), "--force"]) == 0
    text = Path("spec/models.yaml").read_text(encoding="utf-8")
    models: dict[str, Any] = yaml.safe_load(text)["models"]
    return models


def regenerated_rows(page: Path) -> tuple[list[str], list[str]]:
    """The model rows of the regenerated page, and of ``page``."""
    assert main(["regen"]) == 0
    out = Path("out/model_requirements.md").read_text(encoding="utf-8")
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    seed = [line for line in page.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    return rows, seed


def test_same_as_rows_are_written_as_families(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    models = imported_models(SEED_PAGE)
    families = {m: data["extends"] for m, data in models.items() if "extends" in data}
    assert families == {
        "gpt-1.5-image-high": "gpt-1.5-image-medium",
        "kling-2-6-motion-control-1080p": "kling-2-6-motion-control-720p",
        "kling-3-0-motion-control-1080p": "kling-3-0-motion-control-720p",
        "kling-3-0-pro": "kling-3-0-std",  # "Same rules as kling-3-0-std"
        "sora-2-pro": "sora-2",
        "veo3-1-fast": "veo3-1",
    }  # kling-3-0-motion-control-720p says "Same as Kling 2.6 Motion Control": a product name
    assert all(set(models[m]) == {"extends", "usage_notes"} for m in families)


def test_a_same_as_row_that_differs_overrides_what_differs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    page = broken_page(
        tmp_path,
        {
            "| sora-2-pro | 5000 |": "| sora-2-pro | 4000 |",
            "| kling-2-6-motion-control-1080p | 2500 | image-to-video | yes | image, video | 1 | 1 |": (
                "| kling-2-6-motion-control-1080p | 2500 | image-to-video | yes | image, video | 1 | — |"
            ),
        },
    )
    models = imported_models(page)
    assert list(models["sora-2-pro"]) == ["extends", "prompt_max", "usage_notes"]
    assert models["sora-2-pro"]["prompt_max"] == 4000
    assert models["kling-2-6-motion-control-1080p"]["max_videos"] is None  # written: null
    assert "max_videos: null" in Path("spec/models.yaml").read_text(encoding="utf-8")
    rows, seed = regenerated_rows(page)
    assert rows == seed


def test_same_as_both_ways_writes_one_family(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    page = broken_page(
        tmp_path, {"| Text-to-video: omit or 1 optional ref image.": "| Same as veo3-1-fast."}
    )
    models = imported_models(page)
    assert models["veo3-1"]["extends"] == "veo3-1-fast"  # the first claim, in row order
    assert "extends" not in models["veo3-1-fast"]  # its claim would close a cycle
    rows, seed = regenerated_rows(page)
    assert rows == seed
