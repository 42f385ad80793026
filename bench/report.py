"""The benchmark's results, and the Markdown page they become (bench/RESULTS.md)."""

from __future__ import annotations

import datetime
import os
import platform
import sys
from dataclasses import dataclass, field
from importlib import metadata
from typing import Any

from bench.runner import Series

ANCHOR_PACKAGES = (
    "jsonschema",
    "fastjsonschema",
    "jsonschema-rs",
    "pydantic",
    "datamodel-code-generator",
)
BARE, IMPORT_JSONSCHEMA = "bare `python -c pass`", "`python -c 'import jsonschema'`"


@dataclass
class Results:
    """Every measurement of one run of the benchmark."""

    sizes: list[int]
    runs: int
    full_check: bool
    series: dict[tuple[str, int], Series] = field(default_factory=dict)
    rates: dict[str, dict[str, Any]] = field(default_factory=dict)
    imports: dict[int, tuple[Series, float | None]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    minutes: float = 0.0

    def add(self, what: str, size: int, series: Series) -> None:
        self.series[(what, size)] = series
        failed = series.failed
        if failed is not None:
            where = f"{what}, {size:,} models" if size else what
            how = (
                f"timed out after {failed.seconds:.0f} s"
                if failed.code is None
                else f"exit {failed.code}"
            )
            last = (failed.stderr.strip().splitlines() or [""])[-1][:200]
            self.notes.append(f"{where}: {how}" + (f": `{last}`" if last else ""))

    def median(self, what: str, size: int = 0) -> float | None:
        series = self.series.get((what, size))
        return None if series is None else series.median


def machine() -> list[str]:
    """CPU model, cores, Python, OS, date and the anchors' versions."""
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    versions = []
    for name in ANCHOR_PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} not installed")
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores",
        f"Python {platform.python_version()} ({sys.executable}), {platform.platform()}",
        f"Date: {datetime.date.today().isoformat()}",
        "Anchors: " + ", ".join(versions),
    ]


def seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def mib(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f} MiB" if value < 1024 else f"{value / 1024:.2f} GiB"


def cell(series: Series | None) -> str:
    """A median with its number of runs, or why there is none."""
    if series is None:
        return "-"
    failed = series.failed
    if failed is not None:
        return (
            f"timeout ({failed.seconds:.0f} s)"
            if failed.code is None
            else f"failed ({failed.code})"
        )
    return f"{seconds(series.median)} ·{len(series.runs)}"


def ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None or b == 0 else f"x{a / b:.2f}"


def markdown(results: Results) -> str:
    """The whole page."""
    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python -m bench`); every number below comes from one run of it.",
        "",
        *(f"- {line}" for line in machine()),
        "",
        "Whole processes, medians; `·n` is the number of runs. Slow commands run fewer times",
        f"(up to {results.runs} runs; 3 at 1,000 models and above or past 20 s; 1 past 60 s).",
        "Peak memory is the process's largest resident set (ru_maxrss). Child processes run",
        "without PYTHONDONTWRITEBYTECODE, so imports use cached bytecode as a deployed tool does.",
        f"The whole benchmark took {results.minutes:.1f} minutes.",
        "",
        *_anchors(results),
        *_modelspec(results),
        *_distinct(results),
        *_validators(results),
        *_imports(results),
    ]
    return "\n".join(lines) + "\n"


def _anchors(results: Results) -> list[str]:
    lines = ["## Anchors", "", "| anchor | median | peak memory |", "|---|---|---|"]
    for what in (BARE, IMPORT_JSONSCHEMA):
        series = results.series.get((what, 0))
        lines.append(f"| {what} | {cell(series)} | {mib(series.peak_mib if series else None)} |")
    for size in results.sizes:
        series = results.series.get(("datamodel-codegen", size))
        if series is not None:
            label = f"datamodel-codegen, {size:,}-model OpenAPI document"
            lines.append(f"| {label} | {cell(series)} | {mib(series.peak_mib)} |")
    return [*lines, ""]


TARGETS: dict[tuple[str, int], str] = {
    ("check, unchanged tree", 44): "≤ 40 ms",
    ("check, unchanged tree", 10_000): "≤ 0.3 s",
    ("check --full", 44): "≤ 1.0 s",
    ("check --full", 10_000): "≤ 20 s",
    ("regen, one model changed", 44): "≤ 1.0 s",
    ("regen, one model changed", 10_000): "≤ 2 s",
    ("regen, cold", 10_000): "≤ 20 s",
}


def _modelspec(results: Results) -> list[str]:
    sizes = results.sizes
    head = "| run | " + " | ".join(f"{s:,} models" for s in sizes) + " | targets |"
    lines = ["## modelspec", "", head, "|---|" + "---|" * (len(sizes) + 1)]
    rows = ["check, unchanged tree", "check --full", "regen, cold", "regen, one model changed"]
    for what in rows:
        if what == "check --full" and not results.full_check:
            missing = "not available: this modelspec has no --full"
            lines.append(f"| {LABELS[what]} | {missing} |{' |' * len(sizes)}")
            continue
        cells = [cell(results.series.get((what, s))) for s in sizes]
        targets = "; ".join(f"{s:,}: {TARGETS[(what, s)]}" for s in sizes if (what, s) in TARGETS)
        lines.append(f"| {LABELS[what]} | " + " | ".join(cells) + f" | {targets} |")
    peaks = [mib(_peak(results, "regen, cold", s)) for s in sizes]
    lines.append("| peak memory, cold regen | " + " | ".join(peaks) + " | 10,000: ≤ 1 GB |")
    bare = results.median(BARE)
    checks = [ratio(results.median("check, unchanged tree", s), bare) for s in sizes]
    lines.append("| `check` ÷ bare python | " + " | ".join(checks) + " | |")
    codegen = [
        ratio(results.median("regen, cold", s), results.median("datamodel-codegen", s))
        for s in sizes
    ]
    lines.append(
        "| cold regen ÷ datamodel-codegen, same document | " + " | ".join(codegen) + " | |"
    )
    lines.append("")
    if 1_000 in sizes and 10_000 in sizes:
        growth = ratio(results.median("regen, cold", 10_000), results.median("regen, cold", 1_000))
        lines += [f"Cold regen, growth from 1,000 to 10,000 models: {growth} (target ≤ x11).", ""]
    return lines


def _distinct(results: Results) -> list[str]:
    rows = [(size, what) for (what, size) in results.series if what.startswith("distinct: ")]
    if not rows:
        return []
    lines = [
        "## Worst case for the Pydantic generator: every model its own shape",
        "",
        "Above, a variant differs from its original model only in its id, so it shares the",
        "original's request shape and datamodel-code-generator runs once per shape (44 times).",
        "Here every variant also has its own prompt_max: no two models share a shape, every",
        "shape goes through datamodel-code-generator, in shards on both cores.",
        "",
        "| run | models | median | peak memory |",
        "|---|---|---|---|",
    ]
    for size, what in sorted(rows):
        series = results.series[(what, size)]
        label = LABELS[what.removeprefix("distinct: ")]
        lines.append(f"| {label} | {size:,} | {cell(series)} | {mib(series.peak_mib)} |")
    return [*lines, ""]


LABELS = {
    "check, unchanged tree": "`modelspec check`, unchanged tree",
    "check --full": "`modelspec check --full`",
    "regen, cold": "`modelspec regen`, cold (no outputs, manifest or caches)",
    "regen, one model changed": "`modelspec regen`, one model's prompt_max changed",
}


def _peak(results: Results, what: str, size: int) -> float | None:
    series = results.series.get((what, size))
    return None if series is None else series.peak_mib


def _validators(results: Results) -> list[str]:
    if not results.rates:
        return []
    size = results.sizes[0]
    keys = ["typical valid", "typical mixed", "full valid", "full mixed"]
    rs = results.rates.get("jsonschema-rs", {}).get("typical valid")
    lines = [
        f"## Request bodies per second, one process ({size:,}-model catalog)",
        "",
        "*typical*: what each JSON Schema shows as its example (model, prompt, the generation",
        "type when not the default, the URLs the mode needs, a duration where offered). *full*:",
        "every optional field the model offers. *50/50*: those bodies and their twins with one",
        "rule broken, shuffled. The anchors return a verdict; `validate_request` also builds the",
        "full error list of every invalid body. Each validator runs in 3 processes of its own",
        "(rates vary from one process to the next); each rate is the median of the processes'",
        "medians of 5 timed rounds.",
        "",
        "Every round judges the same bodies again, and `validate_request` keeps the errors it",
        "builds (up to 256 per kind of error) to share them when the same mistake comes back.",
        "The row *no error shared* turns that off, as if every mistake were new: the rate for",
        "a server whose clients never repeat a mistake.",
        "",
        "| validator | typical valid | typical 50/50 | full valid | full 50/50 | typical valid ÷ jsonschema-rs |",
        "|---|---|---|---|---|---|",
    ]
    for name, rates in results.rates.items():
        if "error" in rates:
            lines.append(f"| {name} | {rates['error']} | | | | |")
            continue
        wrong = f" ({rates['wrong']} wrong verdicts)" if rates.get("wrong") else ""
        cells = [_rate(rates[k]) for k in keys]
        lines.append(
            f"| {name}{wrong} | " + " | ".join(cells) + f" | {ratio(rates['typical valid'], rs)} |"
        )
    lines += [
        "",
        "Target for `validate_request`: ≥ 2 M valid bodies/s, ≥ 1.5 M/s on the 50/50 mix.",
        "",
    ]
    return lines


def _rate(value: float) -> str:
    return f"{value / 1e6:.2f} M/s" if value >= 1e5 else f"{value / 1e3:.0f} k/s"


def _imports(results: Results) -> list[str]:
    if not results.imports:
        return []
    bare = results.median(BARE)
    jsonschema = results.median(IMPORT_JSONSCHEMA)
    lines = [
        "## Importing model_limits.py (bytecode cached)",
        "",
        "| models | `import model_limits` in process | whole process | process ÷ bare python | process ÷ `import jsonschema` | target |",
        "|---|---|---|---|---|---|",
    ]
    for size, (series, inside) in sorted(results.imports.items()):
        target = "≤ 100 ms" if size >= 10_000 else ""
        process = series.median
        lines.append(
            f"| {size:,} | {seconds(inside)} | {cell(series)} | {ratio(process, bare)} | "
            f"{ratio(process, jsonschema)} | {target} |"
        )
    return [*lines, ""]
