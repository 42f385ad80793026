"""Compare rendered outputs with the tree (check) or make the tree match them (regen).

Paths are relative to the project root. Regen owns only what it wrote: a file is stale, and
deleted, only when the previous manifest lists it, the spec no longer produces it, and it
still holds what regen wrote there. Every other file is a person's and is never touched.

Writing happens in two phases, so a fault leaves the tree as it was: every new text goes to a
temporary file beside its target first (a full disk, a read-only folder or a folder in the
way fails here, and the temporaries are removed); only then are they renamed into place, the
stale files deleted, and the manifest written last.
"""

from __future__ import annotations

import contextlib
import difflib
import fcntl
import hashlib
import os
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from modelspec.errors import WriteFailure
from modelspec.tree.manifest import PreviousRun
from modelspec.tree.paths import Placement

LOCK_WAIT_S = 60.0  # how long a regen waits for another one before giving up


@dataclass(frozen=True)
class Drift:
    """How the tree differs from the rendered outputs, as sorted relative paths.

    ``manifest`` says whether the manifest itself is "missing" or "changed" (None: as it
    should be); it is bookkeeping, so it is reported apart from the files. ``kept`` are files
    the previous manifest lists and the spec no longer produces, but that were edited since
    regen wrote them: they are a person's now, and left alone.
    """

    missing: tuple[str, ...]
    changed: tuple[str, ...]
    stale: tuple[str, ...]
    manifest: str | None = None
    kept: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.missing or self.changed or self.stale or self.manifest)

    @property
    def files(self) -> dict[str, tuple[str, ...]]:
        """The drifted files by kind, the manifest aside."""
        return {"missing": self.missing, "changed": self.changed, "stale": self.stale}


def compare(
    rendered: dict[str, str],
    root: Path,
    manifest: str,
    previous: PreviousRun | None,
    placement: Placement,
    unchanged: Callable[[str], bool] | None = None,
) -> Drift:
    """Which rendered files are missing or differ under ``root``, and which are stale.

    ``manifest`` is the manifest's path among ``rendered``; ``previous`` what the manifest on
    disk says the last regen did (None: no readable manifest, so nothing is stale).
    ``unchanged(path)`` may vouch for a file without reading it (see ``Stamps``).
    """
    missing, changed = [], []
    base = str(root)  # plain strings: with 10,000 outputs, pathlib costs more than reading
    for rel, text in rendered.items():
        if unchanged is not None and rel != manifest and unchanged(rel):
            continue
        try:
            with open(os.path.join(base, rel), "rb") as handle:
                same = handle.read() == text.encode("utf-8")
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            missing.append(rel)
            continue
        except OSError:
            same = False  # unreadable: regen rewrites it, or says why it cannot
        if not same:
            changed.append(rel)
    manifest_state = None
    for found, state in ((missing, "missing"), (changed, "changed")):
        if manifest in found:
            found.remove(manifest)
            manifest_state = state
    stale, kept = _stale(rendered, base, manifest, previous, placement)
    return Drift(tuple(missing), tuple(changed), tuple(stale), manifest_state, tuple(kept))


def _stale(
    rendered: dict[str, str],
    base: str,
    manifest: str,
    previous: PreviousRun | None,
    placement: Placement,
) -> tuple[list[str], list[str]]:
    """Files the last regen wrote that the spec no longer produces, at a place regen may
    touch (today's output locations, or the ones it used): (still as written, edited)."""
    stale: list[str] = []
    kept: list[str] = []
    if previous is None:
        return stale, kept
    places = [placement, *([previous.placement] if previous.placement else [])]
    for rel, digest in sorted(previous.outputs.items()):
        if rel in rendered or rel == manifest:
            continue
        path = os.path.join(base, rel)
        if not any(place.allows(path) for place in places):
            continue
        try:
            with open(path, "rb", opener=_no_follow) as handle:
                written = hashlib.sha256(handle.read()).hexdigest() == digest
        except OSError:
            continue  # gone, or not a plain file: not regen's
        (stale if written else kept).append(rel)
    return stale, kept


def _no_follow(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NOFOLLOW)


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
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return ""


def write_outputs(
    rendered: dict[str, str],
    root: Path,
    manifest: str,
    previous: PreviousRun | None,
    placement: Placement,
    unchanged: Callable[[str], bool] | None = None,
) -> Drift:
    """Make the tree match ``rendered``: rewrite what changed, delete what is stale, then
    write the manifest. Raise WriteFailure (the tree as it was) when a file cannot be written.

    One regen at a time holds a lock on the manifest's folder; SIGINT and SIGTERM wait until
    the last rename, so an interrupted regen leaves whole files and no temporary files.
    """
    placement.check_files(root / rel for rel in rendered)  # again, whatever a cache said
    folder = (root / manifest).parent
    _make_folder(folder, root)
    with exclusive_lock(folder), deferred_signals():
        drift = compare(rendered, root, manifest, previous, placement, unchanged)
        writes = [*drift.missing, *drift.changed]
        if drift.manifest:
            writes.append(manifest)
        staged = _stage(rendered, root, writes)
        aside = _set_aside(drift.stale, root, staged)
        # The manifest goes last, once every output is in place and every stale file gone.
        outputs, last = (staged[:-1], staged[-1:]) if drift.manifest else (staged, [])
        _commit(outputs, root, last, aside)
        _commit(last, root, [], aside)
        _delete(aside, root)
    return drift


def _set_aside(
    stale: tuple[str, ...], root: Path, staged: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Rename each stale file to a temporary name beside it: (relative path, temporary).

    A stale file that cannot be moved (a read-only folder) fails here, before any output is
    replaced, and the tree is as it was; deleting the set-aside files at the end cannot fail
    where renaming them did not.
    """
    aside: list[tuple[str, str]] = []
    for rel in stale:
        path = root / rel
        temporary = str(path.with_name(f".{path.name}.{os.getpid()}.stale"))
        try:
            os.rename(path, temporary)
        except OSError as exc:
            _restore(aside, root)
            _discard(staged)
            raise WriteFailure(
                f"cannot delete {rel}: {_reason(exc)}; nothing was changed"
            ) from None
        aside.append((rel, temporary))
    return aside


def _restore(aside: list[tuple[str, str]], root: Path) -> None:
    """Put set-aside stale files back where they were."""
    for rel, temporary in reversed(aside):
        with contextlib.suppress(OSError):  # else it stays beside its place, named .stale
            os.rename(temporary, root / rel)


def _stage(rendered: dict[str, str], root: Path, writes: list[str]) -> list[tuple[str, str]]:
    """Write every text to a temporary file beside its target: (relative path, temporary)."""
    staged: list[tuple[str, str]] = []
    created: list[Path] = []
    try:
        for rel in writes:
            staged.append((rel, _stage_one(root / rel, rendered[rel], root, created)))
    except BaseException:
        _discard(staged)
        for folder in reversed(created):  # the folders this regen made, as they were: absent
            _remove_emptied(folder, root)
        raise
    return staged


def _stage_one(path: Path, text: str, root: Path, created: list[Path]) -> str:
    rel = os.path.relpath(path, root)
    _make_folder(path.parent, root, created)
    if path.is_dir() and not path.is_symlink():
        raise WriteFailure(f"cannot write {rel}: a folder is in the way; nothing was changed")
    try:
        return _temporary(path, text.encode("utf-8"))
    except OSError as exc:
        raise WriteFailure(f"cannot write {rel}: {_reason(exc)}; nothing was changed") from None


def _commit(
    staged: list[tuple[str, str]],
    root: Path,
    pending: list[tuple[str, str]],
    aside: list[tuple[str, str]],
) -> None:
    """Rename every temporary file into place; on a fault, discard the rest (and ``pending``)
    and put the stale files back."""
    for done, (rel, temporary) in enumerate(staged):
        try:
            os.replace(temporary, root / rel)
        except OSError as exc:
            _discard([*staged[done:], *pending])
            _restore(aside, root)
            raise WriteFailure(
                f"cannot write {rel}: {_reason(exc)}; {done} of {len(staged)} "
                f"file{'s' if len(staged) != 1 else ''} {'was' if done == 1 else 'were'} "
                "replaced before it: `modelspec check` lists what differs and regen repairs it"
            ) from None


def _delete(aside: list[tuple[str, str]], root: Path) -> None:
    """Delete the set-aside stale files, then the folders that deleting them left empty."""
    for rel, temporary in aside:
        Path(temporary).unlink(missing_ok=True)
        _remove_emptied((root / rel).parent, root)


def _remove_emptied(folder: Path, root: Path) -> None:
    """Remove ``folder`` and its parents while they are empty, never the root."""
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()  # fails unless empty
        except OSError:
            return
        folder = folder.parent


def _make_folder(folder: Path, root: Path, created: list[Path] | None = None) -> None:
    """Create ``folder`` and its missing parents, noting in ``created`` the ones it made."""
    chain = [folder, *folder.parents]
    for path in reversed(chain[: chain.index(root)] if root in chain else [folder]):
        if path.is_dir():
            continue
        if path.exists() or path.is_symlink():
            raise WriteFailure(
                f"cannot create the folder {os.path.relpath(path, root)}: a file is in the way"
            )
        try:
            path.mkdir()
        except OSError as exc:
            where = os.path.relpath(path, root)
            raise WriteFailure(f"cannot create the folder {where}: {_reason(exc)}") from None
        else:
            if created is not None:
                created.append(path)


def _temporary(path: Path, data: bytes) -> str:
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o666 & ~_umask())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def _discard(staged: list[tuple[str, str]]) -> None:
    for _rel, temporary in staged:
        Path(temporary).unlink(missing_ok=True)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


@contextmanager
def exclusive_lock(folder: Path) -> Iterator[None]:
    """Hold an advisory lock on ``folder`` itself (no lock file is left behind); say so when
    another regen holds it, then wait up to LOCK_WAIT_S."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        raise WriteFailure(f"cannot lock {folder}: {_reason(exc)}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"modelspec: another regen is writing {folder}; waiting", file=sys.stderr)
            _wait_for_lock(fd, folder)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _wait_for_lock(fd: int, folder: Path) -> None:
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise WriteFailure(
                    f"another regen has held {folder} for over {LOCK_WAIT_S:g} s; giving up"
                ) from None
            time.sleep(0.05)


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
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(_temporary(path, data), path)
    except OSError as exc:
        raise WriteFailure(f"cannot write {path}: {_reason(exc)}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
