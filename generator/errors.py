"""Errors as values with a place: every problem in a spec prints as ``file:line:col: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class SpecError:
    """One problem in the spec, at a 1-based line and column."""

    path: str
    line: int
    col: int
    message: str

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
