"""JSON text read strictly, with the places of its values found when a message needs them.

The standard library parses JSON fast but says nothing about where a value sits, and it lets
through what JSON forbids: ``NaN`` and ``Infinity``, a key repeated in one object (the last one
silently wins). ``parse`` refuses both, and nesting deeper than ``MAX_DEPTH``, each as a
located error; ``locate`` finds any value afterwards, walking only into the containers on the
way to it (the C decoder skips the rest).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable
from typing import Any

from modelspec.errors import SpecError, SpecInvalid

Path = tuple[str | int, ...]
MAX_DEPTH = 64  # as for the spec; a GET /v1/models entry is five levels deep

_SPACE = re.compile(r"[ \t\n\r]*")
_LENIENT = json.JSONDecoder()  # skips values that parse() has already accepted
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_DEEP = f"nested more than {MAX_DEPTH} levels deep"


class _Repeats(dict[str, Any]):
    """An object in which a key appears more than once; ``repeated`` is the first such key."""

    repeated = ""


class _Constant:
    """Where the text says NaN, Infinity or -Infinity, which JSON does not allow."""

    def __init__(self, word: str) -> None:
        self.word = word


def parse(text: str, name: str) -> Any:
    """The value of the JSON ``text``; SpecInvalid with its places when it is not strict JSON."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(items)
        if len(found) == len(items):
            return found
        repeats = _Repeats(found)
        seen: set[str] = set()
        for key, _ in items:
            if key in seen:
                repeats.repeated = key
                break
            seen.add(key)
        return repeats

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=_Constant)
    except json.JSONDecodeError as exc:
        raise SpecInvalid(
            [SpecError(name, exc.lineno, exc.colno, f"not JSON: {exc.msg}")]
        ) from None
    except RecursionError:
        line, col = line_col(text, _too_deep(text))
        raise SpecInvalid([SpecError(name, line, col, _DEEP)]) from None
    problems = _problems(data)
    if problems:
        raise SpecInvalid([_placed(text, name, path, message) for path, message in problems])
    return data


def _problems(data: Any) -> list[tuple[Path, str]]:
    """What ``parse`` refuses in parsed data, each at its path. Without recursion, so that any
    depth the decoder accepted is walked safely; only containers are pushed."""
    if isinstance(data, _Constant):
        return [((), f"{data.word} is not a JSON value")]
    found: list[tuple[Path, str]] = []
    stack: list[tuple[Path, Any]] = [((), data)] if isinstance(data, dict | list) else []
    while stack:
        path, value = stack.pop()
        if len(path) >= MAX_DEPTH:
            return [(path, _DEEP)]  # one is enough: below it may be a great deal more
        if isinstance(value, _Repeats):
            found.append(((*path, value.repeated), f"repeats the key {quoted(value.repeated)}"))
        children: Iterable[tuple[str | int, Any]] = (
            value.items() if isinstance(value, dict) else enumerate(value)
        )
        for key, child in children:
            if isinstance(child, dict | list):
                stack.append(((*path, key), child))
            elif isinstance(child, _Constant):
                found.append(((*path, key), f"{child.word} is not a JSON value"))
    return found


def _placed(text: str, name: str, path: Path, message: str) -> SpecError:
    if message.startswith("repeats the key"):
        offsets = locate_keys(text, path[:-1], str(path[-1]))
        offset = offsets[1] if len(offsets) > 1 else offsets[0]  # the repeat, not the first
    else:
        offset = locate(text, [path]).get(path, 0)
    line, col = line_col(text, offset)
    return SpecError(name, line, col, message)


def _too_deep(text: str) -> int:
    """The offset of the first bracket more than MAX_DEPTH levels deep (0 if none is)."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif token in "]}":
            depth -= 1
    return 0


def line_col(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def quoted(text: str) -> str:
    """``text`` as JSON writes a string."""
    return json.dumps(text, ensure_ascii=False)


def _skip(text: str, at: int) -> int:
    """The offset of the first character at or after ``at`` that is not white space."""
    match = _SPACE.match(text, at)
    return match.end() if match else at


def locate(text: str, paths: Collection[Path]) -> dict[Path, int]:
    """The offset of the value at each of ``paths`` in ``text`` (JSON that ``parse`` accepted);
    a path that leads nowhere is left out. Where a key repeats, its last value counts, as for
    the decoder."""
    wanted = set(paths)
    on_the_way = {path[:depth] for path in wanted for depth in range(len(path))}
    found: dict[Path, int] = {}

    def value(at: int, path: Path) -> int:
        """Past the value that starts at (or after white space from) ``at``."""
        at = _skip(text, at)
        if path in wanted:
            found[path] = at
        if path not in on_the_way or text[at] not in "[{":
            return int(_LENIENT.raw_decode(text, at)[1])
        closing = "}" if text[at] == "{" else "]"
        at, index = _skip(text, at + 1), 0
        while text[at] != closing:
            key: str | int = index
            if closing == "}":
                key, at = _LENIENT.raw_decode(text, at)
                at = _skip(text, at) + 1  # past the colon
            at = _skip(text, value(at, (*path, key)))
            index += 1
            if text[at] == ",":
                at = _skip(text, at + 1)
        return at + 1

    value(0, ())
    return found


def locate_keys(text: str, path: Path, key: str) -> list[int]:
    """The offsets of every occurrence of ``key`` in the object at ``path``, in order ([0]
    when there is none, so that a message still has a place)."""
    start = locate(text, [path]).get(path)
    found: list[int] = []
    if start is not None and text[start] == "{":
        at = _skip(text, start + 1)
        while text[at] != "}":
            name, end = _LENIENT.raw_decode(text, at)
            if name == key:
                found.append(at)
            at = _skip(text, _skip(text, end) + 1)  # past the colon
            at = _skip(text, int(_LENIENT.raw_decode(text, at)[1]))
            if text[at] == ",":
                at = _skip(text, at + 1)
    return found or [0]
