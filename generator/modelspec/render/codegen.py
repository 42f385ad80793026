"""Pydantic models from datamodel-code-generator: sharded by shape, cached, on every core.

One datamodel-code-generator call over a 10,000-model document takes 80 s and 3 GB, and its
10,000-member ``A | B | …`` union does not even compile. So the module is built in pieces:

1. Each model's request schema becomes a *shape*: the schema with the model's id replaced by a
   fixed-length placeholder. Models that differ only in their id share a shape.
2. Each shape is looked up in the cache under the hash of everything that shapes its code (the
   normalised schema, the code generator's version and options, this module's format).
3. The missing shapes are generated in shards of at most ``SHARD_SIZE``, one
   datamodel-code-generator call per shard, spread over the CPU cores. Each shard's module is
   split per shape (its classes, the helper classes they use, their imports) and cached.
4. The module is assembled: the imports, the shared helper classes, each model's classes with
   its own id and class name put back, and ``GenerateMediaRequest``, the discriminated union of
   them all, written here with ``Union[...]`` so that it compiles at any size.

A shape's code never depends on which shard or slot produced it: every placeholder has the same
length, so the same input gives the same bytes whether it came from the cache or not.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from modelspec.cache.memo import Memo, write_later
from modelspec.errors import TemplateFailure
from modelspec.files import read_if_regular
from modelspec.render.formatting import format_python
from modelspec.spec.names import RESERVED_WORDS

# Every option that shapes the generated code, in one place; the tool's version is pinned.
CODEGEN_OPTIONS: dict[str, Any] = {
    "use_missing_sentinel": True,
    "strict_types": ["str", "int", "float", "bool"],
    "enum_field_as_literal": "all",
    "use_annotated": True,
    "field_constraints": True,
    "extra_fields": "forbid",
    # A field with a default is not nullable: null is refused as the schemas refuse it.
    "strict_nullable": True,
    "disable_timestamp": True,
    "formatters": ["builtin"],
    # Pinned: otherwise the formatter reads the line length from the nearest pyproject.toml.
    "builtin_format_line_length": 100,
}
CACHE_FORMAT = 3  # bump when the cached entries or the way they are made change
SHARD_SIZE = 250  # shapes per datamodel-code-generator call, at most
ONE_SHARD = 100  # up to this many missing shapes, one call beats several
_ID = "modelspec-shape-{:06d}"
_CLASS = "ModelspecShape{:06d}Request"
_CANONICAL_ID, _CANONICAL_CLASS = _ID.format(0), _CLASS.format(0)


@dataclass(frozen=True)
class Piece:
    """One shape's generated code, with its placeholders, and what it needs from the module."""

    classes: str
    helpers: dict[str, str]
    imports: dict[str, list[str]]

    def as_json(self, key: str) -> str:
        """The piece as kept in the shape cache under ``key``, sealed (see ``seal``)."""
        fields = {"classes": self.classes, "helpers": self.helpers, "imports": self.imports}
        return json.dumps({**fields, "seal": seal(key, fields)}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, key: str) -> Piece | None:
        """The piece kept under ``key``, or None unless it is whole, well typed and sealed
        for that key: what comes out of a cache is checked like input from a stranger."""
        data = json.loads(text)
        if not isinstance(data, dict):
            return None
        classes, helpers, imports = data.get("classes"), data.get("helpers"), data.get("imports")
        fields = {"classes": classes, "helpers": helpers, "imports": imports}
        if not (isinstance(classes, str) and _is_texts(helpers) and _is_imports(imports)):
            return None
        if data.get("seal") != seal(key, fields):
            return None
        return cls(classes, helpers, imports)


def seal(key: str, value: Any) -> str:
    """The hash of ``value`` kept under ``key``: an entry damaged on disk, or moved to another
    key, no longer matches its seal and is made again. (It is no signature: whoever can
    write the cache can seal anything; it guards against damage, not against the owner.)"""
    text = json.dumps([key, value], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _is_texts(value: object) -> TypeGuard[dict[str, str]]:
    """A mapping of class names to code, as a piece's helpers are."""
    return isinstance(value, dict) and all(
        isinstance(k, str) and k.isidentifier() and isinstance(v, str) for k, v in value.items()
    )


def _is_imports(value: object) -> TypeGuard[dict[str, list[str]]]:
    """A mapping of module names to the names imported from them, all identifiers: they are
    written as ``from MODULE import NAME, ...`` lines."""
    return isinstance(value, dict) and all(
        isinstance(module, str)
        and all(part.isidentifier() for part in module.split("."))
        and isinstance(names, list)
        and all(isinstance(name, str) and name.isidentifier() for name in names)
        for module, names in value.items()
    )


@dataclass(frozen=True)
class Member:
    """One model of the union: its id, class name, how to make its request schema (only a
    model the memo does not know needs it) and its fingerprint (None: not known)."""

    model_id: str
    class_name: str
    schema: Callable[[], dict[str, Any]]
    fingerprint: str | None = None


# What the memo keeps per model: [its classes as formatted, their imports, their helpers,
# the seal of those three under the model's fingerprint].
Entry = list[Any]


def start_module(
    members: list[Member],
    root: str,
    root_description: str,
    header: str,
    cache: Path | None,
    salt: str = "",
) -> Callable[[], str]:
    """Begin the module; the function returned finishes it and returns its text.

    A model whose fingerprint the memo knows (same data, same ``salt``) reuses its classes as
    formatted last time. The others go through their shapes; shapes missing from the cache
    start generating in worker processes at once, so the caller can do other work meanwhile.
    """
    memo = Memo(cache if salt else None, "request_models", salt + key_salt().hex())
    entries: dict[str, Entry] = {}
    for member in members:
        kept = memo.get(member.fingerprint, list)
        if kept is not None and _is_entry(kept, member.fingerprint):
            entries[member.model_id] = kept[:3]
    todo = [member for member in members if member.model_id not in entries]
    pieces = _start_pieces(todo, cache)

    def finish() -> str:
        if todo:
            ready = pieces()
            codes = format_members(
                [_own_names(ready[i].classes, member) for i, member in enumerate(todo)]
            )
            for member, piece, code in zip(todo, ready, codes, strict=True):
                entry = [code, piece.imports, piece.helpers]
                entries[member.model_id] = entry
                if member.fingerprint is not None:
                    memo.put(member.fingerprint, list(entry))
        module = assemble(
            members, [entries[m.model_id] for m in members], root, root_description, header, memo
        )
        memo.save()
        return module

    return finish


def _is_entry(value: list[Any], fingerprint: str | None) -> bool:
    """A memo entry that is whole and well typed (the memo's shard seal vouches that it is
    the one kept for this fingerprint)."""
    return (
        fingerprint is not None
        and len(value) == 3
        and isinstance(value[0], str)
        and _is_imports(value[1])
        and _is_texts(value[2])
    )


def _start_pieces(members: list[Member], cache: Path | None) -> Callable[[], list[Piece]]:
    """Each member's piece: from the shape cache, else generated; the call waits for them."""
    if not members:
        return list
    shapes = {member.model_id: shape_of(member) for member in members}
    salt = key_salt()
    keys = {model_id: shape_key(shape, salt) for model_id, shape in shapes.items()}
    pieces: dict[str, Piece] = {}
    missing: dict[str, str] = {}
    for model_id, key in keys.items():
        if key in pieces or key in missing:
            continue
        found = _cache_read(cache, key)
        if found is None:
            missing[key] = shapes[model_id]
        else:
            pieces[key] = found
    generated = start_generation(missing)

    def wait() -> list[Piece]:
        for key, piece in generated().items():
            pieces[key] = piece
            _cache_write(cache, key, piece)
        return [pieces[keys[member.model_id]] for member in members]

    return wait


def _own_names(classes: str, member: Member) -> str:
    """A piece's classes with the member's own class name and model id in place."""
    return classes.replace(_CANONICAL_CLASS, member.class_name).replace(
        _CANONICAL_ID, member.model_id
    )


_BOUNDARY = "# modelspec: next member"


def format_members(codes: list[str]) -> list[str]:
    """Each member's code in ruff's format, all in one ruff call.

    Top-level classes are formatted independently of their neighbours, so the members are
    formatted together, with a comment between them to cut the result apart again.
    """
    if not codes:
        return []
    joined = "".join(f"{_BOUNDARY}\n{code.strip()}\n\n\n" for code in codes)
    parts = format_python(joined, "request_models.py").split(f"{_BOUNDARY}\n")[1:]
    if len(parts) != len(codes):  # the comment also appeared inside a member: one at a time
        return [format_python(code, "request_models.py") for code in codes]
    return [part.strip("\n") + "\n" for part in parts]


def shape_of(member: Member) -> str:
    """The member's schema as JSON, its model id replaced by the placeholder.

    Only where the contract puts the id is it replaced: the ``model`` property's ``const``,
    each example's ``model`` and the title. Anywhere else (a note that names the model) the
    text stays, so a model id such as ``string`` or ``a`` never touches the schema's words.
    """
    schema = member.schema()
    text = json.dumps(schema, ensure_ascii=False)
    if any(word in text for word in RESERVED_WORDS):
        raise TemplateFailure(
            f"request_models: the schema of {member.model_id} contains {RESERVED_WORDS[0]!r} or "
            f"{RESERVED_WORDS[1]!r}, which the Pydantic generator reserves for its placeholders"
        )
    shape = _with_id(schema, member.model_id, _CANONICAL_ID)
    return json.dumps(shape, ensure_ascii=False)  # key order is field order


def _with_id(schema: Any, old: str, new: str) -> Any:
    """A copy of ``schema`` with the model id ``old`` written as ``new`` where the contract puts it."""
    if isinstance(schema, list):
        return [_with_id(item, old, new) for item in schema]
    if not isinstance(schema, dict):
        return schema
    copy = {key: _with_id(value, old, new) for key, value in schema.items()}
    model = copy.get("properties", {}).get("model")
    if isinstance(model, dict) and model.get("const") == old:
        copy["properties"] = {**copy["properties"], "model": {**model, "const": new}}
    if isinstance(copy.get("examples"), list):
        copy["examples"] = [
            {**example, "model": new}
            if isinstance(example, dict) and example.get("model") == old
            else example
            for example in copy["examples"]
        ]
    if copy.get("title") == f"{old} request":
        copy["title"] = f"{new} request"
    return copy


def key_salt() -> bytes:
    """What every cache key shares: this module's format, the generator's version and options."""
    from importlib.metadata import version

    parts = (
        f"format {CACHE_FORMAT}",
        f"datamodel-code-generator {version('datamodel-code-generator')}",
        json.dumps(CODEGEN_OPTIONS, sort_keys=True),
    )
    return "\0".join(parts).encode("utf-8") + b"\0"


def shape_key(shape: str, salt: bytes) -> str:
    """The cache key of a shape: everything that decides the code generated for it."""
    return hashlib.sha256(salt + shape.encode("utf-8")).hexdigest()


def start_generation(missing: dict[str, str]) -> Callable[[], dict[str, Piece]]:
    """Start generating the missing shapes in worker processes; the call waits for them.

    Up to ONE_SHARD shapes make one shard (one datamodel-code-generator call), given to the
    worker ``warm_up`` started if there is one; more are spread over at least as many shards
    as cores, of at most SHARD_SIZE shapes each.
    """
    if not missing:
        return dict
    import concurrent.futures

    items = list(missing.items())
    cores = os.cpu_count() or 1
    count = 1 if len(items) <= ONE_SHARD else max(cores, -(-len(items) // SHARD_SIZE))
    shards = [items[i::count] for i in range(count)]
    pool, futures = _submit(shards, _WARM.pop() if _WARM and count == 1 else None)

    def wait() -> dict[str, Piece]:
        try:
            results = [future.result() for future in futures]
        except concurrent.futures.BrokenExecutor:  # a worker died (killed, out of memory)
            results = [_in_this_process(shard) for shard in shards]
        except TemplateFailure:
            raise
        except Exception as exc:  # the generator failed: a message, not a traceback
            raise _generator_failure(exc) from None
        finally:
            pool.shutdown(cancel_futures=True)
        return {key: piece for result in results for key, piece in result.items()}

    return wait


def _submit(shards: list[list[tuple[str, str]]], warm: Any) -> tuple[Any, list[Any]]:
    """The pool the shards went to, and their futures: the warm worker's pool when there is
    one that still works, else a new pool of up to one worker per core and shard."""
    import concurrent.futures

    if warm is not None:
        try:
            return warm, [warm.submit(generate_shard, shard) for shard in shards]
        except (concurrent.futures.BrokenExecutor, RuntimeError):  # it died while warming up
            warm.shutdown(cancel_futures=True)
    cool_down()  # no thread of another pool is running when this one forks
    workers = min(len(shards), os.cpu_count() or 1)
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, initializer=_follow_parent, initargs=(os.getpid(),)
    )
    try:
        return pool, [pool.submit(generate_shard, shard) for shard in shards]
    except BaseException:
        pool.shutdown(cancel_futures=True)
        raise


def _in_this_process(shard: list[tuple[str, str]]) -> dict[str, Piece]:
    try:
        return generate_shard(shard)
    except TemplateFailure:
        raise
    except Exception as exc:
        raise _generator_failure(exc) from None


def _generator_failure(exc: Exception) -> TemplateFailure:
    return TemplateFailure(f"request_models: datamodel-code-generator failed: {exc!r}")


_WARM: list[Any] = []  # the worker warm_up started, until a shard takes it or cool_down


def warm_up() -> None:
    """Start one worker now that imports datamodel-code-generator (half a second) while the
    spec loads, so that a new shape starts generating at once. Only with a core to spare."""
    import concurrent.futures

    if _WARM or (os.cpu_count() or 1) < 2:
        return
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=1, initializer=_warm_worker, initargs=(os.getpid(),)
    )
    pool.submit(int)  # starts the worker
    _WARM.append(pool)


def cool_down() -> None:
    """Stop the worker warm_up started, if no shard took it."""
    while _WARM:
        _WARM.pop().shutdown(cancel_futures=True)


def _warm_worker(parent: int) -> None:
    _follow_parent(parent)
    import datamodel_code_generator  # noqa: F401 - imported ahead of the first shard


def _follow_parent(parent: int) -> None:
    """In a worker: exit when the process that started it is gone (killed by SIGTERM, say),
    instead of waiting forever for work that will never come."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="follow parent", daemon=True).start()


def generate_shard(items: list[tuple[str, str]]) -> dict[str, Piece]:
    """One datamodel-code-generator call over some shapes, split back into one piece each."""
    schemas = {}
    for slot, (_key, shape) in enumerate(items, start=1):
        # The placeholder is in no other text (shape_of checks), so a plain replace is exact.
        schemas[_CLASS.format(slot)] = json.loads(shape.replace(_CANONICAL_ID, _ID.format(slot)))
    document = {
        "openapi": "3.1.0",
        "info": {"title": "modelspec shapes", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }
    code = run_codegen(document)
    return {
        key: piece for (key, _), piece in zip(items, split_module(code, len(items)), strict=True)
    }


def run_codegen(document: dict[str, Any], header: str | None = None) -> str:
    """Run datamodel-code-generator as a library over an OpenAPI document held in memory."""
    from datamodel_code_generator import generate
    from datamodel_code_generator.enums import (
        DataModelType,
        InputFileType,
        TargetPydanticVersion,
    )
    from datamodel_code_generator.format import PythonVersion

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = generate(
            json.dumps(document),
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            target_pydantic_version=TargetPydanticVersion.V2_14,
            custom_file_header=header,
            **CODEGEN_OPTIONS,
        )
    if not isinstance(code, str):
        raise TypeError("datamodel-code-generator returned several modules; expected one")
    return code


def split_module(code: str, slots: int) -> list[Piece]:
    """Cut a shard's module into one piece per slot, each in its canonical placeholders."""
    tree = ast.parse(code)
    lines = code.splitlines(keepends=True)
    imports: dict[str, list[str]] = {}
    helpers: dict[str, tuple[str, set[str]]] = {}
    owned: dict[int, list[tuple[str, set[str]]]] = {slot: [] for slot in range(1, slots + 1)}
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module != "__future__":
                imports.setdefault(node.module, []).extend(a.name for a in node.names)
            continue
        if not isinstance(node, ast.ClassDef):
            raise TemplateFailure(
                f"request_models: unexpected statement from datamodel-code-generator: "
                f"{ast.unparse(node)[:80]}"
            )
        text = "".join(lines[node.lineno - 1 : node.end_lineno])
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        slot = _slot_of(node.name, slots)
        if slot is None:
            helpers[node.name] = (text, names)
        else:
            owned[slot].append((text, names))
    pieces = []
    for slot in range(1, slots + 1):
        if not owned[slot]:
            raise TemplateFailure(f"request_models: no class was generated for shape {slot}")
        used = set().union(*(names for _, names in owned[slot]))
        needed = _closure(used, helpers)
        classes = "\n\n".join(text.rstrip() for text, _ in owned[slot])
        classes = classes.replace(_CLASS.format(slot), _CANONICAL_CLASS)
        classes = classes.replace(_ID.format(slot), _CANONICAL_ID)
        classes, strict = strict_bool_literals(classes)
        pieces.append(
            Piece(
                classes=classes,
                helpers={name: helpers[name][0].rstrip() for name in needed},
                imports=_with_imports(
                    {
                        module: sorted(
                            n for n in names if n in used or _used_by(n, needed, helpers)
                        )
                        for module, names in imports.items()
                    },
                    _STRICT_BOOL_IMPORTS if strict else {},
                ),
            )
        )
    return pieces


# A boolean a variant fixes is a ``const`` in the schemas. Pydantic's ``Literal[True]`` also
# takes 1 and 1.0, which the schemas reject, so it becomes a strict boolean bounded to its
# one value: ``StrictBool`` refuses numbers, ``ge=True`` (``le=False``) the other boolean.
_STRICT_BOOL = {
    True: "Annotated[StrictBool, Field(ge=True)]",
    False: "Annotated[StrictBool, Field(le=False)]",
}
_STRICT_BOOL_IMPORTS = {"pydantic": ["Field", "StrictBool"], "typing": ["Annotated"]}


def strict_bool_literals(code: str) -> tuple[str, bool]:
    """``code`` with every ``Literal[True]`` and ``Literal[False]`` made strict (see above),
    and whether there was one. Found in the syntax tree, so no text inside a string changes."""
    found = [
        node
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Name)
        and node.value.id == "Literal"
        and isinstance(node.slice, ast.Constant)
        and isinstance(node.slice.value, bool)
    ]
    if not found:
        return code, False
    lines = code.splitlines(keepends=True)
    # From the last to the first, so each replacement leaves the earlier positions in place.
    for node in sorted(found, key=lambda n: (n.lineno, n.col_offset), reverse=True):
        assert isinstance(node.slice, ast.Constant) and node.end_lineno is not None
        start, end = node.lineno - 1, node.end_lineno - 1
        head = _utf8_prefix(lines[start], node.col_offset)
        tail = _utf8_suffix(lines[end], node.end_col_offset or 0)
        lines[start : end + 1] = [head + _STRICT_BOOL[bool(node.slice.value)] + tail]
    return "".join(lines), True


def _utf8_prefix(line: str, offset: int) -> str:
    """The text of ``line`` before the UTF-8 byte ``offset`` (ast's column offsets)."""
    return line.encode("utf-8")[:offset].decode("utf-8")


def _utf8_suffix(line: str, offset: int) -> str:
    return line.encode("utf-8")[offset:].decode("utf-8")


def _with_imports(
    imports: dict[str, list[str]], more: dict[str, list[str]]
) -> dict[str, list[str]]:
    """``imports`` and ``more`` together, each module's names sorted once."""
    merged = {module: list(names) for module, names in imports.items()}
    for module, names in more.items():
        merged[module] = sorted({*merged.get(module, []), *names})
    return merged


def _slot_of(name: str, slots: int) -> int | None:
    prefix, suffix = _CLASS.split("{:06d}")
    if not name.startswith(prefix):
        return None
    digits, rest = name[len(prefix) : len(prefix) + 6], name[len(prefix) + 6 :]
    if not digits.isdigit() or not rest.startswith(suffix) or not 1 <= int(digits) <= slots:
        return None
    tail = rest[len(suffix) :]
    return int(digits) if tail == "" or tail.isdigit() else None


def _closure(used: set[str], helpers: dict[str, tuple[str, set[str]]]) -> list[str]:
    """The helper classes ``used`` needs, directly or through other helpers, in module order."""
    needed: set[str] = set()
    todo = [name for name in used if name in helpers]
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo.extend(n for n in helpers[name][1] if n in helpers and n not in needed)
    return [name for name in helpers if name in needed]


def _used_by(name: str, needed: Iterable[str], helpers: dict[str, tuple[str, set[str]]]) -> bool:
    return any(name in helpers[helper][1] for helper in needed)


# The oldest pydantic the generated module runs on: it imports pydantic.MISSING, new in 2.14
# (2.13 has it only under pydantic.experimental). Found by importing it under 2.10 to 2.14.
PYDANTIC_MIN = "2.14"


def _guarded(import_line: str) -> str:
    """The pydantic import, failing with the version it needs rather than a bare ImportError."""
    message = f"request_models.py needs pydantic {PYDANTIC_MIN} or later"
    return (
        f"try:\n"
        f"    {import_line}\n"
        f"except ImportError as exc:  # an older pydantic: say which one is needed\n"
        f"    raise ImportError({json.dumps(message + '; install pydantic>=' + PYDANTIC_MIN)})"
        f" from exc"
    )


def assemble(
    members: list[Member],
    entries: list[Entry],
    root: str,
    root_description: str,
    header: str,
    memo: Memo | None = None,
) -> str:
    """The module: the head (imports and helper classes) and the root union, formatted here,
    around the members' classes, formatted already."""

    imports: dict[str, set[str]] = {
        "typing": {"Annotated", "Union"},
        "pydantic": {"Field", "RootModel"},
    }
    helpers: dict[str, str] = {}
    for member, (_code, used, needed) in zip(members, entries, strict=True):
        for module, names in used.items():
            imports.setdefault(module, set()).update(names)
        for name, text in needed.items():
            if helpers.setdefault(name, text) != text:
                raise TemplateFailure(
                    f"request_models: helper class {name} differs between shapes "
                    f"(first seen again with {member.model_id})"
                )
    sections: dict[bool, list[str]] = {True: [], False: []}
    for module, imported in sorted(imports.items()):
        line = f"from {module} import {', '.join(sorted(imported, key=_import_order))}"
        if module == "pydantic":
            line = _guarded(line)
        sections[module in sys.stdlib_module_names].append(line)
    head = "\n\n".join(
        [header, "from __future__ import annotations", *map("\n".join, sections.values())]
    )
    union = "Union[" + ", ".join(member.class_name for member in members) + "]"
    union_class = (
        f"# Union[...] rather than A | B | ...: a long chain of | is too deep for the compiler.\n"
        f"class {root}(RootModel[{union}]):\n"
        f"    root: Annotated[\n"
        f"        {union},\n"
        f'        Field(description={json.dumps(root_description)}, discriminator="model"),\n'
        f"    ]\n"
    )
    ends = ["\n\n\n".join([head, *helpers.values()]), union_class]
    formatted = _formatted(ends, memo)
    parts = [formatted[0], *(entry[0] for entry in entries), formatted[1]]
    return "\n\n".join(part.rstrip("\n") + "\n" for part in parts)


def _formatted(codes: list[str], memo: Memo | None) -> list[str]:
    """``format_members(codes)``, each result kept in ``memo`` under the hash of its code:
    the 10,000-member union is formatted once, not on every run."""
    keys = ["code " + hashlib.sha256(code.encode("utf-8")).hexdigest() for code in codes]
    kept = [_sealed_text(memo, key) for key in keys]
    todo = [i for i, text in enumerate(kept) if text is None]
    for i, text in zip(todo, format_members([codes[i] for i in todo]), strict=True):
        kept[i] = text
        if memo is not None:
            memo.put(keys[i], text)
    return [str(text) for text in kept]


def _sealed_text(memo: Memo | None, key: str) -> str | None:
    """The text ``memo`` keeps under ``key`` (its shard's seal vouches that it is whole)."""
    return memo.get(key, str) if memo is not None else None


def _import_order(name: str) -> tuple[int, str]:
    """Constants, then classes, then functions: isort's order within one import."""
    return (0 if name.isupper() else 1 if name[:1].isupper() else 2, name)


def _cache_read(cache: Path | None, key: str) -> Piece | None:
    """The piece the shape cache keeps under ``key``; any damage is a miss, never an error."""
    raw = read_if_regular(cache / key[:2] / f"{key}.json", PIECE_LIMIT) if cache else None
    if raw is None:
        return None
    try:
        return Piece.from_json(raw.decode("utf-8"), key)
    except (ValueError, RecursionError):  # bad UTF-8 or JSON, or nesting too deep to read
        return None


PIECE_LIMIT = 16 * 1024 * 1024  # a shape's code is a few kilobytes


def _cache_write(cache: Path | None, key: str, piece: Piece) -> None:
    """Keep one piece for later runs (see ``modelspec.cache.memo.write_later``)."""
    if cache is not None:
        write_later(cache, f"{key[:2]}/{key}.json", piece.as_json(key).encode("utf-8"))
