"""The typed catalog: frozen dataclasses built from a validated spec. Templates see only these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class RequestField:
    """One row of the page's field map: a request field and how the limits apply to it."""

    concept: str
    field: str
    notes: str


@dataclass(frozen=True)
class Model:
    """The limits of one model; the field names are those of the generated ``ModelLimits``."""

    model_id: str
    prompt_max: int
    generation_types: tuple[str, ...]
    requires_input: bool
    input_media_types: tuple[str, ...]
    max_images: int
    max_videos: int | None
    duration_options: tuple[str, ...]
    negative_prompt: bool
    sound: bool
    usage_notes: str


@dataclass(frozen=True)
class Catalog:
    """Everything the spec says, in output order: models case-insensitively by model_id."""

    source: str
    request_fields: tuple[RequestField, ...]
    models: tuple[Model, ...]


def build_catalog(data: dict[str, Any], source: str) -> Catalog:
    """Build the catalog from spec data that has passed validation; ``source`` names the spec."""
    fields = tuple(
        RequestField(concept=f["concept"], field=f["field"], notes=f["notes"])
        for f in data["request_fields"]
    )
    models = tuple(
        _build_model(model_id, data["models"][model_id])
        for model_id in sorted(data["models"], key=lambda m: (m.casefold(), m))
    )
    return Catalog(source=source, request_fields=fields, models=models)


def _build_model(model_id: str, raw: dict[str, Any]) -> Model:
    max_videos = raw.get("max_videos")
    return Model(
        model_id=model_id,
        prompt_max=int(raw["prompt_max"]),
        generation_types=tuple(raw["generation_types"]),
        requires_input=raw["requires_input"],
        input_media_types=tuple(raw.get("input_media_types", ())),
        max_images=int(raw.get("max_images", 0)),
        max_videos=None if max_videos is None else int(max_videos),
        duration_options=tuple(raw.get("duration_options", ())),
        negative_prompt=raw.get("negative_prompt", False),
        sound=raw.get("sound", False),
        usage_notes=raw["usage_notes"],
    )
