"""validate_request's quick checks change no verdict and no error.

validate_request accepts the common valid body in a few operations and sends everything else
to slower per-step checks. ``reference_errors`` below is the plain version it replaced, kept as
the oracle: for every body, both give the same errors (codes, fields, messages, order).
The module judged is the seed fixture's, imported under a name of its own.
"""

from __future__ import annotations

import string
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelspec.render.patterns import CONTROL, WHITESPACE
from tests.near import near_misses, reference_near
from tests.seed import seed
from tests.validators import import_file

LIMITS = import_file(seed().settings.out / "model_limits.py", "model_limits_fast_path")
MODELS = LIMITS.MODEL_LIMITS
Errors = list[Any]


def reference_errors(module: ModuleType, body: object) -> Errors:
    """Every problem of ``body``, checked one rule at a time with ``isinstance``."""
    error = module.RequestError
    if not isinstance(body, dict):
        return [error("", "invalid_body", "the request body must be a JSON object")]
    errors: Errors = []
    limits = None
    if "model" not in body:
        errors.append(error("/model", "missing_field", "model is required"))
    elif not isinstance(body["model"], str):
        errors.append(_type_error(error, "/model", "a string", body["model"]))
    else:
        limits = module.MODEL_LIMITS.get(body["model"])
        if limits is None:
            message = f"model {quote(body['model'])} is not a known model_id"
            near = [quote(m) for m in reference_near(list(module.MODEL_LIMITS), body["model"])]
            if near:
                either = near[0] if len(near) == 1 else f"{', '.join(near[:-1])} or {near[-1]}"
                message += f"; did you mean {either}?"
            errors.append(error("/model", "unknown_model", message))
    _prompt(error, body, limits, errors)
    if limits is None:
        return errors
    allowed = ["model", "prompt", "generation_type", "source_media_urls"]
    allowed += [name for name in ("duration", "negative_prompt", "sound") if _offers(limits, name)]
    allowed += [p.name for p in limits.parameters]
    for key in body:
        if key not in allowed:
            field = "/" + str(key).replace("~", "~0").replace("/", "~1")
            message = (
                f"field {quote(str(key))} is not accepted by {limits.model_id}; "
                f"it accepts: {', '.join(allowed)}"
            )
            errors.append(error(field, "unsupported_field", message))
    rule = _generation_type(error, body, limits, errors)
    _source_media(error, body, limits, rule, errors)
    _optional(error, body, limits, errors)
    return errors


def _offers(limits: Any, name: str) -> bool:
    """Whether the model takes ``name``: offers it, or accepts and ignores it."""
    if name in getattr(limits, "ignored", ()):
        return True
    return bool(limits.duration_options if name == "duration" else getattr(limits, name))


def _ignored(error: Any, body: dict[Any, Any], limits: Any, errors: Errors) -> None:
    """A field the model ignores: any value of its type, Unicode text for a string."""
    for name in ("duration", "negative_prompt", "sound"):
        if name not in body or name not in getattr(limits, "ignored", ()):
            continue
        value, field = body[name], "/" + name
        if name == "sound":
            if not isinstance(value, bool):
                errors.append(_type_error(error, field, "true or false", value))
        elif not isinstance(value, str):
            errors.append(_type_error(error, field, "a string", value))
        elif _surrogate(value):
            errors.append(_unicode_error(error, field, value))


def _type_error(error: Any, field: str, expected: str, value: object) -> Any:
    kinds: list[tuple[Any, str]] = [
        (bool, "a boolean"),
        (int | float, "a number"),
        (str, "a string"),
        (list | tuple, "an array"),
        (dict, "an object"),
    ]
    name = "null" if value is None else type(value).__name__
    name = next((n for t, n in kinds if value is not None and isinstance(value, t)), name)
    return error(field, "invalid_type", f"{field[1:]} must be {expected}, not {name}")


def _prompt(error: Any, body: dict[Any, Any], limits: Any, errors: Errors) -> None:
    prompt = body.get("prompt")
    if "prompt" not in body:
        errors.append(error("/prompt", "missing_field", "prompt is required"))
    elif not isinstance(prompt, str):
        errors.append(_type_error(error, "/prompt", "a string", prompt))
    elif not prompt:
        errors.append(error("/prompt", "prompt_empty", "prompt must not be empty"))
    elif limits is not None and len(prompt) > limits.prompt_max:
        message = (
            f"prompt has {len(prompt):,} characters; "
            f"{limits.model_id} allows at most {limits.prompt_max:,}"
        )
        errors.append(error("/prompt", "prompt_too_long", message))
    elif _surrogate(prompt):
        errors.append(_unicode_error(error, "/prompt", prompt))
    elif all(c in WHITESPACE for c in prompt):
        errors.append(error("/prompt", "prompt_empty", "prompt must not be only whitespace"))


def _surrogate(text: str) -> str | None:
    return next((c for c in text if 0xD800 <= ord(c) <= 0xDFFF), None)


def _unicode_error(error: Any, field: str, text: str) -> Any:
    code = ord(_surrogate(text) or "?")
    message = f"{field[1:]} holds a lone surrogate, U+{code:04X}; send valid Unicode text"
    return error(field, "invalid_unicode", message)


def _generation_type(error: Any, body: dict[Any, Any], limits: Any, errors: Errors) -> Any:
    kind = body.get("generation_type", limits.generation_types[0])
    if not isinstance(kind, str):
        errors.append(_type_error(error, "/generation_type", "a string", kind))
        return None
    rule = next((r for r in limits.inputs if r.generation_type == kind), None)
    if rule is None:
        message = (
            f"generation_type {quote(kind)} is not supported by {limits.model_id}; "
            f"use one of: {', '.join(map(quote, limits.generation_types))}"
        )
        errors.append(error("/generation_type", "unsupported_generation_type", message))
    return rule


def _source_media(error: Any, body: dict[Any, Any], limits: Any, rule: Any, errors: Errors) -> None:
    urls = body.get("source_media_urls", [])
    if not isinstance(urls, list):
        errors.append(_type_error(error, "/source_media_urls", "an array of https:// URLs", urls))
        return
    for index, url in enumerate(urls):
        field = f"/source_media_urls/{index}"
        if not isinstance(url, str):
            errors.append(_type_error(error, field, "a string", url))
        elif _surrogate(url):
            errors.append(_unicode_error(error, field, url))
        elif (reason := _url_problem(url)) is not None:
            errors.append(error(field, "invalid_url", f"{field[1:]} {reason}"))
    if rule is None:
        return
    least, most = rule.min_images + rule.min_videos, rule.max_images + rule.max_videos
    if least <= len(urls) <= most:
        return
    count = f"{len(urls)} URL" + ("" if len(urls) == 1 else "s")
    message = f"source_media_urls has {count}; {limits.model_id} {rule.generation_type} takes "
    message += TAKES[(rule.min_images, rule.max_images, rule.min_videos, rule.max_videos)]
    if "generation_type" not in body:
        message += f"; generation_type is omitted, so the default {rule.generation_type} applies"
        others = [quote(t) for t in limits.generation_types if t != rule.generation_type]
        message += f" (other modes: {', '.join(others)})" if others else ""
    code = "too_many_source_media" if len(urls) > most else "too_few_source_media"
    errors.append(error("/source_media_urls", code, message))


# What each mode of the seed takes, by (min images, max images, min videos, max videos).
TAKES = {
    (0, 0, 0, 0): "no URLs",
    (0, 1, 0, 0): "up to 1 image",
    (1, 1, 0, 0): "exactly 1 image",
    (2, 2, 0, 0): "exactly 2 images",
    (1, 1, 1, 1): "1 image, then 1 video",  # Motion Control: image first, then video
    (1, 2, 0, 0): "1 to 2 images",
    (1, 3, 0, 0): "1 to 3 images",
    (1, 8, 0, 0): "1 to 8 images",
    (1, 10, 0, 0): "1 to 10 images",
    (1, 16, 0, 0): "1 to 16 images",
}


def quote(text: str) -> str:
    """``text`` as JavaScript's JSON.stringify writes it, character by character."""
    escapes = {
        '"': '\\"',
        "\\": "\\\\",
        "\b": "\\b",
        "\f": "\\f",
        "\n": "\\n",
        "\r": "\\r",
        "\t": "\\t",
    }
    out = []
    for c in text:
        if c in escapes:
            out.append(escapes[c])
        elif ord(c) < 0x20 or 0xD800 <= ord(c) <= 0xDFFF:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _url_problem(url: str) -> str | None:
    """What is wrong with ``url`` by RFC 3986, read by hand rather than by the pattern."""
    if not url.startswith("https://"):
        return "must be an https:// URL"
    bad = next((c for c in url if c in WHITESPACE or c in CONTROL), None)
    if bad is not None:
        return f"must not hold whitespace or a control character; it holds U+{ord(bad):04X}"
    rest = url[len("https://") :]
    end = min((i for i, c in enumerate(rest) if c in "/?#"), default=len(rest))
    if not _authority(rest[:end]):
        return (
            "must be https:// and a host (RFC 3986), then an optional port, path, query or fragment"
        )
    return None


UNRESERVED_SUB_DELIMS = set(string.ascii_letters + string.digits + "-._~!$&'()*+,;=")


def _authority(authority: str) -> bool:
    userinfo, at, host_port = authority.rpartition("@")
    if at and not _encoded(userinfo, UNRESERVED_SUB_DELIMS | {":"}):
        return False
    if host_port.startswith("["):
        literal, bracket, port = host_port[1:].partition("]")
        if not bracket or not _ip_literal(literal):
            return False
    else:
        host = host_port.partition(":")[0]
        port = host_port[len(host) :]
        if not host or not _encoded(host, UNRESERVED_SUB_DELIMS):
            return False
    return port == "" or (port[0] == ":" and all(c in string.digits for c in port[1:]))


def _encoded(text: str, allowed: set[str]) -> bool:
    """Only ``allowed`` characters and %HH escapes."""
    parts = text.split("%")
    return all(c in allowed for c in parts[0]) and all(
        len(part) >= 2
        and all(c in string.hexdigits for c in part[:2])
        and all(c in allowed for c in part[2:])
        for part in parts[1:]
    )


def _ip_literal(text: str) -> bool:
    if text[:1] in ("v", "V"):
        version, dot, rest = text[1:].partition(".")
        return bool(
            version
            and all(c in string.hexdigits for c in version)
            and dot
            and rest
            and all(c in UNRESERVED_SUB_DELIMS | {":"} for c in rest)
        )
    return ":" in text and all(c in string.hexdigits + ":." for c in text)


def _optional(error: Any, body: dict[Any, Any], limits: Any, errors: Errors) -> None:
    if "duration" in body and limits.duration_options:
        value = body["duration"]
        if not isinstance(value, str):
            errors.append(_type_error(error, "/duration", "a string", value))
        elif value not in limits.duration_options:
            message = (
                f"duration {quote(value)} is not offered by {limits.model_id}; "
                f"use one of: {', '.join(map(quote, limits.duration_options))}"
            )
            errors.append(error("/duration", "unsupported_duration", message))
    if "negative_prompt" in body and limits.negative_prompt:
        value = body["negative_prompt"]
        if not isinstance(value, str):
            errors.append(_type_error(error, "/negative_prompt", "a string", value))
        elif len(value) > limits.prompt_max:
            message = (
                f"negative_prompt has {len(value):,} characters; "
                f"{limits.model_id} allows at most {limits.prompt_max:,}"
            )
            errors.append(error("/negative_prompt", "negative_prompt_too_long", message))
        elif _surrogate(value):
            errors.append(_unicode_error(error, "/negative_prompt", value))
    if "sound" in body and limits.sound and not isinstance(body["sound"], bool):
        errors.append(_type_error(error, "/sound", "true or false", body["sound"]))
    _ignored(error, body, limits, errors)
    for p in limits.parameters:
        if p.name in body:
            _parameter(error, p, body[p.name], limits, errors)


def _parameter(error: Any, p: Any, value: object, limits: Any, errors: Errors) -> None:
    field = "/" + p.name
    if p.kind == "boolean":
        if not isinstance(value, bool):
            errors.append(_type_error(error, field, "true or false", value))
    elif not isinstance(value, str):
        errors.append(_type_error(error, field, "a string", value))
    elif p.kind == "values" and value not in p.values:
        message = (
            f"{p.name} {quote(value)} is not offered by {limits.model_id}; "
            f"use one of: {', '.join(map(quote, p.values))}"
        )
        errors.append(error(field, "unsupported_value", message))
    elif p.kind == "ratio" and not _is_ratio(value):
        message = f'{p.name} {quote(value)} must be an aspect ratio written W:H, such as "16:9"'
        errors.append(error(field, "invalid_format", message))


def _is_ratio(value: str) -> bool:
    width, colon, height = value.partition(":")
    return bool(colon) and all(
        part.isascii() and part.isdigit() and part[0] != "0" for part in (width, height)
    )


def assert_same_errors(body: object) -> None:
    assert LIMITS.validate_request(body) == reference_errors(LIMITS, body), body


class Text(str):
    """A str subclass: isinstance says str, so it must be judged like the plain string."""


class Body(dict[str, Any]):
    """A dict subclass, judged like a plain dict."""


class Urls(list[Any]):
    """A list subclass, judged like a plain list."""


URL = "https://cdn.example.com/a.png"
ODD_BODIES: list[object] = [
    None,
    [],
    "model",
    {},
    {"model": "flux-2"},
    {"prompt": "x"},
    {"model": Text("flux-2"), "prompt": Text("a fox")},
    Body(model="flux-2", prompt="a fox"),
    {"model": "flux-2", "prompt": "a fox", 3: "x", "a/b~c": 1},
    {"model": "flux-2", "prompt": "x" * 5001, "seed": 1, "generation_type": 5},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": Urls([URL])},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": (URL,)},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": [Text(URL)]},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": ["https://"]},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": ["https://é.png"]},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": ["https://[::1]/a"]},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": [None, 3, "ftp://x"]},
    {"model": "kling-2-6-text-to-video", "prompt": "a", "duration": Text("5s"), "sound": 1},
    {"model": "kling-2-6-text-to-video", "prompt": "a", "duration": ["5s"], "sound": None},
    {"model": "seedance-1-5-pro", "prompt": "a", "fixed_lens": 0, "resolution": Text("720p")},
    {"model": "5-lite-text-to-image", "prompt": "a", "aspect_ratio": "16:09", "quality": {}},
    {"model": "5-lite-text-to-image", "prompt": "a", "aspect_ratio": "\uff11:2"},
    {"model": "wan-2-5", "prompt": "a", "negative_prompt": Text("n" * 801)},
    {"model": "wan-2-5", "prompt": "\U0001f98a" * 800, "negative_prompt": float("nan")},
    {"model": "wan-2-5", "prompt": " \u3000\n", "negative_prompt": "n\ud800"},
    {"model": "wan-2-5", "prompt": Text("\x1c\x1d"), "negative_prompt": Text("\udc00")},
    {"model": "flux-2", "prompt": "a\udbff", "source_media_urls": []},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": ["https://x y"]},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": ["https://a/\ud800 "]},
    {"model": "nano-banana-edit", "prompt": "a", "source_media_urls": [URL + "\n", "https:///"]},
    {
        "model": "nano-banana-edit",
        "prompt": "a",
        "source_media_urls": ["https://u@h@i/", "https://[v1.a]"],
    },
    {
        "model": "nano-banana-edit",
        "prompt": "a",
        "source_media_urls": ["https://%4/", "https://a:1:2"],
    },
    {"model": "5-lite-text-to-image", "prompt": "a", "aspect_ratio": "16:9\n"},
]


@pytest.mark.parametrize("body", ODD_BODIES, ids=range(len(ODD_BODIES)))
def test_odd_bodies_get_the_reference_errors(body: object) -> None:
    assert_same_errors(body)


def _values_for(limits: Any) -> st.SearchStrategy[dict[str, Any]]:
    """Bodies near one model's rules: each field valid, broken, mistyped or absent."""
    text = st.text(max_size=3) | st.sampled_from(
        ["", "x" * limits.prompt_max, " \t", "\u3000", "a\ud800", "\x1c"]
    )
    noise = st.none() | st.booleans() | st.integers(-1, 2) | st.builds(Text, text) | text
    url = st.sampled_from(
        [URL, "http://x.test/a", "https://", "https://[::1]/", 7, None, "https://x y", URL + "\n"]
    ) | st.text(st.sampled_from("ab:@[]%1/?# \n\ud800"), max_size=8).map("https://".__add__)
    urls = st.lists(url, max_size=limits.max_images + 3)
    fields: dict[str, st.SearchStrategy[Any]] = {
        "prompt": st.sampled_from(["a fox", "x" * (limits.prompt_max + 1)]) | noise,
        "generation_type": st.sampled_from([*limits.generation_types, "video-to-video"]) | noise,
        "source_media_urls": urls | st.builds(Urls, urls) | noise,
        "duration": st.sampled_from([*limits.duration_options, "7s"]) | noise,
        "negative_prompt": st.sampled_from(["", "blurry", "n" * (limits.prompt_max + 1)]) | noise,
        "sound": noise,
        "aspect_ratio": st.sampled_from(["16:9", "0:1", "1:1:1"]) | noise,
        "seed": noise,
    }
    for p in limits.parameters:
        good = list(p.values) or [True, False]
        fields[p.name] = st.sampled_from([*good, "other"]) | noise
    model = st.sampled_from([limits.model_id, limits.model_id + "-x"]) | noise
    model |= near_misses(limits.model_id)
    return st.fixed_dictionaries({}, optional={"model": model, **fields})


near_bodies = st.sampled_from(sorted(MODELS)).flatmap(lambda m: _values_for(MODELS[m]))


@settings(
    max_examples=1500,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(near_bodies)
def test_bodies_near_the_rules_get_the_reference_errors(body: dict[str, Any]) -> None:
    assert_same_errors(body)


def test_kept_errors_are_the_ones_each_body_gets() -> None:
    # Keys that are equal as dict keys but read differently (1, True, 1.0) must each get their
    # own message, and so must the same mistake sent again after another model's.
    for key in (1, True, 1.0, "1", 1, True):
        assert_same_errors({"model": "flux-2", "prompt": "a fox", key: "x"})
        assert_same_errors({"model": "wan-2-5", "prompt": "a fox", key: "x"})
    for kind in ("video-to-video", Text("video-to-video"), "video-to-video"):
        assert_same_errors({"model": "flux-2", "prompt": "a fox", "generation_type": kind})


def test_every_schema_example_is_accepted_at_once() -> None:
    # The quick path must accept the documented bodies without a slow step: a sanity check
    # that it is not silently sending every body down the slow road.
    calls: list[str] = []
    watched = {"_check_prompt", "_check_source_media", "_check_optional_fields"}
    originals: dict[str, Callable[..., Any]] = {name: getattr(LIMITS, name) for name in watched}

    def spy(name: str) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            calls.append(name)
            return originals[name](*args)

        return wrapper

    bodies = [_example(m, r) for m in MODELS.values() for r in m.inputs]
    try:
        for name in watched:
            setattr(LIMITS, name, spy(name))
        assert all(LIMITS.validate_request(b) == [] for b in bodies)
    finally:
        for name, original in originals.items():
            setattr(LIMITS, name, original)
    assert calls == []


def _example(limits: Any, rule: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"model": limits.model_id, "prompt": "a fox", "sound": False}
    body["generation_type"] = rule.generation_type
    body["source_media_urls"] = [URL] * max(rule.min_images + rule.min_videos, 1)
    if rule.max_images + rule.max_videos == 0:
        body["source_media_urls"] = []
    if limits.duration_options:
        body["duration"] = limits.duration_options[0]
    if not limits.sound:
        del body["sound"]
    return body
