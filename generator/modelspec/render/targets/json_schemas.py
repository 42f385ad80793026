"""``schemas/<model_id>.json``: one Draft 2020-12 JSON Schema per model's request body."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from modelspec.render import contract
from modelspec.render.layout import Context, Output
from modelspec.render.render import dump_json, target_memo
from modelspec.spec.model import Catalog, Model

SCHEMA_BASE = "https://kubeez.dev/schemas/generate-media/"
NAME = "schemas"
# Where the output goes unless [tool.modelspec.outputs] moves it; a trailing "/" is a folder.
LOCATION = "schemas/"
FILTERS: dict[str, Callable[..., Any]] = {}


def model_schema(model: Model, comment: str) -> dict[str, Any]:
    """The standalone schema document of one model."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_BASE}{model.model_id}.json",
        "$comment": comment,
        "title": f"POST /v1/generate/media request for {model.model_id}",
        "description": contract.description(model),
        **contract.request_schema(model),
        "examples": contract.examples(model),
    }


def outputs(catalog: Catalog, context: Context) -> Iterator[Output]:
    """One schema file per model; an unchanged model's file is reused from the memo."""
    memo = target_memo(context, NAME)
    comment = " ".join(context.header)
    for model in catalog.models:
        fingerprint = catalog.fingerprint(model)
        text = memo.get(fingerprint, str)
        if text is None:
            text = dump_json(model_schema(model, comment))
            memo.put(fingerprint, text)
        yield Output(f"schemas/{model.model_id}.json", data=text, serialiser="text")
    memo.save()
