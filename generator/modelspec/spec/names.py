"""The names outputs derive from a spec, and the ones they cannot take.

Validation refuses a spec whose ids or parameters would give clashing or unusable names in
the outputs; the renderers build the names with the same functions, so the two agree.
"""

from __future__ import annotations

import re
from functools import cache

# The schema and class name of the request union of all models.
REQUEST = "GenerateMediaRequest"
# No text of a schema may hold these (validation refuses them): the Pydantic generator's
# placeholders are put back by plain replacement, which must not touch anything else.
RESERVED_WORDS = ("modelspec-shape-", "ModelspecShape")


@cache
def request_name(model_id: str) -> str:
    """The schema and class name of a model's request: ``gpt-1.5-image-high`` → ``Gpt15ImageHighRequest``.

    Identifier-like on purpose: code generators read dots in a component name as module paths.
    """
    words = re.split(r"[^A-Za-z0-9]+", model_id)
    name = "".join(word[:1].upper() + word[1:] for word in words) + "Request"
    return f"Model{name}" if name[0].isdigit() else name


def field_name_problem(name: str) -> str | None:
    """Why a request field named ``name`` cannot be a field of the generated classes, if so.

    datamodel-code-generator renames keywords and BaseModel's attributes with an alias
    (``class_``, ``schema_``), so nearly every name works; tests/test_names.py tries them all.
    """
    if name in _SHADOWING:
        return f"their annotations use the builtin {name}, which a field of that name hides"
    for prefix in _PROTECTED:
        if name.startswith(prefix):
            return f"Pydantic reserves names starting with {prefix!r} and warns on import"
    return None


_SHADOWING = frozenset({"list"})  # builtins the generated annotations name
_PROTECTED = ("model_dump", "model_validate")  # Pydantic's protected_namespaces
