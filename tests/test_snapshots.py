"""Every generated file, as a whole, readable snapshot: a change to any output shows in review."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from syrupy.assertion import SnapshotAssertion

from generator.pipeline import load_catalog
from tests.conftest import SPEC, render_out, text_snapshot_extension

RENDERED = render_out(load_catalog(SPEC))


@pytest.mark.parametrize("path", sorted(RENDERED))
def test_output_matches_snapshot(path: str, snapshot: SnapshotAssertion) -> None:
    suffix = PurePosixPath(path).suffix.lstrip(".")
    assert RENDERED[path] == snapshot(extension_class=text_snapshot_extension(suffix))
