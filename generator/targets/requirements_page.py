"""The Markdown requirements page: the field map and the per-model table, one row a model."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from generator.layout import Context, Output
from generator.model import Catalog

# Characters that start Markdown inline syntax (code, emphasis, links, HTML, entities,
# strikethrough) or end a table cell. An underscore only matters at a word's edge, so
# `source_media_urls` stays as written while `_x_` is escaped.
_INLINE = re.compile(r"[\\`*\[\]<>|&~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_NEWLINE = re.compile(r"\r\n|\r|\n")


def md_cell(value: object) -> str:
    """Text for one table cell: Markdown syntax escaped, newlines as <br>, so it stays inert."""
    text = _INLINE.sub(lambda m: "\\" + m.group(), str(value))
    return _NEWLINE.sub("<br>", text)


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
    "yes_no": yes_no,
    "listing": listing,
    "or_dash": or_dash,
}


ROW_TEMPLATE = "model_requirements_row.md.jinja"


def outputs(catalog: Catalog, context: Context) -> Iterator[Output]:
    """The page, rendered from ``model_requirements.md.jinja``; each model's table row comes
    from ``model_requirements_row.md.jinja`` through ``model_row``, or from the memo when the
    model is unchanged (see ``generator.memo``)."""
    from generator.render import per_model

    model_row, memo = per_model(catalog, context, NAME, ROW_TEMPLATE, "m")
    yield Output(
        "model_requirements.md",
        template="model_requirements.md.jinja",
        context={"model_row": model_row},
    )
    memo.save()
