"""Synthetic items in the shapes acm-sig-proceedings' sort keys meet, for order_fuzz.py --acm N.

acm-sig-proceedings sorts by its author macro, then the title. The author macro prints, for webpages, the title with
a ":" suffix; else the authors (all inverted, initialize-with ".", et-al after 3+ names with one name kept in the
bibliography, a short role label), substituted by the editors, else the translators. So items are ordered by: names
in every written shape (initials with and without periods, hyphenated and lower-case given names, particles — the
style demotes them sort-only —, suffixes, literals, family-only and given-only names, non-Latin names), the length of
the list, editors against translators against both (the same list under one label), webpages' titles among names,
and then titles. Deterministic (seeded); few values of each so that items tie on the first key.
"""

from __future__ import annotations

import random

from order_items_wide import CORPORATE, OTHERS, SMITH
from order_shared import variants

NAMES = (
    SMITH
    + OTHERS[:12]
    + CORPORATE[:8]
    + [
        {"family": "Doe", "given": "Jane"},
        {"family": "Doe", "given": "J."},
        {"family": "Doe", "given": "Ja."},
        {"family": "Doe", "given": "Ch."},
        {"family": "Doe", "given": "Jane Q"},
        {"family": "Doe", "given": "J Q"},
        {"family": "Doe", "given": "J.Q."},
        {"family": "Doe", "given": "Jane-Q."},
        {"family": "Doe", "given": "Á."},
        {"family": "Doe", "given": "Ärne"},
        {"family": "Doe", "given": "(Jane)"},
        {"family": "Doe", "given": "Jane (Q.)"},
        {"family": "Doe", "given": 'J. "Jay"'},
        {"family": "Doe", "given": "李"},
        {"family": "Doe", "given": "Иван"},
        {"family": "Doe", "given": "de J.", "dropping-particle": ""},
        {"family": "Doe", "given": "Jane", "non-dropping-particle": "van"},
        {"family": "Doe", "given": "Jane", "dropping-particle": "van"},
        {"family": "Doe", "given": "Jane", "suffix": "Jr."},
        {"family": "Doe", "given": "Jane", "suffix": "jr"},
        {"family": "Doe", "given": "Jane", "comma-suffix": True, "suffix": "Jr."},
        {"family": "Doe", "given": "Jane", "static-ordering": True},
        {"family": "Doe", "given": "Jane", "parse-names": False},
        {"family": "Roe", "given": "Rick"},
        {"family": "Roe"},
        {"given": "Roe"},
    ]
)
# given names as real libraries write them: initials with and without periods or spaces, hyphens, lower-case,
# all capitals, apostrophes, particles and suffixes inside, brackets, non-Latin scripts, digits
GIVENS = [
    "Jean-Paul",
    "Jean-paul",
    "J.-P.",
    "J-P",
    "JP",
    "J.P.",
    "J. P.",
    "jean paul",
    "JEAN PAUL",
    "Jean P.",
    "Mary-Kate",
    "Abdul-Rahman",
    "Xiao-Ming",
    "Xiaoming",
    "D'Arcy",
    "D’Arcy",
    "Ch.",
    "Th.",
    "Ph.D.",
    "Ludwig van",
    "Jane, Jr.",
    "J. R. R.",
    "JRR",
    "J.R.R",
    "Á. B.",
    "Åsa",
    "Øystein",
    "Œdipe",
    "Ŀuis",
    "Élise",
    "Ewa-Maria",
    "El-Sayed",
    "Ş.",
    "İlker",
    "Ímre",
    "Алексей",
    "А. Б.",
    "太郎",
    "Μ.",
    "Madonna",
    "(Bob)",
    "Bob (Robert)",
    '"Bob"',
    "2Pac",
    "J. van",
    "Mc",
    "O.",
    "a.",
    "de la Cruz",
    "José-María",
]
NAMES += [{"family": "Doe", "given": g} for g in GIVENS] + [{"family": "Ng", "given": g} for g in GIVENS[::3]]
TITLES = ["Same title", "The same title", "same title", "Same title: sub", "[Same title]", "“Same” title", None]
TYPES = ["paper-conference", "article-journal", "book", "chapter", "webpage", "webpage", "thesis", "report", "patent"]
ROLES = [("author",), ("author",), ("author",), ("editor",), ("translator",), ("editor", "translator")]


def _list(rng: random.Random) -> list[dict]:
    n = rng.choice([1, 1, 1, 2, 2, 3, 4])
    head = rng.choice(NAMES[:8] + NAMES[-26:]) if rng.random() < 0.7 else rng.choice(NAMES)
    return [dict(head)] + [dict(rng.choice(NAMES)) for _ in range(n - 1)]


def acm_item(rng: random.Random, ident: str) -> dict:
    """One random item in the shapes acm-sig-proceedings' author macro and title key print."""
    item: dict = {"id": ident, "type": rng.choice(TYPES)}
    roles = rng.choice(ROLES)
    names = _list(rng)
    for role in roles:
        item[role] = [dict(n) for n in names] if rng.random() < 0.7 else _list(rng)
    if rng.random() < 0.15:
        item["editor" if "author" in roles else "author"] = _list(rng)
    if rng.random() < 0.1:
        item.pop(roles[0], None)
    title = rng.choice(TITLES)
    if title:
        item["title"] = title
    if rng.random() < 0.7:
        item["issued"] = {"date-parts": [[rng.choice([2000, 2000, 2001])]]}
    if rng.random() < 0.3:
        item["container-title"] = rng.choice(["Proc. Conf.", "Journal"])
    return item


def acm_items(count: int, seed: int = 19) -> list[dict]:
    """`count` random items in acm-sig-proceedings' shapes, ids "acm<n>"; copies with one variable changed."""
    return variants(count, seed, "acm", acm_item, 0.4, drop_rate=0.2, change_type=True)
