"""The near misses of a listed model id, found the slow and obvious way: the oracle for the
suggestions of validate_request's unknown_model message (``_near_model_ids`` in the module).

The rule, as the module's docstring states it: compare loose forms (case folded, every run of
whitespace, ".", "_" and "-" one "-", none at either end); the first kind that finds any wins:
the same loose form; one edit away (a character added, dropped, changed, or two neighbours
swapped); a "-"-separated part more at either end (the first 32 loose forms of each kind, in
sorted order) or fewer. At most three, the nearest in length first, then the page's order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hypothesis import strategies as st


def loose(model_id: str) -> str:
    return "-".join(re.split(r"[\s._-]+", model_id.casefold())).strip("-")


def one_edit_apart(a: str, b: str) -> bool:
    """Whether the optimal-string-alignment distance of ``a`` and ``b`` is exactly 1."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            row[j] = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[-2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1] == 1


def reference_near(model_ids: Sequence[str], wanted: str) -> list[str]:
    """Up to three of ``model_ids`` that ``wanted`` may mean, by brute force."""
    key = loose(wanted)
    if len(wanted) > 200 or not key:
        return []
    forms = {model_id: loose(model_id) for model_id in model_ids}
    known = sorted({form for form in forms.values() if form})
    more = [k for k in known if k.startswith(key + "-")][:32]
    more += sorted((k for k in known if k.endswith("-" + key)), key=lambda k: k[::-1])[:32]
    fewer = [k for k in known if key.startswith(k + "-") or key.endswith("-" + k)]
    kinds = [
        {key} & set(known),
        {k for k in known if one_edit_apart(k, key)},
        set(more + fewer),
    ]
    for found in kinds:
        if found:
            ranked = sorted(
                (abs(len(forms[m]) - len(key)), index, m)
                for index, m in enumerate(model_ids)
                if forms[m] in found
            )
            return [m for _, _, m in ranked[:3]]
    return []


def near_misses(model_id: str) -> st.SearchStrategy[str]:
    """``model_id`` slightly wrong: recased, padded, a separator swapped, a character added,
    dropped, changed or two swapped, a part cut off or added at either end."""
    letters = st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789-_. K")
    at = st.integers(0, len(model_id))
    edits = [
        st.just(model_id.upper()),
        st.just(model_id.swapcase()),
        st.sampled_from([" ", "\t", "\n", "  "]).map(lambda pad: pad + model_id + pad),
        st.just(model_id.replace("-", "_")),
        st.just(model_id.replace("-", ".")),
        st.tuples(at, letters).map(lambda e: model_id[: e[0]] + e[1] + model_id[e[0] :]),
        at.map(lambda i: model_id[:i] + model_id[i + 1 :]),
        st.tuples(at, letters).map(lambda e: model_id[: e[0]] + e[1] + model_id[e[0] + 1 :]),
        at.map(
            lambda i: (
                model_id[:i] + model_id[i + 1 : i + 2] + model_id[i : i + 1] + model_id[i + 2 :]
            )
        ),
        st.just(model_id.rpartition("-")[0]),
        st.just(model_id.partition("-")[2]),
        st.sampled_from(["-pro", "-2K", "-fast", "-x"]).map(lambda part: model_id + part),
        st.sampled_from(["new-", "x-"]).map(lambda part: part + model_id),
    ]
    return st.one_of(edits)
