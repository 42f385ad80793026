"""A model's request schema as named OpenAPI components, for client generators.

The contract (``contract.py``) writes each model's request as one schema, with its enums and
per-mode members inline. Code generators name inline schemas after the property, so 60
models give ``Duration``, ``Duration2`` … ``Duration14`` and ``Seedance15ProRequest1``: names
that change whenever a model is added before another. Here every such part becomes a
component whose name is built from the model's own class name:

- ``{Model}Request``: the request (a closed object, or ``oneOf`` its per-mode members);
- ``{Model}Request{Mode}``: the member for one generation mode (``…RequestTextToVideo``);
- ``{Model}Request{Field}``: a closed list of values (``…RequestDuration``, ``…RequestQuality``).

Each has ``title`` equal to its name (openapi-python-client names classes after the title)
and a description: a field's from the usage notes' sentences that name it, after what the
data says. The schemas accept exactly the bodies the inline ones do; only the layout differs.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from modelspec.render import contract, wire
from modelspec.spec.model import Model
from modelspec.spec.names import request_name


def camel(name: str) -> str:
    """``text-to-video`` → ``TextToVideo``; ``fixed_lens`` → ``FixedLens``."""
    return "".join(word[:1].upper() + word[1:] for word in re.split(r"[^A-Za-z0-9]+", name))


def component_names(model: Model) -> list[str]:
    """Every component name ``model_components`` gives ``model``, the request's first;
    worked out from the data alone, so a model whose section comes from the memo costs little."""
    base = request_name(model.model_id)
    fixed = {name for name, _ in model.fixed}
    parts = []
    if len(model.inputs) > 1:
        parts += [base + camel(rule.generation_type) for rule in model.inputs]
    if model.duration_options and "duration" not in fixed:
        parts.append(base + "Duration")
    parts += [
        base + camel(p.name) for p in model.parameters if p.kind == "values" and p.name not in fixed
    ]
    return [base, *sorted(parts)]  # a repeat is a clash: openapi.check_names reports it


def model_components(model: Model) -> dict[str, Any]:
    """The components of one model's request, the request itself first."""
    base = request_name(model.model_id)
    schema = copy.deepcopy(contract.request_schema(model))
    parts: dict[str, Any] = {}
    head: dict[str, Any] = {"title": base, "description": contract.description(model)}
    if "oneOf" in schema:
        members = []
        for member in schema["oneOf"]:
            mode = member["properties"]["generation_type"]["const"]
            name = base + camel(mode)
            _lift(model, base, member["properties"], parts)
            described = f"A request to {model.model_id} in {mode} mode."
            parts[name] = {"title": name, "description": described, **member}
            members.append({"$ref": f"#/components/schemas/{name}"})
        head["oneOf"] = members
    else:
        _lift(model, base, schema["properties"], parts)
        head.update(schema)
    head["examples"] = contract.examples(model)
    return {base: head, **dict(sorted(parts.items()))}


def _lift(model: Model, base: str, properties: dict[str, Any], parts: dict[str, Any]) -> None:
    """Move each closed list of ``properties`` into a component; describe every field."""
    for field, prop in properties.items():
        notes = _noted(model, field)
        if prop.get("items") == wire.url_schema():  # one shared component, not one per model
            prop["items"] = wire.ref(wire.HTTPS_URL)
        if "enum" in prop:
            name = base + camel(field)
            described = prop.pop("description", None) or _kind(prop)
            if notes:
                described = f"{described} {notes}"
            parts[name] = {"title": name, "description": described, **prop}
            properties[field] = {"$ref": f"#/components/schemas/{name}"}
            continue
        described = prop.get("description") or _kind(prop)
        if notes and notes not in described:
            described = f"{described} {notes}"
        properties[field] = {
            "description": described,
            **{k: v for k, v in prop.items() if k != "description"},
        }


def _kind(prop: dict[str, Any]) -> str:
    if "enum" in prop:
        return "One of: " + ", ".join(str(value) for value in prop["enum"]) + "."
    if prop.get("type") == "boolean":
        return "true or false."
    return "A model-specific field."


_COMMON = frozenset({"model", "prompt", "generation_type", "source_media_urls"})


def _noted(model: Model, field: str) -> str:
    """The usage notes' sentences that name a model-specific ``field``, word for word."""
    if field in _COMMON or not model.usage_notes:
        return ""
    words = field.replace("_", "[ _]")
    pattern = re.compile(rf"(?<![A-Za-z0-9_]){words}s?(?![A-Za-z0-9_])", re.IGNORECASE)
    sentences = re.split(r"(?<=[.!?])\s+", model.usage_notes)
    found = [sentence for sentence in sentences if pattern.search(sentence)]
    return ("From the usage notes: " + " ".join(found)) if found else ""
