"""Reading the files a user names, bounded: a regular file up to a limit, nothing else.

The spec, an old spec for ``diff``, ``changelog``'s files, import-md's page and the config are
read here. A FIFO would block, a device such as /dev/zero never ends and a folder is not a
file: each is refused at once with a message, before a byte is read. A file over the limit is
refused without reading the rest of it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from modelspec.errors import UsageError

MIB = 1024 * 1024
SPEC_LIMIT = 16 * MIB  # a spec, an old spec, a changelog file, an imported page
CONFIG_LIMIT = 1 * MIB  # a pyproject.toml

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class TooLarge(UsageError):
    """A file over its size limit; ``size`` is its size in bytes."""

    def __init__(self, message: str, size: int) -> None:
        super().__init__(message)
        self.size = size


def read_limited(path: Path | str, limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    Raises FileNotFoundError when it does not exist (callers word that themselves), TooLarge
    beyond the limit, and UsageError for anything that is not a readable regular file.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise UsageError(f"cannot read {what} {path}: {exc.strerror}") from None
    try:
        found = os.fstat(fd)
        for test, kind in _KINDS:
            if test(found.st_mode):
                raise UsageError(f"cannot read {what} {path}: it is {kind}, not a file")
        size = found.st_size
        if size > limit:
            raise TooLarge(too_large(what, path, size, limit), size)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(limit + 1 - total, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise UsageError(f"cannot read {what} {path}: {exc.strerror}") from None
    finally:
        os.close(fd)
    if total > limit:  # it grew while being read
        raise TooLarge(too_large(what, path, total, limit), total)
    return b"".join(chunks)


def too_large(what: str, path: Path | str, size: int, limit: int) -> str:
    """The message for a file over its limit, in MiB."""
    return f"{what} {path} is {size / MIB:.1f} MiB; the limit is {limit / MIB:g} MiB"


def read_if_regular(path: Path | str, limit: int) -> bytes | None:
    """The bytes of ``path`` when it is a regular file of at most ``limit`` bytes, else None.

    For what only saves time or is compared (caches, stamps, hashes): anything odd there (a
    FIFO, a folder, a file too large, a read error) is a miss, never a wait or a failure.
    """
    try:
        return read_limited(path, limit, "file")
    except (OSError, UsageError):
        return None
