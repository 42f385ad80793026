"""The three request validators side by side: the JSON Schemas, Pydantic and validate_request."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from jsonschema import Draft202012Validator

Verdicts = tuple[bool, bool, bool]


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
    """Load the generated outputs under ``out`` once; judge bodies with all three."""

    schemas: dict[str, dict[str, Any]]
    limits: ModuleType
    models: ModuleType

    @classmethod
    def load(cls, out: Path) -> Validators:
        schemas = {
            path.stem: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((out / "schemas").glob("*.json"))
        }
        limits = import_file(out / "model_limits.py", f"model_limits_{id(out)}")
        models = import_file(out / "request_models.py", f"request_models_{id(out)}")
        validators = cls(schemas, limits, models)
        validators._compiled = {
            m: Draft202012Validator(s, format_checker=Draft202012Validator.FORMAT_CHECKER)
            for m, s in schemas.items()
        }
        return validators

    _compiled: dict[str, Draft202012Validator] | None = None

    def by_schema(self, body: object) -> bool:
        """Dispatch on ``model``, as the server does; an unknown model is invalid.

        Formats are checked too: a ``format`` keyword must not be a mere annotation here.
        """
        assert self._compiled is not None
        model = body.get("model") if isinstance(body, dict) else None
        validator = self._compiled.get(model) if isinstance(model, str) else None
        return validator is not None and validator.is_valid(body)

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
        return self.by_schema(body), self.by_pydantic(body), self.by_function(body)
