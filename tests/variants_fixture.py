"""The variants fixture (tests/fixtures/variants): a spec whose entries expand into variant ids.

Rendered once per test run into a scratch project, like the seed (tests/seed.py), and judged
by the four validators of tests/validators.py (the JSON Schemas, the OpenAPI fragment read by
openapi-schema-validator, Pydantic and validate_request).
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from modelspec.settings import Settings
from modelspec.spec.sources import load_project
from tests.seed import Seed, render_out
from tests.validators import Validators

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"
VARIANTS_SPEC = VARIANTS / "models.yaml"


def variants_project(root: Path) -> Settings:
    """Lay out a project at ``root`` with the variants fixture as spec/models.yaml."""
    (root / "spec").mkdir(parents=True, exist_ok=True)
    shutil.copy(VARIANTS_SPEC, root / "spec" / "models.yaml")
    return Settings(root=root, spec=root / "spec" / "models.yaml", out=root / "out")


@functools.cache
def variants() -> Seed:
    """The variants project, rendered and written once per process in a temporary folder."""
    root = Path(tempfile.mkdtemp(prefix="modelspec-variants-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    settings = variants_project(root)
    catalog = load_project(settings)
    rendered = render_out(catalog, settings)
    for rel, text in rendered.items():
        path = settings.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return Seed(settings, catalog, rendered)


@functools.cache
def variant_validators() -> Validators:
    """The four validators of tests/validators.py over the variants project's outputs."""
    return Validators.load(variants().settings.out)
