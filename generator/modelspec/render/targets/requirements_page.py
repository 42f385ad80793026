"""The Markdown requirements page: the field map and the per-model table, one row a model
(a spec entry; each entry's variants are listed below the table)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from modelspec.render import contract
from modelspec.render.layout import Context, Output
from modelspec.render.render import per_model
from modelspec.spec.model import Catalog
from modelspec.spec.variants import json_value

# Characters that start Markdown inline syntax (code, emphasis, links, HTML, entities,
# strikethrough) or end a table cell. An underscore only matters at a word's edge, so
# `source_media_urls` stays as written while `_x_` is escaped.
_INLINE = re.compile(r"[\\`*\[\]<>|&~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def md_cell(value: object) -> str:
    """Text for one table cell: Markdown syntax escaped, newlines as <br>, so it stays inert."""
    text = _INLINE.sub(lambda m: "\\" + m.group(), str(value))
    return _NEWLINE.sub("<br>", text)


def md_text(value: object) -> str:
    """Configured text as one line of a paragraph or a heading: inline syntax escaped as in a
    cell, and so are ``#`` (a heading's closing sequence) and whatever would start a block
    at the line's start (a list item, a thematic break, an indented code block)."""
    text = md_cell(value).replace("#", "\\#")
    text = _BLOCK_MARK.sub(lambda m: f"{m.group()[:-1]}\\{m.group()[-1]}", text, count=1)
    if text[:1].isspace():  # four spaces would start a code block
        text = f"&#{ord(text[0])};{text[1:]}"
    return text


_BLOCK_MARK = re.compile(r"^(?:[-+=]|\d{1,9}[.)])")


def md_code(value: object) -> str:
    """Text as a code span, which shows it verbatim: fenced by more backticks than it holds
    in a row, and padded with spaces where the text would touch the fence or lose its own."""
    text = str(value)
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    if longest or (text.startswith(" ") and text.endswith(" ") and text.strip(" ")):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def md_comment(value: object) -> str:
    """Text inside an HTML comment, ``<!-- … -->``: whatever would end the comment early or
    open another is written with an entity (comments show entities as typed)."""
    return _COMMENT_BREAK.sub(
        lambda m: m.group().replace("<", "&lt;").replace(">", "&gt;"), str(value)
    )


_COMMENT_BREAK = re.compile(r"--!?>|<!-|^-?>")


def yes_no(value: bool) -> str:
    """A boolean as the page writes it."""
    return "yes" if value else "no"


def listing(values: tuple[str, ...] | None) -> str:
    """A list as the page writes it: comma-separated, or an em dash when empty or absent."""
    return ", ".join(values) if values else "—"


def or_dash(value: object) -> str:
    """A value, or an em dash where there is none."""
    return "—" if value is None else str(value)


NAME = "requirements_page"
# Where the output goes unless [tool.modelspec.outputs] moves it; a trailing "/" is a folder.
LOCATION = "model_requirements.md"
FILTERS: dict[str, Callable[..., Any]] = {
    "md_cell": md_cell,
    "md_text": md_text,
    "md_code": md_code,
    "md_comment": md_comment,
    "yes_no": yes_no,
    "listing": listing,
    "or_dash": or_dash,
    "json_value": json_value,
    "parameter_summary": contract.parameter_summary,
}


ROW_TEMPLATE = "model_requirements_row.md.jinja"


def outputs(catalog: Catalog, context: Context) -> Iterator[Output]:
    """The page, rendered from ``model_requirements.md.jinja``; each model's table row comes
    from ``model_requirements_row.md.jinja`` through ``model_row``, or from the memo when the
    model is unchanged (see ``modelspec.cache.memo``)."""
    model_row, memo = per_model(catalog, context, NAME, ROW_TEMPLATE, "m")
    yield Output(
        "model_requirements.md",
        template="model_requirements.md.jinja",
        context={"model_row": model_row},
    )
    memo.save()
