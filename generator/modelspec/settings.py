"""The resolved settings as one plain value: where everything is, and the text outputs carry.

``modelspec.config`` makes it, once, at the top (from ``[tool.modelspec]`` and the options);
every stage below takes it, or the plain values it needs, as an argument.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

REGEN_COMMAND = "make regen"  # the default regen command
MANIFEST_NAME = ".modelspec-manifest.json"
CACHE_NAME = ".modelspec_cache"
_UNSET = Path()  # "not given": the cache folder is then worked out from the root


class Settings:
    """Where everything is, as absolute paths, and the text the outputs carry.

    A plain class rather than a dataclass, to keep ``dataclasses`` off the fast ``check`` path.
    ``cache`` is the folder where runs keep what only saves time (None: no cache); when it is
    not given, it is ``default_cache(root)``.
    """

    __slots__ = (
        "cache",
        "config_file",
        "manifest",
        "origins",
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
        regen_command: str = REGEN_COMMAND,
        outputs: Mapping[str, Path] | None = None,
        page: Mapping[str, str] | None = None,
        config_file: Path | None = None,
        manifest: Path | None = None,
        origins: Mapping[str, str] | None = None,
        cache: Path | None = _UNSET,
    ) -> None:
        self.root, self.spec, self.out, self.templates = root, spec, out, templates
        self.manifest = manifest if manifest is not None else out / MANIFEST_NAME
        # Where each path setting came from, as a message names it: "--out", "[tool.modelspec] out".
        self.origins: Mapping[str, str] = dict(origins or {})
        self.regen_command = regen_command
        self.outputs: Mapping[str, Path] = dict(outputs or {})
        self.page: Mapping[str, str] = dict(page or {})
        self.config_file = config_file
        self.cache = default_cache(root) if cache is _UNSET else cache

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Settings({fields})"

    def origin(self, key: str) -> str:
        """How a message names the setting ``key``: the option or config key that set it."""
        return self.origins.get(key, f"the default {key}")

    def relative(self, path: Path) -> str:
        """``path`` relative to the project root, as posix: how outputs are named."""
        return relative_posix(path, self.root)


def default_cache(root: Path) -> Path | None:
    """The cache: ``.modelspec_cache`` at the project root, or $MODELSPEC_CACHE_DIR.

    An empty MODELSPEC_CACHE_DIR turns the cache off; so does a default cache folder that
    symlinks out of the project root. The cache only saves time: every entry is keyed by
    everything that decides its content.
    """
    chosen = os.environ.get("MODELSPEC_CACHE_DIR")
    if chosen is not None:
        return Path(chosen).absolute() if chosen else None
    cache = root / CACHE_NAME
    # A committed symlink could lead the default cache out of the repo: then run without one.
    real_root, resolved = os.path.realpath(root), os.path.realpath(cache)
    return cache if resolved.startswith(real_root + os.sep) else None


def relative_posix(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` (with ``..`` when outside it), as posix."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()
