"""Synthetic items in the shapes of real libraries that sort keys meet, for order_fuzz.py --wide N.

Wider than order_items.py: titles starting with brackets, quotes, digits, articles, punctuation, markup (<i>, <sc>,
<sup>, <span class="nocase">, small-caps spans) and TeX leftovers ({\\em …}, \\&, ~, --); items without author (title,
editor, container or nothing substituting), "Anonymous"; corporate names with particles or "The"; the same person
with and without given names, with initials written every way, with suffixes; names with only a family or only a
given name, particles, non-Latin names and their transliterations; editors, translators, directors, composers only;
every CSL type; dates as ranges, seasons (names and numbers 13-24), circa, raw and literal strings, "n.d.", dates
that differ only after the year; multi-volume works (volume, number-of-volumes, volume-title), editions, the same
titles in different containers. Few distinct values of each so that items tie on their first keys and later keys
decide. Deterministic (seeded).
"""

from __future__ import annotations

import random

from order_shared import variants

from litsite.csl.schema import ITEM_TYPES  # the scripts that import this module put the repository on sys.path

SMITH = [
    {"family": "Smith", "given": "John"},
    {"family": "Smith", "given": "J."},
    {"family": "Smith", "given": "J"},
    {"family": "Smith", "given": "J. A."},
    {"family": "Smith", "given": "J.A."},
    {"family": "Smith", "given": "JA"},
    {"family": "Smith", "given": "John A."},
    {"family": "Smith", "given": "John Adam"},
    {"family": "Smith", "given": "Jean-Paul"},
    {"family": "Smith", "given": "J.-P."},
    {"family": "Smith", "given": "john"},
    {"family": "Smith"},
    {"family": "Smith", "given": "John", "suffix": "Jr."},
    {"family": "Smith", "given": "John", "suffix": "III"},
    {"family": "Smith", "given": "John, Jr."},
    {"family": "Smith", "given": "Jr., John"},
    {"family": "SMITH", "given": "John"},
    {"family": "Smith-Jones", "given": "John"},
    {"family": "Smith Jones", "given": "John"},
    {"literal": "Smith, John"},
    {"literal": "John Smith"},
]
OTHERS = [
    {"family": "Beauvoir", "given": "Simone", "non-dropping-particle": "de"},
    {"family": "de Beauvoir", "given": "Simone"},
    {"family": "Beauvoir", "given": "Simone de"},
    {"family": "Goethe", "given": "Johann Wolfgang", "dropping-particle": "von"},
    {"family": "Goethe", "given": "Johann Wolfgang von"},
    {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
    {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "Van"},
    {"family": "Hoff", "given": "J. H.", "non-dropping-particle": "van 't"},
    {"family": "Medici", "given": "Lorenzo", "non-dropping-particle": "de'"},
    {"family": "Ibn Khaldun", "given": "Abd al-Rahman"},
    {"family": "Khaldun", "given": "Abd al-Rahman", "non-dropping-particle": "Ibn"},
    {"family": "Dostoevsky", "given": "Fyodor"},
    {"family": "Достоевский", "given": "Фёдор"},
    {"family": "Mao", "given": "Zedong"},
    {"family": "毛", "given": "泽东"},
    {"family": "Mao Zedong"},
    {"family": "Murakami", "given": "Haruki"},
    {"family": "村上", "given": "春樹"},
    {"family": "Ἀριστοτέλης"},
    {"family": "Aristotle"},
    {"given": "Aristotle"},
    {"family": "Anonymous"},
    {"literal": "Anonymous"},
    {"literal": "Anon."},
    {"family": "[Anon.]"},
    {"family": "Ó Súilleabháin", "given": "Seán"},
    {"family": "O Suilleabhain", "given": "Sean"},
    {"family": "Nguyễn", "given": "Văn An"},
    {"family": "Nguyen", "given": "Van An"},
    {"family": "García Márquez", "given": "Gabriel"},
    {"family": "Garcia", "given": "Gabriel"},
    {"family": "Ørsted", "given": "Hans Christian"},
    {"family": "Orsted", "given": "Hans"},
    {"family": "Øverland", "given": "Arnulf"},
    {"family": "Zola", "given": "Émile"},
    {"family": "Zola", "given": "Emile"},
    {"family": "Zola", "given": "É."},
    {"family": "'t Hooft", "given": "Gerard"},
    {"family": "Hooft", "given": "Gerard", "non-dropping-particle": "'t"},
]
CORPORATE = [
    {"literal": "The World Bank"},
    {"literal": "World Bank"},
    {"literal": "The University of Chicago Press"},
    {"literal": "University of Chicago"},
    {"literal": "Universität zu Köln"},
    {"literal": "van Leer Foundation"},
    {"literal": "Van Leer Foundation"},
    {"literal": "de Gruyter"},
    {"literal": "A Tribe Called Quest"},
    {"literal": "An Organisation"},
    {"literal": "U.S. Department of State"},
    {"literal": "US Department of State"},
    {"literal": "3M"},
    {"literal": "[Bureau]"},
    {"literal": "(Bureau)"},
    {"literal": "“Bureau”"},
    {"literal": "<i>Bureau</i>"},
    {"family": "World Bank"},
    {"family": "The World Bank"},
]
TITLES = [
    "Same title",
    "Same Title",
    "The same title",
    "A same title",
    "An same title",
    "Same title: A subtitle",
    "Same title. A subtitle",
    "Same title (2nd ed.)",
    "[Same title]",
    "[Review of Same title]",
    "(Same title)",
    "{Same} title",
    "{\\em Same} title",
    "\\emph{Same} title",
    "Same~title",
    "Same \\& title",
    "Same -- title",
    "Same---title",
    "``Same'' title",
    "“Same” title",
    "‘Same’ title",
    "'Same' title",
    '"Same" title',
    "«Same» title",
    "„Same“ title",
    "<i>Same</i> title",
    "<b>Same</b> title",
    "<sc>Same</sc> title",
    "<sup>1</sup>Same title",
    "Same<sup>2</sup> title",
    '<span class="nocase">same</span> title',
    '<span style="font-variant:small-caps;">Same</span> title',
    "...Same title",
    "…Same title",
    "-Same title",
    "*Same title",
    "#Same title",
    "¿Same title?",
    "Same title?",
    "Same title!",
    "1 Same title",
    "2 Same title",
    "10 Same title",
    "1st Same title",
    "2nd Same title",
    "100 Same titles",
    "1,000 Same titles",
    "1.5 Same titles",
    "1984",
    "0 Same title",
    "A",
    "The",
    "An",
    "Theory of same",
    "Anatomy of same",
    "Ane same",
    "Der gleiche Titel",
    "Die gleiche Titel",
    "Le même titre",
    "L'même titre",
    "El mismo título",
    "Thé same title",
    "The\u00a0same title",
    "Same  title",
    "Same\ttitle",
    " Same title",
    "Same title ",
    "same-title",
    "Same-Title",
    "Sametitle",
    "Same titles",
    "Same title 2",
    "Same title 10",
    "Same title II",
    "Same title, vol. 2",
    "Same title, vol. 10",
]
TYPES = sorted(ITEM_TYPES)
DATES: list[dict] = [
    {"date-parts": [[2000]]},
    {"date-parts": [[2000]]},
    {"date-parts": [[2000, 1]]},
    {"date-parts": [[2000, 11]]},
    {"date-parts": [[2000, 2, 3]]},
    {"date-parts": [[2000, 2, 30]]},
    {"date-parts": [[2000], [2001]]},
    {"date-parts": [[2000, 1], [2000, 6]]},
    {"date-parts": [[2000, 1, 5], [2000, 1, 9]]},
    {"date-parts": [[1999], [2000]]},
    {"date-parts": [[2000, 13]]},
    {"date-parts": [[2000, 14]]},
    {"date-parts": [[2000, 24]]},
    {"date-parts": [[2000]], "season": 1},
    {"date-parts": [[2000]], "season": "Winter"},
    {"date-parts": [[2000]], "circa": True},
    {"date-parts": [[2000]], "circa": "1"},
    {"date-parts": [[-300]]},
    {"date-parts": [[300]]},
    {"date-parts": [[0]]},
    {"date-parts": [["2000", "5"]]},
    {"raw": "2000"},
    {"raw": "2000/2001"},
    {"raw": "2000-2001"},
    {"raw": "ca. 2000"},
    {"raw": "Winter 2000"},
    {"raw": "2000-02-03"},
    {"raw": "3 February 2000"},
    {"raw": "February 3, 2000"},
    {"literal": "n.d."},
    {"literal": "2000"},
    {"literal": "in press"},
    {"literal": "Forthcoming"},
    {"literal": "ca. 2000"},
]
NUMBERS = [
    "1",
    "2",
    "10",
    "1-2",
    "2–3",
    "II",
    "iv",
    "2a",
    "A",
    "vol. 2",
    "Vol. 10",
    "2, pt. 1",
    "1/2",
    "2 & 3",
    "2, 3",
]
EDITIONS = ["2", "2nd", "2nd ed.", "10", "Second", "second edition", "rev.", "Rev. ed.", "3rd, rev.", "1"]
CONTAINERS = ["Journal", "The Journal", "journal", "J.", "<i>Journal</i>", "[Journal]", "Same title"]
PUBLISHERS = ["Press", "The Press", "press", "Oxford University Press", "OUP", "[s.n.]"]
PEOPLE = [SMITH[0], SMITH[1], OTHERS[0], OTHERS[21], CORPORATE[0]]
ROLES = ["editor", "translator", "director", "composer", "container-author", "collection-editor", "illustrator"]


def _person(rng: random.Random) -> dict:
    pool = rng.choice([SMITH, SMITH, OTHERS, CORPORATE])
    return dict(rng.choice(pool))


def _names(rng: random.Random) -> list[dict]:
    """A list mostly headed by one of few people, of 1 to 12 names."""
    n = rng.choice([1, 1, 1, 1, 2, 2, 3, 3, 4, 7, 12])
    head = dict(rng.choice(PEOPLE)) if rng.random() < 0.5 else _person(rng)
    return [head] + [_person(rng) for _ in range(n - 1)]


def _creators(rng: random.Random, item: dict) -> None:
    roll = rng.random()
    if roll < 0.5:
        item["author"] = _names(rng)
    elif roll < 0.75:  # no author: a role, two roles sharing the list, or the container's editor substitutes
        roles = rng.sample(ROLES, rng.choice([1, 1, 2]))
        names = _names(rng)
        for role in roles:
            item[role] = [dict(n) for n in names] if rng.random() < 0.6 else _names(rng)
    if "author" in item and rng.random() < 0.2:
        item[rng.choice(ROLES)] = _names(rng)


def wide_item(rng: random.Random, ident: str) -> dict:
    """One random item in the shapes above."""
    item: dict = {"id": ident, "type": rng.choice(TYPES)}
    _creators(rng, item)
    if rng.random() < 0.92:
        item["title"] = rng.choice(TITLES)
    if rng.random() < 0.15:
        item["title-short"] = rng.choice(TITLES)
    if rng.random() < 0.85:
        item["issued"] = rng.choice(DATES)
    if rng.random() < 0.1:
        item["original-date"] = rng.choice(DATES)
    if rng.random() < 0.4:
        item["container-title"] = rng.choice(CONTAINERS)
    if rng.random() < 0.3:
        item["publisher"] = rng.choice(PUBLISHERS)
    for variable, rate in (("volume", 0.3), ("number-of-volumes", 0.1), ("issue", 0.2), ("number", 0.1)):
        if rng.random() < rate:
            item[variable] = rng.choice(NUMBERS)
    if rng.random() < 0.1:
        item["volume-title"] = rng.choice(TITLES[:8])
    if rng.random() < 0.2:
        item["edition"] = rng.choice(EDITIONS)
    if rng.random() < 0.2:
        item["page"] = rng.choice(["1-10", "5", "10-20", "e5", "iv-x", "100-9"])
    if rng.random() < 0.08:
        item["language"] = rng.choice(["en", "de", "fr", "es", "zh", "ja", "ru"])
    if rng.random() < 0.05:
        item["status"] = rng.choice(["forthcoming", "in press"])
    if rng.random() < 0.1:
        item["URL"] = "https://example.org/" + rng.choice("ab")
    return item


def wide_items(count: int, seed: int = 18) -> list[dict]:
    """`count` random items of these shapes, ids "wide<n>"; many copies of others with one variable changed."""
    return variants(count, seed, "wide", wide_item, 0.4, drop_rate=0.3, change_type=True)
