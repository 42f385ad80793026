"""Errors as values with a place: every problem in a spec prints as ``file:line:col: message``."""

from __future__ import annotations

from functools import total_ordering


@total_ordering
class SpecError:
    """One problem in the spec, at a 1-based line and column; sorts by place, then message.

    A plain class rather than a dataclass: the CLI imports it on every run, including the fast
    ``check``, and importing ``dataclasses`` costs as much as the rest of that path.
    """

    __slots__ = ("col", "line", "message", "path")

    def __init__(self, path: str, line: int, col: int, message: str) -> None:
        self.path, self.line, self.col, self.message = path, line, col, message

    def _key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SpecError) and self._key() == other._key()

    def __lt__(self, other: SpecError) -> bool:
        return self._key() < other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"SpecError{self._key()!r}"

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class SpecInvalid(Exception):
    """The spec has one or more problems; ``errors`` holds all of them, sorted."""

    def __init__(self, errors: list[SpecError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))


class UsageError(Exception):
    """A usage or configuration problem (a missing spec file, a bad option): exit 2."""


class TemplateFailure(Exception):
    """A template failed to render; the message names the template and its line."""


class WriteFailure(Exception):
    """A file could not be written or deleted; the message names it and the OS's reason."""
