"""The generated validators side by side: the JSON Schemas, the OpenAPI fragment, Pydantic and
validate_request. Each is read the way a third party reads it: the schemas by jsonschema, the
fragment by openapi-schema-validator, the models by pydantic, the module by importing it."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from openapi_schema_validator import OAS31Validator

JUDGES = ("schema", "openapi", "pydantic", "function")
Verdicts = tuple[bool, bool, bool, bool]


def unanimous(verdict: bool) -> Verdicts:
    """The verdicts of four validators that agree on ``verdict``."""
    return (verdict, verdict, verdict, verdict)


def import_file(path: Path, name: str) -> ModuleType:
    """Import a generated module by path, registered so dataclasses and Pydantic resolve names."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass
class Validators:
    """Load the generated outputs under ``out`` once; judge bodies with all four."""

    schemas: dict[str, dict[str, Any]]
    limits: ModuleType
    models: ModuleType
    openapi: dict[str, Any] = field(default_factory=dict)
    _compiled: dict[str, Draft202012Validator] = field(default_factory=dict, repr=False)
    _fragment: Any = field(default=None, repr=False)
    _mapping: dict[str, str] = field(default_factory=dict, repr=False)
    _branches: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, out: Path) -> Validators:
        schemas = {
            path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((out / "schemas").glob("*.json"))
        }
        limits = import_file(out / "model_limits.py", f"model_limits_{id(out)}")
        models = import_file(out / "request_models.py", f"request_models_{id(out)}")
        fragment = out / "openapi" / "generate-media.yaml"
        openapi = yaml.safe_load(fragment.read_text(encoding="utf-8"))
        return cls(schemas, limits, models, openapi)

    def __post_init__(self) -> None:
        self._compiled = {
            m: Draft202012Validator(s, format_checker=Draft202012Validator.FORMAT_CHECKER)
            for m, s in self.schemas.items()
        }
        if self.openapi:
            union = "#/components/schemas/GenerateMediaRequest"
            self._fragment = self._oas31(union)
            schemas = self.openapi["components"]["schemas"]
            self._mapping = schemas["GenerateMediaRequest"]["discriminator"]["mapping"]

    def by_schema(self, body: object) -> bool:
        """Dispatch on ``model``, as the server does; an unknown model is invalid.

        Formats are checked too: a ``format`` keyword must not be a mere annotation here.
        """
        model = body.get("model") if isinstance(body, dict) else None
        validator = self._compiled.get(model) if isinstance(model, str) else None
        return validator is not None and validator.is_valid(body)

    def by_openapi(self, body: object) -> bool:
        """The fragment's GenerateMediaRequest, as a discriminator-aware reader takes it.

        The discriminator's mapping picks the schema of a known ``model``, as OpenAPI tools
        dispatch on it (a oneOf over every model gives the same verdict, 40 times slower);
        any other body goes through the whole oneOf. A ``model`` that is not a string gets
        no schema: openapi-schema-validator's own discriminator lookup fails with a
        TypeError on a list or an object.
        """
        model = body.get("model") if isinstance(body, dict) else None
        if isinstance(body, dict) and not isinstance(model, str | None):
            return False
        validator = self._fragment
        ref = self._mapping.get(model) if isinstance(model, str) else None
        if ref is not None:
            validator = self._branches.get(ref)
            if validator is None:
                validator = self._branches[ref] = self._oas31(ref)
        return bool(validator.is_valid(body))

    def _oas31(self, ref: str) -> Any:
        """A validator of the fragment's schema at ``ref``, its components beside it."""
        schema = {"$ref": ref, "components": self.openapi["components"]}
        return OAS31Validator(schema, format_checker=OAS31Validator.FORMAT_CHECKER)

    def by_pydantic(self, body: object) -> bool:
        from pydantic import ValidationError

        try:
            self.models.GenerateMediaRequest.model_validate(body)
        except ValidationError:
            return False
        return True

    def by_function(self, body: object) -> bool:
        return self.limits.validate_request(body) == []

    def verdicts(self, body: object) -> Verdicts:
        """Each validator's verdict, in the order of JUDGES."""
        return (
            self.by_schema(body),
            self.by_openapi(body),
            self.by_pydantic(body),
            self.by_function(body),
        )
