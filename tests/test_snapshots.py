"""Every generated file, as a whole, readable snapshot: a change to any output shows in review.

The outputs are the seed fixture's (tests/fixtures/seed), rendered in a scratch project whose
spec is named spec/models.yaml, so the headers read as they do in a real project.
"""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest
from syrupy.assertion import SnapshotAssertion

from tests.conftest import text_snapshot_extension
from tests.seed import seed

RENDERED = seed().rendered


@pytest.mark.parametrize("path", sorted(RENDERED))
def test_output_matches_snapshot(path: str, snapshot: SnapshotAssertion) -> None:
    suffix = PurePosixPath(path).suffix.lstrip(".")
    assert RENDERED[path] == snapshot(extension_class=text_snapshot_extension(suffix))
