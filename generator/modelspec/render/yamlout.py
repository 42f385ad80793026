"""Write JSON-like data as block-style YAML: fast, and the same bytes with or without libyaml.

PyYAML's emitter takes 18 s on a 10,000-model OpenAPI fragment, and its C and Python emitters
disagree on some characters (NEL, characters outside the BMP). The outputs hold only dicts,
lists, strings, numbers, booleans and None, so this writes them directly:

- a string is plain when it plainly cannot be read as anything else (it starts with a letter,
  ``/`` or ``$``, uses a small set of characters and is not a YAML 1.1 boolean or null);
  otherwise it is double-quoted with JSON's escapes, which YAML shares, plus escapes for the
  characters YAML would read as line breaks or a byte-order mark;
- mappings keep their key order; a list under a key is not indented, as PyYAML writes it.

The tests read every output back with PyYAML and compare it with the data.
"""

from __future__ import annotations

import json
import re
from typing import Any

_PLAIN = re.compile(r"[A-Za-z_/$](?:[A-Za-z0-9 _./(),;'`$+-]*[A-Za-z0-9_./(),;'`$+-])?")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
# JSON leaves these raw; in YAML they are line breaks, a byte-order mark or not allowed at all.
_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def dump(data: Any) -> str:
    """``data`` as a YAML document, ending with a newline."""
    _STRINGS.clear()
    lines: list[str] = []
    if isinstance(data, dict) and data:
        _mapping(data, "", lines)
    elif isinstance(data, list) and data:
        _sequence(data, "", lines)
    else:
        lines.append(scalar(data))
    return "\n".join(lines) + "\n"


# The strings of one document as written: a large one repeats the same few thousand.
_STRINGS: dict[str, str] = {}


def comment(text: str) -> str:
    """``text`` as one YAML comment line, without its newline: a character YAML reads as a
    line break, or refuses anywhere in a stream, is written as its escape."""
    return "# " + _NOT_IN_COMMENT.sub(_escape, text)


# Tab is allowed; other C0 and C1 controls, DEL, surrogates and non-characters are not.
_NOT_IN_COMMENT = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def dump_entries(data: dict[str, Any], indent: str) -> str:
    """The entries of a mapping nested at ``indent``, as ``dump`` writes them in place."""
    lines: list[str] = []
    _mapping(data, indent, lines)
    return "\n".join(lines) + "\n" if lines else ""


def scalar(value: Any) -> str:
    """One scalar (or an empty collection) as YAML text."""
    if type(value) is str:
        text = _STRINGS.get(value)
        if text is None:
            text = _STRINGS[value] = _string(value)
        return text
    if isinstance(value, str):  # a str subclass: not worth remembering
        return _string(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if value == {}:
        return "{}"
    if value == []:
        return "[]"
    raise TypeError(f"cannot write {type(value).__name__} as YAML")


def _string(value: str) -> str:
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
        return value
    return _ESCAPE.sub(_escape, json.dumps(value, ensure_ascii=False))


def _float(value: float) -> str:
    """A float YAML 1.1 reads back as a float: it needs a dot, and a sign in the exponent."""
    if value != value:
        return ".nan"
    if value in (float("inf"), float("-inf")):
        return ".inf" if value > 0 else "-.inf"
    mantissa, _, exponent = repr(value).partition("e")
    if "." not in mantissa:
        mantissa += ".0"
    return mantissa + (f"e{exponent}" if exponent else "")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}"


def _mapping(data: dict[str, Any], indent: str, lines: list[str]) -> None:
    for key, value in data.items():
        head = f"{indent}{scalar(str(key))}:"
        if isinstance(value, dict) and value:
            lines.append(head)
            _mapping(value, indent + "  ", lines)
        elif isinstance(value, list) and value:
            lines.append(head)
            _sequence(value, indent, lines)
        else:
            lines.append(f"{head} {scalar(value)}")


def _sequence(items: list[Any], indent: str, lines: list[str]) -> None:
    for item in items:
        if isinstance(item, dict) and item:
            start = len(lines)
            _mapping(item, indent + "  ", lines)
            lines[start] = f"{indent}- {lines[start][len(indent) + 2 :]}"
        elif isinstance(item, list) and item:
            start = len(lines)
            _sequence(item, indent + "  ", lines)
            lines[start] = f"{indent}- {lines[start][len(indent) + 2 :]}"
        else:
            lines.append(f"{indent}- {scalar(item)}")
