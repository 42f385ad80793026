"""Compare rendered outputs with the tree (check) or make the tree match them (regen).

Paths are relative to the project root. The owned folders (``out`` and any folder a target
was moved to) belong to the tool: a file in them that the spec no longer produces is stale.
Writes are atomic: each file goes to a temporary file in its own folder, then is renamed.
"""

from __future__ import annotations

import difflib
import fcntl
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from generator.manifest import IGNORED_DIRS, LOCK_NAME, list_files


@dataclass(frozen=True)
class Drift:
    """How the tree differs from the rendered outputs, as sorted relative paths."""

    missing: tuple[str, ...]
    changed: tuple[str, ...]
    stale: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.missing or self.changed or self.stale)


def compare(
    rendered: dict[str, str],
    root: Path,
    owned: list[Path],
    unchanged: Callable[[str], bool] | None = None,
) -> Drift:
    """Which rendered files are missing or differ under ``root``, and which owned files are stale.

    ``unchanged(path)`` may vouch for a file without reading it (see ``Stamps``).
    """
    missing, changed = [], []
    base = str(root)  # plain strings: with 10,000 outputs, pathlib costs more than reading
    for rel, text in rendered.items():
        if unchanged is not None and unchanged(rel):
            continue
        try:
            with open(os.path.join(base, rel), "rb") as handle:
                same = handle.read() == text.encode("utf-8")
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            missing.append(rel)
            continue
        if not same:
            changed.append(rel)
    stale = sorted(list_files(root, owned) - set(rendered))
    return Drift(tuple(missing), tuple(changed), tuple(stale))


def unified_diff(rendered: dict[str, str], root: Path, drift: Drift) -> str:
    """A unified diff from the tree to the rendered outputs, for every drifted file."""
    chunks: list[str] = []
    for rel in sorted({*drift.missing, *drift.changed, *drift.stale}):
        path = root / rel
        old = _read_text(path) if path.is_file() else ""
        chunks.extend(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                rendered.get(rel, "").splitlines(keepends=True),
                fromfile=rel if rel not in drift.missing else "/dev/null",
                tofile=rel if rel not in drift.stale else "/dev/null",
            )
        )
    return "".join(line if line.endswith("\n") else line + "\n" for line in chunks)


def _read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


def write_outputs(
    rendered: dict[str, str],
    root: Path,
    owned: list[Path],
    unchanged: Callable[[str], bool] | None = None,
) -> Drift:
    """Make the tree match ``rendered``: rewrite only what changed, delete what is stale.

    One regen at a time holds the lock in the first owned folder; SIGINT and SIGTERM wait until
    every file is in place, so an interrupted regen leaves the tree whole, old or new, and no
    temporary files.
    """
    owned[0].mkdir(parents=True, exist_ok=True)
    with exclusive_lock(owned[0] / LOCK_NAME), deferred_signals():
        drift = compare(rendered, root, owned, unchanged)
        for rel in (*drift.missing, *drift.changed):
            atomic_write(root / rel, rendered[rel].encode("utf-8"))
        for rel in drift.stale:
            (root / rel).unlink(missing_ok=True)
        for folder in owned:
            _remove_empty_dirs(folder)
    return drift


@contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an advisory lock on ``path``; say so when another regen holds it, then wait."""
    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"modelspec: another regen is writing {path.parent}; waiting", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then act on the first one received."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may install handlers; a library caller keeps its own
        return
    received: list[int] = []

    def remember(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    previous = {sig: signal.signal(sig, remember) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if received:
            signal.raise_signal(received[0])


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _remove_empty_dirs(out_dir: Path) -> None:
    if not out_dir.is_dir():
        return
    for root, dirs, _files in os.walk(out_dir, topdown=False):
        for name in dirs:
            folder = Path(root) / name
            if name not in IGNORED_DIRS and not any(folder.iterdir()):
                folder.rmdir()
