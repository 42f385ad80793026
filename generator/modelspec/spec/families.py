"""Model families: a model that ``extends`` another takes its data and overrides what it writes.

The merge rule, applied parent first down a chain (a extends b extends c):

- every key the child writes replaces the parent's value whole (a list, ``inputs``, the notes);
- ``parameters`` merge by name: a parameter the child writes replaces the parent's parameter of
  that name, and the parent's other parameters stay;
- ``deprecated``, ``lint`` and ``variants`` are never inherited: a deprecation, a silence's
  reason and the ids a ``variants:`` block promises are written for one model;
- everything else the child does not write, ``usage_notes`` included, is the parent's.

Resolution runs once, after loading and before validation, on plain data, so the validator,
the catalog, ``diff`` and ``lint`` all see each model as a client sees it. Positions stay those
of the text: a value a model inherits is placed where its ancestor writes it. An unknown parent
and a cycle are located errors at the ``extends`` value.

The patterns below read the notes' own words about families ("Same as X", "Variants: e.g. …"),
for ``import-md`` and ``lint``.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from modelspec.errors import SpecError
from modelspec.spec.loader import Document, Loc, describe

EXTENDS = "extends"
NOT_INHERITED = frozenset({"deprecated", "lint", "variants"})
MERGED_BY_NAME = frozenset({"parameters"})


@dataclass
class FamilyDocument(Document):
    """A loaded spec with every model resolved: ``data`` as clients see it, positions as written.

    ``written`` holds the models as the text writes them; ``parents`` maps each model that
    extends another (and resolved) to its parent.
    """

    written: dict[str, Any] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)
    # What each error made here says: its model, its place and its message without the prefix.
    _made: dict[SpecError, tuple[str, tuple[int, int], str]] = field(default_factory=dict)

    def lineage(self, model_id: str) -> list[str]:
        """The model, its parent, its parent's parent, and so on."""
        chain = [model_id]
        while chain[-1] in self.parents:
            chain.append(self.parents[chain[-1]])
        return chain

    def writer(self, model_id: str, key: str) -> str:
        """The model whose text holds the value of ``key`` for ``model_id``."""
        return str(self.origin(("models", model_id, key))[1])

    def origin(self, loc: Loc) -> Loc:
        """Where the value at ``loc`` is written: in the model itself, else in the nearest
        ancestor that writes it; a value no one writes (a default) stays with the model."""
        if len(loc) < 3 or loc[0] != "models" or loc[2] in NOT_INHERITED:
            return loc
        rest = loc[2:]
        for owner in self.lineage(str(loc[1])):
            if _writes(self.written.get(owner), rest):
                return ("models", owner, *rest)
        return loc

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        return super().where(self.origin(loc), key=key)

    def error(self, loc: Loc, message: str, *, key: bool = False) -> SpecError:
        """As ``Document.error``; an inherited value is placed in the model that writes it."""
        origin = self.origin(loc)
        line, col = super().where(origin, key=key)
        place = describe(loc)
        if origin != loc:
            place += f" (inherited from model {origin[1]})"
        made = SpecError(self.path, line, col, f"{place}: {message}")
        if len(loc) >= 2 and loc[0] == "models":
            self._made[made] = (str(loc[1]), (line, col), message)
        return made

    def without_repeats(self, errors: list[SpecError]) -> list[SpecError]:
        """``errors`` less those a model only inherits: the same complaint, at the same place,
        about an ancestor. A parent's bad value is reported once, not once per child."""
        said = {self._made[e] for e in errors if e in self._made}
        kept = []
        for error in errors:
            made = self._made.get(error)
            if made is not None:
                model_id, place, message = made
                ancestors = self.lineage(model_id)[1:]
                if any((a, place, message) in said for a in ancestors):
                    continue
            kept.append(error)
        return kept


def _writes(model: object, rest: Loc) -> bool:
    if not isinstance(model, dict) or rest[0] not in model:
        return False
    if rest[0] in MERGED_BY_NAME and len(rest) > 1:
        named = model[rest[0]]
        return isinstance(named, dict) and rest[1] in named
    return True


def merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """The child's data on top of its resolved parent's, by the merge rule above."""
    out = {k: v for k, v in parent.items() if k not in NOT_INHERITED}
    for key, value in child.items():
        if key == EXTENDS:
            continue
        inherited = out.get(key)
        if key in MERGED_BY_NAME and isinstance(value, dict) and isinstance(inherited, dict):
            out[key] = {**inherited, **value}
        else:
            out[key] = value
    return out


def resolve(doc: Document) -> FamilyDocument:
    """``doc`` with every model that extends another resolved; the problems in its errors.

    A model whose chain cannot be followed (an unknown parent, a cycle, a parent that is not
    a mapping) is left as written and marked rejected: its error is reported once, at the
    ``extends`` that breaks the chain, and the validator says nothing more about it. An
    ``extends`` that is not a string is left to the schema, which words it like any value.
    """
    top: dict[str, Any] = doc.data if isinstance(doc.data, dict) else {}
    models = top.get("models")
    if not isinstance(models, dict):
        return _family(doc, doc.data, {}, {}, [], set())
    parents, errors = _parents(doc, models)
    cycles = _cycles(parents)
    errors += [_cycle_error(doc, model_id, parents) for model_id in cycles]
    done: dict[str, dict[str, Any]] = {}
    rejected: set[Loc] = set()
    resolved: dict[str, Any] = {}
    for model_id, model in models.items():
        if not isinstance(model, dict) or not isinstance(model.get(EXTENDS), str):
            resolved[model_id] = model
            continue
        data = _resolved(model_id, models, parents, cycles, done)
        if data is None:
            rejected.add(("models", model_id))
            data = {k: v for k, v in model.items() if k != EXTENDS}
        resolved[model_id] = data
    kept = {m: p for m, p in parents.items() if ("models", m) not in rejected}
    family = _family(doc, {**top, "models": resolved}, models, kept, errors, rejected)
    family.rejected |= {
        loc for model_id in kept for loc in _inherited_rejections(family, model_id, doc.rejected)
    }
    return family


def _family(
    doc: Document,
    data: object,
    written: dict[str, Any],
    parents: dict[str, str],
    errors: list[SpecError],
    rejected: set[Loc],
) -> FamilyDocument:
    return FamilyDocument(
        doc.path,
        data,
        doc.value_pos,
        doc.key_pos,
        [*doc.errors, *errors],
        doc.rejected | rejected,
        doc.pending,
        written=written,
        parents=parents,
    )


def _parents(doc: Document, models: dict[str, Any]) -> tuple[dict[str, str], list[SpecError]]:
    """Each model's parent, where ``extends`` names another model; an error for every other."""
    parents: dict[str, str] = {}
    errors: list[SpecError] = []
    for model_id, model in models.items():
        parent = model.get(EXTENDS) if isinstance(model, dict) else None
        if not isinstance(parent, str):
            continue
        loc: Loc = ("models", model_id, EXTENDS)
        if parent == model_id:
            errors.append(doc.error(loc, "names the model itself"))
        elif parent not in models:
            others = [other for other in models if other != model_id]
            close = difflib.get_close_matches(parent, others, n=1, cutoff=0.5)
            hint = f"; did you mean {_quote(close[0])}?" if close else ""
            errors.append(doc.error(loc, f"{_quote(parent)} is not a model of this spec{hint}"))
        else:
            parents[model_id] = parent
    return parents, errors


def _quote(text: str) -> str:
    quoted = json.dumps(text, ensure_ascii=False)
    return quoted if len(quoted) <= 60 else quoted[:58] + '…"'


def _cycles(parents: dict[str, str]) -> set[str]:
    """The models that extend themselves through others: a extends b extends a."""
    in_cycle: set[str] = set()
    settled: set[str] = set()
    for start in parents:
        path: list[str] = []
        model_id: str | None = start
        while model_id is not None and model_id not in settled and model_id not in path:
            path.append(model_id)
            model_id = parents.get(model_id)
        if model_id is not None and model_id in path:
            in_cycle.update(path[path.index(model_id) :])
        settled.update(path)
    return in_cycle


def _cycle_error(doc: Document, model_id: str, parents: dict[str, str]) -> SpecError:
    chain = [model_id, parents[model_id]]
    while chain[-1] != model_id:
        chain.append(parents[chain[-1]])
    message = f"a cycle: {model_id} extends " + ", which extends ".join(chain[1:])
    return doc.error(("models", model_id, EXTENDS), message)


def _resolved(
    model_id: str,
    models: dict[str, Any],
    parents: dict[str, str],
    cycles: set[str],
    done: dict[str, dict[str, Any]],
) -> dict[str, Any] | None:
    """The model's resolved data, or None when its chain is broken. Iterative, parents first,
    each model resolved once (``done``), so a chain as long as the spec costs one pass."""
    chain = [model_id]
    while chain[-1] not in done:
        current = chain[-1]
        model = models[current]
        if not isinstance(model, dict) or current in cycles:
            return None
        if EXTENDS not in model:
            done[current] = model
        elif current in parents:
            chain.append(parents[current])
        else:
            return None  # its own extends is wrong, and reported there
    base = done[chain.pop()]
    for child in reversed(chain):
        base = done[child] = merged(base, models[child])
    return base


def _inherited_rejections(family: FamilyDocument, model_id: str, rejected: set[Loc]) -> set[Loc]:
    """The places of ``model_id`` whose value comes from a place the loader refused."""
    found: set[Loc] = set()
    for loc in rejected:
        if len(loc) < 3 or loc[0] != "models" or loc[1] == model_id:
            continue
        mine: Loc = ("models", model_id, *loc[2:])
        if family.origin(mine) == loc:
            found.add(mine)
    return found


# --- what the notes say about families -------------------------------------------------------

# A model id as notes write it: runs of letters and digits joined by '.', '_' or '-'; so an id
# that ends a sentence ("Same as sora-2.") is read without the full stop. Every repeat is
# possessive, over classes that do not overlap: linear on any text.
_ID = r"[A-Za-z0-9]++(?:[._-]++[A-Za-z0-9]++)*+"
# "Same as X", "Same rules as X", "same edge function as X": each names the model X.
SAME_AS = re.compile(rf"\bsame\s++(?P<what>(?:[a-z]++\s++){{0,2}}?)as\s++(?P<id>{_ID})", re.I)
# Of these, "Same as X" and "Same rules as X" also say the model has X's limits.
_FAMILY_WORDS = ("", "rules")
# "Variants: e.g. a, b" and "Variants: a or b": ids made from a model's id.
_AND = r"(?:,\s*+(?:(?:or|and)\s++)?|(?:or|and)\s++)"
VARIANTS = re.compile(
    rf"\bvariants\s*+:\s*+(?:e\.\s*+g\.\s*+)?(?P<ids>{_ID}(?:\s*+{_AND}{_ID})*+)", re.I
)
MODEL_ID = re.compile(_ID)
_ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")


@dataclass(frozen=True)
class NamedModel:
    """A model id the notes name: the id as written, where it starts in the notes, the phrase
    that names it, and how: ``same`` for "Same as X", ``variant`` for a "Variants:" list."""

    model_id: str
    start: int
    phrase: str
    same: bool = False
    variant: bool = False


def named_models(
    notes: str, ids: Collection[str], folded: Collection[str] | None = None
) -> list[NamedModel]:
    """The model ids the notes name, in order.

    A word counts as an id when it is one of ``ids``, differs from one only in letter case, or
    looks like one: lowercase letters, digits, '.', '_' and '-', with a digit or a dash
    (``sora-3``). So a product name ("Same as Kling 2.6 Motion Control") or a plain word
    ("same as above") is read as prose, not as a model that does not exist. ``folded`` is
    ``ids`` in lower case (``str.casefold``), when the caller reads many notes.
    """
    if folded is None:
        folded = {model_id.casefold() for model_id in ids}
    found: list[NamedModel] = []
    for match in SAME_AS.finditer(notes):
        word = match["id"]
        if _names_a_model(word, ids, folded):
            same = match["what"].strip().lower() in _FAMILY_WORDS
            found.append(NamedModel(word, match.start("id"), match[0], same=same))
    for match in VARIANTS.finditer(notes):
        for token in MODEL_ID.finditer(match["ids"]):
            word = token[0]
            if word.lower() not in ("or", "and") and _names_a_model(word, ids, folded):
                start = match.start("ids") + token.start()
                found.append(NamedModel(word, start, word, variant=True))
    return sorted(found, key=lambda named: named.start)


def _names_a_model(word: str, ids: Collection[str], folded: Collection[str]) -> bool:
    if word in ids or word.casefold() in folded:
        return True
    return set(word) <= _ID_CHARACTERS and any(c.isdigit() or c == "-" for c in word)


def family_of(variant: str, ids: Collection[str]) -> str | None:
    """The longest model id that ``variant`` starts with, followed by '-': the model it varies.

    The naming scheme of variant ids (``seedance-1-5-pro-720p-8s``) belongs to the variants
    feature; until the spec declares a model's variants, an id of this shape is taken as one.
    """
    parts = variant.split("-")
    for end in range(len(parts) - 1, 0, -1):  # the longest prefix first
        prefix = "-".join(parts[:end])
        if prefix in ids:
            return prefix
    return None
