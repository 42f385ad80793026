"""Validate a loaded spec: its JSON Schema first, then the rules a schema cannot express.

Every problem becomes a located SpecError; all of them are collected, none stops the rest.
The rules JSON Schema cannot express live in ``_semantic_errors`` and nowhere else.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from generator.errors import SpecError
from generator.loader import Document, Loc
from generator.resources import spec_schema_path

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@cache
def spec_schema() -> dict[str, Any]:
    """The spec's JSON Schema (Draft 2020-12), as shipped with the tool."""
    with open(spec_schema_path(), encoding="utf-8") as f:
        schema: dict[str, Any] = json.load(f)
    return schema


def validate_document(doc: Document) -> list[SpecError]:
    """Every problem of ``doc``: load errors, schema errors and semantic errors, sorted."""
    located = list(_schema_errors(doc))
    errors = doc.errors + [error for _, error in located]
    broken = {_model_of(loc) for loc, _ in located}
    if isinstance(doc.data, dict):
        errors += _semantic_errors(doc, broken)
    return sorted(set(errors))


def _model_of(loc: Loc) -> str | None:
    return str(loc[1]) if len(loc) >= 2 and loc[0] == "models" else None


def _schema_errors(doc: Document) -> Iterator[tuple[Loc, SpecError]]:
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(spec_schema())
    for error in validator.iter_errors(doc.data):
        yield from _explain(doc, error)


def _explain(doc: Document, error: Any) -> Iterator[tuple[Loc, SpecError]]:
    """Turn one jsonschema error into messages a person can act on, at the right place."""
    loc: Loc = tuple(error.absolute_path)
    kind, instance, schema = error.validator, error.instance, error.schema
    expected = error.validator_value
    if kind in ("anyOf", "oneOf", "allOf") and error.context:
        for sub in error.context:
            yield from _explain(doc, sub)
        return
    if kind == "additionalProperties" and isinstance(instance, dict):
        known = sorted(schema.get("properties", {}))
        for key in sorted(set(instance) - set(known)):
            yield (*loc, key), doc.error((*loc, key), _unknown_key(key, known), key=True)
        return
    if kind == "propertyNames":
        for sub in error.context or []:
            name = sub.instance
            message = f"invalid model id {_short(name)}: {_rule(sub.schema)}"
            yield (*loc, name), doc.error((*loc, name), message, key=True)
        return
    yield loc, doc.error(loc, _message(kind, instance, expected, schema))


def _message(kind: str, instance: Any, expected: Any, schema: Mapping[str, Any]) -> str:
    if kind == "type":
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in _listify(expected))
        return f"expected {wanted}, got {_json_type(instance)} {_short(instance)}"
    if kind == "required":
        missing = [k for k in _listify(expected) if k not in instance]
        return "missing required field " + ", ".join(repr(k) for k in missing)
    if kind == "enum":
        choices = ", ".join(str(c) for c in expected)
        hint = _did_you_mean(str(instance), [str(c) for c in expected])
        return f"unknown value {_short(instance)}{hint}; expected one of: {choices}"
    if kind == "minimum":
        return f"{_short(instance)} is below the minimum of {expected}"
    if kind == "maximum":
        return f"{_short(instance)} is above the maximum of {expected:,}"
    if kind == "minItems":
        return f"must list at least {expected} value" + ("s" if expected != 1 else "")
    if kind == "minProperties":
        return f"must hold at least {expected} entr" + ("ies" if expected != 1 else "y")
    if kind == "uniqueItems":
        seen: list[Any] = []
        dups = [x for x in instance if x in seen or seen.append(x)]
        return f"lists {_short(dups[0]) if dups else 'a value'} more than once"
    if kind == "minLength":
        return "must not be empty" if expected == 1 else f"must be at least {expected} characters"
    if kind == "maxLength":
        return f"is {len(instance):,} characters long; the limit is {expected:,}"
    if kind == "pattern":
        return f"{_short(instance)} is not valid: {_rule(schema)}"
    return f"{_short(instance)} is not valid ({kind})"


_TYPE_NAMES = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "boolean": "true or false",
    "null": "nothing (null)",
    "number": "a number",
}


def _rule(schema: Mapping[str, Any]) -> str:
    description = str(schema.get("description", ""))
    return description.rstrip(".") or f"must match {schema.get('pattern')}"


def _listify(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return "null"


def _short(value: Any, limit: int = 60) -> str:
    """A bounded rendering of a value: never print a whole expanded structure."""
    if isinstance(value, dict):
        return f"{{…{len(value)} keys}}"
    if isinstance(value, list):
        return f"[…{len(value)} items]"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unknown_key(key: str, known: list[str]) -> str:
    return f"unknown field {key!r}{_did_you_mean(key, known)}"


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    if not close:
        lowered = {c.lower(): c for c in choices}
        close = [lowered[word.lower()]] if word.lower() in lowered else []
    return f"; did you mean {close[0]!r}?" if close else ""


def _semantic_errors(doc: Document, broken: set[str | None]) -> list[SpecError]:
    """The rules JSON Schema cannot express, checked on every model the schema accepted."""
    assert isinstance(doc.data, dict)
    errors: list[SpecError] = []
    errors += _text_errors(doc, doc.data, ())
    fields = doc.data.get("request_fields")
    if isinstance(fields, list):
        seen_fields: set[object] = set()
        for i, entry in enumerate(fields):
            name = entry.get("field") if isinstance(entry, dict) else None
            if name in seen_fields:
                errors.append(doc.error(("request_fields", i, "field"), "listed twice"))
            seen_fields.add(name)
    models = doc.data.get("models")
    if not isinstance(models, dict):
        return errors
    folded: dict[str, str] = {}
    for model_id, model in models.items():
        other = folded.setdefault(model_id.casefold(), model_id)
        if other != model_id:
            message = f"differs from model {other} only in case; ids must differ in more"
            errors.append(doc.error(("models", model_id), message, key=True))
        if model_id not in broken and isinstance(model, dict):
            errors += _model_errors(doc, model_id, model)
    return errors


def _text_errors(doc: Document, value: object, loc: Loc) -> list[SpecError]:
    """Control characters would corrupt a table row or a literal: reject them where they are."""
    if isinstance(value, str):
        match = _CONTROL.search(value)
        if match:
            code = f"U+{ord(match.group()):04X}"
            return [doc.error(loc, f"contains control character {code}; remove it")]
        return []
    if isinstance(value, dict):
        return [e for k, v in value.items() for e in _text_errors(doc, v, (*loc, k))]
    if isinstance(value, list):
        return [e for i, v in enumerate(value) for e in _text_errors(doc, v, (*loc, i))]
    return []


def _model_errors(doc: Document, model_id: str, model: dict[str, Any]) -> list[SpecError]:
    loc: Loc = ("models", model_id)
    errors: list[SpecError] = []
    types = model["generation_types"]
    media = model.get("input_media_types", [])
    max_images = model.get("max_images", 0)
    max_videos = model.get("max_videos")
    videos_allowed = bool(max_videos)
    if model["requires_input"] and max_images == 0 and not videos_allowed:
        message = "requires_input is true, but max_images is 0 and max_videos is not set"
        errors.append(doc.error((*loc, "requires_input"), message))
    for i, kind in enumerate(types):
        if kind.startswith("image-to-") and max_images == 0:
            message = f"{kind} needs input images, but max_images is 0"
            errors.append(doc.error((*loc, "generation_types", i), message))
    if videos_allowed and "video" not in media:
        message = f"max_videos is {max_videos}, but input_media_types does not list video"
        errors.append(doc.error((*loc, "max_videos"), message))
    makes_video = any(t.endswith("-to-video") for t in types)
    for key in ("duration_options", "sound"):
        if model.get(key) and not makes_video:
            message = f"{key} is set, but no generation type makes a video"
            errors.append(doc.error((*loc, key), message))
    return errors
