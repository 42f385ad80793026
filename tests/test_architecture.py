"""The package's imports point one way, down the pipeline, with no cycle at any depth.

The graph is built from every import statement of every module: at the top, inside functions,
under ``if TYPE_CHECKING:``. See ARCHITECTURE.md for the stages.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator" / "modelspec"

# Lowest first: a module may import its own stage and the stages below it, never one above.
STAGES = (
    ("base", ("modelspec", "errors", "files", "settings", "resources")),
    ("cache", ("cache",)),
    ("spec", ("spec",)),
    ("render", ("render",)),
    ("tree", ("tree",)),
    ("review", ("review",)),
    ("top", ("config", "report", "exits", "parser", "cli", "__main__", "commands")),
)


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name; a package by its own name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = ["modelspec", *path.relative_to(PACKAGE).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``name`` imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # `from a import b`: the module a.b when there is one, else a itself.
            targets = [
                f"{module}.{alias.name}" if f"{module}.{alias.name}" in known else module
                for alias in node.names
            ]
        else:
            continue
        for target in targets:
            # `import a.b.c` runs a, a.b and a.b.c: the nearest known module stands for it.
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.split(".")[0] == "modelspec" and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imported(name, path, set(found)) for name, path in found.items()}


def stage(name: str) -> int:
    first = name.split(".")[1] if "." in name else name
    for rank, (_label, members) in enumerate(STAGES):
        if first in members:
            return rank
    raise AssertionError(f"{name} belongs to no stage: add it to STAGES and ARCHITECTURE.md")


def test_every_module_has_a_stage() -> None:
    for name in modules():
        stage(name)


def test_imports_point_down_the_pipeline() -> None:
    upward = [
        f"{name} ({STAGES[stage(name)][0]}) imports {target} ({STAGES[stage(target)][0]})"
        for name, targets in graph().items()
        for target in sorted(targets)
        if stage(target) > stage(name)
    ]
    assert not upward


def test_no_import_cycles() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert not cycles, "\n".join(" → ".join(cycle) for cycle in cycles)


def test_only_the_top_reads_the_config() -> None:
    top = stage("modelspec.config")
    readers = [n for n, targets in graph().items() if "modelspec.config" in targets]
    assert all(stage(n) == top for n in readers), readers


@pytest.mark.parametrize(
    ("source", "name", "expected"),
    [
        ("from modelspec.spec import model", "modelspec.x", {"modelspec.spec.model"}),
        (
            "def f():\n    from ..render import layout",
            "modelspec.spec.x",
            {"modelspec.render.layout"},
        ),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import modelspec.tree.paths",
            "modelspec.x",
            {"modelspec.tree.paths"},
        ),
        ("from . import errors", "modelspec.x", {"modelspec.errors"}),
    ],
)
def test_the_graph_sees_every_kind_of_import(
    tmp_path: Path, source: str, name: str, expected: set[str]
) -> None:
    path = tmp_path / "x.py"
    path.write_text(source, encoding="utf-8")
    assert imported(name, path, set(modules())) == expected


def test_the_target_names_name_the_targets() -> None:
    """The config checks ``[tool.modelspec.outputs]`` against NAMES without importing them."""
    from modelspec.render.project import TARGETS
    from modelspec.render.targets import NAMES

    assert tuple(target.NAME for target in TARGETS) == NAMES
