"""Lint a valid spec: usage notes whose words contradict the data, and data that looks wrong.

The validator rejects what cannot work; lint flags what a reader would be misled by. Each
finding has a rule, a severity and the place in the spec: for a note, the phrase itself.
A model silences a rule with ``lint: {ignore: [{rule, reason}]}``; a silence that silences
nothing is itself reported, so silences do not outlive their reason. Lint reads the spec's
entries; their variants (spec/variants.py) add no data of their own to read.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from modelspec.spec.families import family_of, named_models
from modelspec.spec.loader import Loc
from modelspec.spec.model import InputRule, Model
from modelspec.spec.sources import LoadedSpec

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    """A lint rule: its id (as silences name it), its severity and what it looks for."""

    id: str
    severity: str
    summary: str


RULES: tuple[Rule, ...] = (
    Rule("notes-prompt-max", ERROR, '"Prompt max N chars" in the notes differs from prompt_max'),
    Rule(
        "notes-image-count",
        ERROR,
        'an image count in the notes ("up to 10", "exactly one", "1-8") differs from the limits',
    ),
    Rule(
        "notes-duration",
        ERROR,
        'the durations in the notes ("5s or 10s", "3s\u201315s", "not configurable") differ from '
        "duration_options",
    ),
    Rule(
        "notes-generation-types",
        ERROR,
        'an "X only" phrase or an "X:" mode in the notes disagrees with generation_types',
    ),
    Rule(
        "notes-negative-prompt",
        ERROR,
        '"negative_prompt supported" in the notes disagrees with negative_prompt',
    ),
    Rule(
        "notes-model-ids",
        ERROR,
        'a model id the notes name ("Same as X", "Variants: e.g. X-720p") is not a model of the '
        "spec, nor a variant of one",
    ),
    Rule(
        "notes-same-as",
        ERROR,
        '"Same as X" in the notes, but the model neither extends X nor has X\'s limits',
    ),
    Rule(
        "images-without-image-media",
        WARNING,
        "max_images is above 0, but input_media_types does not list image",
    ),
    Rule("duplicate-notes", WARNING, "two models write the same usage notes"),
    Rule("unused-silence", WARNING, "a lint silence that silences nothing; it cannot be silenced"),
)
SEVERITY = {rule.id: rule.severity for rule in RULES}
SILENCEABLE = tuple(rule.id for rule in RULES if rule.id != "unused-silence")


@dataclass(frozen=True, order=True)
class Finding:
    """One lint finding, placed like a spec error: ``file:line:col``."""

    path: str
    line: int
    col: int
    rule: str
    model_id: str
    message: str

    @property
    def severity(self) -> str:
        """error or warning, as the rule decides."""
        return SEVERITY[self.rule]

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}:{self.col}: {self.severity}: model {self.model_id}: "
            f"{self.message} [{self.rule}]"
        )


@dataclass(frozen=True)
class Silenced:
    """A finding the spec silences, and the reason it gives."""

    finding: Finding
    reason: str


@dataclass(frozen=True)
class LintResult:
    """What lint found: the findings that count, sorted, and the silenced ones."""

    findings: tuple[Finding, ...]
    silenced: tuple[Silenced, ...]

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(1 for f in self.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        """How many findings are warnings."""
        return sum(1 for f in self.findings if f.severity == WARNING)


def lint(spec: LoadedSpec) -> LintResult:
    """Run every rule on ``spec``, then apply the spec's silences."""
    places = _Places(spec)
    found: list[Finding] = []
    for model in _entries(spec):
        found += _notes_findings(model, places)
        found += _family_findings(model, spec, places)
        found += _data_findings(model, places)
    found += _duplicate_notes(spec, places)
    reasons = {(s.model_id, s.rule): s.reason for s in spec.catalog.lint_silences}
    kept: list[Finding] = []
    silenced: list[Silenced] = []
    for finding in found:
        reason = reasons.get((finding.model_id, finding.rule))
        if reason is None:
            kept.append(finding)
        else:
            silenced.append(Silenced(finding, reason))
    kept += _unused_silences(spec, {(f.model_id, f.rule) for f in found}, places)
    return LintResult(tuple(sorted(kept)), tuple(sorted(silenced, key=lambda s: s.finding)))


def _entries(spec: LoadedSpec) -> Iterator[Model]:
    """The models the spec writes: lint reads what a person wrote, so it skips variants,
    whose data and notes are their family's, already read there, and are no copies of it."""
    return (model for model in spec.catalog.models if model.family is None)


class _Places:
    """Turn spec locations, and phrases inside a model's notes, into findings at line:col."""

    def __init__(self, spec: LoadedSpec) -> None:
        self.spec = spec
        self.document = spec.document.located()
        starts = [0] + [m.end() for m in re.finditer(r"\r\n|[\n\r\x85\u2028\u2029]", spec.text)]
        self.line_starts = starts
        self.key_starts = sorted(set(self.document.key_pos.values()))
        self._index = {m.model_id: i for i, m in enumerate(spec.catalog.models)}
        self.models = {m.model_id: m for m in spec.catalog.models}
        self.folded_ids = {model_id.casefold() for model_id in self.models}
        # (model_id, phrase) -> where the phrase ends in the notes, and starts in the spec's text:
        # found once per phrase, so many claims of one phrase cost one pass, not one each.
        self._phrases: dict[tuple[str, str], tuple[list[int], list[int]]] = {}

    def at(self, loc: Loc, rule: str, model_id: str, message: str) -> Finding:
        line, col = self.document.where(loc)
        return Finding(self.spec.name, line, col, rule, model_id, message)

    def in_notes(self, model_id: str, claim: _Claim, message: str) -> Finding:
        """A finding at the claim's phrase in the spec's text, else at the notes' start.

        The notes are folded text; their source spreads a phrase over lines and indentation,
        so the phrase is matched with any whitespace between its words, and the n-th phrase
        of the notes is the n-th match in the source.
        """
        ends_in_notes, in_source = self._phrase(model_id, claim.phrase)
        nth = bisect.bisect_right(ends_in_notes, claim.start)  # the phrases before this one
        if nth >= len(in_source):  # escapes in a quoted scalar: the source differs from the text
            return self.at(("models", model_id, "usage_notes"), claim.rule, model_id, message)
        offset = in_source[nth]
        line = bisect.bisect_right(self.line_starts, offset)
        col = offset - self.line_starts[line - 1] + 1
        return Finding(self.spec.name, line, col, claim.rule, model_id, message)

    def _phrase(self, model_id: str, phrase: str) -> tuple[list[int], list[int]]:
        """Where each ``phrase`` ends in the model's notes, and starts in their source text."""
        known = self._phrases.get((model_id, phrase))
        if known is not None:
            return known
        start = self.document.where(("models", model_id, "usage_notes"))
        following = bisect.bisect_right(self.key_starts, start)
        end = self.key_starts[following] if following < len(self.key_starts) else None
        begin = self._offset(start)
        stop = self._offset(end) if end else len(self.spec.text)
        # Literal words joined by runs of whitespace: one way to match, so one pass.
        words = re.compile(r"\s++".join(re.escape(word) for word in phrase.split()))
        notes = self.spec.catalog.models[self._index[model_id]].usage_notes
        found = (
            [m.end() for m in words.finditer(notes)],
            [m.start() for m in words.finditer(self.spec.text, begin, stop)],
        )
        self._phrases[(model_id, phrase)] = found
        return found

    def _offset(self, position: tuple[int, int]) -> int:
        line, col = position
        return self.line_starts[min(line, len(self.line_starts)) - 1] + col - 1


# --- the notes against the data ----------------------------------------------------------

_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
# Every repeat of whitespace or digits is possessive (``++``, ``*+``): once taken, never given
# back. A regex that could split one run of spaces between two repeats tries every split, so
# notes with 10,000 spaces took seconds per phrase; here a failed match costs one pass.
# tests/test_lint_speed.py runs every pattern of this module on text ten times the longest note.
_NUM = r"\d++|" + "|".join(_NUMBERS)
_MODE = r"(?<![\w-])(?P<mode>(?:text|image)-to-(?:image|video))"
_I = re.IGNORECASE
_DASH = r"[-\u2013\u2014]"  # hyphen, en dash, em dash
_ONLY = re.compile(_MODE + r"\s++only\b", _I)
# "Image-to-image:", "(2) image-to-video:", "Image-to-video / reference modes:"
_LABEL = re.compile(_MODE + r"(?:\s*+/[^:.;]{0,40})?\s*+:(?!\S)", _I)
_SET_MODE = re.compile(r"\bgeneration_type\s*+=\s*+['\"](?P<mode>[a-z-]+)['\"]", _I)
_PROMPT_MAX = re.compile(
    r"\bprompt\s++max(?:imum)?\s*+:?\s*+(?P<n>\d[\d,]*+)(?:\s*+(?:chars|characters)\b)?", _I
)
_IMAGES = r"\s++images?\b(?:\s++URLs?\b)?"  # "image", "images", "image URLs"
# "up to 10 image URLs", "Up to 10 images", "source_media_urls (up to 10)"; not "up to 100MB"
_UP_TO = re.compile(rf"\bup\s++to\s++(?P<hi>{_NUM})(?:{_IMAGES}|(?=\)))", _I)
_EXACTLY = re.compile(rf"\bexactly\s++(?P<n>{_NUM}){_IMAGES}", _I)
_RANGE = re.compile(rf"(?<![\w.-])(?P<lo>\d++)\s*+{_DASH}\s*+(?P<hi>\d++){_IMAGES}", _I)
_SECONDS = r"\d++s\b"
_DURATION_RANGE = re.compile(
    rf"\bduration\s*+:?\s*+(?P<lo>{_SECONDS})\s*+(?:{_DASH}|to\b)\s*+(?P<hi>{_SECONDS})", _I
)
_DURATION_LIST = re.compile(
    rf"\bduration\s*+:?\s*+{_SECONDS}"
    rf"(?:\s*+(?:,\s*+(?:or\s++|and\s++)?|or\s++|and\s++){_SECONDS})*",
    _I,
)
_NO_DURATION = re.compile(
    r"\bduration\s++(?:is\s++)?not\s++(?:configurable|set\s++via\s++(?:a\s++)?parameter)"
    r"|\bduration\s++parameter\s++(?:is\s++)?ignored",
    _I,
)
_NEGATIVE = re.compile(r"\bnegative[_ ]prompt\s++(?:is\s++)?(?P<not>not\s++)?supported\b", _I)


@dataclass(frozen=True)
class _Claim:
    """A phrase of the notes the data contradicts: where it starts, and the problem."""

    rule: str
    phrase: str
    start: int
    problem: str

    @classmethod
    def at(cls, rule: str, match: re.Match[str], problem: str) -> _Claim:
        return cls(rule, match[0], match.start(), problem)


def _notes_findings(model: Model, places: _Places) -> Iterator[Finding]:
    """Every phrase of the model's notes that says something the data contradicts."""
    claims = [
        *_prompt_max_claims(model),
        *_generation_type_claims(model),
        *_image_count_claims(model),
        *_duration_claims(model),
        *_negative_prompt_claims(model),
    ]
    for claim in claims:
        yield _notes_finding(model, claim, places)


def _prompt_max_claims(model: Model) -> Iterator[_Claim]:
    for match in _PROMPT_MAX.finditer(model.usage_notes):
        if int(match["n"].replace(",", "")) != model.prompt_max:
            yield _Claim.at("notes-prompt-max", match, f"prompt_max is {model.prompt_max}")


def _generation_type_claims(model: Model) -> Iterator[_Claim]:
    """An "X only" phrase needs exactly that mode; a mode the notes describe must be offered."""
    rule, types = "notes-generation-types", model.generation_types
    listed = ", ".join(types)
    for match in _ONLY.finditer(model.usage_notes):
        if types != (match["mode"].lower(),):
            yield _Claim.at(rule, match, f"generation_types is {listed}")
    for pattern in (_LABEL, _SET_MODE):
        for match in pattern.finditer(model.usage_notes):
            mode = match["mode"].lower()
            if mode not in types:
                yield _Claim.at(rule, match, f"{mode} is not in generation_types ({listed})")


def _image_count_claims(model: Model) -> Iterator[_Claim]:
    """Image counts, read against the mode the notes are describing at that point."""
    notes = model.usage_notes
    modes = sorted(
        (m.start(), m["mode"].lower()) for p in (_LABEL, _ONLY) for m in p.finditer(notes)
    )
    mode_starts = [at for at, _ in modes]
    claims: list[tuple[re.Match[str], int | None, int]] = []
    claims += [(m, None, _number(m["hi"])) for m in _UP_TO.finditer(notes)]
    claims += [(m, _number(m["n"]), _number(m["n"])) for m in _EXACTLY.finditer(notes)]
    claims += [(m, int(m["lo"]), int(m["hi"])) for m in _RANGE.finditer(notes)]
    for match, low, high in sorted(claims, key=lambda c: c[0].start()):
        described = bisect.bisect_left(mode_starts, match.start())  # the modes named before it
        mode = modes[described - 1][1] if described else None
        if mode is not None and mode not in model.generation_types:
            continue  # the mode itself contradicts the data; notes-generation-types says so
        who, (least, most) = _image_range(model, mode)
        if (low is not None and low != least) or high != most:
            problem = f"{who} takes {_images(least, most)}"
            yield _Claim.at("notes-image-count", match, problem)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word.lower()]


def _image_range(model: Model, mode: str | None) -> tuple[str, tuple[int, int]]:
    """Who a count is about and the images it takes: one mode, or the model's image modes."""
    if mode is not None:
        rule = model.input_rule(mode)
        return mode, (rule.min_images, rule.max_images)
    taking: list[InputRule] = [r for r in model.inputs if r.max_images > 0]
    if not taking:
        return "the model", (0, 0)
    return "the model", (min(r.min_images for r in taking), model.max_images)


def _images(least: int, most: int) -> str:
    if most == 0:
        return "no images"
    if least == most:
        return f"exactly {most} image{'s' if most != 1 else ''}"
    if least == 0:
        return f"up to {most} image{'s' if most != 1 else ''}"
    return f"{least} to {most} images"


def _duration_claims(model: Model) -> Iterator[_Claim]:
    """Durations named in the notes, as a list or a range, must be the duration_options."""
    notes, options = model.usage_notes, model.duration_options
    rule = "notes-duration"
    has = f"duration_options is {', '.join(options)}" if options else "duration_options is empty"
    seconds = sorted(int(o[:-1]) for o in options)
    ranges = list(_DURATION_RANGE.finditer(notes))
    for match in ranges:
        low, high = int(match["lo"][:-1]), int(match["hi"][:-1])
        if not seconds or (seconds[0], seconds[-1]) != (low, high):
            yield _Claim.at(rule, match, has)
    starts = {m.start() for m in ranges}
    for match in _DURATION_LIST.finditer(notes):
        named = set(re.findall(r"\d+s", match[0].lower()))
        if match.start() not in starts and named != set(options):
            yield _Claim.at(rule, match, has)
    for match in _NO_DURATION.finditer(notes):
        if options:
            yield _Claim.at(rule, match, has)


def _negative_prompt_claims(model: Model) -> Iterator[_Claim]:
    for match in _NEGATIVE.finditer(model.usage_notes):
        if bool(match["not"]) == model.negative_prompt:
            value = "true" if model.negative_prompt else "false"
            yield _Claim.at("notes-negative-prompt", match, f"negative_prompt is {value}")


# --- families: the models the notes name -------------------------------------------------

# What "Same as X" promises: every limit of X, so every field of Model but these two.
_LIMITS = tuple(
    f.name for f in dataclasses.fields(Model) if f.name not in ("model_id", "usage_notes")
)


def _family_findings(model: Model, spec: LoadedSpec, places: _Places) -> Iterator[Finding]:
    """Every model the notes name must exist (a variant: start with a model id and "-"), and
    "Same as X" must hold: the model extends X (directly or through its parents), whose
    differences are then written as overrides; or else it has all of X's limits.

    Only the notes' words are read, so "Same as X" with data that differs, however the rest
    of the notes explain it, is a finding: ``extends: X`` says the same thing in data.
    """
    models = places.models
    for named in named_models(model.usage_notes, models, places.folded_ids):
        claim = _Claim("notes-model-ids", named.phrase, named.start, "")
        if named.variant:
            if named.model_id not in models and family_of(named.model_id, models) is None:
                problem = (
                    f"{named.model_id} is neither a model of this spec nor a variant of one "
                    '(a model id, then "-")'
                )
                yield _notes_finding(model, dataclasses.replace(claim, problem=problem), places)
            continue
        other = models.get(named.model_id)
        if other is None:
            hint = _did_you_mean(named.model_id, models)
            problem = f"{named.model_id} is not a model of this spec{hint}"
            yield _notes_finding(model, dataclasses.replace(claim, problem=problem), places)
        elif named.same and other is not model:
            if other.model_id in spec.document.lineage(model.model_id)[1:]:
                continue  # a family by construction: the differences are its overrides
            differ = [name for name in _LIMITS if getattr(model, name) != getattr(other, name)]
            if differ:
                verb = "differs" if len(differ) == 1 else "differ"
                problem = (
                    f"{', '.join(differ)} {verb} from {other.model_id}'s; write extends: "
                    f"{other.model_id} and only what differs, or correct the data"
                )
                claim = _Claim("notes-same-as", named.phrase, named.start, problem)
                yield _notes_finding(model, claim, places)


def _notes_finding(model: Model, claim: _Claim, places: _Places) -> Finding:
    message = f'usage_notes say "{" ".join(claim.phrase.split())}", but {claim.problem}'
    return places.in_notes(model.model_id, claim, message)


def _did_you_mean(word: str, models: dict[str, Model]) -> str:
    close = difflib.get_close_matches(word, list(models), n=1, cutoff=0.6)
    folded = {model_id.casefold(): model_id for model_id in models}
    nearest = folded.get(word.casefold()) or (close[0] if close else None)
    return f'; did you mean "{nearest}"?' if nearest else ""


# --- suspicious data ----------------------------------------------------------------------


def _data_findings(model: Model, places: _Places) -> Iterator[Finding]:
    if model.max_images > 0 and "image" not in model.input_media_types:
        listed = ", ".join(model.input_media_types) or "nothing"
        message = (
            f"max_images is {model.max_images}, but input_media_types lists {listed}: "
            "GET /v1/models tells clients the model takes no images"
        )
        loc: Loc = ("models", model.model_id, "max_images")
        yield places.at(loc, "images-without-image-media", model.model_id, message)


def _duplicate_notes(spec: LoadedSpec, places: _Places) -> Iterator[Finding]:
    """Notes copied word for word to another model usually describe only one of them.

    Notes a model inherits are written once, by its ancestor: they are no copy.
    """
    first: dict[str, str] = {}
    for model in _entries(spec):
        writer = spec.document.writer(model.model_id, "usage_notes")
        text = " ".join(model.usage_notes.split())
        original = first.setdefault(text, writer)
        if original != writer and writer == model.model_id:
            loc: Loc = ("models", model.model_id, "usage_notes")
            message = f"usage_notes are the same as those of model {original}"
            yield places.at(loc, "duplicate-notes", model.model_id, message)


def _unused_silences(
    spec: LoadedSpec, found: set[tuple[str, str]], places: _Places
) -> Iterator[Finding]:
    index: dict[str, int] = {}
    for silence in spec.catalog.lint_silences:
        i = index[silence.model_id] = index.get(silence.model_id, -1) + 1
        if (silence.model_id, silence.rule) not in found:
            loc: Loc = ("models", silence.model_id, "lint", "ignore", i)
            message = f"lint.ignore[{i}]: {silence.rule} finds nothing here; remove the silence"
            yield places.at(loc, "unused-silence", silence.model_id, message)
