"""The variants fixture (tests/fixtures/variants): a spec whose entries expand into variant ids.

Rendered once per test run into a scratch project, like the seed (tests/seed.py), and judged
by four validators: the three of tests/validators.py and the OpenAPI fragment itself, read by
a third-party OpenAPI 3.1 validator (openapi-schema-validator) from its request union.
"""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from modelspec.settings import Settings
from modelspec.spec.sources import load_project
from tests.seed import Seed, render_out
from tests.validators import Validators

VARIANTS = Path(__file__).resolve().parent / "fixtures" / "variants"
VARIANTS_SPEC = VARIANTS / "models.yaml"

Verdicts4 = tuple[bool, bool, bool, bool]


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


@dataclass
class FourValidators:
    """The three validators of the generated outputs, and the OpenAPI fragment's own."""

    three: Validators
    openapi: Any

    def by_openapi(self, body: object) -> bool:
        return bool(self.openapi.is_valid(body))

    def verdicts(self, body: object) -> Verdicts4:
        return (*self.three.verdicts(body), self.by_openapi(body))


@functools.cache
def variant_validators() -> FourValidators:
    from openapi_schema_validator import OAS31Validator

    out = variants().settings.out
    document = yaml.safe_load((out / "openapi" / "generate-media.yaml").read_text("utf-8"))
    union = {
        "$ref": "#/components/schemas/GenerateMediaRequest",
        "components": document["components"],
    }
    return FourValidators(Validators.load(out), OAS31Validator(union))
