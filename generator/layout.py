"""Where outputs go and what every target yields: light, so the fast check can use it.

A target yields ``Output`` values; ``output_path`` places each under ``out`` or where
``[tool.modelspec.outputs]`` moved its target; ``owned_folders`` are the folders whose every
file is generated, so anything else in them is stale.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config import Settings


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


def owned_folders(settings: Settings) -> list[Path]:
    """Folders that hold only generated files, so anything else in them is stale."""
    from generator.targets import TARGETS

    folders = [settings.out]
    for target in TARGETS:
        if target.LOCATION.endswith("/") and target.NAME in settings.outputs:
            folders.append(settings.outputs[target.NAME])
    return folders
