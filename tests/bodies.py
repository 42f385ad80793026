"""Request bodies built from a model's generated limits: valid ones, and each with one rule broken.

They need nothing but a ``ModelLimits`` of a generated model_limits module, so the same bodies
judge the seed fixture's outputs in the tests and the live outputs in tests/live/.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.validators import Validators

URL = "https://cdn.example.com/in.png"
Body = dict[str, Any]
Mutation = Callable[[Body, Any], Body | None]


def valid_bodies(limits: Any) -> list[Body]:
    """One body per generation type, at every limit: the longest prompt, the most URLs, and
    every optional field and parameter the model offers. A variant's bodies send the values
    its id fixes, and once more leave them out."""
    values = {
        "boolean": lambda p: True,
        "ratio": lambda p: "16:9",
        "values": lambda p: p.values[-1],
    }
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
        body |= {p.name: values[p.kind](p) for p in limits.parameters}
        fixed = dict(getattr(limits, "fixed", ()))
        bodies.append(body | fixed)
        if fixed:
            bodies.append({k: v for k, v in body.items() if k not in fixed})
    return bodies


def _mode(body: Body, limits: Any) -> Any:
    kind = body.get("generation_type", limits.generation_types[0])
    return next(r for r in limits.inputs if r.generation_type == kind)


def _with(body: Body, **changes: Any) -> Body:
    return {**body, **changes}


def _without(body: Body, key: str) -> Body:
    return {k: v for k, v in body.items() if k != key}


def _too_many_urls(body: Body, limits: Any) -> Body:
    rule = _mode(body, limits)
    return _with(body, source_media_urls=[URL] * (rule.max_images + rule.max_videos + 1))


def _too_few_urls(body: Body, limits: Any) -> Body | None:
    rule = _mode(body, limits)
    least = rule.min_images + rule.min_videos
    return _with(body, source_media_urls=[URL] * (least - 1)) if least else None


def _bad_url(body: Body, limits: Any) -> Body | None:
    urls = body.get("source_media_urls") or []
    return _with(body, source_media_urls=["http://a.test/x", *urls[1:]]) if urls else None


def _unsupported_optional(body: Body, limits: Any) -> Body | None:
    if not limits.sound:
        return _with(body, sound=True)
    if not limits.negative_prompt:
        return _with(body, negative_prompt="x")
    if not limits.duration_options:
        return _with(body, duration="5s")
    return None


def other_accepted(limits: Any, name: str, value: object) -> object:
    """A value the family accepts for ``name`` other than ``value``, or None if it has none."""
    if name == "sound" or isinstance(value, bool):
        return not value
    parameter = next((p for p in limits.parameters if p.name == name), None)
    if parameter is not None and parameter.kind == "ratio":
        return "1:1" if value != "1:1" else "16:9"
    choices = limits.duration_options if name == "duration" else parameter.values
    return next((choice for choice in choices if choice != value), None)


def _contradict_fixed(body: Body, limits: Any) -> Body | None:
    for name, value in getattr(limits, "fixed", ()):
        other = other_accepted(limits, name, value)
        if other is not None:
            return _with(body, **{name: other})
    return None


def _fixed_as_number(body: Body, limits: Any) -> Body | None:
    fixed = getattr(limits, "fixed", ())
    return _with(body, **{fixed[-1][0]: 1}) if fixed else None


def _bad_parameter(body: Body, limits: Any) -> Body | None:
    for parameter in limits.parameters:
        wrong = {"values": "not-a-value", "boolean": "true", "ratio": "16x9"}[parameter.kind]
        return _with(body, **{parameter.name: wrong})
    return None


# Each breaks one rule of a valid body, or gives None where the rule does not apply to the model.
MUTATIONS: dict[str, Mutation] = {
    "empty prompt": lambda b, m: _with(b, prompt=""),
    "prompt too long": lambda b, m: _with(b, prompt="p" * (m.prompt_max + 1)),
    "prompt not a string": lambda b, m: _with(b, prompt=7),
    "no prompt": lambda b, m: _without(b, "prompt"),
    "no model": lambda b, m: _without(b, "model"),
    "unknown model": lambda b, m: _with(b, model=m.model_id + " x"),  # ids have no spaces
    "unknown field": lambda b, m: _with(b, seed=1),
    "null prompt": lambda b, m: _with(b, prompt=None),
    "unsupported generation type": lambda b, m: _with(b, generation_type="video-to-video"),
    "null generation type": lambda b, m: _with(b, generation_type=None),
    "too many URLs": _too_many_urls,
    "too few URLs": _too_few_urls,
    "http URL": _bad_url,
    "URLs not a list": lambda b, m: _with(b, source_media_urls="https://a.test/x"),
    "unsupported optional field": _unsupported_optional,
    "bad duration": lambda b, m: _with(b, duration="999s") if m.duration_options else None,
    "null duration": lambda b, m: _with(b, duration=None) if m.duration_options else None,
    "sound as 1": lambda b, m: _with(b, sound=1) if m.sound else None,
    "negative too long": lambda b, m: (
        _with(b, negative_prompt="n" * (m.prompt_max + 1)) if m.negative_prompt else None
    ),
    "bad parameter": _bad_parameter,
    "contradict fixed": _contradict_fixed,
    "fixed as a number": _fixed_as_number,
}


def broken_bodies(limits: Any) -> list[tuple[str, Body]]:
    """Every valid body of the model with each applicable rule broken, named by the mutation."""
    return [
        (name, broken)
        for body in valid_bodies(limits)
        for name, mutation in MUTATIONS.items()
        if (broken := mutation(body, limits)) is not None
    ]


def disagreements(validators: Validators, model_id: str) -> list[str]:
    """Each body built for ``model_id`` that some validator judges wrongly; [] when all agree.

    A valid body must pass all three validators, a broken one must fail all three.
    """
    limits = validators.limits.MODEL_LIMITS[model_id]
    cases = [("valid", body, True) for body in valid_bodies(limits)]
    cases += [(name, body, False) for name, body in broken_bodies(limits)]
    return [
        f"{name} ({body.get('generation_type')}): schema, pydantic, function = {verdicts}"
        for name, body, expected in cases
        if (verdicts := validators.verdicts(body)) != (expected, expected, expected)
    ]
