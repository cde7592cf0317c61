"""Synthetic items for the order differential test in the shapes Chicago's sort macros meet (order_fuzz.py --chicago N).

chicago-notes-bibliography sorts by author-sort (legal titles for legal types; else a long substitute chain: composer,
author, guest, host, performer of songs, illustrator, collection-editor of multivolume works, editor, translator,
director, producers, compiler, chair/organizer of events, curator, the publisher of software and webpages, the
authority of standards, then titles), title-and-descriptions-bib (title, or for untitled items genre/medium/number
descriptions), source-bib, volume, part-number, event-date and the date or status. So items that agree on their
first keys are ordered by what those macros print: roles in the substitute chain, multivolume parts and volume
titles, descriptions, containers, events, statuses and dates. Deterministic (seeded); few names and titles so that
later keys decide. The shapes come from processors' and tools' test libraries (JabRef, citeproc-lua's biblatex-apa
data: films, songs, software, standards, legal items, reviews, reprints, multivolume works).
"""

from __future__ import annotations

import random

from order_shared import variants

PEOPLE = [
    {"family": "Doe", "given": "Jane"},
    {"family": "Doe", "given": "J."},
    {"family": "Roe", "given": "Rick"},
    {"literal": "IEEE Computer Society"},
    {"literal": "The Beatles"},
    {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
]
ROLES = [
    "author",
    "composer",
    "guest",
    "host",
    "performer",
    "illustrator",
    "collection-editor",
    "editor",
    "translator",
    "director",
    "producer",
    "executive-producer",
    "series-creator",
    "editorial-director",
    "compiler",
    "chair",
    "organizer",
    "curator",
    "contributor",
    "interviewer",
    "recipient",
    "reviewed-author",
    "container-author",
]
TYPES = [
    "book",
    "book",
    "article-journal",
    "chapter",
    "paper-conference",
    "report",
    "thesis",
    "webpage",
    "software",
    "standard",
    "classic",
    "entry-dictionary",
    "entry-encyclopedia",
    "song",
    "motion_picture",
    "broadcast",
    "interview",
    "personal_communication",
    "event",
    "performance",
    "speech",
    "legal_case",
    "legislation",
    "bill",
    "treaty",
    "map",
    "musical_score",
    "dataset",
    "manuscript",
    "review-book",
    "patent",
]
TITLES = [None, None, "Same Title", "The Same Title", "same title", "Handbook: Theory", "Handbook", "vol. 2", "Études"]
NUMBERS = [None, "1", "2", "10", "II", "2a", "3-4", "vol. 7", "Part 1"]
DATES: list[dict | None] = [
    None,
    {"date-parts": [[2000]]},
    {"date-parts": [[2000, 5]]},
    {"date-parts": [[2000, 5, 17]]},
    {"date-parts": [[1999], [2001]]},
    {"date-parts": [[2000]], "season": "Spring"},
    {"literal": "forthcoming"},
    {"raw": "2000-05"},
]
TEXTS = {
    "container-title": [None, "Journal of Things", "The Encyclopedia", "Proceedings of Things", "journal of things"],
    "collection-title": [None, "Series A", "Lecture Notes"],
    "publisher": [None, "MIT Press", "Springer", "GitHub"],
    "publisher-place": [None, "London", "New York"],
    "authority": [None, "ISO", "U.S. Supreme Court", "Congress"],
    "genre": [None, "PhD diss.", "Technical report", "Film", "Podcast", "Software", "Letter"],
    "medium": [None, "DVD", "Audio", "Oil on canvas"],
    "status": [None, "forthcoming", "in press", "preprint"],
    "volume-title": [None, "The Middle Ages", "Modern Times"],
    "part-title": [None, "Origins", "Endings"],
    "event-title": [None, "Conference on Things", "Annual Meeting"],
    "event-place": [None, "Paris"],
    "archive": [None, "National Archives"],
    "archive_location": [None, "Box 3"],
    "references": [None, "Report no. 5"],
    "references-title": [None],
    "reviewed-title": [None, "The Reviewed Book"],
    "title-short": [None, "Same"],
    "version": [None, "1.0", "2.1"],
    "edition": [None, "2", "2nd", "Revised"],
    "section": [None, "A", "12"],
    "dimensions": [None, "90 min."],
    "URL": [None, "https://example.org/a"],
}


def _some(rng: random.Random, k: int) -> list[dict]:
    return [dict(p) for p in rng.sample(PEOPLE, k)]


def chicago_item(rng: random.Random, ident: str) -> dict:
    """One random item in the shapes Chicago's author-sort, title and source macros print."""
    item: dict = {"id": ident, "type": rng.choice(TYPES)}
    for role in rng.sample(ROLES, rng.choice([0, 1, 1, 2, 3])):
        item[role] = _some(rng, rng.choice([1, 1, 2]))
    title = rng.choice(TITLES)
    if title:
        item["title"] = title
    for variable in ("volume", "part-number", "number", "number-of-volumes", "issue", "chapter-number"):
        if rng.random() < 0.25:
            value = rng.choice(NUMBERS)
            if value:
                item[variable] = value
    for variable in ("issued", "event-date", "original-date", "available-date"):
        if rng.random() < (0.7 if variable == "issued" else 0.15):
            value = rng.choice(DATES)
            if value:
                item[variable] = value
    for variable, options in TEXTS.items():
        value = rng.choice(options) if rng.random() < 0.25 else None
        if value:
            item[variable] = value
    return item


def chicago_items(count: int, seed: int = 17) -> list[dict]:
    """`count` random items in Chicago's shapes, ids "chi<n>"; many copies of others with one variable changed."""
    return variants(count, seed, "chi", chicago_item, 0.4, drop_rate=0.3, change_type=True)
