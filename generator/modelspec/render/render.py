"""The Jinja glue: the sandboxed environment and its loader, the per-model memos of the
targets, the serialisers of structured outputs, and one output rendered to text.

``modelspec.render.project`` runs every target through it.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2
import orjson
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment

from modelspec.cache.inputs import input_hashes
from modelspec.cache.memo import Memo
from modelspec.errors import TemplateFailure, UsageError
from modelspec.files import TooLarge, read_limited
from modelspec.render import yamlout
from modelspec.render.formatting import format_later
from modelspec.render.layout import Context, Output
from modelspec.resources import templates_dir
from modelspec.settings import Settings
from modelspec.spec.model import Catalog, Model


def make_environment(
    filters: dict[str, Callable[..., Any]], search: Iterable[Path] = ()
) -> jinja2.Environment:
    """A strict, sandboxed Jinja environment: undefined names fail, whitespace is predictable.

    Override templates come from the host repo, so no template may run code: the sandbox
    refuses underscored attributes (``''.__class__``), unsafe callables and changes to the
    data. The built-in templates render the same way, as fast and to the same bytes.
    """
    env = _Sandbox(
        loader=TemplateLoader([*search, templates_dir()]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        finalize=_defined,
    )
    for name in _WIDTH_FILTERS:  # Jinja's own filters that pad to a width: bounded
        env.filters[name] = _bounded(env.filters[name])
    env.filters.update(filters)
    return env


def _defined(value: Any) -> Any:
    """What a ``{{ }}`` prints, refused when it is or holds an undefined value: StrictUndefined
    fails only when used, and ``[nope]`` prints as ``[Undefined]`` without using it."""
    if isinstance(value, jinja2.Undefined):
        str(value)  # raises UndefinedError, naming what is undefined
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _defined(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            _defined(key)
            _defined(item)
    return value


_WIDTH_FILTERS = ("center", "indent", "format", "wordwrap", "truncate")
_NUMBERS = re.compile(r"\d+")


def _bounded(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, refusing a width or a count past the sandbox's limit."""

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        _check_sizes((*args, *kwargs.values()))
        if function.__name__ == "do_format" and args and isinstance(args[0], str):
            _check_widths(args[0])
        return function(*args, **kwargs)

    return bounded


def _check_sizes(values: Iterable[Any]) -> None:
    """Refuse any number past the sandbox's limit among ``values`` (the arguments of a call)."""
    for value in values:
        if isinstance(value, int) and abs(value) > _Sandbox.LIMIT:
            raise SecurityError(f"{value} is past the limit of {_Sandbox.LIMIT:,}")


def _check_widths(template: str) -> None:
    """Refuse a width or precision past the sandbox's limit in a format string."""
    if any(len(n) > 8 or int(n) > _Sandbox.LIMIT for n in _NUMBERS.findall(template)):
        raise SecurityError("a width in a format string is past the limit")


class _Sandbox(ImmutableSandboxedEnvironment):
    """The sandbox, with ``*`` and ``**`` bounded: ``{{ 'a' * 10**10 }}`` is refused, not run
    until the machine runs out of memory."""

    intercepted_binops = frozenset({"*", "**", "%"})
    LIMIT = 1 << 24  # items of a repeated string or list; bits of a power

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """The sandbox's verdict, kept per type and attribute name: it depends on nothing
        else, and asking again for each of 10,000 models doubled the render time."""
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe

    def call(
        __self,  # Jinja's own signature: a callee may take a keyword named self
        __context: jinja2.runtime.Context,
        __obj: Any,
        *args: Any,
        **kwargs: Any,
    ) -> Any:
        """Calls from a template: no count or width past the limit (``'x'.center(10**9)``,
        ``'{:>999999999}'.format(1)``)."""
        _check_sizes((*args, *kwargs.values()))
        return super().call(__context, __obj, *args, **kwargs)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map`` from a template: no width past the limit."""
        wrapped = super().wrap_str_format(value)
        if wrapped is not None:
            _check_widths(value.__self__)
        return wrapped

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if operator == "%" and isinstance(left, str):
            _check_widths(left)
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and max(abs(left), 2).bit_length() * right > self.LIMIT:
                raise SecurityError(f"{left} ** {right} is too large")
        elif operator == "*" and _repeats(left, right) > self.LIMIT:
            raise SecurityError(f"'*' would repeat a sequence past {self.LIMIT:,} items")
        return super().call_binop(context, operator, left, right)


def _repeats(left: Any, right: Any) -> int:
    """How many items ``left * right`` makes when it repeats a sequence, else 0."""
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(count, int):
            return len(sequence) * count
    return 0


class TemplateLoader(jinja2.BaseLoader):
    """Templates by name from the override folder, then the built-in one.

    Every file a template pulls in decides the outputs, and the manifest and the caches hash
    the template folders, so a template must be a regular file inside one of them once links
    are followed: ``..`` in a name, and a link leading elsewhere, are refused.
    """

    MAX_BYTES = 16 * 1024 * 1024

    def __init__(self, folders: Iterable[Path]) -> None:
        self.folders = [str(folder) for folder in folders]
        self.real = [os.path.realpath(folder) for folder in self.folders]
        self.names: dict[str, str] = {}  # file name -> template name, for error messages

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            pieces = split_template_path(template)  # refuses ".." in a name
        except TemplateNotFound:
            raise TemplateNotFound(template, f"{template!r} leaves the template folders") from None
        for folder in self.folders:
            path = os.path.join(folder, *pieces)
            if os.path.lexists(path):
                source = self._read(template, path)
                self.names[path] = template
                # One environment renders one run: a template never changes under it.
                return source, path, lambda: True
        raise TemplateNotFound(template, f"{template!r} is in no template folder")

    def _read(self, template: str, path: str) -> str:
        real = os.path.realpath(path)
        if not any(_inside(real, folder) for folder in self.real):
            raise TemplateNotFound(template, f"{template!r} links outside the template folders")
        try:  # a FIFO is refused, not waited on; a huge file is refused unread
            data = read_limited(real, self.MAX_BYTES, "template")
        except (OSError, UsageError) as exc:
            raise TemplateNotFound(template, f"cannot read {template!r}: {_why(exc)}") from None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise TemplateNotFound(template, f"{template!r} is not UTF-8: {exc.reason}") from None


def _why(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    if isinstance(exc, TooLarge):
        return f"it is larger than {TemplateLoader.MAX_BYTES // (1024 * 1024)} MiB"
    return str(exc).rpartition(": ")[2]  # read_limited's reason, without the path again


def _inside(path: str, folder: str) -> bool:
    return path.startswith(folder.rstrip(os.sep) + os.sep)


def target_memo(context: Context, name: str) -> Memo:
    """The memo of the target ``name`` for this run (none without a cache or a salt)."""
    return Memo(context.cache if context.salt else None, name, context.salt)


def per_model(
    catalog: Catalog, context: Context, memo_name: str, template: str, variable: str
) -> tuple[Callable[..., str], Memo]:
    """A function for a template: ``f(model)`` renders ``template`` with the model as
    ``variable``, or gives back the text an unchanged model had on the last run. Save the
    memo once the output is rendered."""
    memo = target_memo(context, memo_name)

    @jinja2.pass_environment
    def render_model(env: jinja2.Environment, model: Model) -> str:
        fingerprint = catalog.fingerprint(model)
        text = memo.get(fingerprint, str)
        if text is None:
            text = env.get_template(template).render({variable: model}).rstrip("\n")
            memo.put(fingerprint, text)
        return str(text)

    return render_model, memo


# The libraries whose versions shape generated bytes beyond the generator's own code.
WRITERS = ("ruff", "datamodel-code-generator", "orjson", "jinja2")


def memo_salt(settings: Settings) -> str:
    """Everything but the spec that decides the outputs: inputs, settings, library versions."""
    from importlib.metadata import version  # the stdlib's; slow, and only with a cache

    inputs = {k: v for k, v in input_hashes(settings).items() if k != "spec"}
    versions = {name: version(name) for name in WRITERS}
    return json.dumps({"inputs": inputs, "versions": versions}, sort_keys=True)


def render_one(
    env: jinja2.Environment, catalog: Catalog, context: Context, output: Output
) -> str | Callable[[], str]:
    """The output's text, or for Python to be formatted, a call that returns it."""
    if output.template is None:
        return _serialise(output, context)
    try:
        template = env.get_template(output.template)
        with time_limit(RENDER_SECONDS):
            text = template.render(
                catalog=catalog,
                header=context.header,
                page=context.page,
                regen_command=context.regen_command,
                **output.context,
            )
    except TemplateFailure:
        raise
    except Exception as exc:  # any fault of a template: a message with its place, never a trace
        raise template_failure(exc, env, output.template) from None
    return format_later(text, output.path) if output.path.endswith(".py") else text


# How long one output's template may render. The built-in ones take about a second at 10,000
# models; an override that loops for ever is stopped here (MODELSPEC_RENDER_SECONDS moves it).
RENDER_SECONDS = float(os.environ.get("MODELSPEC_RENDER_SECONDS") or 60)


class RenderTimeout(Exception):
    """A template rendered for longer than RENDER_SECONDS."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise RenderTimeout inside the block once ``seconds`` have passed (main thread only:
    elsewhere no timer can interrupt, and the block runs unbounded)."""
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise RenderTimeout(f"rendering took more than {seconds:g} s; stopped")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def template_failure(exc: Exception, env: jinja2.Environment, name: str) -> TemplateFailure:
    """``exc``, raised while rendering the template ``name``, as ``TEMPLATE:LINE: message``:
    placed in the innermost template it happened in, which may be one ``name`` includes."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateFailure(f"{exc.name or name}:{exc.lineno}: {exc.message}")
    names = env.loader.names if isinstance(env.loader, TemplateLoader) else {}
    line = 1
    tb = exc.__traceback__
    while tb is not None:
        # Jinja rewrites each template frame to run at the template's file and line.
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            filename = tb.tb_frame.f_code.co_filename
            name, line = names.get(filename, os.path.basename(filename)), tb.tb_lineno
        tb = tb.tb_next
    # A Python error is named: "division by zero" alone hides what failed.
    python = not isinstance(exc, jinja2.TemplateError)
    message = f"{type(exc).__name__}: {exc}" if python else str(exc).rstrip(".")
    return TemplateFailure(f"{name}:{line}: {message}")


def _serialise(output: Output, context: Context) -> str | Callable[[], str]:
    if output.serialiser == "yaml":
        return dump_yaml(output.data, context.header)
    if output.serialiser == "text":
        text = str(output.data)
        if output.path.endswith(".py") and not output.formatted:
            return format_later(text, output.path)
        return text
    return dump_json(output.data)


def dump_json(data: Any) -> str:
    """Structured outputs are data: a fixed key order, indent 2 and a final newline.

    The bytes are ``json.dumps(data, indent=2, ensure_ascii=False)``'s, written by orjson, 40
    times faster (the tests hold the two equal); integers past 64 bits go the stdlib's way.
    """
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    except TypeError:  # orjson.JSONEncodeError: an integer orjson cannot write
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def dump_yaml(data: Any, header_lines: tuple[str, ...]) -> str:
    """YAML outputs: the header as comments, then the data in its own key order."""
    header = "".join(f"{yamlout.comment(line)}\n" for line in header_lines)
    return header + yamlout.dump(data)
