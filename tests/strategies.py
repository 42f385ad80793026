"""Hypothesis strategies for request bodies: those the schemas generate, and those they never would.

- ``schema_bodies``: hypothesis-jsonschema's bodies from each model's schema, with its shortcut
  for patterns turned off: it never ends a pattern's string with a newline (a hack that hides
  what Python's ``$`` accepts), so a pattern that accepts ``"16:9\\n"`` would go unnoticed.
- ``hostile_bodies``: bodies near each model's rules with any field replaced by a value no
  schema generates: unknown models, floats and objects where strings belong, strings at and
  just past every length limit, trailing newlines, lone surrogates, whitespace.
"""

from __future__ import annotations

from typing import Any

import hypothesis_jsonschema._from_schema as from_schema_module
from hypothesis import strategies as st
from hypothesis.strategies._internal.regex import regex_strategy
from hypothesis_jsonschema import from_schema

from modelspec.render import patterns
from tests.bodies import URL, valid_bodies, valid_values, wrong_types, wrong_values


def _negated(excluded: str) -> str:
    escaped = "".join(f"\\u{ord(c):04x}" for c in sorted(set(excluded)))
    return f"[^{escaped}\\ud800-\\udfff]"


# The contract's widest classes, spelled as Python reads them alike (``[^...]``): hypothesis
# visits every code point of a class's ranges, 12 s for each of these, and does it again for
# every body. The strings drawn are the same; the schemas judge them as written.
QUICK_TO_DRAW = {
    patterns.TEXT_CHAR: _negated(""),
    patterns.VISIBLE_CHAR: _negated(patterns.WHITESPACE),
    patterns.URL_CHAR: _negated(patterns.WHITESPACE + patterns.CONTROL),
}


def quick_to_draw(pattern: str) -> str:
    """``pattern`` with the contract's widest classes in their quick spelling (same strings)."""
    for spelled, quicker in QUICK_TO_DRAW.items():
        pattern = pattern.replace(spelled, quicker)
    return pattern


def pattern_strings(pattern: str, alphabet: Any) -> st.SearchStrategy[str]:
    """Strings that ``pattern`` finds a match in, newline endings included.

    hypothesis-jsonschema asks again for every body it draws; the answer is kept.
    """
    key = (pattern, repr(alphabet))
    strategy = _DRAWN.get(key)
    if strategy is None:
        quick = quick_to_draw(pattern)
        strategy = _DRAWN[key] = regex_strategy(quick, fullmatch=False, alphabet=alphabet)
    return strategy


_DRAWN: dict[tuple[str, str], st.SearchStrategy[str]] = {}


# hypothesis-jsonschema draws every "pattern" string through this function.
from_schema_module.from_js_regex = pattern_strings


def schema_bodies(schemas: dict[str, dict[str, Any]]) -> st.SearchStrategy[Any]:
    """Valid bodies drawn from each model's own schema."""
    strategies = {model_id: from_schema(schema) for model_id, schema in schemas.items()}
    return st.sampled_from(sorted(strategies)).flatmap(lambda model_id: strategies[model_id])


NUMBERS = [0, 1, -1, 1.0, 1.5, -0.0, 1e300, 10**30, -(10**400), 2**53 + 1]
ODD_VALUES = st.sampled_from([None, True, False, *NUMBERS, {}, {"a": 1}, [], ["x"]])
ODD_TEXTS = st.sampled_from(
    ["", " ", "\t\n", "\u3000\xa0", "\ufeff", "\ud800", "x\udc00", "\U0001f98a", '"\\', "\n"]
)


def _near(text: str) -> st.SearchStrategy[str]:
    """``text`` itself, and the ways a client gets it nearly right."""
    return st.sampled_from(
        [text, text + "\n", "\n" + text, text + " ", text.upper(), text + "\ud800", text[:-1]]
    )


def _lengths(limit: int) -> st.SearchStrategy[str]:
    """Strings at and just past a length limit, in ASCII, astral and whitespace characters."""
    return st.sampled_from([limit, limit + 1]).flatmap(
        lambda n: st.sampled_from(["p" * n, "\U0001f98a" * n, " " * n, "p" * (n - 1) + "\ud800"])
    )


def _field_values(limits: Any) -> dict[str, st.SearchStrategy[Any]]:
    """For each field the model knows, and a few it does not: values near and far from valid."""
    fields: dict[str, st.SearchStrategy[Any]] = {
        "model": _near(limits.model_id) | ODD_VALUES,
        "prompt": _lengths(limits.prompt_max) | _near("p") | ODD_TEXTS | ODD_VALUES,
        "generation_type": st.sampled_from(limits.generation_types).flatmap(_near) | ODD_VALUES,
        "source_media_urls": st.lists(
            _near(URL)
            | st.sampled_from(
                [
                    "https://x y",
                    "https://cdn example.com/a.png",
                    "https://",
                    "https:///a",
                    "http://a",
                ]
            )
            | ODD_TEXTS
            | ODD_VALUES,
            max_size=3,
        )
        | ODD_VALUES,
        "duration": st.sampled_from([*limits.duration_options, "5s"]).flatmap(_near) | ODD_VALUES,
        "negative_prompt": _lengths(limits.prompt_max) | ODD_TEXTS | ODD_VALUES,
        "sound": ODD_VALUES,
        "seed": ODD_VALUES,
    }
    for parameter in limits.parameters:
        known = valid_values(parameter) + wrong_values(parameter) + wrong_types(parameter)
        near = st.sampled_from(known)
        strings = [v for v in known if isinstance(v, str) and v]
        if strings:
            near |= st.sampled_from(strings).flatmap(_near)
        fields[parameter.name] = near | ODD_TEXTS | ODD_VALUES
    return fields


_DROP = object()  # the field is left out of the body


def _replaced(body: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    merged = {**body, **values}
    return {key: value for key, value in merged.items() if value is not _DROP}


def hostile_bodies(limits_module: Any) -> st.SearchStrategy[dict[str, Any]]:
    """A valid body of some model with one to three fields replaced by values no schema
    would generate, or left out."""
    models = limits_module.MODEL_LIMITS

    def near_model(model_id: str) -> st.SearchStrategy[dict[str, Any]]:
        limits = models[model_id]
        bodies = valid_bodies(limits)
        fields = _field_values(limits)
        names = sorted(fields)

        def replace(body: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
            chosen = st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)
            return chosen.flatmap(
                lambda keys: st.fixed_dictionaries(
                    {k: fields[k] | st.just(_DROP) for k in keys}
                ).map(lambda values: _replaced(body, values))
            )

        return st.sampled_from(bodies).flatmap(replace)

    return st.sampled_from(sorted(models)).flatmap(near_model)
