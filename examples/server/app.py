"""A reference server for the generated ``model_limits`` module: the contract on the wire.

- POST /v1/generate/media: ``validate_request(body, extra=unlisted)``; 400 with
  ``{"errors": [{"field", "code", "message"}]}`` or 202 with the accepted job. No media is made.
- GET /v1/models: every model of the module (variants included) and every enabled model only
  the database knows, each merged by the module's rule: the database's metadata first, then
  every key ``capabilities()`` returns (the spec wins; display names and pricing pass through).
- GET /v1/models/{model_id}: one model in the same shape; a family's id also lists its
  variants (``family_models``). 404 with an ``unknown_model`` error otherwise.

No rule is written here: every limit comes from the generated module, and a database-only
model is validated from its stored capabilities with ``ModelLimits.from_capabilities``.
The answers are the shapes out/openapi/generate-media.yaml documents.

Run it with ``make serve``; ``MODEL_LIMITS_PATH`` names the module (default:
out/model_limits.py) and ``MODELS_DB`` the SQLite file (default: examples/server/models.db,
created and seeded on first start).
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import logging
import os
import sys
import uuid
from pathlib import Path
from types import ModuleType
from typing import Any

import database
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
log = logging.getLogger("modelspec.server")


def load_limits(path: Path) -> ModuleType:
    """Import the generated module at ``path`` as ``model_limits`` (a server imports it by name)."""
    spec = importlib.util.spec_from_file_location("model_limits", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["model_limits"] = module
    spec.loader.exec_module(module)
    return module


def json_response(data: Any, status: int, headers: dict[str, str] | None = None) -> Response:
    """JSON with ASCII escapes: a lone surrogate echoed in a message must not break the answer."""
    return Response(json.dumps(data), status, headers, media_type="application/json")


def errors_response(errors: list[Any], status: int = 400) -> Response:
    return json_response({"errors": [dataclasses.asdict(error) for error in errors]}, status)


class Catalog:
    """The merged GET /v1/models entries, and the limits of the database-only models.

    Read once, at start: ``validate_request`` keeps each limits object's rules, so they are
    built when the catalog is read, never per request.
    """

    def __init__(self, limits: ModuleType, db_path: Path) -> None:
        self.limits = limits
        with database.connect(db_path) as connection:
            metadata = {entry["model_id"]: entry for entry in database.enabled_metadata(connection)}
        self.unlisted: dict[str, Any] = {}
        self.entries: dict[str, dict[str, Any]] = {}
        for model_id in limits.MODEL_LIMITS:  # the spec's models: metadata, then capabilities
            spec = limits.capabilities(model_id)
            extra = {k: v for k, v in metadata.get(model_id, {}).items() if k not in spec}
            self.entries[model_id] = {**spec, **extra}
        for model_id, entry in metadata.items():
            if model_id in self.entries:
                continue
            try:
                self.unlisted[model_id] = limits.ModelLimits.from_capabilities(entry)
            except limits.CapabilitiesError as exc:  # listed nowhere rather than half-checked
                log.warning("skipping database-only model: %s", exc)
                continue
            self.entries[model_id] = entry

    def model_and_family(self, model_id: str) -> list[dict[str, Any]] | None:
        if model_id not in self.entries:
            return None
        return [
            self.entries[model_id],
            *(self.entries[v] for v in self.limits.family_models(model_id)),
        ]

    def generation_type(self, body: dict[str, Any]) -> str:
        if "generation_type" in body:
            return str(body["generation_type"])
        model = self.limits.MODEL_LIMITS.get(body["model"]) or self.unlisted[body["model"]]
        return str(model.generation_types[0])


def create_app(limits: ModuleType, db_path: Path, *, validate: bool = True) -> Starlette:
    """The app over ``limits`` (a generated module) and the database at ``db_path``.

    ``validate=False`` accepts every JSON object that names a model, unchecked: only
    ``make bench`` uses it, to price validation on the wire.
    """
    database.create(db_path, limits)
    catalog = Catalog(limits, db_path)
    invalid_json = limits.RequestError("", "invalid_body", "the request body must be valid JSON")

    async def generate(request: Request) -> Response:
        try:
            body = json.loads(await request.body())
        except ValueError:  # not JSON, or not UTF-8
            return errors_response([invalid_json])
        if validate:
            errors = limits.validate_request(body, extra=catalog.unlisted)
            if errors:
                return errors_response(errors)
        elif not isinstance(body, dict) or not isinstance(body.get("model"), str):
            return errors_response([invalid_json])
        job = {
            "job_id": uuid.uuid4().hex,
            "status": "queued",
            "model": body["model"],
            "generation_type": catalog.generation_type(body)
            if validate
            else str(body.get("generation_type", "")),
        }
        return json_response(job, 202)

    async def list_models(request: Request) -> Response:
        return json_response({"data": list(catalog.entries.values())}, 200)

    async def get_model(request: Request) -> Response:
        model_id = request.path_params["model_id"]
        found = catalog.model_and_family(model_id)
        if found is None:
            message = f"model {model_id!r} is not an enabled model_id"
            return errors_response(
                [limits.RequestError("/model_id", "unknown_model", message)], 404
            )
        return json_response({"data": found}, 200)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        body = {"errors": [{"field": "", "code": "invalid_body", "message": str(exc.detail)}]}
        return json_response(body, exc.status_code, dict(exc.headers or {}))

    routes = [
        Route("/v1/generate/media", generate, methods=["POST"]),
        Route("/v1/models", list_models, methods=["GET"]),
        Route("/v1/models/{model_id:path}", get_model, methods=["GET"]),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: http_error})


def app_from_env() -> Starlette:
    """The app ``make serve`` runs (uvicorn --factory), configured by the environment."""
    limits = load_limits(
        Path(os.environ.get("MODEL_LIMITS_PATH", ROOT / "out" / "model_limits.py"))
    )
    db_path = Path(os.environ.get("MODELS_DB", HERE / "models.db"))
    return create_app(limits, db_path, validate=os.environ.get("VALIDATE", "1") != "0")
