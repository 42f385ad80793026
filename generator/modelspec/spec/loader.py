"""Load a spec safely: YAML bytes become plain data plus the position of every key and value.

PyYAML's own constructors would run tags, keep the last of two duplicate keys, expand alias
bombs and recurse without limit. Here the document is only *composed* into nodes (nothing is
constructed from tags) and then walked by hand, so each of those is a located error instead.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from modelspec.cache.memo import Memo
from modelspec.errors import SpecError, SpecInvalid
from modelspec.files import SPEC_LIMIT

MAX_BYTES = SPEC_LIMIT
MAX_DEPTH = 64
MAX_ALIAS_EXPANSION = 100_000

Loc = tuple[str | int, ...]

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null")}
_TIMESTAMP = f"{_TAG}timestamp"
_MERGE = f"{_TAG}merge"
_PLAIN_NAME = re.compile(r"(?!.*\.\.)[A-Za-z0-9][A-Za-z0-9._-]{0,59}")
# The characters YAML forbids in a stream (PyYAML's Reader.NON_PRINTABLE).
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class Document:
    """A loaded spec: plain data, where each piece of it came from, and non-fatal load errors.

    ``rejected`` holds the places whose value the loader refused (a tag, a recursive alias): their
    errors are already in ``errors``, so the validator says nothing more about them.
    """

    path: str
    data: object
    value_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    errors: list[SpecError] = field(default_factory=list)
    rejected: set[Loc] = field(default_factory=set)
    # The text whose positions are still to be found: a chunked load (see ``load_chunked``)
    # leaves them to be found on first use, which only an error or a lint finding needs.
    pending: str | None = None

    def located(self) -> Document:
        """This document with every position filled in."""
        if self.pending is not None:
            full = load_plain(self.pending, self.path) or load_composed(self.pending, self.path)
            self.value_pos, self.key_pos, self.pending = full.value_pos, full.key_pos, None
        return self

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The position of the value at ``loc`` (or of its key), else of its nearest ancestor."""
        self.located()
        if key and loc in self.key_pos:
            return self.key_pos[loc]
        while loc:
            if loc in self.value_pos:
                return self.value_pos[loc]
            loc = loc[:-1]
        return self.value_pos.get((), (1, 1))

    def error(self, loc: Loc, message: str, *, key: bool = False) -> SpecError:
        """A SpecError placed at ``loc``, its message prefixed with the model and field it names."""
        line, col = self.where(loc, key=key)
        return SpecError(self.path, line, col, f"{describe(loc)}: {message}")


def describe(loc: Loc) -> str:
    """Name a location for a person: ``model flux-2: generation_types[1]``."""
    if len(loc) >= 2 and loc[0] == "models":
        rest = _dotted(loc[2:])
        return f"model {_plain_or_quoted(str(loc[1]))}" + (f": {rest}" if rest else "")
    if loc and isinstance(loc[0], int):
        return "spec" + _dotted(loc)
    return _dotted(loc) or "spec"


def _dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + _plain_or_quoted(part)
    return text


def _plain_or_quoted(name: str, limit: int = 60) -> str:
    """A key as written when it is a plain word; else quoted and bounded, so ``""`` or ``a b`` show."""
    if _PLAIN_NAME.fullmatch(name):
        return name
    text = json.dumps(name, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 2] + '…"'


def load_document(raw: bytes, path: str, cache: Path | None = None) -> Document:
    """Parse ``raw`` into a Document; raise SpecInvalid when it is not a usable YAML mapping.

    With a ``cache`` folder, models whose text is unchanged since the last load are not
    parsed again (see ``load_chunked``).
    """
    text = _decode(raw, path)
    chunked = load_chunked(text, path, cache) if cache is not None else None
    return chunked or load_plain(text, path) or load_composed(text, path)


_MODELS_LINE = re.compile(r"^models:[ \t]*\n", re.MULTILINE)
_TOP_LEVEL_LINE = re.compile(r"^[^ \t#\r\n]", re.MULTILINE)  # not indented, blank or a comment
_ENTRY_LINE = re.compile(r"^  [^ \t#\r\n]", re.MULTILINE)  # a model id under models:
_INDENT_BELOW_ENTRY = re.compile(r"^ ?[^ \t#\r\n]", re.MULTILINE)


def load_chunked(text: str, path: str, cache: Path) -> Document | None:
    """A spec whose models are mostly unchanged, without parsing them all again.

    The ``models:`` block is cut into one chunk of text per model (each model id indented by
    two spaces). A chunk seen before, byte for byte, gives back the data it gave then; a new
    one is parsed on its own, and so is the rest of the spec. Positions are found only when
    asked for (``Document.located``). Anything that does not cut cleanly (another layout,
    a chunk that is not one plain model, a repeated id) returns None, and the spec is parsed
    whole, which also reports every problem.
    """
    found = list(_MODELS_LINE.finditer(text))
    if len(found) != 1:
        return None
    start = found[0].end()
    after = _TOP_LEVEL_LINE.search(text, start)
    end = after.start() if after else len(text)
    block = text[start:end]
    entries = [m.start() for m in _ENTRY_LINE.finditer(block)]
    if not entries or entries[0] != _first_content(block) or _INDENT_BELOW_ENTRY.search(block):
        return None
    rest = load_plain(text[: found[0].start()] + "models: {}\n" + text[end:], path)
    if rest is None or not isinstance(rest.data, dict) or rest.data.get("models") != {}:
        return None
    memo = Memo(cache, "spec-chunks", _chunk_salt(), data=True)
    models: dict[str, object] = {}
    for begin, finish in zip(entries, [*entries[1:], len(block)], strict=True):
        chunk = block[begin:finish]
        key = hashlib.sha256(chunk.encode("utf-8")).hexdigest()
        kept = memo.get(key, list)
        if kept is None or len(kept) != 2 or not isinstance(kept[0], str):
            parsed = load_plain("models:\n" + chunk, path)
            data = parsed.data if parsed is not None else None
            if not isinstance(data, dict) or not isinstance(data.get("models"), dict):
                return None
            if len(data) != 1 or len(data["models"]) != 1:
                return None
            model_id, model = next(iter(data["models"].items()))
            kept = [str(model_id), model]
        if kept[0] in models:
            return None  # a repeated id: the whole parse reports it
        memo.put(key, kept)
        models[kept[0]] = kept[1]
    memo.save()
    rest.data["models"] = models
    return Document(path, rest.data, pending=text)


def _first_content(block: str) -> int:
    """Where the first line that is neither blank nor a comment starts."""
    match = re.search(r"^[ \t]*[^ \t#\r\n]", block, re.MULTILINE)
    return match.start() if match else -1


def _chunk_salt() -> str:
    """What decides a chunk's data besides its text: this loader and the YAML parser."""
    source = Path(__file__).read_bytes()
    return hashlib.sha256(source).hexdigest() + " pyyaml " + yaml.__version__


def load_composed(text: str, path: str) -> Document:
    """The general path: compose nodes, then build data from them, reporting every oddity."""
    _prescan(text, path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise SpecInvalid([_yaml_error(exc, text, path)]) from None
    if root is None or root.tag == f"{_TAG}null":
        message = "the spec is empty; expected a mapping with request_fields and models"
        raise SpecInvalid([SpecError(path, 1, 1, message)])
    builder = _Builder(path)
    data = builder.build(root, ())
    return Document(
        path, data, builder.value_pos, builder.key_pos, builder.errors, builder.rejected
    )


def _decode(raw: bytes, path: str) -> str:
    if len(raw) > MAX_BYTES:
        mib = len(raw) / (1024 * 1024)
        message = f"the spec is {mib:.1f} MiB; the limit is {MAX_BYTES // (1024 * 1024)} MiB"
        raise SpecInvalid([SpecError(path, 1, 1, message)])
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SpecInvalid([SpecError(path, 1, 1, "the spec is UTF-16; save it as UTF-8")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8-sig")) + 1
        message = f"not valid UTF-8: byte 0x{raw[exc.start]:02x}; save the spec as UTF-8"
        raise SpecInvalid([SpecError(path, line, col, message)]) from None


def _prescan(text: str, path: str) -> None:
    """Walk the event stream once: reject syntax errors, deep nesting and extra documents early.

    Events come from a flat state machine, so a 20,000-level document cannot exhaust the stack
    here, as it would in the recursive composer.
    """
    depth = documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise SpecInvalid([_at_mark(event.start_mark, path, _TOO_DEEP)])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    message = "more than one YAML document; the spec is a single mapping"
                    raise SpecInvalid([_at_mark(event.start_mark, path, message)])
    except yaml.MarkedYAMLError as exc:
        raise SpecInvalid([_yaml_error(exc, text, path)]) from None
    except yaml.YAMLError:  # ReaderError: a character YAML does not allow
        raise SpecInvalid([_reader_error(text, path)]) from None


_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"
_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers
_STR = f"{_TAG}str"


def load_plain(text: str, path: str) -> Document | None:
    """The common case in one pass over the parser's events, without composing nodes.

    A spec with no anchor, alias, tag, merge key, duplicate key, complex key or anything else
    unusual becomes the same Document as the general path would build, at a third of the cost
    (a 10,000-model spec: 0.8 s instead of 2.5 s). Anything unusual returns None, and the
    general path below loads the spec and reports each problem.
    """
    value_pos: dict[Loc, tuple[int, int]] = {}
    key_pos: dict[Loc, tuple[int, int]] = {}
    constructor = yaml.SafeLoader("")
    root: object = None
    # One frame per open collection: [container, its loc, the pending key (None: expect one)].
    stack: list[list[Any]] = []
    documents = 0
    try:
        events: Any = yaml.parse(text, Loader=_Loader)  # PyYAML's events are untyped
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    return None
                value: object = event.value
                if event.implicit[0]:
                    tag = _resolve(event.value)
                    if tag not in _SCALAR_TAGS and tag != _TIMESTAMP:
                        return None  # a merge key, or YAML 1.1's "=" value key
                    if tag != _STR and tag != _TIMESTAMP:
                        node = ScalarNode(tag, event.value)
                        value = constructor.construct_object(node)
                if stack and stack[-1][2] is None and isinstance(stack[-1][0], dict):
                    frame = stack[-1]
                    key = event.value
                    if key in frame[0]:
                        return None
                    key_pos[(*frame[1], key)] = (
                        event.start_mark.line + 1,
                        event.start_mark.column + 1,
                    )
                    frame[2] = key
                    continue
                _place(stack, value, event.start_mark, value_pos)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                    return None
                if stack and stack[-1][2] is None and isinstance(stack[-1][0], dict):
                    return None  # a list or mapping as a key
                container: dict[str, object] | list[object] = (
                    {} if kind is yaml.MappingStartEvent else []
                )
                loc = _place(stack, container, event.start_mark, value_pos)
                if not stack:
                    root = container
                stack.append([container, loc, None])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
            elif kind is yaml.AliasEvent:
                return None
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    return None
    except (yaml.YAMLError, ValueError):
        return None
    if not isinstance(root, dict):
        return None
    return Document(path, root, value_pos, key_pos)


def _resolve(value: str) -> str:
    """The tag YAML 1.1 gives a plain scalar, exactly as PyYAML's resolver decides it."""
    resolvers = _IMPLICIT.get(value[0] if value else "", [])
    for tag, pattern in (*resolvers, *_IMPLICIT.get(None, [])):
        if pattern.match(value):
            return str(tag)
    return _STR


def _place(
    stack: list[list[Any]], value: object, mark: Any, value_pos: dict[Loc, tuple[int, int]]
) -> Loc:
    """Put ``value`` into the open collection (or make it the root); return its loc."""
    pos = (mark.line + 1, mark.column + 1)
    if not stack:
        value_pos.setdefault((), pos)
        return ()
    frame = stack[-1]
    container = frame[0]
    if isinstance(container, dict):
        loc = (*frame[1], frame[2])
        container[frame[2]] = value
        frame[2] = None
    else:
        loc = (*frame[1], len(container))
        container.append(value)
    value_pos.setdefault(loc, pos)
    return loc


class _Mark(Protocol):
    """A place in the text, as both PyYAML's Python and C (libyaml) parsers report it."""

    line: int
    column: int


def _at_mark(mark: _Mark | None, path: str, message: str) -> SpecError:
    if mark is None:
        return SpecError(path, 1, 1, message)
    return SpecError(path, mark.line + 1, mark.column + 1, message)


def _yaml_error(exc: yaml.MarkedYAMLError, text: str, path: str) -> SpecError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    if "maximum nesting depth" in problem:  # libyaml's own limit, hit inside deep [[[ or {{{
        return _at_mark(mark, path, _TOO_DEEP)
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        problem = "a tab in the indentation; indent with spaces"
    else:
        problem = _with_context(exc, problem)
    return _at_mark(mark, path, f"YAML syntax error: {problem}")


def _with_context(exc: yaml.MarkedYAMLError, problem: str) -> str:
    """Say where the broken construct begins: an unclosed ``[`` is only noticed lines later."""
    start, end = exc.context_mark, exc.problem_mark
    if start is None or not exc.context:
        return problem
    at = f"{start.line + 1}:{start.column + 1}"
    if problem == "second occurrence":  # the composer's "found duplicate anchor"
        return f"an anchor is defined twice (first at {at}); give each anchor its own name"
    if end is None or (start.line, start.column) == (end.line, end.column):
        return f"{problem} ({exc.context})"
    return f"{problem} ({exc.context} that starts at {at})"


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n")
    return lines[line][column : column + 1] if line < len(lines) else ""


def _reader_error(text: str, path: str) -> SpecError:
    """Place a character YAML forbids by finding it: the C reader reports a byte offset."""
    match = _NOT_YAML.search(text)
    if match is None:  # pragma: no cover - the reader rejects only these characters
        return SpecError(path, 1, 1, "a character YAML does not allow")
    line = text.count("\n", 0, match.start()) + 1
    col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    code = f"U+{ord(match.group()):04X}"
    message = f"character {code} is not allowed in YAML; the spec must be plain UTF-8 text"
    return SpecError(path, line, col, message)


class _Builder:
    """Turn composed nodes into plain data, recording positions and collecting errors."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.value_pos: dict[Loc, tuple[int, int]] = {}
        self.key_pos: dict[Loc, tuple[int, int]] = {}
        self.errors: list[SpecError] = []
        self.rejected: set[Loc] = set()
        self._constructor = yaml.SafeLoader("")
        self._seen: set[int] = set()
        self._active: set[int] = set()
        self._expanded = 0

    def _pos(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _fail(self, node: Node, loc: Loc, message: str) -> None:
        line, col = self._pos(node)
        self.errors.append(SpecError(self.path, line, col, f"{describe(loc)}: {message}"))

    def _reject(self, node: Node, loc: Loc, message: str) -> None:
        """Refuse the value at ``loc``: one error here, and none from the validator about it."""
        self._fail(node, loc, message)
        self.rejected.add(loc)

    def _reject_tag(self, node: Node, loc: Loc) -> None:
        tag = "!!" + node.tag.removeprefix(_TAG) if node.tag.startswith(_TAG) else node.tag
        self._reject(node, loc, f"YAML tag {tag} is not allowed; write a plain value")

    def build(self, node: Node, loc: Loc, via_alias: bool = False) -> object:
        via_alias = via_alias or id(node) in self._seen
        self._seen.add(id(node))
        if via_alias:
            self._expanded += 1
            if self._expanded > MAX_ALIAS_EXPANSION:
                raise SpecInvalid([self._alias_bomb(node, loc)])
        self.value_pos.setdefault(loc, self._pos(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node, loc)
        if id(node) in self._active:
            # Aliases are resolved to their anchor; the key that holds the alias is the place.
            line, col = self.key_pos.get(loc, self._pos(node))
            message = (
                f"{describe(loc)}: an alias points back into the list or mapping that holds it"
            )
            self.errors.append(SpecError(self.path, line, col, message))
            self.rejected.add(loc)
            return None
        self._active.add(id(node))
        try:
            if isinstance(node, MappingNode):
                return self._mapping(node, loc, via_alias)
            if isinstance(node, SequenceNode):
                return self._sequence(node, loc, via_alias)
        finally:
            self._active.discard(id(node))
        return None  # pragma: no cover - the composer yields only the three node kinds

    def _alias_bomb(self, node: Node, loc: Loc) -> SpecError:
        """Stop at the key whose value grew past the limit; never print what it expands to."""
        keys = [i for i, part in enumerate(loc) if isinstance(part, str)]
        where = loc[: keys[-1] + 1] if keys else ()
        line, col = self.key_pos.get(where, self._pos(node))
        message = (
            f"anchors and aliases expand to more than {MAX_ALIAS_EXPANSION:,} values; "
            "write the values out or use fewer aliases"
        )
        return SpecError(self.path, line, col, f"{describe(where)}: {message}")

    def _scalar(self, node: ScalarNode, loc: Loc) -> object:
        if node.tag == _TIMESTAMP:
            return str(node.value)
        if node.tag not in _SCALAR_TAGS:
            self._reject_tag(node, loc)
            return None
        try:
            return self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError):  # `!!int abc`, or more digits than Python converts
            kind = node.tag.removeprefix(_TAG)
            text = json.dumps(
                node.value if len(node.value) <= 20 else node.value[:19] + "…", ensure_ascii=False
            )
            size = f"; it is {len(node.value):,} characters long" if len(node.value) > 20 else ""
            self._reject(node, loc, f"cannot read {text} as {kind}{size}")
            return None

    def _sequence(self, node: SequenceNode, loc: Loc, via_alias: bool) -> object:
        if node.tag != f"{_TAG}seq":
            self._reject_tag(node, loc)
            return None
        return [self.build(item, (*loc, i), via_alias) for i, item in enumerate(node.value)]

    def _mapping(self, node: MappingNode, loc: Loc, via_alias: bool) -> object:
        if node.tag != f"{_TAG}map":
            self._reject_tag(node, loc)
            return None
        result: dict[str, object] = {}
        first_line: dict[str, int] = {}
        merges: list[Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                merges.append(value_node)
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag not in (
                _SCALAR_TAGS | {_TIMESTAMP}
            ):
                self._fail(key_node, loc, "a key must be a plain string")
                continue
            key = str(key_node.value)
            if key in result:
                kind = "model id" if loc == ("models",) else "key"
                self._fail(
                    key_node, (*loc, key), f"duplicate {kind} (first at line {first_line[key]})"
                )
                continue
            first_line[key] = self._pos(key_node)[0]
            self.key_pos.setdefault((*loc, key), self._pos(key_node))
            result[key] = self.build(value_node, (*loc, key), via_alias)
        for merge in merges:
            self._merge_into(result, merge, loc, via_alias)
        return result

    def _merge_into(self, result: dict[str, object], node: Node, loc: Loc, via: bool) -> None:
        """Apply a YAML merge key (``<<: *defaults``): keys written out win over merged ones."""
        sources = node.value if isinstance(node, SequenceNode) else [node]
        for source in sources:
            if not isinstance(source, MappingNode):
                self._fail(source, loc, "a merge key (<<) takes a mapping or a list of mappings")
                continue
            merged = self.build(source, loc, via)
            if isinstance(merged, dict):
                for key, value in merged.items():
                    result.setdefault(key, value)
