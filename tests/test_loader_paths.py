"""The loader's two paths agree: the one-pass event path builds what the composing path builds.

The event path (``load_plain``) handles plain specs only and steps aside for anything unusual;
the composing path (``load_composed``) handles everything and reports every oddity.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from modelspec.spec.loader import Document, load_chunked, load_composed, load_plain
from tests.seed import SEED_SPEC

HERE = Path(__file__).resolve().parent
CASES = sorted(
    [
        SEED_SPEC,
        *(HERE / "good_specs").glob("*.yaml"),
        *(HERE / "bad_specs").glob("*.yaml"),
        *(HERE / "diff_cases").glob("*.yaml"),
    ]
)
# Specs that the event path must hand over to the composing path, and why.
UNUSUAL = {
    "merge_key": "a merge key",
    "duplicate_key": "a duplicate key",
    "duplicate_model_id": "a duplicate model id",
    "empty_file": "no mapping at all",
    "python_tag": "a tag",
    "recursive_alias": "an alias",
    "tab_indentation": "a syntax error",
    "top_level_list": "a list at the top",
    "yaml_syntax_error": "a syntax error",
}


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_event_path_builds_what_the_composer_builds(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    fast = load_plain(text, path.name)
    if path.stem in UNUSUAL:
        assert fast is None, f"the event path should step aside for {UNUSUAL[path.stem]}"
        return
    assert fast is not None
    slow = load_composed(text, path.name)
    assert not slow.errors and not slow.rejected
    assert fast.data == slow.data
    assert repr(fast.data) == repr(slow.data)  # same types too: 1 is not 1.0, True is not 1
    assert fast.value_pos == slow.value_pos
    assert fast.key_pos == slow.key_pos


SCALARS = """\
models:
  m:
    int: 12
    hex: 0x1F
    under: 1_000
    sexagesimal: 1:30
    float: 1.5e3
    inf: .inf
    yes_word: yes
    Off_word: Off
    tilde: ~
    empty:
    date: 2026-11-25
    quoted_int: "12"
    single: 'it''s'
    literal: |
      two
      lines
    folded: >-
      one
      line
    flow: {a: [1, "b", {c: null}]}
    "quoted key": 1
    7: seven
    true: key
"""


def test_every_kind_of_scalar_resolves_as_the_composer_resolves_it() -> None:
    fast = load_plain(SCALARS, "scalars.yaml")
    slow = load_composed(SCALARS, "scalars.yaml")
    assert fast is not None
    assert repr(fast.data) == repr(slow.data)
    assert fast.value_pos == slow.value_pos and fast.key_pos == slow.key_pos


def _chunked(text: str, cache: Path) -> Document | None:
    return load_chunked(text, "spec/models.yaml", cache)


def test_chunked_load_gives_the_whole_parse(tmp_path: Path) -> None:
    """Cold, warm, and after edits: the same data, and the same positions once asked for."""
    text = SEED_SPEC.read_text(encoding="utf-8")
    edited = text.replace("prompt_max: 5000", "prompt_max: 4999", 1).replace(
        "\n  sora-2:\n", "\n  sora-2-renamed:\n"
    )
    assert edited != text
    for version in (text, text, edited, text):
        chunked = _chunked(version, tmp_path)
        whole = load_composed(version, "spec/models.yaml")
        assert chunked is not None
        assert repr(chunked.data) == repr(whole.data)
        assert chunked.located().value_pos == whole.value_pos
        assert chunked.key_pos == whole.key_pos
    assert list((tmp_path / "memo" / "spec-chunks").glob("*.json"))


@pytest.mark.parametrize(
    "text",
    [
        "models:\n    four-spaces:\n      prompt_max: 1\n",  # not the two-space layout
        "models: {a: {prompt_max: 1}}\n",  # flow style
        "models:\n  a: &x {prompt_max: 1}\n  b: *x\n",  # an alias across models
        "models:\n  a: {prompt_max: 1}\n  a: {prompt_max: 2}\n",  # a repeated id
        "models:\n  a: {prompt_max: 1}\nmodels:\n  b: {}\n",  # models twice
        "models:\n  a: 'unclosed\n  b: {}\n",  # a chunk that does not parse alone
    ],
)
def test_chunked_load_steps_aside_for_anything_else(text: str, tmp_path: Path) -> None:
    assert _chunked(text, tmp_path) is None
