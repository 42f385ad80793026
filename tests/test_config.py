"""[tool.modelspec] in a host repo: custom paths, template overrides, page text, clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from modelspec.cli import main
from tests.seed import SEED_SPEC
from tests.test_regen_check import snapshot_tree

HOST_CONFIG = """\
[project]
name = "rest-api"

[tool.modelspec]
spec = "limits/models.yaml"
templates = "limits/templates"
regen-command = "modelspec regen"

[tool.modelspec.outputs]
model_limits = "server/rest-api/tools/model_limits.py"
requirements_page = "docs/rest-api-model-requirements.md"
schemas = "docs/schemas"

[tool.modelspec.page]
title = "Kubeez API: model limits"
"""


@pytest.fixture
def host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A server repo with its own layout, the working directory set to a subfolder of it."""
    (tmp_path / "limits" / "templates").mkdir(parents=True)
    shutil.copy(SEED_SPEC, tmp_path / "limits" / "models.yaml")
    (tmp_path / "pyproject.toml").write_text(HOST_CONFIG, encoding="utf-8")
    (tmp_path / "server").mkdir()
    monkeypatch.chdir(tmp_path / "server")
    return tmp_path


def test_config_is_found_above_and_moves_outputs(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["regen"]) == 0
    assert (host / "server/rest-api/tools/model_limits.py").is_file()
    assert (host / "docs/schemas/flux-2.json").is_file()
    assert (host / "out/request_models.py").is_file()  # targets not moved stay under out/
    page = (host / "docs/rest-api-model-requirements.md").read_text(encoding="utf-8")
    assert "# Kubeez API: model limits" in page
    assert "Code generated from limits/models.yaml by modelspec. DO NOT EDIT." in page
    assert "Regenerate with: modelspec regen" in page
    capsys.readouterr()
    assert main(["check"]) == 0


def test_check_reports_moved_outputs_with_the_configured_fix(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["regen"]) == 0
    (host / "docs/schemas/README.md").write_text("mine\n", encoding="utf-8")
    (host / "docs/schemas/flux-2.json").unlink()
    (host / "server/rest-api/tools/model_limits.py").write_text("# edited\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 3
    err = "".join(capsys.readouterr())
    assert "changed: server/rest-api/tools/model_limits.py" in err
    assert "missing: docs/schemas/flux-2.json" in err
    assert "README.md" not in err  # a person's file in a moved output folder
    assert "run `modelspec regen`" in err


def test_explicit_config_overrides_discovery(
    host: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    config = elsewhere / "pyproject.toml"
    config.write_text(
        '[tool.modelspec]\nspec = "models.yaml"\nout = "generated"\n', encoding="utf-8"
    )
    shutil.copy(SEED_SPEC, elsewhere / "models.yaml")
    assert main(["regen", "--config", str(config)]) == 0
    assert (elsewhere / "generated" / "model_limits.py").is_file()
    assert not (host / "server/rest-api/tools/model_limits.py").exists()


@pytest.mark.parametrize(
    ("config", "message"),
    [
        (
            '[tool.modelspec]\nspce = "x"\n',
            "[tool.modelspec] has an unknown key 'spce'; did you mean 'spec'?",
        ),
        (
            '[tool.modelspec.outputs]\nmodel_limit = "x.py"\n',
            "unknown key 'model_limit'; did you mean 'model_limits'?",
        ),
        ('[tool.modelspec.page]\ntitel = "x"\n', "unknown key 'titel'; did you mean 'title'?"),
        ("[tool.modelspec]\nspec = 5\n", "[tool.modelspec] spec must be a non-empty string"),
        ("[tool.modelspec\n", "cannot read"),
    ],
    ids=["top-level", "outputs", "page", "type", "toml-syntax"],
)
def test_bad_config_is_a_usage_error(
    host: Path, config: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "pyproject.toml").write_text(config, encoding="utf-8")
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_missing_config_file_is_a_usage_error(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--config", "nope.toml"]) == 2
    assert "config not found: nope.toml" in capsys.readouterr().err


def test_template_override_by_file_name(host: Path, capsys: pytest.CaptureFixture[str]) -> None:
    override = host / "limits/templates/model_requirements.md.jinja"
    override.write_text(
        "# {{ page.title }}\n\n{% for m in catalog.models %}- {{ m.model_id | md_cell }}\n{% endfor %}",
        encoding="utf-8",
    )
    assert main(["regen"]) == 0
    page = (host / "docs/rest-api-model-requirements.md").read_text(encoding="utf-8")
    assert page.startswith("# Kubeez API: model limits\n\n- 5-lite-image-to-image\n")
    assert page.endswith("- Z-image\n")


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "line one\n{% for m in catalog.models %}\n{{ m.model_id }\n",
            "model_requirements.md.jinja:3:",
        ),
        (
            "line one\nline two\n{{ catalog.modles }}\n",
            "model_requirements.md.jinja:3: 'modelspec.spec.model.Catalog object' has no attribute 'modles'",
        ),
        ("{{ nothing_here }}\n", "model_requirements.md.jinja:1: 'nothing_here' is undefined"),
    ],
    ids=["syntax", "strict-attribute", "strict-name"],
)
def test_broken_override_names_template_and_line_and_writes_nothing(
    host: Path, template: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["regen"]) == 0
    before = snapshot_tree(host)
    (host / "limits/templates/model_requirements.md.jinja").write_text(template, encoding="utf-8")
    capsys.readouterr()
    assert main(["regen"]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "nothing written" in err
    after = snapshot_tree(host)
    after.pop("limits/templates/model_requirements.md.jinja")
    before.pop("limits/templates/model_requirements.md.jinja", None)
    assert after == before
