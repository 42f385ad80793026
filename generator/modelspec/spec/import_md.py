"""Build a spec from an existing requirements page, so a server repo adopts the tool in one step.

markdown-it-py finds the two tables (the field map and the per-model table) and their lines;
each row is then read from its own source line, so a wrong column count, an unknown generation
type or a limit that is not a number is reported at ``page.md:LINE:COL``. The page's usage notes
are kept word for word; input rules and parameters are not on the page, so they start empty.
A row whose notes say "Same as X", X another row, is written as ``extends: X`` and what differs.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt

from modelspec.errors import SpecError, SpecInvalid
from modelspec.spec.families import EXTENDS, named_models
from modelspec.spec.validate import spec_schema

FIELD_MAP_HEADER = ["Concept", "JSON field", "Notes"]
MODEL_HEADER = [
    "model_id", "prompt max", "generation_types", "requires_input", "input_media_types",
    "max images", "max videos", "duration_options", "negative", "sound", "usage_notes",
]  # fmt: skip
DASH = "—"
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def import_page(text: str, path: str) -> dict[str, Any]:
    """The spec data of a requirements page; raise SpecInvalid with every problem in it."""
    errors: list[SpecError] = []
    lines, origin = separate_tables(text.splitlines())
    tables = _tables("\n".join(lines) + "\n")
    field_rows = _rows(tables, FIELD_MAP_HEADER, lines, origin, path, errors)
    model_rows = _rows(tables, MODEL_HEADER, lines, origin, path, errors)
    data: dict[str, Any] = {"request_fields": [], "models": {}}
    for _line, cells in field_rows:
        data["request_fields"].append(
            {"concept": cells[0][1], "field": cells[1][1], "notes": cells[2][1]}
        )
    for line, cells in model_rows:
        reader = _RowReader(path, line, cells, errors)
        model_id, model = reader.model()
        if model_id in data["models"]:
            errors.append(SpecError(path, line, cells[0][0], f"model {model_id} is listed twice"))
        data["models"][model_id] = model
    if errors:
        raise SpecInvalid(errors)
    data["models"] = with_families(data["models"])
    return data


# What a row says when a cell is "—" or "no": the keys the row reader leaves out.
_DEFAULTS: dict[str, Any] = {
    "input_media_types": [],
    "max_images": 0,
    "max_videos": None,
    "duration_options": [],
    "negative_prompt": False,
    "sound": False,
}


def with_families(models: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each model whose notes say "Same as X" (or "Same rules as X"), X another model of the
    page, written as ``extends: X`` and the values that differ from X's, the notes among them;
    a default X does not share is written out (``max_videos: null``). Every model resolves to
    its row, so the page regenerates as it was. A claim that would close a cycle is ignored.
    """
    parents: dict[str, str] = {}
    for model_id, model in models.items():
        for named in named_models(model["usage_notes"], models):
            parent = named.model_id
            if named.same and parent in models and not _reaches(parent, model_id, parents):
                parents[model_id] = parent
                break
    written: dict[str, dict[str, Any]] = {}
    for model_id, model in models.items():
        if model_id not in parents:
            written[model_id] = model
            continue
        mine, theirs = _DEFAULTS | model, _DEFAULTS | models[parents[model_id]]
        differ = {key: value for key, value in mine.items() if theirs.get(key) != value}
        written[model_id] = {EXTENDS: parents[model_id], **_in_row_order(differ, model)}
    return written


def _reaches(start: str, target: str, parents: dict[str, str]) -> bool:
    """Whether ``start`` is ``target`` or extends it, through any number of parents."""
    model_id: str | None = start
    while model_id is not None:
        if model_id == target:
            return True
        model_id = parents.get(model_id)
    return False


def _in_row_order(values: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """``values`` in the order of the table's columns, as the row reader writes them."""
    order = [*row, *_DEFAULTS]
    return dict(sorted(values.items(), key=lambda item: order.index(item[0])))


def separate_tables(lines: list[str]) -> tuple[list[str], list[int]]:
    """Put a blank line around every run of table lines, and map each line to its original number.

    Exported pages often lack them, and CommonMark does not let a table interrupt a paragraph.
    """
    out: list[str] = []
    origin: list[int] = []
    for number, line in enumerate(lines, start=1):
        is_row = line.lstrip().startswith("|")
        was_row = bool(out) and out[-1].lstrip().startswith("|")
        if out and out[-1].strip() and is_row != was_row:
            out.append("")
            origin.append(number)
        out.append(line)
        origin.append(number)
    return out, origin


def _tables(text: str) -> list[tuple[list[str], int, int]]:
    """Each table's header cells and its source line range (0-based, end exclusive)."""
    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "table_open" and token.map:
            header = []
            for inner in tokens[index:]:
                if inner.type == "thead_close":
                    break
                if inner.type == "inline":
                    header.append(inner.content.strip())
            found.append((header, token.map[0], token.map[1]))
    return found


def _rows(
    tables: list[tuple[list[str], int, int]],
    header: list[str],
    lines: list[str],
    origin: list[int],
    path: str,
    errors: list[SpecError],
) -> list[tuple[int, list[tuple[int, str]]]]:
    """The body rows of the table whose header is ``header``: (line, [(col, text), ...])."""
    match = [t for t in tables if t[0] == header]
    if not match:
        errors.append(SpecError(path, 1, 1, f"no table with the columns: {' | '.join(header)}"))
        return []
    _, start, end = match[0]
    rows = []
    for number in range(start + 2, end):  # skip the header and the delimiter row
        raw = lines[number]
        if not raw.lstrip().startswith("|"):
            break
        cells = split_row(raw)
        if len(cells) != len(header):
            message = f"row has {len(cells)} cells; the table has {len(header)} columns"
            errors.append(SpecError(path, origin[number], 1, message))
            continue
        rows.append((origin[number], cells))
    return rows


def split_row(raw: str) -> list[tuple[int, str]]:
    """The cells of a table row as (1-based column, unescaped text), split on unescaped pipes."""
    cells: list[tuple[int, str]] = []
    start = raw.index("|") + 1
    index = start
    while index < len(raw):
        char = raw[index]
        if char == "\\":
            index += 2
            continue
        if char == "|":
            cells.append(_cell(raw, start, index))
            start = index + 1
        index += 1
    if raw[start:].strip():
        cells.append(_cell(raw, start, len(raw)))
    return cells


def _cell(raw: str, start: int, end: int) -> tuple[int, str]:
    content = raw[start:end]
    column = start + len(content) - len(content.lstrip()) + 1
    text = _BREAK.sub("\n", content.strip())
    return column, _ESCAPE.sub(r"\1", text)


class _RowReader:
    """Read one per-model row into spec data, collecting a located error per bad cell."""

    def __init__(self, path: str, line: int, cells: list[tuple[int, str]], errors: list[SpecError]):
        self.path, self.line, self.cells, self.errors = path, line, cells, errors
        defs = spec_schema()["$defs"]
        self.generation_types = defs["generation_type"]["enum"]
        self.media_types = defs["media_type"]["enum"]

    def fail(self, column: int, message: str) -> None:
        self.errors.append(SpecError(self.path, self.line, self.cells[column][0], message))

    def model(self) -> tuple[str, dict[str, Any]]:
        model_id = self.cells[0][1]
        model: dict[str, Any] = {
            "prompt_max": self.number(1, "prompt max"),
            "generation_types": self.listing(2, self.generation_types, "generation type"),
            "requires_input": self.yes_no(3, "requires_input"),
        }
        media = self.listing(4, self.media_types, "media type")
        if media:
            model["input_media_types"] = media
        if (images := self.number(5, "max images")) != 0:
            model["max_images"] = images
        if self.cells[6][1] != DASH:
            model["max_videos"] = self.number(6, "max videos")
        if self.cells[7][1] != DASH:
            model["duration_options"] = self.cells[7][1].split(", ")
        for column, key in ((8, "negative_prompt"), (9, "sound")):
            if self.yes_no(column, key):
                model[key] = True
        model["usage_notes"] = self.cells[10][1]
        return model_id, model

    def number(self, column: int, what: str) -> int:
        text = self.cells[column][1]
        if not text.isascii() or not text.isdigit():
            self.fail(column, f"{what} {text!r} is not a number")
            return 0
        return int(text)

    def yes_no(self, column: int, what: str) -> bool:
        text = self.cells[column][1]
        if text not in ("yes", "no"):
            self.fail(column, f"{what} must be yes or no, not {text!r}")
        return text == "yes"

    def listing(self, column: int, known: list[str], what: str) -> list[str]:
        text = self.cells[column][1]
        if text == DASH:
            return []
        values = text.split(", ")
        for value in values:
            if value not in known:
                self.fail(column, f"unknown {what} {value!r}; expected one of: {', '.join(known)}")
        return values


SCHEMA_NAME = "models.schema.json"
_WIDTH = 96  # the spec's own line length


def spec_text(data: dict[str, Any]) -> str:
    """The spec as the repo's own spec is written: block mappings, short lists in flow
    style, a blank line between models, usage notes folded (``>-``).

    The text is read back before it is returned; should the layout change a single value,
    PyYAML's plain dump is used instead, so the data is always exactly ``data``.
    """
    import yaml

    lines = [f"# yaml-language-server: $schema=./{SCHEMA_NAME}", ""]
    for key, value in data.items():
        lines.append(f"{_dump(key)}:")
        if isinstance(value, dict):  # models: a blank line between them
            for index, (model_id, model) in enumerate(value.items()):
                lines.extend([""] if index else [])
                lines.append(f"  {_dump(model_id)}:")
                lines.extend(_field(str(f), item, 4) for f, item in model.items())
        else:  # request_fields: a list of small mappings
            for row in value:
                fields = [_field(str(f), item, 4) for f, item in row.items()]
                lines.append("  - " + fields[0].removeprefix("    "))
                lines.extend(fields[1:])
        lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    if yaml.safe_load(text) != data:
        body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=_WIDTH)
        return f"# yaml-language-server: $schema=./{SCHEMA_NAME}\n" + body
    return text


def _field(name: str, value: Any, indent: int) -> str:
    """One ``name: value`` line at ``indent``; notes and other long text as a folded block."""
    pad = " " * indent
    long = isinstance(value, str) and (
        name == "usage_notes" or indent + len(name) + 2 + len(value) > _WIDTH
    )
    if long and _foldable(value):
        body = "\n".join(f"{pad}  {line}" for line in _fold(value, _WIDTH - indent - 2))
        return f"{pad}{name}: >-\n{body}"
    return f"{pad}{name}: {_dump(value)}"


def _foldable(text: str) -> bool:
    """Text a folded block holds word for word: printable, one space between words."""
    return (
        text == text.strip()
        and "  " not in text
        and "\n" not in text
        and all(char.isprintable() for char in text)
    )


def _fold(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken only at single spaces."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line]


def _dump(value: Any) -> str:
    """``value`` as one line of flow-style YAML."""
    import yaml

    text = yaml.safe_dump(
        value, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=True
    )
    return text.removesuffix("\n...\n").rstrip("\n")
