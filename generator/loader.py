"""Load a spec safely: YAML bytes become plain data plus the position of every key and value.

PyYAML's own constructors would run tags, keep the last of two duplicate keys, expand alias
bombs and recurse without limit. Here the document is only *composed* into nodes (nothing is
constructed from tags) and then walked by hand, so each of those is a located error instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.errors import SpecError, SpecInvalid

MAX_BYTES = 16 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIAS_EXPANSION = 100_000

Loc = tuple[str | int, ...]

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null")}
_TIMESTAMP = f"{_TAG}timestamp"
_MERGE = f"{_TAG}merge"


@dataclass
class Document:
    """A loaded spec: plain data, where each piece of it came from, and non-fatal load errors."""

    path: str
    data: object
    value_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    errors: list[SpecError] = field(default_factory=list)

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """The position of the value at ``loc`` (or of its key), else of its nearest ancestor."""
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
        return f"model {loc[1]}" + (f": {rest}" if rest else "")
    return _dotted(loc) or "spec"


def _dotted(loc: Loc) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def load_document(raw: bytes, path: str) -> Document:
    """Parse ``raw`` into a Document; raise SpecInvalid when it is not a usable YAML mapping."""
    text = _decode(raw, path)
    _prescan(text, path)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise SpecInvalid([_yaml_error(exc, path)]) from None
    if root is None:
        raise SpecInvalid([SpecError(path, 1, 1, "the spec is empty; expected a mapping")])
    builder = _Builder(path)
    data = builder.build(root, ())
    return Document(path, data, builder.value_pos, builder.key_pos, builder.errors)


def _decode(raw: bytes, path: str) -> str:
    if len(raw) > MAX_BYTES:
        mib = len(raw) / (1024 * 1024)
        message = f"the spec is {mib:.1f} MiB; the limit is {MAX_BYTES // (1024 * 1024)} MiB"
        raise SpecInvalid([SpecError(path, 1, 1, message)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
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
                    message = f"nested more than {MAX_DEPTH} levels deep"
                    raise SpecInvalid([_at_mark(event.start_mark, path, message)])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            elif isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    message = "more than one YAML document; the spec is a single mapping"
                    raise SpecInvalid([_at_mark(event.start_mark, path, message)])
    except yaml.MarkedYAMLError as exc:
        raise SpecInvalid([_yaml_error(exc, path)]) from None
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        raise SpecInvalid([_reader_error(exc, text, path)]) from None


def _at_mark(mark: yaml.Mark | None, path: str, message: str) -> SpecError:
    if mark is None:
        return SpecError(path, 1, 1, message)
    return SpecError(path, mark.line + 1, mark.column + 1, message)


def _yaml_error(exc: yaml.MarkedYAMLError, path: str) -> SpecError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "invalid YAML"
    if exc.context and exc.problem:
        problem = f"{exc.context}: {exc.problem}"
    if "\\t" in problem or "'\\t'" in problem or "tab" in problem:
        problem += " (indent with spaces, not tabs)"
    return _at_mark(mark, path, f"YAML syntax error: {problem}")


def _reader_error(exc: yaml.YAMLError, text: str, path: str) -> SpecError:
    position = getattr(exc, "position", 0)
    character = getattr(exc, "character", None)
    before = text[:position]
    line = before.count("\n") + 1
    col = position - (before.rfind("\n") + 1) + 1
    what = f"U+{ord(character):04X}" if isinstance(character, str) else repr(character)
    return SpecError(path, line, col, f"character {what} is not allowed in YAML")


class _Builder:
    """Turn composed nodes into plain data, recording positions and collecting errors."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.value_pos: dict[Loc, tuple[int, int]] = {}
        self.key_pos: dict[Loc, tuple[int, int]] = {}
        self.errors: list[SpecError] = []
        self._constructor = yaml.SafeLoader("")
        self._seen: set[int] = set()
        self._active: set[int] = set()
        self._expanded = 0

    def _pos(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _fail(self, node: Node, loc: Loc, message: str) -> None:
        line, col = self._pos(node)
        self.errors.append(SpecError(self.path, line, col, f"{describe(loc)}: {message}"))

    def build(self, node: Node, loc: Loc, via_alias: bool = False) -> object:
        via_alias = via_alias or id(node) in self._seen
        self._seen.add(id(node))
        if via_alias:
            self._expanded += 1
            if self._expanded > MAX_ALIAS_EXPANSION:
                line, col = self._pos(node)
                message = (
                    f"anchors and aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes; "
                    "write the values out or use fewer aliases"
                )
                raise SpecInvalid([SpecError(self.path, line, col, message)])
        self.value_pos.setdefault(loc, self._pos(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node, loc)
        if id(node) in self._active:
            self._fail(node, loc, "an alias refers to a mapping or list that contains it")
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

    def _scalar(self, node: ScalarNode, loc: Loc) -> object:
        if node.tag == _TIMESTAMP:
            return str(node.value)
        if node.tag not in _SCALAR_TAGS:
            self._fail(node, loc, f"YAML tag {node.tag!r} is not allowed; the spec is plain data")
            return None
        try:
            return self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError) as exc:
            self._fail(node, loc, f"cannot read {node.value!r}: {exc}")
            return None

    def _sequence(self, node: SequenceNode, loc: Loc, via_alias: bool) -> object:
        if node.tag != f"{_TAG}seq":
            self._fail(node, loc, f"YAML tag {node.tag!r} is not allowed; the spec is plain data")
        return [self.build(item, (*loc, i), via_alias) for i, item in enumerate(node.value)]

    def _mapping(self, node: MappingNode, loc: Loc, via_alias: bool) -> object:
        if node.tag != f"{_TAG}map":
            self._fail(node, loc, f"YAML tag {node.tag!r} is not allowed; the spec is plain data")
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
            self.key_pos[(*loc, key)] = self._pos(key_node)
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
