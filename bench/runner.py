"""Time whole processes: wall clock, peak memory (from the kernel's rusage) and a timeout."""

from __future__ import annotations

import contextlib
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
BIN = Path(PYTHON).parent


def child_env() -> dict[str, str]:
    """The environment of every timed process.

    PYTHONDONTWRITEBYTECODE is unset: a deployed tool or server imports cached bytecode, and
    timing the compiler on every run would measure something no user sees.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


@dataclass(frozen=True)
class Run:
    """One process: seconds of wall clock, peak resident memory in MiB, and how it ended."""

    seconds: float
    peak_mib: float
    code: int | None  # None: killed at the timeout
    stdout: str = ""
    stderr: str = ""


def run_once(cmd: Sequence[str], cwd: Path, timeout: float) -> Run:
    """Run ``cmd`` to the end, or kill its process group at ``timeout`` seconds."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd,
            cwd=cwd,
            env=child_env(),
            stdout=out,
            stderr=err,
            start_new_session=True,
        )
        timer = threading.Timer(timeout, _kill_group, (proc.pid,))
        timer.start()
        # wait4, not Popen.wait: it also returns the child's own peak memory (ru_maxrss, KiB).
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        timed_out = not timer.is_alive()
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        texts = []
        for stream in (out, err):
            stream.seek(0)
            texts.append(stream.read().decode("utf-8", "replace"))
    code = None if timed_out else proc.returncode
    return Run(seconds, usage.ru_maxrss / 1024, code, *texts)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


@dataclass
class Series:
    """Several runs of one command; ``median`` is None when a run failed or timed out."""

    runs: list[Run] = field(default_factory=list)

    @property
    def failed(self) -> Run | None:
        return next((r for r in self.runs if r.code != 0), None)

    @property
    def median(self) -> float | None:
        return None if self.failed else statistics.median(r.seconds for r in self.runs)

    @property
    def peak_mib(self) -> float | None:
        return None if self.failed else max(r.peak_mib for r in self.runs)


def measure(
    cmd: Sequence[str],
    cwd: Path,
    runs: int,
    timeout: float,
    prepare: Callable[[], object] | None = None,
    slow: float = 20.0,
) -> Series:
    """Up to ``runs`` runs, each after an untimed ``prepare()``.

    Slow commands are repeated less: 3 runs at most when one takes over ``slow`` seconds, 1
    when it takes over three times that. A failed or timed-out run ends the series.
    """
    series = Series()
    wanted = runs
    while len(series.runs) < wanted:
        if prepare is not None:
            prepare()
        run = run_once(cmd, cwd, timeout)
        series.runs.append(run)
        if run.code != 0:
            break
        if run.seconds > 3 * slow:
            wanted = 1
        elif run.seconds > slow:
            wanted = min(wanted, 3)
    return series
