"""The reference server over real HTTP, with real clients.

One server (tests/server.py: uvicorn, the seed fixture's module, a fresh SQLite database)
answers every test here:

- GET /v1/models: every model of the module and the database's enabled one, merged by the
  module's rule; GET /v1/models/{id} answers a family with its variants; 404 otherwise;
- agreement over HTTP: the agreement corpus (tests/bodies.py, the hand-written contract cases)
  is POSTed, and each answer's status and error list equal validate_request's;
- openapi-python-client's client, generated from the document, sends an accepted and a
  rejected request and parses the typed answers;
- Schemathesis, with every check, finds nothing.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from tests.bodies import broken_bodies, valid_bodies
from tests.seed import SEED_SPEC
from tests.server import DATABASE, Server, running
from tests.strategies import quick_to_draw
from tests.test_contract import CASES
from tests.test_openapi_document import generate_client
from tests.validators import Validators, import_file
from tests.variants_fixture import variants

DB_ONLY = DATABASE.DATABASE_ONLY["model_id"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with running(tmp_path_factory.mktemp("server") / "models.db") as live:
        yield live


@pytest.fixture(scope="module")
def http(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=10) as client:
        yield client


@pytest.fixture(scope="module")
def unlisted(validators: Validators) -> dict[str, Any]:
    limits = validators.limits
    return {DB_ONLY: limits.ModelLimits.from_capabilities(DATABASE.DATABASE_ONLY)}


def test_the_catalog_lists_every_model_merged_with_the_database(
    http: httpx.Client, validators: Validators
) -> None:
    limits = validators.limits
    answer = http.get("/v1/models")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    entries = answer.json()["data"]
    ids = [entry["model_id"] for entry in entries]
    assert ids == [*limits.MODEL_LIMITS, DB_ONLY]  # the disabled one is not listed
    assert DATABASE.DISABLED not in ids
    for entry in entries[:-1]:
        spec = limits.capabilities(entry["model_id"])
        assert {k: entry[k] for k in spec} == spec  # the spec wins on every key it defines
        assert set(entry) - set(spec) == {"display_name", "enabled", "pricing"}
    first = entries[0]  # the database holds a stale prompt_max for it; the spec's is served
    assert first["limits"]["prompt_max"] == limits.MODEL_LIMITS[first["model_id"]].prompt_max
    assert entries[-1] == {
        **DATABASE.DATABASE_ONLY,
        "display_name": "Seedream 5 Lite",
        "enabled": True,
        "pricing": {"unit": "image", "credits": 3},
    }


def test_reconcile_reads_the_served_catalog(http: httpx.Client, tmp_path: Path) -> None:
    snapshot = tmp_path / "snapshot.json"
    snapshot.write_text(http.get("/v1/models").text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "modelspec", "reconcile", str(snapshot), "--spec", str(SEED_SPEC),
         "--format", "json"],
        capture_output=True, text=True,
    )  # fmt: skip
    report = json.loads(result.stdout)
    assert result.returncode == 6, result.stderr
    # The served catalog is the spec's, plus the one model only the database has.
    assert report["counts"] == {"database-only": 1, "not-enabled": 0, "changed": 0}
    assert report["database_only"] == [DB_ONLY]


def test_a_model_answers_alone(http: httpx.Client) -> None:
    plain = http.get("/v1/models/flux-2").json()["data"]
    assert [e["model_id"] for e in plain] == ["flux-2"]
    assert http.get(f"/v1/models/{DB_ONLY}").json()["data"][0]["model_id"] == DB_ONLY


def test_a_family_answers_with_its_variants(tmp_path: Path) -> None:
    """On the variants fixture (the seed has no family), served by a server of its own."""
    out = variants().settings.out
    limits = import_file(out / "model_limits.py", "server_variants_limits")
    families = [m for m in limits.MODEL_LIMITS if limits.family_models(m)]
    assert families
    with running(tmp_path / "models.db", limits=out / "model_limits.py") as server:
        for family in families:
            answer = httpx.get(f"{server.url}/v1/models/{family}")
            entries = answer.json()["data"]
            assert [e["model_id"] for e in entries] == [family, *limits.family_models(family)]
            assert all(e["family"] == family for e in entries[1:])
            assert entries == [limits.capabilities(e["model_id"]) | _db_keys(e) for e in entries]
        every = httpx.get(f"{server.url}/v1/models").json()["data"]
        assert [e["model_id"] for e in every] == [*limits.MODEL_LIMITS, DB_ONLY]


def _db_keys(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: entry[k] for k in ("display_name", "enabled", "pricing")}


@pytest.mark.parametrize("model_id", ["flux-3", DATABASE.DISABLED, "a/b", ""])
def test_an_unknown_model_is_a_404_error_list(http: httpx.Client, model_id: str) -> None:
    answer = http.get(f"/v1/models/{model_id}")
    assert answer.status_code == 404
    assert answer.headers["content-type"] == "application/json"
    [error] = answer.json()["errors"]
    assert error["code"] == "unknown_model"


def corpus(validators: Validators, unlisted: dict[str, Any]) -> list[object]:
    """Every body the agreement tests judge: each model's valid bodies and each with one rule
    broken (the database-only model's too), and the hand-written contract cases."""
    bodies: list[object] = []
    for limits in [*validators.limits.MODEL_LIMITS.values(), *unlisted.values()]:
        bodies += valid_bodies(limits)
        bodies += [body for _, body in broken_bodies(limits)]
    bodies += [body for _, body, _ in CASES]
    bodies += [None, 5, "text", {"model": DATABASE.DISABLED, "prompt": "p"}]
    return bodies


def test_every_answer_is_validate_requests_verdict(
    http: httpx.Client, validators: Validators, unlisted: dict[str, Any]
) -> None:
    bodies = corpus(validators, unlisted)
    assert len(bodies) > 500
    wrong = []
    statuses = {202: 0, 400: 0}
    for body in bodies:
        errors = validators.limits.validate_request(body, extra=unlisted)
        expected = [dataclasses.asdict(e) for e in errors]
        answer = http.post("/v1/generate/media", content=json.dumps(body))
        statuses[answer.status_code] = statuses.get(answer.status_code, 0) + 1
        agreed = answer.status_code == (400 if errors else 202) and (
            answer.json() == {"errors": expected}
            if errors
            else answer.json()["model"] == body["model"]  # type: ignore[index]
        )
        if not agreed:
            wrong.append((body, answer.status_code, answer.text))
    assert wrong == []
    assert statuses[202] >= 50 and statuses[400] >= 500, statuses


def test_a_body_that_is_not_json_is_an_invalid_body(http: httpx.Client) -> None:
    for content in (b"{", b"\xff\xfe", b""):
        answer = http.post("/v1/generate/media", content=content)
        assert answer.status_code == 400
        assert [e["code"] for e in answer.json()["errors"]] == ["invalid_body"]


def test_the_generated_client_sends_and_parses_both_answers(server: Server, tmp_path: Path) -> None:
    generate_client(server.document, tmp_path)
    sys.path.insert(0, str(tmp_path))
    try:
        client_module = importlib.import_module("kubeez_client")
        models = importlib.import_module("kubeez_client.models")
        generate = importlib.import_module("kubeez_client.api.default.generate_media")
    finally:
        sys.path.remove(str(tmp_path))
    client = client_module.Client(base_url=server.url)
    accepted = generate.sync(
        client=client, body=models.Flux2Request(model="flux-2", prompt="a fox")
    )
    assert isinstance(accepted, models.GenerateMediaAccepted)
    assert (accepted.model, accepted.status, accepted.generation_type) == (
        "flux-2",
        "queued",
        "text-to-image",
    )
    too_long = models.Flux2Request(model="flux-2", prompt="x" * 5001)
    rejected = generate.sync(client=client, body=too_long)
    assert isinstance(rejected, models.RequestErrors)
    [error] = rejected.errors
    assert isinstance(error, models.RequestError)
    assert error.code == models.ErrorCode.PROMPT_TOO_LONG
    assert error.field == "/prompt"
    assert "5,001" in error.message


def quick_document(document: Path, folder: Path) -> Path:
    """The document with its widest pattern classes spelled the quick way (tests/strategies.py):
    the same strings match, but hypothesis, under Schemathesis, no longer visits every code
    point of each class for every string it draws (minutes instead of seconds)."""

    def quick(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                k: rust_safe(quick_to_draw(v))
                if k == "pattern" and isinstance(v, str)
                else quick(v)
                for k, v in node.items()
            }
        return [quick(v) for v in node] if isinstance(node, list) else node

    def rust_safe(pattern: str) -> str:
        # Schemathesis drops a pattern jsonschema-rs cannot compile, and Rust refuses a
        # surrogate in a class; hypothesis draws no surrogate anyway, so the strings are the same.
        return pattern.replace("[^\\ud800-\\udfff]", "[\\s\\S]").replace("\\ud800-\\udfff", "")

    path = folder / "openapi.json"
    path.write_text(json.dumps(quick(yaml.safe_load(document.read_text("utf-8")))), "utf-8")
    return path


def test_schemathesis_with_every_check_finds_nothing(server: Server, tmp_path: Path) -> None:
    document = quick_document(server.document, tmp_path)
    result = subprocess.run(
        [str(Path(sys.executable).parent / "schemathesis"), "run", str(document), "--url", server.url,
         "--checks", "all", "--max-examples", "15", "--workers", "1", "--seed", "1",
         "--request-timeout", "10"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "No issues found" in result.stdout
    assert "3 selected / 3 total" in result.stdout
