"""Build the benchmark's specs: the real 44 models, or variants of them up to N models.

A variant copies one real model under a new id (``flux-2-v0001``), so every size exercises
the same rules. Specs are written to a temporary project folder, never into the repository.
"""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "models.yaml"


class _NoAliases(yaml.SafeDumper):
    """The loader rejects nothing here, but plain copies read better than anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def spec_data(size: int, distinct: bool = False) -> dict[str, Any]:
    """The real spec grown to ``size`` models: the originals first, then numbered variants.

    A variant differs from its original only in its id, as variants per resolution do, so
    its request schema has the same shape. With ``distinct``, each variant also gets its own
    prompt_max, so every model has a shape of its own: the Pydantic generator's worst case.
    """
    data = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    originals = data["models"]
    if size < len(originals):
        raise ValueError(f"size {size} is below the {len(originals)} models of the real spec")
    models = dict(originals)
    ids = sorted(originals)
    index = 0
    while len(models) < size:
        base = ids[index % len(ids)]
        variant = copy.deepcopy(originals[base])
        # A copy keeps no ``variants:`` axes of its own, so the spec's size is the number of
        # model ids (the original's variant ids aside): the sizes stay comparable.
        variant.pop("variants", None)
        if distinct:
            prompt_max = _inherited(originals, base, "prompt_max")
            variant["prompt_max"] = max(1, prompt_max - index // len(ids) - 1)
        models[f"{base}-v{index // len(ids) + 1:04d}"] = variant
        index += 1
    return {**data, "models": models}


def _inherited(models: dict[str, Any], model_id: str, key: str) -> Any:
    """A key's value as a model has it: written, or from the model it extends."""
    model = models[model_id]
    while key not in model:
        model = models[model["extends"]]
    return model[key]


def write_project(folder: Path, size: int, distinct: bool = False) -> Path:
    """A throwaway project with a ``size``-model spec in ``folder/spec/models.yaml``.

    The pyproject.toml marks the project root, so the generated headers name the spec the
    same way as in the repository.
    """
    (folder / "spec").mkdir(parents=True, exist_ok=True)
    (folder / "pyproject.toml").write_text('[project]\nname = "bench"\n', encoding="utf-8")
    shutil.copy(ROOT / "spec" / "models.schema.json", folder / "spec" / "models.schema.json")
    spec = folder / "spec" / "models.yaml"
    write_spec(spec, spec_data(size, distinct))
    return folder


def write_spec(path: Path, data: dict[str, Any]) -> None:
    """Dump ``data`` as a spec file, keys in their own order."""
    text = yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def change_one_model(path: Path) -> str:
    """Raise one model's prompt_max by one, as a person editing one limit would; return its id.

    A text edit, not a reload: at 10,000 models that keeps the untimed preparation short.
    """
    text = path.read_text(encoding="utf-8")
    limits = list(re.finditer(r"^  (\S+):\n    prompt_max: (\d+)$", text, re.MULTILINE))
    middle = limits[len(limits) // 2]
    start, end = middle.span(2)
    path.write_text(text[:start] + str(int(middle[2]) + 1) + text[end:], encoding="utf-8")
    return middle[1]
