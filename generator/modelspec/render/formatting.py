"""Format generated Python with the pinned ruff, so outputs pass ``ruff format --check`` as is."""

from __future__ import annotations

import functools
import subprocess
import threading
from collections.abc import Callable

from modelspec.errors import TemplateFailure

# Explicit settings: the output must not depend on whichever ruff config is nearby.
RUFF_FORMAT = ("format", "--isolated", "--line-length", "100", "--target-version", "py311", "-")


def format_python(source: str, name: str) -> str:
    """``source`` formatted by ruff; a syntax error names the output it came from."""
    try:
        result = subprocess.run(
            [ruff_binary(), *RUFF_FORMAT, "--stdin-filename", name],
            input=source.encode("utf-8"),
            capture_output=True,
            check=False,
        )
    except OSError as exc:  # ruff missing or not runnable: a message, not a traceback
        raise TemplateFailure(f"{name}: cannot run ruff to format it: {exc.strerror}") from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise TemplateFailure(
            f"{name}: generated Python does not parse: {detail[-1] if detail else '?'}"
        )
    return result.stdout.decode("utf-8")


@functools.cache
def ruff_binary() -> str:
    """The pinned ruff's executable, found once: ruff looks it up through sysconfig, whose
    first use is not safe from two threads at once."""
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    return str(find_ruff_bin())


def format_later(source: str, name: str) -> Callable[[], str]:
    """Start ``format_python`` now, on another core; calling the result waits for it."""
    ruff_binary()  # in this thread, before the other one needs it
    result: dict[str, str | BaseException] = {}

    def run() -> None:
        try:
            result["text"] = format_python(source, name)
        except BaseException as exc:  # handed to the caller, as if it had run there
            result["error"] = exc

    thread = threading.Thread(target=run, name=f"format {name}", daemon=True)
    thread.start()

    def wait() -> str:
        thread.join()
        error = result.get("error")
        if isinstance(error, BaseException):
            raise error
        text = result["text"]
        assert isinstance(text, str)
        return text

    return wait
