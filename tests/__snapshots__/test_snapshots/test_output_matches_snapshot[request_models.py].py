# Code generated from spec/models.yaml by modelspec. DO NOT EDIT.
# Regenerate with: make regen
# ruff: noqa: RUF001 - descriptions quote the usage notes' typography
# Needs pydantic 2.14 or later.

from __future__ import annotations

from typing import Annotated, Literal, Union

try:
    from pydantic import MISSING, BaseModel, ConfigDict, Field, RootModel, StrictBool, StrictStr
except ImportError as exc:  # an older pydantic: say which one is needed
    raise ImportError(
        "request_models.py needs pydantic 2.14 or later; install pydantic>=2.14"
    ) from exc


class SourceMediaUrl(RootModel[StrictStr]):
    model_config = ConfigDict(
        regex_engine="python-re",
    )
    root: Annotated[
        StrictStr,
        Field(
            description="An https:// URL (RFC 3986) with a host; no whitespace or control character anywhere.",
            pattern="^https://(?:(?:[A-Za-z0-9._~!$&'()*+,;=:-]|%[0-9A-Fa-f]{2})*@)?(?:\\[(?:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[Vv][0-9A-Fa-f]+\\.[A-Za-z0-9._~!$&'()*+,;=:-]+)\\]|(?:[A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})+)(?::[0-9]*)?(?:[/?#][!-~\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff]*)?(?![\\s\\S])",
        ),
    ]


class Model5LiteImageToImageRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["5-lite-image-to-image"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,995 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2995,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-image"], Field(description="The generation mode.")
    ] = "image-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 10 images, as https:// URLs.",
            max_length=10,
            min_length=1,
        ),
    ]


class Model5LiteTextToImageRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["5-lite-text-to-image"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,995 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2995,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    aspect_ratio: Annotated[
        StrictStr | MISSING,
        Field(
            description="An aspect ratio written W:H, such as 16:9.",
            pattern="^[1-9][0-9]*:[1-9][0-9]*(?![\\s\\S])",
        ),
    ] = MISSING
    quality: Literal["basic", "high"] | MISSING = MISSING


class Model5LiteTextToImageRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["5-lite-text-to-image"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,995 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2995,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 10 images, as https:// URLs.",
            max_length=10,
            min_length=1,
        ),
    ]
    aspect_ratio: Annotated[
        StrictStr | MISSING,
        Field(
            description="An aspect ratio written W:H, such as 16:9.",
            pattern="^[1-9][0-9]*:[1-9][0-9]*(?![\\s\\S])",
        ),
    ] = MISSING
    quality: Literal["basic", "high"] | MISSING = MISSING


class Model5LiteTextToImageRequest(
    RootModel[Model5LiteTextToImageRequest1 | Model5LiteTextToImageRequest2]
):
    root: Annotated[
        Model5LiteTextToImageRequest1 | Model5LiteTextToImageRequest2,
        Field(
            description="Seedream 5 Lite (served by seedream-v5-lite-edit edge function). Text-to-image: omit source_media_urls. Image-to-image: pass source_media_urls (up to 10). Prompt max 2995 chars. quality: basic or high. aspect_ratio e.g. 1:1, 9:16, 16:9.",
            examples=[
                {
                    "model": "5-lite-text-to-image",
                    "prompt": "A red fox in fresh snow, cinematic light",
                },
                {
                    "model": "5-lite-text-to-image",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="5-lite-text-to-image request",
        ),
    ]


class Flux2Request(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["flux-2"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING


class Flux21KRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["flux-2-1K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING


class Flux22KRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["flux-2-2K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING


class Flux2Edit1KRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["flux-2-edit-1K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-image"], Field(description="The generation mode.")
    ] = "image-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 8 images, as https:// URLs.",
            max_length=8,
            min_length=1,
        ),
    ]


class Flux2Edit2KRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["flux-2-edit-2K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-image"], Field(description="The generation mode.")
    ] = "image-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 8 images, as https:// URLs.",
            max_length=8,
            min_length=1,
        ),
    ]


class Gpt15ImageHighRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["gpt-1.5-image-high"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 3,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=3000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    quality: Literal["high"] | MISSING = MISSING


class Gpt15ImageHighRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["gpt-1.5-image-high"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 3,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=3000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 16 images, as https:// URLs.",
            max_length=16,
            min_length=1,
        ),
    ]
    quality: Literal["high"] | MISSING = MISSING


class Gpt15ImageHighRequest(RootModel[Gpt15ImageHighRequest1 | Gpt15ImageHighRequest2]):
    root: Annotated[
        Gpt15ImageHighRequest1 | Gpt15ImageHighRequest2,
        Field(
            description="Same as gpt-1.5-image-medium. Prompt max 3000 chars. quality: high.",
            examples=[
                {
                    "model": "gpt-1.5-image-high",
                    "prompt": "A red fox in fresh snow, cinematic light",
                },
                {
                    "model": "gpt-1.5-image-high",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="gpt-1.5-image-high request",
        ),
    ]


class Gpt15ImageMediumRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["gpt-1.5-image-medium"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 3,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=3000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    quality: Literal["medium", "high"] | MISSING = MISSING


class Gpt15ImageMediumRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["gpt-1.5-image-medium"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 3,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=3000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 16 images, as https:// URLs.",
            max_length=16,
            min_length=1,
        ),
    ]
    quality: Literal["medium", "high"] | MISSING = MISSING


class Gpt15ImageMediumRequest(RootModel[Gpt15ImageMediumRequest1 | Gpt15ImageMediumRequest2]):
    root: Annotated[
        Gpt15ImageMediumRequest1 | Gpt15ImageMediumRequest2,
        Field(
            description="Text-to-image: omit source_media_urls. Image-to-image: pass source_media_urls (up to 16 images). Prompt max 3000 chars. quality: medium or high.",
            examples=[
                {
                    "model": "gpt-1.5-image-medium",
                    "prompt": "A red fox in fresh snow, cinematic light",
                },
                {
                    "model": "gpt-1.5-image-medium",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="gpt-1.5-image-medium request",
        ),
    ]


class GrokImageToVideoRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["grok-image-to-video"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-video"], Field(description="The generation mode.")
    ] = "image-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: exactly 1 image, as https:// URLs.",
            max_length=1,
            min_length=1,
        ),
    ]


class GrokTextToImageRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["grok-text-to-image"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING


class GrokTextToVideo6sRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["grok-text-to-video-6s"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-video: no URLs.", max_length=0)
    ] = MISSING
    duration: Annotated[
        StrictStr | MISSING,
        Field(
            description="Accepted and ignored by this model: any string passes and changes nothing. Unicode text: no lone surrogate (such as \\ud800).",
            pattern="^[\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ] = MISSING


class Imagen4Request(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["imagen-4"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    negative_prompt: Annotated[
        StrictStr | MISSING,
        Field(
            description="What to avoid: at most 5,000 characters. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            pattern="^[\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ] = MISSING
    quality: Literal["standard", "fast", "ultra"] | MISSING = MISSING


class Imagen4FastRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["imagen-4-fast"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    negative_prompt: Annotated[
        StrictStr | MISSING,
        Field(
            description="What to avoid: at most 5,000 characters. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            pattern="^[\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ] = MISSING


class Imagen4UltraRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["imagen-4-ultra"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    negative_prompt: Annotated[
        StrictStr | MISSING,
        Field(
            description="What to avoid: at most 5,000 characters. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            pattern="^[\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ] = MISSING


class Kling25ImageToVideoProRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-2-5-image-to-video-pro"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-video"], Field(description="The generation mode.")
    ] = "image-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: exactly 2 images, as https:// URLs.",
            max_length=2,
            min_length=2,
        ),
    ]
    negative_prompt: Annotated[
        StrictStr | MISSING,
        Field(
            description="What to avoid: at most 2,500 characters. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            pattern="^[\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ] = MISSING


class Kling26ImageToVideoRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-2-6-image-to-video"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-video"], Field(description="The generation mode.")
    ] = "image-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: exactly 1 image, as https:// URLs.",
            max_length=1,
            min_length=1,
        ),
    ]
    duration: Annotated[Literal["5s", "10s"] | MISSING, Field(description="The video length.")] = (
        MISSING
    )
    sound: Annotated[StrictBool | MISSING, Field(description="Generate an audio track.")] = MISSING


class Kling26MotionControl1080pRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-2-6-motion-control-1080p"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-video"], Field(description="The generation mode.")
    ] = "image-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: 1 image, then 1 video, as https:// URLs.",
            max_length=2,
            min_length=2,
        ),
    ]


class Kling26MotionControl720pRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-2-6-motion-control-720p"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-video"], Field(description="The generation mode.")
    ] = "image-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: 1 image, then 1 video, as https:// URLs.",
            max_length=2,
            min_length=2,
        ),
    ]


class Kling26TextToVideoRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-2-6-text-to-video"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-video: no URLs.", max_length=0)
    ] = MISSING
    duration: Annotated[Literal["5s", "10s"] | MISSING, Field(description="The video length.")] = (
        MISSING
    )
    sound: Annotated[StrictBool | MISSING, Field(description="Generate an audio track.")] = MISSING


class Kling30MotionControl1080pRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-3-0-motion-control-1080p"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-video"], Field(description="The generation mode.")
    ] = "image-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: 1 image, then 1 video, as https:// URLs.",
            max_length=2,
            min_length=2,
        ),
    ]


class Kling30MotionControl720pRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-3-0-motion-control-720p"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-video"], Field(description="The generation mode.")
    ] = "image-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: 1 image, then 1 video, as https:// URLs.",
            max_length=2,
            min_length=2,
        ),
    ]


class Kling30ProRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-3-0-pro"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-video: no URLs.", max_length=0)
    ] = MISSING
    duration: Annotated[
        Literal["3s", "5s", "8s", "10s", "15s"] | MISSING, Field(description="The video length.")
    ] = MISSING
    sound: Annotated[StrictBool | MISSING, Field(description="Generate an audio track.")] = MISSING


class Kling30ProRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-3-0-pro"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-video"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: 1 to 2 images, as https:// URLs.",
            max_length=2,
            min_length=1,
        ),
    ]
    duration: Annotated[
        Literal["3s", "5s", "8s", "10s", "15s"] | MISSING, Field(description="The video length.")
    ] = MISSING
    sound: Annotated[StrictBool | MISSING, Field(description="Generate an audio track.")] = MISSING


class Kling30ProRequest(RootModel[Kling30ProRequest1 | Kling30ProRequest2]):
    root: Annotated[
        Kling30ProRequest1 | Kling30ProRequest2,
        Field(
            description="Kling 3.0 pro. Same rules as kling-3-0-std; higher quality tier. Text-to-video: omit source_media_urls. Image-to-video: 1–2 image URLs. duration 3s–15s. sound: true for generated audio. @element_name references supported.",
            examples=[
                {
                    "model": "kling-3-0-pro",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "duration": "3s",
                },
                {
                    "model": "kling-3-0-pro",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-video",
                    "source_media_urls": ["https://example.com/input-1.png"],
                    "duration": "3s",
                },
            ],
            title="kling-3-0-pro request",
        ),
    ]


class Kling30StdRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-3-0-std"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-video: no URLs.", max_length=0)
    ] = MISSING
    duration: Annotated[
        Literal["3s", "5s", "8s", "10s", "15s"] | MISSING, Field(description="The video length.")
    ] = MISSING
    sound: Annotated[StrictBool | MISSING, Field(description="Generate an audio track.")] = MISSING


class Kling30StdRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["kling-3-0-std"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-video"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: 1 to 2 images, as https:// URLs.",
            max_length=2,
            min_length=1,
        ),
    ]
    duration: Annotated[
        Literal["3s", "5s", "8s", "10s", "15s"] | MISSING, Field(description="The video length.")
    ] = MISSING
    sound: Annotated[StrictBool | MISSING, Field(description="Generate an audio track.")] = MISSING


class Kling30StdRequest(RootModel[Kling30StdRequest1 | Kling30StdRequest2]):
    root: Annotated[
        Kling30StdRequest1 | Kling30StdRequest2,
        Field(
            description="Kling 3.0 standard. Text-to-video: omit source_media_urls. Image-to-video: pass 1–2 image URLs (start frame, or start + end frame). duration 3s–15s. sound: true for generated audio. Supports @element_name references in prompt (see Media tools docs).",
            examples=[
                {
                    "model": "kling-3-0-std",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "duration": "3s",
                },
                {
                    "model": "kling-3-0-std",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-video",
                    "source_media_urls": ["https://example.com/input-1.png"],
                    "duration": "3s",
                },
            ],
            title="kling-3-0-std request",
        ),
    ]


class NanoBananaRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING


class NanoBananaRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 10 images, as https:// URLs.",
            max_length=10,
            min_length=1,
        ),
    ]


class NanoBananaRequest(RootModel[NanoBananaRequest1 | NanoBananaRequest2]):
    root: Annotated[
        NanoBananaRequest1 | NanoBananaRequest2,
        Field(
            description="Text-to-image: omit source_media_urls. Image-to-image: pass source_media_urls (up to 10 image URLs).",
            examples=[
                {"model": "nano-banana", "prompt": "A red fox in fresh snow, cinematic light"},
                {
                    "model": "nano-banana",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="nano-banana request",
        ),
    ]


class NanoBanana2Request1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-2"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBanana2Request2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-2"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 8 images, as https:// URLs.",
            max_length=8,
            min_length=1,
        ),
    ]
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBanana2Request(RootModel[NanoBanana2Request1 | NanoBanana2Request2]):
    root: Annotated[
        NanoBanana2Request1 | NanoBanana2Request2,
        Field(
            description="Standard resolution (1K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images. Google Search grounding is always enabled.",
            examples=[
                {"model": "nano-banana-2", "prompt": "A red fox in fresh snow, cinematic light"},
                {
                    "model": "nano-banana-2",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="nano-banana-2 request",
        ),
    ]


class NanoBanana22KRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-2-2K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBanana22KRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-2-2K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 8 images, as https:// URLs.",
            max_length=8,
            min_length=1,
        ),
    ]
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBanana22KRequest(RootModel[NanoBanana22KRequest1 | NanoBanana22KRequest2]):
    root: Annotated[
        NanoBanana22KRequest1 | NanoBanana22KRequest2,
        Field(
            description="High resolution (2K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images. Google Search grounding is always enabled.",
            examples=[
                {"model": "nano-banana-2-2K", "prompt": "A red fox in fresh snow, cinematic light"},
                {
                    "model": "nano-banana-2-2K",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="nano-banana-2-2K request",
        ),
    ]


class NanoBanana24KRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-2-4K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBanana24KRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-2-4K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 8 images, as https:// URLs.",
            max_length=8,
            min_length=1,
        ),
    ]
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBanana24KRequest(RootModel[NanoBanana24KRequest1 | NanoBanana24KRequest2]):
    root: Annotated[
        NanoBanana24KRequest1 | NanoBanana24KRequest2,
        Field(
            description="Ultra-high resolution (4K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images. Google Search grounding is always enabled.",
            examples=[
                {"model": "nano-banana-2-4K", "prompt": "A red fox in fresh snow, cinematic light"},
                {
                    "model": "nano-banana-2-4K",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="nano-banana-2-4K request",
        ),
    ]


class NanoBananaEditRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-edit"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-image"], Field(description="The generation mode.")
    ] = "image-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 10 images, as https:// URLs.",
            max_length=10,
            min_length=1,
        ),
    ]


class NanoBananaProRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-pro"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBananaProRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-pro"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 8 images, as https:// URLs.",
            max_length=8,
            min_length=1,
        ),
    ]
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBananaProRequest(RootModel[NanoBananaProRequest1 | NanoBananaProRequest2]):
    root: Annotated[
        NanoBananaProRequest1 | NanoBananaProRequest2,
        Field(
            description="Standard resolution (1K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images.",
            examples=[
                {"model": "nano-banana-pro", "prompt": "A red fox in fresh snow, cinematic light"},
                {
                    "model": "nano-banana-pro",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="nano-banana-pro request",
        ),
    ]


class NanoBananaPro2KRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-pro-2K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBananaPro2KRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-pro-2K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 8 images, as https:// URLs.",
            max_length=8,
            min_length=1,
        ),
    ]
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBananaPro2KRequest(RootModel[NanoBananaPro2KRequest1 | NanoBananaPro2KRequest2]):
    root: Annotated[
        NanoBananaPro2KRequest1 | NanoBananaPro2KRequest2,
        Field(
            description="High resolution (2K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images.",
            examples=[
                {
                    "model": "nano-banana-pro-2K",
                    "prompt": "A red fox in fresh snow, cinematic light",
                },
                {
                    "model": "nano-banana-pro-2K",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="nano-banana-pro-2K request",
        ),
    ]


class NanoBananaPro4KRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-pro-4K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBananaPro4KRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["nano-banana-pro-4K"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 20,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=20000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 8 images, as https:// URLs.",
            max_length=8,
            min_length=1,
        ),
    ]
    aspect_ratio: (
        Literal["1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"] | MISSING
    ) = MISSING


class NanoBananaPro4KRequest(RootModel[NanoBananaPro4KRequest1 | NanoBananaPro4KRequest2]):
    root: Annotated[
        NanoBananaPro4KRequest1 | NanoBananaPro4KRequest2,
        Field(
            description="Ultra-high resolution (4K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images.",
            examples=[
                {
                    "model": "nano-banana-pro-4K",
                    "prompt": "A red fox in fresh snow, cinematic light",
                },
                {
                    "model": "nano-banana-pro-4K",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="nano-banana-pro-4K request",
        ),
    ]


class Seedance15ProRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["seedance-1-5-pro"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING,
        Field(description="text-to-video: up to 1 image, as https:// URLs.", max_length=1),
    ] = MISSING
    duration: Annotated[
        Literal["4s", "8s", "12s"] | MISSING, Field(description="The video length.")
    ] = MISSING
    sound: Annotated[StrictBool | MISSING, Field(description="Generate an audio track.")] = MISSING
    fixed_lens: StrictBool | MISSING = MISSING
    resolution: Literal["480p", "720p", "1080p"] | MISSING = MISSING


class Seedance15ProRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["seedance-1-5-pro"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-video"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: exactly 2 images, as https:// URLs.",
            max_length=2,
            min_length=2,
        ),
    ]
    duration: Annotated[
        Literal["4s", "8s", "12s"] | MISSING, Field(description="The video length.")
    ] = MISSING
    sound: Annotated[StrictBool | MISSING, Field(description="Generate an audio track.")] = MISSING
    fixed_lens: StrictBool | MISSING = MISSING
    resolution: Literal["480p", "720p", "1080p"] | MISSING = MISSING


class Seedance15ProRequest(RootModel[Seedance15ProRequest1 | Seedance15ProRequest2]):
    root: Annotated[
        Seedance15ProRequest1 | Seedance15ProRequest2,
        Field(
            description="Seedance 1.5 Pro. Two modes: (1) text-to-video: 0–1 image optional; (2) image-to-video: exactly 2 images (start + end frame) required. duration 4s, 8s, or 12s. Resolutions: 480p, 720p, 1080p. sound: true for generated audio. fixed_lens (boolean): when true, keeps camera/lens fixed. Variants: e.g. seedance-1-5-pro-720p-8s, seedance-1-5-pro-1080p-12s-audio.",
            examples=[
                {
                    "model": "seedance-1-5-pro",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "duration": "4s",
                },
                {
                    "model": "seedance-1-5-pro",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-video",
                    "source_media_urls": [
                        "https://example.com/input-1.png",
                        "https://example.com/input-2.png",
                    ],
                    "duration": "4s",
                },
            ],
            title="seedance-1-5-pro request",
        ),
    ]


class SeedreamV45Request1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["seedream-v4-5"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 3,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=3000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING
    aspect_ratio: Annotated[
        StrictStr | MISSING,
        Field(
            description="An aspect ratio written W:H, such as 16:9.",
            pattern="^[1-9][0-9]*:[1-9][0-9]*(?![\\s\\S])",
        ),
    ] = MISSING
    quality: Literal["basic", "high"] | MISSING = MISSING


class SeedreamV45Request2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["seedream-v4-5"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 3,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=3000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-image"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 10 images, as https:// URLs.",
            max_length=10,
            min_length=1,
        ),
    ]
    aspect_ratio: Annotated[
        StrictStr | MISSING,
        Field(
            description="An aspect ratio written W:H, such as 16:9.",
            pattern="^[1-9][0-9]*:[1-9][0-9]*(?![\\s\\S])",
        ),
    ] = MISSING
    quality: Literal["basic", "high"] | MISSING = MISSING


class SeedreamV45Request(RootModel[SeedreamV45Request1 | SeedreamV45Request2]):
    root: Annotated[
        SeedreamV45Request1 | SeedreamV45Request2,
        Field(
            description="Seedream 4.5 (served by seedream-v4-5-edit edge function). Text-to-image: omit source_media_urls. Image-to-image: pass source_media_urls (up to 10). Prompt max 3000 chars. quality: basic or high. aspect_ratio e.g. 1:1, 9:16, 16:9.",
            examples=[
                {"model": "seedream-v4-5", "prompt": "A red fox in fresh snow, cinematic light"},
                {
                    "model": "seedream-v4-5",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-image",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="seedream-v4-5 request",
        ),
    ]


class SeedreamV45EditRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["seedream-v4-5-edit"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 3,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=3000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-image"], Field(description="The generation mode.")
    ] = "image-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 10 images, as https:// URLs.",
            max_length=10,
            min_length=1,
        ),
    ]


class SeedreamV4EditRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["seedream-v4-edit"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 2,500 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=2500,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-image"], Field(description="The generation mode.")
    ] = "image-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-image: 1 to 10 images, as https:// URLs.",
            max_length=10,
            min_length=1,
        ),
    ]


class Sora2Request1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["sora-2"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-video: no URLs.", max_length=0)
    ] = MISSING
    duration: Annotated[Literal["10s", "15s"] | MISSING, Field(description="The video length.")] = (
        MISSING
    )


class Sora2Request2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["sora-2"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-video"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: exactly 1 image, as https:// URLs.",
            max_length=1,
            min_length=1,
        ),
    ]
    duration: Annotated[Literal["10s", "15s"] | MISSING, Field(description="The video length.")] = (
        MISSING
    )


class Sora2Request(RootModel[Sora2Request1 | Sora2Request2]):
    root: Annotated[
        Sora2Request1 | Sora2Request2,
        Field(
            description="Text-to-video: omit source_media_urls; use duration 10s or 15s. Image-to-video: pass exactly one image URL in source_media_urls.",
            examples=[
                {
                    "model": "sora-2",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "duration": "10s",
                },
                {
                    "model": "sora-2",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-video",
                    "source_media_urls": ["https://example.com/input-1.png"],
                    "duration": "10s",
                },
            ],
            title="sora-2 request",
        ),
    ]


class Sora2ProRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["sora-2-pro"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-video: no URLs.", max_length=0)
    ] = MISSING
    duration: Annotated[Literal["10s", "15s"] | MISSING, Field(description="The video length.")] = (
        MISSING
    )
    quality: Literal["standard", "pro", "hd"] | MISSING = MISSING


class Sora2ProRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["sora-2-pro"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-video"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: exactly 1 image, as https:// URLs.",
            max_length=1,
            min_length=1,
        ),
    ]
    duration: Annotated[Literal["10s", "15s"] | MISSING, Field(description="The video length.")] = (
        MISSING
    )
    quality: Literal["standard", "pro", "hd"] | MISSING = MISSING


class Sora2ProRequest(RootModel[Sora2ProRequest1 | Sora2ProRequest2]):
    root: Annotated[
        Sora2ProRequest1 | Sora2ProRequest2,
        Field(
            description="Same as sora-2. quality: standard or pro/hd for HD. duration 10s or 15s.",
            examples=[
                {
                    "model": "sora-2-pro",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "duration": "10s",
                },
                {
                    "model": "sora-2-pro",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-video",
                    "source_media_urls": ["https://example.com/input-1.png"],
                    "duration": "10s",
                },
            ],
            title="sora-2-pro request",
        ),
    ]


class Sora2ProStoryboardRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["sora-2-pro-storyboard"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING,
        Field(description="text-to-video: up to 1 image, as https:// URLs.", max_length=1),
    ] = MISSING
    duration: Annotated[
        Literal["10s", "15s", "25s"] | MISSING, Field(description="The video length.")
    ] = MISSING


class Sora2ProStoryboardRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["sora-2-pro-storyboard"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-video"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: exactly 1 image, as https:// URLs.",
            max_length=1,
            min_length=1,
        ),
    ]
    duration: Annotated[
        Literal["10s", "15s", "25s"] | MISSING, Field(description="The video length.")
    ] = MISSING


class Sora2ProStoryboardRequest(RootModel[Sora2ProStoryboardRequest1 | Sora2ProStoryboardRequest2]):
    root: Annotated[
        Sora2ProStoryboardRequest1 | Sora2ProStoryboardRequest2,
        Field(
            description="Scene-based. duration 10s, 15s, or 25s. Optional single image in source_media_urls.",
            examples=[
                {
                    "model": "sora-2-pro-storyboard",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "duration": "10s",
                },
                {
                    "model": "sora-2-pro-storyboard",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-video",
                    "source_media_urls": ["https://example.com/input-1.png"],
                    "duration": "10s",
                },
            ],
            title="sora-2-pro-storyboard request",
        ),
    ]


class V1ProFastI2vRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["v1-pro-fast-i2v"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["image-to-video"], Field(description="The generation mode.")
    ] = "image-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: exactly 1 image, as https:// URLs.",
            max_length=1,
            min_length=1,
        ),
    ]
    duration: Annotated[Literal["5s", "10s"] | MISSING, Field(description="The video length.")] = (
        MISSING
    )


class Veo31Request1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["veo3-1"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING,
        Field(description="text-to-video: up to 1 image, as https:// URLs.", max_length=1),
    ] = MISSING


class Veo31Request2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["veo3-1"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-video"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: 1 to 3 images, as https:// URLs.",
            max_length=3,
            min_length=1,
        ),
    ]


class Veo31Request(RootModel[Veo31Request1 | Veo31Request2]):
    root: Annotated[
        Veo31Request1 | Veo31Request2,
        Field(
            description="Text-to-video: omit or 1 optional ref image. Image-to-video / reference modes: 1-3 images. Duration not set via parameter.",
            examples=[
                {"model": "veo3-1", "prompt": "A red fox in fresh snow, cinematic light"},
                {
                    "model": "veo3-1",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-video",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="veo3-1 request",
        ),
    ]


class Veo31FastRequest1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["veo3-1-fast"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING,
        Field(description="text-to-video: up to 1 image, as https:// URLs.", max_length=1),
    ] = MISSING


class Veo31FastRequest2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["veo3-1-fast"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-video"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: 1 to 3 images, as https:// URLs.",
            max_length=3,
            min_length=1,
        ),
    ]


class Veo31FastRequest(RootModel[Veo31FastRequest1 | Veo31FastRequest2]):
    root: Annotated[
        Veo31FastRequest1 | Veo31FastRequest2,
        Field(
            description="Same as veo3-1; different model_id for speed. Duration not configurable.",
            examples=[
                {"model": "veo3-1-fast", "prompt": "A red fox in fresh snow, cinematic light"},
                {
                    "model": "veo3-1-fast",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-video",
                    "source_media_urls": ["https://example.com/input-1.png"],
                },
            ],
            title="veo3-1-fast request",
        ),
    ]


class Wan25Request1(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["wan-2-5"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 800 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=800,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-video"], Field(description="The generation mode.")
    ] = "text-to-video"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-video: no URLs.", max_length=0)
    ] = MISSING
    duration: Annotated[Literal["5s", "10s"] | MISSING, Field(description="The video length.")] = (
        MISSING
    )
    negative_prompt: Annotated[
        StrictStr | MISSING,
        Field(
            description="What to avoid: at most 800 characters. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=800,
            pattern="^[\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ] = MISSING


class Wan25Request2(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["wan-2-5"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 800 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=800,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[Literal["image-to-video"], Field(description="The generation mode.")]
    source_media_urls: Annotated[
        list[SourceMediaUrl],
        Field(
            description="image-to-video: exactly 1 image, as https:// URLs.",
            max_length=1,
            min_length=1,
        ),
    ]
    duration: Annotated[Literal["5s", "10s"] | MISSING, Field(description="The video length.")] = (
        MISSING
    )
    negative_prompt: Annotated[
        StrictStr | MISSING,
        Field(
            description="What to avoid: at most 800 characters. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=800,
            pattern="^[\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ] = MISSING


class Wan25Request(RootModel[Wan25Request1 | Wan25Request2]):
    root: Annotated[
        Wan25Request1 | Wan25Request2,
        Field(
            description="Prompt max 800 chars. Text-to-video: omit source_media_urls. Image-to-video: exactly one image URL. duration 5s or 10s. negative_prompt supported.",
            examples=[
                {
                    "model": "wan-2-5",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "duration": "5s",
                },
                {
                    "model": "wan-2-5",
                    "prompt": "A red fox in fresh snow, cinematic light",
                    "generation_type": "image-to-video",
                    "source_media_urls": ["https://example.com/input-1.png"],
                    "duration": "5s",
                },
            ],
            title="wan-2-5 request",
        ),
    ]


class ZImageRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        regex_engine="python-re",
    )
    model: Annotated[Literal["Z-image"], Field(description="The model_id.")]
    prompt: Annotated[
        StrictStr,
        Field(
            description="The prompt: 1 to 5,000 characters, not all whitespace. Unicode text: no lone surrogate (such as \\ud800).",
            max_length=5000,
            min_length=1,
            pattern="^[\\x09-\\x0d\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]*[\\x00-\\x08\\x0e-\\x1f!-\\x84\\x86-\\x9f\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff][\\x00-\\ud7ff\\ue000-\U0010ffff]*(?![\\s\\S])",
        ),
    ]
    generation_type: Annotated[
        Literal["text-to-image"], Field(description="The generation mode.")
    ] = "text-to-image"
    source_media_urls: Annotated[
        list[SourceMediaUrl] | MISSING, Field(description="text-to-image: no URLs.", max_length=0)
    ] = MISSING


# Union[...] rather than A | B | ...: a long chain of | is too deep for the compiler.
class GenerateMediaRequest(
    RootModel[
        Union[
            Model5LiteImageToImageRequest,
            Model5LiteTextToImageRequest,
            Flux2Request,
            Flux21KRequest,
            Flux22KRequest,
            Flux2Edit1KRequest,
            Flux2Edit2KRequest,
            Gpt15ImageHighRequest,
            Gpt15ImageMediumRequest,
            GrokImageToVideoRequest,
            GrokTextToImageRequest,
            GrokTextToVideo6sRequest,
            Imagen4Request,
            Imagen4FastRequest,
            Imagen4UltraRequest,
            Kling25ImageToVideoProRequest,
            Kling26ImageToVideoRequest,
            Kling26MotionControl1080pRequest,
            Kling26MotionControl720pRequest,
            Kling26TextToVideoRequest,
            Kling30MotionControl1080pRequest,
            Kling30MotionControl720pRequest,
            Kling30ProRequest,
            Kling30StdRequest,
            NanoBananaRequest,
            NanoBanana2Request,
            NanoBanana22KRequest,
            NanoBanana24KRequest,
            NanoBananaEditRequest,
            NanoBananaProRequest,
            NanoBananaPro2KRequest,
            NanoBananaPro4KRequest,
            Seedance15ProRequest,
            SeedreamV45Request,
            SeedreamV45EditRequest,
            SeedreamV4EditRequest,
            Sora2Request,
            Sora2ProRequest,
            Sora2ProStoryboardRequest,
            V1ProFastI2vRequest,
            Veo31Request,
            Veo31FastRequest,
            Wan25Request,
            ZImageRequest,
        ]
    ]
):
    root: Annotated[
        Union[
            Model5LiteImageToImageRequest,
            Model5LiteTextToImageRequest,
            Flux2Request,
            Flux21KRequest,
            Flux22KRequest,
            Flux2Edit1KRequest,
            Flux2Edit2KRequest,
            Gpt15ImageHighRequest,
            Gpt15ImageMediumRequest,
            GrokImageToVideoRequest,
            GrokTextToImageRequest,
            GrokTextToVideo6sRequest,
            Imagen4Request,
            Imagen4FastRequest,
            Imagen4UltraRequest,
            Kling25ImageToVideoProRequest,
            Kling26ImageToVideoRequest,
            Kling26MotionControl1080pRequest,
            Kling26MotionControl720pRequest,
            Kling26TextToVideoRequest,
            Kling30MotionControl1080pRequest,
            Kling30MotionControl720pRequest,
            Kling30ProRequest,
            Kling30StdRequest,
            NanoBananaRequest,
            NanoBanana2Request,
            NanoBanana22KRequest,
            NanoBanana24KRequest,
            NanoBananaEditRequest,
            NanoBananaProRequest,
            NanoBananaPro2KRequest,
            NanoBananaPro4KRequest,
            Seedance15ProRequest,
            SeedreamV45Request,
            SeedreamV45EditRequest,
            SeedreamV4EditRequest,
            Sora2Request,
            Sora2ProRequest,
            Sora2ProStoryboardRequest,
            V1ProFastI2vRequest,
            Veo31Request,
            Veo31FastRequest,
            Wan25Request,
            ZImageRequest,
        ],
        Field(
            description="A generation request; `model` selects the model and its limits.",
            discriminator="model",
        ),
    ]
