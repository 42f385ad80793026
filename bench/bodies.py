"""Request bodies for the validator benchmark, built from a generated ``model_limits`` module.

Two shapes of valid body, one per model and generation type each:

- ``typical``: what each JSON Schema shows as its example: model, prompt, the generation type
  when it is not the default, the URLs the mode needs, and a duration where the model has one;
- ``full``: every optional field the model offers is set, with two URLs where the mode allows.

Each valid body has an invalid twin with one rule broken, cycling through the mistakes
clients make. Every validator judges the same bodies.
"""

from __future__ import annotations

import copy
import itertools
import random
from collections.abc import Callable
from types import ModuleType
from typing import Any

Body = dict[str, Any]
PROMPT = "A red fox in fresh snow at dawn, cinematic light, shallow depth of field"


def url(index: int) -> str:
    """An upload URL as POST /v1/upload/media returns them."""
    return f"https://cdn.example.com/uploads/input-{index}.png"


SHAPES = ("typical", "full")


def valid_bodies(limits: ModuleType, shape: str) -> list[Body]:
    """One valid body of ``shape`` per model and generation type."""
    build = _typical if shape == "typical" else _full
    return [
        _fixed(build(model, rule), model)
        for model in limits.MODEL_LIMITS.values()
        for rule in model.inputs
    ]


def _fixed(body: Body, model: Any) -> Body:
    """The body with each value a variant's id fixes, where the body sends that field."""
    for name, value in getattr(model, "fixed", ()):
        if name in body:
            body[name] = value
    return body


def _typical(model: Any, rule: Any) -> Body:
    body: Body = {"model": model.model_id, "prompt": PROMPT}
    if rule.generation_type != model.generation_types[0]:
        body["generation_type"] = rule.generation_type
    least = rule.min_images + rule.min_videos
    if least:
        body["source_media_urls"] = [url(i) for i in range(least)]
    if model.duration_options:
        body["duration"] = model.duration_options[0]
    return body


def _full(model: Any, rule: Any) -> Body:
    body: Body = {"model": model.model_id, "prompt": PROMPT}
    body["generation_type"] = rule.generation_type
    least, most = rule.min_images + rule.min_videos, rule.max_images + rule.max_videos
    body["source_media_urls"] = [url(i) for i in range(min(most, max(least, 2)))]
    if model.duration_options:
        body["duration"] = model.duration_options[-1]
    if model.negative_prompt:
        body["negative_prompt"] = "blurry, low resolution, watermark"
    if model.sound:
        body["sound"] = True
    for parameter in model.parameters:
        body[parameter.name] = _value(parameter)
    return body


def _value(parameter: Any) -> Any:
    """A value the parameter accepts."""
    kind = parameter.kind
    if kind == "values":
        return parameter.values[-1]
    if kind == "boolean":
        return False
    if kind == "ratio":
        return "16:9"
    if kind == "string":
        return "x" * min(parameter.max_length or 1, 8)
    bounds = [b for b in (parameter.minimum, parameter.maximum) if b is not None]
    return bounds[0] if bounds else 1


def _prompt_too_long(body: Body, model: Any) -> bool:
    body["prompt"] = "x" * (model.prompt_max + 1)
    return True


def _prompt_empty(body: Body, model: Any) -> bool:
    body["prompt"] = ""
    return True


def _prompt_missing(body: Body, model: Any) -> bool:
    del body["prompt"]
    return True


def _unknown_field(body: Body, model: Any) -> bool:
    body["seed"] = 42
    return True


def _unknown_model(body: Body, model: Any) -> bool:
    body["model"] = model.model_id + "-xl"
    return True


def _unsupported_type(body: Body, model: Any) -> bool:
    body["generation_type"] = "video-to-video"
    return True


def _not_https(body: Body, model: Any) -> bool:
    if not body.get("source_media_urls"):
        return False
    body["source_media_urls"][0] = "http://cdn.example.com/uploads/input-0.png"
    return True


def _too_many_urls(body: Body, model: Any) -> bool:
    rule = next(r for r in model.inputs if r.generation_type == _mode(body, model))
    body["source_media_urls"] = [url(i) for i in range(rule.max_images + rule.max_videos + 1)]
    return True


def _bad_duration(body: Body, model: Any) -> bool:
    if not model.duration_options:
        return False
    body["duration"] = "7s"
    return True


def _sound_as_text(body: Body, model: Any) -> bool:
    if not model.sound:
        return False
    body["sound"] = "true"
    return True


def _null_field(body: Body, model: Any) -> bool:
    body["generation_type"] = None
    return True


def _mode(body: Body, model: Any) -> str:
    return str(body.get("generation_type", model.generation_types[0]))


BREAKERS: tuple[Callable[[Body, Any], bool], ...] = (
    _prompt_too_long,
    _unknown_field,
    _too_many_urls,
    _bad_duration,
    _prompt_empty,
    _unsupported_type,
    _not_https,
    _unknown_model,
    _sound_as_text,
    _prompt_missing,
    _null_field,
)


def invalid_bodies(limits: ModuleType, valid: list[Body]) -> list[Body]:
    """Each valid body with one rule broken; the breakers take turns, skipping any that do not apply."""
    bodies = []
    turns = itertools.cycle(BREAKERS)
    for body in valid:
        model = limits.MODEL_LIMITS[body["model"]]
        while True:
            broken = copy.deepcopy(body)
            if next(turns)(broken, model):
                bodies.append(broken)
                break
    return bodies


def mixed_bodies(valid: list[Body], invalid: list[Body], seed: int = 6) -> list[Body]:
    """Valid and invalid bodies half and half, shuffled with a fixed seed."""
    bodies = valid + invalid
    random.Random(seed).shuffle(bodies)
    return bodies
