"""The hash of every input that decides the outputs: the spec, the settings, the templates
and the tool itself.

The manifest records them (so ``check`` can answer without rendering) and the memos are
salted with them (so a memo of another code, template or setting is never read back).
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from modelspec.files import read_if_regular
from modelspec.resources import package_dir, spec_schema_path, templates_dir
from modelspec.settings import Settings

HASH_LIMIT = 1024 * 1024 * 1024  # no input or output comes near it


def input_hashes(settings: Settings) -> dict[str, str]:
    """The hash of every input that shapes the outputs; an unreadable spec hashes as missing.

    Templates count whole: every file under the override folder and the built-in one, so a
    partial that a template includes, imports or extends is an input like the template.
    """
    hashes = {"spec": hash_file(settings.spec), "settings": hash_text(settings_key(settings))}
    package = package_dir()
    tool = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        tool.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    tool.update(spec_schema_path().read_bytes())
    hashes["tool"] = tool.hexdigest()
    for label, folder in (("override", settings.templates), ("template", templates_dir())):
        if folder is not None:
            for name, digest in _folder_hashes(folder):
                hashes[f"{label}:{name}"] = digest
    return hashes


def _folder_hashes(folder: Path) -> list[tuple[str, str]]:
    """(relative name, hash) of every file under ``folder``, sorted: any of them can be
    included, so none is skipped."""
    found = []
    for parent, dirs, files in os.walk(folder):
        dirs.sort()
        for name in files:
            path = os.path.join(parent, name)
            found.append((os.path.relpath(path, folder).replace(os.sep, "/"), hash_file(path)))
    return sorted(found)


def settings_key(settings: Settings) -> str:
    """Everything in the settings that changes output bytes or places, as a stable string."""
    return json.dumps(
        {
            "spec": settings.relative(settings.spec),
            "out": settings.relative(settings.out),
            "manifest": settings.relative(settings.manifest),
            "templates": settings.relative(settings.templates) if settings.templates else None,
            "regen_command": settings.regen_command,
            "outputs": {k: settings.relative(v) for k, v in sorted(settings.outputs.items())},
            "page": dict(sorted(settings.page.items())),
        },
        sort_keys=True,
    )


def hash_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def hash_file(path: str | Path) -> str:
    """The file's hash; "missing" for anything but a readable regular file (a FIFO never
    blocks here)."""
    data = read_if_regular(path, HASH_LIMIT)
    return "missing" if data is None else hashlib.sha256(data).hexdigest()
