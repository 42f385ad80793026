"""Validate a loaded spec: its JSON Schema first, then the rules a schema cannot express.

Every problem becomes a located SpecError; all of them are collected, none stops the rest.
The rules JSON Schema cannot express live in ``_semantic_errors`` and nowhere else.
"""

from __future__ import annotations

import datetime
import difflib
import hashlib
import json
import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from modelspec.cache.memo import write_later
from modelspec.errors import SpecError
from modelspec.files import read_if_regular
from modelspec.resources import spec_schema_path
from modelspec.spec.loader import Document, Loc
from modelspec.spec.model import default_input_rule, fingerprint
from modelspec.spec.names import REQUEST, RESERVED_WORDS, field_name_problem, request_name
from modelspec.spec.variants import variant_errors

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


@cache
def spec_schema() -> dict[str, Any]:
    """The spec's JSON Schema (Draft 2020-12), as shipped with the tool."""
    with open(spec_schema_path(), encoding="utf-8") as f:
        schema: dict[str, Any] = json.load(f)
    return schema


def validate_document(
    doc: Document, cache: Path | None = None, fingerprints: Mapping[str, str] | None = None
) -> list[SpecError]:
    """Every problem of ``doc``: load errors, schema errors and semantic errors, sorted.

    With a ``cache`` folder, models that an earlier run found valid against this same schema
    (the same model id and data, hashed) skip the JSON Schema; everything else runs in full.
    ``fingerprints`` are the models' fingerprints when the caller has them already.
    """
    proven = _ProvenModels(cache, doc.data, fingerprints)
    located = list(_schema_errors(doc, proven.known))
    located += _name_errors(doc, proven.known)  # whatever the cache says: names become paths
    errors = doc.errors + [error for _, error in located]
    broken = {_model_of(loc) for loc, _ in located} | {_model_of(loc) for loc in doc.rejected}
    if isinstance(doc.data, dict):
        errors += _semantic_errors(doc, broken, proven.known)
    if not errors:
        proven.save()
    return sorted(set(errors))


class _ProvenModels:
    """The hashes of models that passed the schema, kept between runs in the cache folder.

    A hash covers the model id, its data, the schema's bytes and the jsonschema version, so
    a changed model, schema or validator is validated again. Only a fully valid spec is saved.
    """

    def __init__(
        self, cache: Path | None, data: object, fingerprints: Mapping[str, str] | None
    ) -> None:
        self.hashes: dict[str, str] = {}
        self.known: set[str] = set()
        self.file: Path | None = None
        self.cache: Path | None = None
        self.relative = ""
        models = data.get("models") if isinstance(data, dict) else None
        if cache is None or not isinstance(models, dict):
            return
        from importlib.metadata import version

        salt = hashlib.sha256(spec_schema_path().read_bytes())
        salt.update(Path(__file__).read_bytes())  # the rules below the schema
        salt.update(f"jsonschema {version('jsonschema')}".encode())
        self.cache, self.relative = cache, f"spec-schema/{salt.hexdigest()}.txt"
        self.file = cache / self.relative
        for model_id, model in models.items():
            known = fingerprints.get(model_id) if fingerprints is not None else None
            self.hashes[model_id] = known or fingerprint(model_id, model)
        # A hash per line; anything else (damage, a folder, a FIFO, a huge file) is no proof.
        raw = read_if_regular(self.file, 65 * len(self.hashes) + 1024)
        saved = set(raw.decode("ascii", "replace").split()) if raw is not None else set()
        self.known = {model_id for model_id, h in self.hashes.items() if h in saved}

    def save(self) -> None:
        if self.cache is None or self.known == set(self.hashes):
            return
        data = "".join(f"{h}\n" for h in sorted(self.hashes.values())).encode("ascii")
        write_later(self.cache, self.relative, data)


def _name_errors(doc: Document, known: Collection[str]) -> list[tuple[Loc, SpecError]]:
    """The schema's rules for the model ids and parameter names of the models in ``known``,
    which skipped the schema: they become file names and Python names, so no cache that
    claims a model valid may let a bad one (``../../x``) through."""
    models = doc.data.get("models") if isinstance(doc.data, dict) else None
    if not known or not isinstance(models, dict):
        return []
    from jsonschema import Draft202012Validator

    names: dict[str, dict[str, Any]] = {}
    for model_id in known:
        model = models.get(model_id)
        parameters = model.get("parameters") if isinstance(model, dict) else None
        names[model_id] = {"parameters": parameters} if isinstance(parameters, dict) else {}
    model_ok, parameter_ok = _name_checks()
    if all(
        model_ok(model_id) and all(map(parameter_ok, entry.get("parameters", {})))
        for model_id, entry in names.items()
    ):
        return []  # the common case, 50 times faster; the validator words any problem
    validator = Draft202012Validator(_names_schema())
    errors = validator.iter_errors({"models": names})
    return [pair for error in errors for pair in _explain(doc, error)]


@cache
def _name_checks() -> tuple[Callable[[object], bool], Callable[[object], bool]]:
    """Quick yes/no checks of a model id and of a parameter name, read off the schema's own
    definitions (pattern, lengths, excluded names); a no goes to the validator for words."""
    defs = spec_schema()["$defs"]

    def check(definition: dict[str, Any]) -> Callable[[object], bool]:
        pattern = re.compile(definition["pattern"])
        low, high = definition.get("minLength", 0), definition.get("maxLength", 1 << 30)
        excluded = set(definition.get("not", {}).get("enum", ()))
        known_keys = {"description", "type", "pattern", "minLength", "maxLength", "not"}
        if set(definition) - known_keys or set(definition.get("not", {})) - {"enum"}:
            return lambda _name: False  # a rule this check does not know: ask the validator

        def ok(name: object) -> bool:
            return (
                isinstance(name, str)
                and low <= len(name) <= high
                and pattern.search(name) is not None
                and name not in excluded
            )

        return ok

    return check(defs["model_id"]), check(defs["parameter_name"])


@cache
def _names_schema() -> dict[str, Any]:
    """The part of the spec's schema that constrains model ids and parameter names."""
    names = {
        "propertyNames": {"$ref": "#/$defs/model_id"},
        "additionalProperties": {
            "properties": {"parameters": {"propertyNames": {"$ref": "#/$defs/parameter_name"}}}
        },
    }
    return {"$defs": spec_schema()["$defs"], "properties": {"models": names}}


def _model_of(loc: Loc) -> str | None:
    return str(loc[1]) if len(loc) >= 2 and loc[0] == "models" else None


def _schema_errors(doc: Document, known: set[str]) -> Iterator[tuple[Loc, SpecError]]:
    """The schema's complaints, one per problem: a value the loader refused, or whose type is
    wrong, is not also reported for its range, and a bad key is reported once. The models in
    ``known`` passed this schema before and are left out (one stays: models needs one)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(spec_schema())
    instance = doc.data
    if known and isinstance(instance, dict) and isinstance(instance.get("models"), dict):
        models = instance["models"]
        rest = {k: v for k, v in models.items() if k not in known}
        if not rest:
            first = next(iter(models))
            rest = {first: models[first]}
        instance = {**instance, "models": rest}
    errors = [e for e in validator.iter_errors(instance) if not _refused(doc, e.absolute_path)]
    mistyped = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    bad_keys: set[Loc] = set()
    for error in errors:
        if error.validator != "type" and tuple(error.absolute_path) in mistyped:
            continue
        if _names_a_key(error):
            key = (*error.absolute_path, error.instance)
            if key in bad_keys:
                continue
            bad_keys.add(key)
        yield from _explain(doc, error)


def _refused(doc: Document, path: Iterable[str | int]) -> bool:
    loc = tuple(path)
    return any(loc[: len(refused)] == refused for refused in doc.rejected)


def _names_a_key(error: Any) -> bool:
    return "propertyNames" in error.absolute_schema_path


def _explain(doc: Document, error: Any) -> Iterator[tuple[Loc, SpecError]]:
    """Turn one jsonschema error into messages a person can act on, at the right place."""
    loc: Loc = tuple(error.absolute_path)
    kind, instance, schema = error.validator, error.instance, error.schema
    expected = error.validator_value
    if kind in ("anyOf", "oneOf") and error.context:
        yield from _explain_choice(doc, error)
        return
    if kind == "allOf" and error.context:
        for sub in error.context:
            yield from _explain(doc, sub)
        return
    if _names_a_key(error):
        at = (*loc, str(instance))
        what = "model id" if loc == ("models",) else "key"
        yield at, doc.error(at, _bad_name(what, kind, instance, expected, schema), key=True)
        return
    if kind == "additionalProperties" and expected is False and isinstance(instance, dict):
        known = sorted(schema.get("properties", {}))
        for key in sorted(set(instance) - set(known)):
            at = (*loc, key)
            yield at, doc.error(at, "unknown field" + _did_you_mean(key, known), key=True)
        return
    if kind == "required":
        # A model's required keys sit in an if/else (one that extends another may omit them):
        # its field names, for "did you mean", are those of the model.
        fields = schema if "properties" in schema else spec_schema()["$defs"]["model"]
        missing = _missing(instance, expected, fields)
        if missing:
            yield loc, doc.error(loc, missing, key=True)
        return
    yield loc, doc.error(loc, _message(kind, instance, expected, schema))


def _explain_choice(doc: Document, error: Any) -> Iterator[tuple[Loc, SpecError]]:
    """A value fits none of several forms: explain the one form it nearly fits, else the choice."""
    branches: dict[int, list[Any]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    # Forms told apart by a tag (type: boolean, type: integer, ...): the value's tag picks the
    # form it nearly fits, however few the errors of the others; a tag no form has is the error.
    tags = {str(s.absolute_path[-1]) for s in error.context if s.validator == "const"}
    given = tags & set(error.instance) if isinstance(error.instance, dict) else set()
    if given:
        forms = error.validator_value
        tagging = {
            i: subs for i, subs in branches.items() if given & set(forms[i].get("properties", {}))
        }
        matching = {
            i: subs for i, subs in tagging.items() if all(s.validator != "const" for s in subs)
        }
        if matching:
            branches = matching
        elif tagging:
            yield from _explain_tag(doc, error)
            return
    fewest = min(len(subs) for subs in branches.values())
    nearest = [subs for subs in branches.values() if len(subs) == fewest]
    if len(nearest) == 1:
        for sub in nearest[0]:
            yield from _explain(doc, sub)
        return
    loc: Loc = tuple(error.absolute_path)
    yield loc, doc.error(loc, f"matches none of the allowed forms; expected {_rule(error.schema)}")
    if isinstance(error.instance, dict):
        forms = [form for form in error.validator_value if isinstance(form, dict)]
        known = sorted({key for form in forms for key in form.get("properties", {})})
        for key in sorted(set(error.instance) - set(known)):
            at = (*loc, key)
            yield at, doc.error(at, "unknown field" + _did_you_mean(key, known), key=True)


def _explain_tag(doc: Document, error: Any) -> Iterator[tuple[Loc, SpecError]]:
    """Every form is told apart by a tag (``type: boolean``) and the value's fits none."""
    tags: dict[str, list[Any]] = {}
    for sub in error.context:
        if sub.validator == "const":
            tags.setdefault(str(sub.absolute_path[-1]), []).append(sub.validator_value)
    for key, allowed in sorted(tags.items()):
        at = (*error.absolute_path, key)
        given = _short(error.instance[key])
        yield at, doc.error(at, f"{given} is not one of: {', '.join(map(str, allowed))}")


def _bad_name(what: str, kind: str, name: Any, expected: Any, schema: Mapping[str, Any]) -> str:
    if kind in ("pattern", "not"):
        return f"invalid {what}; expected {_rule(schema)}"
    return f"invalid {what}: {_message(kind, name, expected, schema)}"


def _missing(instance: Any, required: Any, schema: Mapping[str, Any]) -> str:
    """Name the missing fields, except one an unknown key already suggests ("did you mean")."""
    known = list(schema.get("properties", {}))
    suggested = {_nearest(key, known) for key in instance if key not in known}
    missing = [k for k in _listify(required) if k not in instance and k not in suggested]
    if not missing:
        return ""
    names = [_quote(k) for k in missing]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"missing required field{'s' if len(names) > 1 else ''} {listed}"


def _message(kind: str, instance: Any, expected: Any, schema: Mapping[str, Any]) -> str:
    if kind == "type":
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in _listify(expected))
        return f"expected {wanted}, got {_a_value(instance)}"
    if kind == "enum":
        choices = ", ".join(str(c) for c in expected)
        hint = _did_you_mean(str(instance), [str(c) for c in expected])
        return f"{_short(instance)} is not one of: {choices}{hint}"
    if kind == "minimum":
        return f"{_short(instance)} is below the minimum of {expected}"
    if kind == "maximum":
        return f"{_short(instance)} is above the maximum of {expected}"
    if kind in ("minItems", "minProperties", "minLength") and expected == 1:
        return "must not be empty"
    if kind == "minItems":
        return f"must list at least {expected} values"
    if kind == "minProperties":
        return f"must hold at least {expected} entries"
    if kind == "minLength":
        return f"must be at least {expected} characters long"
    if kind == "uniqueItems":
        return f"lists {_first_repeat(instance)} more than once"
    if kind == "maxLength":
        return f"{len(instance):,} characters long; the limit is {expected:,}"
    if kind == "pattern":
        return f"{_short(instance)} is not valid; expected {_rule(schema)}"
    if kind == "const":
        return f"expected {_short(expected)}, got {_short(instance)}"
    if kind == "not":
        return f"{_short(instance)} is not allowed here; expected {_rule(schema)}"
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


def _first_repeat(items: list[Any]) -> str:
    seen: set[str] = set()
    for item in items:
        key = json.dumps(item, sort_keys=True)
        if key in seen:
            return _short(item)
        seen.add(key)
    return "a value"


def _rule(schema: Mapping[str, Any]) -> str:
    """What a pattern means, from the schema's description, to follow "expected"."""
    description = str(schema.get("description", "")).rstrip(".")
    if not description:
        return f"a value matching {schema.get('pattern')}"
    return description[:1].lower() + description[1:]


def _listify(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list | tuple) else [value]


def _a_value(value: Any) -> str:
    """A value and its kind, as a person would say it: ``the string "5000"``, ``a list of 2 items``."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"the boolean {_short(value)}"
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the number {_short(value)}"
    if isinstance(value, str):
        return f"the string {_short(value)}"
    if isinstance(value, list):
        return f"a list of {_count(len(value), 'item')}"
    if isinstance(value, dict):
        return f"a mapping of {_count(len(value), 'key')}"
    return _short(value)  # pragma: no cover - the loader yields only these kinds


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' if n != 1 else ''}"


def _short(value: Any, limit: int = 60) -> str:
    """A bounded rendering of a value: never print a whole expanded structure."""
    if isinstance(value, dict):
        return f"{{…{_count(len(value), 'key')}}}"
    if isinstance(value, list):
        return f"[…{_count(len(value), 'item')}]"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quote(text: str) -> str:
    return _short(text)


def _nearest(word: str, choices: list[str]) -> str | None:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.5)
    if close:
        return close[0]
    lowered = {c.lower(): c for c in choices}
    return lowered.get(word.lower())


def _did_you_mean(word: str, choices: list[str]) -> str:
    nearest = _nearest(word, choices)
    return f"; did you mean {_quote(nearest)}?" if nearest else ""


def _semantic_errors(
    doc: Document, broken: set[str | None], known: Collection[str] = ()
) -> list[SpecError]:
    """The rules JSON Schema cannot express, checked on every model the schema accepted.

    A model in ``known`` passed every rule of one model before (same data, same rules), so
    only the rules across models run on it.
    """
    assert isinstance(doc.data, dict)
    errors: list[SpecError] = []
    for key, value in doc.data.items():
        if key == "models" and isinstance(value, dict):
            for model_id, model in value.items():
                if model_id not in known:
                    errors += _text_errors(doc, model, ("models", model_id))
        else:
            errors += _text_errors(doc, value, (key,))
    fields = doc.data.get("request_fields")
    if isinstance(fields, list):
        first: dict[str, int] = {}
        for i, entry in enumerate(fields):
            name = entry.get("field") if isinstance(entry, dict) else None
            if not isinstance(name, str):
                continue
            if name in first:
                message = f"{_quote(name)} is already listed at request_fields[{first[name]}]"
                errors.append(doc.error(("request_fields", i, "field"), message))
            first.setdefault(name, i)
    models = doc.data.get("models")
    if not isinstance(models, dict):
        return errors
    folded: dict[str, str] = {}
    classes: dict[str, str] = {}
    for model_id, model in models.items():
        other = folded.setdefault(model_id.casefold(), model_id)
        if other != model_id:
            message = f"differs from model {other} only in letter case; ids must differ in more"
            errors.append(doc.error(("models", model_id), message, key=True))
        elif request_name(model_id) == REQUEST:
            message = (
                f"gives the schema and class name {REQUEST}, which is the name of the request "
                "union of all models; choose another id"
            )
            errors.append(doc.error(("models", model_id), message, key=True))
        elif (other := classes.setdefault(request_name(model_id), model_id)) != model_id:
            message = (
                f"gives the same schema and class name, {request_name(model_id)}, as model "
                f"{other}; ids must differ in more than punctuation"
            )
            errors.append(doc.error(("models", model_id), message, key=True))
        if model_id not in broken and isinstance(model, dict):
            errors += _field_name_errors(doc, model_id, model)  # names: whatever the cache says
            if model_id not in known:
                errors += _model_errors(doc, model_id, model)
                errors += _parameter_errors(doc, model_id, model)
                errors += _silence_errors(doc, model_id, model)
                errors += _reserved_word_errors(doc, model_id, model)
            errors += _deprecation_errors(doc, model_id, model, models)
    errors += variant_errors(doc, models, broken, _model_id_problem, (folded, classes))
    return errors


def _model_id_problem(name: str) -> str | None:
    """Why ``name`` breaks the schema's rule for model ids, if it does: variant ids are
    model ids the schema never sees."""
    if _name_checks()[0](name):
        return None
    from jsonschema import Draft202012Validator

    definition = spec_schema()["$defs"]["model_id"]
    for error in Draft202012Validator(definition).iter_errors(name):
        if error.validator == "pattern":
            return f"expected {_rule(definition)}"
        return _message(error.validator, name, error.validator_value, definition)
    return None


def _field_name_errors(doc: Document, model_id: str, model: dict[str, Any]) -> list[SpecError]:
    """A parameter becomes a field of the model's Pydantic class: a few names cannot be one."""
    parameters = model.get("parameters")
    errors: list[SpecError] = []
    for name in parameters if isinstance(parameters, dict) else ():
        problem = field_name_problem(str(name))
        if problem is not None:
            message = (
                f"{_quote(name)} cannot be a field of the generated Pydantic models: {problem}; "
                "choose another name"
            )
            errors.append(doc.error(("models", model_id, "parameters", name), message, key=True))
    return errors


def _reserved_word_errors(doc: Document, model_id: str, model: dict[str, Any]) -> list[SpecError]:
    """The Pydantic generator marks ids and class names with placeholders, put back by plain
    replacement: a model's id, notes or parameter values must not hold them."""
    texts: list[tuple[Loc, str, bool]] = [(("models", model_id), model_id, True)]
    texts.append((("models", model_id, "usage_notes"), str(model.get("usage_notes", "")), False))
    for name, parameter in model.get("parameters", {}).items():
        for i, value in enumerate(parameter.get("values", [])):
            texts.append((("models", model_id, "parameters", name, "values", i), value, False))
        if isinstance(parameter.get("default"), str):
            loc = ("models", model_id, "parameters", name, "default")
            texts.append((loc, parameter["default"], False))
    return [
        doc.error(loc, f"contains {_quote(word)}, which modelspec reserves; rephrase it", key=key)
        for loc, text, key in texts
        for word in RESERVED_WORDS
        if word in text
    ]


def _text_errors(doc: Document, value: object, loc: Loc) -> list[SpecError]:
    """Control characters would corrupt a table row or a literal: reject them where they are."""
    if isinstance(value, str):
        match = _CONTROL.search(value)
        if match:
            code = f"U+{ord(match.group()):04X}"
            return [doc.error(loc, f"contains control character {code}; remove it")]
        match = _SURROGATE.search(value)
        if match:  # JSON and YAML escapes can write one; no output can hold it
            code = f"U+{ord(match.group()):04X}"
            return [doc.error(loc, f"contains a lone surrogate, {code}; remove it")]
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
        videos = "not set" if max_videos is None else max_videos
        message = f"is true, but the model takes no input: max_images is 0, max_videos is {videos}"
        errors.append(doc.error((*loc, "requires_input"), message))
    for i, kind in enumerate(types):
        if kind.startswith("image-to-") and max_images == 0:
            message = f"{kind} needs input images, but max_images is 0"
            errors.append(doc.error((*loc, "generation_types", i), message))
    if videos_allowed and "video" not in media:
        message = f"max_videos is {max_videos}, but input_media_types does not list video"
        errors.append(doc.error((*loc, "max_videos"), message))
    offered = {
        "duration": ("duration_options", bool(model.get("duration_options"))),
        "negative_prompt": ("negative_prompt", bool(model.get("negative_prompt"))),
        "sound": ("sound", bool(model.get("sound"))),
    }
    for i, name in enumerate(model.get("ignored", [])):
        key, offers = offered[name]
        if offers:
            message = f"{name} is offered ({key} is set), so the model cannot also ignore it"
            errors.append(doc.error((*loc, "ignored", i), message))
    makes_video = any(t.endswith("-to-video") for t in types)
    for key in ("duration_options", "sound"):
        if model.get(key) and not makes_video:
            message = f"{key} is set, but no generation type makes a video"
            errors.append(doc.error((*loc, key), message))
    return errors or _input_errors(doc, loc, model)


def _parameter_errors(doc: Document, model_id: str, model: dict[str, Any]) -> list[SpecError]:
    """A parameter's bounds are in order and finite, and its default is a value it accepts."""
    errors: list[SpecError] = []
    for name, parameter in model.get("parameters", {}).items():
        loc: Loc = ("models", model_id, "parameters", name)
        unwritable = [
            doc.error((*loc, key), _number_problem(parameter[key]))
            for key in ("minimum", "maximum", "default")
            if isinstance(parameter.get(key), float) and _number_problem(parameter[key])
        ]
        if unwritable:
            errors += unwritable
            continue
        low, high = parameter.get("minimum"), parameter.get("maximum")
        if low is not None and high is not None and low > high:
            message = f"{_short(high)} is below the minimum, {_short(low)}"
            errors.append(doc.error((*loc, "maximum"), message))
            continue
        if "default" in parameter:
            problem = _default_problem(parameter)
            if problem is not None:
                errors.append(doc.error((*loc, "default"), problem))
    return errors


def _number_problem(value: float) -> str:
    """Why a number cannot be a bound or default, or "": it must be finite, and 0 or at least
    0.0001 in magnitude, where every output (JSON, YAML, Python, the messages) writes the same
    digits the same way; 0.00001 would read 1e-05 in one and 0.00001 in another."""
    if not math.isfinite(value):
        return f"{value} is not a finite number"
    if value and abs(value) < 0.0001:
        return f"{_short(value)} is too close to 0; use 0, or at least 0.0001 in magnitude"
    return ""


def _default_problem(parameter: dict[str, Any]) -> str | None:
    """Why a parameter's default is not a value the parameter accepts, or None."""
    default = parameter["default"]
    shown = _short(default)
    if "values" in parameter and default not in parameter["values"]:
        hint = _did_you_mean(str(default), parameter["values"])
        return f"{shown} is not one of values: {', '.join(parameter['values'])}{hint}"
    low, high = parameter.get("minimum"), parameter.get("maximum")
    if low is not None and default < low:
        return f"{shown} is below the minimum, {_short(low)}"
    if high is not None and default > high:
        return f"{shown} is above the maximum, {_short(high)}"
    most = parameter.get("max_length")
    if most is not None and len(default) > most:
        return f"{len(default):,} characters long; max_length is {most:,}"
    return None


def _input_errors(doc: Document, loc: Loc, model: dict[str, Any]) -> list[SpecError]:
    """Per-mode input counts must fit the model's limits and agree with requires_input."""
    errors: list[SpecError] = []
    types = model["generation_types"]
    given = model.get("inputs", {})
    for kind in given:
        if kind not in types:
            message = "is not one of the model's generation_types"
            errors.append(doc.error((*loc, "inputs", kind), message, key=True))
    model_max = {"images": model.get("max_images", 0), "videos": model.get("max_videos") or 0}
    needs_input = []
    for kind in types:
        rule = default_input_rule(kind, model_max["images"]) | given.get(kind, {})
        needs_input.append(rule["min_images"] + rule["min_videos"] > 0)
        if kind not in given:
            continue  # the defaults fit the model by construction
        where: Loc = (*loc, "inputs", kind)
        for media in ("images", "videos"):
            low, high = rule[f"min_{media}"], rule[f"max_{media}"]
            if low > high:
                message = f"{low} is above max_{media} ({high})"
                errors.append(doc.error((*where, f"min_{media}"), message))
            if high > model_max[media]:
                message = f"{high} is above the model's max_{media} ({model_max[media]})"
                errors.append(doc.error((*where, f"max_{media}"), message))
        if kind.startswith("image-to-") and rule["max_images"] == 0:
            errors.append(doc.error(where, f"{kind} takes no images; allow at least one"))
        for media in rule.get("order", []):
            if rule[f"max_{media}s"] == 0:
                message = f"lists {media}, but {kind} takes no {media}"
                errors.append(doc.error((*where, "order"), message))
    if errors:
        return errors
    if model["requires_input"] != all(needs_input):
        optional = [k for k, needs in zip(types, needs_input, strict=True) if not needs]
        message = (
            f"is true, but {', '.join(optional)} takes no input"
            if model["requires_input"]
            else "is false, but every generation type needs an input"
        )
        errors.append(doc.error((*loc, "requires_input"), message))
    return errors


def _deprecation_errors(
    doc: Document, model_id: str, model: dict[str, Any], models: dict[str, Any]
) -> list[SpecError]:
    """A deprecation's dates are real days, in order, and its replacement is another model."""
    deprecated = model.get("deprecated")
    if deprecated is None:
        return []
    loc: Loc = ("models", model_id, "deprecated")
    errors: list[SpecError] = []
    days: dict[str, datetime.date] = {}
    for key in ("since", "sunset"):
        try:
            days[key] = datetime.date.fromisoformat(deprecated[key])
        except ValueError:
            errors.append(doc.error((*loc, key), f"{deprecated[key]} is not a calendar date"))
    if len(days) == 2 and days["since"] > days["sunset"]:
        message = f"{deprecated['sunset']} is before since ({deprecated['since']})"
        errors.append(doc.error((*loc, "sunset"), message))
    replacement = deprecated.get("replacement")
    if replacement == model_id:
        errors.append(doc.error((*loc, "replacement"), "names the model itself"))
    elif replacement is not None and replacement not in models:
        hint = _did_you_mean(replacement, list(models))
        message = f"{_quote(replacement)} is not a model of this spec{hint}"
        errors.append(doc.error((*loc, "replacement"), message))
    return errors


def _silence_errors(doc: Document, model_id: str, model: dict[str, Any]) -> list[SpecError]:
    """Each lint rule is silenced at most once per model, so each silence has one reason."""
    errors: list[SpecError] = []
    first: dict[str, int] = {}
    for i, entry in enumerate(model.get("lint", {}).get("ignore", [])):
        rule = entry["rule"]
        if rule in first:
            message = f"{rule} is already silenced at lint.ignore[{first[rule]}]"
            errors.append(doc.error(("models", model_id, "lint", "ignore", i, "rule"), message))
        first.setdefault(rule, i)
    return errors
