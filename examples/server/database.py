"""The model metadata a product keeps beside the spec, in a real SQLite database.

The spec owns every limit; the database owns what only the product knows: whether a model is
enabled, its display name, its pricing hint, and, for a model the spec does not list yet, the
whole GET /v1/models entry (its capabilities) that the server validates requests against.

``create(path, limits)`` makes and seeds the example database: one row per model the
generated module lists, a stale copy of one spec value (the merge shows the spec winning),
one enabled model the spec lacks and one disabled one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS models (
    model_id     TEXT PRIMARY KEY,
    enabled      INTEGER NOT NULL,
    display_name TEXT NOT NULL,
    pricing      TEXT,          -- JSON: {"unit": ..., "credits": ...}
    capabilities TEXT           -- JSON: a GET /v1/models entry's keys, for models the spec lacks
)
"""

# Enabled in the product, unknown to the spec: the server validates it from these capabilities.
DATABASE_ONLY: dict[str, Any] = {
    "model_id": "seedream-v5-lite",
    "generation_types": ["text-to-image", "image-to-image"],
    "requires_input_media": False,
    "input_media_types": ["image"],
    "usage_notes": "Seedream 5 Lite. Image-to-image: up to 10 images. quality: basic or high.",
    "limits": {
        "prompt_max": 2995,
        "max_images": 10,
        "max_videos": None,
        "duration_options": [],
        "negative_prompt": False,
        "sound": False,
        "source_media": {
            "text-to-image": {
                "min_images": 0,
                "max_images": 0,
                "min_videos": 0,
                "max_videos": 0,
                "order": [],
            },
            "image-to-image": {
                "min_images": 1,
                "max_images": 10,
                "min_videos": 0,
                "max_videos": 0,
                "order": [],
            },
        },
        "parameters": {"quality": {"type": "string", "values": ["basic", "high"]}},
    },
}
DISABLED = "wan-3-0-preview"  # in the database, not enabled: never listed, never accepted


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the database at ``path``, its table created when missing."""
    connection = sqlite3.connect(path, check_same_thread=False)
    connection.execute(SCHEMA)
    return connection


def create(path: Path, limits: ModuleType) -> None:
    """Create and seed the example database at ``path`` unless it already holds rows."""
    with connect(path) as connection:
        if connection.execute("SELECT COUNT(*) FROM models").fetchone()[0]:
            return
        rows = [_spec_row(limits, model_id) for model_id in limits.MODEL_LIMITS]
        rows.append(_row(DATABASE_ONLY["model_id"], "Seedream 5 Lite", "image", 3, DATABASE_ONLY))
        stale = dict(DATABASE_ONLY, model_id=DISABLED, usage_notes="Not launched.")
        rows.append(_row(DISABLED, "Wan 3.0 (preview)", "second", 12, stale, enabled=False))
        connection.executemany("INSERT INTO models VALUES (?, ?, ?, ?, ?)", rows)


def _spec_row(limits: ModuleType, model_id: str) -> tuple[Any, ...]:
    model = limits.MODEL_LIMITS[model_id]
    video = any("video" in kind for kind in model.generation_types)
    name = " ".join(part.capitalize() if part.isalpha() else part for part in model_id.split("-"))
    # The database's copy of a spec value is stale on purpose: the merge rule lets the spec win.
    capabilities = (
        {"limits": {"prompt_max": model.prompt_max - 1}} if model_id == _first(limits) else None
    )
    return _row(model_id, name, "second" if video else "image", 10 if video else 2, capabilities)


def _first(limits: ModuleType) -> str:
    return str(next(iter(limits.MODEL_LIMITS)))


def _row(
    model_id: str,
    name: str,
    unit: str,
    credits: float,
    capabilities: dict[str, Any] | None,
    *,
    enabled: bool = True,
) -> tuple[Any, ...]:
    pricing = json.dumps({"unit": unit, "credits": credits})
    return (
        model_id,
        int(enabled),
        name,
        pricing,
        None if capabilities is None else json.dumps(capabilities),
    )


def enabled_metadata(connection: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Each enabled model's metadata as the database has it: its stored capabilities, then
    its display name, pricing hint and ``enabled``."""
    query = "SELECT model_id, display_name, pricing, capabilities FROM models WHERE enabled ORDER BY model_id"
    for model_id, name, pricing, capabilities in connection.execute(query):
        entry: dict[str, Any] = json.loads(capabilities) if capabilities else {}
        entry.update(model_id=model_id, display_name=name, enabled=True)
        if pricing:
            entry["pricing"] = json.loads(pricing)
        yield entry
