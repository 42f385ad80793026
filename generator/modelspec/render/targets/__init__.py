"""The output targets: each is one small module (its paths and context) plus one template.

A target module exposes ``NAME``, ``LOCATION``, ``FILTERS`` (its escaping filters, by name)
and ``outputs(catalog, context)``. ``modelspec.render.project.TARGETS`` runs them in order;
``NAMES`` below names them without importing them (the config checks
``[tool.modelspec.outputs]`` against it on the fast ``check`` path).
"""

NAMES = (
    "model_limits",
    "requirements_page",
    "schemas",
    "openapi",
    "models_json",
    "request_models",
)
