"""The typed catalog: frozen dataclasses built from a validated spec. Templates see only these."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from modelspec.spec.variants import expand


@dataclass(frozen=True)
class RequestField:
    """One row of the page's field map: a request field and how the limits apply to it."""

    concept: str
    field: str
    notes: str


@dataclass(frozen=True)
class InputRule:
    """How many source_media_urls one generation type takes, and in which order of kinds."""

    generation_type: str
    min_images: int
    max_images: int
    min_videos: int
    max_videos: int
    order: tuple[str, ...]

    @property
    def min_items(self) -> int:
        """The fewest URLs in source_media_urls."""
        return self.min_images + self.min_videos

    @property
    def max_items(self) -> int:
        """The most URLs in source_media_urls."""
        return self.max_images + self.max_videos


Number = int | float


@dataclass(frozen=True)
class Parameter:
    """A model-specific request field: a closed list of strings, a boolean, a W:H ratio, an
    integer or a number within optional bounds, or text up to a length; and the default the
    API applies when a request omits it (None: no default, as null is never a value)."""

    name: str
    kind: str  # "values" | "boolean" | "ratio" | "integer" | "number" | "string"
    values: tuple[str, ...] = ()
    minimum: Number | None = None
    maximum: Number | None = None
    max_length: int | None = None
    default: str | bool | Number | None = None

    @property
    def detailed(self) -> bool:
        """Whether the parameter has more to say than the usage notes' word for it: a range,
        a length or a default."""
        return self.kind in ("integer", "number", "string") or self.default is not None


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
    inputs: tuple[InputRule, ...]
    parameters: tuple[Parameter, ...]
    # A variant (see spec/variants.py) is a whole model: its family's limits under its own id,
    # with the request values its id fixes, as (request field, value) in the axes' order.
    # A spec entry has neither.
    family: str | None = None
    fixed: tuple[tuple[str, object], ...] = ()
    # Common optional fields the model accepts and ignores, in IGNORABLE's order.
    ignored: tuple[str, ...] = ()

    @property
    def default_generation_type(self) -> str:
        """The mode a request gets when it omits generation_type: the first one listed."""
        return self.generation_types[0]

    @property
    def detailed_parameters(self) -> tuple[Parameter, ...]:
        """The parameters the page details below its table, which has no column for them:
        those with a range, a length or a default."""
        return tuple(p for p in self.parameters if p.detailed)

    def input_rule(self, generation_type: str) -> InputRule:
        """The input rule of one of this model's generation types."""
        return next(r for r in self.inputs if r.generation_type == generation_type)


@dataclass(frozen=True)
class Deprecation:
    """A model on its way out: announced on ``since``, removable from ``sunset`` (ISO dates)."""

    model_id: str
    since: str
    sunset: str
    replacement: str | None


@dataclass(frozen=True)
class LintSilence:
    """One lint rule switched off for one model, and why."""

    model_id: str
    rule: str
    reason: str


@dataclass(frozen=True)
class Catalog:
    """Everything the spec says, in output order: models case-insensitively by model_id.

    Deprecations and lint silences sit beside the models, not in them: ``Model`` holds the
    limits, field for field the generated ``ModelLimits``, and neither is a limit.
    """

    source: str
    request_fields: tuple[RequestField, ...]
    models: tuple[Model, ...]
    deprecations: tuple[Deprecation, ...] = ()
    lint_silences: tuple[LintSilence, ...] = ()
    # model_id -> (the Model built from the spec, its fingerprint); see ``fingerprint``.
    fingerprints: Mapping[str, tuple[Model, str]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # Each model that has variants, in page order -> its variants' ids, in the order its axes
    # expand them (the models themselves are in ``models``, in page order).
    families: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def variants_of(self, model_id: str) -> tuple[Model, ...]:
        """The variants of ``model_id``, in the order its axes expand them; () for none."""
        ids = self.families.get(model_id, ())
        return tuple(self._by_id[variant] for variant in ids) if ids else ()

    @cached_property
    def _by_id(self) -> dict[str, Model]:
        return {model.model_id: model for model in self.models}

    def deprecation(self, model_id: str) -> Deprecation | None:
        """The deprecation of ``model_id``, or None when it is not deprecated."""
        return next((d for d in self.deprecations if d.model_id == model_id), None)

    def fingerprint(self, model: Model) -> str | None:
        """The fingerprint of ``model``, if it is the very model built from the spec.

        A model made any other way (``dataclasses.replace`` in a test or a script) has none,
        so nothing made for the spec's model is ever reused for it.
        """
        known = self.fingerprints.get(model.model_id)
        return known[1] if known is not None and known[0] is model else None


def fingerprint(model_id: str, raw: object) -> str:
    """The hash of a model's id and spec data: equal fingerprints, equal models."""
    text = json.dumps([model_id, raw], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_catalog(
    data: dict[str, Any], source: str, fingerprints: Mapping[str, str] | None = None
) -> Catalog:
    """Build the catalog from spec data that has passed validation; ``source`` names the spec.

    ``fingerprints`` are the models' fingerprints when the caller has them already.
    """
    fields = tuple(
        RequestField(concept=f["concept"], field=f["field"], notes=f["notes"])
        for f in data["request_fields"]
    )
    ids = sorted(data["models"], key=lambda m: (m.casefold(), m))
    raw = [(model_id, data["models"][model_id]) for model_id in ids]
    models = tuple(_build_model(model_id, spec) for model_id, spec in raw)
    if fingerprints is None:
        fingerprints = {model_id: fingerprint(model_id, spec) for model_id, spec in raw}
    families: dict[str, tuple[str, ...]] = {}
    if any("variants" in spec for _, spec in raw):
        models, fingerprints, families = _with_variants(models, data["models"], fingerprints)
    return Catalog(
        source=source,
        request_fields=fields,
        models=models,
        deprecations=tuple(
            _build_deprecation(model_id, spec["deprecated"])
            for model_id, spec in raw
            if "deprecated" in spec
        ),
        lint_silences=tuple(
            LintSilence(model_id=model_id, rule=entry["rule"], reason=entry["reason"])
            for model_id, spec in raw
            for entry in spec.get("lint", {}).get("ignore", ())
        ),
        fingerprints={m.model_id: (m, fingerprints[m.model_id]) for m in models},
        families=families,
    )


def _with_variants(
    models: tuple[Model, ...], raw: Mapping[str, Any], fingerprints: Mapping[str, str]
) -> tuple[tuple[Model, ...], dict[str, str], dict[str, tuple[str, ...]]]:
    """The models and their variants, in output order; the fingerprints of all of them; and
    each family's variant ids, in the order its axes expand them.

    A variant's fingerprint is the hash of its id, its family's fingerprint and the values it
    fixes: everything that decides its outputs, so memos stay right.
    """
    prints = dict(fingerprints)
    variants: list[Model] = []
    families: dict[str, tuple[str, ...]] = {}
    for family in models:
        axes = raw[family.model_id].get("variants")
        if not axes:
            continue
        ids: list[str] = []
        for variant in expand(family.model_id, axes):
            model = dataclasses.replace(
                family, model_id=variant.model_id, family=family.model_id, fixed=variant.fixed
            )
            fixed = [list(pair) for pair in variant.fixed]
            prints[model.model_id] = fingerprint(
                model.model_id, {"variant of": prints[family.model_id], "fixed": fixed}
            )
            variants.append(model)
            ids.append(model.model_id)
        families[family.model_id] = tuple(ids)
    ordered = sorted([*models, *variants], key=lambda m: (m.model_id.casefold(), m.model_id))
    return tuple(ordered), prints, families


def _build_deprecation(model_id: str, raw: dict[str, Any]) -> Deprecation:
    return Deprecation(
        model_id=model_id,
        since=str(raw["since"]),
        sunset=str(raw["sunset"]),
        replacement=raw.get("replacement"),
    )


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
        inputs=tuple(
            _build_input_rule(kind, raw.get("inputs", {}).get(kind, {}), raw.get("max_images", 0))
            for kind in raw["generation_types"]
        ),
        parameters=tuple(
            _build_parameter(name, spec) for name, spec in sorted(raw.get("parameters", {}).items())
        ),
        ignored=tuple(name for name in IGNORABLE if name in raw.get("ignored", ())),
    )


# The fields a model may accept and ignore (the spec's ``ignored``), in the contract's order.
IGNORABLE = ("duration", "negative_prompt", "sound")


def default_input_rule(generation_type: str, model_max_images: int) -> dict[str, int]:
    """The counts a mode takes unless the spec says otherwise: image-to-* needs 1..max images."""
    takes_images = generation_type.startswith("image-to-")
    return {
        "min_images": 1 if takes_images else 0,
        "max_images": model_max_images if takes_images else 0,
        "min_videos": 0,
        "max_videos": 0,
    }


def _build_input_rule(kind: str, raw: dict[str, Any], model_max_images: int) -> InputRule:
    counts = default_input_rule(kind, model_max_images) | {
        k: int(v) for k, v in raw.items() if k != "order"
    }
    return InputRule(generation_type=kind, order=tuple(raw.get("order", ())), **counts)


def _build_parameter(name: str, raw: dict[str, Any]) -> Parameter:
    if "values" in raw:
        kind = "values"
    elif "format" in raw:
        kind = "ratio"
    else:
        kind = raw["type"]
    return Parameter(
        name=name,
        kind=kind,
        values=tuple(raw.get("values", ())),
        minimum=number(raw.get("minimum")),
        maximum=number(raw.get("maximum")),
        max_length=raw.get("max_length"),
        default=number(raw.get("default")),
    )


def number(value: Any) -> Any:
    """A number as the outputs write it: a whole float (YAML's ``5.0``) as an int, so every
    output writes 5 and JSON readers in any language read the same value; anything else
    (None, text, a boolean, a fraction) as it is."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
