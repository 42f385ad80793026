"""What every target yields (``Output``) and what it sees besides the catalog (``Context``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Output:
    """One file a target produces: rendered from ``template``, or serialised from ``data``."""

    path: str
    template: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    data: Any = None
    serialiser: str = "json"
    formatted: bool = False  # Python text already in ruff's format: not formatted again


@dataclass(frozen=True)
class Context:
    """What targets see besides the catalog: the header lines, the page's variable text, the
    folder where a target may cache work between runs (None: no cache), and the salt of its
    memos: everything besides the spec that decides the outputs (see ``modelspec.cache.memo``)."""

    header: tuple[str, ...]
    regen_command: str
    page: Mapping[str, str] = field(default_factory=dict)
    cache: Path | None = None
    salt: str = ""


def header_lines(source: str, regen_command: str) -> tuple[str, ...]:
    """The lines every generated file opens with, in the file's own comment syntax."""
    return (
        f"Code generated from {source} by modelspec. DO NOT EDIT.",
        f"Regenerate with: {regen_command}",
    )
