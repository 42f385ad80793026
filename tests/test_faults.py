"""Every fault is a clear message and an exit code, with the tree and the world outside as they were.

Each case builds a small project, breaks one thing, runs the command and compares every file
under the project and beside it (the "outside" a bad path would reach) before and after.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from modelspec.cli import main
from modelspec.tree import outputs

SMALL = Path(__file__).parent / "fixtures" / "small" / "models.yaml"
REPO = Path(__file__).resolve().parent.parent


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every path under ``folder``: a file's bytes, a symlink's target, a folder's marker."""
    found: dict[str, bytes | str] = {}
    for parent, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(parent) / name
            rel = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[rel] = f"-> {os.readlink(path)}"
            elif path.is_dir():
                found[rel] = "dir"
            elif path.is_file():
                found[rel] = path.read_bytes()
            else:
                found[rel] = "special"  # a FIFO: reading it would wait for a writer
    return found


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``tmp_path/repo`` (a project with the small spec, generated) beside ``tmp_path/outside``."""
    root = tmp_path / "repo"
    (root / "spec").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "templates").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "precious.txt").write_text("keep\n", encoding="utf-8")
    shutil.copy(SMALL, root / "spec" / "models.yaml")
    (root / "README.md").write_text("# host repo\n", encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("MODELSPEC_CACHE_DIR", str(root / ".modelspec_cache"))
    assert main(["regen"]) == 0
    return tmp_path


def run_unchanged(
    world: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int
) -> str:
    """Run ``argv``; assert its exit code and that nothing anywhere changed; its stderr."""
    before = tree(world)
    capsys.readouterr()
    assert main(argv) == code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert tree(world) == before
    return err


def configure(world: Path, body: str) -> None:
    (world / "repo" / "pyproject.toml").write_text(f"[tool.modelspec]\n{body}", encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "config", "named"),
    [
        (["--out", "spec"], "", "--out"),
        (["--out", "."], "", "--out"),
        (["--out", "../outside"], "", "--out"),
        (["--out", ".git"], "", "--out"),
        (["--out", "templates/gen"], 'templates = "templates"\n', "--out"),
        (["--out", ".modelspec_cache"], "", "--out"),
        ([], 'out = "."\n', "[tool.modelspec] out"),
        ([], '[tool.modelspec.outputs]\nschemas = "spec"\n', "[tool.modelspec.outputs] schemas"),
        ([], '[tool.modelspec.outputs]\nschemas = "../x"\n', "[tool.modelspec.outputs] schemas"),
        ([], '[tool.modelspec.outputs]\nschemas = "."\n', "[tool.modelspec.outputs] schemas"),
        (
            [],
            '[tool.modelspec.outputs]\nmodel_limits = "pyproject.toml"\n',
            "[tool.modelspec.outputs] model_limits",
        ),
        (
            [],
            '[tool.modelspec.outputs]\nmodel_limits = ".git/hooks/pre-commit"\n',
            "[tool.modelspec.outputs] model_limits",
        ),
        (
            [],
            '[tool.modelspec.outputs]\nmodels_json = "out/.modelspec-manifest.json"\n',
            "[tool.modelspec.outputs] models_json",
        ),
        (
            [],
            '[tool.modelspec.outputs]\nschemas = "out/openapi"\n',
            "[tool.modelspec.outputs] schemas",
        ),
        ([], 'manifest = "spec/models.yaml"\n', "[tool.modelspec] manifest"),
    ],
)
@pytest.mark.parametrize("command", ["regen", "check"])
def test_an_output_path_that_could_harm_is_a_usage_error(
    world: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    argv: list[str],
    config: str,
    named: str,
) -> None:
    if config:
        configure(world, config)
    base = ["check", "--full"] if command == "check" else ["regen"]
    assert named in run_unchanged(world, capsys, base + argv, 2)


def test_a_symlink_on_the_way_out_of_the_root_is_refused(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = world / "repo"
    shutil.rmtree(root / "out")
    (root / "out").symlink_to(world / "outside")
    err = run_unchanged(world, capsys, ["regen"], 2)
    assert "outside the project root" in err


def test_a_symlinked_output_folder_onto_the_spec_is_refused(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schemas = world / "repo" / "out" / "schemas"
    shutil.rmtree(schemas)
    schemas.symlink_to("../spec")
    assert "holds the spec" in run_unchanged(world, capsys, ["regen"], 2)


def test_a_folder_where_a_file_should_be_is_a_write_failure(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = world / "repo" / "out" / "models.json"
    target.unlink()
    target.mkdir()
    err = run_unchanged(world, capsys, ["regen"], 7)
    assert "out/models.json" in err and "folder is in the way" in err


def test_out_being_a_file_is_a_write_failure(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = world / "repo"
    shutil.rmtree(root / "out")
    (root / "out").write_text("a file\n", encoding="utf-8")
    assert "a file is in the way" in run_unchanged(world, capsys, ["regen"], 7)


def fail_on_second(real: Callable[..., object], error: OSError) -> Callable[..., object]:
    """``real``, except that it raises ``error`` from its second call on."""
    calls = [0]

    def failing(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        if calls[0] >= 2:
            raise error
        return real(*args, **kwargs)

    return failing


def change_every_output(world: Path) -> None:
    """A spec change that rewrites every output (all of them name the model or its limit)."""
    spec = world / "repo" / "spec" / "models.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("2000", "1999"), encoding="utf-8")


def test_a_full_disk_while_writing_changes_nothing(
    world: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    change_every_output(world)
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(outputs, "_temporary", fail_on_second(outputs._temporary, full))
    err = run_unchanged(world, capsys, ["regen"], 7)
    assert "No space left on device; nothing was changed" in err


def test_a_rename_that_fails_midway_is_reported_and_repaired(
    world: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Renames cannot all be undone: check then names what differs, and regen repairs it."""
    change_every_output(world)
    real_replace = os.replace

    def replace(source: str, target: str | Path) -> None:
        if str(target).endswith("models.json"):  # after model_limits.py and the page
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    capsys.readouterr()
    assert main(["regen"]) == 7
    err = capsys.readouterr().err
    assert "Permission denied; 2 of" in err and "regen repairs it" in err
    assert not list((world / "repo").rglob("*.tmp"))
    monkeypatch.undo()
    os.chdir(world / "repo")
    os.environ["MODELSPEC_CACHE_DIR"] = str(world / "repo" / ".modelspec_cache")
    assert main(["check", "--full"]) == 3
    assert main(["regen"]) == 0
    assert main(["check", "--full"]) == 0


def test_a_stale_or_dangling_lock_file_is_harmless(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = world / "repo" / "out"
    (out / ".modelspec.lock").symlink_to(world / "outside" / "lock")
    change_every_output(world)
    assert main(["regen"]) == 0
    assert not (world / "outside" / "lock").exists()
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--spec", "/dev/zero"],
        ["validate", "--spec", "{fifo}"],
        ["validate", "--spec", "out"],
        ["diff", "--old", "/dev/zero"],
        ["changelog", "{fifo}", "spec/models.yaml"],
        ["import-md", "/dev/zero", "--spec", "new/models.yaml"],
        ["import-md", "{fifo}", "--spec", "new/models.yaml"],
        ["reconcile", "/dev/zero"],
        ["reconcile", "{fifo}"],
        ["reconcile", "out"],
    ],
)
def test_reads_refuse_devices_fifos_and_folders_at_once(
    world: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    fifo = world / "fifo"
    os.mkfifo(fifo)
    argv = [arg.replace("{fifo}", str(fifo)) for arg in argv]
    err = run_unchanged(world, capsys, argv, 2)
    assert "not a file" in err


def test_a_huge_spec_is_refused_without_reading_it(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = world / "repo" / "spec" / "models.yaml"
    with open(spec, "r+b") as handle:
        handle.truncate(20 * 1024 * 1024)
    capsys.readouterr()
    assert main(["validate"]) == 1
    assert "spec/models.yaml:1:1: the spec is 20.0 MiB; the limit is 16 MiB" in "".join(
        capsys.readouterr()
    )


@pytest.mark.parametrize(
    "config",
    [
        'regen-command = "make regen\\n# coding: latin-1"\n',
        'regen-command = "make\\u0000regen"\n',
        '[tool.modelspec.page]\ntitle = "Limits\\u2028x"\n',
        '[tool.modelspec.page]\ntitle = "Limits\\u001b[31m"\n',
    ],
)
def test_configured_text_with_control_characters_is_refused(
    world: Path, capsys: pytest.CaptureFixture[str], config: str
) -> None:
    configure(world, config)
    assert "control character" in run_unchanged(world, capsys, ["regen"], 2)


def test_a_templates_folder_that_does_not_exist_is_a_usage_error(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    configure(world, 'templates = "no/such/folder"\n')
    assert "is not a folder" in run_unchanged(world, capsys, ["regen"], 2)


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "--format", "json"],
        ["check", "--full", "--format", "json"],
        ["lint", "--format", "json"],
        ["regen"],
        ["--help"],
    ],
)
def test_a_closed_pipe_ends_quietly(world: Path, command: list[str]) -> None:
    """``modelspec … | head -c 1``: the reader leaves early; no traceback follows."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "generator")}
    if command == ["regen"]:
        change_every_output(world)
    script = f"{sys.executable} -m modelspec {' '.join(command)} | head -c 1"
    done = subprocess.run(
        ["bash", "-c", script], cwd=world / "repo", env=env, capture_output=True, timeout=120
    )
    assert b"Traceback" not in done.stderr
    assert b"Exception ignored" not in done.stderr
    assert len(done.stdout) <= 1


def test_a_cache_folder_symlinked_out_of_the_root_is_not_used(
    world: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = world / "repo"
    shutil.rmtree(root / ".modelspec_cache")
    (root / ".modelspec_cache").symlink_to(world / "outside")
    monkeypatch.delenv("MODELSPEC_CACHE_DIR")
    before = tree(world / "outside")
    change_every_output(world)
    assert main(["regen"]) == 0
    assert tree(world / "outside") == before


def test_a_symlink_planted_in_the_cache_leads_no_write_out_of_it(world: Path) -> None:
    cache = world / "repo" / ".modelspec_cache"
    shutil.rmtree(cache / "memo")
    (cache / "memo").symlink_to(world / "outside")
    (cache / "stamps" / "outputs.json").unlink()
    (cache / "stamps" / "outputs.json").symlink_to(world / "outside" / "precious.txt")
    before = tree(world / "outside")
    change_every_output(world)
    assert main(["regen"]) == 0
    assert tree(world / "outside") == before


def test_fifos_planted_in_the_cache_and_templates_never_block(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Reads that only save time or feed a hash take regular files only; a FIFO is a miss."""
    root = world / "repo"
    cache = root / ".modelspec_cache"
    for shard in cache.glob("memo/*/0.*"):
        shard.unlink()
        os.mkfifo(shard)
    (cache / "stamps" / "outputs.json").unlink()
    os.mkfifo(cache / "stamps" / "outputs.json")
    os.mkfifo(root / "templates" / "notes.fifo")
    configure(world, 'templates = "templates"\n')
    change_every_output(world)
    assert main(["regen"]) == 0
    assert main(["check"]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_stale_file_that_cannot_be_deleted_changes_nothing(
    world: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stale files are set aside before any output is replaced: a read-only folder fails
    there, and the tree is as it was."""
    spec = world / "repo" / "spec" / "models.yaml"
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text[: text.index("\n  beta-video:")] + "\n", encoding="utf-8")
    real_rename = os.rename

    def rename(source: str | Path, target: str | Path) -> None:
        if str(target).endswith(".stale"):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS))
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", rename)
    err = run_unchanged(world, capsys, ["regen"], 7)
    assert "cannot delete out/schemas/beta-video.json: Read-only file system" in err
    assert "nothing was changed" in err


def test_a_config_that_is_not_a_file_says_what_it_is(
    world: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = run_unchanged(world, capsys, ["validate", "--config", "/dev/zero"], 2)
    assert "it is a character device, not a file" in err


@pytest.mark.parametrize("spec", ["out/models.json", "out/.modelspec-manifest.json"])
def test_import_md_never_writes_onto_an_output_or_the_manifest(
    world: Path, capsys: pytest.CaptureFixture[str], spec: str
) -> None:
    page = Path(__file__).parent / "fixtures" / "seed" / "rest-api-model-requirements.md"
    argv = ["import-md", str(page), "--spec", spec, "--force"]
    assert "refusing to write there" in run_unchanged(world, capsys, argv, 2)
