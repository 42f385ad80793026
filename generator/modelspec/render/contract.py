"""The request contract of POST /v1/generate/media, as JSON Schema data built from the catalog.

One function per shape, shared by every target that needs it (the per-model JSON Schemas, the
OpenAPI fragment, the Pydantic models), so they cannot disagree. The rules, made precise:

- model and prompt are required; prompt has 1 to prompt_max code points, not all whitespace;
- generation_type is optional and defaults to the model's first type;
- source_media_urls holds https:// URLs with a host and no whitespace or control character;
  how many depends on the generation type;
- duration, negative_prompt and sound exist only where the model offers them, or accepts
  and ignores them (any value of their type);
- model-specific parameters take a closed list, a boolean, a W:H ratio, an integer or a
  number within bounds (1.0 is the integer 1), or text up to a length;
- a variant's id fixes some of those fields to one value each (a ``const``, may be omitted);
- any other field, and null for any field, is rejected;
- no string may hold a lone surrogate (legal in JSON text, but not Unicode).

The patterns come from ``modelspec.render.patterns``: the same verdict in every regex engine.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from modelspec.render.patterns import PROMPT_PATTERN, RATIO_PATTERN, TEXT_PATTERN, URL_PATTERN
from modelspec.spec.model import InputRule, Model, Parameter
from modelspec.spec.variants import json_value

URL_DESCRIPTION = (
    "An https:// URL (RFC 3986) with a host; no whitespace or control character anywhere."
)
EXAMPLE_PROMPT = "A red fox in fresh snow, cinematic light"


def common_properties(model: Model) -> dict[str, Any]:
    """The properties every request to ``model`` may carry, before the per-mode input rule."""
    props: dict[str, Any] = {
        "model": {"description": "The model_id.", "const": model.model_id},
        "prompt": {
            "description": f"The prompt: 1 to {plural(model.prompt_max, 'character')}, not all"
            f" whitespace. {UNICODE}",
            "type": "string",
            "minLength": 1,
            "maxLength": model.prompt_max,
            "pattern": PROMPT_PATTERN,
        },
    }
    if model.duration_options:
        props["duration"] = {
            "description": "The video length.",
            "type": "string",
            "enum": list(model.duration_options),
        }
    elif "duration" in model.ignored:
        props["duration"] = ignored_schema("duration")
    if model.negative_prompt:
        props["negative_prompt"] = {
            "description": f"What to avoid: at most {plural(model.prompt_max, 'character')}."
            f" {UNICODE}",
            "type": "string",
            "maxLength": model.prompt_max,
            "pattern": TEXT_PATTERN,
        }
    elif "negative_prompt" in model.ignored:
        props["negative_prompt"] = ignored_schema("negative_prompt")
    if model.sound:
        props["sound"] = {"description": "Generate an audio track.", "type": "boolean"}
    elif "sound" in model.ignored:
        props["sound"] = ignored_schema("sound")
    for parameter in model.parameters:
        props[parameter.name] = parameter_schema(parameter)
    for name, value in model.fixed:  # a variant: what its id fixes, in the field's own place
        props[name] = fixed_schema(model, name, value)
    return props


def fixed_schema(model: Model, name: str, value: object) -> dict[str, Any]:
    """The schema of a field a variant's id fixes: that one value, which may be omitted.

    ``const`` with the JSON type: every validator reads it alike (Pydantic through
    ``codegen``, which makes a fixed boolean strict).
    """
    description = f"Fixed by this variant of {model.family}: {json_value(value)}; may be omitted."
    return {"description": description, "type": _JSON_TYPES[type(value)], "const": value}


_JSON_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string"}


def description(model: Model) -> str:
    """A model's description in the schemas: its notes, after what a variant's id fixes."""
    if model.family is None:
        return model.usage_notes
    return f"Variant of {model.family}: {fixes(model)}. {model.usage_notes}"


def fixes(model: Model) -> str:
    """What a variant's id fixes, for a person: ``resolution "720p", duration "8s"``."""
    return ", ".join(f"{name} {json_value(value)}" for name, value in model.fixed)


IGNORED = "Accepted and ignored by this model: any {} passes and changes nothing."
# Said of every free text: the one rule its pattern adds, which JSON alone would allow.
UNICODE = "Unicode text: no lone surrogate (such as \\ud800)."


def ignored_schema(name: str) -> dict[str, Any]:
    """The schema of a field the model accepts and ignores: any value of the field's type."""
    if name == "sound":
        return {"description": IGNORED.format("true or false"), "type": "boolean"}
    return {
        "description": f"{IGNORED.format('string')} {UNICODE}",
        "type": "string",
        "pattern": TEXT_PATTERN,
    }


def parameter_schema(parameter: Parameter) -> dict[str, Any]:
    """The schema of one model-specific field, its default documented where it has one."""
    kind = parameter.kind
    schema: dict[str, Any]
    if kind == "boolean":
        schema = {"type": "boolean"}
    elif kind == "values":
        schema = {"type": "string", "enum": list(parameter.values)}
    elif kind == "ratio":
        schema = {
            "description": "An aspect ratio written W:H, such as 16:9.",
            "type": "string",
            "pattern": RATIO_PATTERN,
        }
    elif kind == "string":
        assert parameter.max_length is not None  # the spec's schema requires it
        schema = {
            "description": f"Text: at most {plural(parameter.max_length, 'character')}. {UNICODE}",
            "type": "string",
            "maxLength": parameter.max_length,
            "pattern": TEXT_PATTERN,
        }
    else:
        schema = {"description": number_description(parameter), "type": kind}
        if parameter.minimum is not None:
            schema["minimum"] = parameter.minimum
        if parameter.maximum is not None:
            schema["maximum"] = parameter.maximum
    if parameter.default is not None:
        said = f"Default: {json_text(parameter.default)}."
        schema["description"] = (
            f"{schema['description']} {said}" if "description" in schema else said
        )
        schema = {"description": schema.pop("description"), **schema, "default": parameter.default}
    return schema


def parameter_summary(parameter: Parameter) -> str:
    """What a parameter accepts, and its default, in a few words for the page."""
    kind = parameter.kind
    if kind == "values":
        text = "one of " + ", ".join(map(json_text, parameter.values))
    elif kind == "boolean":
        text = "true or false"
    elif kind == "ratio":
        text = "an aspect ratio W:H"
    elif kind == "string":
        text = f"text of at most {plural(parameter.max_length or 0, 'character')}"
    else:
        text = number_range(parameter)
    if parameter.default is not None:
        text += f", default {json_text(parameter.default)}"
    return text


def number_description(parameter: Parameter) -> str:
    """An integer or number parameter's range in words, as validate_request says it."""
    text = number_range(parameter)
    if parameter.kind == "integer":
        text += " (a whole number: 2.0 counts as 2)"
    return text[:1].upper() + text[1:] + "."


def number_range(parameter: Parameter) -> str:
    """ "an integer from 0 to 10", "a number, at least 0.5", "an integer"."""
    what = "an integer" if parameter.kind == "integer" else "a number"
    low, high = parameter.minimum, parameter.maximum
    if low is not None and high is not None:
        return f"{what} from {json_text(low)} to {json_text(high)}"
    if low is not None:
        return f"{what}, at least {json_text(low)}"
    if high is not None:
        return f"{what}, at most {json_text(high)}"
    return what


def json_text(value: str | bool | int | float) -> str:
    """A value as JSON.stringify writes it, so every output and every language shows the same
    text: strings quoted, numbers as ECMA-262 writes them (20, not 20.0; 1e-7, not 1e-07)."""
    if isinstance(value, bool | str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, int):
        return str(value)
    return ecma_number(value)


def ecma_number(value: float) -> str:
    """A finite float as ECMA-262's Number::toString writes it (shortest round-trip digits)."""
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    mantissa, _, exponent = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    # value = 0.digits * 10**point, digits without leading or trailing zeros
    point = len(whole) + int(exponent or 0) - (len(whole + fraction) - len(digits))
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= point <= 21:
        text = digits + "0" * (point - k)
    elif 0 < point <= 21:
        text = f"{digits[:point]}.{digits[point:]}"
    elif -6 < point <= 0:
        text = "0." + "0" * -point + digits
    else:
        power = point - 1
        text = (
            digits[0]
            + (f".{digits[1:]}" if k > 1 else "")
            + f"e{'+' if power >= 0 else '-'}{abs(power)}"
        )
    return sign + text


def source_media_schema(rule: InputRule) -> dict[str, Any]:
    """The schema of source_media_urls under one generation type."""
    schema: dict[str, Any] = {
        "description": source_media_description(rule),
        "type": "array",
        "items": {"description": URL_DESCRIPTION, "type": "string", "pattern": URL_PATTERN},
    }
    if rule.min_items:
        schema["minItems"] = rule.min_items
    schema["maxItems"] = rule.max_items
    return schema


def source_media_description(rule: InputRule) -> str:
    """The input rule in words, including the order of kinds that URLs cannot show."""
    takes = media_takes(rule)
    if takes == "no URLs":
        return f"{rule.generation_type}: no URLs."
    return f"{rule.generation_type}: {takes}, as https:// URLs."


def media_takes(rule: InputRule) -> str:
    """The URLs one generation type takes, as validate_request's messages say it: "no URLs",
    "exactly 2 images", "1 to 10 images", "1 image, then 1 video" where order matters."""
    counts = {
        "image": (rule.min_images, rule.max_images),
        "video": (rule.min_videos, rule.max_videos),
    }
    kinds = [kind for kind in (rule.order or ("image", "video")) if counts[kind][1]]
    if not kinds:
        return "no URLs"
    words = [_amount(*counts[kind], kind) for kind in kinds]
    if len(kinds) == 1 and counts[kinds[0]][0] == counts[kinds[0]][1]:
        return "exactly " + words[0]
    return (", then " if rule.order else " and ").join(words)


def _amount(least: int, most: int, noun: str) -> str:
    if least == most:
        return plural(most, noun)
    if least == 0:
        return f"up to {plural(most, noun)}"
    return f"{least:,} to {plural(most, noun)}"


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: "1 URL", "2 URLs"."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def variant_schema(model: Model, rule: InputRule) -> dict[str, Any]:
    """A closed object schema for requests to ``model`` in one generation type.

    The default generation type may be omitted; any other must be given, so the variants of a
    model never overlap and "one of" and "any of" agree.
    """
    props = common_properties(model)
    is_default = rule.generation_type == model.default_generation_type
    generation_type: dict[str, Any] = {
        "description": "The generation mode.",
        "const": rule.generation_type,
    }
    if is_default:
        generation_type["default"] = rule.generation_type
    ordered: dict[str, Any] = {"model": props.pop("model"), "prompt": props.pop("prompt")}
    ordered["generation_type"] = generation_type
    ordered["source_media_urls"] = source_media_schema(rule)
    ordered.update(props)
    required = ["model", "prompt"]
    if not is_default:
        required.append("generation_type")
    if rule.min_items:
        required.append("source_media_urls")
    return {
        "type": "object",
        "properties": ordered,
        "required": required,
        "additionalProperties": False,
    }


@cache
def request_schema(model: Model) -> dict[str, Any]:
    """The request schema of ``model``: one closed object, or one of its per-mode variants.

    Several targets need it, so it is computed once per model (models are frozen); the
    result is shared, and no caller may change it.
    """
    if len(model.inputs) == 1:
        return variant_schema(model, model.inputs[0])
    return {"oneOf": [variant_schema(model, rule) for rule in model.inputs]}


def examples(model: Model) -> list[dict[str, Any]]:
    """One valid request per generation type, with the fewest inputs that mode needs."""
    bodies = []
    for rule in model.inputs:
        body: dict[str, Any] = {"model": model.model_id, "prompt": EXAMPLE_PROMPT}
        if rule.generation_type != model.default_generation_type:
            body["generation_type"] = rule.generation_type
        urls = _example_urls(rule)
        if urls:
            body["source_media_urls"] = urls
        if model.duration_options:
            body["duration"] = model.duration_options[0]
        bodies.append(body)
    if model.fixed:  # a variant's examples leave out what its id fixes
        fixed = {name for name, _ in model.fixed}
        bodies = [{k: v for k, v in body.items() if k not in fixed} for body in bodies]
    return bodies


def _example_urls(rule: InputRule) -> list[str]:
    kinds = list(rule.order) or ["image", "video"]
    wanted = {"image": rule.min_images, "video": rule.min_videos}
    suffix = {"image": "png", "video": "mp4"}
    urls: list[str] = []
    for kind in kinds:
        for _ in range(wanted[kind]):
            urls.append(f"https://example.com/input-{len(urls) + 1}.{suffix[kind]}")
    return urls
