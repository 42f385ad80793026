"""The OpenAPI document as client generators read it: complete, described, collision-free.

Driven by the seed fixture's document. The request schemas' verdicts are held to the other
validators elsewhere (tests/variants_fixture.py reads the union through its references);
here: the responses and GET /v1/models are there with schemas, the error codes are the ones
the generated module reports, every field is described, and datamodel-codegen and
openapi-python-client read the document with no numbered class and no warning.
"""

from __future__ import annotations

import ast
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from modelspec.render import components, wire
from modelspec.spec.model import Catalog
from modelspec.spec.names import request_name
from tests.bodies import broken_bodies
from tests.seed import seed
from tests.validators import Validators

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def document(rendered: dict[str, str]) -> dict[str, Any]:
    return dict(yaml.safe_load(rendered["openapi/generate-media.yaml"]))


@pytest.fixture(scope="module")
def document_path() -> Path:
    return seed().settings.out / "openapi" / "generate-media.yaml"


def _schema(response: dict[str, Any]) -> str:
    return str(response["content"]["application/json"]["schema"]["$ref"]).rsplit("/", 1)[1]


def test_every_operation_answers_with_a_schema(document: dict[str, Any]) -> None:
    paths = document["paths"]
    post = paths["/v1/generate/media"]["post"]["responses"]
    assert {status: _schema(r) for status, r in post.items()} == {
        "202": "GenerateMediaAccepted",
        "400": "RequestErrors",
    }
    assert _schema(paths["/v1/models"]["get"]["responses"]["200"]) == "ModelList"
    got = paths["/v1/models/{model_id}"]["get"]
    assert [p["name"] for p in got["parameters"]] == ["model_id"]
    assert {s: _schema(r) for s, r in got["responses"].items()} == {
        "200": "ModelList",
        "404": "RequestErrors",
    }
    schemas = document["components"]["schemas"]
    error = schemas["RequestError"]
    assert error["required"] == ["field", "code", "message"]
    assert error["properties"]["code"] == {"$ref": "#/components/schemas/ErrorCode"}


def _codes_in_module(path: Path) -> set[str]:
    """The code of every RequestError the generated module can build, read from its syntax."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    codes = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"_error", "RequestError"}
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            codes.add(node.args[1].value)
    return codes


def test_the_error_codes_are_the_ones_the_module_reports(
    document: dict[str, Any], validators: Validators, catalog: Catalog
) -> None:
    enum = document["components"]["schemas"]["ErrorCode"]["enum"]
    assert len(enum) == len(set(enum))
    assert set(enum) == _codes_in_module(seed().settings.out / "model_limits.py")
    seen = set()  # and every code validate_request gives the corpus is one of them
    for model in catalog.models:
        limits = validators.limits.MODEL_LIMITS[model.model_id]
        for _, body in broken_bodies(limits):
            seen |= {error.code for error in validators.limits.validate_request(body)}
    seen |= {e.code for e in validators.limits.validate_request([])}
    assert seen <= set(enum)
    assert len(seen) >= 10


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = list(schema.get("properties", {}).items())
    for member in schema.get("oneOf", []):
        found += _properties(member)
    return found


def test_every_field_and_enum_is_described(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    undescribed = []
    for name, schema in schemas.items():
        if not schema.get("description"):
            undescribed.append(name)
        for field, prop in _properties(schema):
            if "$ref" not in prop and not prop.get("description"):
                undescribed.append(f"{name}.{field}")
    assert undescribed == []
    # A parameter's description quotes the notes' sentences that name it.
    assert (
        "fixed_lens (boolean): when true, keeps camera/lens fixed."
        in schemas["Seedance15ProRequestTextToVideo"]["properties"]["fixed_lens"]["description"]
    )
    quality = schemas["Model5LiteTextToImageRequestQuality"]
    assert quality["enum"] == ["basic", "high"]
    assert "quality: basic or high." in quality["description"]


def test_component_names_are_the_models_own(document: dict[str, Any], catalog: Catalog) -> None:
    schemas = document["components"]["schemas"]
    expected = {"GenerateMediaRequest", *wire.FIXED_NAMES}
    for model in catalog.models:
        names = components.component_names(model)
        assert names == list(components.model_components(model))
        assert all(name.startswith(request_name(model.model_id)) for name in names)
        expected |= set(names)
    assert set(schemas) == expected
    assert all(schema.get("title", name) == name for name, schema in schemas.items())
    assert not [
        name for name in schemas if re.search(r"(Request|[a-z])\d+$", name) and name not in expected
    ]


def test_a_name_clash_fails_the_render_naming_both(project: Path) -> None:
    spec = project / "spec" / "models.yaml"
    text = spec.read_text(encoding="utf-8")
    text = text.replace(
        "      quality: {values: [basic, high]}\n",
        "      quality: {values: [basic, high]}\n      text_to_image: {values: [a, b]}\n",
        1,
    )
    spec.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "modelspec", "regen"], cwd=project, capture_output=True, text=True
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "would both name the component Model5LiteTextToImageRequestTextToImage" in result.stderr
    assert not (project / "out").exists()


def test_datamodel_codegen_reads_it_without_a_warning(document_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "models.py"
    result = subprocess.run(
        [BIN / "datamodel-codegen", "--input", document_path, "--input-file-type", "openapi",
         "--output", out, "--formatters", "builtin"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no NamingHintWarning (numbered collisions), nothing else
    classes = re.findall(r"^class (\w+)\(", out.read_text(encoding="utf-8"), re.MULTILINE)
    schemas = yaml.safe_load(document_path.read_text(encoding="utf-8"))["components"]["schemas"]
    assert set(classes) == set(schemas)


def generate_client(document_path: Path, folder: Path) -> Path:
    """openapi-python-client's package for the document, generated under ``folder``."""
    result = subprocess.run(
        [BIN / "openapi-python-client", "generate", "--path", document_path, "--meta", "none",
         "--output-path", folder / "kubeez_client"],
        capture_output=True, text=True, cwd=folder,
        env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"},
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Warning" not in result.stdout + result.stderr, result.stdout + result.stderr
    return folder


def test_openapi_python_client_generates_a_client_that_imports(
    document_path: Path, tmp_path: Path
) -> None:
    generate_client(document_path, tmp_path)
    sys.path.insert(0, str(tmp_path))
    try:
        client = importlib.import_module("kubeez_client")
        models = importlib.import_module("kubeez_client.models")
        generate = importlib.import_module("kubeez_client.api.default.generate_media")
    finally:
        sys.path.remove(str(tmp_path))
    assert client.Client
    schemas = yaml.safe_load(document_path.read_text(encoding="utf-8"))["components"]["schemas"]
    exported = set(models.__all__)
    assert {"GenerateMediaAccepted", "RequestErrors", "RequestError", "ModelList"} <= exported
    assert "Model5LiteImageToImageRequest" in exported  # named as the component, not Field5…
    # Each component is one class, named after it (its own PascalCase: I2v → I2V); the only
    # others are the entry's open maps, named after their parent, and nothing is numbered.
    # (A oneOf is a union, not a class; HttpsUrl is a plain str.)
    lowered = {name.lower() for name in exported}
    classes = {n.lower() for n, s in schemas.items() if s.get("type") == "object" or "enum" in s}
    assert classes <= lowered
    others = sorted(lowered - {name.lower() for name in schemas})
    assert others == [
        "modelentryfixed",
        "modelentrylimitsparameters",
        "modelentrylimitssourcemedia",
    ]
    assert not [name for name in exported if re.search(r"(Type|Request)\d+$", name)]
    assert "RequestErrors" in str(generate._parse_response.__annotations__["return"])
