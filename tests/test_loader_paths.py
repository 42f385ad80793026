"""The loader's two paths agree: the one-pass event path builds what the composing path builds.

The event path (``load_plain``) handles plain specs only and steps aside for anything unusual;
the composing path (``load_composed``) handles everything and reports every oddity.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.loader import load_composed, load_plain

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CASES = sorted(
    [
        ROOT / "spec" / "models.yaml",
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
