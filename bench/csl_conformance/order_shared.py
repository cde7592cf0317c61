"""Synthetic items of the sort rules every author-date style shares, for the order differential test (order_fuzz.py).

Names sharing a family name inside one item (citeproc-js's name registry raises their given names in sort keys),
"et al." written into a name, dates written as text ("1st May 2000"), titles starting with "I" or "İ" in items whose
language lowers them the Turkish way or not. Deterministic (seeded).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from order_items import TITLES, TYPES, _names

_SAME_FAMILY = [
    [{"family": "Wang", "given": "Jing"}, {"family": "Wang", "given": "Jun"}],
    [{"family": "Wang", "given": "J."}, {"family": "Wang", "given": "Jzz"}],
    [{"family": "Brown", "given": "Kate"}, {"family": "Brown", "given": "Ann"}],
    [{"family": "Brown", "given": "Al"}],
    [{"family": "Lee", "given": "J. R."}],
    [{"family": "Lee", "given": "Jr"}],
    [{"family": "Doe", "given": "Jane, et al."}],
    [{"family": "Doe", "given": "Jane"}, {"family": "Roe", "given": "Rob", "dropping-particle": "et al."}],
    [{"family": "Işık", "given": "Ali"}, {"family": "Ilgaz", "given": "İpek"}],
    [{"family": "Ince", "given": "Ayşe"}],
]
_RAW_DATES = ["1st May 2000", "2000, May", "May 2000", "2000", "Decameron 2000", "2000-05-03 Dec. 0", "4 April 2000"]
_I_TITLES = ["Index of ideas", "ideal", "Irmak", "ılık", "İstanbul", "Iowa", "In İzmir"]
_LANGUAGES = [None, None, "tr", "TR", "tur", "az", "en", "english", " tr", "x"]


def registry_items(count: int, seed: int = 9) -> list[dict]:
    """`count` random items of the shapes above, mixed with some of the other names (ids "reg0", "reg1"…)."""
    rng = random.Random(seed)
    items = []
    for n in range(count):
        names = rng.choice(_SAME_FAMILY) if rng.random() < 0.7 else _names(rng)
        item = {"id": f"reg{n}", "type": rng.choice(TYPES), rng.choice(["author", "author", "editor"]): names}
        item["title"] = rng.choice(_I_TITLES + TITLES[:3])
        item["issued"] = {"raw": rng.choice(_RAW_DATES)} if rng.random() < 0.6 else {"date-parts": [[2000]]}
        language = rng.choice(_LANGUAGES)
        if language is not None:
            item["language"] = language
        items.append(item)
    return items


def variants(
    count: int,
    seed: int,
    prefix: str,
    make: Callable,
    copy_rate: float,
    drop_rate: float = 0.0,
    change_type: bool = False,
) -> list[dict]:
    """`count` random items of `make(rng, id)`, ids prefix<n>; at `copy_rate` a copy of an earlier one with one variable
    taken from a fresh item (its type too when `change_type`) or, at `drop_rate`, removed — the near-ties that test a
    sort rule."""
    rng = random.Random(seed)
    items: list[dict] = []
    for n in range(count):
        ident = f"{prefix}{n}"
        if not items or rng.random() >= copy_rate:
            items.append(make(rng, ident))
            continue
        base = rng.choice(items)
        donor = make(rng, "")
        copy = {**base, "id": ident}
        keys = [k for k in copy if k not in ("id", "type")]
        if drop_rate and keys and rng.random() < drop_rate:
            copy.pop(rng.choice(keys))
        else:
            fixed = ("id",) if change_type else ("id", "type")
            key = rng.choice([k for k in donor if k not in fixed] or ["title"])
            if key in donor:
                copy[key] = donor[key]
        items.append(copy)
    return items
