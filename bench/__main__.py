"""``python -m bench``: time modelspec against its anchors and write bench/RESULTS.md.

    python -m bench                     # 44, 1,000 and 10,000 models (what `make bench` runs)
    python -m bench --sizes 44          # the small size only; so does BENCH_SIZES=44
    python -m bench --runs 3 --output -  # fewer runs; print the table, write no file

Every number comes from whole processes run here, side by side with the anchors, in one run.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import report
from bench.report import Results
from bench.runner import BIN, PYTHON, measure, run_once
from bench.specs import ROOT, change_one_model, write_project

SIZES = (44, 1_000, 10_000)
TIMEOUT = {44: 120.0, 1_000: 300.0, 10_000: 300.0}
CODEGEN = [
    str(BIN / "datamodel-codegen"),
    *("--input-file-type", "openapi", "--output-model-type", "pydantic_v2.BaseModel"),
    *("--target-python-version", "3.11", "--strict-types", "str", "int", "float", "bool"),
    *("--enum-field-as-literal", "all", "--use-annotated", "--field-constraints"),
    *("--extra-fields", "forbid", "--disable-timestamp", "--use-missing-sentinel"),
    *("--formatters", "builtin"),
]
IMPORT_LIMITS = (
    "import sys, time; sys.path.insert(0, 'out'); start = time.perf_counter(); "
    "import model_limits; print(time.perf_counter() - start)"
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES", ",".join(map(str, SIZES))),
        help="comma-separated catalog sizes (default: BENCH_SIZES or 44,1000,10000)",
    )
    parser.add_argument("--runs", type=int, default=5, help="runs per fast command (default 5)")
    parser.add_argument(
        "--output",
        default=str(ROOT / "bench" / "RESULTS.md"),
        help="where to write the Markdown table; '-' writes none (default: bench/RESULTS.md)",
    )
    args = parser.parse_args(argv)
    args.sizes = sorted({int(s) for s in args.sizes.replace(" ", "").split(",") if s})
    return args


def modelspec(*args: str) -> list[str]:
    return [str(BIN / "modelspec"), *args, "--spec", "spec/models.yaml", "--out", "out"]


def reset(project: Path) -> None:
    """Back to a project that holds only its spec: no outputs, no manifest, no caches."""
    for entry in project.iterdir():
        if entry.name not in ("spec", "pyproject.toml"):
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()


def bump_one_model(project: Path) -> None:
    """Raise one model's prompt_max by one, as a person editing one limit would."""
    change_one_model(project / "spec" / "models.yaml")


def has_full_check() -> bool:
    run = run_once([str(BIN / "modelspec"), "check", "--help"], ROOT, 60)
    return "--full" in run.stdout


def time_size(results: Results, size: int, project: Path, runs: int) -> None:
    """Cold regen, check, check --full, regen after one change, and the codegen anchor."""
    timeout = TIMEOUT.get(size, 600.0)
    fewer = runs if size <= 44 else 3
    say(f"{size:,} models: cold regen")
    cold = measure(modelspec("regen"), project, fewer, timeout, lambda: reset(project))
    results.add("regen, cold", size, cold)
    if cold.failed:
        return
    say(f"{size:,} models: check")
    results.add("check, unchanged tree", size, measure(modelspec("check"), project, runs, timeout))
    if results.full_check:
        say(f"{size:,} models: check --full")
        full = measure(modelspec("check", "--full"), project, fewer, timeout)
        results.add("check --full", size, full)
    say(f"{size:,} models: regen after one model changed")
    changed = measure(modelspec("regen"), project, fewer, timeout, lambda: bump_one_model(project))
    results.add("regen, one model changed", size, changed)
    say(f"{size:,} models: datamodel-codegen on the same document")
    document = project / "out" / "openapi" / "generate-media.yaml"
    codegen = [*CODEGEN, "--input", str(document), "--output", str(project / "codegen.py")]
    results.add("datamodel-codegen", size, measure(codegen, project, fewer, timeout))


def time_distinct(results: Results, size: int, project: Path) -> None:
    """The worst case for the Pydantic generator: no two models share a request shape."""
    timeout = 900.0
    say(f"{size:,} distinct shapes: cold regen")
    cold = measure(modelspec("regen"), project, 1, timeout, lambda: reset(project))
    results.add("distinct: regen, cold", size, cold)
    if cold.failed:
        return
    say(f"{size:,} distinct shapes: regen after one model changed")
    changed = measure(modelspec("regen"), project, 3, timeout, lambda: bump_one_model(project))
    results.add("distinct: regen, one model changed", size, changed)


def time_import(results: Results, size: int, project: Path, runs: int) -> None:
    """Import model_limits.py with bytecode cached: one untimed import writes the cache."""
    if not (project / "out" / "model_limits.py").is_file():
        return
    cmd = [PYTHON, "-c", IMPORT_LIMITS]
    run_once(cmd, project, 120)
    series = measure(cmd, project, max(runs, 7), 120)
    inside = [float(r.stdout) for r in series.runs if r.code == 0]
    results.imports[size] = (series, sorted(inside)[len(inside) // 2] if inside else None)


PROCESSES = 3  # rates vary from one process to the next (hash seeds, memory layout)


def time_validators(results: Results, out: Path) -> None:
    """Bodies per second of every validator on the same bodies: each in PROCESSES processes
    of its own, the median of their rates for each workload."""
    from bench.rates import VALIDATORS

    for name in VALIDATORS:
        say(f"validators: {name}")
        runs = []
        for _ in range(PROCESSES):
            run = run_once([PYTHON, "-m", "bench.rates", name, str(out)], ROOT, 600)
            if run.code != 0:
                last = (run.stderr.strip().splitlines() or ["timeout"])[-1]
                results.rates[name] = {"error": re.sub(r"\s+", " ", last)[:120]}
                break
            runs.append(json.loads(run.stdout))
        else:
            merged = dict(runs[0])
            for key, value in runs[0].items():
                if isinstance(value, float):
                    merged[key] = statistics.median(r[key] for r in runs)
            merged["wrong"] = max(r["wrong"] for r in runs)
            results.rates[name] = merged


def say(text: str) -> None:
    print(f"bench: {text}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print the page and write it (unless ``--output -``)."""
    args = parse_args(argv)
    start = time.monotonic()
    results = Results(sizes=args.sizes, runs=args.runs, full_check=has_full_check())
    with tempfile.TemporaryDirectory(prefix="modelspec-bench-") as tmp:
        say("anchors: bare python, import jsonschema")
        results.add(report.BARE, 0, measure([PYTHON, "-c", "pass"], ROOT, args.runs, 60))
        jsonschema = measure([PYTHON, "-c", "import jsonschema"], ROOT, args.runs, 60)
        results.add(report.IMPORT_JSONSCHEMA, 0, jsonschema)
        projects = {}
        for size in args.sizes:
            say(f"{size:,} models: writing the spec")
            projects[size] = write_project(Path(tmp) / f"models-{size}", size)
            time_size(results, size, projects[size], args.runs)
        smallest, largest = args.sizes[0], args.sizes[-1]
        if largest >= 1_000:
            say(f"{largest:,} models, every one its own shape: writing the spec")
            distinct = write_project(Path(tmp) / f"distinct-{largest}", largest, distinct=True)
            time_distinct(results, largest, distinct)
        if (projects[smallest] / "out" / "model_limits.py").is_file():
            time_validators(results, projects[smallest] / "out")
        for size in sorted({smallest, largest}):
            time_import(results, size, projects[size], args.runs)
    results.minutes = (time.monotonic() - start) / 60
    text = report.markdown(results)
    print(text)
    if args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8")
        say(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
