"""lint takes linear time: no pattern backtracks over long runs of whitespace or repeated words.

A regex that can split one run of spaces between two repeats tries every split, so a note of
10,000 spaces once took seconds per phrase. Every pattern of ``modelspec.review.lint`` runs here on
text ten times as long as the longest note; linear work takes milliseconds, quadratic work
minutes. Each case gets a budget of processor time, enforced by a profiling timer, so a
regression fails at once instead of hanging, and a busy machine does not slow the clock.
"""

from __future__ import annotations

import json
import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

from modelspec.cli import main
from modelspec.review import lint as lint_module
from modelspec.review.lint import lint
from modelspec.spec import families
from modelspec.spec.sources import load_spec
from modelspec.spec.validate import spec_schema

NOTE_LIMIT: int = spec_schema()["$defs"]["model"]["properties"]["usage_notes"]["maxLength"]
# lint's own patterns, and those it reads the notes' words about families with.
PATTERNS = {
    f"{module.__name__}.{name}": value
    for module in (lint_module, families)
    for name, value in vars(module).items()
    if isinstance(value, re.Pattern)
}
# Words that start a phrase some rule reads, and tokens that may follow them.
KEYWORDS = ["duration", "prompt max", "up to", "exactly", "image-to-image", "generation_type"]
KEYWORDS += ["negative prompt", "1", "Image-to-video /", "Same as", "same edge function as"]
KEYWORDS += ["Variants: e.g. a-1,"]
TOKENS = [":", "5s", "-", "to", ",", "/", "=", "is", "not", "or", "images", "1", "duration"]
BUDGET = 3.0  # seconds of processor time per case; linear work needs a tenth of it


@contextmanager
def cpu_budget(seconds: float) -> Iterator[None]:
    """Fail when the block uses more than ``seconds`` of processor time (re checks signals)."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"more than {seconds} s of processor time")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def test_the_patterns_are_found() -> None:
    names = {name.rpartition(".")[2] for name in PATTERNS}
    assert {"_DURATION_RANGE", "_DURATION_LIST", "_PROMPT_MAX", "_LABEL"} <= names
    assert {"SAME_AS", "VARIANTS", "MODEL_ID"} <= names


@pytest.mark.parametrize("keyword", KEYWORDS)
def test_every_pattern_is_linear_after_a_keyword(keyword: str) -> None:
    """The keyword, a run of spaces, any token, another run: twice the longest note each."""
    run = " " * (2 * NOTE_LIMIT)
    with cpu_budget(BUDGET):
        for token in TOKENS:
            text = f"{keyword}{run}{token}{run}x"
            for pattern in PATTERNS.values():
                for _ in pattern.finditer(text):
                    pass


# Notes as long as the schema allows, shaped like the reported slow cases and their kin.
SLOW_NOTES = {
    "many duration words, then spaces": "duration " * 100 + " " * (NOTE_LIMIT - 1000) + "x",
    "duration, spaces, 5s, spaces": "duration" + " " * 4990 + "5s" + " " * 4990,
    "up to, spaces, a number": "up to" + " " * (NOTE_LIMIT - 20) + "5 images",
    "prompt max, spaces": "Prompt max" + " " * (NOTE_LIMIT - 20) + "x",
    "em spaces": "duration" + "\u2003" * (NOTE_LIMIT - 20) + "x",
    "tabs and newlines": "duration:" + " \t\n" * (NOTE_LIMIT // 3 - 10) + "5s",
    "a mode, spaces": "image-to-image /" + " " * (NOTE_LIMIT - 20) + "x",
    "a claim per word": "duration 5s, " * (NOTE_LIMIT // 13),
    "a label per word": "Image-to-image: up to 3) " * (NOTE_LIMIT // 25),
    "a same-as per word": "Same as a-1. " * (NOTE_LIMIT // 13),
    "a long variant list": "Variants: e.g. " + "x-1, " * (NOTE_LIMIT // 5 - 4),
    "same, spaces, words": "same" + " " * (NOTE_LIMIT // 2) + "as" + " " * (NOTE_LIMIT // 3),
    "one long id": "Same as " + "a-" * (NOTE_LIMIT // 2 - 5),
}


def spec_text(notes: str) -> str:
    """A one-model spec whose notes are ``notes``, written as a quoted YAML string."""
    return (
        "request_fields:\n"
        "  - {concept: Prompt length, field: prompt, notes: Stay within prompt max.}\n"
        "models:\n"
        "  m:\n"
        "    prompt_max: 3000\n"
        "    generation_types: [text-to-video]\n"
        "    requires_input: false\n"
        f"    usage_notes: {json.dumps(notes)}\n"
    )


@pytest.mark.parametrize("notes", SLOW_NOTES.values(), ids=SLOW_NOTES.keys())
def test_lint_on_the_longest_notes_is_quick(notes: str) -> None:
    assert len(notes) <= NOTE_LIMIT
    spec = load_spec(spec_text(notes).encode("utf-8"), "spec.yaml")
    with cpu_budget(BUDGET):
        lint(spec)


def test_the_command_is_quick_on_a_slow_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole command, as a user runs it, with the many claims of one repeated phrase."""
    (tmp_path / "spec.yaml").write_text(spec_text(SLOW_NOTES["a claim per word"]), "utf-8")
    monkeypatch.chdir(tmp_path)
    with cpu_budget(BUDGET):
        assert main(["lint", "--spec", "spec.yaml"]) == 5
    captured = capsys.readouterr()
    found = (captured.out + captured.err).splitlines()
    claims = NOTE_LIMIT // 13
    assert len(found) == claims + 1  # and the summary
    # Each claim is placed on its own phrase: the first and the last.
    assert found[0].startswith("spec.yaml:8:19: error: model m:")
    assert found[claims - 1].startswith(f"spec.yaml:8:{19 + 13 * (claims - 1)}: error:")
