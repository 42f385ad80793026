"""Use from a server repo, with the real tools: a wheel in a fresh venv, and real pre-commit.

Both build environments from the package index, so they take tens of seconds each.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from tests.conftest import ROOT, SPEC

HOST_CONFIG = """\
[tool.modelspec]
spec = "limits/models.yaml"
regen-command = "modelspec regen"

[tool.modelspec.outputs]
model_limits = "server/rest-api/tools/model_limits.py"
requirements_page = "docs/rest-api-model-requirements.md"
"""
GIT_ENV = {
    "GIT_AUTHOR_NAME": "CI",
    "GIT_AUTHOR_EMAIL": "ci@example.com",
    "GIT_COMMITTER_NAME": "CI",
    "GIT_COMMITTER_EMAIL": "ci@example.com",
}


def run(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env={**os.environ, **GIT_ENV, **(env or {})},
        capture_output=True,
        text=True,
    )


def make_host(root: Path) -> Path:
    """A server repo with its own layout and a spec at limits/models.yaml."""
    (root / "limits").mkdir(parents=True)
    shutil.copy(SPEC, root / "limits" / "models.yaml")
    (root / "pyproject.toml").write_text(HOST_CONFIG, encoding="utf-8")
    return root


def bump_a_limit(host: Path) -> None:
    spec = host / "limits" / "models.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("prompt_max: 800", "prompt_max: 900"),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    result = run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, ROOT, cwd=dist
    )
    assert result.returncode == 0, result.stderr
    [built] = dist.glob("modelspec-*.whl")
    return built


def test_wheel_runs_regen_and_check_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    installed = run(python, "-m", "pip", "install", "--quiet", wheel, cwd=tmp_path)
    assert installed.returncode == 0, installed.stderr
    host = make_host(tmp_path / "host")
    where = run(python, "-c", "import generator; print(generator.__file__)", cwd=host)
    assert where.stdout.startswith(str(env_dir)), where.stdout

    modelspec = env_dir / "bin" / "modelspec"
    regen = run(modelspec, "regen", cwd=host)
    assert regen.returncode == 0, regen.stderr
    assert (host / "server/rest-api/tools/model_limits.py").is_file()
    assert (host / "docs/rest-api-model-requirements.md").is_file()
    assert (host / "out/schemas/flux-2.json").is_file()
    assert run(modelspec, "check", cwd=host).returncode == 0
    bump_a_limit(host)
    drift = run(modelspec, "check", "--format", "github", cwd=host)
    assert drift.returncode == 3
    assert "::error file=docs/rest-api-model-requirements.md::" in drift.stdout
    assert "run `modelspec regen`" in drift.stdout


def hook_repo(tmp_path: Path) -> tuple[Path, str]:
    """This checkout's files, committed in a scratch repo that pre-commit can install from."""
    repo = tmp_path / "modelspec"
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for rel in listed.stdout.splitlines():
        source = ROOT / rel
        if source.is_file():
            (repo / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / rel)
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "modelspec"]):
        assert run("git", *args, cwd=repo).returncode == 0
    sha = run("git", "rev-parse", "HEAD", cwd=repo).stdout.strip()
    return repo, sha


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, str]]:
    """The hook repo at a commit, and a pre-commit home shared by the tests (one env build)."""
    scratch = tmp_path_factory.mktemp("hooks")
    repo, sha = hook_repo(scratch)
    return repo, sha, {"PRE_COMMIT_HOME": str(scratch / "pre-commit-home")}


def adopt(host: Path, hooks: tuple[Path, str, dict[str, str]], hook_id: str) -> None:
    """Install the hook in a fresh git repo and make a first commit with up-to-date outputs."""
    repo, sha, env = hooks
    (host / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {sha}\n    hooks:\n      - id: {hook_id}\n"
        "        files: ^(limits/.*\\.yaml|pyproject\\.toml)$\n",
        encoding="utf-8",
    )
    pre_commit = Path(sys.executable).parent / "pre-commit"
    assert run("git", "init", "-q", cwd=host).returncode == 0
    assert run(pre_commit, "install", cwd=host, env=env).returncode == 0
    assert run(sys.executable, "-m", "generator", "regen", cwd=host).returncode == 0
    run("git", "add", "-A", cwd=host)
    first = run("git", "commit", "-q", "-m", "adopt modelspec", cwd=host, env=env)
    assert first.returncode == 0, first.stdout + first.stderr


def commit_all(
    host: Path, env: dict[str, str], paths: tuple[str, ...] = ("-A",)
) -> tuple[int, str]:
    """Stage ``paths`` and try to commit; the exit code and everything git and the hook printed."""
    run("git", "add", *paths, cwd=host)
    done = run("git", "commit", "-q", "-m", "raise wan-2-5's prompt max", cwd=host, env=env)
    return done.returncode, done.stdout + done.stderr


def test_check_hook_refuses_drift_until_regenerated(
    tmp_path: Path, hooks: tuple[Path, str, dict[str, str]]
) -> None:
    host = make_host(tmp_path / "host")
    adopt(host, hooks, "modelspec-check")
    bump_a_limit(host)
    code, output = commit_all(host, hooks[2], ("limits/models.yaml",))
    assert code != 0
    assert "modelspec check" in output and "Failed" in output
    assert "changed: server/rest-api/tools/model_limits.py" in output
    assert "run `modelspec regen`" in output

    assert run(sys.executable, "-m", "generator", "regen", cwd=host).returncode == 0
    code, output = commit_all(host, hooks[2])
    assert code == 0, output


def test_regen_hook_rewrites_outputs_and_fails_like_a_formatter(
    tmp_path: Path, hooks: tuple[Path, str, dict[str, str]]
) -> None:
    host = make_host(tmp_path / "host")
    adopt(host, hooks, "modelspec-regen")
    bump_a_limit(host)
    code, output = commit_all(host, hooks[2], ("limits/models.yaml",))
    assert code != 0
    assert "files were modified by this hook" in output
    page = (host / "docs/rest-api-model-requirements.md").read_text(encoding="utf-8")
    assert "| wan-2-5 | 900 |" in page

    code, output = commit_all(host, hooks[2])
    assert code == 0, output
