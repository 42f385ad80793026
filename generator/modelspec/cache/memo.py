"""Per-model texts from the last run, reused when nothing that decides them has changed.

A target that renders one piece of text per model (a schema file, a YAML section, a class)
keeps them in a memo under the model's *fingerprint*, the hash of its id and spec data. The
memo file also records a *salt*: everything else that decides the texts (the generator's code,
templates and settings, the versions of the libraries that write code). A different salt
empties the memo; a model whose data changed has a new fingerprint. So a memo can only save
time: deleting it changes no byte, and CI, which starts without one, checks that.

Only the entries of the current run are saved, so the file never grows past one catalog.

Every write to the cache folder goes through ``write_later``: it happens when the outermost
``writes_on_success`` block ends without an error, so a failed run writes nothing at all.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from modelspec.files import read_if_regular

SHARD_LIMIT = 512 * 1024 * 1024  # a memo shard read at most (10,000 models take a few MB)
_PENDING: list[tuple[Path, str, bytes]] = []  # (cache folder, path inside it, bytes)
_DEPTH = [0]


def write_later(cache: Path, relative: str, data: bytes) -> None:
    """Write ``data`` to ``cache/relative`` once the run has succeeded (or now, outside one)."""
    _PENDING.append((cache, relative, data))
    if not _DEPTH[0]:
        _flush()


@contextmanager
def writes_on_success() -> Iterator[None]:
    """Cache writes made inside are done when the outermost such block succeeds, else dropped."""
    mark = len(_PENDING)
    _DEPTH[0] += 1
    try:
        yield
    except BaseException:
        del _PENDING[mark:]
        raise
    finally:
        _DEPTH[0] -= 1
    if not _DEPTH[0]:
        _flush()


def _flush() -> None:
    """Do the pending writes; a cache that cannot be written only costs time later.

    Every write lands inside its cache folder: a symlink planted in the cache that leads out
    of it is not followed, the write is dropped instead.
    """
    writes = list(_PENDING)
    _PENDING.clear()
    for cache, relative, data in writes:
        try:
            _mark_as_cache(cache)
            _write_inside(cache, relative, data)
        except OSError:
            pass


def _write_inside(cache: Path, relative: str, data: bytes) -> None:
    """Write ``cache/relative`` through a temporary file, only if it stays inside ``cache``."""
    path = cache / relative
    home = os.path.realpath(cache)
    folder = os.path.realpath(path.parent)  # symlinks followed, even below a missing folder
    if folder != home and not folder.startswith(home + os.sep):
        return
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(temporary, os.path.join(folder, path.name))  # replaces a symlink, never follows


def _mark_as_cache(cache: Path) -> None:
    """Create the cache folder, marked as a cache for git and for backup tools."""
    if (cache / "CACHEDIR.TAG").is_file():
        return
    cache.mkdir(parents=True, exist_ok=True)
    _write_inside(cache, ".gitignore", b"# Created by modelspec.\n*\n")
    _write_inside(
        cache,
        "CACHEDIR.TAG",
        b"Signature: 8a477f597d28d172789f06886806bc55\n"
        b"# This file is a cache directory tag created by modelspec.\n",
    )


class Memo:
    """The texts one target made per model on its last run, and the ones it makes now.

    Kept in 16 files by the first hex digit of the fingerprint, so a run that changes one
    model rewrites a sixteenth of the memo, not all of it. Each file opens with the hash of
    the salt and the hash of its body: a file from another salt, or damaged, is a miss.
    """

    SHARDS = "0123456789abcdef"

    def __init__(self, cache: Path | None, name: str, salt: str, *, data: bool = False) -> None:
        """``data``: the values are data (dicts and lists), kept as JSON, which reads them
        four times faster than marshal; texts are kept with marshal, which reads them faster."""
        self.cache = cache
        self.codec = "json" if data else "marshal"
        self.folder = f"memo/{name}"
        self.salt = salt
        self.old: dict[str, Any] = {}
        self.new: dict[str, Any] = {}
        self.shards: dict[str, dict[str, Any]] = {}
        if cache is None:
            return
        for shard in self.SHARDS:
            entries = self._load(cache / self._file(shard))
            if entries is not None:
                self.shards[shard] = entries
                self.old.update(entries)

    def _load(self, path: Path) -> dict[str, Any] | None:
        """A shard's entries when its header names this salt and its body is the one sealed
        there; else None. One hash a shard checks every entry in it, and their keys."""
        raw = read_if_regular(path, SHARD_LIMIT)
        if raw is None or len(raw) < _HEADER or raw[:64] != _digest(self.salt.encode("utf-8")):
            return None
        body = raw[_HEADER:]
        if raw[64:128] != _digest(body):
            return None  # damaged on disk: made again
        try:
            entries = json.loads(body) if self.codec == "json" else marshal.loads(body)
        except Exception:  # a body sealed by someone else's tool: still only a miss
            return None
        if isinstance(entries, dict) and all(isinstance(k, str) for k in entries):
            return entries
        return None

    def _file(self, shard: str) -> str:
        return f"{self.folder}/{shard}.{self.codec}"

    def get(self, fingerprint: str | None, kind: type | tuple[type, ...]) -> Any:
        """The ``kind`` value kept for ``fingerprint``, else None; kept again for the next run."""
        if fingerprint is None:
            return None
        value = self.old.get(fingerprint)
        if not isinstance(value, kind):
            return None
        self.new[fingerprint] = value
        return value

    def put(self, fingerprint: str | None, value: Any) -> None:
        if fingerprint is not None:
            self.new[fingerprint] = value

    def save(self) -> None:
        """Keep this run's entries for the next run (see ``write_later``): the changed files."""
        if self.cache is None or self.new == self.old:
            return
        grouped: dict[str, dict[str, Any]] = {shard: {} for shard in self.SHARDS}
        for fingerprint, value in self.new.items():
            grouped.get(fingerprint[:1], grouped["0"])[fingerprint] = value
        for shard, entries in grouped.items():
            if entries == self.shards.get(shard, {}) and shard in self.shards:
                continue
            if self.codec == "json":
                body = json.dumps(entries, ensure_ascii=False).encode("utf-8")
            else:
                body = marshal.dumps(entries)
            header = _digest(self.salt.encode("utf-8")) + _digest(body) + b"\n"
            write_later(self.cache, self._file(shard), header + body)


_HEADER = 129  # the salt's hash, the body's hash, a newline


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).hexdigest().encode("ascii")
