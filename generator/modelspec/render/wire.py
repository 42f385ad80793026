"""What the API puts on the wire besides request bodies, as OpenAPI components.

The request schemas say what a client may send; a client generator also needs what comes
back: the accepted job (202), the error list (400, and 404 for an unknown model), and the
entries of GET /v1/models. Those shapes are fixed, so they live here as data, once:

- ``error_codes()`` is read from the built-in ``model_limits.py.jinja``, the one place that
  writes them (every ``_error(...)``/``RequestError(...)`` there names its code), so a code
  added to ``validate_request`` reaches the document without a second list to keep.
- A GET /v1/models entry is what ``capabilities()`` returns, plus whatever the database adds
  (display names, pricing hints): the merge rule lets those keys pass through, so an entry
  stays open (``additionalProperties: true``) and documents the reference server's own keys.

Every component here has a fixed name that no model's request can take: those all end in
``Request`` or hold ``Request`` after a non-empty model part (see ``components.py``).
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from modelspec.render import contract
from modelspec.resources import spec_schema_path, templates_dir
from modelspec.spec.model import InputRule

ACCEPTED = "GenerateMediaAccepted"
ERRORS = "RequestErrors"
ERROR = "RequestError"
ERROR_CODE = "ErrorCode"
MODEL_LIST = "ModelList"
MODEL_ENTRY = "ModelEntry"
ENTRY_LIMITS = "ModelEntryLimits"
SOURCE_MEDIA = "SourceMediaRule"
PARAMETER = "ParameterCapability"
PRICING = "PricingHint"
GENERATION_TYPE = "GenerationType"
MEDIA_TYPE = "MediaType"
HTTPS_URL = "HttpsUrl"
FIXED_NAMES = (
    HTTPS_URL,
    ACCEPTED,
    ERRORS,
    ERROR,
    ERROR_CODE,
    MODEL_LIST,
    MODEL_ENTRY,
    ENTRY_LIMITS,
    SOURCE_MEDIA,
    PARAMETER,
    PRICING,
    GENERATION_TYPE,
    MEDIA_TYPE,
)

# `_error("/prompt", "prompt_too_long", ...)`, `RequestError("", "invalid_body", ...)`: the code
# is the second argument, always a literal in the template.
_CODE_CALL = re.compile(
    r"\b(?:_error|RequestError)\(\s*[^,()]*(?:\([^()]*\))?[^,()]*,\s*\"([a-z_]+)\""
)


@cache
def error_codes() -> tuple[str, ...]:
    """The stable codes ``validate_request`` reports, in the order the template first names them."""
    text = (templates_dir() / "model_limits.py.jinja").read_text(encoding="utf-8")
    return tuple(dict.fromkeys(_CODE_CALL.findall(text)))


@cache
def _spec_enum(name: str) -> tuple[str, ...]:
    """An enum of the spec's own schema (generation types, media kinds): one list, kept there."""
    schema = json.loads(spec_schema_path().read_text(encoding="utf-8"))
    return tuple(schema["$defs"][name]["enum"])


def ref(name: str) -> dict[str, str]:
    """A reference to the component ``name``."""
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema_name: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": ref(schema_name)}},
    }


def generate_responses() -> dict[str, Any]:
    """The answers of POST /v1/generate/media."""
    return {
        "202": _json(ACCEPTED, "The body is valid: the job is queued."),
        "400": _json(
            ERRORS,
            "The body breaks the model's limits, or is not a JSON object: every problem is"
            " listed, in field order, exactly as validate_request reports it.",
        ),
    }


def list_responses() -> dict[str, Any]:
    """The answers of GET /v1/models."""
    return {
        "200": _json(MODEL_LIST, "Every enabled model: the spec's, its variants, the database's.")
    }


def get_responses() -> dict[str, Any]:
    """The answers of GET /v1/models/{model_id}."""
    return {
        "200": _json(
            MODEL_LIST,
            "The model's entry; for a family, followed by the entry of each of its variants.",
        ),
        "404": _json(ERRORS, "No enabled model has this id: one unknown_model error."),
    }


def url_schema() -> dict[str, Any]:
    """The schema of one source_media_urls item: the contract's, whatever the rule."""
    rule = InputRule("text-to-image", 0, 1, 0, 0, ())
    return dict(contract.source_media_schema(rule)["items"])


def components() -> dict[str, Any]:
    """The fixed components, in the order the document lists them."""
    count = {"type": "integer", "minimum": 0}
    return {
        HTTPS_URL: {
            "title": HTTPS_URL,
            "description": "A source media URL: https:// and a host.",
            **url_schema(),
        },
        ACCEPTED: {
            "title": ACCEPTED,
            "description": "A queued generation job, as the reference server answers a valid body.",
            "type": "object",
            "properties": {
                "job_id": {
                    "description": "The job's id, to poll for its result.",
                    "type": "string",
                },
                "status": {
                    "description": "Always queued when accepted.",
                    "type": "string",
                    "const": "queued",
                },
                "model": {"description": "The model_id the body named.", "type": "string"},
                "generation_type": {
                    "description": "The generation mode: the one sent, else the model's default.",
                    "type": "string",
                },
            },
            "required": ["job_id", "status", "model", "generation_type"],
            "additionalProperties": False,
        },
        ERRORS: {
            "title": ERRORS,
            "description": "Why a request was refused: every problem, in field order.",
            "type": "object",
            "properties": {
                "errors": {
                    "description": "The problems, at least one.",
                    "type": "array",
                    "minItems": 1,
                    "items": ref(ERROR),
                }
            },
            "required": ["errors"],
            "additionalProperties": False,
        },
        ERROR: {
            "title": ERROR,
            "description": "One problem: where (a JSON pointer), what (a stable code) and why.",
            "type": "object",
            "properties": {
                "field": {
                    "description": "A JSON pointer into the body, such as /prompt; empty for the whole body.",
                    "type": "string",
                },
                "code": ref(ERROR_CODE),
                "message": {
                    "description": "The problem for a person; its wording may change.",
                    "type": "string",
                },
            },
            "required": ["field", "code", "message"],
            "additionalProperties": False,
        },
        ERROR_CODE: {
            "title": ERROR_CODE,
            "description": "The stable code of a problem, as validate_request reports it: "
            + ", ".join(error_codes())
            + ".",
            "type": "string",
            "enum": list(error_codes()),
        },
        MODEL_LIST: {
            "title": MODEL_LIST,
            "description": "Models, each merged from the database's metadata and the spec's limits.",
            "type": "object",
            "properties": {
                "data": {"description": "The entries.", "type": "array", "items": ref(MODEL_ENTRY)}
            },
            "required": ["data"],
            "additionalProperties": False,
        },
        MODEL_ENTRY: {
            "title": MODEL_ENTRY,
            "description": (
                "One model: capabilities() of the generated module, or the database's metadata"
                " for a model the spec does not list. Merge rule: start from the database's"
                " metadata, then overwrite each key capabilities() returns; keys only the"
                " database has (display_name, pricing, ...) pass through."
            ),
            "type": "object",
            "properties": {
                "model_id": {"description": "The id a request's model names.", "type": "string"},
                "generation_types": {
                    "description": "The generation modes; the first is the default.",
                    "type": "array",
                    "items": ref(GENERATION_TYPE),
                },
                "requires_input_media": {
                    "description": "Whether every request must carry source_media_urls.",
                    "type": "boolean",
                },
                "input_media_types": {
                    "description": "The kinds of media source_media_urls may hold.",
                    "type": "array",
                    "items": ref(MEDIA_TYPE),
                },
                "usage_notes": {"description": "Rules and hints for callers.", "type": "string"},
                "limits": ref(ENTRY_LIMITS),
                "family": {
                    "description": "A variant's family: the model whose limits it has.",
                    "type": "string",
                },
                "fixed": {
                    "description": "The request values a variant's id fixes, by field.",
                    "type": "object",
                    "additionalProperties": {"type": ["string", "boolean", "integer", "number"]},
                },
                "display_name": {
                    "description": "The database's name for people.",
                    "type": "string",
                },
                "enabled": {
                    "description": "Whether the product offers the model.",
                    "type": "boolean",
                },
                "pricing": ref(PRICING),
            },
            "required": [
                "model_id",
                "generation_types",
                "requires_input_media",
                "usage_notes",
                "limits",
            ],
            "additionalProperties": True,
        },
        ENTRY_LIMITS: {
            "title": ENTRY_LIMITS,
            "description": "The limits a request to the model must keep.",
            "type": "object",
            "properties": {
                "prompt_max": {
                    "description": "The longest prompt, in characters.",
                    "type": "integer",
                    "minimum": 1,
                },
                "max_images": {"description": "The most image URLs in any mode.", **count},
                "max_videos": {
                    "description": "The most video URLs in any mode; null where the model takes none.",
                    "type": ["integer", "null"],
                    "minimum": 0,
                },
                "duration_options": {
                    "description": "The accepted durations; empty where duration is not a field.",
                    "type": "array",
                    "items": {"description": "A duration, such as 5s.", "type": "string"},
                },
                "negative_prompt": {
                    "description": "Whether negative_prompt is a field.",
                    "type": "boolean",
                },
                "sound": {"description": "Whether sound is a field.", "type": "boolean"},
                "source_media": {
                    "description": "The source_media_urls rule of each generation mode.",
                    "type": "object",
                    "additionalProperties": ref(SOURCE_MEDIA),
                },
                "parameters": {
                    "description": "The model-specific request fields, by name.",
                    "type": "object",
                    "additionalProperties": ref(PARAMETER),
                },
            },
            "required": ["prompt_max"],
        },
        SOURCE_MEDIA: {
            "title": SOURCE_MEDIA,
            "description": "How many URLs of each kind one generation mode takes, and in which order.",
            "type": "object",
            "properties": {
                "min_images": {"description": "The fewest image URLs.", **count},
                "max_images": {"description": "The most image URLs.", **count},
                "min_videos": {"description": "The fewest video URLs.", **count},
                "max_videos": {"description": "The most video URLs.", **count},
                "order": {
                    "description": "The order of kinds the URLs must follow; empty for any order.",
                    "type": "array",
                    "items": ref(MEDIA_TYPE),
                },
            },
        },
        PARAMETER: {
            "title": PARAMETER,
            "description": (
                'A model-specific request field: {"type": "boolean"}, a closed list'
                ' {"type": "string", "values": [...]}, or a ratio {"type": "string", "format": "W:H"}.'
            ),
            "type": "object",
            "properties": {
                "type": {"description": "The field's JSON type.", "type": "string"},
                "values": {
                    "description": "The accepted values of a closed list.",
                    "type": "array",
                    "items": {"description": "One accepted value.", "type": "string"},
                },
                "format": {"description": "The accepted form, such as W:H.", "type": "string"},
            },
            "required": ["type"],
        },
        PRICING: {
            "title": PRICING,
            "description": "The database's pricing hint, passed through as the database has it.",
            "type": "object",
            "properties": {
                "unit": {
                    "description": "What one price buys, such as image or second.",
                    "type": "string",
                },
                "credits": {"description": "The price of one unit, in credits.", "type": "number"},
            },
        },
        GENERATION_TYPE: {
            "title": GENERATION_TYPE,
            "description": "A generation mode of POST /v1/generate/media.",
            "type": "string",
            "enum": list(_spec_enum("generation_type")),
        },
        MEDIA_TYPE: {
            "title": MEDIA_TYPE,
            "description": "A kind of source media.",
            "type": "string",
            "enum": list(_spec_enum("media_type")),
        },
    }
