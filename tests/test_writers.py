"""The writers of structured outputs.

YAML: whatever JSON-like data goes in, PyYAML reads the same data back. JSON: orjson writes
exactly the bytes of ``json.dumps(indent=2, ensure_ascii=False)``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from modelspec.render import yamlout
from modelspec.render.render import dump_json
from modelspec.spec.model import Catalog

# Every character a spec can carry (no lone surrogates: the loader accepts only UTF-8).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
WORDS = st.sampled_from(
    [
        "yes",
        "No",
        "off",
        "null",
        "~",
        "true",
        "0x1F",
        "1:30",
        "2026-11-25",
        ".inf",
        "<<",
        "=",
        "- a",
        "? b",
        "#c",
        "a #b",
        "a: b",
        "a:b",
        "'q'",
        '"q"',
        "|",
        ">",
        "&x",
        "*x",
        "!t",
        "%d",
        "@a",
        "`b",
        "{}",
        "[]",
        "a, b",
        "",
        " ",
        "a ",
        " a",
        "\t",
        "\x85",
        "\u2028",
        "\ufeff",
        "😀",
    ]
)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | TEXT
    | WORDS
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT | WORDS, inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=1500, deadline=None)
@given(DATA)
def test_pyyaml_reads_back_what_was_written(data: Any) -> None:
    assert yaml.safe_load(yamlout.dump(data)) == data


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("text-to-image", "text-to-image"),
        ("A sentence, with words.", "A sentence, with words."),
        ("yes", '"yes"'),
        ("200", '"200"'),
        ("#/components/schemas/X", '"#/components/schemas/X"'),
        ("a: b", '"a: b"'),
        ("line\nbreak", '"line\\nbreak"'),
        ("next\x85line", '"next\\x85line"'),
        ("sep\u2028arator", '"sep\\u2028arator"'),
        (1e-07, "1.0e-07"),
        (float("inf"), ".inf"),
        ({}, "{}"),
        ([], "[]"),
    ],
)
def test_scalars_are_plain_only_when_nothing_else_can_be_read(value: Any, text: str) -> None:
    assert yamlout.scalar(value) == text


def test_layout_matches_pyyaml_block_style() -> None:
    data = {"a": {"b": [1, {"c": "d", "e": []}], "f": None}}
    assert yamlout.dump(data) == "a:\n  b:\n  - 1\n  - c: d\n    e: []\n  f: null\n"
    assert yamlout.dump(data) == yaml.safe_dump(data, sort_keys=False)


def test_json_outputs_are_the_standard_library_bytes(
    rendered: dict[str, str], catalog: Catalog
) -> None:
    outputs = {path: text for path, text in rendered.items() if path.endswith(".json")}
    assert len(outputs) > len(catalog.models)  # a schema per model, and models.json
    for path, text in outputs.items():
        assert json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n" == text, path


@settings(max_examples=500, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | TEXT,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
        max_leaves=30,
    )
)
def test_dump_json_is_json_dumps(data: Any) -> None:
    assert dump_json(data) == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
