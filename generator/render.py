"""Render every target in memory: one pure function from the catalog to ``{path: text}``.

``regen`` writes its result and ``check`` compares it; nothing renders while writing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from generator.errors import TemplateFailure
from generator.formatting import format_python
from generator.model import Catalog
from generator.resources import templates_dir

REGEN_COMMAND = "make regen"


@dataclass(frozen=True)
class Output:
    """One file a target produces: rendered from ``template``, or serialised from ``data``."""

    path: str
    template: str | None = None
    context: dict[str, Any] = field(default_factory=dict)
    data: Any = None
    serialiser: str = "json"


def header_lines(catalog: Catalog) -> tuple[str, ...]:
    """The lines every generated file opens with, in the file's own comment syntax."""
    return (
        f"Code generated from {catalog.source} by modelspec. DO NOT EDIT.",
        f"Regenerate with: {REGEN_COMMAND}",
    )


def make_environment(
    filters: dict[str, Callable[..., Any]], search: Iterable[Path] = ()
) -> jinja2.Environment:
    """A strict Jinja environment: undefined names fail, whitespace is predictable."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([*map(str, search), str(templates_dir())]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(filters)
    return env


def render_all(catalog: Catalog, template_dirs: Iterable[Path] = ()) -> dict[str, str]:
    """Every output of every target, keyed by path relative to the output folder."""
    from generator.targets import TARGETS

    filters: dict[str, Callable[..., Any]] = {}
    for target in TARGETS:
        filters.update(target.FILTERS)
    env = make_environment(filters, template_dirs)
    rendered: dict[str, str] = {}
    for target in TARGETS:
        for output in target.outputs(catalog):
            rendered[output.path] = _render_one(env, catalog, output)
    return dict(sorted(rendered.items()))


def _render_one(env: jinja2.Environment, catalog: Catalog, output: Output) -> str:
    if output.template is None:
        return _serialise(output, catalog)
    try:
        template = env.get_template(output.template)
        text = template.render(catalog=catalog, header=header_lines(catalog), **output.context)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateFailure(
            f"{exc.name or output.template}:{exc.lineno}: {exc.message}"
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateFailure(f"{output.template}:{_template_line(exc)}: {exc}") from None
    return format_python(text, output.path) if output.path.endswith(".py") else text


def _serialise(output: Output, catalog: Catalog) -> str:
    if output.serialiser == "yaml":
        return dump_yaml(output.data, catalog)
    if output.serialiser == "text":
        text = str(output.data)
        return format_python(text, output.path) if output.path.endswith(".py") else text
    return dump_json(output.data)


def _template_line(exc: BaseException) -> int:
    """The template line an error happened on, from Jinja's rewritten traceback."""
    tb = exc.__traceback__
    line = 1
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".jinja"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def dump_json(data: Any) -> str:
    """Structured outputs are data: a fixed key order, indent 2 and a final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def dump_yaml(data: Any, catalog: Catalog) -> str:
    """YAML outputs: the header as comments, then the data in its own key order."""
    import yaml

    header = "".join(f"# {line}\n" for line in header_lines(catalog))
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, indent=2)
    return header + body
