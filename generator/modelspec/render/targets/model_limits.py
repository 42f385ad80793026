"""``model_limits.py``: the limits as a stdlib-only module the API server imports."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from typing import Any

from modelspec.render import patterns
from modelspec.render.layout import Context, Output
from modelspec.render.render import per_model
from modelspec.spec.model import Catalog

_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def py_literal(value: object) -> str:
    """A Python literal for ``value``, never pasted raw, quoted the way ``ruff format`` keeps."""
    if value is None or isinstance(value, bool | int):
        return repr(value)
    if isinstance(value, float) and math.isfinite(value):
        return repr(value)
    if isinstance(value, str):
        return _py_string(value)
    if isinstance(value, tuple | list):
        items = ", ".join(py_literal(v) for v in value)
        return f"({items},)" if len(value) == 1 else f"({items})"
    raise TypeError(f"no Python literal for {type(value).__name__}")


_PLAIN_ASCII = re.compile(r"[ !#-\[\]-~]*")  # printable ASCII except " and the backslash


def _py_string(text: str) -> str:
    if _PLAIN_ASCII.fullmatch(text):  # most text: nothing to escape
        return f'"{text}"'
    # ruff prefers double quotes unless single quotes need fewer escapes.
    quote = "'" if text.count('"') > text.count("'") else '"'
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch == quote:
            out.append("\\" + ch)
        elif " " <= ch <= "~":
            out.append(ch)
        else:  # control or non-ASCII: an escape, so no linter flags look-alike characters
            out.append(_escape_code_point(ord(ch)))
    return quote + "".join(out) + quote


def _escape_code_point(code: int) -> str:
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def py_comment(value: object) -> str:
    """Text safe inside a ``#`` comment: one line of printable ASCII, others escaped, and
    never an encoding declaration. Python reads ``coding:`` or ``coding=`` in a comment on
    a module's first two lines as one (PEP 263), and the header's lines are those two: a
    regen command ``make # coding: latin-1`` would set the module's encoding."""
    text = " ".join(str(value).split())
    text = text.encode("ascii", "backslashreplace").decode("ascii")
    text = _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return _CODING.sub(lambda m: f"coding\\x{ord(m.group()[-1]):02x}", text)


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f]")
_CODING = re.compile(r"coding[:=]")


NAME = "model_limits"
# Where the output goes unless [tool.modelspec.outputs] moves it; a trailing "/" is a folder.
LOCATION = "model_limits.py"
FILTERS: dict[str, Callable[..., Any]] = {"py_literal": py_literal, "py_comment": py_comment}


ENTRY_TEMPLATE = "model_limits_entry.py.jinja"
# The contract's patterns and character sets, written into the module as the schemas hold them.
PATTERNS = {
    "url": patterns.URL_PATTERN,
    "not_in_url": patterns.class_of(patterns.WHITESPACE + patterns.CONTROL),
    "whitespace": patterns.WHITESPACE,
    "ratio": patterns.RATIO_PATTERN,
}


def outputs(catalog: Catalog, context: Context) -> Iterator[Output]:
    """The module, rendered from ``model_limits.py.jinja``; each model's entry comes from
    ``model_limits_entry.py.jinja`` through ``model_entry``, or from the memo when the model
    is unchanged (see ``modelspec.cache.memo``)."""
    model_entry, memo = per_model(catalog, context, NAME, ENTRY_TEMPLATE, "m")
    yield Output(
        "model_limits.py",
        template="model_limits.py.jinja",
        context={"model_entry": model_entry, "patterns": PATTERNS},
    )
    memo.save()
