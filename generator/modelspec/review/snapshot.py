"""A saved GET /v1/models response, read for ``modelspec reconcile``.

The response is a JSON array of entries, or an object holding one under ``data`` or
``models``. An entry is an object with ``model_id``, the keys the generated ``capabilities()``
returns, and any other key the database adds (pricing, display names), which is not read.
Every problem is reported at once, each at its line and column, naming the entry (by its
index, from 0, and its model_id) and the key: a key of the capabilities vocabulary must have
the type ``capabilities()`` gives it; values themselves are the comparison's business.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from modelspec.errors import SpecError, SpecInvalid
from modelspec.review.jsontext import Path, line_col, locate, parse, quoted

_LISTS = ("data", "models")  # where an object response holds its entries


@dataclass(frozen=True)
class Entry:
    """One entry of the snapshot: its index in the list, its model_id, and all of its keys."""

    index: int
    model_id: str
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Snapshot:
    """The entries by model_id, in the file's order; ``at`` is where their list sits."""

    name: str
    text: str
    at: Path
    entries: Mapping[str, Entry]

    def path(self, entry: Entry, field: Path = ()) -> Path:
        """The path of ``field`` of ``entry`` within the file."""
        return (*self.at, entry.index, *field)

    def positions(self, paths: list[Path]) -> dict[Path, tuple[int, int]]:
        """The line and column of each path; a path the file lacks takes its nearest ancestor's."""
        wanted = {path[:depth] for path in paths for depth in range(len(path) + 1)}
        offsets = locate(self.text, wanted)
        placed = {}
        for path in paths:
            known = next(path[:d] for d in range(len(path), -1, -1) if path[:d] in offsets)
            placed[path] = line_col(self.text, offsets[known])
        return placed


def read_snapshot(raw: bytes, name: str) -> Snapshot:
    """The snapshot in ``raw``; SpecInvalid with every problem, each placed, when malformed."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]  # valid UTF-8: columns count characters, as elsewhere
        line_start = before.rfind(b"\n") + 1
        line, col = before.count(b"\n") + 1, len(before[line_start:].decode("utf-8")) + 1
        message = f"not UTF-8: byte 0x{raw[exc.start]:02x} cannot start or continue a character"
        raise SpecInvalid([SpecError(name, line, col, message)]) from None
    data = parse(text, name)
    problems: list[tuple[Path, str]] = []
    at, items = _entry_list(data, problems)
    entries: dict[str, Entry] = {}
    for index, item in enumerate(items):
        entry = _entry(index, item, (*at, index), entries, problems)
        if entry is not None:
            entries.setdefault(entry.model_id, entry)
    if problems:
        offsets = locate(text, {path for path, _ in problems})
        raise SpecInvalid(
            [SpecError(name, *line_col(text, offsets.get(path, 0)), msg) for path, msg in problems]
        )
    return Snapshot(name, text, at, entries)


def _entry_list(data: Any, problems: list[tuple[Path, str]]) -> tuple[Path, list[Any]]:
    """Where the entries are, and they; an empty list, and a problem, when they are nowhere."""
    if isinstance(data, list):
        return (), data
    if isinstance(data, dict):
        keys = [key for key in _LISTS if key in data]
        if len(keys) == 2:
            problems.append(((), "holds both data and models; which one lists the entries?"))
        elif keys and isinstance(data[keys[0]], list):
            return (keys[0],), data[keys[0]]
        elif keys:
            message = f"{keys[0]} must be an array of entries, not {json_type(data[keys[0]])}"
            problems.append(((keys[0],), message))
        else:
            problems.append(((), "must be an array of entries, or an object with data or models"))
        return (), []
    problems.append(((), f"must be an array of entries, not {json_type(data)}"))
    return (), []


def _entry(
    index: int,
    item: Any,
    at: Path,
    seen: Mapping[str, Entry],
    problems: list[tuple[Path, str]],
) -> Entry | None:
    """One entry, its problems appended; None when it has no usable model_id."""
    if not isinstance(item, dict):
        problems.append((at, f"entry {index} must be an object, not {json_type(item)}"))
        return None
    model_id = item.get("model_id")
    if not isinstance(model_id, str) or not model_id:
        where = (*at, "model_id") if "model_id" in item else at
        if "model_id" not in item:
            problem = "has no model_id"
        elif model_id == "":
            problem = "model_id must not be empty"
        else:
            problem = f"model_id must be a string, not {_shown(model_id)}"
        problems.append((where, f"entry {index}: {problem}"))
        model_id = None
    elif model_id in seen:
        message = f"entry {index}: model_id {quoted(model_id)} repeats entry {seen[model_id].index}"
        problems.append(((*at, "model_id"), message))
    label = f"entry {index}" + (f" ({model_id})" if model_id else "")
    for field, expected in _wrong_types(item):
        dotted = "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in field)[1:]
        shown = _shown(_at(item, field))
        problems.append(((*at, *field), f"{label}: {dotted} must be {expected}, not {shown}"))
    return Entry(index, model_id, item) if model_id else None


_STRINGS = "an array of strings"
# The capabilities vocabulary: the type of each key, as JSON names it, and its test.
_TYPES: dict[str, Callable[[object], bool]] = {
    "a string": lambda v: isinstance(v, str),
    "true or false": lambda v: isinstance(v, bool),
    "an integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "an integer or null": lambda v: v is None or (isinstance(v, int) and not isinstance(v, bool)),
    _STRINGS: lambda v: isinstance(v, list),  # then item by item
    "an object": lambda v: isinstance(v, dict),
}
_TOP = {
    "generation_types": _STRINGS,
    "requires_input_media": "true or false",
    "input_media_types": _STRINGS,
    "usage_notes": "a string",
    "limits": "an object",
}
_LIMITS = {
    "prompt_max": "an integer",
    "max_images": "an integer",
    "max_videos": "an integer or null",
    "duration_options": _STRINGS,
    "negative_prompt": "true or false",
    "sound": "true or false",
    "source_media": "an object",  # of generation type: an object shaped as _RULE
    "parameters": "an object",  # of parameter name: an object (its schema)
}
_RULE = {
    "min_images": "an integer",
    "max_images": "an integer",
    "min_videos": "an integer",
    "max_videos": "an integer",
    "order": _STRINGS,
}


def _wrong_types(entry: Mapping[str, Any]) -> list[tuple[Path, str]]:
    """Each key of the vocabulary, at any depth, whose value has the wrong type, and the type
    it should have."""
    wrong: list[tuple[Path, str]] = []

    def check(value: Mapping[str, Any], at: Path, vocabulary: Mapping[str, str]) -> None:
        for key, expected in vocabulary.items():
            if key not in value:
                continue
            if not _TYPES[expected](value[key]):
                wrong.append(((*at, key), expected))
            elif expected == _STRINGS:
                items = enumerate(value[key])
                wrong.extend(
                    ((*at, key, i), "a string") for i, v in items if not isinstance(v, str)
                )

    check(entry, (), _TOP)
    limits = entry.get("limits")
    if isinstance(limits, dict):
        check(limits, ("limits",), _LIMITS)
        for key in ("source_media", "parameters"):
            inner = limits.get(key)
            for name, value in inner.items() if isinstance(inner, dict) else ():
                if not isinstance(value, dict):
                    wrong.append((("limits", key, name), "an object"))
                elif key == "source_media":
                    check(value, ("limits", key, name), _RULE)
    return wrong


def _at(value: Any, path: Path) -> Any:
    for key in path:
        value = value[key]
    return value


def json_type(value: object) -> str:
    """How JSON names the type of ``value``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _shown(value: object) -> str:
    """The type of a wrong value, and the value itself when it is short and plain."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = quoted(value) if isinstance(value, str) else repr(value)
        if len(text) <= 40:
            return f"{json_type(value)} ({text})"
    return json_type(value)
