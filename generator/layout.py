"""Where outputs go and what every target yields: light, so the fast check can use it.

A target yields ``Output`` values; ``output_path`` places each under ``out`` or where
``[tool.modelspec.outputs]`` moved its target; ``placement`` checks where they all go.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.config import Settings

if TYPE_CHECKING:
    from generator.paths import Placement


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
    memos: everything besides the spec that decides the outputs (see ``generator.memo``)."""

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


def output_path(target: Any, path: str, settings: Settings) -> Path:
    """Where one output goes: under ``out``, or where [tool.modelspec.outputs] moved its target."""
    moved = settings.outputs.get(target.NAME)
    if moved is None:
        return settings.out / path
    if target.LOCATION.endswith("/"):
        return moved / path.removeprefix(target.LOCATION)
    return moved


def target_locations(settings: Settings) -> dict[str, tuple[Path, bool]]:
    """Each target's location by name: its path and whether it is a folder."""
    from generator.targets import TARGETS

    return {
        target.NAME: (
            output_path(target, target.LOCATION, settings),
            target.LOCATION.endswith("/"),
        )
        for target in TARGETS
    }


def placement(settings: Settings) -> Placement:
    """The project's output locations, checked (see ``generator.paths``); UsageError if unsafe."""
    from generator.paths import Placement

    return Placement(settings, target_locations(settings))
