"""Hostile text in the spec stays inert: the page keeps its cells, the module keeps its strings."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from modelspec.render.targets.model_limits import py_literal
from modelspec.render.targets.requirements_page import md_cell
from modelspec.spec.model import Catalog
from tests.conftest import render_out
from tests.test_page_fidelity import parse_tables

HOSTILE = [
    "pipe | in the middle",
    "back\\slash and \\| escaped pipe",
    "`code` and ``double`` ticks",
    "quotes \" and ' and \"\"\" and '''",
    "jinja {{ catalog }} and {% raw %} and {# c #}",
    "<b>html</b> <script>alert(1)</script> &amp; &lt;",
    "shell $(rm -rf /) and `id`",
    "*stars* _under_ __bold__ ~~strike~~ [link](http://x) ![img](y)",
    "line one\nline two\r\nline three",
    "tab\there, unicode \u2013 \u201cquotes\u201d \u00e9 \u2713 \U0001d11e",
    "trailing backslash \\",
]


def hostile_catalog(catalog: Catalog) -> Catalog:
    models = tuple(
        dataclasses.replace(model, usage_notes=HOSTILE[i % len(HOSTILE)])
        for i, model in enumerate(catalog.models)
    )
    return dataclasses.replace(catalog, models=models)


@pytest.mark.parametrize("text", HOSTILE)
def test_py_literal_round_trips(text: str) -> None:
    assert eval(py_literal(text)) == text  # the literal is data, nothing else


@pytest.mark.parametrize("text", HOSTILE)
def test_md_cell_never_breaks_a_row(text: str) -> None:
    cell = md_cell(text)
    assert "\n" not in cell and "\r" not in cell
    unescaped_pipes = [i for i, ch in enumerate(cell) if ch == "|" and cell[i - 1] != "\\"]
    assert unescaped_pipes == []


def test_hostile_notes_read_back_from_the_page(catalog: Catalog) -> None:
    evil = hostile_catalog(catalog)
    page = render_out(evil)["model_requirements.md"]
    rows = parse_tables(page)[1][1:]
    assert all(len(row) == 11 for row in rows)
    expected = [m.usage_notes.replace("\r\n", "\n") for m in evil.models]
    assert [row[10] for row in rows] == expected


def test_hostile_notes_survive_in_the_module(catalog: Catalog, tmp_path: Path) -> None:
    evil = hostile_catalog(catalog)
    module = tmp_path / "model_limits.py"
    module.write_text(render_out(evil)["model_limits.py"], encoding="utf-8")
    code = f"import runpy; ns = runpy.run_path({str(module)!r}); print(repr([m.usage_notes for m in ns['MODEL_LIMITS'].values()]))"
    result = subprocess.run(
        [sys.executable, "-I", "-c", code], capture_output=True, text=True, check=True
    )
    assert eval(result.stdout) == [m.usage_notes for m in evil.models]
    lint = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "format",
            "--check",
            "--no-cache",
            "--isolated",
            "--line-length",
            "100",
            str(module),
        ],
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
