"""The page rendered from the seed fixture reproduces the seed page's tables cell for cell.

Both are fixtures (tests/fixtures/seed): the frozen spec and the page it was read from. The
live page, out/model_requirements.md, is never compared: the live data may move on.
"""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from modelspec.spec.model import Catalog
from tests.seed import SEED_PAGE

Table = list[list[str]]


def parse_tables(markdown: str) -> list[Table]:
    """Every GFM table in ``markdown``, as rows of cells with their rendered text."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    tables: list[Table] = []
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            tables[-1].append([])
        elif token.type == "inline" and tables and tables[-1] and _in_cell(tokens, token):
            tables[-1][-1].append(cell_text(token))
    return tables


def _in_cell(tokens: list[Token], token: Token) -> bool:
    index = tokens.index(token)
    return index > 0 and tokens[index - 1].type in ("td_open", "th_open")


def cell_text(inline: Token) -> str:
    """What a reader sees in a cell: text, code and soft breaks, with <br> read as a newline."""
    parts: list[str] = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif (
            child.type == "html_inline" and child.content.lower() in ("<br>", "<br/>", "<br />")
        ) or child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def seed_markdown() -> str:
    """The seed page with its sections made real headings.

    The exported seed lost its blank lines and writes sections as ``#Title``, so CommonMark
    reads the line after each table as one more row. Only those lines change; the table rows
    are parsed exactly as the seed has them.
    """
    fixed: list[str] = []
    for line in SEED_PAGE.read_text(encoding="utf-8").splitlines():
        if fixed and fixed[-1].startswith("|") and not line.startswith("|"):
            fixed.append("")
        fixed.append(f"## {line.lstrip('#')}" if line.startswith("#") else line)
    return "\n".join(fixed) + "\n"


@pytest.fixture(scope="module")
def seed_tables() -> list[Table]:
    return parse_tables(seed_markdown())


@pytest.fixture(scope="module")
def page_tables(rendered: dict[str, str]) -> list[Table]:
    return parse_tables(rendered["model_requirements.md"])


def test_page_has_both_tables(page_tables: list[Table], seed_tables: list[Table]) -> None:
    assert len(seed_tables) == 2
    assert len(page_tables) == 2


def test_field_map_matches_seed_cell_for_cell(
    page_tables: list[Table], seed_tables: list[Table]
) -> None:
    assert page_tables[0] == seed_tables[0]


def test_per_model_table_matches_seed_cell_for_cell(
    page_tables: list[Table], seed_tables: list[Table], catalog: Catalog
) -> None:
    page, seed = page_tables[1], seed_tables[1]
    assert len(seed) == 1 + len(catalog.models)  # the header, then one row per model
    assert [row[0] for row in page] == [row[0] for row in seed]
    for page_row, seed_row in zip(page, seed, strict=True):
        assert page_row == seed_row, f"row {seed_row[0]} differs"


def test_rows_are_case_insensitive_by_model_id(page_tables: list[Table]) -> None:
    ids = [row[0] for row in page_tables[1][1:]]
    assert ids == sorted(ids, key=str.casefold)
    assert ids[-1] == "Z-image"


def test_sections_are_real_headings(rendered: dict[str, str]) -> None:
    tokens = MarkdownIt("commonmark").parse(rendered["model_requirements.md"])
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    seed_lines = SEED_PAGE.read_text(encoding="utf-8").splitlines()
    seed_sections = [line.lstrip("#").strip() for line in seed_lines if line.startswith("#")]
    assert headings == [seed_lines[0], *seed_sections]


def test_intro_names_the_spec_and_make_regen(rendered: dict[str, str]) -> None:
    page = rendered["model_requirements.md"]
    assert "generated from `spec/models.yaml`" in page
    assert "`make regen`" in page
