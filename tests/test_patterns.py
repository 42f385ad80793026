"""The contract's patterns mean the same in Python's ``re`` and in ECMA-262, and none uses ``$``.

Every pattern of the seed fixture's JSON Schemas and OpenAPI fragment is run, in both engines,
over strings built around each character where the rules change: whitespace, control
characters, the surrogates and their neighbours, the last code point. ECMA-262 is Node's
``RegExp`` with the ``u`` flag, as JSON Schema 2020-12 asks.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

try:  # Python 3.11+: the parser's modules moved
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

from modelspec.render import patterns
from tests.seed import seed


def _patterns(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "pattern" and isinstance(item, str):
                yield item
            else:
                yield from _patterns(item)
    elif isinstance(value, list):
        for item in value:
            yield from _patterns(item)


def output_patterns() -> list[str]:
    """Every distinct pattern of the seed's schemas and OpenAPI fragment."""
    rendered = seed().rendered
    found: set[str] = set()
    for path, text in rendered.items():
        if path.startswith("schemas/"):
            found.update(_patterns(json.loads(text)))
        elif path.endswith(".yaml"):
            found.update(_patterns(yaml.safe_load(text)))
    return sorted(found)


PATTERNS = output_patterns()


def test_the_outputs_use_the_contracts_patterns() -> None:
    contract = {
        patterns.URL_PATTERN,
        patterns.PROMPT_PATTERN,
        patterns.TEXT_PATTERN,
        patterns.RATIO_PATTERN,
    }
    assert set(PATTERNS) == contract


def _anchors(parsed: Any) -> Iterator[Any]:
    for op, value in parsed:
        if op == sre_constants.AT:
            yield value
        elif op in (sre_constants.SUBPATTERN,):
            yield from _anchors(value[-1])
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            yield from _anchors(value[2])
        elif op == sre_constants.BRANCH:
            for branch in value[1]:
                yield from _anchors(branch)
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            yield from _anchors(value[1])


@pytest.mark.parametrize("pattern", PATTERNS)
def test_no_pattern_ends_with_a_dollar(pattern: str) -> None:
    # Python's "$" also matches before a final newline; ECMA-262's does not.
    anchors = set(_anchors(sre_parse.parse(pattern)))
    assert anchors == {sre_constants.AT_BEGINNING}, anchors


def probe_strings() -> list[str]:
    """Strings around every character where a rule of the contract changes."""
    edges = {*patterns.WHITESPACE, *patterns.CONTROL}
    edges |= {chr(c + d) for c in map(ord, list(edges)) for d in (-1, 1) if c + d >= 0}
    edges |= {chr(c) for c in (0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFEFF)}
    edges |= {"\U0010ffff", "\U0001f98a", "\u00e9", "%", "@", ":", "[", "]", "/", "\\", "$"}
    probes = {"", "16:9", "1:1", "09:1", "16:9:1", "https://a", "https://[::1]:80/x?y#z"}
    for c in sorted(edges):
        probes |= {c, c * 2, f"a{c}", f"{c}a", f" {c} "}
        probes |= {f"16:9{c}", f"{c}16:9", f"1{c}:9"}
        probes |= {f"https://{c}", f"https://a{c}/", f"https://a/{c}", f"https://a/b{c}c"}
        probes |= {f"https://u{c}@a/", f"https://[::{c}]/", f"https://a:8{c}/"}
    return sorted(probes)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js for ECMA-262")
def test_python_and_ecma_262_agree_on_every_probe() -> None:
    probes = probe_strings()
    python = [[re.search(p, s) is not None for s in probes] for p in PATTERNS]
    script = (
        "const {patterns, probes} = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(patterns.map(p => { const r = new RegExp(p, 'u');"
        " return probes.map(s => r.test(s)); })));"
    )
    # json.dumps writes lone surrogates as \ud800 escapes, which JSON.parse keeps as they are.
    data = json.dumps({"patterns": PATTERNS, "probes": probes})
    result = subprocess.run(
        ["node", "-e", script], input=data, capture_output=True, text=True, check=True
    )
    ecma = json.loads(result.stdout)
    differ = [
        (pattern[:40], ascii(probe), py, js)
        for pattern, py_row, js_row in zip(PATTERNS, python, ecma, strict=True)
        for probe, py, js in zip(probes, py_row, js_row, strict=True)
        if py != js
    ]
    assert differ == []
    assert sum(map(sum, python)) > len(probes)  # the probes are matched, not all refused
