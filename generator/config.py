"""Settings from ``[tool.modelspec]`` in the host repo's pyproject.toml, with this repo's defaults.

The config is found by walking up from the working directory; ``--config PATH`` names it
instead. Paths in it are relative to the folder that holds it (the project root).

    [tool.modelspec]
    spec = "spec/models.yaml"
    out = "out"                       # the folder the tool owns: stale files in it are deleted
    templates = "templates/modelspec" # overrides of the built-in templates, by file name
    regen-command = "make regen"      # named in every header and in check's fix line

    [tool.modelspec.outputs]          # move any target out of `out`
    model_limits = "server/rest-api/tools/model_limits.py"
    requirements_page = "docs/rest-api-model-requirements.md"

    [tool.modelspec.page]             # the page's variable text
    title = "REST API — model requirements"
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.errors import UsageError

TOP_KEYS = ("spec", "out", "templates", "regen-command", "outputs", "page")
PAGE_KEYS = ("title", "intro", "see_also")
DEFAULTS = {"spec": "spec/models.yaml", "out": "out", "regen-command": "make regen"}


class Settings:
    """Where everything is, as absolute paths, and the text the outputs carry.

    A plain class rather than a dataclass, to keep ``dataclasses`` off the fast ``check`` path.
    """

    __slots__ = (
        "config_file",
        "out",
        "outputs",
        "page",
        "regen_command",
        "root",
        "spec",
        "templates",
    )

    def __init__(
        self,
        root: Path,
        spec: Path,
        out: Path,
        templates: Path | None = None,
        regen_command: str = DEFAULTS["regen-command"],
        outputs: Mapping[str, Path] | None = None,
        page: Mapping[str, str] | None = None,
        config_file: Path | None = None,
    ) -> None:
        self.root, self.spec, self.out, self.templates = root, spec, out, templates
        self.regen_command = regen_command
        self.outputs: Mapping[str, Path] = dict(outputs or {})
        self.page: Mapping[str, str] = dict(page or {})
        self.config_file = config_file

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Settings({fields})"

    def relative(self, path: Path) -> str:
        """``path`` relative to the project root, as posix: how outputs are named."""
        return relative_posix(path, self.root)


CACHE_NAME = ".modelspec_cache"


def cache_folder(settings: Settings) -> Path | None:
    """The cache: ``.modelspec_cache`` at the project root, or $MODELSPEC_CACHE_DIR.

    An empty MODELSPEC_CACHE_DIR turns the cache off. The cache only saves time: every entry
    is keyed by everything that decides its content.
    """
    chosen = os.environ.get("MODELSPEC_CACHE_DIR")
    if chosen is None:
        return settings.root / CACHE_NAME
    return Path(chosen).absolute() if chosen else None


def relative_posix(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` (with ``..`` when outside it), as posix."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has a [tool.modelspec] table."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        try:
            raw = candidate.read_bytes()
        except OSError:
            continue
        # Parse only files that can hold the table ([tool.modelspec…] or a bare [tool]).
        maybe = b"tool.modelspec" in raw or b"[tool]" in raw
        tool = _read_toml(candidate).get("tool") if maybe else None
        if isinstance(tool, dict) and "modelspec" in tool:
            return candidate
    return None


def load_settings(
    config: Path | None = None,
    spec: Path | None = None,
    out: Path | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Settings from ``config`` (or the one found above ``cwd``); ``spec``/``out`` override it."""
    cwd = (cwd or Path.cwd()).absolute()
    if config is not None and not config.is_file():
        raise UsageError(f"config not found: {config}")
    config_file = config.absolute() if config is not None else find_config(cwd)
    table: dict[str, object] = {}
    root = cwd
    if config_file is not None:
        tool = _table(_read_toml(config_file), "tool", config_file)
        table = _table(tool, "modelspec", config_file)
        root = config_file.parent
        _check_keys(table, TOP_KEYS, "[tool.modelspec]", config_file)
    outputs = _table(table, "outputs", config_file)
    page = _table(table, "page", config_file)
    if outputs:  # the targets are imported only when the config moves one
        from generator.targets import TARGETS

        names = [t.NAME for t in TARGETS]
        _check_keys(outputs, names, "[tool.modelspec.outputs]", config_file)
    _check_keys(page, PAGE_KEYS, "[tool.modelspec.page]", config_file)
    templates = _string(table, "templates", config_file)
    return Settings(
        root=root,
        spec=(cwd / spec) if spec else root / _string(table, "spec", config_file, DEFAULTS["spec"]),
        out=(cwd / out) if out else root / _string(table, "out", config_file, DEFAULTS["out"]),
        templates=root / templates if templates else None,
        regen_command=_string(table, "regen-command", config_file, DEFAULTS["regen-command"]),
        outputs={name: root / _string(outputs, name, config_file) for name in outputs},
        page={key: _string(page, key, config_file) for key in page},
        config_file=config_file,
    )


def _read_toml(path: Path) -> dict[str, object]:
    import tomllib

    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, ValueError) as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise UsageError(f"cannot read {path}: {exc}") from None


def _check_keys(
    table: Mapping[str, object], known: Sequence[str], where: str, path: Path | None
) -> None:
    for key in table:
        if key not in known:
            import difflib  # only for the hint: most runs never get here

            close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.5)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(known)}"
            raise UsageError(f"{path}: {where} has an unknown key {key!r}{hint}")


def _table(table: Mapping[str, object], key: str, path: Path | None) -> dict[str, object]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise UsageError(f"{path}: [tool.modelspec] {key} must be a table")
    return {str(k): v for k, v in value.items()}


def _string(table: Mapping[str, object], key: str, path: Path | None, default: str = "") -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or (key in table and not value):
        raise UsageError(f"{path}: [tool.modelspec] {key} must be a non-empty string")
    return value
