"""Request bodies built from a model's generated limits: valid ones at every edge of the contract,
and each with one rule broken.

They need nothing but a ``ModelLimits`` of a generated model_limits module, so the same bodies
judge the seed fixture's outputs in the tests and the live outputs in tests/live/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from tests.validators import JUDGES, Validators, unanimous

URL = "https://cdn.example.com/in.png"
Body = dict[str, Any]
# A change to a valid body: the bodies it gives, [] where the model has nothing to change.
Mutation = Callable[[Body, Any], list[Body]]

# URLs of every form RFC 3986 gives an https:// URL with a host.
URL_FORMS = [
    "https://cdn.example.com",
    "https://[::1]:8443/in.png",
    "https://user:pw@192.0.2.7/in.png?size=2#top",
    "https://cdn.example.com/%E2%9C%93/caf\u00e9/\U0001f98a.png",
    "https://a/",
    "https://x.test:/?",
]


def valid_value(parameter: Any) -> Any:
    """A value ``parameter`` accepts, at one of its limits where it has any."""
    return valid_values(parameter)[0]


def valid_values(parameter: Any) -> list[Any]:
    """Values ``parameter`` accepts: at each of its limits, its default, and each JSON form
    a number may take (an integer written 2.0, a number written as an integer)."""
    kind = parameter.kind
    values: list[Any]
    if kind == "values":
        values = [parameter.values[-1], parameter.values[0]]
    elif kind == "boolean":
        values = [True, False]
    elif kind == "ratio":
        values = ["16:9", "1:1", "21:9", "1000:1"]
    elif kind == "string":
        most = parameter.max_length
        values = ["s" * most, "\U0001f98a" * most, "", " ", '"\\'[:most]]
    else:
        low, high = parameter.minimum, parameter.maximum
        ends = [x for x in (high, low) if x is not None] or [0, -(2**53), 10**30]
        values = [*ends, *(float(x) for x in ends if float(x) == x)]
        if kind == "number":
            values += [x for x in (0.5, -0.5, 3) if _within(x, low, high)]
        values += [x for x in (-0.0, 1) if _within(x, low, high)]
    if parameter.default is not None:
        values.append(parameter.default)
    return values


def wrong_values(parameter: Any) -> list[Any]:
    """Values of the right JSON type that ``parameter`` refuses."""
    kind = parameter.kind
    if kind == "values":
        return ["not-a-value", parameter.values[0] + "\n", parameter.values[0].upper() + "\u0130"]
    if kind == "ratio":
        return ["16x9", "16:9\n", "0:1", "16:9 ", "\uff11:2"]
    if kind == "string":
        return ["s" * (parameter.max_length + 1), "\ud800", "s\udfff"]
    if kind in ("integer", "number"):
        low, high = parameter.minimum, parameter.maximum
        wrong = [] if low is None else [low - 1, low - 0.5, float(low) - 1]
        wrong += [] if high is None else [high + 1, high + 0.5, float(high) + 1]
        if kind == "integer":
            middle = 0 if _within(0, low, high) else (low if low is not None else high)
            wrong += [middle + 0.5, middle - 0.25]
        return wrong
    return []


def wrong_types(parameter: Any) -> list[Any]:
    """Values of a JSON type ``parameter`` refuses."""
    if parameter.kind == "boolean":
        return ["true", 1, 0.0, None, {}]
    if parameter.kind in ("integer", "number"):
        return ["1", True, False, None, {}, [1]]
    return [1.5, 1, {"value": "x"}, ["x"], None, True]


def _within(value: float, low: float | None, high: float | None) -> bool:
    return (low is None or low <= value) and (high is None or value <= high)


def valid_bodies(limits: Any) -> list[Body]:
    """One body per generation type, at every limit: the longest prompt, the most URLs, and
    every optional field and parameter the model offers. A variant's bodies send the values
    its id fixes, and once more leave them out."""
    bodies = []
    for rule in limits.inputs:
        body: Body = {
            "model": limits.model_id,
            "prompt": "p" * limits.prompt_max,
            "generation_type": rule.generation_type,
            "source_media_urls": [URL] * (rule.max_images + rule.max_videos),
        }
        if limits.duration_options:
            body["duration"] = limits.duration_options[-1]
        if limits.negative_prompt:
            body["negative_prompt"] = "n" * limits.prompt_max
        if limits.sound:
            body["sound"] = True
        body |= {p.name: valid_value(p) for p in limits.parameters}
        fixed = dict(getattr(limits, "fixed", ()))
        bodies.append(body | fixed)
        if fixed:
            bodies.append({k: v for k, v in body.items() if k not in fixed})
    return bodies


def _mode(body: Body, limits: Any) -> Any:
    kind = body.get("generation_type", limits.generation_types[0])
    return next(r for r in limits.inputs if r.generation_type == kind)


def _with(body: Body, **changes: Any) -> list[Body]:
    return [{**body, **changes}]


def _without(body: Body, key: str) -> list[Body]:
    return [{k: v for k, v in body.items() if k != key}]


def _each_url(body: Body, values: list[Any]) -> list[Body]:
    """The body with its first URL replaced by each of ``values``; [] when it has none."""
    urls = body.get("source_media_urls") or []
    return [{**body, "source_media_urls": [value, *urls[1:]]} for value in values] if urls else []


def _url_forms(body: Body, limits: Any) -> list[Body]:
    urls = body.get("source_media_urls") or []
    forms = [URL_FORMS[i % len(URL_FORMS)] for i in range(len(urls))]
    return [{**body, "source_media_urls": forms}] if urls else []


def _too_many_urls(body: Body, limits: Any) -> list[Body]:
    rule = _mode(body, limits)
    return _with(body, source_media_urls=[URL] * (rule.max_images + rule.max_videos + 1))


def _too_few_urls(body: Body, limits: Any) -> list[Body]:
    rule = _mode(body, limits)
    least = rule.min_images + rule.min_videos
    return _with(body, source_media_urls=[URL] * (least - 1)) if least else []


def _unsupported_optional(body: Body, limits: Any) -> list[Body]:
    ignored = _ignored(limits)
    if not limits.sound and "sound" not in ignored:
        return _with(body, sound=True)
    if not limits.negative_prompt and "negative_prompt" not in ignored:
        return _with(body, negative_prompt="x")
    if not limits.duration_options and "duration" not in ignored:
        return _with(body, duration="5s")
    return []


def other_accepted(limits: Any, name: str, value: object) -> object:
    """A value the family accepts for ``name`` other than ``value``, or None if it has none."""
    if name == "sound" or isinstance(value, bool):
        return not value
    parameter = next((p for p in limits.parameters if p.name == name), None)
    if parameter is not None and parameter.kind == "ratio":
        return "1:1" if value != "1:1" else "16:9"
    choices = limits.duration_options if name == "duration" else parameter.values
    return next((choice for choice in choices if choice != value), None)


def _contradict_fixed(body: Body, limits: Any) -> list[Body]:
    for name, value in getattr(limits, "fixed", ()):
        other = other_accepted(limits, name, value)
        if other is not None:
            return _with(body, **{name: other})
    return []


def _fixed_as_number(body: Body, limits: Any) -> list[Body]:
    fixed = getattr(limits, "fixed", ())
    return _with(body, **{fixed[-1][0]: 1}) if fixed else []


def _ignored(limits: Any) -> tuple[str, ...]:
    """The fields the model accepts and ignores (none in outputs older than the rule)."""
    return tuple(getattr(limits, "ignored", ()))


IGNORED_VALUES = {
    "sound": [True, False],
    "duration": ["6s", "5s", "", " ", "anything at all\n", "\U0001f98a" * 3],
    "negative_prompt": ["", "n" * 20_000, " \t"],
}
IGNORED_WRONG = {
    "sound": ["true", 1, None, 1.0],
    "duration": [6, 6.0, None, ["6s"], "6s\ud800"],
    "negative_prompt": [None, 1, {}, "\udc00"],
}


def _each_ignored(values: dict[str, list[Any]]) -> Mutation:
    """Every field the model ignores in turn, set to each of its ``values``."""

    def mutation(body: Body, limits: Any) -> list[Body]:
        return [{**body, name: value} for name in _ignored(limits) for value in values[name]]

    return mutation


def _each_parameter(
    wrong: Callable[[Any], list[Any]],
) -> Mutation:
    """Every parameter of the model in turn, set to each value ``wrong`` gives for it."""

    def mutation(body: Body, limits: Any) -> list[Body]:
        return [
            {**body, parameter.name: value}
            for parameter in limits.parameters
            for value in wrong(parameter)
        ]

    return mutation


def _fields(limits: Any) -> set[str]:
    """The model's own fields beyond the common four."""
    return {p.name for p in limits.parameters} | {"duration", "negative_prompt", "sound"}


def _fit(body: Body, limits: Any, text: str) -> list[Body]:
    """The body with ``text`` as its prompt, cut to the model's prompt max."""
    return _with(body, prompt=text[: limits.prompt_max])


# Each breaks one rule of a valid body, or gives [] where the rule does not apply to the model.
MUTATIONS: dict[str, Mutation] = {
    "empty prompt": lambda b, m: _with(b, prompt=""),
    "prompt too long": lambda b, m: _with(b, prompt="p" * (m.prompt_max + 1)),
    "prompt too long in astral characters": lambda b, m: _with(
        b, prompt="\U0001f98a" * (m.prompt_max + 1)
    ),
    "prompt not a string": lambda b, m: _with(b, prompt=7) + _with(b, prompt=1.5),
    "prompt an object": lambda b, m: _with(b, prompt={"text": "p"}),
    "prompt of whitespace": lambda b, m: _with(b, prompt=" \t\n\u3000\xa0\u2028"),
    "prompt with a lone surrogate": lambda b, m: (
        _with(b, prompt="p\ud800") + _with(b, prompt="\udc00")
    ),
    "no prompt": lambda b, m: _without(b, "prompt"),
    "no model": lambda b, m: _without(b, "model"),
    "unknown model": lambda b, m: _with(b, model=m.model_id + " x"),  # ids have no spaces
    "model almost right": lambda b, m: [
        {**b, "model": model}
        for model in (m.model_id + "\n", m.model_id + " ", m.model_id.swapcase())
        if model != m.model_id
    ],
    "model not a string": lambda b, m: _with(b, model=1.0) + _with(b, model={"id": m.model_id}),
    "unknown field": lambda b, m: [
        {**b, name: 1} for name in ("seed", "x-seed") if name not in _fields(m)
    ][:1],
    "null prompt": lambda b, m: _with(b, prompt=None),
    "unsupported generation type": lambda b, m: _with(b, generation_type="video-to-video"),
    "generation type ending in a newline": lambda b, m: _with(
        b, generation_type=b.get("generation_type", m.generation_types[0]) + "\n"
    ),
    "null generation type": lambda b, m: _with(b, generation_type=None),
    "too many URLs": _too_many_urls,
    "too few URLs": _too_few_urls,
    "http URL": lambda b, m: _each_url(b, ["http://a.test/x", "HTTPS://a.test/x", "a.test/x"]),
    "URL without a host": lambda b, m: _each_url(
        b, ["https://", "https:///in.png", "https://:443/in.png", "https://user@", "https://[]"]
    ),
    "URL with whitespace": lambda b, m: _each_url(
        b, ["https://x y", "https://cdn example.com/a.png", URL + " ", "https://a/\u3000"]
    ),
    "URL ending in a newline": lambda b, m: _each_url(b, [URL + "\n", URL + "\r\n"]),
    "URL with a control character": lambda b, m: _each_url(b, [URL + "\x7f", URL + "\x85"]),
    "URL with a lone surrogate": lambda b, m: _each_url(b, [URL + "\ud800"]),
    "URL with a bad host": lambda b, m: _each_url(
        b, ["https://caf\u00e9.example/a", "https://a%zz/", "https://a\\b", "https://a:8x/"]
    ),
    "URL not a string": lambda b, m: _each_url(b, [1.5, {"url": URL}, None]),
    "URLs not a list": lambda b, m: _with(b, source_media_urls="https://a.test/x"),
    "unsupported optional field": _unsupported_optional,
    "bad duration": lambda b, m: _with(b, duration="999s") if m.duration_options else [],
    "duration almost right": lambda b, m: (
        _with(b, duration=m.duration_options[0] + "\n")
        + _with(b, duration=" " + m.duration_options[-1])
        if m.duration_options
        else []
    ),
    "duration not a string": lambda b, m: _with(b, duration=5.0) if m.duration_options else [],
    "null duration": lambda b, m: _with(b, duration=None) if m.duration_options else [],
    "sound as 1": lambda b, m: _with(b, sound=1) + _with(b, sound=1.0) if m.sound else [],
    "negative too long": lambda b, m: (
        _with(b, negative_prompt="n" * (m.prompt_max + 1)) if m.negative_prompt else []
    ),
    "negative with a lone surrogate": lambda b, m: (
        _with(b, negative_prompt="n\udfff") if m.negative_prompt else []
    ),
    "negative not a string": lambda b, m: (
        _with(b, negative_prompt=1.5) + _with(b, negative_prompt={}) if m.negative_prompt else []
    ),
    "ignored field of the wrong type": _each_ignored(IGNORED_WRONG),
    "bad parameter": _each_parameter(wrong_values),
    "parameter of the wrong type": _each_parameter(wrong_types),
    "contradict fixed": _contradict_fixed,
    "fixed as a number": _fixed_as_number,
}

# Valid bodies at the edges of the contract: each must pass everywhere.
EDGES: dict[str, Mutation] = {
    "prompt of one character": lambda b, m: _with(b, prompt="p"),
    "prompt of astral characters": lambda b, m: _with(b, prompt="\U0001f98a" * m.prompt_max),
    "prompt with whitespace around it": lambda b, m: (
        _with(b, prompt=" \u3000" + "p" * (m.prompt_max - 3) + "\n") if m.prompt_max > 3 else []
    ),
    "prompt of quotes, backslashes and NUL": lambda b, m: _fit(b, m, "\"\\'\x00"),
    "prompt of characters that are not whitespace": lambda b, m: _fit(b, m, "\ufeff\u200b\x1c"),
    "URLs of every form": _url_forms,
    "parameters at every limit and default": lambda b, m: [
        body
        for body in _each_parameter(valid_values)(b, m)
        if all(body.get(name, value) == value for name, value in getattr(m, "fixed", ()))
    ],
    "ignored fields with any value of their type": _each_ignored(IGNORED_VALUES),
    "default generation type omitted": lambda b, m: (
        _without(b, "generation_type") if b.get("generation_type") == m.generation_types[0] else []
    ),
    "empty negative prompt": lambda b, m: _with(b, negative_prompt="") if m.negative_prompt else [],
    "negative prompt of whitespace": lambda b, m: (
        _with(b, negative_prompt=" \n") if m.negative_prompt else []
    ),
}


def broken_bodies(limits: Any) -> list[tuple[str, Body]]:
    """Every valid body of the model with each applicable rule broken, named by the mutation."""
    return [
        (name, broken)
        for body in valid_bodies(limits)
        for name, mutation in MUTATIONS.items()
        for broken in mutation(body, limits)
    ]


def edge_bodies(limits: Any) -> list[tuple[str, Body]]:
    """Every valid body of the model moved to each edge of the contract, named by the edge."""
    return [
        (name, edge)
        for body in valid_bodies(limits)
        for name, change in EDGES.items()
        for edge in change(body, limits)
    ]


def disagreements(validators: Validators, model_id: str) -> list[str]:
    """Each body built for ``model_id`` that some validator judges wrongly; [] when all agree.

    A valid body must pass every validator, a broken one must fail every one.
    """
    return list(_disagreements(validators, model_id))


def any_disagreement(validators: Validators, model_id: str) -> bool:
    """Whether some body built for ``model_id`` is judged wrongly (stops at the first)."""
    return next(_disagreements(validators, model_id), None) is not None


def _disagreements(validators: Validators, model_id: str) -> Iterator[str]:
    limits = validators.limits.MODEL_LIMITS[model_id]
    cases = [("valid", body, True) for body in valid_bodies(limits)]
    cases += [(name, body, True) for name, body in edge_bodies(limits)]
    cases += [(name, body, False) for name, body in broken_bodies(limits)]
    for name, body, expected in cases:
        verdicts = validators.verdicts(body)
        if verdicts != unanimous(expected):
            judged = ", ".join(f"{j} {v}" for j, v in zip(JUDGES, verdicts, strict=True))
            yield f"{name} ({body.get('generation_type')}): {judged}; {_shown(body)}"


def _shown(body: Body) -> str:
    """The body for a failure message: long strings cut short, everything else in ASCII."""
    short = {
        key: f"{value[:12]}...({len(value)} characters)"
        if isinstance(value, str) and len(value) > 40
        else value
        for key, value in body.items()
    }
    return ascii(short)
