"""``python -m bench.wire``: the cost of validation on the wire; writes bench/WIRE.md.

Two measurements on the same bodies (bench/bodies.py's typical, full and mixed bodies, built
from out/model_limits.py):

- the reference server (examples/server, uvicorn, one worker) answering POST
  /v1/generate/media with validation and without it (``VALIDATE=0``: parse, answer 202),
  from one keep-alive client on this machine, in requests per second;
- ``validate_request(body)`` against ``json.loads`` of the same body's bytes, in bodies per
  second, in one process.

Target: validating a body costs less than parsing it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

from bench import bodies
from bench.rates import import_path
from bench.report import machine
from bench.specs import ROOT

OUT = ROOT / "out"
SECONDS = float(os.environ.get("BENCH_WIRE_SECONDS", "4"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(validate: bool, database: Path) -> Iterator[str]:
    """The reference server on 127.0.0.1, stopped when the block ends."""
    port = _free_port()
    env = {**os.environ, "MODELS_DB": str(database), "VALIDATE": "1" if validate else "0"}
    command = [
        sys.executable, "-m", "uvicorn", "--factory", "app:app_from_env",
        "--app-dir", str(ROOT / "examples" / "server"), "--host", "127.0.0.1",
        "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    process = subprocess.Popen(command, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/v1/models", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def requests_per_second(url: str, payloads: list[bytes]) -> float:
    """Sequential POSTs from one keep-alive client for ``SECONDS``; bounded in time and count."""
    sent = 0
    headers = {"content-type": "application/json"}
    with httpx.Client(base_url=url, timeout=10) as client:
        for payload in payloads[:50]:  # warm up
            client.post("/v1/generate/media", content=payload, headers=headers)
        start = time.perf_counter()
        while time.perf_counter() - start < SECONDS and sent < 1_000_000:
            client.post(
                "/v1/generate/media", content=payloads[sent % len(payloads)], headers=headers
            )
            sent += 1
        return sent / (time.perf_counter() - start)


def per_second(judge: Callable[[Any], object], items: list[Any]) -> float:
    """Items judged per second, best of three passes of at least 0.2 s each."""
    best = 0.0
    for _ in range(3):
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < 0.2:
            for item in items:
                judge(item)
            count += len(items)
        best = max(best, count / (time.perf_counter() - start))
    return best


def main() -> None:
    limits = import_path(OUT / "model_limits.py", "model_limits")
    typical = bodies.valid_bodies(limits, "typical")
    full = bodies.valid_bodies(limits, "full")
    invalid = bodies.invalid_bodies(limits, typical)
    sets = {"typical": typical, "full": full, "mixed": bodies.mixed_bodies(typical, invalid)}
    rows = []
    database = Path(os.environ.get("TMPDIR", "/tmp")) / f"modelspec-bench-{os.getpid()}.db"
    try:
        for name, chosen in sets.items():
            payloads = [json.dumps(body).encode("utf-8") for body in chosen]
            loads = per_second(json.loads, payloads)
            validate = per_second(limits.validate_request, chosen)
            rates = {}
            for flag in (True, False):
                with server(flag, database) as url:
                    rates[flag] = requests_per_second(url, payloads)
            rows.append((name, len(chosen), rates[True], rates[False], loads, validate))
    finally:
        database.unlink(missing_ok=True)
    lines = [
        "# Validation on the wire",
        "",
        "Written by `make bench` (`python -m bench.wire`). The reference server under uvicorn,",
        "one client on the same machine, sequential keep-alive POSTs; then, in one process,",
        "`validate_request(body)` against `json.loads` of the same body's bytes.",
        "",
        *machine(),
        "",
        "| bodies | count | server req/s, validating | server req/s, not validating | cost of validation per request | json.loads bodies/s | validate_request bodies/s | validate / parse time |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, count, with_v, without_v, loads, validate in rows:
        cost = (1 / with_v - 1 / without_v) * 1e6
        lines.append(
            f"| {name} | {count} | {with_v:,.0f} | {without_v:,.0f} | {cost:+.1f} µs |"
            f" {loads:,.0f} | {validate:,.0f} | {loads / validate:.2f} |"
        )
    text = "\n".join(lines) + "\n"
    (ROOT / "bench" / "WIRE.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
