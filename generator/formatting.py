"""Format generated Python with the pinned ruff, so outputs pass ``ruff format --check`` as is."""

from __future__ import annotations

import subprocess

from generator.errors import TemplateFailure

# Explicit settings: the output must not depend on whichever ruff config is nearby.
RUFF_FORMAT = ("format", "--isolated", "--line-length", "100", "--target-version", "py311", "-")


def format_python(source: str, name: str) -> str:
    """``source`` formatted by ruff; a syntax error names the output it came from."""
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    result = subprocess.run(
        [find_ruff_bin(), *RUFF_FORMAT, "--stdin-filename", name],
        input=source.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise TemplateFailure(
            f"{name}: generated Python does not parse: {detail[-1] if detail else '?'}"
        )
    return result.stdout.decode("utf-8")
