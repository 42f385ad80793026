# Code generated from spec/models.yaml by modelspec. DO NOT EDIT.
# Regenerate with: make regen
"""Per-model limits of POST /v1/generate/media, and the request check that enforces them.

Stdlib only: the API server imports this module directly.

- ``MODEL_LIMITS`` holds every model, in the requirements page's order.
- ``get_model_limits(model_id)`` looks one up; ``capabilities(model_id)`` gives the JSON-ready
  entry for GET /v1/models.
- ``validate_request(body)`` returns every problem of a request body, ``[]`` when it is valid.
  It agrees with the generated JSON Schemas and Pydantic models on every body. An unknown
  model is ``unknown_model``; when the id is a near miss of a listed one (case, surrounding
  whitespace, ``.``/``_`` for ``-``, one character added, dropped, changed or swapped, a part
  missing or added at either end), the message suggests up to three listed ids.
- Variants: a model may also answer to ids that fix request values, such as
  ``seedance-1-5-pro-720p-8s``. Each variant is in ``MODEL_LIMITS`` with its family's limits,
  its ``family`` and the values its id fixes (``fixed``); ``family_models(family_id)`` gives
  every variant of a family. A body sent to a variant may omit a fixed value or repeat it;
  another value is a ``variant_conflict``.

Models the spec does not list (enabled in the product, known only to the database):

- ``ModelLimits.from_capabilities(entry)`` builds the limits of one from its GET /v1/models
  entry: ``model_id`` plus the keys ``capabilities`` returns; any other key (pricing, display
  names) is ignored. The keys the spec requires (generation_types, requires_input_media,
  usage_notes, limits.prompt_max) are required; the others default as the spec's do. A
  malformed entry raises ``CapabilitiesError`` (a ValueError) naming the model and the JSON
  pointer of the bad value. For every listed model, ``from_capabilities(capabilities(id))``
  equals ``MODEL_LIMITS[id]``.
- ``validate_request(body, extra=unlisted)`` validates a body against them: ``extra`` maps
  model_id -> ModelLimits and is consulted only for ids the spec lacks (the spec wins, as in
  the merge rule). Each ``extra[id].model_id`` must be ``id`` (else ValueError). The request
  rules of a limits object are built on first use and kept (up to 1,024 objects), so build
  the limits once, when the database's catalog is read, not for each request.

Merge rule for GET /v1/models: start from the model's database metadata, then overwrite each
key that ``capabilities`` returns. The spec wins on every key it defines; keys only the
database has (pricing hints, display names) pass through unchanged.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, NoReturn

__all__ = [
    "MODEL_LIMITS",
    "CapabilitiesError",
    "InputRule",
    "ModelLimits",
    "Parameter",
    "RequestError",
    "capabilities",
    "family_models",
    "get_model_limits",
    "validate_request",
]


@dataclass(frozen=True, slots=True)
class InputRule:
    """How many source_media_urls one generation type takes, and the order of their kinds."""

    generation_type: str
    min_images: int
    max_images: int
    min_videos: int
    max_videos: int
    order: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Parameter:
    """A model-specific field. ``kind`` is "values" (a closed list), "boolean", "ratio" (W:H),
    "integer" or "number" (within ``minimum`` and ``maximum``, where given; 2.0 is the integer
    2) or "string" (at most ``max_length`` characters). ``default`` is what the API applies when
    a request omits the field; None when it has none."""

    name: str
    kind: str
    values: tuple[str, ...] = ()
    minimum: int | float | None = None
    maximum: int | float | None = None
    max_length: int | None = None
    default: str | bool | int | float | None = None


@dataclass(frozen=True, slots=True)
class ModelLimits:
    """The limits of one model, as the requirements page lists them, plus its request rules."""

    model_id: str
    prompt_max: int
    generation_types: tuple[str, ...]
    requires_input: bool
    input_media_types: tuple[str, ...]
    max_images: int
    max_videos: int | None
    duration_options: tuple[str, ...]
    negative_prompt: bool
    sound: bool
    usage_notes: str
    inputs: tuple[InputRule, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    # A variant: the model whose limits it has, and the (field, value) pairs its id fixes.
    family: str | None = None
    fixed: tuple[tuple[str, object], ...] = ()

    # Fields the model accepts and ignores (of duration, negative_prompt, sound): any value of
    # the field's type passes, and changes nothing.
    ignored: tuple[str, ...] = ()

    @classmethod
    def from_capabilities(cls, entry: object) -> ModelLimits:
        """The limits a GET /v1/models entry describes: ``model_id`` plus the keys that
        ``capabilities`` returns, other keys ignored. Raises CapabilitiesError when malformed."""
        return _limits_from_capabilities(entry)


@dataclass(frozen=True, slots=True)
class RequestError:
    """One problem of a request body: where (a JSON pointer), what (a stable code) and why."""

    field: str
    code: str
    message: str


MODEL_LIMITS: Mapping[str, ModelLimits] = MappingProxyType(
    {
        "5-lite-image-to-image": ModelLimits(
            model_id="5-lite-image-to-image",
            prompt_max=2995,
            generation_types=("image-to-image",),
            requires_input=True,
            input_media_types=("image",),
            max_images=10,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Seedream 5 Lite Edit (same edge function as 5-lite-text-to-image). Image-to-image only. Require source_media_urls (up to 10 image URLs). Set generation_type='image-to-image'.",
            inputs=(InputRule("image-to-image", 1, 10, 0, 0),),
        ),
        "5-lite-text-to-image": ModelLimits(
            model_id="5-lite-text-to-image",
            prompt_max=2995,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=10,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Seedream 5 Lite (served by seedream-v5-lite-edit edge function). Text-to-image: omit source_media_urls. Image-to-image: pass source_media_urls (up to 10). Prompt max 2995 chars. quality: basic or high. aspect_ratio e.g. 1:1, 9:16, 16:9.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 10, 0, 0),
            ),
            parameters=(
                Parameter("aspect_ratio", "ratio"),
                Parameter("quality", "values", ("basic", "high")),
            ),
        ),
        "flux-2": ModelLimits(
            model_id="flux-2",
            prompt_max=5000,
            generation_types=("text-to-image",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Text-to-image only (1K resolution). Do not pass source_media_urls.",
            inputs=(InputRule("text-to-image", 0, 0, 0, 0),),
        ),
        "flux-2-1K": ModelLimits(
            model_id="flux-2-1K",
            prompt_max=5000,
            generation_types=("text-to-image",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Flux 2 (1K resolution). Text-to-image only. Do not pass source_media_urls.",
            inputs=(InputRule("text-to-image", 0, 0, 0, 0),),
        ),
        "flux-2-2K": ModelLimits(
            model_id="flux-2-2K",
            prompt_max=5000,
            generation_types=("text-to-image",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Flux 2 (2K resolution). Text-to-image only. Do not pass source_media_urls.",
            inputs=(InputRule("text-to-image", 0, 0, 0, 0),),
        ),
        "flux-2-edit-1K": ModelLimits(
            model_id="flux-2-edit-1K",
            prompt_max=5000,
            generation_types=("image-to-image",),
            requires_input=True,
            input_media_types=("image",),
            max_images=8,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Flux 2 Edit (1K resolution). Image-to-image only. Requires 1-8 image URLs. Set generation_type='image-to-image'.",
            inputs=(InputRule("image-to-image", 1, 8, 0, 0),),
        ),
        "flux-2-edit-2K": ModelLimits(
            model_id="flux-2-edit-2K",
            prompt_max=5000,
            generation_types=("image-to-image",),
            requires_input=True,
            input_media_types=("image",),
            max_images=8,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Flux 2 Edit (2K resolution). Image-to-image only. Requires 1-8 image URLs. Set generation_type='image-to-image'.",
            inputs=(InputRule("image-to-image", 1, 8, 0, 0),),
        ),
        "gpt-1.5-image-high": ModelLimits(
            model_id="gpt-1.5-image-high",
            prompt_max=3000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=16,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Same as gpt-1.5-image-medium. Prompt max 3000 chars. quality: high.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 16, 0, 0),
            ),
            parameters=(Parameter("quality", "values", ("high",)),),
        ),
        "gpt-1.5-image-medium": ModelLimits(
            model_id="gpt-1.5-image-medium",
            prompt_max=3000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=16,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Text-to-image: omit source_media_urls. Image-to-image: pass source_media_urls (up to 16 images). Prompt max 3000 chars. quality: medium or high.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 16, 0, 0),
            ),
            parameters=(Parameter("quality", "values", ("medium", "high")),),
        ),
        "grok-image-to-video": ModelLimits(
            model_id="grok-image-to-video",
            prompt_max=5000,
            generation_types=("image-to-video",),
            requires_input=True,
            input_media_types=("image",),
            max_images=1,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Image-to-video only. Require source_media_urls with exactly one image URL. Duration not configurable.",
            inputs=(InputRule("image-to-video", 1, 1, 0, 0),),
        ),
        "grok-text-to-image": ModelLimits(
            model_id="grok-text-to-image",
            prompt_max=5000,
            generation_types=("text-to-image",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Text-to-image only. Omit source_media_urls.",
            inputs=(InputRule("text-to-image", 0, 0, 0, 0),),
        ),
        "grok-text-to-video-6s": ModelLimits(
            model_id="grok-text-to-video-6s",
            prompt_max=5000,
            generation_types=("text-to-video",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Text-to-video only. Fixed 6s duration; duration parameter ignored. Omit source_media_urls.",
            inputs=(InputRule("text-to-video", 0, 0, 0, 0),),
            ignored=("duration",),
        ),
        "imagen-4": ModelLimits(
            model_id="imagen-4",
            prompt_max=5000,
            generation_types=("text-to-image",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=(),
            negative_prompt=True,
            sound=False,
            usage_notes="Text-to-image only. Do not pass source_media_urls. negative_prompt supported. quality: standard, fast, ultra.",
            inputs=(InputRule("text-to-image", 0, 0, 0, 0),),
            parameters=(Parameter("quality", "values", ("standard", "fast", "ultra")),),
        ),
        "imagen-4-fast": ModelLimits(
            model_id="imagen-4-fast",
            prompt_max=5000,
            generation_types=("text-to-image",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=(),
            negative_prompt=True,
            sound=False,
            usage_notes="Fast version of Imagen 4. Text-to-image only. Omit source_media_urls. negative_prompt supported.",
            inputs=(InputRule("text-to-image", 0, 0, 0, 0),),
        ),
        "imagen-4-ultra": ModelLimits(
            model_id="imagen-4-ultra",
            prompt_max=5000,
            generation_types=("text-to-image",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=(),
            negative_prompt=True,
            sound=False,
            usage_notes="Ultra version of Imagen 4. Text-to-image only. Omit source_media_urls. negative_prompt supported.",
            inputs=(InputRule("text-to-image", 0, 0, 0, 0),),
        ),
        "kling-2-5-image-to-video-pro": ModelLimits(
            model_id="kling-2-5-image-to-video-pro",
            prompt_max=2500,
            generation_types=("image-to-video",),
            requires_input=True,
            input_media_types=("image",),
            max_images=2,
            max_videos=None,
            duration_options=(),
            negative_prompt=True,
            sound=False,
            usage_notes="Image-to-video with start and end frame. Require source_media_urls with exactly 2 image URLs. negative_prompt supported. Prompt max 2500 chars.",
            inputs=(InputRule("image-to-video", 2, 2, 0, 0),),
        ),
        "kling-2-6-image-to-video": ModelLimits(
            model_id="kling-2-6-image-to-video",
            prompt_max=2500,
            generation_types=("image-to-video",),
            requires_input=True,
            input_media_types=("image",),
            max_images=1,
            max_videos=None,
            duration_options=("5s", "10s"),
            negative_prompt=False,
            sound=True,
            usage_notes="Image-to-video only. Require source_media_urls with exactly one image URL. duration 5s or 10s. sound: true for audio. Prompt max 2500 chars.",
            inputs=(InputRule("image-to-video", 1, 1, 0, 0),),
        ),
        "kling-2-6-motion-control-1080p": ModelLimits(
            model_id="kling-2-6-motion-control-1080p",
            prompt_max=2500,
            generation_types=("image-to-video",),
            requires_input=True,
            input_media_types=("image", "video"),
            max_images=1,
            max_videos=1,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Same as kling-2-6-motion-control-720p. Requires 1 image + 1 video URL in source_media_urls.",
            inputs=(InputRule("image-to-video", 1, 1, 1, 1, ("image", "video")),),
        ),
        "kling-2-6-motion-control-720p": ModelLimits(
            model_id="kling-2-6-motion-control-720p",
            prompt_max=2500,
            generation_types=("image-to-video",),
            requires_input=True,
            input_media_types=("image", "video"),
            max_images=1,
            max_videos=1,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Motion Control: requires exactly 1 image URL + 1 video URL in source_media_urls (image first, then video). Video max 30s, typically MP4/WebM up to 100MB.",
            inputs=(InputRule("image-to-video", 1, 1, 1, 1, ("image", "video")),),
        ),
        "kling-2-6-text-to-video": ModelLimits(
            model_id="kling-2-6-text-to-video",
            prompt_max=2500,
            generation_types=("text-to-video",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=("5s", "10s"),
            negative_prompt=False,
            sound=True,
            usage_notes="Text-to-video only. Omit source_media_urls. duration 5s or 10s. Set sound: true for generated audio. Prompt max 2500 chars.",
            inputs=(InputRule("text-to-video", 0, 0, 0, 0),),
        ),
        "kling-3-0-motion-control-1080p": ModelLimits(
            model_id="kling-3-0-motion-control-1080p",
            prompt_max=2500,
            generation_types=("image-to-video",),
            requires_input=True,
            input_media_types=("image", "video"),
            max_images=1,
            max_videos=1,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Same as kling-3-0-motion-control-720p. Requires 1 image + 1 video URL in source_media_urls.",
            inputs=(InputRule("image-to-video", 1, 1, 1, 1, ("image", "video")),),
        ),
        "kling-3-0-motion-control-720p": ModelLimits(
            model_id="kling-3-0-motion-control-720p",
            prompt_max=2500,
            generation_types=("image-to-video",),
            requires_input=True,
            input_media_types=("image", "video"),
            max_images=1,
            max_videos=1,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Same as Kling 2.6 Motion Control. Requires 1 image + 1 video URL in source_media_urls (image first, then video). Video max 30s.",
            inputs=(InputRule("image-to-video", 1, 1, 1, 1, ("image", "video")),),
        ),
        "kling-3-0-pro": ModelLimits(
            model_id="kling-3-0-pro",
            prompt_max=2500,
            generation_types=("text-to-video", "image-to-video"),
            requires_input=False,
            input_media_types=("image",),
            max_images=2,
            max_videos=None,
            duration_options=("3s", "5s", "8s", "10s", "15s"),
            negative_prompt=False,
            sound=True,
            usage_notes="Kling 3.0 pro. Same rules as kling-3-0-std; higher quality tier. Text-to-video: omit source_media_urls. Image-to-video: 1\u20132 image URLs. duration 3s\u201315s. sound: true for generated audio. @element_name references supported.",
            inputs=(
                InputRule("text-to-video", 0, 0, 0, 0),
                InputRule("image-to-video", 1, 2, 0, 0),
            ),
        ),
        "kling-3-0-std": ModelLimits(
            model_id="kling-3-0-std",
            prompt_max=2500,
            generation_types=("text-to-video", "image-to-video"),
            requires_input=False,
            input_media_types=("image",),
            max_images=2,
            max_videos=None,
            duration_options=("3s", "5s", "8s", "10s", "15s"),
            negative_prompt=False,
            sound=True,
            usage_notes="Kling 3.0 standard. Text-to-video: omit source_media_urls. Image-to-video: pass 1\u20132 image URLs (start frame, or start + end frame). duration 3s\u201315s. sound: true for generated audio. Supports @element_name references in prompt (see Media tools docs).",
            inputs=(
                InputRule("text-to-video", 0, 0, 0, 0),
                InputRule("image-to-video", 1, 2, 0, 0),
            ),
        ),
        "nano-banana": ModelLimits(
            model_id="nano-banana",
            prompt_max=5000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=10,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Text-to-image: omit source_media_urls. Image-to-image: pass source_media_urls (up to 10 image URLs).",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 10, 0, 0),
            ),
        ),
        "nano-banana-2": ModelLimits(
            model_id="nano-banana-2",
            prompt_max=20000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=8,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Standard resolution (1K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images. Google Search grounding is always enabled.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 8, 0, 0),
            ),
            parameters=(
                Parameter(
                    "aspect_ratio",
                    "values",
                    ("1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"),
                ),
            ),
        ),
        "nano-banana-2-2K": ModelLimits(
            model_id="nano-banana-2-2K",
            prompt_max=20000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=8,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="High resolution (2K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images. Google Search grounding is always enabled.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 8, 0, 0),
            ),
            parameters=(
                Parameter(
                    "aspect_ratio",
                    "values",
                    ("1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"),
                ),
            ),
        ),
        "nano-banana-2-4K": ModelLimits(
            model_id="nano-banana-2-4K",
            prompt_max=20000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=8,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Ultra-high resolution (4K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images. Google Search grounding is always enabled.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 8, 0, 0),
            ),
            parameters=(
                Parameter(
                    "aspect_ratio",
                    "values",
                    ("1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"),
                ),
            ),
        ),
        "nano-banana-edit": ModelLimits(
            model_id="nano-banana-edit",
            prompt_max=5000,
            generation_types=("image-to-image",),
            requires_input=True,
            input_media_types=("image",),
            max_images=10,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Requires source_media_urls with image URL(s). Up to 10 images. Set generation_type='image-to-image'.",
            inputs=(InputRule("image-to-image", 1, 10, 0, 0),),
        ),
        "nano-banana-pro": ModelLimits(
            model_id="nano-banana-pro",
            prompt_max=20000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=8,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Standard resolution (1K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 8, 0, 0),
            ),
            parameters=(
                Parameter(
                    "aspect_ratio",
                    "values",
                    ("1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"),
                ),
            ),
        ),
        "nano-banana-pro-2K": ModelLimits(
            model_id="nano-banana-pro-2K",
            prompt_max=20000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=8,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="High resolution (2K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 8, 0, 0),
            ),
            parameters=(
                Parameter(
                    "aspect_ratio",
                    "values",
                    ("1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"),
                ),
            ),
        ),
        "nano-banana-pro-4K": ModelLimits(
            model_id="nano-banana-pro-4K",
            prompt_max=20000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=8,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Ultra-high resolution (4K). Use aspect_ratio (1:1, 16:9, 9:16, 3:4, 4:3, 3:2, 2:3, 5:4, 4:5, 21:9). Text-to-image: omit source_media_urls. Image-to-image: up to 8 images.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 8, 0, 0),
            ),
            parameters=(
                Parameter(
                    "aspect_ratio",
                    "values",
                    ("1:1", "16:9", "9:16", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9"),
                ),
            ),
        ),
        "seedance-1-5-pro": ModelLimits(
            model_id="seedance-1-5-pro",
            prompt_max=5000,
            generation_types=("text-to-video", "image-to-video"),
            requires_input=False,
            input_media_types=("image",),
            max_images=2,
            max_videos=None,
            duration_options=("4s", "8s", "12s"),
            negative_prompt=False,
            sound=True,
            usage_notes="Seedance 1.5 Pro. Two modes: (1) text-to-video: 0\u20131 image optional; (2) image-to-video: exactly 2 images (start + end frame) required. duration 4s, 8s, or 12s. Resolutions: 480p, 720p, 1080p. sound: true for generated audio. fixed_lens (boolean): when true, keeps camera/lens fixed. Variants: e.g. seedance-1-5-pro-720p-8s, seedance-1-5-pro-1080p-12s-audio.",
            inputs=(
                InputRule("text-to-video", 0, 1, 0, 0),
                InputRule("image-to-video", 2, 2, 0, 0),
            ),
            parameters=(
                Parameter("fixed_lens", "boolean"),
                Parameter("resolution", "values", ("480p", "720p", "1080p")),
            ),
        ),
        "seedream-v4-5": ModelLimits(
            model_id="seedream-v4-5",
            prompt_max=3000,
            generation_types=("text-to-image", "image-to-image"),
            requires_input=False,
            input_media_types=(),
            max_images=10,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Seedream 4.5 (served by seedream-v4-5-edit edge function). Text-to-image: omit source_media_urls. Image-to-image: pass source_media_urls (up to 10). Prompt max 3000 chars. quality: basic or high. aspect_ratio e.g. 1:1, 9:16, 16:9.",
            inputs=(
                InputRule("text-to-image", 0, 0, 0, 0),
                InputRule("image-to-image", 1, 10, 0, 0),
            ),
            parameters=(
                Parameter("aspect_ratio", "ratio"),
                Parameter("quality", "values", ("basic", "high")),
            ),
        ),
        "seedream-v4-5-edit": ModelLimits(
            model_id="seedream-v4-5-edit",
            prompt_max=3000,
            generation_types=("image-to-image",),
            requires_input=True,
            input_media_types=("image",),
            max_images=10,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Seedream 4.5 Edit (same edge function as seedream-v4-5). Image-to-image only. Require source_media_urls (up to 10 image URLs). Set generation_type='image-to-image'.",
            inputs=(InputRule("image-to-image", 1, 10, 0, 0),),
        ),
        "seedream-v4-edit": ModelLimits(
            model_id="seedream-v4-edit",
            prompt_max=2500,
            generation_types=("image-to-image",),
            requires_input=True,
            input_media_types=("image",),
            max_images=10,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Image-to-image only. Require source_media_urls (up to 10 image URLs). Set generation_type='image-to-image'.",
            inputs=(InputRule("image-to-image", 1, 10, 0, 0),),
        ),
        "sora-2": ModelLimits(
            model_id="sora-2",
            prompt_max=5000,
            generation_types=("text-to-video", "image-to-video"),
            requires_input=False,
            input_media_types=(),
            max_images=1,
            max_videos=None,
            duration_options=("10s", "15s"),
            negative_prompt=False,
            sound=False,
            usage_notes="Text-to-video: omit source_media_urls; use duration 10s or 15s. Image-to-video: pass exactly one image URL in source_media_urls.",
            inputs=(
                InputRule("text-to-video", 0, 0, 0, 0),
                InputRule("image-to-video", 1, 1, 0, 0),
            ),
        ),
        "sora-2-pro": ModelLimits(
            model_id="sora-2-pro",
            prompt_max=5000,
            generation_types=("text-to-video", "image-to-video"),
            requires_input=False,
            input_media_types=(),
            max_images=1,
            max_videos=None,
            duration_options=("10s", "15s"),
            negative_prompt=False,
            sound=False,
            usage_notes="Same as sora-2. quality: standard or pro/hd for HD. duration 10s or 15s.",
            inputs=(
                InputRule("text-to-video", 0, 0, 0, 0),
                InputRule("image-to-video", 1, 1, 0, 0),
            ),
            parameters=(Parameter("quality", "values", ("standard", "pro", "hd")),),
        ),
        "sora-2-pro-storyboard": ModelLimits(
            model_id="sora-2-pro-storyboard",
            prompt_max=5000,
            generation_types=("text-to-video", "image-to-video"),
            requires_input=False,
            input_media_types=("image",),
            max_images=1,
            max_videos=None,
            duration_options=("10s", "15s", "25s"),
            negative_prompt=False,
            sound=False,
            usage_notes="Scene-based. duration 10s, 15s, or 25s. Optional single image in source_media_urls.",
            inputs=(
                InputRule("text-to-video", 0, 1, 0, 0),
                InputRule("image-to-video", 1, 1, 0, 0),
            ),
        ),
        "v1-pro-fast-i2v": ModelLimits(
            model_id="v1-pro-fast-i2v",
            prompt_max=5000,
            generation_types=("image-to-video",),
            requires_input=True,
            input_media_types=("image",),
            max_images=1,
            max_videos=None,
            duration_options=("5s", "10s"),
            negative_prompt=False,
            sound=False,
            usage_notes="Seedance 1.0 (model_id: v1-pro-fast-i2v). Image-to-video only. Require source_media_urls with exactly one image URL. duration 5s or 10s.",
            inputs=(InputRule("image-to-video", 1, 1, 0, 0),),
        ),
        "veo3-1": ModelLimits(
            model_id="veo3-1",
            prompt_max=5000,
            generation_types=("text-to-video", "image-to-video"),
            requires_input=False,
            input_media_types=("image",),
            max_images=3,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Text-to-video: omit or 1 optional ref image. Image-to-video / reference modes: 1-3 images. Duration not set via parameter.",
            inputs=(
                InputRule("text-to-video", 0, 1, 0, 0),
                InputRule("image-to-video", 1, 3, 0, 0),
            ),
        ),
        "veo3-1-fast": ModelLimits(
            model_id="veo3-1-fast",
            prompt_max=5000,
            generation_types=("text-to-video", "image-to-video"),
            requires_input=False,
            input_media_types=("image",),
            max_images=3,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Same as veo3-1; different model_id for speed. Duration not configurable.",
            inputs=(
                InputRule("text-to-video", 0, 1, 0, 0),
                InputRule("image-to-video", 1, 3, 0, 0),
            ),
        ),
        "wan-2-5": ModelLimits(
            model_id="wan-2-5",
            prompt_max=800,
            generation_types=("text-to-video", "image-to-video"),
            requires_input=False,
            input_media_types=(),
            max_images=1,
            max_videos=None,
            duration_options=("5s", "10s"),
            negative_prompt=True,
            sound=False,
            usage_notes="Prompt max 800 chars. Text-to-video: omit source_media_urls. Image-to-video: exactly one image URL. duration 5s or 10s. negative_prompt supported.",
            inputs=(
                InputRule("text-to-video", 0, 0, 0, 0),
                InputRule("image-to-video", 1, 1, 0, 0),
            ),
        ),
        "Z-image": ModelLimits(
            model_id="Z-image",
            prompt_max=5000,
            generation_types=("text-to-image",),
            requires_input=False,
            input_media_types=(),
            max_images=0,
            max_videos=None,
            duration_options=(),
            negative_prompt=False,
            sound=False,
            usage_notes="Text-to-image only. Omit source_media_urls.",
            inputs=(InputRule("text-to-image", 0, 0, 0, 0),),
        ),
    }
)

# Each model that has variants -> their ids, in the order its variant axes expand them.
_FAMILIES: Mapping[str, tuple[str, ...]] = MappingProxyType({})

_COMMON_FIELDS = ("model", "prompt", "generation_type", "source_media_urls")
# The contract's patterns, as the JSON Schemas and the Pydantic models carry them. None ends
# with "$", which in Python also matches before a final newline; "(?![\\s\\S])" ends them.
# An https:// URL per RFC 3986: a host, then an optional port, path, query and fragment.
_URL = re.compile(
    "^https://(?:(?:[A-Za-z0-9._~!$&'()*+,;=:-]|%[0-9A-Fa-f]{2})*@)?(?:\\[(?:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|[Vv][0-9A-Fa-f]+\\.[A-Za-z0-9._~!$&'()*+,;=:-]+)\\]|(?:[A-Za-z0-9._~!$&'()*+,;=-]|%[0-9A-Fa-f]{2})+)(?::[0-9]*)?(?:[/?#][!-~\\xa1-\\u167f\\u1681-\\u1fff\\u200b-\\u2027\\u202a-\\u202e\\u2030-\\u205e\\u2060-\\u2fff\\u3001-\\ud7ff\\ue000-\U0010ffff]*)?(?![\\s\\S])"
).match
# What no URL may hold: whitespace (Unicode's White_Space) and control characters.
_NOT_IN_URL = re.compile(
    "[\\x00-\\x20\\x7f-\\xa0\\u1680\\u2000-\\u200a\\u2028-\\u2029\\u202f\\u205f\\u3000]"
).search
_WHITESPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_SURROGATES = re.compile("[\\ud800-\\udfff]")
_SURROGATE = _SURROGATES.search


def get_model_limits(model_id: str) -> ModelLimits | None:
    """Return the limits of ``model_id``, or None when the API does not know that model."""
    return MODEL_LIMITS.get(model_id)


def family_models(family_id: str) -> tuple[str, ...]:
    """The ids of every variant of ``family_id``, as GET /v1/models/<family> lists them;
    ``()`` for a model without variants, a variant itself, or an unknown id."""
    return _FAMILIES.get(family_id, ())


def capabilities(model_id: str) -> dict[str, Any] | None:
    """The JSON-ready GET /v1/models entry the spec defines for ``model_id`` (see the merge rule)."""
    limits = MODEL_LIMITS.get(model_id)
    if limits is None:
        return None
    entry: dict[str, Any] = {
        "model_id": limits.model_id,
        "generation_types": list(limits.generation_types),
        "requires_input_media": limits.requires_input,
        "input_media_types": list(limits.input_media_types),
        "usage_notes": limits.usage_notes,
        "limits": {
            "prompt_max": limits.prompt_max,
            "max_images": limits.max_images,
            "max_videos": limits.max_videos,
            "duration_options": list(limits.duration_options),
            "negative_prompt": limits.negative_prompt,
            "sound": limits.sound,
            "ignored_fields": list(limits.ignored),
            "source_media": {
                r.generation_type: {
                    "min_images": r.min_images,
                    "max_images": r.max_images,
                    "min_videos": r.min_videos,
                    "max_videos": r.max_videos,
                    "order": list(r.order),
                }
                for r in limits.inputs
            },
            "parameters": {p.name: _parameter_capability(p) for p in limits.parameters},
        },
    }
    if limits.family is not None:  # a variant names its family and what its id fixes
        entry["family"] = limits.family
        entry["fixed"] = dict(limits.fixed)
    return entry


def _parameter_capability(parameter: Parameter) -> dict[str, Any]:
    kind = parameter.kind
    entry: dict[str, Any]
    if kind == "values":
        entry = {"type": "string", "values": list(parameter.values)}
    elif kind == "ratio":
        entry = {"type": "string", "format": "W:H"}
    elif kind == "string":
        entry = {"type": "string", "max_length": parameter.max_length}
    else:  # boolean, integer, number
        entry = {"type": kind}
    for key in ("minimum", "maximum", "default"):
        value = getattr(parameter, key)
        if value is not None:
            entry[key] = value
    return entry


def validate_request(
    body: object, extra: Mapping[str, ModelLimits] | None = None
) -> list[RequestError]:
    """Every problem of a POST /v1/generate/media body, in field order; [] when it is valid.

    ``extra`` maps the ids the spec does not list to their limits (see
    ``ModelLimits.from_capabilities``); a listed id always gets the spec's limits.
    Never raises on JSON-like input: anything unexpected is reported as an error.
    """
    # The API server calls this on every request, so each step first accepts the common valid
    # case in a few operations (exact types, rules precomputed per model). Anything else goes
    # to the step's _check_* function, which reports every problem of that step, in order.
    if not isinstance(body, dict):
        return [_NOT_AN_OBJECT]
    errors: list[RequestError] = []
    model = body.get("model")
    rules = _RULES.get(model) if type(model) is str else None
    if rules is None and (rules := _check_model(body, errors, extra)) is None:
        _check_prompt(body, None, errors)
        return errors
    prompt = body.get("prompt")
    present = 2  # common fields in the body: more keys than these means other fields
    if (
        type(prompt) is not str
        or not 0 < len(prompt) <= rules.prompt_max
        or not (prompt.isascii() or _SURROGATE(prompt) is None)
        or not prompt.strip(_WHITESPACE)
    ):
        _check_prompt(body, rules, errors)
        present = 1 + ("prompt" in body)
    if "generation_type" in body:
        present += 1
        kind = body["generation_type"]
        mode = rules.modes.get(kind) if type(kind) is str else None
        if mode is None:
            mode = _check_generation_type(kind, rules, errors)
    else:
        mode = rules.default_mode
    if "source_media_urls" in body:
        present += 1
        urls = body["source_media_urls"]
        if type(urls) is list:
            for url in urls:
                if type(url) is not str or _URL(url) is None:
                    _check_source_media(urls, rules, mode, errors)
                    break
            else:  # every URL is fine; only their number may not be
                if mode is not None and not mode.least <= len(urls) <= mode.most:
                    _check_source_media_count(len(urls), rules, mode, errors)
        else:
            _check_source_media(urls, rules, mode, errors)
    elif mode is not None and mode.least:
        _check_source_media_count(0, rules, mode, errors)
    if len(body) > present:
        _check_other_fields(body, rules, errors)
    return errors


@dataclass(frozen=True, slots=True, eq=False)
class _Mode:
    """How many source_media_urls one generation type takes (hashed by identity: one per rule,
    and one more for the default type when the body omits generation_type)."""

    least: int
    most: int
    rule: InputRule
    defaulted: bool = False


class _Rules:
    """One model's request rules, precomputed for validate_request."""

    __slots__ = (
        "accepts",
        "allows_at_most",
        "closed",
        "default_mode",
        "fields",
        "fixed",
        "limits",
        "modes",
        "open",
        "prompt_max",
    )

    def __init__(self, limits: ModelLimits) -> None:
        self.limits = limits
        self.prompt_max = limits.prompt_max
        self.allows_at_most = f"{limits.model_id} allows at most {limits.prompt_max:,}"
        fields = _allowed_fields(limits)
        self.fields = frozenset(fields)
        self.accepts = ", ".join(fields)
        self.modes = {
            r.generation_type: _Mode(r.min_images + r.min_videos, r.max_images + r.max_videos, r)
            for r in limits.inputs
        }
        default = self.modes.get(limits.generation_types[0])
        self.default_mode = default and _Mode(default.least, default.most, default.rule, True)
        # The optional fields. A closed one takes a value of one type from a fixed set: a
        # string from a list, or a boolean. An open one takes what its check accepts.
        closed: list[tuple[str, type, frozenset[object]]] = []
        open_fields: list[tuple[str, Callable[[object], bool]]] = []
        if limits.duration_options:
            closed.append(("duration", str, frozenset(limits.duration_options)))
        if limits.sound or "sound" in limits.ignored:
            closed.append(("sound", bool, _BOOLEANS))
        if limits.negative_prompt:
            open_fields.append(("negative_prompt", _text_check(limits.prompt_max)))
        open_fields.extend((name, _text_check(None)) for name in limits.ignored if name != "sound")
        for p in limits.parameters:
            if p.kind == "values":
                closed.append((p.name, str, frozenset(p.values)))
            elif p.kind == "boolean":
                closed.append((p.name, bool, _BOOLEANS))
            elif p.kind == "ratio":
                open_fields.append((p.name, _ratio_check))
            elif p.kind == "string":
                open_fields.append((p.name, _text_check(p.max_length)))
            else:
                open_fields.append((p.name, _number_check(p)))
        self.closed = tuple(closed)
        self.open = tuple(open_fields)
        self.fixed = limits.fixed
        if self.fixed:  # a variant: a fixed field's one value passes at once, others go slow
            self.closed, self.open = _narrowed(self.closed, self.open, self.fixed)


def _narrowed(
    closed: tuple[tuple[str, type, frozenset[object]], ...],
    open_fields: tuple[tuple[str, Callable[[object], bool]], ...],
    fixed: tuple[tuple[str, object], ...],
) -> tuple[
    tuple[tuple[str, type, frozenset[object]], ...],
    tuple[tuple[str, Callable[[object], bool]], ...],
]:
    """The quick checks of a variant: each fixed field is closed, on its one value."""
    values = dict(fixed)
    narrowed = [
        (n, kind, frozenset((values[n],))) if n in values else (n, kind, accepted)
        for n, kind, accepted in closed
    ]
    narrowed += [
        (n, type(values[n]), frozenset((values[n],))) for n, _ in open_fields if n in values
    ]
    return tuple(narrowed), tuple((n, check) for n, check in open_fields if n not in values)


_BOOLEANS: frozenset[object] = frozenset((True, False))


def _text_check(most: int | None) -> Callable[[object], bool]:
    """The quick check of a free text field: a str of at most ``most`` characters, Unicode."""
    limit = _UNLIMITED if most is None else most

    def accepts(value: object) -> bool:
        return (
            type(value) is str
            and len(value) <= limit
            and (value.isascii() or _SURROGATE(value) is None)
        )

    return accepts


def _ratio_check(value: object) -> bool:
    return type(value) is str and _RATIO(value) is not None


def _number_check(parameter: Parameter) -> Callable[[object], bool]:
    """The quick check of an integer or number field: a JSON number within the bounds. An
    integer may come as a float without a fraction (JSON Schema's rule); never as a bool."""
    whole = parameter.kind == "integer"
    low = -math.inf if parameter.minimum is None else parameter.minimum
    high = math.inf if parameter.maximum is None else parameter.maximum

    def accepts(value: object) -> bool:
        if type(value) is int:
            return low <= value <= high
        if type(value) is float:
            return (value.is_integer() or not whole) and low <= value <= high
        return False

    return accepts


_UNLIMITED = 1 << 62


# Filled on first use, one model at a time, so that importing stays fast with many models.
# Two threads may build the same entry; both build equal rules, and either may stay.
_RULES: dict[str, _Rules] = {}


def _rules(model_id: str) -> _Rules | None:
    """The rules of ``model_id``, or None when the API does not know that model."""
    limits = MODEL_LIMITS.get(model_id)
    if limits is None:
        return None
    rules = _RULES[model_id] = _Rules(limits)
    return rules


# Errors whose text never varies, built once.
_NOT_AN_OBJECT = RequestError("", "invalid_body", "the request body must be a JSON object")
_MODEL_MISSING = RequestError("/model", "missing_field", "model is required")
_PROMPT_MISSING = RequestError("/prompt", "missing_field", "prompt is required")
_PROMPT_EMPTY = RequestError("/prompt", "prompt_empty", "prompt must not be empty")
_PROMPT_BLANK = RequestError("/prompt", "prompt_empty", "prompt must not be only whitespace")


def _error(field: str, code: str, message: str) -> RequestError:
    """``RequestError(field, code, message)``, built in a third less time.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; setting
    the slots directly is what takes the time out of reporting many invalid bodies.
    """
    error = _new_error(RequestError)
    _set_field(error, field)
    _set_code(error, code)
    _set_message(error, message)
    return error


_new_error = object.__new__
_set_field, _set_code, _set_message = (
    RequestError.__dict__[name].__set__ for name in ("field", "code", "message")
)


def _type_error(field: str, expected: str, kind: type) -> RequestError:
    """The error for a value of type ``kind`` where ``expected`` is."""
    return _error(field, "invalid_type", f"{field[1:]} must be {expected}, not {_json_type(kind)}")


_JSON_TYPES = {
    type(None): "null",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    str: "a string",
    list: "an array",
    tuple: "an array",
    dict: "an object",
}


def _json_type(kind: type) -> str:
    """How the JSON Schema names values of type ``kind``, subclasses included."""
    name = _JSON_TYPES.get(kind)
    if name is not None:
        return name
    for base, name in _JSON_TYPES.items():  # bool before int: bool is an int subclass
        if issubclass(kind, base):
            return name
    return kind.__name__


def _pointer(key: object) -> str:
    """The JSON pointer to a top-level field."""
    return "/" + str(key).replace("~", "~0").replace("/", "~1")


def _check_model(
    body: dict[Any, Any], errors: list[RequestError], extra: Mapping[str, ModelLimits] | None = None
) -> _Rules | None:
    if "model" not in body:
        errors.append(_MODEL_MISSING)
        return None
    model_id = body["model"]
    if not isinstance(model_id, str):
        errors.append(_type_error("/model", "a string", type(model_id)))
        return None
    rules = _RULES.get(model_id) or _rules(model_id)
    if rules is None and extra:
        rules = _extra_rules(model_id, extra)
    if rules is None:
        errors.append(_unknown_model(_quoted(model_id), _near_model_ids(model_id)))
    return rules


def _unknown_model(shown: str, near: Sequence[str] = ()) -> RequestError:
    message = f"model {shown} is not a known model_id"
    if near:  # quoted as ``shown`` is
        quoted = [_quoted(model_id) for model_id in near]
        either = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
        message += f"; did you mean {either}?"
    return _error("/model", "unknown_model", message)


def _check_prompt(body: dict[Any, Any], rules: _Rules | None, errors: list[RequestError]) -> None:
    prompt = body.get("prompt")
    if prompt is None and "prompt" not in body:
        errors.append(_PROMPT_MISSING)
    elif not isinstance(prompt, str):
        errors.append(_type_error("/prompt", "a string", type(prompt)))
    elif not prompt:
        errors.append(_PROMPT_EMPTY)
    elif rules is not None and len(prompt) > rules.prompt_max:
        errors.append(_prompt_too_long(len(prompt), rules))
    elif (surrogate := _lone_surrogate(prompt)) is not None:
        errors.append(_invalid_unicode("/prompt", surrogate))
    elif not prompt.strip(_WHITESPACE):
        errors.append(_PROMPT_BLANK)


def _lone_surrogate(text: str) -> str | None:
    """The first lone surrogate of ``text``: legal in JSON text, but not Unicode, so no
    output accepts one (Pydantic cannot hold one, nor can UTF-8)."""
    if text.isascii():
        return None
    found = _SURROGATE(text)
    return None if found is None else found.group()


def _invalid_unicode(field: str, surrogate: str) -> RequestError:
    message = f"{field[1:]} holds a lone surrogate, U+{ord(surrogate):04X}; send valid Unicode text"
    return _error(field, "invalid_unicode", message)


def _prompt_too_long(length: int, rules: _Rules) -> RequestError:
    message = f"prompt has {length:,} characters; {rules.allows_at_most}"
    return _error("/prompt", "prompt_too_long", message)


def _allowed_fields(limits: ModelLimits) -> list[str]:
    """The fields a request to the model may carry, in the contract's order."""
    allowed = list(_COMMON_FIELDS)
    if limits.duration_options or "duration" in limits.ignored:
        allowed.append("duration")
    if limits.negative_prompt or "negative_prompt" in limits.ignored:
        allowed.append("negative_prompt")
    if limits.sound or "sound" in limits.ignored:
        allowed.append("sound")
    allowed.extend(p.name for p in limits.parameters)
    return allowed


def _unsupported_field(name: str, rules: _Rules) -> RequestError:
    message = f"field {_quoted(name)} is not accepted by {rules.limits.model_id}; it accepts: {rules.accepts}"
    return _error(_pointer(name), "unsupported_field", message)


def _check_generation_type(kind: object, rules: _Rules, errors: list[RequestError]) -> _Mode | None:
    if not isinstance(kind, str):
        errors.append(_type_error("/generation_type", "a string", type(kind)))
        return None
    mode = rules.modes.get(kind)
    if mode is None:
        errors.append(_unsupported_generation_type(_quoted(kind), rules))
    return mode


def _unsupported_generation_type(shown: str, rules: _Rules) -> RequestError:
    accepted = _one_of(rules.limits.generation_types)
    message = f"generation_type {shown} is not supported by {rules.limits.model_id}; use one of: {accepted}"
    return _error("/generation_type", "unsupported_generation_type", message)


def _check_source_media(
    urls: object, rules: _Rules, mode: _Mode | None, errors: list[RequestError]
) -> None:
    if not isinstance(urls, list):
        errors.append(_type_error("/source_media_urls", "an array of https:// URLs", type(urls)))
        return
    for index, url in enumerate(urls):
        if not isinstance(url, str):
            errors.append(_type_error(f"/source_media_urls/{index}", "a string", type(url)))
        elif _URL(url) is None:
            errors.append(_invalid_url(index, url))
    if mode is not None:
        _check_source_media_count(len(urls), rules, mode, errors)


def _check_source_media_count(
    count: int, rules: _Rules, mode: _Mode, errors: list[RequestError]
) -> None:
    if count > mode.most:
        errors.append(_too_many_source_media(count, rules, mode))
    elif count < mode.least:
        errors.append(_too_few_source_media(count, rules, mode))


def _invalid_url(index: int, url: str) -> RequestError:
    field = f"/source_media_urls/{index}"
    if (surrogate := _lone_surrogate(url)) is not None:
        return _invalid_unicode(field, surrogate)
    if not url.startswith("https://"):
        reason = "must be an https:// URL"
    elif (bad := _NOT_IN_URL(url)) is not None:
        reason = (
            f"must not hold whitespace or a control character; it holds U+{ord(bad.group()):04X}"
        )
    else:
        reason = (
            "must be https:// and a host (RFC 3986), then an optional port, path, query or fragment"
        )
    return _error(field, "invalid_url", f"{field[1:]} {reason}")


def _too_many_source_media(count: int, rules: _Rules, mode: _Mode) -> RequestError:
    return _error("/source_media_urls", "too_many_source_media", _media_count(count, rules, mode))


def _too_few_source_media(count: int, rules: _Rules, mode: _Mode) -> RequestError:
    return _error("/source_media_urls", "too_few_source_media", _media_count(count, rules, mode))


def _media_count(count: int, rules: _Rules, mode: _Mode) -> str:
    """How many URLs the body has, what its generation type takes, and, when the body omits
    generation_type, that the default applied and which other modes there are."""
    kind = mode.rule.generation_type
    message = f"source_media_urls has {_plural(count, 'URL')}; {rules.limits.model_id} {kind} takes {_takes(mode.rule)}"
    if mode.defaulted:
        message += f"; generation_type is omitted, so the default {kind} applies"
        others = [t for t in rules.limits.generation_types if t != kind]
        if others:
            message += f" (other modes: {_one_of(others)})"
    return message


def _takes(rule: InputRule) -> str:
    """The URLs one generation type takes, in words: "1 to 10 images", "no URLs",
    "exactly 2 images", "1 image, then 1 video" where the order of kinds matters."""
    counts = {
        "image": (rule.min_images, rule.max_images),
        "video": (rule.min_videos, rule.max_videos),
    }
    kinds = [k for k in (rule.order or ("image", "video")) if counts[k][1]]
    if not kinds:
        return "no URLs"
    words = [_amount(*counts[kind], kind) for kind in kinds]
    if len(kinds) == 1 and counts[kinds[0]][0] == counts[kinds[0]][1]:
        return "exactly " + words[0]
    return (", then " if rule.order else " and ").join(words)


def _amount(least: int, most: int, noun: str) -> str:
    if least == most:
        return _plural(most, noun)
    if least == 0:
        return f"up to {_plural(most, noun)}"
    return f"{least:,} to {_plural(most, noun)}"


def _plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: "1 URL", "2 URLs"."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _one_of(values: tuple[str, ...] | list[str]) -> str:
    """Accepted values, each quoted as JSON writes it."""
    return ", ".join(map(_quoted, values))


def _quoted(value: str) -> str:
    """``value`` quoted as JSON.stringify writes it, so any language can write the same text:
    double quotes, JSON's escapes, other characters as they are, a lone surrogate as its
    \\uXXXX escape. Never Python's repr."""
    text = json.dumps(value, ensure_ascii=False)
    if text.isascii():
        return text
    return _SURROGATES.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def _check_other_fields(body: dict[Any, Any], rules: _Rules, errors: list[RequestError]) -> None:
    """The fields beyond the common four: unsupported ones, then the optional ones."""
    fields = rules.fields
    if not fields.issuperset(body):
        # Reported right after the prompt's error, as the contract orders them. The model is
        # known here, so the prompt's is the only error that can come first.
        at = 1 if errors and errors[0].field == "/prompt" else 0
        for key in body:
            if key not in fields:
                errors.insert(at, _unsupported_field(str(key), rules))
                at += 1
    for name, kind, accepted in rules.closed:
        if name in body:
            value = body[name]
            if type(value) is not kind or value not in accepted:
                _check_optional_fields(body, rules, errors)
                return
    for name, accepts in rules.open:
        if name in body and not accepts(body[name]):
            _check_optional_fields(body, rules, errors)
            return


def _check_optional_fields(body: dict[Any, Any], rules: _Rules, errors: list[RequestError]) -> None:
    limits = rules.limits
    if "duration" in body and limits.duration_options:
        duration = body["duration"]
        if not isinstance(duration, str):
            errors.append(_type_error("/duration", "a string", type(duration)))
        elif duration not in limits.duration_options:
            errors.append(_unsupported_duration(_quoted(duration), rules))
    if "negative_prompt" in body and limits.negative_prompt:
        negative = body["negative_prompt"]
        if not isinstance(negative, str):
            errors.append(_type_error("/negative_prompt", "a string", type(negative)))
        elif len(negative) > limits.prompt_max:
            errors.append(_negative_prompt_too_long(len(negative), rules))
        elif (surrogate := _lone_surrogate(negative)) is not None:
            errors.append(_invalid_unicode("/negative_prompt", surrogate))
    if "sound" in body and limits.sound and not isinstance(body["sound"], bool):
        errors.append(_type_error("/sound", "true or false", type(body["sound"])))
    for name in limits.ignored:
        if name in body:
            _check_ignored(name, body[name], errors)
    for parameter in limits.parameters:
        if parameter.name in body:
            _check_parameter(parameter, body[parameter.name], rules, errors)
    if rules.fixed:
        _check_fixed(body, rules, errors)


def _check_ignored(name: str, value: object, errors: list[RequestError]) -> None:
    """A field the model accepts and ignores: any value of its type, and no other."""
    field = _pointer(name)
    if name == "sound":
        if not isinstance(value, bool):
            errors.append(_type_error(field, "true or false", type(value)))
    elif not isinstance(value, str):
        errors.append(_type_error(field, "a string", type(value)))
    elif (surrogate := _lone_surrogate(value)) is not None:
        errors.append(_invalid_unicode(field, surrogate))


def _unsupported_duration(shown: str, rules: _Rules) -> RequestError:
    accepted = _one_of(rules.limits.duration_options)
    message = f"duration {shown} is not offered by {rules.limits.model_id}; use one of: {accepted}"
    return _error("/duration", "unsupported_duration", message)


def _negative_prompt_too_long(length: int, rules: _Rules) -> RequestError:
    message = f"negative_prompt has {length:,} characters; {rules.allows_at_most}"
    return _error("/negative_prompt", "negative_prompt_too_long", message)


def _check_parameter(
    parameter: Parameter, value: object, rules: _Rules, errors: list[RequestError]
) -> None:
    field = _pointer(parameter.name)
    kind = parameter.kind
    if kind == "boolean":
        if not isinstance(value, bool):
            errors.append(_type_error(field, "true or false", type(value)))
    elif kind in ("integer", "number"):
        _check_number(parameter, value, rules, errors)
    elif not isinstance(value, str):
        errors.append(_type_error(field, "a string", type(value)))
    elif kind == "values" and value not in parameter.values:
        errors.append(_unsupported_value(_quoted(value), parameter, rules))
    elif kind == "ratio" and not _is_ratio(value):
        errors.append(_invalid_ratio(_quoted(value), parameter.name))
    elif kind == "string":
        if len(value) > (parameter.max_length or _UNLIMITED):
            message = f"{parameter.name} has {len(value):,} characters; {rules.limits.model_id} allows at most {parameter.max_length:,}"
            errors.append(_error(field, "value_too_long", message))
        elif (surrogate := _lone_surrogate(value)) is not None:
            errors.append(_invalid_unicode(field, surrogate))


def _check_number(
    parameter: Parameter, value: object, rules: _Rules, errors: list[RequestError]
) -> None:
    field = _pointer(parameter.name)
    wanted = "an integer" if parameter.kind == "integer" else "a number"
    if isinstance(value, bool) or not isinstance(value, int | float):
        errors.append(_type_error(field, wanted, type(value)))
    elif parameter.kind == "integer" and isinstance(value, float) and not value.is_integer():
        errors.append(
            _error(
                field,
                "invalid_type",
                f"{parameter.name} must be an integer (a number without a fraction)",
            )
        )
    elif not _within(value, parameter):
        message = (
            f"{parameter.name} is out of range for {rules.limits.model_id}: use {_range(parameter)}"
        )
        errors.append(_error(field, "out_of_range", message))


def _within(value: float, parameter: Parameter) -> bool:
    low, high = parameter.minimum, parameter.maximum
    return (low is None or low <= value) and (high is None or value <= high)


def _range(parameter: Parameter) -> str:
    """The values an integer or number parameter accepts, in words."""
    low, high = parameter.minimum, parameter.maximum
    if low is not None and high is not None:
        return f"{_json_number(low)} to {_json_number(high)}"
    if low is not None:
        return f"at least {_json_number(low)}"
    return f"at most {_json_number(high)}"


def _json_number(value: float | None) -> str:
    """A number as JSON.stringify writes it (ECMA-262's Number::toString), so any language can
    write the same text: 20, not 20.0; 1e-7, not 1e-07; 1e+21, not 1e21."""
    if value is None or isinstance(value, int):
        return str(value)
    if value == 0 or not math.isfinite(value):
        return "0" if value == 0 else str(value)
    sign = "-" if value < 0 else ""
    mantissa, _, exponent = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits = (whole + fraction).lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(whole + fraction) - len(digits))
    digits = digits.rstrip("0")
    if len(digits) <= point <= 21:
        text = digits + "0" * (point - len(digits))
    elif 0 < point <= 21:
        text = f"{digits[:point]}.{digits[point:]}"
    elif -6 < point <= 0:
        text = "0." + "0" * -point + digits
    else:
        power = point - 1
        text = (
            digits[0]
            + (f".{digits[1:]}" if len(digits) > 1 else "")
            + f"e{'+' if power >= 0 else '-'}{abs(power)}"
        )
    return sign + text


def _unsupported_value(shown: str, parameter: Parameter, rules: _Rules) -> RequestError:
    accepted = _one_of(parameter.values)
    message = f"{parameter.name} {shown} is not offered by {rules.limits.model_id}; use one of: {accepted}"
    return _error(_pointer(parameter.name), "unsupported_value", message)


def _invalid_ratio(shown: str, name: str) -> RequestError:
    message = f'{name} {shown} must be an aspect ratio written W:H, such as "16:9"'
    return _error(_pointer(name), "invalid_format", message)


def _is_ratio(value: str) -> bool:
    """W:H with positive whole numbers written in ASCII digits, no leading zero."""
    return _RATIO(value) is not None


_RATIO = re.compile("^[1-9][0-9]*:[1-9][0-9]*(?![\\s\\S])").match


def _check_fixed(body: dict[Any, Any], rules: _Rules, errors: list[RequestError]) -> None:
    """A value the family accepts but the variant's id fixes otherwise: variant_conflict.

    Runs after the family's checks: a value the family rejects keeps the family's error only.
    Each conflict goes in field order among the optional fields' errors.
    """
    flagged = {error.field for error in errors}
    for name, value in rules.fixed:
        field = _pointer(name)
        if name in body and field not in flagged and not _same(body[name], value):
            order = _optional_order(rules.limits)
            at = len(errors)
            while at and order.get(errors[at - 1].field, -1) > order[field]:
                at -= 1
            errors.insert(at, _variant_conflict(name, body[name], value, rules))


def _same(sent: object, fixed: object) -> bool:
    """Equal as JSON values are: ``true`` is not ``1``."""
    return sent == fixed and isinstance(sent, bool) is isinstance(fixed, bool)


def _optional_order(limits: ModelLimits) -> dict[str, int]:
    """The optional fields' pointers, in the order validate_request checks them."""
    names = ["duration", "negative_prompt", "sound", *(p.name for p in limits.parameters)]
    return {_pointer(name): i for i, name in enumerate(names)}


def _json_text(value: object) -> str:
    """A JSON scalar as JSON writes it: a string quoted as ``_quoted`` does, else json.dumps."""
    return _quoted(value) if isinstance(value, str) else json.dumps(value)


def _variant_conflict(name: str, sent: object, fixed: object, rules: _Rules) -> RequestError:
    shown = _json_text(fixed)
    message = (
        f"{name} {_json_text(sent)} contradicts the model id: "
        f"{rules.limits.model_id} fixes {name} to {shown}; omit {name} or send {shown}"
    )
    return _error(_pointer(name), "variant_conflict", message)


# Models the spec does not list: their limits come from GET /v1/models (see the docstring).


class CapabilitiesError(ValueError):
    """A GET /v1/models entry that ``ModelLimits.from_capabilities`` cannot read.

    ``model_id`` is the entry's id (None when it has no usable one), ``field`` the JSON pointer
    of the bad value within the entry ("" for the entry itself), ``problem`` what is wrong.
    """

    def __init__(self, model_id: str | None, field: str, problem: str) -> None:
        self.model_id = model_id
        self.field = field
        self.problem = problem
        where = "capabilities entry" if model_id is None else f"capabilities of {model_id!r}"
        super().__init__(f"{where}: {field} {problem}" if field else f"{where} {problem}")


_MEDIA = ("image", "video")
_IGNORABLE = ("duration", "negative_prompt", "sound")
_OWN_FIELDS = frozenset((*_COMMON_FIELDS, "duration", "negative_prompt", "sound"))
_ABSENT: Any = object()  # a key without a default: required


class _Reader:
    """Reads the values of one entry, raising CapabilitiesError at the first bad one."""

    __slots__ = ("model_id",)

    def __init__(self, model_id: str | None) -> None:
        self.model_id = model_id

    def fail(self, field: str, problem: str) -> NoReturn:
        raise CapabilitiesError(self.model_id, field, problem)

    def get(
        self, parent: Mapping[str, Any], field: str, name: str, default: object = _ABSENT
    ) -> object:
        """``parent[name]``; ``default`` when absent, or an error when there is none."""
        if name in parent:
            return parent[name]
        if default is _ABSENT:
            self.fail(field + _pointer(name), "is required")
        return default

    def mapping(self, value: object, field: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            self.fail(field, f"must be an object, not {_json_type(type(value))}")
        return value

    def integer(self, value: object, field: str, least: int) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(field, f"must be an integer, not {_json_type(type(value))}")
        if value < least:
            self.fail(field, f"must be at least {least}, not {value}")
        return int(value)

    def number(self, value: object, field: str) -> int | float:
        if not isinstance(value, int | float) or isinstance(value, bool):
            self.fail(field, f"must be a number, not {_json_type(type(value))}")
        return value

    def boolean(self, value: object, field: str) -> bool:
        if not isinstance(value, bool):
            self.fail(field, f"must be true or false, not {_json_type(type(value))}")
        return value

    def text(self, value: object, field: str) -> str:
        if not isinstance(value, str):
            self.fail(field, f"must be a string, not {_json_type(type(value))}")
        return str(value)

    def strings(
        self, value: object, field: str, *, least: int = 0, allowed: tuple[str, ...] = ()
    ) -> tuple[str, ...]:
        """A list of distinct non-empty strings, each one of ``allowed`` when that is given."""
        if not isinstance(value, list | tuple):
            self.fail(field, f"must be an array, not {_json_type(type(value))}")
        items: list[str] = []
        for index, item in enumerate(value):
            at = f"{field}/{index}"
            if not isinstance(item, str):
                self.fail(at, f"must be a string, not {_json_type(type(item))}")
            if not item:
                self.fail(at, "must not be empty")
            if allowed and item not in allowed:
                self.fail(at, f"must be one of: {', '.join(allowed)}; not {item!r}")
            if item in items:
                self.fail(at, f"repeats {item!r}")
            items.append(str(item))
        if len(items) < least:
            self.fail(field, "must not be empty")
        return tuple(items)


def _limits_from_capabilities(entry: object) -> ModelLimits:
    """The ModelLimits of one GET /v1/models entry (see ``ModelLimits.from_capabilities``)."""
    if not isinstance(entry, Mapping):
        raise CapabilitiesError(None, "", f"must be an object, not {_json_type(type(entry))}")
    read = _Reader(None)
    model_id = read.text(read.get(entry, "", "model_id"), "/model_id")
    if not model_id:
        read.fail("/model_id", "must not be empty")
    read.model_id = model_id
    types = read.strings(read.get(entry, "", "generation_types"), "/generation_types", least=1)
    requires_input = read.boolean(
        read.get(entry, "", "requires_input_media"), "/requires_input_media"
    )
    media = read.strings(
        read.get(entry, "", "input_media_types", []), "/input_media_types", allowed=_MEDIA
    )
    notes = read.text(read.get(entry, "", "usage_notes"), "/usage_notes")
    limits = read.mapping(read.get(entry, "", "limits"), "/limits")
    at = "/limits"
    prompt_max = read.integer(read.get(limits, at, "prompt_max"), at + "/prompt_max", 1)
    max_images = read.integer(read.get(limits, at, "max_images", 0), at + "/max_images", 0)
    max_videos = read.get(limits, at, "max_videos", None)
    durations = read.strings(read.get(limits, at, "duration_options", []), at + "/duration_options")
    source_media = read.mapping(read.get(limits, at, "source_media", {}), at + "/source_media")
    parameters = read.mapping(read.get(limits, at, "parameters", {}), at + "/parameters")
    return ModelLimits(
        model_id=model_id,
        prompt_max=prompt_max,
        generation_types=types,
        requires_input=requires_input,
        input_media_types=media,
        max_images=max_images,
        max_videos=None if max_videos is None else read.integer(max_videos, at + "/max_videos", 0),
        duration_options=durations,
        negative_prompt=read.boolean(
            read.get(limits, at, "negative_prompt", False), at + "/negative_prompt"
        ),
        sound=read.boolean(read.get(limits, at, "sound", False), at + "/sound"),
        usage_notes=notes,
        inputs=_inputs_from_capabilities(read, types, max_images, source_media),
        parameters=_parameters_from_capabilities(read, parameters),
        ignored=read.strings(
            read.get(limits, at, "ignored_fields", []), at + "/ignored_fields", allowed=_IGNORABLE
        ),
        family=_family_from_capabilities(read, entry),
        fixed=_fixed_from_capabilities(read, entry),
    )


def _family_from_capabilities(read: _Reader, entry: Mapping[str, Any]) -> str | None:
    """A variant's family (see ``capabilities``): a non-empty string, or None when absent."""
    family = read.get(entry, "", "family", None)
    if family is None:
        return None
    family = read.text(family, "/family")
    if not family:
        read.fail("/family", "must not be empty")
    return family


def _fixed_from_capabilities(
    read: _Reader, entry: Mapping[str, Any]
) -> tuple[tuple[str, object], ...]:
    """The values a variant's id fixes, in the entry's order: strings, booleans or numbers."""
    fixed = read.mapping(read.get(entry, "", "fixed", {}), "/fixed")
    if fixed and "family" not in entry:
        read.fail("/fixed", "is only for a variant, which names its family")
    for name, value in fixed.items():
        if not isinstance(value, str | bool | int | float):
            read.fail(
                "/fixed" + _pointer(name),
                f"must be a string, boolean or number, not {_json_type(type(value))}",
            )
    return tuple(fixed.items())


def _inputs_from_capabilities(
    read: _Reader, types: tuple[str, ...], max_images: int, given: Mapping[str, Any]
) -> tuple[InputRule, ...]:
    """One rule per generation type; a type without one takes the spec's default rule."""
    for kind in given:
        if kind not in types:
            read.fail("/limits/source_media" + _pointer(kind), "is not one of generation_types")
    rules = []
    for kind in types:
        field = "/limits/source_media" + _pointer(kind)
        takes_images = kind.startswith("image-to-")  # the spec's default, as for a listed model
        counts = {"min_images": int(takes_images), "max_images": max_images if takes_images else 0}
        counts |= {"min_videos": 0, "max_videos": 0}
        order: tuple[str, ...] = ()
        if kind in given:
            rule = read.mapping(given[kind], field)
            for name in counts:
                if name in rule:
                    counts[name] = read.integer(rule[name], f"{field}/{name}", 0)
            order = read.strings(rule.get("order", []), field + "/order", allowed=_MEDIA)
        for media in ("images", "videos"):
            least, most = counts[f"min_{media}"], counts[f"max_{media}"]
            if least > most:
                read.fail(field, f"has min_{media} {least} above max_{media} {most}")
        rules.append(
            InputRule(
                kind,
                counts["min_images"],
                counts["max_images"],
                counts["min_videos"],
                counts["max_videos"],
                order,
            )
        )
    return tuple(rules)


def _parameters_from_capabilities(read: _Reader, given: Mapping[str, Any]) -> tuple[Parameter, ...]:
    """The model-specific fields, by name, as the spec orders them."""
    for name in given:
        field = "/limits/parameters" + _pointer(name)
        if not isinstance(name, str) or not name:
            read.fail(field, "must be named by a non-empty string")
        if name in _OWN_FIELDS:
            read.fail(field, "is a request field of its own, not a model-specific parameter")
    return tuple(_parameter_from_capability(read, name, given[name]) for name in sorted(given))


def _parameter_from_capability(read: _Reader, name: str, value: object) -> Parameter:
    """The inverse of ``_parameter_capability``."""
    field = "/limits/parameters" + _pointer(name)
    schema = read.mapping(value, field)
    kind = read.get(schema, field, "type")
    bounds: dict[str, Any] = {}
    for key in ("minimum", "maximum"):
        if key in schema:
            bounds[key] = read.number(schema[key], f"{field}/{key}")
    if "default" in schema:
        default = schema["default"]
        if not isinstance(default, str | bool | int | float):
            read.fail(
                field + "/default",
                f"must be a string, boolean or number, not {_json_type(type(default))}",
            )
        bounds["default"] = default
    if kind == "boolean":
        return Parameter(name, "boolean", **bounds)
    if kind in ("integer", "number"):
        return Parameter(name, str(kind), **bounds)
    if kind != "string":
        read.fail(
            field + "/type",
            f"must be 'string', 'boolean', 'integer' or 'number', not {_quoted(str(kind))}",
        )
    if "values" in schema:
        return Parameter(
            name, "values", read.strings(schema["values"], field + "/values", least=1), **bounds
        )
    if schema.get("format") == "W:H":
        return Parameter(name, "ratio", **bounds)
    if "max_length" in schema:
        most = read.integer(schema["max_length"], field + "/max_length", 1)
        return Parameter(name, "string", max_length=most, **bounds)
    read.fail(field, "must have values (a closed list), format 'W:H' or max_length")


# The rules of limits passed as ``extra``, by identity: a limits object is kept alive by its
# rules here, so its id cannot be reused while the entry stands. Bounded, so a caller that
# builds new limits for each request costs time, never memory without end.
_EXTRA_RULES: dict[int, _Rules] = {}
_EXTRA_RULES_MAX = 1024


def _extra_rules(model_id: str, extra: Mapping[str, ModelLimits]) -> _Rules | None:
    """The rules of ``extra[model_id]``, or None when ``extra`` does not hold that id."""
    if not isinstance(extra, Mapping):
        raise TypeError(f"extra must map model_id to ModelLimits, not be a {type(extra).__name__}")
    limits = extra.get(model_id)
    if limits is None:
        return None
    rules = _EXTRA_RULES.get(id(limits))
    if rules is not None and rules.limits is limits:
        return rules
    if not isinstance(limits, ModelLimits):
        raise TypeError(f"extra[{model_id!r}] must be a ModelLimits, not {type(limits).__name__}")
    if limits.model_id != model_id:
        raise ValueError(f"extra[{model_id!r}] holds the limits of {limits.model_id!r}")
    if len(_EXTRA_RULES) >= _EXTRA_RULES_MAX:
        _EXTRA_RULES.clear()
    rules = _EXTRA_RULES[id(limits)] = _Rules(limits)
    return rules


# Near misses of a listed id, for the unknown_model message. An id is compared in its loose
# form: case folded, every run of whitespace, ".", "_" and "-" one "-", none at either end.
_SEPARATORS = re.compile(r"[\s._-]+")
_NEAR_MOST = 3  # suggestions in one message
_NEAR_SCAN = 32  # listed ids with a part more, read in sorted order, before the nearest are taken
_NEAR_LONGEST = 200  # longer ids are never near a listed one (ids have at most 100 characters)


def _loose(model_id: str) -> str:
    return "-".join(_SEPARATORS.split(model_id.casefold())).strip("-")


class _NearIndex:
    """The listed ids by loose form, the loose forms sorted (forwards and reversed), and each
    loose form under every string one dropped character makes of it."""

    __slots__ = ("dropped", "ids", "longest", "order", "reversed_keys", "sorted_keys")

    def __init__(self, model_ids: Sequence[str]) -> None:
        self.order = {model_id: index for index, model_id in enumerate(model_ids)}
        ids: dict[str, list[str]] = {}
        for model_id in model_ids:
            ids.setdefault(_loose(model_id), []).append(model_id)
        ids.pop("", None)
        self.ids = ids
        self.sorted_keys = sorted(ids)
        self.reversed_keys = sorted(key[::-1] for key in ids)
        self.longest = max(map(len, ids), default=0)
        dropped: dict[str, list[str]] = {}
        for key in ids:
            for cut in range(len(key)):
                dropped.setdefault(key[:cut] + key[cut + 1 :], []).append(key)
        self.dropped = dropped


_NEAR: list[_NearIndex] = []  # built on the first unknown model


def _near_model_ids(model_id: str) -> list[str]:
    """Up to three listed ids that ``model_id`` may mean, the closest first; [] for none.

    In order, the first kind that finds any: the same loose form; one character added,
    dropped, changed or two neighbours swapped; a "-"-separated part added or missing at
    either end. Within a kind, the nearest in length first, then the page's order. Cheap at
    any catalog size: dictionary look-ups of the loose form and its one-edit variants, and
    bisections of the sorted loose forms; never a pass over the catalog.
    """
    if len(model_id) > _NEAR_LONGEST:
        return []
    if not _NEAR:
        _NEAR.append(_NearIndex(list(MODEL_LIMITS)))
    near = _NEAR[0]
    key = _loose(model_id)
    if not key:
        return []
    for finder in (_same_loose_form, _one_edit_away, _part_added_or_missing):
        keys = finder(key, near)
        if keys:
            ranked = sorted(
                (abs(len(found) - len(key)), near.order[listed], listed)
                for found in set(keys)
                for listed in near.ids[found]
            )
            return [listed for _, _, listed in ranked[:_NEAR_MOST]]
    return []


def _same_loose_form(key: str, near: _NearIndex) -> list[str]:
    return [key] if key in near.ids else []


def _one_edit_away(key: str, near: _NearIndex) -> list[str]:
    """The loose forms one edit from ``key``, by look-ups of ``key`` with one character
    dropped (about twice its length of them), never of every letter at every place."""
    if len(key) > near.longest + 1:
        return []
    ids, dropped = near.ids, near.dropped
    found = list(dropped.get(key, ()))  # a listed form with one character more: one added
    for cut in range(len(key)):
        shorter = key[:cut] + key[cut + 1 :]
        if shorter in ids:  # one dropped
            found.append(shorter)
        for listed in dropped.get(shorter, ()):  # one changed, at ``cut``
            if (
                len(listed) == len(key)
                and listed[:cut] == key[:cut]
                and listed[cut + 1 :] == key[cut + 1 :]
            ):
                found.append(listed)
        if cut + 1 < len(key):  # two neighbours swapped
            swapped = key[:cut] + key[cut + 1] + key[cut] + key[cut + 2 :]
            if swapped in ids:
                found.append(swapped)
    return [listed for listed in found if listed != key]


def _part_added_or_missing(key: str, near: _NearIndex) -> list[str]:
    """Listed loose forms with a part more at either end (the first 32 in sorted order), or
    with a part fewer."""
    found = _starting_with(near.sorted_keys, key + "-")
    found += [k[::-1] for k in _starting_with(near.reversed_keys, ("-" + key)[::-1])]
    for cut, letter in enumerate(key):
        if letter == "-":
            found += [part for part in (key[:cut], key[cut + 1 :]) if part in near.ids]
    return found


def _starting_with(keys: list[str], prefix: str) -> list[str]:
    """The first few of the sorted ``keys`` that start with ``prefix``."""
    start = bisect.bisect_left(keys, prefix)
    return [k for k in keys[start : start + _NEAR_SCAN] if k.startswith(prefix)]
