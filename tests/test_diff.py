"""diff classifies every change as the issue lists it, in both directions; exit 4 on breaking.

Each case edits one small spec; the edit read forwards gets one class, read backwards (the
edit undone) its mirror: lowering a limit breaks, raising it back does not.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from modelspec.cli import main
from modelspec.errors import SpecInvalid
from modelspec.review.changes import BREAKING, DOCS_ONLY, NON_BREAKING, compare
from modelspec.spec.model import Catalog, Deprecation
from modelspec.spec.sources import load_spec
from tests.seed import SEED_SPEC, seed

HERE = Path(__file__).resolve().parent

B, N, D = BREAKING, NON_BREAKING, DOCS_ONLY
TODAY = datetime.date(2026, 3, 1)
BASE: dict[str, Any] = yaml.safe_load((HERE / "diff_cases" / "base.yaml").read_text("utf-8"))

Edit = Callable[[dict[str, Any]], None]
Found = set[tuple[str, str, str | None]]  # (class, field, model)


def edited(edit: Edit) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    edit(data)
    return data


def catalog(data: dict[str, Any]) -> Catalog:
    return load_spec(yaml.safe_dump(data, sort_keys=False).encode(), "spec.yaml").catalog


def changes(old: dict[str, Any], new: dict[str, Any], today: datetime.date = TODAY) -> Found:
    return {(c.kind, c.field, c.model_id) for c in compare(catalog(old), catalog(new), today)}


def model(name: str, **values: Any) -> Edit:
    """Set (or, with None, delete) keys of one model."""

    def edit(data: dict[str, Any]) -> None:
        for key, value in values.items():
            data["models"][name][key] = value
            if value is None:
                del data["models"][name][key]

    return edit


def parameter(name: str, spec: dict[str, Any] | None) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        data["models"]["img"]["parameters"][name] = spec
        if spec is None:
            del data["models"]["img"]["parameters"][name]

    return edit


def motion_order(*order: str) -> Edit:
    rule: dict[str, Any] = {"min_videos": 1, "max_videos": 1} | (
        {"order": list(order)} if order else {}
    )
    return model("motion", inputs={"image-to-video": rule})


def remove(name: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        del data["models"][name]

    return edit


def field_map(edit: Callable[[list[dict[str, str]]], object]) -> Edit:
    def edit_rows(data: dict[str, Any]) -> None:
        edit(data["request_fields"])

    return edit_rows


CLASS = {"B": BREAKING, "N": NON_BREAKING, "D": DOCS_ONLY}


def case(name: str, edit: Edit, where: str, classes: str) -> Any:
    """One edit of BASE. ``where`` is "model: field, field" ("-" for the field map);
    ``classes`` is the class forwards, then backwards: "B/N" breaks, and undoing it does not."""
    model_id, fields = where.split(": ")
    forwards, backwards = (CLASS[c] for c in classes.split("/"))
    owner = None if model_id == "-" else model_id
    expected = [(forwards, backwards, field, owner) for field in fields.split(", ")]
    return pytest.param(edit, expected, id=name)


VID_T2V = {"text-to-video": {"max_images": 1}}
CASES = [
    case("prompt-max-lowered", model("img", prompt_max=4000), "img: prompt_max", "B/N"),
    case(
        "mode-removed",
        model("img", generation_types=["text-to-image"]),
        "img: generation_types",
        "B/N",
    ),
    case(
        "default-mode-changed",
        model("img", generation_types=["image-to-image", "text-to-image"]),
        "img: generation_types",
        "B/B",
    ),
    case(
        "input-newly-required",
        model(
            "vid", requires_input=True, inputs={"text-to-video": {"min_images": 1, "max_images": 1}}
        ),
        "vid: requires_input, inputs.text-to-video.min_images",
        "B/N",
    ),
    case(
        "mode-minimum-raised",
        model("vid", inputs=VID_T2V | {"image-to-video": {"min_images": 2}}),
        "vid: inputs.image-to-video.min_images",
        "B/N",
    ),
    case("max-images-lowered", model("img", max_images=4), "img: max_images", "B/N"),
    case(
        "mode-maximum-lowered",
        model("vid", inputs={"text-to-video": {"max_images": 0, "max_videos": 0}}),
        "vid: inputs.text-to-video.max_images",
        "B/N",
    ),
    case("max-videos-lowered", model("vid", max_videos=0), "vid: max_videos", "B/N"),
    case("no-max-videos-written-0", model("img", max_videos=0), "img: max_videos", "D/D"),
    case("media-type-removed", model("img", input_media_types=[]), "img: input_media_types", "B/N"),
    case("duration-removed", model("vid", duration_options=["5s"]), "vid: duration_options", "B/N"),
    case(
        "durations-reordered",
        model("vid", duration_options=["10s", "5s"]),
        "vid: duration_options",
        "D/D",
    ),
    case(
        "negative-prompt-removed",
        model("vid", negative_prompt=False),
        "vid: negative_prompt",
        "B/N",
    ),
    case("sound-removed", model("vid", sound=False), "vid: sound", "B/N"),
    case("field-newly-ignored", model("img", ignored=["duration"]), "img: ignored", "N/B"),
    case(
        "value-removed",
        parameter("quality", {"values": ["basic"]}),
        "img: parameters.quality",
        "B/N",
    ),
    case("parameter-removed", parameter("fast", None), "img: parameters.fast", "B/N"),
    case(
        "ratios-opened-to-any-ratio",
        parameter("aspect_ratio", {"format": "ratio"}),
        "img: parameters.aspect_ratio",
        "N/B",
    ),
    case(
        "parameter-kind-changed",
        parameter("quality", {"type": "boolean"}),
        "img: parameters.quality",
        "B/B",
    ),
    case(
        "media-order-changed",
        motion_order("video", "image"),
        "motion: inputs.image-to-video.order",
        "B/B",
    ),
    case("media-order-dropped", motion_order(), "motion: inputs.image-to-video.order", "N/B"),
    case("notes-edited", model("vid", usage_notes="Video!"), "vid: usage_notes", "D/D"),
    case("model-removed", remove("vid"), "vid: model", "B/N"),
    case(
        "deprecation-announced",
        model("vid", deprecated={"since": "2026-02-01", "sunset": "2026-09-01"}),
        "vid: deprecated",
        "N/N",
    ),
    case(
        "field-map-notes-edited",
        field_map(lambda rows: rows[0].update(notes="Short.")),
        "-: request_fields.prompt",
        "D/D",
    ),
    case(
        "field-map-row-added",
        field_map(lambda rows: rows.append({"concept": "Audio", "field": "sound", "notes": "On."})),
        "-: request_fields.sound",
        "D/D",
    ),
]


# The base with a number, an integer and a text parameter, for the cases of their bounds.
NUMBERS: dict[str, Any] = {
    "seed": {"type": "integer", "minimum": 0, "maximum": 100},
    "guidance": {"type": "number", "minimum": 1, "maximum": 20, "default": 7.5},
    "style": {"type": "string", "max_length": 50},
}
NUMBERS_BASE = edited(lambda data: data["models"]["img"]["parameters"].update(NUMBERS))
NUMBER_CASES = [
    case(
        "integer-minimum-raised",
        parameter("seed", {"type": "integer", "minimum": 1, "maximum": 100}),
        "img: parameters.seed.minimum",
        "B/N",
    ),
    case(
        "integer-maximum-lowered",
        parameter("seed", {"type": "integer", "minimum": 0, "maximum": 50}),
        "img: parameters.seed.maximum",
        "B/N",
    ),
    case(
        "number-maximum-dropped",
        parameter("guidance", {"type": "number", "minimum": 1, "default": 7.5}),
        "img: parameters.guidance.maximum",
        "N/B",
    ),
    case(
        "integer-opened-to-number",
        parameter("seed", {"type": "number", "minimum": 0, "maximum": 100}),
        "img: parameters.seed",
        "N/B",
    ),
    case(
        "text-shortened",
        parameter("style", {"type": "string", "max_length": 20}),
        "img: parameters.style.max_length",
        "B/N",
    ),
    case(
        "default-changed",
        parameter("guidance", {"type": "number", "minimum": 1, "maximum": 20, "default": 5}),
        "img: parameters.guidance.default",
        "B/B",
    ),
    case(
        "default-documented",
        parameter("fast", {"type": "boolean", "default": False}),
        "img: parameters.fast.default",
        "D/D",
    ),
]


@pytest.mark.parametrize(("edit", "expected"), NUMBER_CASES)
def test_each_change_of_bounds_or_default_gets_its_class_both_ways(
    edit: Edit, expected: list[tuple[str, str, str, str | None]]
) -> None:
    after = copy.deepcopy(NUMBERS_BASE)
    edit(after)
    assert changes(NUMBERS_BASE, after) == {(f, field, mid) for f, _, field, mid in expected}
    assert changes(after, NUMBERS_BASE) == {(b, field, mid) for _, b, field, mid in expected}


@pytest.mark.parametrize(("edit", "expected"), CASES)
def test_each_change_gets_its_class_both_ways(
    edit: Edit, expected: list[tuple[str, str, str, str | None]]
) -> None:
    assert changes(BASE, edited(edit)) == {(fwd, field, mid) for fwd, _, field, mid in expected}
    assert changes(edited(edit), BASE) == {(back, field, mid) for _, back, field, mid in expected}


def test_no_change_is_no_change() -> None:
    assert changes(BASE, copy.deepcopy(BASE)) == set()


remove_old = remove("old")


@pytest.mark.parametrize(
    ("today", "kind"),
    [
        (datetime.date(2026, 6, 29), BREAKING),
        (datetime.date(2026, 6, 30), NON_BREAKING),
        (datetime.date(2027, 1, 1), NON_BREAKING),
    ],
    ids=["before-sunset", "on-sunset", "after-sunset"],
)
def test_removing_a_deprecated_model_is_allowed_from_its_sunset(
    today: datetime.date, kind: str
) -> None:
    assert changes(BASE, edited(remove_old), today) == {(kind, "model", "old")}


def test_removal_names_the_sunset_and_the_replacement() -> None:
    (before,) = compare(catalog(BASE), catalog(edited(remove_old)), datetime.date(2026, 6, 1))
    (after,) = compare(catalog(BASE), catalog(edited(remove_old)), datetime.date(2026, 7, 1))
    assert (
        str(before)
        == "model old: model removed before its sunset date 2026-06-30; callers move to img"
    )
    assert (
        str(after)
        == "model old: model removed; its sunset date 2026-06-30 is reached; callers move to img"
    )


# --- families: diff compares models as clients see them -------------------------------------

IMG_HD = {
    "extends": "img",
    "parameters": {"quality": {"values": ["high"]}},
    "usage_notes": "Same as img, in high quality only.",
}
FAMILY = edited(lambda data: data["models"].update({"img-hd": IMG_HD}))


def in_family(edit: Edit) -> dict[str, Any]:
    data = copy.deepcopy(FAMILY)
    edit(data)
    return data


def test_a_change_to_a_parent_is_a_change_to_every_model_that_inherits_it() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["models"]["img"]["prompt_max"] = 4000
        del data["models"]["img"]["parameters"]["fast"]

    assert changes(FAMILY, in_family(edit)) == {
        (B, "prompt_max", "img"),
        (B, "prompt_max", "img-hd"),
        (B, "parameters.fast", "img"),
        (B, "parameters.fast", "img-hd"),
    }


def test_a_value_the_child_overrides_changes_with_the_child_only() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["models"]["img"]["parameters"]["quality"] = {"values": ["basic"]}

    assert changes(FAMILY, in_family(edit)) == {(B, "parameters.quality", "img")}


def test_a_deprecated_parent_leaves_its_children_as_they_were() -> None:
    def edit(data: dict[str, Any]) -> None:
        data["models"]["img"]["deprecated"] = {"since": "2026-02-01", "sunset": "2026-09-01"}

    assert changes(FAMILY, in_family(edit)) == {(N, "deprecated", "img")}


def test_writing_a_copy_as_a_family_changes_nothing() -> None:
    """The live spec's rewrite: a model written out in full becomes extends + overrides."""
    copied = copy.deepcopy(BASE["models"]["img"])
    copied.update(parameters={**copied["parameters"], "quality": {"values": ["high"]}})
    copied["usage_notes"] = IMG_HD["usage_notes"]
    written_out = edited(lambda data: data["models"].update({"img-hd": copied}))
    assert changes(written_out, FAMILY) == set()
    assert catalog(written_out).models == catalog(FAMILY).models


# --- the command ---------------------------------------------------------------------------


def write(path: Path, data: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """An old and a new spec: img's prompt max lowered, vid gains a duration, notes edited."""
    monkeypatch.chdir(tmp_path)
    old = write(tmp_path / "old.yaml", BASE)
    new = edited(model("img", prompt_max=4000))
    new["models"]["vid"]["duration_options"] = ["5s", "10s", "15s"]
    new["models"]["vid"]["usage_notes"] = "Video, 5s to 15s."
    return old, write(tmp_path / "spec" / "models.yaml", new)


TEXT = """\
breaking      model img: prompt_max lowered from 5000 to 4000
non-breaking  model vid: duration option 15s added
docs-only     model vid: usage_notes changed
old.yaml → spec/models.yaml: 1 breaking, 1 non-breaking, 1 docs-only
"""

MARKDOWN = """\
### Breaking

- `img`: prompt_max lowered from 5000 to 4000

### Non-breaking

- `vid`: duration option 15s added

### Docs only

- `vid`: usage_notes changed
"""


def test_breaking_change_exits_4_and_lists_every_change(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "--old", "old.yaml"]) == 4
    captured = capsys.readouterr()
    assert captured.out == TEXT
    assert captured.err == "modelspec: 1 breaking change; pass --allow-breaking to accept\n"


def test_allow_breaking_exits_0(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", "--old", "old.yaml", "--allow-breaking"]) == 0
    assert capsys.readouterr().out == TEXT


def test_only_non_breaking_changes_exit_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "old.yaml", BASE)
    write(tmp_path / "spec" / "models.yaml", edited(model("img", prompt_max=6000)))
    assert main(["diff", "--old", "old.yaml"]) == 0
    assert capsys.readouterr().out.startswith(
        "non-breaking  model img: prompt_max raised from 5000 to 6000\n"
    )


def test_markdown_format(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--old", "old.yaml", "--format", "markdown"]) == 4
    assert capsys.readouterr().out == MARKDOWN


def test_json_format(pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", "--old", "old.yaml", "--format", "json"]) == 4
    report = json.loads(capsys.readouterr().out)
    assert report["breaking"] is True
    assert report["counts"] == {"breaking": 1, "non-breaking": 1, "docs-only": 1}
    assert report["changes"][0] == {
        "class": "breaking",
        "model": "img",
        "field": "prompt_max",
        "summary": "prompt_max lowered from 5000 to 4000",
        "old": 5000,
        "new": 4000,
    }


def test_other_commands_keep_their_formats() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--format", "markdown"])
    assert exc.value.code == 2


def test_today_decides_a_sunset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "old.yaml", BASE)
    write(tmp_path / "spec" / "models.yaml", edited(remove_old))
    assert main(["diff", "--old", "old.yaml", "--today", "2026-06-29"]) == 4
    assert main(["diff", "--old", "old.yaml", "--today", "2026-06-30"]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        main(["diff", "--old", "old.yaml", "--today", "2026-02-30"])
    assert exc.value.code == 2
    assert "not a date written YYYY-MM-DD: '2026-02-30'" in capsys.readouterr().err


def test_an_invalid_old_spec_is_a_spec_error(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    old, _ = pair
    old.write_text(
        old.read_text(encoding="utf-8").replace("prompt_max: 5000", "prompt_max: 0"),
        encoding="utf-8",
    )
    assert main(["diff", "--old", "old.yaml"]) == 1
    assert "old.yaml:10:17: model img: prompt_max: 0 is below the minimum of 1" in "".join(
        capsys.readouterr()
    )


# --- against a git ref -----------------------------------------------------------------------


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose one commit holds BASE as spec/models.yaml; cwd is a subfolder."""
    write(tmp_path / "spec" / "models.yaml", BASE)
    (tmp_path / "docs").mkdir()
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_against_head_by_default(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "spec" / "models.yaml", edited(model("vid", sound=False)))
    assert main(["diff"]) == 4
    out = capsys.readouterr().out
    assert out == (
        "breaking      model vid: sound removed\n"
        "HEAD:spec/models.yaml → spec/models.yaml: 1 breaking, 0 non-breaking, 0 docs-only\n"
    )


def test_against_a_ref_from_another_folder(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "spec" / "models.yaml", edited(model("vid", sound=False)))
    git(repo, "commit", "-qam", "second")
    monkeypatch.chdir(repo / "docs")
    assert main(["diff", "--spec", "../spec/models.yaml", "--against", "HEAD~1"]) == 4
    assert "HEAD~1:spec/models.yaml → " in capsys.readouterr().out
    assert main(["diff", "--spec", "../spec/models.yaml"]) == 0
    assert "no changes" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("no-such-ref", "modelspec: unknown git revision 'no-such-ref'\n"),
        ("--output=x", "modelspec: not a git revision: '--output=x'\n"),
    ],
)
def test_a_bad_ref_is_a_usage_error(
    repo: Path, ref: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["diff", f"--against={ref}"]) == 2
    assert capsys.readouterr().err == message


def test_a_spec_the_ref_does_not_hold_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(repo / "limits.yaml", BASE)
    assert main(["diff", "--spec", "limits.yaml"]) == 2
    assert capsys.readouterr().err == "modelspec: limits.yaml does not exist at HEAD\n"


def test_outside_a_repository_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    write(tmp_path / "spec" / "models.yaml", BASE)
    assert main(["diff"]) == 2
    assert "not a git repository" in capsys.readouterr().err


def test_an_invalid_spec_at_the_ref_names_the_ref(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = repo / "spec" / "models.yaml"
    good = spec.read_text(encoding="utf-8")
    spec.write_text(good.replace("prompt_max: 5000", "prompt_max: 0"), encoding="utf-8")
    git(repo, "commit", "-qam", "broken")
    spec.write_text(good, encoding="utf-8")
    assert main(["diff"]) == 1
    assert (
        "HEAD:spec/models.yaml:10:17: model img: prompt_max: 0 is below the minimum of 1"
        in "".join(capsys.readouterr())
    )


def test_the_seed_spec_against_itself(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(SEED_SPEC, tmp_path / "a.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "--spec", "a.yaml", "--old", "a.yaml"]) == 0
    assert capsys.readouterr().out == "a.yaml → a.yaml: no changes\n"


# --- changelog ----------------------------------------------------------------------------------


def test_changelog_between_two_files(
    pair: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["changelog", "old.yaml", "spec/models.yaml", "--title", "2026-03-01"]) == 0
    assert capsys.readouterr().out == "## 2026-03-01\n\n" + MARKDOWN


def test_changelog_between_two_refs(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(repo / "spec" / "models.yaml", edited(model("vid", usage_notes="Video, longer.")))
    git(repo, "commit", "-qam", "notes")
    assert main(["changelog", "HEAD~1", "HEAD"]) == 0
    assert (
        capsys.readouterr().out
        == "## Unreleased\n\n### Docs only\n\n- `vid`: usage_notes changed\n"
    )


def test_changelog_without_changes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["changelog", "HEAD", "spec/models.yaml"]) == 0
    assert capsys.readouterr().out == "## Unreleased\n\nNo changes to the model limits.\n"


# --- deprecation in the spec and on the page ------------------------------------------------------

DEPRECATED = "deprecated: {since: 2026-01-01, sunset: 2026-06-30, replacement: img}"


@pytest.mark.parametrize(
    ("deprecated", "error"),
    [
        pytest.param(
            "deprecated: {since: 2026-07-01, sunset: 2026-06-30}",
            "spec.yaml:49:45: model old: deprecated.sunset: 2026-06-30 is before since (2026-07-01)",
            id="sunset-before-since",
        ),
        pytest.param(
            "deprecated: {since: 2026-01-01, sunset: 2026-02-30}",
            "spec.yaml:49:45: model old: deprecated.sunset: 2026-02-30 is not a calendar date",
            id="no-such-day",
        ),
        pytest.param(
            "deprecated: {since: 2026-1-1, sunset: 2026-06-30}",
            'spec.yaml:49:25: model old: deprecated.since: "2026-1-1" is not valid; expected a '
            "calendar date written YYYY-MM-DD, such as 2026-06-30",
            id="not-iso",
        ),
        pytest.param(
            "deprecated: {since: 2026-01-01, sunset: 2026-06-30, replacement: imgs}",
            'spec.yaml:49:70: model old: deprecated.replacement: "imgs" is not a model of this '
            'spec; did you mean "img"?',
            id="unknown-replacement",
        ),
        pytest.param(
            "deprecated: {since: 2026-01-01, sunset: 2026-06-30, replacement: old}",
            "spec.yaml:49:70: model old: deprecated.replacement: names the model itself",
            id="replaces-itself",
        ),
        pytest.param(
            "deprecated: {since: 2026-01-01}",
            'spec.yaml:49:5: model old: deprecated: missing required field "sunset"',
            id="no-sunset",
        ),
    ],
)
def test_a_bad_deprecation_is_a_spec_error(deprecated: str, error: str) -> None:
    text = (HERE / "diff_cases" / "base.yaml").read_text("utf-8").replace(DEPRECATED, deprecated)
    with pytest.raises(SpecInvalid) as exc:
        load_spec(text.encode(), "spec.yaml")
    assert [str(e) for e in exc.value.errors] == [error]


def test_quoted_and_plain_dates_mean_the_same() -> None:
    text = (HERE / "diff_cases" / "base.yaml").read_text("utf-8")
    quoted = text.replace(
        "since: 2026-01-01, sunset: 2026-06-30", 'since: "2026-01-01", sunset: "2026-06-30"'
    )
    assert (
        load_spec(quoted.encode(), "a").catalog.deprecations
        == load_spec(text.encode(), "a").catalog.deprecations
    )


def test_the_page_lists_deprecated_models_below_an_unchanged_table() -> None:
    plain = seed().rendered["model_requirements.md"]
    assert "Deprecated" not in plain
    deprecations = (
        Deprecation("sora-2", "2026-01-15", "2026-07-01", "sora-2-pro"),
        Deprecation("flux-2", "2026-02-01", "2026-08-01", None),
    )
    page = seed().render(dataclasses.replace(seed().catalog, deprecations=deprecations))[
        "model_requirements.md"
    ]
    table_end = plain.index("\n\nSee also")
    assert page[:table_end] == plain[:table_end]
    assert page[table_end:] == (
        "\n\n## Deprecated models\n\n"
        "These models still work. Each may be removed from the API on its sunset date; move to "
        "the replacement before then.\n\n"
        "- `sora-2`: deprecated since 2026-01-15, sunset 2026-07-01; use `sora-2-pro` instead.\n"
        "- `flux-2`: deprecated since 2026-02-01, sunset 2026-08-01.\n" + plain[table_end + 1 :]
    )
