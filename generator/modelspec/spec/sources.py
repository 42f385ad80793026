"""Where a spec comes from: a file, or a file as a git ref holds it, read without a checkout.

Either way the bytes go through the same loader and validator as ``regen``, so an old spec
that is invalid is reported like a new one, under a name such as ``HEAD:spec/models.yaml``.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from modelspec.cache.memo import writes_on_success
from modelspec.errors import SpecError, SpecInvalid, UsageError
from modelspec.files import MIB, SPEC_LIMIT, TooLarge, read_limited
from modelspec.settings import Settings
from modelspec.spec.families import FamilyDocument, resolve
from modelspec.spec.loader import load_document
from modelspec.spec.model import Catalog, build_catalog, fingerprint
from modelspec.spec.validate import validate_document


@dataclass(frozen=True)
class LoadedSpec:
    """A valid spec: its name in messages, its text, the document (positions, and the models as
    written and resolved) and the catalog."""

    name: str
    text: str
    document: FamilyDocument
    catalog: Catalog


def load_spec(raw: bytes, name: str, cache: Path | None = None) -> LoadedSpec:
    """Load and validate ``raw``; raise SpecInvalid with every problem.

    ``cache`` is the folder where loading and validation keep work between runs. Should
    what they read back break the catalog (a cache that lies about a model's data and its
    proof alike), the spec is loaded and validated again without it: a cache only saves time.
    """
    try:
        return _load_spec(raw, name, cache)
    except (TypeError, ValueError, AttributeError, KeyError, IndexError):
        if cache is None:
            raise
        return _load_spec(raw, name, None)


def _load_spec(raw: bytes, name: str, cache: Path | None) -> LoadedSpec:
    with writes_on_success():  # the caches learn from valid specs only
        document = resolve(load_document(raw, name, cache))  # each model as clients see it
        prints = _fingerprints(document.data)
        errors = document.without_repeats(validate_document(document, cache, prints))
        if errors:
            raise SpecInvalid(errors)
        assert isinstance(document.data, dict)
        catalog = build_catalog(document.data, name, prints)
    text = raw.decode("utf-8-sig")  # the loader has decoded it once already
    return LoadedSpec(name, text, document, catalog)


def _fingerprints(data: object) -> dict[str, str] | None:
    """Each model's fingerprint, computed once for validation and the catalog."""
    models = data.get("models") if isinstance(data, dict) else None
    if not isinstance(models, dict):
        return None
    return {str(k): fingerprint(str(k), v) for k, v in models.items()}


def load_catalog(spec: Path, source: str | None = None) -> Catalog:
    """Read, load and validate ``spec``; raise SpecInvalid with every problem, or UsageError.

    ``source`` is the spec's name in messages and headers (default: see ``source_name``).
    """
    return spec_from_file(spec, source).catalog


def load_project(settings: Settings) -> Catalog:
    """The catalog of the configured spec, named relative to the project root."""
    return project_spec(settings).catalog


def project_spec(settings: Settings) -> LoadedSpec:
    """The configured spec, named relative to the project root as ``regen`` names it."""
    name = settings.relative(settings.spec)
    return spec_from_file(settings.spec, None if name.startswith("..") else name, settings.cache)


def spec_from_file(spec: Path, name: str | None = None, cache: Path | None = None) -> LoadedSpec:
    """The spec in the file ``spec``; a missing or unreadable file is a UsageError."""
    name = name or source_name(spec)
    try:
        raw = read_limited(spec, SPEC_LIMIT, "spec")
    except FileNotFoundError:
        raise UsageError(f"spec not found: {name}") from None
    except TooLarge as exc:  # as the loader words it, so every way in reads the same
        message = f"the spec is {exc.size / MIB:.1f} MiB; the limit is {SPEC_LIMIT // MIB} MiB"
        raise SpecInvalid([SpecError(name, 1, 1, message)]) from None
    return load_spec(raw, name, cache)


def spec_at_ref(spec: Path, ref: str) -> LoadedSpec:
    """The file ``spec`` as the git commit ``ref`` holds it (``git cat-file``; no checkout)."""
    if not ref or ref.startswith("-"):
        raise UsageError(f"not a git revision: {ref!r}")
    folder = spec.absolute().parent
    if not folder.is_dir():
        raise UsageError(f"spec not found: {source_name(spec)}")
    root = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    try:
        relative = PurePosixPath(spec.resolve().relative_to(root.resolve()).as_posix())
    except ValueError:
        raise UsageError(f"{source_name(spec)} is not inside the git repository {root}") from None
    if not _git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False):
        raise UsageError(f"unknown git revision {ref!r}")
    name = f"{ref}:{relative}"
    if _git(root, "cat-file", "-t", name, check=False).strip() != b"blob":
        raise UsageError(f"{relative} does not exist at {ref}")
    size = int(_git(root, "cat-file", "-s", name).strip() or 0)
    if size > SPEC_LIMIT:  # refused before git hands over a byte of it
        message = f"the spec is {size / MIB:.1f} MiB; the limit is {SPEC_LIMIT // MIB} MiB"
        raise SpecInvalid([SpecError(name, 1, 1, message)])
    return load_spec(_git(root, "cat-file", "blob", name), name)


def _git(folder: Path, *args: str, check: bool = True) -> bytes:
    """Run git in ``folder``; its stdout, or a UsageError carrying git's own complaint."""
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed; compare with --old PATH instead") from None
    if done.returncode != 0 and check:
        problem = done.stderr.decode(errors="replace").strip().removeprefix("fatal: ")
        raise UsageError(f"git {args[0]} failed: {problem or f'exit {done.returncode}'}")
    return done.stdout if done.returncode == 0 else b""


def source_name(spec: Path) -> str:
    """The spec's name in messages and headers, the same from any working directory.

    It is relative to the spec's project root: the nearest folder above it that holds a
    pyproject.toml or .git. Without one, it is relative to the working directory.
    """
    spec = spec.absolute()
    for folder in spec.parents:
        if (folder / "pyproject.toml").is_file() or (folder / ".git").exists():
            return spec.relative_to(folder).as_posix()
    try:
        relative = os.path.relpath(spec)
    except ValueError:
        return spec.name
    return Path(relative).as_posix() if not relative.startswith("..") else spec.name
