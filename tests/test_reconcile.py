"""``modelspec reconcile SNAPSHOT`` on the seed fixture spec.

The well-formed snapshots are built here from the seed's generated ``capabilities()`` (with the
pricing and display names a database adds), then altered; the malformed ones are files under
tests/fixtures/snapshots/.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelspec.cli import main
from modelspec.review import jsontext
from modelspec.review.reconcile import capabilities, reconcile
from modelspec.spec.model import Catalog
from tests.seed import seed
from tests.validators import import_file

FIXTURES = Path(__file__).parent / "fixtures" / "snapshots"
LIMITS = import_file(seed().settings.out / "model_limits.py", "model_limits_reconcile")


def entries() -> list[dict[str, Any]]:
    """GET /v1/models as a server that merges the seed spec over its database answers it."""
    return [
        {"display_name": model_id.upper(), **LIMITS.capabilities(model_id), "pricing": {"usd": 1}}
        for model_id in LIMITS.MODEL_LIMITS
    ]


def changed_entries() -> list[dict[str, Any]]:
    """A database-only model added, wan-2-5 missing, flux-2's prompt_max lowered."""
    found = [e for e in entries() if e["model_id"] != "wan-2-5"]
    flux = next(e for e in found if e["model_id"] == "flux-2")
    flux["limits"]["prompt_max"] = 4000
    found.append({**copy.deepcopy(flux), "model_id": "seedream-v5", "display_name": "Seedream 5"})
    return found


def write(project: Path, data: object, name: str = "snapshot.json") -> str:
    (project / name).write_text(json.dumps(data, indent=2), encoding="utf-8")
    return name


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["reconcile", *argv])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.out, captured.err


def test_the_spec_side_is_what_the_module_returns(catalog: Catalog) -> None:
    for model in catalog.models:
        assert capabilities(model) == LIMITS.capabilities(model.model_id)


@pytest.mark.parametrize("shape", ["list", "data", "models"])
def test_an_unchanged_snapshot_exits_0(
    project: Path, capsys: pytest.CaptureFixture[str], shape: str
) -> None:
    data: object = entries() if shape == "list" else {shape: entries(), "object": "list"}
    code, out, err = run(capsys, write(project, data))
    assert (code, out, err) == (0, "snapshot.json matches spec/models.yaml: 44 models\n", "")
    code, out, _ = run(capsys, "snapshot.json", "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "ok": True,
        "snapshot": "snapshot.json",
        "spec": "spec/models.yaml",
        "counts": {"database-only": 0, "not-enabled": 0, "changed": 0},
        "database_only": [],
        "not_enabled": [],
        "differences": [],
    }


def test_database_only_missing_and_changed_are_each_named(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, write(project, changed_entries()))
    assert code == 6
    assert out.splitlines() == [
        "database-only  seedream-v5: in the snapshot, not in the spec",
        "not-enabled    wan-2-5: in the spec, not in the snapshot",
        "changed        flux-2: limits.prompt_max: spec 5000, snapshot 4000",
    ]
    assert err == (
        "snapshot.json vs spec/models.yaml: 1 database-only, 1 not enabled, "
        "1 changed value in 1 model\n"
    )


def test_the_json_report_names_each_of_them(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, write(project, changed_entries()), "--format", "json")
    assert (code, err) == (6, "")
    report = json.loads(out)
    assert report["ok"] is False
    assert report["counts"] == {"database-only": 1, "not-enabled": 1, "changed": 1}
    assert report["database_only"] == ["seedream-v5"]
    assert report["not_enabled"] == ["wan-2-5"]
    assert report["differences"] == [
        {"kind": "database-only", "model": "seedream-v5"},
        {"kind": "not-enabled", "model": "wan-2-5"},
        {
            "kind": "changed",
            "model": "flux-2",
            "field": "limits.prompt_max",
            "path": ["limits", "prompt_max"],
            "spec": 5000,
            "snapshot": 4000,
        },
    ]


def test_github_places_each_where_it_can_be_fixed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name = write(project, changed_entries())
    code, out, _ = run(capsys, name, "--format", "github")
    assert code == 6
    text = (project / name).read_text(encoding="utf-8").splitlines()
    spec = (project / "spec" / "models.yaml").read_text(encoding="utf-8").splitlines()
    lines = out.splitlines()
    assert len(lines) == 3
    for line, (file, source, words) in zip(
        lines,
        [
            ("snapshot.json", text, '"seedream-v5"'),
            ("spec/models.yaml", spec, "wan-2-5:"),
            ("snapshot.json", text, "4000"),
        ],
        strict=True,
    ):
        assert line.startswith(f"::error file={file},line=")
        place = line.split("file=")[1].split(",title=")[0]
        number = int(place.split("line=")[1].split(",")[0])
        column = int(place.split("col=")[1])
        assert source[number - 1][column - 1 :].startswith(words), line


def test_every_disagreement_below_the_top_is_reported_with_both_values(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = entries()
    by_id = {e["model_id"]: e for e in found}
    seedance = by_id["seedance-1-5-pro"]
    seedance["limits"]["source_media"]["image-to-video"]["min_images"] = 1
    seedance["limits"]["parameters"]["resolution"]["values"] = ["720p", "1080p"]
    seedance["limits"]["parameters"]["fixed_lens"]["description"] = "lock the camera"
    seedance["limits"]["max_audio"] = 1  # below the top, a key only the snapshot has counts
    del seedance["usage_notes"]
    seedance["rating"] = 5  # at the top, the database's own keys do not
    by_id["kling-2-6-text-to-video"]["limits"]["duration_options"] = ["10s", "5s"]
    by_id["flux-2"]["generation_types"] = ["text-to-image", "image-to-image"]
    code, out, _ = run(capsys, write(project, found))
    assert code == 6
    notes = json.dumps(LIMITS.MODEL_LIMITS["seedance-1-5-pro"].usage_notes, ensure_ascii=False)
    assert out.splitlines() == [
        'changed        flux-2: generation_types: spec ["text-to-image"], '
        'snapshot ["text-to-image", "image-to-image"]',
        'changed        kling-2-6-text-to-video: limits.duration_options: spec ["5s", "10s"], '
        'snapshot ["10s", "5s"]',
        f"changed        seedance-1-5-pro: usage_notes: spec {notes}, snapshot (absent)",
        "changed        seedance-1-5-pro: limits.source_media.image-to-video.min_images: "
        "spec 2, snapshot 1",
        "changed        seedance-1-5-pro: limits.parameters.fixed_lens.description: "
        'spec (absent), snapshot "lock the camera"',
        "changed        seedance-1-5-pro: limits.parameters.resolution.values: "
        'spec ["480p", "720p", "1080p"], snapshot ["720p", "1080p"]',
        "changed        seedance-1-5-pro: limits.max_audio: spec (absent), snapshot 1",
    ]
    code, out, _ = run(capsys, "snapshot.json", "--format", "json")
    absent = next(d for d in json.loads(out)["differences"] if d["field"] == "usage_notes")
    assert "snapshot" not in absent and absent["spec"].startswith("Seedance")


def test_reconcile_is_pure_and_ordered(catalog: Catalog) -> None:
    nothing = reconcile(catalog, {})
    assert {d.kind for d in nothing} == {"not-enabled"}
    assert [d.model_id for d in nothing] == [m.model_id for m in catalog.models]
    extra = {model_id: {} for model_id in ["b-model", "A-model", "c-model"]}
    found = reconcile(catalog, {**{e["model_id"]: e for e in entries()}, **extra})
    assert [(d.kind, d.model_id) for d in found] == [
        ("database-only", "A-model"),
        ("database-only", "b-model"),
        ("database-only", "c-model"),
    ]


MALFORMED = {
    "bad-json.json": ["3:64: not JSON: Expecting property name enclosed in double quotes"],
    "not-a-list.json": ["2:13: models must be an array of entries, not an object"],
    "no-model-id.json": [
        "4:5: entry 1: has no model_id",
        "5:18: entry 2: model_id must not be empty",
        "6:5: entry 3 must be an object, not a string",
    ],
    "duplicate-model-id.json": ['4:16: entry 2: model_id "flux-2" repeats entry 0'],
    "wrong-types.json": [
        "4:43: entry 0 (flux-2): generation_types[1] must be a string, not a number (2)",
        '5:29: entry 0 (flux-2): requires_input_media must be true or false, not a string ("no")',
        '7:21: entry 0 (flux-2): limits.prompt_max must be an integer, not a string ("5000")',
        "8:21: entry 0 (flux-2): limits.max_videos must be an integer or null, not a boolean",
        "9:16: entry 0 (flux-2): limits.sound must be true or false, not null",
        "10:56: entry 0 (flux-2): limits.source_media.text-to-image.min_images must be an "
        "integer, not a number (0.5)",
        "10:70: entry 0 (flux-2): limits.source_media.text-to-image.order must be an array of "
        'strings, not a string ("image")',
        "11:33: entry 0 (flux-2): limits.parameters.quality must be an object, not a string "
        '("high")',
        "16:15: entry 1 (sora-2): limits must be an object, not an array",
    ],
    "not-json.json": [
        "3:29: NaN is not a JSON value",
        '4:26: repeats the key "model_id"',
    ],
}


@pytest.mark.parametrize("name", MALFORMED)
def test_a_malformed_snapshot_is_every_problem_placed(
    project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    path = str(FIXTURES / name)
    shown = Path(os.path.relpath(path)).as_posix()
    code, out, err = run(capsys, path)
    assert code == 1
    assert out.splitlines() == [f"{shown}:{line}" for line in MALFORMED[name]]
    count = len(MALFORMED[name])
    assert err == f"modelspec: {count} problem{'s' if count != 1 else ''}; nothing written\n"
    code, out, err = run(capsys, path, "--format", "json")
    assert (code, err) == (1, "")
    report = json.loads(out)
    assert report["ok"] is False
    assert [f"{e['line']}:{e['col']}: {e['message']}" for e in report["errors"]] == MALFORMED[name]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "1:1: not JSON: Expecting value"),
        ("3", "1:1: must be an array of entries, not a number"),
        ('{"entries": []}', "1:1: must be an array of entries, or an object with data or models"),
        (
            '{"data": [], "models": []}',
            "1:1: holds both data and models; which one lists the entries?",
        ),
        ("[" * 65 + "]" * 65, f"1:65: nested more than {jsontext.MAX_DEPTH} levels deep"),
        ("[" * 100_000 + "]" * 100_000, "1:65: nested more than 64 levels deep"),
        ('[{"model_id": "a", "pricing": Infinity}]', "1:31: Infinity is not a JSON value"),
    ],
)
def test_more_malformed_snapshots(
    project: Path, capsys: pytest.CaptureFixture[str], text: str, problem: str
) -> None:
    (project / "snapshot.json").write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "snapshot.json")
    assert (code, out) == (1, f"snapshot.json:{problem}\n")


def test_bytes_that_are_not_utf8_are_placed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "snapshot.json").write_bytes(b'[\n  {"model_id": "\xc3\xa9caf\xe9"}\n]')
    code, out, _ = run(capsys, "snapshot.json")
    assert code == 1
    assert out == "snapshot.json:2:21: not UTF-8: byte 0xe9 cannot start or continue a character\n"


def test_a_missing_or_huge_snapshot_is_a_usage_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "nope.json")
    assert (code, err) == (2, "modelspec: snapshot not found: nope.json\n")
    with open(project / "huge.json", "wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    code, _, err = run(capsys, "huge.json")
    assert (code, err) == (2, "modelspec: snapshot huge.json is 20.0 MiB; the limit is 16 MiB\n")
    code, out, _ = run(capsys, "nope.json", "--format", "json")
    assert code == 2 and json.loads(out)["error"]["message"] == "snapshot not found: nope.json"


# --- places in JSON text ----------------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


def paths(value: Any, at: jsontext.Path = ()) -> list[jsontext.Path]:
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*at, index))
    return found


@settings(max_examples=300, deadline=None, database=None)
@given(JSON, st.sampled_from([None, 0, 2, "\t"]), st.booleans())
def test_locate_finds_every_value(value: Any, indent: int | str | None, ascii_only: bool) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=ascii_only)
    assert jsontext.parse(text, "t.json") == value
    wanted = paths(value)
    offsets = jsontext.locate(text, wanted)
    assert set(offsets) == set(wanted)
    decoder = json.JSONDecoder()
    for path, offset in offsets.items():
        found: Any = value
        for key in path:
            found = found[key]
        assert decoder.raw_decode(text, offset)[0] == found
        line, col = jsontext.line_col(text, offset)
        assert text.split("\n")[line - 1][col - 1 :].startswith(text[offset : offset + 1])
