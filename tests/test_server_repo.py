"""Use from a server repo, with the real tools: the README's install lines in a venv that already
holds a server's own pydantic and jinja2, and real pre-commit running the README's hooks.

The README names its own copy of modelspec with placeholders (`/path/to/modelspec`,
`https://<your-git-host>/<org>/modelspec`, `<commit-sha>`); here they name a scratch git
repository that holds this checkout's files. Both build environments from the package index, so
they take tens of seconds each.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SPEC
from tests.test_adoption import snippet

HOST_CONFIG = """\
[tool.modelspec]
spec = "limits/models.yaml"
regen-command = "modelspec regen"

[tool.modelspec.outputs]
model_limits = "server/rest-api/tools/model_limits.py"
requirements_page = "docs/rest-api-model-requirements.md"
"""
# A server's own versions, older than requirements.lock's: the wheel must install beside them.
SERVER_PINS = {"pydantic": "2.12.5", "jinja2": "3.1.2"}
GIT_ENV = {
    "GIT_AUTHOR_NAME": "CI",
    "GIT_AUTHOR_EMAIL": "ci@example.com",
    "GIT_COMMITTER_NAME": "CI",
    "GIT_COMMITTER_EMAIL": "ci@example.com",
}
Hooks = tuple[Path, str, dict[str, str]]


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


def make_default_host(root: Path) -> Path:
    """A server repo laid out like this one: spec/models.yaml, outputs in out/."""
    (root / "spec").mkdir(parents=True)
    shutil.copy(SPEC, root / "spec" / "models.yaml")
    (root / "pyproject.toml").write_text('[project]\nname = "server"\n', encoding="utf-8")
    return root


def bump_a_limit(host: Path) -> None:
    """Raise wan-2-5's prompt max from 800 to 900; its notes still say 800."""
    spec = host / "limits" / "models.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("prompt_max: 800", "prompt_max: 900"),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def modelspec_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout's files committed in a scratch repo, and the commit's sha."""
    repo = tmp_path_factory.mktemp("git-host") / "modelspec"
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


def fill_placeholders(text: str, repo: Path, sha: str) -> str:
    """The README's placeholders replaced with the scratch repo; none may be left."""
    filled = (
        text.replace("/path/to/modelspec", str(repo))
        .replace("https://<your-git-host>/<org>/modelspec", f"file://localhost{repo}")
        .replace("<commit-sha>", sha)
    )
    assert not re.search(r"<[a-z-]+>", filled), filled
    return filled


def install_lines() -> list[str]:
    """The README's install commands, then the example workflow's install step."""
    lines = [
        line
        for line in snippet("sh", "pip install /path/to/modelspec").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    workflow = yaml.safe_load((ROOT / "examples" / "modelspec-drift.yml").read_text("utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    return lines + [s["run"] for s in steps if s.get("name") == "Install modelspec"]


def test_readme_install_lines_work_beside_a_servers_own_versions(
    modelspec_repo: tuple[Path, str], tmp_path: Path
) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    pins = [f"{name}=={version}" for name, version in SERVER_PINS.items()]
    server = run(python, "-m", "pip", "install", "--quiet", *pins, cwd=tmp_path)
    assert server.returncode == 0, server.stderr
    on_path = {"PATH": f"{env_dir / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    lines = install_lines()
    assert len(lines) == 5  # a path, a wheel (built, installed), a git URL; the workflow's URL
    assert "/path/to/modelspec" in lines[0] and "<commit-sha>" in lines[3] + lines[4]
    for line in lines:
        done = run(
            "bash", "-c", fill_placeholders(line, *modelspec_repo), cwd=tmp_path, env=on_path
        )
        assert done.returncode == 0, f"{line}\n{done.stdout}{done.stderr}"

    kept = run(python, "-m", "pip", "list", "--format", "freeze", cwd=tmp_path).stdout.lower()
    for name, version in SERVER_PINS.items():
        assert f"{name}=={version}" in kept.splitlines(), kept
    assert run(python, "-m", "pip", "check", cwd=tmp_path).returncode == 0

    host = make_host(tmp_path / "host")
    where = run(python, "-c", "import modelspec; print(modelspec.__file__)", cwd=host)
    assert where.stdout.startswith(str(env_dir)), where.stdout
    modelspec = env_dir / "bin" / "modelspec"
    regen = run(modelspec, "regen", cwd=host)
    assert regen.returncode == 0, regen.stderr
    assert (host / "server/rest-api/tools/model_limits.py").is_file()
    assert (host / "docs/rest-api-model-requirements.md").is_file()
    assert (host / "out/schemas/flux-2.json").is_file()
    assert run(modelspec, "check", cwd=host).returncode == 0
    # The lock's versions (this venv) render the very bytes the server's versions wrote.
    same = run(
        sys.executable, "-m", "modelspec", "check", "--full", cwd=host,
        env={"MODELSPEC_CACHE_DIR": ""},
    )  # fmt: skip
    assert same.returncode == 0, same.stdout + same.stderr
    bump_a_limit(host)
    drift = run(modelspec, "check", "--format", "github", cwd=host)
    assert drift.returncode == 3
    assert "::error file=docs/rest-api-model-requirements.md::" in drift.stdout
    assert "run `modelspec regen`" in drift.stdout


@pytest.fixture(scope="module")
def hooks(modelspec_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Hooks:
    """The hook repo at a commit, and a pre-commit home shared by the tests (one env build)."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    return *modelspec_repo, {"PRE_COMMIT_HOME": str(home)}


def adopt(host: Path, hooks: Hooks, *hook_ids: str, readme_files: bool = True) -> None:
    """Install the README's pre-commit config, keeping ``hook_ids``, in a fresh git repo, and
    make a first commit with up-to-date outputs.

    modelspec-regen takes the `files` of modelspec-check, as the README's comment says. Without
    ``readme_files``, the hooks keep the defaults of .pre-commit-hooks.yaml.
    """
    repo, sha, env = hooks
    config = yaml.safe_load(fill_placeholders(snippet("yaml", "rev: <commit-sha>"), repo, sha))
    [entry] = config["repos"]
    by_id = {hook["id"]: hook for hook in entry["hooks"]}
    by_id["modelspec-regen"] = {**by_id["modelspec-check"], "id": "modelspec-regen"}
    entry["hooks"] = [by_id[i] if readme_files else {"id": i} for i in hook_ids]
    start_repo(host, yaml.safe_dump(config), env)


def start_repo(host: Path, config: str, env: dict[str, str]) -> None:
    (host / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    pre_commit = Path(sys.executable).parent / "pre-commit"
    assert run("git", "init", "-q", cwd=host).returncode == 0
    assert run(pre_commit, "install", cwd=host, env=env).returncode == 0
    assert run(sys.executable, "-m", "modelspec", "regen", cwd=host).returncode == 0
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


def hand_edit(path: Path) -> None:
    """What a person might do to an output: wan-2-5's 800 made 8000."""
    text = path.read_text(encoding="utf-8")
    assert "800" in text
    path.write_text(text.replace("800", "8000"), encoding="utf-8")


def test_check_hook_refuses_drift_until_regenerated(tmp_path: Path, hooks: Hooks) -> None:
    host = make_host(tmp_path / "host")
    adopt(host, hooks, "modelspec-check")
    bump_a_limit(host)
    code, output = commit_all(host, hooks[2], ("limits/models.yaml",))
    assert code != 0
    assert "modelspec check" in output and "Failed" in output
    assert "changed: server/rest-api/tools/model_limits.py" in output
    assert "run `modelspec regen`" in output

    assert run(sys.executable, "-m", "modelspec", "regen", cwd=host).returncode == 0
    code, output = commit_all(host, hooks[2])
    assert code == 0, output


@pytest.mark.parametrize(
    "output", ["server/rest-api/tools/model_limits.py", "docs/rest-api-model-requirements.md"]
)
def test_check_hook_refuses_a_hand_edited_output(output: str, tmp_path: Path, hooks: Hooks) -> None:
    host = make_host(tmp_path / "host")
    adopt(host, hooks, "modelspec-check")
    hand_edit(host / output)
    code, text = commit_all(host, hooks[2], (output,))
    assert code != 0, text
    assert "modelspec check" in text and "Failed" in text
    assert f"changed: {output}" in text

    assert run(sys.executable, "-m", "modelspec", "regen", cwd=host).returncode == 0
    assert run("git", "diff", "--quiet", "HEAD", "--", output, cwd=host).returncode == 0


def test_local_hook_runs_the_installed_modelspec(tmp_path: Path, hooks: Hooks) -> None:
    host = make_host(tmp_path / "host")
    # This venv's modelspec, on PATH as a server's dev environment puts it.
    env = {**hooks[2], "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    start_repo(host, snippet("yaml", "repo: local"), env)
    hand_edit(host / "server/rest-api/tools/model_limits.py")
    code, text = commit_all(host, env, ("server/rest-api/tools/model_limits.py",))
    assert code != 0, text
    assert "modelspec check" in text and "Failed" in text
    assert "changed: server/rest-api/tools/model_limits.py" in text


def test_default_files_cover_the_outputs(tmp_path: Path, hooks: Hooks) -> None:
    host = make_default_host(tmp_path / "host")
    adopt(host, hooks, "modelspec-check", readme_files=False)
    hand_edit(host / "out" / "model_limits.py")
    code, text = commit_all(host, hooks[2], ("out/model_limits.py",))
    assert code != 0, text
    assert "changed: out/model_limits.py" in text


def test_regen_hook_rewrites_outputs_and_fails_like_a_formatter(
    tmp_path: Path, hooks: Hooks
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


def test_lint_hook_refuses_notes_that_contradict_the_data(tmp_path: Path, hooks: Hooks) -> None:
    host = make_host(tmp_path / "host")
    adopt(host, hooks, "modelspec-lint")
    bump_a_limit(host)
    code, output = commit_all(host, hooks[2], ("limits/models.yaml",))
    assert code != 0
    assert "modelspec lint" in output and "Failed" in output
    assert "wan-2-5" in output and "[notes-prompt-max]" in output

    spec = host / "limits" / "models.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("Prompt max 800 chars", "Prompt max 900 chars"),
        encoding="utf-8",
    )
    code, output = commit_all(host, hooks[2], ("limits/models.yaml",))
    assert code == 0, output
