"""``models.json``: the whole catalog as JSON, for consumers not written in Python."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from modelspec.render import contract
from modelspec.render.layout import Context, Output
from modelspec.render.render import dump_json, target_memo
from modelspec.spec.model import Catalog, Model

NAME = "models_json"
# Where the output goes unless [tool.modelspec.outputs] moves it; a trailing "/" is a folder.
LOCATION = "models.json"
FILTERS: dict[str, Callable[..., Any]] = {}


def model_entry(model: Model, catalog: Catalog | None = None) -> dict[str, Any]:
    """Every value of one model, with its input rules and parameters spelled out (and its
    variants, when ``catalog`` is given)."""
    return {
        "model_id": model.model_id,
        "prompt_max": model.prompt_max,
        "generation_types": list(model.generation_types),
        "requires_input": model.requires_input,
        "input_media_types": list(model.input_media_types),
        "max_images": model.max_images,
        "max_videos": model.max_videos,
        "duration_options": list(model.duration_options),
        "negative_prompt": model.negative_prompt,
        "sound": model.sound,
        "ignored_fields": list(model.ignored),
        "usage_notes": model.usage_notes,
        "source_media": {
            rule.generation_type: {
                "min_images": rule.min_images,
                "max_images": rule.max_images,
                "min_videos": rule.min_videos,
                "max_videos": rule.max_videos,
                "order": list(rule.order),
            }
            for rule in model.inputs
        },
        "parameters": {p.name: contract.parameter_schema(p) for p in model.parameters},
        **_variant_keys(model, catalog),
    }


def _variant_keys(model: Model, catalog: Catalog | None) -> dict[str, Any]:
    """A variant names its family and what its id fixes; a family lists its variants."""
    if model.family is not None:
        return {"family": model.family, "fixed": dict(model.fixed)}
    variants = catalog.families.get(model.model_id) if catalog is not None else None
    return {"variants": list(variants)} if variants else {}


def outputs(catalog: Catalog, context: Context) -> Iterator[Output]:
    """The catalog file, models in page order: ``document(catalog, context)`` as ``dump_json``
    writes it, each model's entry reused from the memo when the model is unchanged."""
    if not catalog.models:
        yield Output("models.json", data=document(catalog, context))
        return
    memo = target_memo(context, NAME)
    entries = []
    for model in catalog.models:
        fingerprint = catalog.fingerprint(model)
        text = memo.get(fingerprint, str)
        if text is None:
            # An entry sits two levels deep: the text dump_json gives it, indented by four.
            text = dump_json(model_entry(model, catalog)).rstrip("\n").replace("\n", "\n    ")
            memo.put(fingerprint, text)
        entries.append(text)
    head = dump_json({"$comment": " ".join(context.header)}).removesuffix("\n}\n")
    body = ",\n    ".join(entries)
    memo.save()
    yield Output(
        "models.json", data=f'{head},\n  "models": [\n    {body}\n  ]\n}}\n', serialiser="text"
    )


def document(catalog: Catalog, context: Context) -> dict[str, Any]:
    """The whole file as data."""
    return {
        "$comment": " ".join(context.header),
        "models": [model_entry(m, catalog) for m in catalog.models],
    }
