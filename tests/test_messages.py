"""validate_request's messages tell a client what to do, in text any language can reproduce.

Counts agree with their nouns, the default generation type is named when it applied, Motion
Control's order is spelled out, an unsupported field comes with the fields the model accepts,
and values are quoted as JSON.stringify writes them, never as Python's repr. The module judged
is the seed fixture's.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest

from tests.validators import Validators

URL = "https://cdn.example.com/in.png"
VIDEO = "https://cdn.example.com/in.mp4"


def message(validators: Validators, **body: Any) -> str:
    """The message of the one error ``body`` has."""
    [error] = validators.limits.validate_request({"prompt": "a fox", **body})
    return str(error.message)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"model": "grok-image-to-video", "source_media_urls": [URL, URL]},
            "source_media_urls has 2 URLs; grok-image-to-video image-to-video takes exactly"
            " 1 image; generation_type is omitted, so the default image-to-video applies",
        ),
        (
            {
                "model": "sora-2",
                "generation_type": "image-to-video",
                "source_media_urls": [URL, URL],
            },
            "source_media_urls has 2 URLs; sora-2 image-to-video takes exactly 1 image",
        ),
        (
            {"model": "sora-2", "source_media_urls": [URL]},
            "source_media_urls has 1 URL; sora-2 text-to-video takes no URLs; generation_type is"
            ' omitted, so the default text-to-video applies (other modes: "image-to-video")',
        ),
        (
            {"model": "seedance-1-5-pro", "generation_type": "image-to-video"},
            "source_media_urls has 0 URLs; seedance-1-5-pro image-to-video takes exactly 2 images",
        ),
        (
            {"model": "seedance-1-5-pro", "source_media_urls": [URL, URL]},
            "source_media_urls has 2 URLs; seedance-1-5-pro text-to-video takes up to 1 image;"
            " generation_type is omitted, so the default text-to-video applies"
            ' (other modes: "image-to-video")',
        ),
        (
            {
                "model": "kling-3-0-pro",
                "generation_type": "image-to-video",
                "source_media_urls": [URL] * 3,
            },
            "source_media_urls has 3 URLs; kling-3-0-pro image-to-video takes 1 to 2 images",
        ),
        (
            {
                "model": "kling-2-6-motion-control-720p",
                "generation_type": "image-to-video",
                "source_media_urls": [URL],
            },
            "source_media_urls has 1 URL; kling-2-6-motion-control-720p image-to-video takes"
            " 1 image, then 1 video",
        ),
        (
            {
                "model": "kling-3-0-motion-control-1080p",
                "generation_type": "image-to-video",
                "source_media_urls": [URL, VIDEO, URL],
            },
            "source_media_urls has 3 URLs; kling-3-0-motion-control-1080p image-to-video takes"
            " 1 image, then 1 video",
        ),
    ],
    ids=["plural", "explicit type", "one URL", "none", "up to", "range", "motion", "motion 3"],
)
def test_source_media_counts_say_what_the_mode_takes(
    validators: Validators, body: dict[str, Any], expected: str
) -> None:
    assert message(validators, **body) == expected


def test_an_unsupported_field_names_the_fields_the_model_accepts(validators: Validators) -> None:
    assert message(validators, model="flux-2", seed=1) == (
        'field "seed" is not accepted by flux-2; it accepts: model, prompt, generation_type,'
        " source_media_urls"
    )
    assert message(validators, model="seedance-1-5-pro", quality="hd") == (
        'field "quality" is not accepted by seedance-1-5-pro; it accepts: model, prompt,'
        " generation_type, source_media_urls, duration, sound, fixed_lens, resolution"
    )


def test_accepted_values_are_listed_as_json(validators: Validators) -> None:
    assert message(validators, model="sora-2", duration="7s") == (
        'duration "7s" is not offered by sora-2; use one of: "10s", "15s"'
    )
    assert message(validators, model="flux-2", generation_type="image-to-image") == (
        'generation_type "image-to-image" is not supported by flux-2; use one of: "text-to-image"'
    )
    assert message(validators, model="seedance-1-5-pro", resolution="4K") == (
        'resolution "4K" is not offered by seedance-1-5-pro; use one of: "480p", "720p", "1080p"'
    )
    assert message(validators, model="5-lite-text-to-image", aspect_ratio="4x3") == (
        'aspect_ratio "4x3" must be an aspect ratio written W:H, such as "16:9"'
    )


# Values a client may send, with what a JSON writer must do to each: quotes, backslashes,
# control characters, characters beyond ASCII, lone surrogates.
HOSTILE = [
    'say "hi"',
    "back\\slash",
    "it's",
    "tab\there\nnew line",
    "nul \x00 and \x1f, del \x7f",
    "caf\u00e9 \u2713 \U0001f98a \u2028 \u00a0",
    "lone \ud800 and \udfff",
    "",
]


def quoted_messages(validators: Validators, value: str) -> list[str]:
    """The messages that quote ``value``: as a model id, a generation type, a duration, a
    parameter value, a ratio and a field name."""
    return [
        message(validators, model=value),
        message(validators, model="flux-2", generation_type=value),
        message(validators, model="sora-2", duration=value),
        message(validators, model="seedance-1-5-pro", resolution=value),
        message(validators, model="5-lite-text-to-image", aspect_ratio=value),
        message(validators, model="flux-2", **{value: 1}),
    ]


def test_values_are_quoted_as_json_never_as_python_repr(validators: Validators) -> None:
    assert quoted_messages(validators, 'say "hi"')[0] == (
        'model "say \\"hi\\"" is not a known model_id'
    )
    assert quoted_messages(validators, "back\\slash")[1].startswith(
        'generation_type "back\\\\slash" is not supported'
    )
    assert quoted_messages(validators, "it's")[2].startswith('duration "it\'s" is not offered')
    assert quoted_messages(validators, "caf\u00e9 \ud800")[3].startswith(
        'resolution "caf\u00e9 \\ud800" is not offered'
    )
    for value in HOSTILE:
        if repr(value) != json.dumps(value, ensure_ascii=False):  # "it's" reads alike
            assert all(repr(value) not in text for text in quoted_messages(validators, value))


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js for JSON.stringify")
def test_quoted_values_are_what_json_stringify_writes(validators: Validators) -> None:
    script = (
        "const values = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(values.map(v => JSON.stringify(v))));"
    )
    result = subprocess.run(
        ["node", "-e", script], input=json.dumps(HOSTILE), capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    # The answer is ASCII JSON; lone surrogates in it arrive as \ud800 escapes.
    stringified = json.loads(result.stdout)
    for value, quoted in zip(HOSTILE, stringified, strict=True):
        texts = quoted_messages(validators, value)
        assert all(quoted in text for text in texts), (quoted, texts)
