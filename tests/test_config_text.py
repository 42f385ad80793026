"""Text from the config is data: each string is escaped for the output it lands in.

The regen command, the page's title, intro and see-also text, and the spec's name reach the
Python modules' header comments, the YAML fragment's comments, the page's HTML comment, its
code spans and its prose. Hostile values must leave every output parseable, say exactly the
configured text once parsed, and never set a module's encoding (PEP 263).
"""

from __future__ import annotations

import io
import json
import os
import re
import tokenize
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from modelspec.cli import main
from tests.validators import import_file

SPEC = """\
request_fields:
  - {concept: Prompt length, field: prompt, notes: At most prompt max characters.}
models:
  flux-2:
    prompt_max: 5000
    generation_types: [text-to-image]
    requires_input: false
    usage_notes: Text-to-image only.
"""
HOSTILE = {
    "backticks": "make `regen` ``twice``",
    "a lone backtick": "`",
    "comment end": "make regen --> <!-- --!> -",
    "C comment end": "make regen */ /*",
    "triple quotes": 'make """regen""" \'\'\'',
    "coding cookie": "make regen # coding: latin-1",
    "emacs cookie": "make regen # -*- coding: latin-1 -*-",
    "vim cookie": "make # vim: set fileencoding=latin-1",
    "quote and backslash": "make 'regen' \\ \\n \\x00",
    "jinja syntax": "{{ 7 * 7 }} {% if true %}x{% endif %} {# c #}",
    "markdown": "# *not* [a link](javascript:x) <b>html</b> | ~~x~~ _y_ &amp; #",
    "block starts": "- 1. +",
    "ordered list": "1. first",
    "indented": "    indented",
    "non-ASCII": "régén — ✓ \U0001f600 \ufeff",
}
PEP_263 = re.compile(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.ASCII)


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for every case: the Pydantic shapes are generated once."""
    return tmp_path_factory.mktemp("cache")


def regen_with(root: Path, text: str, spec_name: str = "spec/models.yaml") -> Path:
    """Regenerate a one-model project whose every configured string is ``text``."""
    (root / spec_name).parent.mkdir(parents=True, exist_ok=True)
    (root / spec_name).write_text(SPEC, encoding="utf-8")
    quoted = json.dumps(text, ensure_ascii=False)  # a TOML basic string, for these texts
    (root / "pyproject.toml").write_text(
        f"[tool.modelspec]\nspec = {json.dumps(spec_name)}\nregen-command = {quoted}\n"
        f"[tool.modelspec.page]\ntitle = {quoted}\nintro = {quoted}\nsee_also = {quoted}\n",
        encoding="utf-8",
    )
    cwd = os.getcwd()
    try:
        os.chdir(root)
        assert main(["regen"]) == 0
    finally:
        os.chdir(cwd)
    return root / "out"


@pytest.fixture
def cached(monkeypatch: pytest.MonkeyPatch, shared_cache: Path) -> None:
    monkeypatch.setenv("MODELSPEC_CACHE_DIR", str(shared_cache))


@pytest.mark.usefixtures("cached")
@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_config_text_stays_data(tmp_path: Path, text: str) -> None:
    out = regen_with(tmp_path, text)
    for name in ("model_limits.py", "request_models.py"):
        module = out / name
        assert_utf8_module(module)
    limits = import_file(out / "model_limits.py", f"hostile_limits_{abs(hash(text))}")
    assert list(limits.MODEL_LIMITS) == ["flux-2"]
    models = import_file(out / "request_models.py", f"hostile_models_{abs(hash(text))}")
    body = {"model": "flux-2", "prompt": "a cat"}
    assert models.GenerateMediaRequest.model_validate(body).root.model == "flux-2"
    openapi = (out / "openapi" / "generate-media.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(openapi)["openapi"] == "3.1.0"
    assert [line[:2] for line in openapi.splitlines()[:2]] == ["# ", "# "]
    for path in [out / "models.json", *(out / "schemas").glob("*.json")]:
        header = json.loads(path.read_text(encoding="utf-8"))["$comment"]
        assert header.endswith(f"Regenerate with: {text}")  # JSON holds the text as it is
    assert_page_says(out / "model_requirements.md", text, "spec/models.yaml")


def assert_utf8_module(path: Path) -> None:
    """The module compiles, declares no encoding and reads as UTF-8."""
    source = path.read_bytes()
    first_two = source.decode("utf-8").splitlines()[:2]
    assert [line for line in first_two if PEP_263.match(line)] == []
    encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
    assert encoding == "utf-8"
    compile(source, str(path), "exec")


def assert_page_says(page: Path, text: str, source: str) -> None:
    """Parsed as Markdown, the page shows the configured text as plain text, nothing more."""
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("<!-- Code generated") and lines[0].endswith(" -->")
    assert lines[0].count("-->") == 1 and lines[0].count("<!--") == 1
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse("\n".join(lines))
    assert tokens[0].type == "html_block" and tokens[0].content == lines[0] + "\n"
    inlines = [t for t in tokens if t.type == "inline"]
    title, intro, see_also = inlines[0], inlines[1], inlines[-1]
    assert tokens[tokens.index(title) - 1].type == "heading_open"
    assert plain(title) == text
    assert plain(intro) == (
        f"{text} It is generated from {source} by modelspec. After editing that file, "
        f"regenerate this page by running {text}."
    )
    assert [c.content for c in intro.children or [] if c.type == "code_inline"] == [source, text]
    assert plain(see_also) == text


def plain(inline: Any) -> str:
    """An inline token's text, requiring that it is only text and code: no markup at all."""
    kinds = {child.type for child in inline.children}
    assert kinds <= {"text", "text_special", "code_inline"}, kinds
    return "".join(child.content for child in inline.children)


def test_escapes_read_as_intended(tmp_path: Path, cached: None) -> None:
    """What the escapes look like in each output, for a person reading the files."""
    out = regen_with(tmp_path, "make `x` --> # coding: latin-1")
    header = (out / "model_limits.py").read_text(encoding="utf-8").splitlines()[1]
    assert header == "# Regenerate with: make `x` --> # coding\\x3a latin-1"
    models = (out / "request_models.py").read_text(encoding="utf-8").splitlines()[1]
    assert models == header
    page = (out / "model_requirements.md").read_text(encoding="utf-8")
    assert page.startswith("<!-- Code generated from spec/models.yaml by modelspec. DO NOT EDIT. ")
    assert "Regenerate with: make `x` --&gt; # coding: latin-1 -->\n" in page
    assert "\n# make \\`x\\` --\\> \\# coding: latin-1\n" in page
    assert "by running `` make `x` --> # coding: latin-1 ``." in page
    openapi = (out / "openapi" / "generate-media.yaml").read_text(encoding="utf-8")
    assert openapi.splitlines()[1] == "# Regenerate with: make `x` --> # coding: latin-1"


def test_a_spec_named_like_a_cookie_sets_no_encoding(tmp_path: Path, cached: None) -> None:
    out = regen_with(tmp_path, "make regen", spec_name="limits/coding=latin1 `x` -->.yaml")
    for name in ("model_limits.py", "request_models.py"):
        assert_utf8_module(out / name)
        first = (out / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == (
            "# Code generated from limits/coding\\x3dlatin1 `x` -->.yaml by modelspec. DO NOT EDIT."
        )
    assert_page_says(
        out / "model_requirements.md", "make regen", "limits/coding=latin1 `x` -->.yaml"
    )


def test_ordinary_text_is_written_as_is(tmp_path: Path, cached: None) -> None:
    """Plain values keep today's bytes: nothing is escaped that needs no escape."""
    out = regen_with(tmp_path, "modelspec regen --config pyproject.toml")
    page = (out / "model_requirements.md").read_text(encoding="utf-8")
    assert "\n# modelspec regen --config pyproject.toml\n" in page
    assert "running `modelspec regen --config pyproject.toml`." in page
    assert "Regenerate with: modelspec regen --config pyproject.toml -->" in page
    limits = (out / "model_limits.py").read_text(encoding="utf-8")
    assert "\n# Regenerate with: modelspec regen --config pyproject.toml\n" in limits
