"""Synthetic items for the order differential test in the shapes MLA's sort macros meet (order_fuzz.py --mla N).

modern-language-association sorts by its author, title, supplemental elements and container macros, so items that
agree on author and title are ordered by what those macros print: container titles, contributors ("edited by"),
versions and numbers (with labels written into the values: "vol. 7", "no. 3", "pp. 5-7"), publishers, dates,
locations; titles with leading punctuation, quotes and markup under text-case; items without authors (the title
substituted); reviews, interviews, posts. Deterministic (seeded); few authors and titles so that later keys decide.
"""

from __future__ import annotations

import random

from order_shared import variants

AUTHORS: list[list[dict] | None] = [
    None,
    [{"family": "Doe", "given": "Jane"}],
    [{"family": "Doe", "given": "Jane"}, {"family": "Roe", "given": "Rick"}],
    [{"literal": "World Health Organization"}],
    [{"family": "Augustine"}],  # humanities sources: classical authors with one name
]
TITLES = [
    None,
    ": the program",
    "...and then",
    "; semicolon first",
    "? a question",
    "! bang",
    ". dotted",
    "“Quoted” title",
    '"Straight" title',
    "<i>Italic</i> start",
    "the same title",
    "The Same Title",
    "A title: with subtitle",
    "vol. 7",
    "2nd edition",
    "Abuse or Reuse?: Public Space",  # marks meeting inside a title (hum- sources)
]
CONTAINERS = [None, None, "Journal of Things", ": the journal", "the journal", "<i>Nature</i>", "“Quoted” Journal"]
NUMBERS = [None, None, "7", "12", "vol. 7", "no. 3", "Vol. 7", "3-4", "no. 3-4", "II", "S1", "0", "12a", "p. 5"]
NUMBERS += ["2/369", "1/1"]  # series numbers "Reihe/Band" of the humanities sources
PAGES = [None, None, "5", "5-7", "pp. 5-7", "p. 5", "e1003", "x+300", "iv-ix", "pp. A", "vol. 7-44", "ch. 5"]
EDITIONS = [None, None, "2", "2nd", "2nd ed.", "Revised", "10", "rev. and enl ed.", "second and revised ed."]
TYPES = [
    "book",
    "article-journal",
    "chapter",
    "paper-conference",
    "report",
    "thesis",
    "webpage",
    "post",
    "post-weblog",
    "review",
    "review-book",
    "interview",
    "software",
    "song",
    "broadcast",
    "entry-encyclopedia",
    "article-magazine",
    "dataset",
]
PEOPLE = [{"family": "Ed", "given": "Ann"}, {"family": "Ed", "given": "Bob"}, {"family": "Trans", "given": "Tim"}]
DATES: list[dict | None] = [
    None,
    {"date-parts": [[2000]]},
    {"date-parts": [[2000, 5]]},
    {"date-parts": [[2000, 5, 17]]},
    {"literal": "forthcoming"},
    {"raw": "2000-05"},
    {"date-parts": [[2000], [2002]]},
    {"literal": "n.d."},
    {"date-parts": [[-50]]},  # ancient works (BC)
]
TEXTS = {
    "publisher": [None, "MIT Press", "Springer", "springer"],
    "publisher-place": [None, "London", "New York", "[s.l.]"],
    "collection-title": [None, "Series A", "series a"],
    "genre": [None, "PhD thesis", "Podcast", "Film"],
    "medium": [None, "DVD", "Audio"],
    "status": [None, "forthcoming", "in press"],
    "reviewed-title": [None, "The Reviewed Book", ": reviewed"],
    "event-title": [None, "Conference on Things"],
    "event-place": [None, "Paris"],
    "URL": [None, "https://example.org/a", "https://example.org/b"],
    "DOI": [None, "10.1000/xyz"],
}


def _choose(rng: random.Random, options: list) -> object:
    return rng.choice(options)


def mla_item(rng: random.Random, ident: str) -> dict:
    """One random item in the shapes MLA's macros print."""
    item: dict = {"id": ident, "type": rng.choice(TYPES)}
    for variable, options in (("author", AUTHORS), ("title", TITLES), ("container-title", CONTAINERS)):
        value = _choose(rng, options)
        if value:
            item[variable] = value
    for role in ("editor", "translator", "interviewer", "reviewed-author", "container-author"):
        if rng.random() < 0.15:
            item[role] = [dict(p) for p in rng.sample(PEOPLE, rng.choice([1, 2]))]
    numbers = ("volume", "issue", "number", "part-number", "supplement-number", "version", "collection-number")
    for variable in numbers:
        if rng.random() < 0.3:
            value = _choose(rng, NUMBERS)
            if value:
                item[variable] = value
    for variable, options in (("page", PAGES), ("edition", EDITIONS), ("issued", DATES), ("original-date", DATES)):
        value = _choose(rng, options) if rng.random() < (0.6 if variable != "original-date" else 0.15) else None
        if value:
            item[variable] = value
    for variable, options in TEXTS.items():
        value = _choose(rng, options) if rng.random() < 0.3 else None
        if value:
            item[variable] = value
    return item


def mla_items(count: int, seed: int = 16) -> list[dict]:
    """`count` random items in MLA's shapes, ids "mla<n>"; some copies of others with one variable changed."""
    return variants(count, seed, "mla", mla_item, 0.3)
