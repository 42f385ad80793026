"""What a spec change does to the API's callers: every change between two catalogs, classified.

- breaking: a request the old spec accepted may now be rejected or mean something else;
- non-breaking: additions and relaxations;
- docs-only: usage notes and the page's field map.

A deprecated model may be removed without breaking anything once its sunset date is reached.
Variants (spec/variants.py) are classified like models: removing one breaks, adding one does
not; a variant kept under its id changes only in what its id fixes.
"""

from __future__ import annotations

import datetime
import json
import operator
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from modelspec.render.contract import json_text, parameter_summary
from modelspec.render.patterns import RATIO_PATTERN
from modelspec.render.targets.requirements_page import md_cell
from modelspec.spec.model import Catalog, Deprecation, InputRule, Model, Parameter

BREAKING = "breaking"
NON_BREAKING = "non-breaking"
DOCS_ONLY = "docs-only"
CLASSES = (BREAKING, NON_BREAKING, DOCS_ONLY)


@dataclass(frozen=True)
class Change:
    """One difference: its class, where it is (model and field) and what it is, for a person."""

    kind: str
    model_id: str | None  # None: the page's field map, which belongs to no model
    field: str
    summary: str
    old: Any = None
    new: Any = None

    def as_dict(self) -> dict[str, Any]:
        """The change as JSON-ready data."""
        return {
            "class": self.kind,
            "model": self.model_id,
            "field": self.field,
            "summary": self.summary,
            "old": _plain(self.old),
            "new": _plain(self.new),
        }

    def __str__(self) -> str:
        where = "field map" if self.model_id is None else f"model {self.model_id}"
        return f"{where}: {self.summary}"


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def compare(old: Catalog, new: Catalog, today: datetime.date) -> list[Change]:
    """Every change from ``old`` to ``new``: the field map first, then models in page order."""
    changes = list(_field_map_changes(old, new))
    before = {m.model_id: m for m in old.models}
    after = {m.model_id: m for m in new.models}
    for model_id in sorted(before.keys() | after.keys(), key=lambda m: (m.casefold(), m)):
        if model_id not in after and before[model_id].family is not None:
            changes.append(_variant_removal(before[model_id], old, today))
        elif model_id not in after:
            changes.append(_removal(model_id, old.deprecation(model_id), today))
        elif model_id not in before:
            changes.append(_addition(after[model_id]))
        elif before[model_id].family is not None or after[model_id].family is not None:
            changes += _variant_changes(before[model_id], after[model_id])
        else:
            changes += _model_changes(before[model_id], after[model_id])
            changes += _deprecation_changes(
                model_id, old.deprecation(model_id), new.deprecation(model_id)
            )
    return changes


def _removal(model_id: str, deprecation: Deprecation | None, today: datetime.date) -> Change:
    """Removing a model breaks its callers, unless it was deprecated and its sunset has come."""
    if deprecation is None:
        return Change(BREAKING, model_id, "model", "model removed")
    sunset = deprecation.sunset
    instead = f"; callers move to {deprecation.replacement}" if deprecation.replacement else ""
    if today >= datetime.date.fromisoformat(sunset):
        summary = f"model removed; its sunset date {sunset} is reached{instead}"
        return Change(NON_BREAKING, model_id, "model", summary, old=sunset)
    summary = f"model removed before its sunset date {sunset}{instead}"
    return Change(BREAKING, model_id, "model", summary, old=sunset)


def _addition(model: Model) -> Change:
    """A new model or variant accepts requests nobody sent before: nothing breaks."""
    if model.family is None:
        return Change(NON_BREAKING, model.model_id, "model", "model added")
    summary = f"variant of {model.family} added ({_fixes(model.fixed)})"
    return Change(NON_BREAKING, model.model_id, "model", summary, new=dict(model.fixed))


def _variant_removal(variant: Model, old: Catalog, today: datetime.date) -> Change:
    """A variant removed breaks its callers, as a model does; its family's deprecation,
    once the sunset has come, makes its removal as harmless as the family's."""
    assert variant.family is not None
    change = _removal(variant.model_id, old.deprecation(variant.family), today)
    summary = change.summary.replace("model removed", f"variant of {variant.family} removed", 1)
    return Change(change.kind, change.model_id, change.field, summary, change.old)


def _variant_changes(old: Model, new: Model) -> Iterator[Change]:
    """A variant kept under its id: the values its id fixes. Its limits are its family's, and
    a change to them is reported on the family, unless the id changed families (or stopped
    or started being a variant)."""
    if old.family is None or new.family is None or old.family != new.family:
        yield from _model_changes(old, new)
        summary = f"family changed from {old.family or 'none'} to {new.family or 'none'}"
        yield Change(NON_BREAKING, old.model_id, "family", summary, old.family, new.family)
    yield from _fixed_changes(old, new)


def _fixed_changes(old: Model, new: Model) -> Iterator[Change]:
    """A value newly fixed, or fixed to another value, rejects requests that sent another;
    a value no longer fixed is a relaxation."""
    mid = old.model_id
    before, after = dict(old.fixed), dict(new.fixed)
    for name in [*before, *(n for n in after if n not in before)]:
        was, now = before.get(name), after.get(name)
        if name not in after:
            summary = f"{name} no longer fixed (was {_json(was)})"
            yield Change(NON_BREAKING, mid, "fixed", summary, was, None)
        elif name not in before:
            summary = f"{name} now fixed to {_json(now)}"
            yield Change(BREAKING, mid, "fixed", summary, None, now)
        elif _json(was) != _json(now):
            summary = f"{name} fixed to {_json(now)} instead of {_json(was)}"
            yield Change(BREAKING, mid, "fixed", summary, was, now)


def _fixes(fixed: tuple[tuple[str, object], ...]) -> str:
    return "fixes " + ", ".join(f"{name} {_json(value)}" for name, value in fixed)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _model_changes(old: Model, new: Model) -> Iterator[Change]:
    """Field by field, in the order of ``Model``."""
    mid = old.model_id
    yield from _limit(mid, "prompt_max", old.prompt_max, new.prompt_max)
    yield from _generation_types(old, new)
    yield from _flag(mid, "requires_input", old.requires_input, new.requires_input, required=True)
    yield from _members(
        mid, "input_media_types", "input media type", old.input_media_types, new.input_media_types
    )
    yield from _limit(mid, "max_images", old.max_images, new.max_images)
    yield from _max_videos(old, new)
    yield from _members(
        mid, "duration_options", "duration option", old.duration_options, new.duration_options
    )
    yield from _flag(mid, "negative_prompt", old.negative_prompt, new.negative_prompt)
    yield from _flag(mid, "sound", old.sound, new.sound)
    # A field newly ignored is accepted where it was refused; one no longer ignored is refused.
    yield from _members(mid, "ignored", "ignored field", old.ignored, new.ignored)
    if old.usage_notes != new.usage_notes:
        yield Change(
            DOCS_ONLY, mid, "usage_notes", "usage_notes changed", old.usage_notes, new.usage_notes
        )
    yield from _input_rules(old, new)
    yield from _parameters(old, new)


def _limit(model_id: str, field: str, old: int, new: int, prefix: str = "") -> Iterator[Change]:
    """A maximum: lowering it rejects requests that were valid."""
    if new < old:
        summary = f"{prefix}{field} lowered from {old} to {new}"
        yield Change(BREAKING, model_id, field, summary, old, new)
    elif new > old:
        summary = f"{prefix}{field} raised from {old} to {new}"
        yield Change(NON_BREAKING, model_id, field, summary, old, new)


def _minimum(model_id: str, field: str, old: int, new: int, prefix: str) -> Iterator[Change]:
    """A minimum: raising it rejects requests that were valid; from 0 it newly requires input."""
    if new > old:
        raised = f"{field} raised from {old} to {new}"
        summary = prefix + (f"input newly required ({raised})" if old == 0 else raised)
        yield Change(BREAKING, model_id, field, summary, old, new)
    elif new < old:
        summary = f"{prefix}{field} lowered from {old} to {new}"
        yield Change(NON_BREAKING, model_id, field, summary, old, new)


def _flag(
    model_id: str, field: str, old: bool, new: bool, *, required: bool = False
) -> Iterator[Change]:
    """A feature flag: turning a feature off breaks; ``required`` flags break when turned on."""
    if old == new:
        return
    if required:
        summary = "input newly required" if new else "input no longer required"
        kind = BREAKING if new else NON_BREAKING
        yield Change(
            kind, model_id, field, f"{summary} ({field} {_yes(old)} → {_yes(new)})", old, new
        )
    else:
        kind = NON_BREAKING if new else BREAKING
        yield Change(kind, model_id, field, f"{field} {'added' if new else 'removed'}", old, new)


def _yes(value: bool) -> str:
    return "true" if value else "false"


def _members(
    model_id: str,
    field: str,
    noun: str,
    old: Sequence[str],
    new: Sequence[str],
    *,
    order_matters: bool = False,
) -> Iterator[Change]:
    """A list of accepted values: each one removed breaks, each one added does not.

    A new order of the values kept is docs-only, unless the caller reports it itself.
    """
    for value in old:
        if value not in new:
            yield Change(BREAKING, model_id, field, f"{noun} {value} removed", old=value)
    for value in new:
        if value not in old:
            yield Change(NON_BREAKING, model_id, field, f"{noun} {value} added", new=value)
    kept_old = [v for v in old if v in new]
    kept_new = [v for v in new if v in old]
    if kept_old != kept_new and not order_matters:
        yield Change(DOCS_ONLY, model_id, field, f"{field} reordered", tuple(old), tuple(new))


def _generation_types(old: Model, new: Model) -> Iterator[Change]:
    """Modes removed or added; a new default changes what requests without generation_type do."""
    field = "generation_types"
    new_default = old.default_generation_type != new.default_generation_type
    yield from _members(
        old.model_id,
        field,
        "generation type",
        old.generation_types,
        new.generation_types,
        order_matters=new_default,
    )
    if new_default:
        summary = (
            f"default generation type changed from {old.default_generation_type} to "
            f"{new.default_generation_type}: requests that omit generation_type change mode"
        )
        yield Change(
            BREAKING,
            old.model_id,
            field,
            summary,
            old.default_generation_type,
            new.default_generation_type,
        )


def _max_videos(old: Model, new: Model) -> Iterator[Change]:
    """No max_videos (the page's dash) takes no videos, as 0 does; the two differ only on the page."""
    before, after = old.max_videos or 0, new.max_videos or 0
    if old.max_videos != new.max_videos and before == after:
        summary = (
            f"max_videos written as {_or_none(new.max_videos)}, was {_or_none(old.max_videos)}"
        )
        yield Change(DOCS_ONLY, old.model_id, "max_videos", summary, old.max_videos, new.max_videos)
    yield from _limit(old.model_id, "max_videos", before, after)


def _or_none(value: int | None) -> str:
    return "none" if value is None else str(value)


def _input_rules(old: Model, new: Model) -> Iterator[Change]:
    """Per-mode counts of source_media_urls, for the modes both specs have.

    A mode's maximum that follows the model's own (the image-to-* default) is reported once,
    as the model's max_images or max_videos.
    """
    rules = {r.generation_type: r for r in new.inputs}
    for before in old.inputs:
        after = rules.get(before.generation_type)
        if after is None:
            continue  # the mode itself was removed; reported with generation_types
        mode = before.generation_type
        prefix = f"{mode}: "
        for media in ("images", "videos"):
            low, high = f"min_{media}", f"max_{media}"
            changes = _minimum(old.model_id, low, getattr(before, low), getattr(after, low), prefix)
            yield from _in_mode(changes, mode)
            maxima = (getattr(before, high), getattr(after, high))
            if maxima != (_model_max(old, media), _model_max(new, media)):
                yield from _in_mode(_limit(old.model_id, high, *maxima, prefix), mode)
        yield from _order(old.model_id, before, after)


def _model_max(model: Model, media: str) -> int:
    return model.max_images if media == "images" else model.max_videos or 0


def _in_mode(changes: Iterator[Change], mode: str) -> Iterator[Change]:
    """Place count changes under their mode: ``min_images`` becomes ``inputs.<mode>.min_images``."""
    for change in changes:
        field = f"inputs.{mode}.{change.field}"
        yield Change(change.kind, change.model_id, field, change.summary, change.old, change.new)


def _order(model_id: str, old: InputRule, new: InputRule) -> Iterator[Change]:
    """The order of media kinds: a new or different order rejects requests in the old one."""
    if old.order == new.order:
        return
    field = f"inputs.{old.generation_type}.order"
    prefix = f"{old.generation_type}: "
    if not new.order:
        summary = f"{prefix}order {', '.join(old.order)} no longer required"
        yield Change(NON_BREAKING, model_id, field, summary, old.order, new.order)
    else:
        was = f" instead of {', '.join(old.order)}" if old.order else ""
        summary = f"{prefix}order {', '.join(new.order)} now required{was}"
        yield Change(BREAKING, model_id, field, summary, old.order, new.order)


def _parameters(old: Model, new: Model) -> Iterator[Change]:
    """Model-specific fields: removing one, or one of its values, rejects requests that sent it."""
    mid = old.model_id
    after = {p.name: p for p in new.parameters}
    names = [p.name for p in old.parameters]
    for before in old.parameters:
        field = f"parameters.{before.name}"
        if before.name not in after:
            yield Change(BREAKING, mid, field, f"parameter {before.name} removed", _kind(before))
            continue
        now = after[before.name]
        if before.kind != now.kind:
            yield _kind_change(mid, before, now)
        else:
            yield from _members(
                mid, field, f"parameter {before.name}: value", before.values, now.values
            )
            yield from _bounds(mid, before, now)
        yield from _default(mid, before, now)
    for parameter in new.parameters:
        if parameter.name not in names:
            summary = f"parameter {parameter.name} added"
            yield Change(
                NON_BREAKING, mid, f"parameters.{parameter.name}", summary, new=_kind(parameter)
            )


def _bounds(model_id: str, old: Parameter, new: Parameter) -> Iterator[Change]:
    """A number's bounds and a text's length: narrower breaks, wider does not."""
    prefix = f"parameter {old.name}: "
    field = f"parameters.{old.name}"
    for key, narrower in (("minimum", operator.gt), ("maximum", operator.lt)):
        was, now = getattr(old, key), getattr(new, key)
        if was == now:
            continue
        if now is None:
            kind, summary = NON_BREAKING, f"{key} {was} removed"
        elif was is None:
            kind, summary = BREAKING, f"{key} {now} added"
        else:
            kind = BREAKING if narrower(now, was) else NON_BREAKING
            summary = f"{key} {'raised' if now > was else 'lowered'} from {was} to {now}"
        yield Change(kind, model_id, f"{field}.{key}", prefix + summary, was, now)
    if old.max_length != new.max_length and old.max_length and new.max_length:
        yield from _limit(model_id, f"{field}.max_length", old.max_length, new.max_length, prefix)


def _default(model_id: str, old: Parameter, new: Parameter) -> Iterator[Change]:
    """A new default changes what requests that omit the field get; documenting one, or no
    longer documenting it, changes no request."""
    if old.default == new.default and type(old.default) is type(new.default):
        return
    field = f"parameters.{old.name}.default"
    prefix = f"parameter {old.name}: default "
    was, now = old.default, new.default
    if was is None and now is not None:
        summary = f"{prefix}{json_text(now)} documented"
        yield Change(DOCS_ONLY, model_id, field, summary, was, now)
    elif was is not None and now is None:
        summary = f"{prefix}{json_text(was)} no longer documented"
        yield Change(DOCS_ONLY, model_id, field, summary, was, now)
    elif was is not None and now is not None:
        summary = (
            f"{prefix}changed from {json_text(was)} to {json_text(now)}: "
            "requests that omit it change meaning"
        )
        yield Change(BREAKING, model_id, field, summary, was, now)


def _kind(parameter: Parameter) -> str:
    """What a parameter accepts, for a person."""
    if parameter.kind == "values":
        return "one of " + ", ".join(parameter.values)
    if parameter.kind == "boolean":
        return "a boolean"
    if parameter.kind == "ratio":
        return "any W:H ratio"
    return parameter_summary(replace(parameter, default=None))


def _kind_change(model_id: str, old: Parameter, new: Parameter) -> Change:
    """A closed list of ratios opened to any ratio relaxes, and so does an integer that may be
    any number in the same or wider bounds; every other change of kind breaks."""
    relaxes = (old.kind, new.kind) == ("values", "ratio") and all(
        re.fullmatch(RATIO_PATTERN, v) for v in old.values
    )
    relaxes |= (
        (old.kind, new.kind) == ("integer", "number")
        and (new.minimum is None or (old.minimum is not None and new.minimum <= old.minimum))
        and (new.maximum is None or (old.maximum is not None and new.maximum >= old.maximum))
    )
    summary = f"parameter {old.name} changed from {_kind(old)} to {_kind(new)}"
    kind = NON_BREAKING if relaxes else BREAKING
    return Change(kind, model_id, f"parameters.{old.name}", summary, _kind(old), _kind(new))


def _deprecation_changes(
    model_id: str, old: Deprecation | None, new: Deprecation | None
) -> Iterator[Change]:
    """Announcing, moving or withdrawing a deprecation changes no request: non-breaking."""
    if old == new:
        return
    field = "deprecated"
    if new is None:
        yield Change(NON_BREAKING, model_id, field, "no longer deprecated", _dates(old), None)
        return
    verb = "deprecated" if old is None else "deprecation changed:"
    summary = f"{verb} {_dates(new)}"
    yield Change(NON_BREAKING, model_id, field, summary, _dates(old), _dates(new))


def _dates(deprecation: Deprecation | None) -> str | None:
    if deprecation is None:
        return None
    text = f"since {deprecation.since}, sunset {deprecation.sunset}"
    return text + (f", replacement {deprecation.replacement}" if deprecation.replacement else "")


def _field_map_changes(old: Catalog, new: Catalog) -> Iterator[Change]:
    """The page's field map is documentation: every change to it is docs-only."""
    before = {f.field: f for f in old.request_fields}
    after = {f.field: f for f in new.request_fields}
    for name, row in before.items():
        field = f"request_fields.{name}"
        if name not in after:
            yield Change(DOCS_ONLY, None, field, f"row {name} removed", row.concept)
            continue
        for part in ("concept", "notes"):
            was, now = getattr(row, part), getattr(after[name], part)
            if was != now:
                yield Change(DOCS_ONLY, None, field, f"row {name}: {part} changed", was, now)
    for name, row in after.items():
        if name not in before:
            yield Change(
                DOCS_ONLY, None, f"request_fields.{name}", f"row {name} added", new=row.concept
            )
    kept_old = [n for n in before if n in after]
    kept_new = [n for n in after if n in before]
    if kept_old != kept_new:
        yield Change(DOCS_ONLY, None, "request_fields", "rows reordered", kept_old, kept_new)


def count(changes: Sequence[Change]) -> dict[str, int]:
    """How many changes of each class, in the order of CLASSES."""
    return {kind: sum(1 for c in changes if c.kind == kind) for kind in CLASSES}


_HEADINGS = {BREAKING: "Breaking", NON_BREAKING: "Non-breaking", DOCS_ONLY: "Docs only"}


def markdown(changes: Sequence[Change]) -> str:
    """The changes as Markdown, one section a class: for a pull-request comment or a changelog."""
    if not changes:
        return "No changes to the model limits.\n"
    parts: list[str] = []
    for kind in CLASSES:
        items = [c for c in changes if c.kind == kind]
        if not items:
            continue
        parts.append(f"### {_HEADINGS[kind]}\n\n")
        for change in items:
            where = "Field map" if change.model_id is None else f"`{change.model_id}`"
            parts.append(f"- {where}: {md_cell(change.summary)}\n")
        parts.append("\n")
    return "".join(parts).rstrip("\n") + "\n"
