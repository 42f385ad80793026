"""``openapi/generate-media.yaml``: the OpenAPI 3.1 document of the API's wire contract.

POST /v1/generate/media (the discriminated request union; 202 with the accepted job, 400
with the error list), GET /v1/models and GET /v1/models/{model_id}. The fixed response
shapes live in ``render.wire``; each model's request is split into named components by
``render.components`` so that client generators give every class a stable name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from modelspec.errors import TemplateFailure
from modelspec.render import components, contract, wire, yamlout
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
    schemas.update(wire.components())
    check_names(catalog)
    if model_schemas:
        for model in catalog.models:
            schemas.update(components.model_components(model))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Kubeez REST API",
            "version": "v1",
            "description": f"The model-limited endpoints, generated from {catalog.source} by modelspec.",
        },
        "paths": {
            "/v1/generate/media": {"post": _operation()},
            "/v1/models": {"get": _list_operation()},
            "/v1/models/{model_id}": {"get": _get_operation()},
        },
        "components": {"schemas": schemas},
    }


def check_names(catalog: Catalog) -> None:
    """Every component name is given once; a clash (only contrived ids and parameter names
    can make one) fails the render, naming both owners, rather than numbering a class."""
    owners = {name: "the document's own schemas" for name in (REQUEST, *wire.FIXED_NAMES)}
    for model in catalog.models:
        for name in components.component_names(model):
            if name in owners:
                raise TemplateFailure(
                    f"{LOCATION}: model {model.model_id} and {owners[name]} would both name"
                    f" the component {name}; rename a model id or a parameter"
                )
            owners[name] = f"model {model.model_id}"


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


def _list_operation() -> dict[str, Any]:
    return {
        "operationId": "listModels",
        "summary": "Every enabled model, with its limits and the database's metadata.",
        "responses": wire.list_responses(),
    }


def _get_operation() -> dict[str, Any]:
    return {
        "operationId": "getModel",
        "summary": "One model; a family's id also lists its variants.",
        "parameters": [
            {
                "name": "model_id",
                "in": "path",
                "required": True,
                "description": "A model_id, or a family's id to get the family and its variants.",
                "schema": {"type": "string"},
            }
        ],
        "responses": wire.get_responses(),
    }


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
        "responses": wire.generate_responses(),
    }


def outputs(catalog: Catalog, context: Context) -> Iterator[Output]:
    """The fragment as YAML: ``document(catalog)`` written by ``dump_yaml``, with each model's
    section reused from the memo when the model is unchanged (see ``modelspec.cache.memo``)."""
    check_names(catalog)  # always: the head below may come from the memo
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
            section = yamlout.dump_entries(components.model_components(model), SCHEMAS_INDENT)
            memo.put(fingerprint, section)
        parts.append(section)
    memo.save()
    yield Output("openapi/generate-media.yaml", data="".join(parts), serialiser="text")


SCHEMAS_INDENT = "    "  # components: → schemas: → one entry per schema
