"""The regular expressions of the request contract, written once for every engine that reads them.

A JSON Schema pattern is read by ECMA-262 engines (with the ``u`` flag, as Draft 2020-12 asks),
by Python's ``re`` (jsonschema, openapi-schema-validator, Pydantic's ``python-re`` engine and
``validate_request`` itself) and by Rust's regex crates (jsonschema-rs, Pydantic's default). The
patterns here mean the same in all of them:

- No ``$``: Python's ``$`` also matches before a final newline, so ``^16:9$`` accepts
  ``"16:9\\n"`` there and nowhere else. A pattern ends with ``(?![\\s\\S])`` instead, "no
  character follows", which every engine with look-ahead reads alike. (datamodel-code-generator
  gives a model with such a pattern Pydantic's ``python-re`` engine.)
- No ``\\s``, ``\\w`` or ``.``: their sets differ between engines. Every class is spelled out,
  from the sets below.
- No surrogate in a class: Rust refuses to compile one. "Any character but a lone surrogate"
  is written as the ranges around them, ending at a literal U+10FFFF (no escape for a code
  point past U+FFFF is shared by ECMA-262 and Python).
"""

from __future__ import annotations

from collections.abc import Iterable

# Unicode's White_Space property: what "whitespace" means in the contract, in every output.
# (Python's str.isspace() adds U+001C..U+001F; ECMA-262's \s adds U+FEFF; neither is used.)
WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Unicode's control characters (general category Cc): C0, DEL and C1.
CONTROL = "".join(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
SURROGATES = range(0xD800, 0xE000)
MAX_CODE_POINT = 0x10FFFF

END = r"(?![\s\S])"  # the end of the string, in every engine ("$" is not, in Python)


def char_class(excluded: Iterable[str] = ()) -> str:
    """A class of every code point except ``excluded`` and the surrogates, as ranges."""
    out = sorted({ord(c) for c in excluded} | set(SURROGATES))
    ranges: list[tuple[int, int]] = []
    start = 0
    for code in [*out, MAX_CODE_POINT + 1]:
        if code > start:
            ranges.append((start, code - 1))
        start = max(start, code + 1)
    return _class(ranges)


def class_of(members: Iterable[str]) -> str:
    """A class of exactly ``members``, as ranges."""
    ranges: list[tuple[int, int]] = []
    for code in sorted({ord(c) for c in members}):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return _class(ranges)


def _class(ranges: list[tuple[int, int]]) -> str:
    parts = [_char(low) if low == high else f"{_char(low)}-{_char(high)}" for low, high in ranges]
    return "[" + "".join(parts) + "]"


def _char(code: int) -> str:
    """One code point inside a class, written the same way for every engine."""
    if 0x21 <= code <= 0x7E and chr(code) not in "\\]^-[":
        return chr(code)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return chr(code)  # a literal: ECMA-262 (u) and Python share no escape past U+FFFF


TEXT_CHAR = char_class()  # any character of valid Unicode text
VISIBLE_CHAR = char_class(WHITESPACE)  # ... that is not whitespace
URL_CHAR = char_class(WHITESPACE + CONTROL)  # ... that is neither whitespace nor a control
SPACE_CHAR = class_of(WHITESPACE)  # a whitespace character

# Any string of valid Unicode: no lone surrogate (Pydantic cannot hold one; nor can UTF-8).
TEXT_PATTERN = f"^{TEXT_CHAR}*{END}"
# A prompt: valid Unicode, with at least one character that is not whitespace.
PROMPT_PATTERN = f"^{SPACE_CHAR}*{VISIBLE_CHAR}{TEXT_CHAR}*{END}"
# W:H with positive whole numbers, no leading zero.
RATIO_PATTERN = f"^[1-9][0-9]*:[1-9][0-9]*{END}"

# An https:// URL per RFC 3986: an authority with a non-empty host (a reg-name, which covers
# IPv4 addresses, or an IP literal in brackets), an optional port, then a path, query or
# fragment; nowhere whitespace or a control character.
_UNRESERVED_SUB_DELIMS = "A-Za-z0-9._~!$&'()*+,;="  # and "-", written last in each class
_PCT = "%[0-9A-Fa-f]{2}"
_USERINFO = f"(?:[{_UNRESERVED_SUB_DELIMS}:-]|{_PCT})*@"
_REG_NAME = f"(?:[{_UNRESERVED_SUB_DELIMS}-]|{_PCT})+"
_IP_LITERAL = (
    f"\\[(?:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[Vv][0-9A-Fa-f]+\\.[{_UNRESERVED_SUB_DELIMS}:-]+)\\]"
)
URL_PATTERN = (
    f"^https://(?:{_USERINFO})?(?:{_IP_LITERAL}|{_REG_NAME})(?::[0-9]*)?(?:[/?#]{URL_CHAR}*)?{END}"
)
