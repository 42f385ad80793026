"""Where outputs may go: checked before any byte is read or written, and again at write time.

Every output location (``out``, each target's file or folder, the manifest) must lie inside
the project root once symlinks are followed, and must neither be nor hold what the tool reads
or keeps: the spec, the config, the templates, ``.git``, the cache, the manifest, another
target. A violation is a usage error naming the setting and the path. Regen writes and
deletes only through ``Placement.check_file``, whatever a manifest or a cache says.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from modelspec.errors import UsageError
from modelspec.resources import templates_dir
from modelspec.settings import Settings


class Location:
    """One place outputs go: a file, or a folder (``folder``) whose files a target writes.

    A plain class: the fast ``check`` builds these, and ``dataclasses`` costs it dearly.
    """

    __slots__ = ("folder", "key", "path")

    def __init__(self, key: str, path: str, folder: bool) -> None:
        self.key = key  # how messages name it: "--out", "[tool.modelspec.outputs] schemas", …
        self.path = path  # absolute, with symlinks followed
        self.folder = folder

    def holds(self, path: str) -> bool:
        """True when ``path`` (resolved) is this location or, for a folder, inside it."""
        return path == self.path or (self.folder and _inside(path, self.path))


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def _overlap(a: str, a_folder: bool, b: str, b_folder: bool) -> bool:
    return a == b or (a_folder and _inside(b, a)) or (b_folder and _inside(a, b))


class Placement:
    """The checked output locations of one project, and what they must never touch."""

    def __init__(self, settings: Settings, targets: Mapping[str, tuple[Path, bool]]) -> None:
        """``targets``: each target's name, its path (not yet resolved) and whether it is a
        folder. Raises UsageError on the first location that breaks a rule."""
        self.root = os.path.realpath(settings.root)
        self.protected = _protected(settings)
        out = self._location(settings.origin("out"), settings.out, folder=True)
        manifest = self._location(settings.origin("manifest"), settings.manifest, folder=False)
        self.targets = [
            self._location(_key(settings, name), path, folder=folder)
            for name, (path, folder) in targets.items()
        ]
        self._refuse_protected(out, exempt={"manifest"})
        self._refuse_protected(manifest, exempt={"manifest"})
        for location in self.targets:
            self._refuse_protected(location, exempt=set())
        self._refuse_overlaps([manifest, *self.targets])
        self.out, self.manifest = out, manifest

    def _location(self, key: str, path: Path, *, folder: bool) -> Location:
        resolved = os.path.realpath(path)
        if resolved != self.root and not _inside(resolved, self.root):
            shown = f" (through a symlink, {resolved})" if resolved != os.path.abspath(path) else ""
            raise UsageError(f"{key} = {_shown(path)} lies outside the project root{shown}")
        if resolved == self.root:
            raise UsageError(f"{key} = {_shown(path)} is the project root itself")
        return Location(key, resolved, folder)

    def _refuse_protected(self, location: Location, exempt: set[str]) -> None:
        for name, (path, is_folder) in self.protected.items():
            if name in exempt:
                continue
            if _overlap(location.path, location.folder, path, is_folder):
                verb = "is" if location.path == path else "holds" if location.folder else "is in"
                raise UsageError(
                    f"{location.key} {verb} the {name} ({path}); refusing to write there"
                )

    def _refuse_overlaps(self, locations: list[Location]) -> None:
        for index, first in enumerate(locations):
            for second in locations[index + 1 :]:
                if _overlap(first.path, first.folder, second.path, second.folder):
                    raise UsageError(
                        f"{first.key} and {second.key} overlap ({first.path}, {second.path}); "
                        "each output needs a place of its own"
                    )

    def check_file(self, path: str | Path) -> str:
        """``path`` resolved, when regen may write or delete it; else a UsageError.

        The file's folder is resolved (a symlinked folder leading elsewhere is refused); the
        file itself is never followed: a symlink there is replaced or removed, not written
        through.
        """
        return self._check(path, {})

    def allows(self, path: str | Path) -> bool:
        """Whether regen may write or delete ``path`` (``check_file``, as a yes or no)."""
        try:
            self.check_file(path)
        except UsageError:
            return False
        return True

    def check_files(self, paths: Iterable[str | Path]) -> None:
        """``check_file`` for each of ``paths``, resolving each folder once: 10,000 schema
        files share one folder, and resolving it 10,000 times cost half a second."""
        folders: dict[str, str] = {}
        for path in paths:
            self._check(path, folders)

    def _check(self, path: str | Path, folders: dict[str, str]) -> str:
        absolute = os.path.abspath(path)
        folder = os.path.dirname(absolute)
        real = folders.get(folder)
        if real is None:
            real = folders[folder] = os.path.realpath(folder)
        resolved = os.path.join(real, os.path.basename(absolute))
        if not any(location.holds(resolved) for location in (self.manifest, *self.targets)):
            raise UsageError(f"refusing to write {absolute}: it is not among the output locations")
        for name, (protected, is_folder) in self.protected.items():
            if name != "manifest" and _overlap(resolved, False, protected, is_folder):
                raise UsageError(f"refusing to write {absolute}: it is the {name}")
        return resolved


def check_spec_target(settings: Settings, target: Path) -> None:
    """Refuse to write a spec (import-md) outside the root or onto what the tool keeps."""
    root = os.path.realpath(settings.root)
    folder = os.path.realpath(target.parent)
    resolved = os.path.join(folder, target.name)
    if not _inside(resolved, root):
        raise UsageError(f"refusing to write the spec {target}: it lies outside the project root")
    for name, (path, is_folder) in _protected(settings).items():
        if name not in ("spec", "manifest") and _overlap(resolved, False, path, is_folder):
            raise UsageError(f"refusing to write the spec {target}: it is the {name}")
    if os.path.islink(target):
        raise UsageError(f"refusing to write the spec {target}: it is a symlink")


def _key(settings: Settings, target: str) -> str:
    """How messages name a target's location: the setting that moved it, or ``out``'s."""
    if target in settings.outputs:
        return settings.origin(f"outputs.{target}")
    return f"{target} (under {settings.origin('out')})"


def _protected(settings: Settings) -> dict[str, tuple[str, bool]]:
    """What no output may be or hold, resolved: name → (path, is a folder)."""
    found: dict[str, tuple[str, bool]] = {
        "spec": (os.path.realpath(settings.spec), False),
        "git folder": (os.path.realpath(settings.root / ".git"), True),
        "built-in templates": (os.path.realpath(templates_dir()), True),
        "manifest": (os.path.realpath(settings.manifest), False),
    }
    if settings.config_file is not None:
        found["config"] = (os.path.realpath(settings.config_file), False)
    if settings.templates is not None:
        found["templates folder"] = (os.path.realpath(settings.templates), True)
    if settings.cache is not None:
        found["cache"] = (os.path.realpath(settings.cache), True)
    return found


def _shown(path: Path) -> str:
    return f'"{path}"'
