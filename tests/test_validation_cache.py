"""Validation remembers models proven valid, and never lets that hide a problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelspec.spec.families import resolve
from modelspec.spec.loader import load_document
from modelspec.spec.validate import validate_document
from tests.seed import SEED_SPEC

SPEC_TEXT = SEED_SPEC.read_text(encoding="utf-8")
FLUX = "  flux-2:\n    prompt_max: 5000\n    generation_types: [text-to-image]\n"
MUTATIONS = {
    "negative prompt_max": FLUX.replace("5000", "-1"),
    "a string for prompt_max": FLUX.replace("5000", '"5000"'),
    "an unknown field": FLUX + "    colour: blue\n",
    "an unknown generation type": FLUX.replace("text-to-image]", "text-to-sculpture]"),
}


def errors(text: str, cache: Path | None) -> list[str]:
    document = resolve(load_document(text.encode("utf-8"), "spec/models.yaml"))
    return [str(e) for e in validate_document(document, cache)]


@pytest.fixture
def warm_cache(tmp_path: Path) -> Path:
    cache = tmp_path / "cache"
    assert errors(SPEC_TEXT, cache) == []
    assert len(list((cache / "spec-schema").glob("*.txt"))) == 1
    return cache


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_a_changed_model_is_validated_again(warm_cache: Path, mutation: str) -> None:
    assert FLUX in SPEC_TEXT
    broken = SPEC_TEXT.replace(FLUX, MUTATIONS[mutation])
    expected = errors(broken, None)
    assert expected, "the mutation must break the spec"
    assert errors(broken, warm_cache) == expected


def test_an_invalid_spec_saves_nothing(warm_cache: Path) -> None:
    (saved,) = (warm_cache / "spec-schema").glob("*.txt")
    before = saved.read_bytes()
    renamed = SPEC_TEXT.replace("  flux-2:\n", "  flux-2-renamed:\n")
    broken = renamed.replace("prompt_max: 5000", "prompt_max: -1", 1)
    assert errors(broken, warm_cache)
    assert saved.read_bytes() == before


def test_a_valid_change_is_remembered(warm_cache: Path) -> None:
    (saved,) = (warm_cache / "spec-schema").glob("*.txt")
    changed = SPEC_TEXT.replace(FLUX, FLUX.replace("5000", "4999"))
    assert errors(changed, warm_cache) == []
    hashes = saved.read_text().split()
    assert len(hashes) == SPEC_TEXT.count("\n    usage_notes:")  # one per model, old one gone
