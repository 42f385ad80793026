"""lint: every rule fires on a planted contradiction, from the notes' side and the data's side,
at the phrase itself; silences need a reason; exit 5 on errors.

Each case replaces one piece of text in ``lint_cases/base.yaml``, whose notes agree with its
data, so the base itself shows each rule staying quiet where notes and data agree.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from modelspec.cli import main
from modelspec.errors import SpecInvalid
from modelspec.review.lint import RULES, SILENCEABLE, lint
from modelspec.spec.families import named_models
from modelspec.spec.model import Catalog
from modelspec.spec.sources import load_spec
from modelspec.spec.validate import spec_schema
from tests.seed import SEED_SPEC

BASE = (Path(__file__).resolve().parent / "lint_cases" / "base.yaml").read_text(encoding="utf-8")
CLIP_HD = BASE[BASE.index("  clip:") : BASE.index("  span:")].replace("clip:", "clip-hd:")


def planted(old: str, new: str) -> str:
    assert BASE.count(old) == 1, old
    return BASE.replace(old, new)


def findings(text: str) -> list[str]:
    return [str(f) for f in lint(load_spec(text.encode(), "base.yaml")).findings]


def test_the_base_is_clean() -> None:
    assert findings(BASE) == []


# (old text, new text, the one finding), each rule planted from the notes and from the data.
CASES = [
    pytest.param(
        "Prompt max 3000",
        "Prompt max 2995",
        'base.yaml:14:77: error: model edit: usage_notes say "Prompt max 2995 chars", but '
        "prompt_max is 3000 [notes-prompt-max]",
        id="prompt-max-notes",
    ),
    pytest.param(
        "prompt_max: 3000",
        "prompt_max: 3500",
        'base.yaml:14:77: error: model edit: usage_notes say "Prompt max 3000 chars", but '
        "prompt_max is 3500 [notes-prompt-max]",
        id="prompt-max-data",
    ),
    pytest.param(
        "up to 10 image URLs",
        "up to 12 image URLs",
        'base.yaml:14:55: error: model edit: usage_notes say "up to 12 image URLs", but '
        "image-to-image takes 1 to 10 images [notes-image-count]",
        id="up-to-notes",
    ),
    pytest.param(
        "max_images: 10",
        "max_images: 12",
        'base.yaml:14:55: error: model edit: usage_notes say "up to 10 image URLs", but '
        "image-to-image takes 1 to 12 images [notes-image-count]",
        id="up-to-data",
    ),
    pytest.param(
        "1-8 image URLs",
        "1-6 image URLs",
        'base.yaml:24:62: error: model mixed: usage_notes say "1-6 image URLs", but '
        "image-to-image takes 1 to 8 images [notes-image-count]",
        id="range-notes",
    ),
    pytest.param(
        "max_images: 8",
        "max_images: 6",
        'base.yaml:24:62: error: model mixed: usage_notes say "1-8 image URLs", but '
        "image-to-image takes 1 to 6 images [notes-image-count]",
        id="range-data",
    ),
    pytest.param(
        "1\u20132 image URLs",
        "1\u20133 image URLs",
        'base.yaml:58:23: error: model span: usage_notes say "1\u20133 image URLs", but '
        "image-to-video takes 1 to 2 images [notes-image-count]",
        id="en-dash-range-notes",
    ),
    pytest.param(
        "exactly 2 image URLs",
        "exactly 3 image URLs",
        'base.yaml:36:36: error: model frames: usage_notes say "exactly 3 image URLs", but '
        "image-to-video takes exactly 2 images [notes-image-count]",
        id="exactly-notes",
    ),
    pytest.param(
        "image-to-video: {min_images: 2}",
        "image-to-video: {min_images: 1}",
        'base.yaml:36:36: error: model frames: usage_notes say "exactly 2 image URLs", but '
        "image-to-video takes 1 to 2 images [notes-image-count]",
        id="exactly-data",
    ),
    pytest.param(
        "exactly one image URL",
        "exactly two image URLs",
        'base.yaml:47:62: error: model clip: usage_notes say "exactly two image URLs", but '
        "image-to-video takes exactly 1 image [notes-image-count]",
        id="exactly-in-words-notes",
    ),
    pytest.param(
        "5s or 10s",
        "5s or 8s",
        'base.yaml:47:85: error: model clip: usage_notes say "duration 5s or 8s", but '
        "duration_options is 5s, 10s [notes-duration]",
        id="duration-list-notes",
    ),
    pytest.param(
        'duration_options: ["5s", "10s"]',
        'duration_options: ["5s", "10s", "15s"]',
        'base.yaml:47:85: error: model clip: usage_notes say "duration 5s or 10s", but '
        "duration_options is 5s, 10s, 15s [notes-duration]",
        id="duration-list-data",
    ),
    pytest.param(
        "3s\u201315s",
        "3s\u201310s",
        'base.yaml:58:39: error: model span: usage_notes say "duration 3s\u201310s", but '
        "duration_options is 3s, 5s, 15s [notes-duration]",
        id="duration-range-notes",
    ),
    pytest.param(
        "    usage_notes: >-\n      Text-to-video only. Fixed",
        '    duration_options: ["6s"]\n    usage_notes: >-\n      Text-to-video only. Fixed',
        'base.yaml:66:46: error: model fixed: usage_notes say "duration parameter ignored", '
        "but duration_options is 6s [notes-duration]",
        id="duration-not-configurable-data",
    ),
    pytest.param(
        "Image-to-video only",
        "Text-to-video only",
        'base.yaml:36:7: error: model frames: usage_notes say "Text-to-video only", but '
        "generation_types is image-to-video [notes-generation-types]",
        id="only-notes",
    ),
    pytest.param(
        "generation_types: [text-to-video]",
        "generation_types: [text-to-video, text-to-image]",
        'base.yaml:65:7: error: model fixed: usage_notes say "Text-to-video only", but '
        "generation_types is text-to-video, text-to-image [notes-generation-types]",
        id="only-data",
    ),
    pytest.param(
        "Text-to-image: omit",
        "Text-to-video: omit",
        'base.yaml:24:7: error: model mixed: usage_notes say "Text-to-video:", but text-to-video '
        "is not in generation_types (text-to-image, image-to-image) [notes-generation-types]",
        id="mode-label-notes",
    ),
    pytest.param(
        "generation_type='image-to-image'",
        "generation_type='image-to-video'",
        "base.yaml:15:18: error: model edit: usage_notes say \"generation_type='image-to-video'\", "
        "but image-to-video is not in generation_types (image-to-image) [notes-generation-types]",
        id="generation-type-set-notes",
    ),
    pytest.param(
        "negative_prompt: true",
        "negative_prompt: false",
        'base.yaml:36:58: error: model frames: usage_notes say "negative_prompt supported", but '
        "negative_prompt is false [notes-negative-prompt]",
        id="negative-prompt-data",
    ),
    pytest.param(
        'duration_options: ["3s", "5s", "15s"]',
        'duration_options: ["3s", "5s", "15s"]\n    negative_prompt: true',
        'base.yaml:59:56: error: model span: usage_notes say "negative_prompt not supported", '
        "but negative_prompt is true [notes-negative-prompt]",
        id="negative-prompt-not-supported-data",
    ),
    pytest.param(
        "    input_media_types: [image]\n    max_images: 8",
        "    max_images: 8",
        "base.yaml:21:17: warning: model mixed: max_images is 8, but input_media_types lists "
        "nothing: GET /v1/models tells clients the model takes no images "
        "[images-without-image-media]",
        id="images-without-image-media",
    ),
    pytest.param(
        "Same as clip,",
        "Same as clip-2,",
        'base.yaml:72:7: error: model clip-pro: usage_notes say "Same as clip-2", but clip-2 is '
        'not a model of this spec; did you mean "clip"? [notes-model-ids]',
        id="same-as-unknown-model",
    ),
    pytest.param(
        "clip-pro-10s",
        "clap-pro-10s",
        'base.yaml:72:64: error: model clip-pro: usage_notes say "clap-pro-10s", but clap-pro-10s '
        'is neither a model of this spec nor a variant of one (a model id, then "-") '
        "[notes-model-ids]",
        id="variant-of-no-model",
    ),
    pytest.param(
        "    usage_notes: >-\n      Same as still",
        "    negative_prompt: true\n    usage_notes: >-\n      Same as still",
        'base.yaml:87:7: error: model still-copy: usage_notes say "Same as still", but '
        "negative_prompt differs from still's; write extends: still and only what differs, or "
        "correct the data "
        "[notes-same-as]",
        id="same-as-copy-differs",
    ),
    pytest.param(
        "  span:",
        CLIP_HD + "  span:",
        "base.yaml:58:18: warning: model clip-hd: usage_notes are the same as those of model clip "
        "[duplicate-notes]",
        id="duplicate-notes",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), CASES)
def test_a_planted_contradiction_is_found_at_its_place(old: str, new: str, expected: str) -> None:
    assert findings(planted(old, new)) == [expected]


def test_each_of_two_equal_phrases_is_found_at_its_own_place() -> None:
    text = planted("Files up to 100MB.", "Prompt max 3000 chars.")
    places = [f.split(": error")[0] for f in findings(text.replace("3000", "1", 1))]
    assert places == ["base.yaml:14:77", "base.yaml:15:52"]


def test_every_rule_has_a_case() -> None:
    expected = [str(case.values[2]) for case in CASES]
    assert {line.rsplit("[", 1)[1].rstrip("]") for line in expected} == set(SILENCEABLE)


def test_the_schema_lists_the_rules_a_spec_can_silence() -> None:
    rule = spec_schema()["$defs"]["lint_silence"]["properties"]["rule"]
    assert rule["enum"] == list(SILENCEABLE)
    assert {r.id for r in RULES} == {*SILENCEABLE, "unused-silence"}


# --- families --------------------------------------------------------------------------------

CLIP_PRO_NOTES = (
    "    usage_notes: >-\n"
    "      Same as clip, without sound. Variants: e.g. clip-pro-5s, clip-pro-10s.\n"
)


def test_a_model_that_extends_its_same_as_is_consistent_whatever_it_overrides() -> None:
    text = planted(
        "    sound: false\n", "    sound: false\n    prompt_max: 900\n    max_images: 0\n"
    )
    text = text.replace("extends: clip\n", "extends: clip\n    generation_types: [text-to-video]\n")
    assert findings(text) == []


def test_a_model_that_extends_it_through_a_parent_is_consistent() -> None:
    text = planted(
        "  still:\n",
        "  clip-pro-max:\n    extends: clip-pro\n    prompt_max: 900\n"
        "    usage_notes: Same as clip; longer clips.\n\n  still:\n",
    )
    assert findings(text) == []


def test_inherited_notes_are_read_against_the_childs_data_at_the_parents_phrase() -> None:
    """clip-pro writes no notes: clip's "duration 5s or 10s" is its claim too, found where
    clip writes it, for clip-pro."""
    text = planted(CLIP_PRO_NOTES, '    duration_options: ["5s"]\n')
    assert findings(text) == [
        'base.yaml:47:85: error: model clip-pro: usage_notes say "duration 5s or 10s", but '
        "duration_options is 5s [notes-duration]"
    ]


def test_notes_a_model_inherits_are_no_copy() -> None:
    assert findings(planted(CLIP_PRO_NOTES, "")) == []


def test_notes_written_again_in_a_family_are_a_copy() -> None:
    clip_notes = BASE[BASE.index("      Text-to-video: omit") : BASE.index("\n\n  span:")]
    text = planted(CLIP_PRO_NOTES, f"    usage_notes: >-\n{clip_notes}\n")
    assert findings(text) == [
        "base.yaml:71:18: warning: model clip-pro: usage_notes are the same as those of model clip "
        "[duplicate-notes]"
    ]


@pytest.mark.parametrize(
    ("notes", "named"),
    [
        pytest.param("Same as Kling 2.6 Motion Control.", [], id="a-product-name"),
        pytest.param("Same as above; same as before.", [], id="plain-words"),
        pytest.param("Same as sora-2.", [("sora-2", True)], id="an-id-ending-a-sentence"),
        pytest.param("Same as sora-3; see it.", [("sora-3", True)], id="an-id-like-word"),
        pytest.param("Same as Z-image.", [("Z-image", True)], id="an-id-in-capitals"),
        pytest.param("Same as z-image.", [("z-image", True)], id="an-id-in-other-letter-case"),
        pytest.param("Same rules as sora-2.", [("sora-2", True)], id="same-rules-as"),
        pytest.param("(same edge function as sora-2)", [("sora-2", False)], id="same-something-as"),
        pytest.param(
            "Variants: e.g. sora-2-720p, sora-2-1080p or sora-2-hd.",
            [("sora-2-720p", False), ("sora-2-1080p", False), ("sora-2-hd", False)],
            id="variants",
        ),
        pytest.param("Variants: see the docs.", [], id="variants-in-words"),
    ],
)
def test_the_model_ids_notes_name(notes: str, named: list[tuple[str, bool]]) -> None:
    """Only words that are ids, or look like one (lowercase, with a digit or a dash), count."""
    found = named_models(notes, {"sora-2", "Z-image"})
    assert [(n.model_id, n.same) for n in found] == named


# --- silences ------------------------------------------------------------------------------

SILENCE = "    lint:\n      ignore:\n        - {rule: notes-prompt-max, reason: the API rounds}\n"
PROMPT_2995 = planted("Prompt max 3000", "Prompt max 2995")


def with_silence(text: str, silence: str = SILENCE) -> str:
    return text.replace("\n\n  mixed:", f"\n{silence}\n  mixed:")


def test_a_silence_with_a_reason_silences_its_rule_on_its_model() -> None:
    result = lint(load_spec(with_silence(PROMPT_2995).encode(), "base.yaml"))
    assert result.findings == ()
    [silenced] = result.silenced
    assert (silenced.finding.rule, silenced.finding.model_id) == ("notes-prompt-max", "edit")
    assert silenced.reason == "the API rounds"


def test_a_silence_that_silences_nothing_is_reported() -> None:
    assert findings(with_silence(BASE)) == [
        "base.yaml:18:11: warning: model edit: lint.ignore[0]: notes-prompt-max finds nothing "
        "here; remove the silence [unused-silence]"
    ]


@pytest.mark.parametrize(
    ("silence", "error"),
    [
        pytest.param(
            "    lint:\n      ignore:\n        - {rule: notes-prompt-max}\n",
            'base.yaml:18:11: model edit: lint.ignore[0]: missing required field "reason"',
            id="no-reason",
        ),
        pytest.param(
            '    lint:\n      ignore:\n        - {rule: notes-prompt-max, reason: " "}\n',
            'base.yaml:18:44: model edit: lint.ignore[0].reason: " " is not valid; expected why '
            "the finding is accepted, for the next reader: at least one non-blank character",
            id="blank-reason",
        ),
        pytest.param(
            "    lint:\n      ignore:\n        - {rule: notes-prompt-maximum, reason: r}\n",
            'base.yaml:18:18: model edit: lint.ignore[0].rule: "notes-prompt-maximum" is not one '
            "of: " + ", ".join(SILENCEABLE) + '; did you mean "notes-prompt-max"?',
            id="unknown-rule",
        ),
        pytest.param(
            "    lint:\n      ignore:\n        - {rule: duplicate-notes, reason: a}\n"
            "        - {rule: duplicate-notes, reason: b}\n",
            "base.yaml:19:18: model edit: lint.ignore[1].rule: duplicate-notes is already "
            "silenced at lint.ignore[0]",
            id="silenced-twice",
        ),
    ],
)
def test_a_bad_silence_is_a_spec_error(silence: str, error: str) -> None:
    with pytest.raises(SpecInvalid) as exc:
        load_spec(with_silence(BASE, silence).encode(), "base.yaml")
    assert [str(e) for e in exc.value.errors] == [error]


# --- the command -------------------------------------------------------------------------------


@pytest.fixture
def spec_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "spec").mkdir()
    return tmp_path / "spec" / "models.yaml"


ERROR_LINE = (
    'spec/models.yaml:14:77: error: model edit: usage_notes say "Prompt max 2995 chars", but '
    "prompt_max is 3000 [notes-prompt-max]"
)


def test_errors_exit_5(spec_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_file.write_text(PROMPT_2995, encoding="utf-8")
    assert main(["lint"]) == 5
    captured = capsys.readouterr()
    assert captured.out == f"{ERROR_LINE}\n"  # the finding; the summary is on stderr
    assert captured.err == "spec/models.yaml: 1 error, 0 warnings, 9 models\n"


def test_warnings_alone_exit_0(spec_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_file.write_text(
        planted("    input_media_types: [image]\n    max_images: 8", "    max_images: 8"),
        encoding="utf-8",
    )
    assert main(["lint"]) == 0
    assert "".join(capsys.readouterr()).endswith(
        "spec/models.yaml: 0 errors, 1 warning, 9 models\n"
    )


def test_clean_spec_says_so(spec_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_file.write_text(with_silence(PROMPT_2995), encoding="utf-8")
    assert main(["lint"]) == 0
    assert capsys.readouterr().out == "spec/models.yaml: lint clean (1 silenced), 9 models\n"


def test_json_format(spec_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_file.write_text(PROMPT_2995, encoding="utf-8")
    assert main(["lint", "--format", "json"]) == 5
    assert json.loads(capsys.readouterr().out) == {
        "ok": False,
        "errors": 1,
        "warnings": 0,
        "findings": [
            {
                "rule": "notes-prompt-max",
                "severity": "error",
                "file": "spec/models.yaml",
                "line": 14,
                "col": 77,
                "model": "edit",
                "message": 'usage_notes say "Prompt max 2995 chars", but prompt_max is 3000',
            }
        ],
        "silenced": [],
    }


def test_github_format(spec_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_file.write_text(PROMPT_2995, encoding="utf-8")
    assert main(["lint", "--format", "github"]) == 5
    first = "".join(capsys.readouterr()).splitlines()[0]
    assert first == (
        "::error file=spec/models.yaml,line=14,col=77,title=notes-prompt-max::model edit: "
        'usage_notes say "Prompt max 2995 chars", but prompt_max is 3000'
    )


def test_an_invalid_spec_exits_1(spec_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec_file.write_text(BASE.replace("prompt_max: 3000", "prompt_max: 0"), encoding="utf-8")
    assert main(["lint"]) == 1


# --- the seed spec (tests/fixtures/seed) ------------------------------------------------------

SEED_FINDINGS = [
    ("images-without-image-media", model_id)
    for model_id in (
        "5-lite-text-to-image",
        "gpt-1.5-image-high",
        "gpt-1.5-image-medium",
        "nano-banana",
        "nano-banana-2",
        "nano-banana-2-2K",
        "nano-banana-2-4K",
        "nano-banana-pro",
        "nano-banana-pro-2K",
        "nano-banana-pro-4K",
        "seedream-v4-5",
        "sora-2",
        "sora-2-pro",
        "wan-2-5",
    )
] + [("duplicate-notes", "Z-image")]


def test_the_seed_spec_has_no_errors_and_these_warnings() -> None:
    """The spec as the seed page defines it, without its silences: what lint finds there."""
    text = re.sub(r"    lint:\n(?:      .*\n)+", "", SEED_SPEC.read_text(encoding="utf-8"))
    result = lint(load_spec(text.encode(), "spec/models.yaml"))
    assert result.errors == 0
    assert [(f.rule, f.model_id) for f in result.findings] == SEED_FINDINGS


def test_the_seed_spec_lints_clean(
    project: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its silences cover exactly the findings above."""
    assert main(["lint"]) == 0
    assert capsys.readouterr().out == (
        f"spec/models.yaml: lint clean ({len(SEED_FINDINGS)} silenced), "
        f"{len(catalog.models)} models\n"
    )
