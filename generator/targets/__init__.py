"""The output targets: each is one small module (its paths and context) plus one template.

A target module exposes ``FILTERS`` (its escaping filters, by name) and ``outputs(catalog)``.
"""

from __future__ import annotations

from types import ModuleType

from generator.targets import (
    catalog_json,
    json_schemas,
    model_limits,
    openapi,
    request_models,
    requirements_page,
)

TARGETS: tuple[ModuleType, ...] = (
    model_limits,
    requirements_page,
    json_schemas,
    openapi,
    catalog_json,
    request_models,
)
