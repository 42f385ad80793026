"""Variants: one spec entry expanded into several model ids, each fixing some request values.

The API answers to ids such as ``seedance-1-5-pro-720p-8s``: the model seedance-1-5-pro
with resolution and duration fixed by the id. The spec writes them as axes on the entry::

    seedance-1-5-pro:
      ...
      variants:   # ids: seedance-1-5-pro-<resolution>-<duration>[-audio]
        - {field: resolution, values: [480p, 720p, 1080p]}
        - {field: duration, values: ["4s", "8s", "12s"]}
        - {field: sound, values: {audio: true}, optional: true}

An axis names a request field and the values it fixes it to: a list, whose values are also
their parts of the id, or a mapping from id part to value. An optional axis may also be left
out of the id; then it fixes nothing. A variant's id is the entry's id and one part per axis,
in the axes' order, joined by "-"; the product of the axes gives every variant (18 here). The
entry's own id stays a model. A variant takes the entry's requests, with the fixed values:
a body may omit them or repeat them, never send another value.

Expansion works on plain spec data, so validation (``variant_errors``, from spec/validate.py)
and the catalog (spec/model.py) expand alike. This module imports neither of them.
"""

from __future__ import annotations

import difflib
import itertools
import json
import math
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from modelspec.errors import SpecError
from modelspec.spec.loader import Document, Loc
from modelspec.spec.names import REQUEST, RESERVED_WORDS, request_name

# The most ids one entry may expand to: the product of its axes is checked before expanding.
MAX_VARIANTS = 1000
# The request fields a variant may not fix: they pick the model, carry the prompt or choose
# the mode and inputs, none of which an id can stand for.
UNFIXABLE = ("model", "prompt", "generation_type", "source_media_urls", "negative_prompt")
_RATIO = re.compile(r"[1-9][0-9]*:[1-9][0-9]*")


@dataclass(frozen=True)
class Variant:
    """One expanded id: the values it fixes, in the axes' order, as (request field, value)."""

    model_id: str
    fixed: tuple[tuple[str, object], ...]


@dataclass(frozen=True)
class _Option:
    """One choice on an axis: its part of the id (None: the axis left out) and its value."""

    part: str | None
    value: object
    loc: Loc


def options(axis: Mapping[str, Any], loc: Loc) -> list[_Option]:
    """The choices of one axis, in the spec's order; an optional axis first leaves it out."""
    values = axis["values"]
    if isinstance(values, dict):
        found = [
            _Option(str(part), value, (*loc, "values", part)) for part, value in values.items()
        ]
    else:
        found = [_Option(str(v), v, (*loc, "values", i)) for i, v in enumerate(values)]
    if axis.get("optional", False):  # left out first: seedance-1-5-pro-720p-8s, then -audio
        found.insert(0, _Option(None, None, loc))
    return found


def count(axes: list[Mapping[str, Any]]) -> int:
    """How many ids the axes expand to (the entry's own id, all axes left out, not counted)."""
    total = math.prod(len(options(axis, ())) for axis in axes)
    everything_optional = all(axis.get("optional", False) for axis in axes)
    return total - 1 if everything_optional else total


def expand(family_id: str, axes: list[Mapping[str, Any]]) -> Iterator[Variant]:
    """Every variant of the entry ``family_id``, in the product's order (first axis slowest)."""
    for combination in _combinations(axes):
        variant = _variant(family_id, axes, combination)
        if variant is not None:
            yield variant


def _combinations(axes: list[Mapping[str, Any]]) -> Iterator[tuple[_Option, ...]]:
    return itertools.product(*(options(axis, ("variants", i)) for i, axis in enumerate(axes)))


def _variant(
    family_id: str, axes: list[Mapping[str, Any]], combination: tuple[_Option, ...]
) -> Variant | None:
    parts = [option.part for option in combination if option.part is not None]
    if not parts:
        return None  # every axis left out: the entry itself
    fixed = tuple(
        (str(axis["field"]), option.value)
        for axis, option in zip(axes, combination, strict=True)
        if option.part is not None
    )
    return Variant("-".join([family_id, *parts]), fixed)


def json_value(value: object) -> str:
    """A value as JSON writes it (``"8s"``, ``true``), the way every message quotes values."""
    return json.dumps(value, ensure_ascii=False)


# --- validation ----------------------------------------------------------------------------


def variant_errors(
    doc: Document,
    models: Mapping[str, Any],
    broken: Collection[str | None],
    id_problem: Callable[[str], str | None],
    taken: tuple[Mapping[str, str], Mapping[str, str]],
) -> list[SpecError]:
    """Every problem of the spec's variants, located: fields and values the entry does not
    accept, and ids that are invalid or taken. ``broken`` entries failed the schema and are
    skipped; ``id_problem`` says why a string is no valid model id (the schema's rule);
    ``taken`` maps the spec's model ids, case-folded, and their class names to the ids (the
    validator has them already: no second pass over 10,000 models)."""
    families = [
        (model_id, model)
        for model_id, model in models.items()
        if isinstance(model, dict) and "variants" in model and model_id not in broken
    ]
    if not families:
        return []
    errors: list[SpecError] = []
    expanded: list[tuple[str, list[Variant]]] = []
    for family_id, model in families:
        found = _axis_errors(doc, family_id, model)
        errors += found
        if found:
            continue
        total = count(model["variants"])
        if total > MAX_VARIANTS:
            message = f"expands to {total:,} ids; the limit is {MAX_VARIANTS:,} per model"
            errors.append(doc.error(("models", family_id, "variants"), message, key=True))
            continue
        expanded.append((family_id, list(expand(family_id, model["variants"]))))
    errors += _id_errors(doc, expanded, id_problem, taken)
    return errors


def _axis_errors(doc: Document, family_id: str, model: Mapping[str, Any]) -> list[SpecError]:
    """Each axis fixes a field the entry accepts, once, to values the entry accepts."""
    errors: list[SpecError] = []
    first: dict[str, int] = {}
    for i, axis in enumerate(model["variants"]):
        loc: Loc = ("models", family_id, "variants", i)
        name = axis["field"]
        problem = _field_problem(family_id, model, name)
        if problem is not None:
            errors.append(doc.error((*loc, "field"), problem))
            continue
        if name in first:
            message = f"{name} is already fixed by variants[{first[name]}]; one axis per field"
            errors.append(doc.error((*loc, "field"), message))
            continue
        first[name] = i
        for option in options(axis, loc):
            if option.part is None:
                continue
            problem = _value_problem(model, name, option.value, isinstance(axis["values"], list))
            if problem is not None:
                errors.append(doc.error(option.loc, problem))
    return errors


def accepted_fields(model: Mapping[str, Any]) -> list[str]:
    """The request fields a variant of ``model`` may fix, in the contract's order."""
    fields = ["duration"] if model.get("duration_options") else []
    fields += ["sound"] if model.get("sound", False) else []
    return fields + sorted(model.get("parameters", {}))


def _field_problem(family_id: str, model: Mapping[str, Any], name: str) -> str | None:
    accepted = accepted_fields(model)
    if name in accepted:
        return None
    which = ", ".join(accepted) if accepted else "nothing"
    if name in UNFIXABLE:
        return f"{name} cannot be fixed by a variant; {family_id} variants can fix: {which}"
    if name == "duration":
        return (
            f"{family_id} takes no duration (duration_options is empty); variants can fix: {which}"
        )
    if name == "sound":
        return f"{family_id} takes no sound (sound is false); variants can fix: {which}"
    close = difflib.get_close_matches(name, accepted, n=1, cutoff=0.6)
    hint = f"; did you mean {json_value(close[0])}?" if close else f"; variants can fix: {which}"
    return f"{name} is not a request field of {family_id}{hint}"


def _value_problem(model: Mapping[str, Any], name: str, value: object, listed: bool) -> str | None:
    """Why ``model`` itself would reject ``value`` for the field ``name``, if it would;
    ``listed``: the value is in a list, being its own part of the id."""
    if name == "duration":
        durations = model["duration_options"]
        ok = isinstance(value, str) and value in durations
        return None if ok else _not_one_of(value, "duration_options", durations)
    if name == "sound":
        return None if isinstance(value, bool) else _wrong_kind(value, name, listed)
    parameter = model["parameters"][name]
    if "values" in parameter:
        allowed = parameter["values"]
        ok = isinstance(value, str) and value in allowed
        return None if ok else _not_one_of(value, f"the values of {name}", allowed)
    if parameter.get("type") == "boolean":
        return None if isinstance(value, bool) else _wrong_kind(value, name, listed)
    if parameter.get("format") == "ratio":
        if isinstance(value, str) and _RATIO.fullmatch(value):
            return None
        return f"{json_value(value)} is not an aspect ratio written W:H, which {name} takes"
    return f"{name} is a kind of parameter a variant cannot fix yet"


def _not_one_of(value: object, what: str, allowed: list[Any]) -> str:
    listed = ", ".join(str(v) for v in allowed)
    return f"{json_value(value)} is not one of {what} ({listed})"


def _wrong_kind(value: object, name: str, listed: bool) -> str:
    """A boolean field given another value; a list's values are strings (their id parts)."""
    hint = "; map an id part to the value instead, such as {audio: true}" if listed else ""
    return f"{name} takes true or false, not {json_value(value)}{hint}"


def _id_errors(
    doc: Document,
    expanded: list[tuple[str, list[Variant]]],
    id_problem: Callable[[str], str | None],
    taken: tuple[Mapping[str, str], Mapping[str, str]],
) -> list[SpecError]:
    """Each variant id is a valid model id, and is taken by no model and no other variant,
    not even in letter case or in the class name the outputs derive from it."""
    errors: list[SpecError] = []
    # An id, case-folded, or a class name -> who has it: (its id, its family; None: a model).
    owners: dict[str, tuple[str, str | None]] = {}
    classes: dict[str, tuple[str, str | None]] = {}
    folded_models, model_classes = taken
    for family_id, variants in expanded:
        seen: set[str] = set()
        for variant in variants:
            vid = variant.model_id
            problem = _one_id_problem(vid, id_problem)
            if problem is None:
                owner = _owner(vid.casefold(), owners, folded_models, (vid, family_id))
                if owner != (vid, family_id) or vid in seen:
                    problem = _taken(vid, family_id, owner)
                seen.add(vid)
            if problem is None:
                name = request_name(vid)
                other, family = _owner(name, classes, model_classes, (vid, family_id))
                if other != vid:
                    problem = (
                        f"the variant id {vid} gives the same schema and class name, {name}, as "
                        f"{_who(other, family)}; ids must differ in more than punctuation"
                    )
            if problem is not None:
                errors.append(doc.error(("models", family_id, "variants"), problem, key=True))
    return errors


def _owner(
    key: str,
    variants: dict[str, tuple[str, str | None]],
    models: Mapping[str, str],
    claim: tuple[str, str | None],
) -> tuple[str, str | None]:
    """Who has ``key`` (an id case-folded, or a class name): a model of the spec, a variant
    seen before, else ``claim``, which now has it."""
    if key in models:
        return models[key], None
    return variants.setdefault(key, claim)


def _who(model_id: str, family: str | None) -> str:
    return f"model {model_id}" if family is None else f"variant {model_id} of {family}"


def _one_id_problem(vid: str, id_problem: Callable[[str], str | None]) -> str | None:
    problem = id_problem(vid)
    if problem is not None:
        return f"the variant id {json_value(vid)} is not a valid model id: {problem}"
    if request_name(vid) == REQUEST:
        return (
            f"the variant id {vid} gives the schema and class name {REQUEST}, which is the "
            "name of the request union of all models; choose other parts"
        )
    for word in RESERVED_WORDS:
        if word in vid:
            return f"the variant id {vid} contains {json_value(word)}, which modelspec reserves"
    return None


def _taken(vid: str, family_id: str, owner: tuple[str, str | None]) -> str:
    other, family = owner
    if other != vid:
        return f"the variant id {vid} differs from {_who(other, family)} only in letter case"
    if family is None:
        return f"the variant id {vid} is already a model of this spec"
    if family == family_id:
        return f"the variant id {vid} comes out of these axes more than once"
    return f"the variant id {vid} is also a variant of {family}"
