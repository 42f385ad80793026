"""A broken override template is a clean error at its name and line, and no template runs code.

Each case is one small override template in a scratch project (``templates = "tpl"``). The run
exits 2 with ``modelspec: template error: NAME:LINE: ...``, prints no traceback and leaves the
project exactly as it was: no out/, the spec unchanged.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

from modelspec.cli import main
from tests.test_regen_check import snapshot_tree

ROOT = Path(__file__).resolve().parent.parent

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
PAGE = "model_requirements.md.jinja"


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache warmed by one good run, so a failing case does not wait for the code generator."""
    root = tmp_path_factory.mktemp("warm")
    (root / "spec").mkdir()
    (root / "spec" / "models.yaml").write_text(SPEC, encoding="utf-8")
    (root / "pyproject.toml").write_text("[tool.modelspec]\n", encoding="utf-8")
    cache = root / "cache"
    before = os.environ.get("MODELSPEC_CACHE_DIR")
    os.environ["MODELSPEC_CACHE_DIR"] = str(cache)
    cwd = os.getcwd()
    try:
        os.chdir(root)
        assert main(["regen"]) == 0
    finally:
        os.chdir(cwd)
        if before is None:
            del os.environ["MODELSPEC_CACHE_DIR"]
        else:
            os.environ["MODELSPEC_CACHE_DIR"] = before
    return cache


@pytest.fixture
def host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_cache: Path) -> Path:
    """A project whose templates folder ``tpl`` is empty; the working directory is its root."""
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "models.yaml").write_text(SPEC, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.modelspec]\ntemplates = "tpl"\n', encoding="utf-8"
    )
    (tmp_path / "tpl").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("MODELSPEC_CACHE_DIR", str(shared_cache))
    return tmp_path


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail, rather than hang, when the block blocks (reading a FIFO, say) past ``seconds``."""

    def expire(signum: int, frame: FrameType | None) -> None:
        # pytest.fail, not TimeoutError: code under test may catch an OSError and go on.
        pytest.fail(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def fails_cleanly(host: Path, capsys: pytest.CaptureFixture[str], message: str) -> None:
    """regen and check exit 2 with ``message``, no traceback, and the project untouched."""
    before = snapshot_tree(host)
    for command in ("regen", "check"):
        with deadline(20):
            assert main([command]) == 2, command
        err = capsys.readouterr().err
        assert err.startswith(f"modelspec: template error: {message}"), err
        assert err.endswith("; nothing written\n")
        assert "Traceback" not in err
    assert snapshot_tree(host) == before
    assert not (host / "out").exists()


# (the override of the page template, the message's start): the failing line is always 2.
CASES = {
    "syntax error": ("{% if %}", f"{PAGE}:2: Expected an expression"),
    "undefined name": ("{{ nope }}", f"{PAGE}:2: 'nope' is undefined"),
    "division by zero": ("{{ 1/0 }}", f"{PAGE}:2: ZeroDivisionError: division by zero"),
    "type error": ("{{ catalog.source + 1 }}", f"{PAGE}:2: TypeError:"),
    "recursion": (
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        f"{PAGE}:2: RecursionError: maximum recursion depth exceeded",
    ),
    "extends itself": (
        '{% extends "model_requirements.md.jinja" %}',
        f"{PAGE}:2: RecursionError",
    ),
    "missing include": (
        '{% include "missing.jinja" %}',
        f"{PAGE}:2: 'missing.jinja' is in no template folder",
    ),
    "include above the folder": (
        '{% include "../pyproject.toml" %}',
        f"{PAGE}:2: '../pyproject.toml' leaves the template folders",
    ),
    "class escape": (
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        f"{PAGE}:2: access to attribute '__class__' of 'str' object is unsafe",
    ),
    "function globals": (
        "{{ cycler.__init__.__globals__.os.system('touch pwned') }}",
        f"{PAGE}:2: access to attribute '__init__' of 'type' object is unsafe",
    ),
    "a filter's globals": (
        "{{ model_row.__globals__ }}",
        f"{PAGE}:2: access to attribute '__globals__' of 'function' object is unsafe",
    ),
    "changing the data": (
        "{{ page.clear() }}",
        f"{PAGE}:2: access to attribute 'clear' of 'dict' object is unsafe",
    ),
    "a huge string": (
        "{{ 'a' * 10**10 }}",
        f"{PAGE}:2: '*' would repeat a sequence past 16,777,216 items",
    ),
    "a huge power": ("{{ 7 ** (10 ** 8) }}", f"{PAGE}:2: 7 ** 100000000 is too large"),
    "a huge range": ("{{ range(10**9) | list }}", f"{PAGE}:2: 1000000000 is past the limit"),
    "a huge centre": ('{{ "x"|center(1500000000) }}', f"{PAGE}:2: 1500000000 is past the limit"),
    "a huge indent": ('{{ "ab"|indent(1500000000) }}', f"{PAGE}:2: 1500000000 is past"),
    "a huge method width": ("{{ 'x'.rjust(1500000000) }}", f"{PAGE}:2: 1500000000 is past"),
    "a huge format width": (
        "{{ '{:>1500000000}'.format(1) }}",
        f"{PAGE}:2: a width in a format string is past the limit",
    ),
    "a huge printf width": (
        "{{ '%1500000000s' % 'x' }}",
        f"{PAGE}:2: a width in a format string is past the limit",
    ),
    "undefined in a list": ("{{ [nope] }}", f"{PAGE}:2: 'nope' is undefined"),
    "undefined attributes mapped": (
        '{{ catalog.models|map(attribute="modle_id")|list }}',
        f"{PAGE}:2: ",
    ),
}


@pytest.mark.parametrize(("template", "message"), CASES.values(), ids=CASES.keys())
def test_a_broken_override_fails_cleanly(
    host: Path, capsys: pytest.CaptureFixture[str], template: str, message: str
) -> None:
    (host / "tpl" / PAGE).write_text(f"first line\n{template}\n", encoding="utf-8")
    fails_cleanly(host, capsys, message)
    assert not (host / "pwned").exists()


def test_an_error_in_a_partial_names_the_partial(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "tpl" / PAGE).write_text('one\n{% include "part.jinja" %}\n', encoding="utf-8")
    (host / "tpl" / "part.jinja").write_text("a\nb\n{{ 1/0 }}\n", encoding="utf-8")
    fails_cleanly(host, capsys, "part.jinja:3: ZeroDivisionError")


def test_a_syntax_error_in_a_partial_names_the_partial(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "tpl" / PAGE).write_text('{% include "part.jinja" %}\n', encoding="utf-8")
    (host / "tpl" / "part.jinja").write_text("a\n{% for %}\n", encoding="utf-8")
    fails_cleanly(host, capsys, "part.jinja:2: Expected an expression")


def test_an_error_in_the_per_model_part_names_it(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = "model_requirements_row.md.jinja"
    (host / "tpl" / row).write_text("| {{ m.model_id }} |\n| {{ m.colour }} |\n", "utf-8")
    fails_cleanly(host, capsys, f"{row}:2: 'modelspec.spec.model.Model object' has no attribute")


def test_a_broken_python_template_fails_cleanly(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "tpl" / "model_limits.py.jinja").write_text("x = 1\n{{ 1/0 }}\n", "utf-8")
    fails_cleanly(host, capsys, "model_limits.py.jinja:2: ZeroDivisionError")


def test_a_link_out_of_the_templates_folder_is_refused(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "secret.txt").write_text("do not publish\n", encoding="utf-8")
    (host / "tpl" / "part.jinja").symlink_to(host / "secret.txt")
    (host / "tpl" / PAGE).write_text('{% include "part.jinja" %}\n', encoding="utf-8")
    fails_cleanly(host, capsys, f"{PAGE}:1: 'part.jinja' links outside the template folders")


def test_a_linked_folder_leading_out_is_refused(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "elsewhere").mkdir()
    (host / "elsewhere" / "part.jinja").write_text("outside\n", encoding="utf-8")
    (host / "tpl" / "shared").symlink_to(host / "elsewhere", target_is_directory=True)
    (host / "tpl" / PAGE).write_text('{% include "shared/part.jinja" %}\n', encoding="utf-8")
    message = f"{PAGE}:1: 'shared/part.jinja' links outside the template folders"
    fails_cleanly(host, capsys, message)


def test_an_absolute_name_stays_in_the_folders(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "tpl" / PAGE).write_text(f'{{% include "{host}/pyproject.toml" %}}\n', "utf-8")
    fails_cleanly(host, capsys, f"{PAGE}:1: '{host}/pyproject.toml' is in no template folder")


def test_an_override_that_is_a_link_out_is_refused(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "page.jinja").write_text("{{ catalog.source }}\n", encoding="utf-8")
    (host / "tpl" / PAGE).symlink_to(host / "page.jinja")
    fails_cleanly(host, capsys, f"{PAGE}:1: '{PAGE}' links outside the template folders")


def test_a_fifo_is_refused_without_waiting(host: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(host / "tpl" / "part.jinja")
    (host / "tpl" / PAGE).write_text('{% include "part.jinja" %}\n', encoding="utf-8")
    fails_cleanly(host, capsys, f"{PAGE}:1: cannot read 'part.jinja': it is a FIFO, not a file")


def test_a_template_that_is_not_utf8_is_refused(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "tpl" / PAGE).write_bytes(b"caf\xe9 {{ catalog.source }}\n")
    fails_cleanly(host, capsys, f"{PAGE}:1: '{PAGE}' is not UTF-8")


def test_a_link_inside_the_folders_and_ordinary_templating_still_work(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (host / "tpl" / "shared").mkdir()
    (host / "tpl" / "shared" / "part.jinja").write_text(
        "{{ catalog.models | length }} model(s): "
        "{% for m in catalog.models %}{{ m.model_id | md_cell }} {{ m.prompt_max * 2 }}"
        "{% endfor %}; {{ '%s!' | format(page.get('title', 'untitled')) }}\n",
        encoding="utf-8",
    )
    (host / "tpl" / "part.jinja").symlink_to(host / "tpl" / "shared" / "part.jinja")
    (host / "tpl" / PAGE).write_text('{% include "part.jinja" %}', encoding="utf-8")
    assert main(["regen"]) == 0
    page = (host / "out" / "model_requirements.md").read_text(encoding="utf-8")
    assert page == "1 model(s): flux-2 10000; untitled!\n"


def test_a_template_that_renders_for_ever_is_stopped(
    host: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("modelspec.render.render.RENDER_SECONDS", 1.0)
    loops = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    (host / "tpl" / PAGE).write_text(f"first line\n{loops}\n", encoding="utf-8")
    fails_cleanly(host, capsys, f"{PAGE}:2: RenderTimeout: rendering took more than 1 s")


def test_a_partial_in_any_subfolder_is_an_input(
    host: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Even under __pycache__: the loader reads it, so the manifest hashes it."""
    page = (ROOT / "templates" / PAGE).read_text(encoding="utf-8")
    (host / "tpl" / "__pycache__").mkdir()
    (host / "tpl" / "__pycache__" / "p.md").write_text("A\n", encoding="utf-8")
    (host / "tpl" / PAGE).write_text(page + '{% include "__pycache__/p.md" %}\n', encoding="utf-8")
    assert main(["regen"]) == 0
    (host / "tpl" / "__pycache__" / "p.md").write_text("B\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 3
    assert main(["regen"]) == 0
    assert (host / "out" / "model_requirements.md").read_text(encoding="utf-8").endswith("B\n")
