"""Settings from ``[tool.modelspec]`` in the host repo's pyproject.toml, with this repo's defaults.

The config is found by walking up from the working directory; ``--config PATH`` names it
instead. Paths in it are relative to the folder that holds it (the project root).

    [tool.modelspec]
    spec = "spec/models.yaml"
    out = "out"                       # where outputs go unless moved below
    manifest = "out/.modelspec-manifest.json"  # what regen wrote (default: in `out`)
    templates = "templates/modelspec" # overrides of the built-in templates, by file name
    regen-command = "make regen"      # named in every header and in check's fix line

    [tool.modelspec.outputs]          # move any target out of `out`
    model_limits = "server/rest-api/tools/model_limits.py"
    requirements_page = "docs/rest-api-model-requirements.md"

    [tool.modelspec.page]             # the page's variable text
    title = "REST API — model requirements"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from modelspec.errors import UsageError
from modelspec.files import CONFIG_LIMIT, read_limited
from modelspec.render.targets import NAMES
from modelspec.settings import REGEN_COMMAND, Settings

TOP_KEYS = ("spec", "out", "manifest", "templates", "regen-command", "outputs", "page")
PAGE_KEYS = ("title", "intro", "see_also")
DEFAULTS = {"spec": "spec/models.yaml", "out": "out", "regen-command": REGEN_COMMAND}


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has a [tool.modelspec] table."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        try:
            raw = read_limited(candidate, CONFIG_LIMIT, "config")
        except FileNotFoundError:
            continue
        # Parse only files that can hold the table ([tool.modelspec…] or a bare [tool]).
        maybe = b"tool.modelspec" in raw or b"[tool]" in raw
        tool = _parse_toml(raw, candidate).get("tool") if maybe else None
        if isinstance(tool, dict) and "modelspec" in tool:
            return candidate
    return None


def load_settings(
    config: Path | None = None,
    spec: Path | None = None,
    out: Path | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Settings from ``config`` (or the one found above ``cwd``); ``spec``/``out`` override it.

    Every string is checked here, once: no control characters, and a templates folder that
    exists. Where the outputs may go is checked by ``modelspec.tree.paths`` before any byte moves.
    """
    cwd = (cwd or Path.cwd()).absolute()
    if config is not None and not config.exists():
        raise UsageError(f"config not found: {config}")  # anything else: read_limited says what
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
    _check_keys(outputs, NAMES, "[tool.modelspec.outputs]", config_file)
    _check_keys(page, PAGE_KEYS, "[tool.modelspec.page]", config_file)
    origins = {key: f"[tool.modelspec] {key}" for key in table if key in ("spec", "out")}
    origins.update({f"outputs.{k}": f"[tool.modelspec.outputs] {k}" for k in outputs})
    for option, value in (("spec", spec), ("out", out)):
        if value is not None:
            _no_control_characters(str(value), f"--{option}", None)
            origins[option] = f"--{option}"
    templates = _string(table, "templates", config_file)
    manifest = _string(table, "manifest", config_file)
    if manifest:
        origins["manifest"] = "[tool.modelspec] manifest"
    out_folder = (cwd / out) if out else root / _string(table, "out", config_file, DEFAULTS["out"])
    settings = Settings(
        root=root,
        spec=(cwd / spec) if spec else root / _string(table, "spec", config_file, DEFAULTS["spec"]),
        out=out_folder,
        templates=root / templates if templates else None,
        regen_command=_string(table, "regen-command", config_file, DEFAULTS["regen-command"]),
        outputs={name: root / _string(outputs, name, config_file) for name in outputs},
        page={key: _string(page, key, config_file) for key in page},
        config_file=config_file,
        manifest=root / manifest if manifest else None,
        origins=origins,
    )
    if settings.templates is not None and not settings.templates.is_dir():
        raise UsageError(
            f"{config_file}: [tool.modelspec] templates = {templates!r} is not a folder"
        )
    return settings


def _read_toml(path: Path) -> dict[str, object]:
    try:
        raw = read_limited(path, CONFIG_LIMIT, "config")
    except FileNotFoundError:
        raise UsageError(f"config not found: {path}") from None
    return _parse_toml(raw, path)


def _parse_toml(raw: bytes, path: Path) -> dict[str, object]:
    import tomllib

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:  # TOMLDecodeError is a ValueError
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
    _no_control_characters(value, f"[tool.modelspec] {key}", path)
    return value


def _no_control_characters(value: str, where: str, path: Path | None) -> None:
    """Config text lands in generated files: a line break or control character could end a
    comment or a string there, so none is allowed (tabs neither)."""
    for index, char in enumerate(value):
        code = ord(char)
        if code < 0x20 or 0x7F <= code < 0xA0 or char in "\u2028\u2029":
            place = f"{path}: " if path is not None else ""
            raise UsageError(
                f"{place}{where} holds the control character U+{code:04X} at offset {index}; "
                "configured text must be printable"
            )
