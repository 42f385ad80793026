"""The spec against a saved GET /v1/models response: what ``modelspec reconcile`` reports.

Pure: it takes the catalog and the snapshot's entries and returns the differences, in three
kinds:

- ``database-only``: a model only the snapshot has (enabled in the product, not in the spec);
- ``not-enabled``: a model of the spec the snapshot lacks;
- ``changed``: a value that differs, compared as a client sees it. For a model of the spec, a
  client's entry is the spec's ``capabilities()`` over the database's metadata (the merge
  rule), so each key ``capabilities()`` returns is compared with the snapshot's, down to the
  leaves, and both values are reported. Below the top level every key counts: a key only one
  side has is a difference (absent on the other). Top-level keys the spec does not define
  (pricing, display names) are the database's own and are not compared.

Values are compared as JSON: ``1`` is not ``1.0`` nor ``true``, and lists keep their order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from modelspec.spec.model import Catalog, Model, Parameter

DATABASE_ONLY = "database-only"
NOT_ENABLED = "not-enabled"
CHANGED = "changed"
KINDS = (DATABASE_ONLY, NOT_ENABLED, CHANGED)


class _Absent:
    """The value of a key one side does not have."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


@dataclass(frozen=True)
class Difference:
    """One way the snapshot and the spec disagree; ``field`` is a path of keys (changed only)."""

    kind: str
    model_id: str
    field: tuple[str, ...] = ()
    spec: Any = ABSENT
    snapshot: Any = ABSENT

    @property
    def dotted(self) -> str:
        """The field as the report writes it, e.g. ``limits.prompt_max``."""
        return ".".join(self.field)

    def __str__(self) -> str:
        if self.kind == DATABASE_ONLY:
            return f"{self.model_id}: in the snapshot, not in the spec"
        if self.kind == NOT_ENABLED:
            return f"{self.model_id}: in the spec, not in the snapshot"
        return f"{self.model_id}: {self.dotted}: spec {shown(self.spec)}, snapshot {shown(self.snapshot)}"

    def as_dict(self) -> dict[str, Any]:
        """The difference as data; a value one side lacks is left out."""
        found: dict[str, Any] = {"kind": self.kind, "model": self.model_id}
        if self.kind == CHANGED:
            found |= {"field": self.dotted, "path": list(self.field)}
            found |= {
                side: v
                for side, v in (("spec", self.spec), ("snapshot", self.snapshot))
                if v is not ABSENT
            }
        return found


def shown(value: Any) -> str:
    """A value as JSON writes it; ``(absent)`` for a key that side lacks."""
    return "(absent)" if value is ABSENT else json.dumps(value, ensure_ascii=False)


def capabilities(model: Model) -> dict[str, Any]:
    """The GET /v1/models entry of ``model``, as the generated ``capabilities()`` returns it
    (tests hold the two equal on every model of the fixture spec)."""
    entry: dict[str, Any] = {
        "model_id": model.model_id,
        "generation_types": list(model.generation_types),
        "requires_input_media": model.requires_input,
        "input_media_types": list(model.input_media_types),
        "usage_notes": model.usage_notes,
        "limits": {
            "prompt_max": model.prompt_max,
            "max_images": model.max_images,
            "max_videos": model.max_videos,
            "duration_options": list(model.duration_options),
            "negative_prompt": model.negative_prompt,
            "sound": model.sound,
            "ignored_fields": list(model.ignored),
            "source_media": {
                r.generation_type: {
                    "min_images": r.min_images,
                    "max_images": r.max_images,
                    "min_videos": r.min_videos,
                    "max_videos": r.max_videos,
                    "order": list(r.order),
                }
                for r in model.inputs
            },
            "parameters": {p.name: _parameter_capability(p) for p in model.parameters},
        },
    }
    if model.family is not None:  # a variant names its family and what its id fixes
        entry["family"] = model.family
        entry["fixed"] = dict(model.fixed)
    return entry


def _parameter_capability(parameter: Parameter) -> dict[str, Any]:
    kind = parameter.kind
    entry: dict[str, Any]
    if kind == "values":
        entry = {"type": "string", "values": list(parameter.values)}
    elif kind == "ratio":
        entry = {"type": "string", "format": "W:H"}
    elif kind == "string":
        entry = {"type": "string", "max_length": parameter.max_length}
    else:  # boolean, integer, number
        entry = {"type": kind}
    for key in ("minimum", "maximum", "default"):
        value = getattr(parameter, key)
        if value is not None:
            entry[key] = value
    return entry


def reconcile(catalog: Catalog, entries: Mapping[str, Mapping[str, Any]]) -> list[Difference]:
    """Every difference between the spec and the snapshot's ``entries`` (by model_id): the
    database-only models, then the models not enabled, then the changed values, each in the
    page's order (case-insensitive model_id)."""
    listed = {model.model_id for model in catalog.models}
    extra = sorted((m for m in entries if m not in listed), key=lambda m: (m.casefold(), m))
    found = [Difference(DATABASE_ONLY, model_id) for model_id in extra]
    found += [
        Difference(NOT_ENABLED, m.model_id) for m in catalog.models if m.model_id not in entries
    ]
    for model in catalog.models:
        entry = entries.get(model.model_id)
        if entry is not None:
            found += compare(model, entry)
    return found


def compare(model: Model, entry: Mapping[str, Any]) -> list[Difference]:
    """The values of ``entry`` that differ from the spec's entry of ``model``."""
    spec = capabilities(model)
    # The common case, an entry that agrees, at C speed.
    theirs = {key: entry[key] for key in spec if key in entry}
    if len(theirs) == len(spec) and _canonical(spec) == _canonical(theirs):
        return []
    differences = []
    for key, value in spec.items():  # the top level: only the keys capabilities() defines
        theirs = entry.get(key, ABSENT)
        for field, ours, snapshot in _leaves((key,), value, theirs):
            differences.append(Difference(CHANGED, model.model_id, field, ours, snapshot))
    return differences


def _leaves(
    field: tuple[str, ...], ours: Any, theirs: Any
) -> Iterator[tuple[tuple[str, ...], Any, Any]]:
    """Each place below ``field`` where the two differ: objects key by key (the spec's keys
    first, in order), anything else as a whole."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for key in [*ours, *(k for k in theirs if k not in ours)]:
            yield from _leaves((*field, key), ours.get(key, ABSENT), theirs.get(key, ABSENT))
    elif ours is ABSENT or theirs is ABSENT or _canonical(ours) != _canonical(theirs):
        yield field, ours, theirs


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def counts(differences: list[Difference]) -> dict[str, int]:
    """How many differences of each kind."""
    return {kind: sum(d.kind == kind for d in differences) for kind in KINDS}
