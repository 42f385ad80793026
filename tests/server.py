"""The reference server of examples/server, run for real: uvicorn in a subprocess on a free port.

The tests drive it with the seed fixture's generated module (``MODEL_LIMITS_PATH``) and a
fresh SQLite database, never the live out/: the server imports whatever module it is given,
so testing it on the fixture tests the same code the live outputs run through, on data that
does not move when the live spec does. (`make serve` runs it on out/model_limits.py.)
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import ROOT
from tests.seed import seed
from tests.validators import import_file

SERVER = ROOT / "examples" / "server"
DATABASE = import_file(SERVER / "database.py", "reference_server_database")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Server:
    url: str
    document: Path  # the OpenAPI document of the module it serves
    limits_path: Path


@contextlib.contextmanager
def running(
    database: Path, *, validate: bool = True, limits: Path | None = None
) -> Iterator[Server]:
    """The server on 127.0.0.1 until the block ends; it is stopped whatever happens."""
    out = seed().settings.out
    limits = limits or out / "model_limits.py"
    port = free_port()
    env = {
        **os.environ,
        "MODEL_LIMITS_PATH": str(limits),
        "MODELS_DB": str(database),
        "VALIDATE": "1" if validate else "0",
    }
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "app:app_from_env", "--app-dir", str(SERVER),
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                assert process.stdout is not None
                raise RuntimeError("the server stopped: " + process.stdout.read().decode())
            try:
                httpx.get(f"{url}/v1/models", timeout=1).raise_for_status()
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield Server(url, out / "openapi" / "generate-media.yaml", limits)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
