"""``openapi/generate-media.yaml``: an OpenAPI 3.1 fragment for POST /v1/generate/media."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from modelspec.render import contract, yamlout
from modelspec.render.layout import Context, Output
from modelspec.render.render import dump_yaml, target_memo
from modelspec.spec.model import Catalog, Model
from modelspec.spec.names import REQUEST, request_name

NAME = "openapi"
# Where the output goes unless [tool.modelspec.outputs] moves it; a trailing "/" is a folder.
LOCATION = "openapi/generate-media.yaml"
FILTERS: dict[str, Callable[..., Any]] = {}
REQUEST_DESCRIPTION = "A generation request; `model` selects the model and its limits."


def document(catalog: Catalog, *, model_schemas: bool = True) -> dict[str, Any]:
    """The fragment: the operation, the discriminated request union, one schema per model.

    Without ``model_schemas``, components.schemas holds the union only; the models' schemas
    come last in the document, so ``outputs`` writes them after it, one section per model.
    """
    schemas: dict[str, Any] = {
        REQUEST: {
            "description": REQUEST_DESCRIPTION,
            "oneOf": [{"$ref": _ref(m.model_id)} for m in catalog.models],
            "discriminator": {
                "propertyName": "model",
                "mapping": {m.model_id: _ref(m.model_id) for m in catalog.models},
            },
        }
    }
    if model_schemas:
        for model in catalog.models:
            schemas[request_name(model.model_id)] = request(model)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kubeez REST API: POST /v1/generate/media",
            "version": "v1",
            "description": f"Generated from {catalog.source} by modelspec.",
        },
        "paths": {"/v1/generate/media": {"post": _operation()}},
        "components": {"schemas": schemas},
    }


def request(model: Model) -> dict[str, Any]:
    """One model's request schema, as the fragment names it under components."""
    return {
        "title": f"{model.model_id} request",
        "description": contract.description(model),
        **contract.request_schema(model),
        "examples": contract.examples(model),
    }


def _ref(model_id: str) -> str:
    return f"#/components/schemas/{request_name(model_id)}"


def _operation() -> dict[str, Any]:
    return {
        "operationId": "generateMedia",
        "summary": "Generate an image or a video with one model.",
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{REQUEST}"}}
            },
        },
        "responses": {
            "200": {"description": "The generation was accepted."},
            "400": {"description": "The body breaks the model's limits; every problem is listed."},
        },
    }


def outputs(catalog: Catalog, context: Context) -> Iterator[Output]:
    """The fragment as YAML: ``document(catalog)`` written by ``dump_yaml``, with each model's
    section reused from the memo when the model is unchanged (see ``modelspec.cache.memo``)."""
    memo = target_memo(context, NAME)
    # The head (the operation and the union) changes only with the list of models.
    ids = "\0".join([catalog.source, *(model.model_id for model in catalog.models)])
    head_key = "head " + hashlib.sha256(ids.encode("utf-8")).hexdigest()
    head = memo.get(head_key, str)
    if head is None:
        head = dump_yaml(document(catalog, model_schemas=False), context.header)
        memo.put(head_key, head)
    parts = [head]
    for model in catalog.models:
        fingerprint = catalog.fingerprint(model)
        section = memo.get(fingerprint, str)
        if section is None:
            name = request_name(model.model_id)
            section = yamlout.dump_entries({name: request(model)}, SCHEMAS_INDENT)
            memo.put(fingerprint, section)
        parts.append(section)
    memo.save()
    yield Output("openapi/generate-media.yaml", data="".join(parts), serialiser="text")


SCHEMAS_INDENT = "    "  # components: → schemas: → one entry per schema
