"""Hostile CSL-JSON for the author and title sort keys, for order_fuzz.py --hostile N.

The four styles whose order is checked hardest (chicago-notes-bibliography, acm-sig-proceedings, MLA and MLA@de-DE)
sort by an author macro, then the title. So names are built from every field CSL-JSON allows — family, given,
suffix, dropping-particle, non-dropping-particle, literal, comma-suffix, static-ordering, parse-names — with
particles left inside family or given for citeproc-js to parse ("van der Berg", "d'Alembert", "de la Fontaine",
"Ibn", "al-"), quotes and markup inside name parts, empty strings, spaces, no-break spaces and tabs, upper-case
names, "et al." and "others" written as names; titles from markup (<i>, <b>, <sc>, <sup>, <sub>, nocase spans,
nested and unbalanced), leading punctuation, brackets, quotes of every kind, digits, roman numerals, articles of
other languages and "The" after markup or a quote, entities (&amp;), with title-short and container-title-short;
every CSL type with none, one or several roles of the substitute chains. Few base words, so that items tie on the
first keys and the parts a rule reads decide. Deterministic (seeded).
"""

from __future__ import annotations

import random

from order_shared import variants

from litsite.csl.schema import ITEM_TYPES  # the scripts that import this module put the repository on sys.path

FAMILIES = [
    "Berg",
    "berg",
    "BERG",
    "van der Berg",
    "Van der Berg",
    "van den Berg",
    "vanderBerg",
    "d'Alembert",
    "d’Alembert",
    "D'Alembert",
    "Alembert",
    "de la Fontaine",
    "La Fontaine",
    "Fontaine",
    "Ibn Sina",
    "ibn Sina",
    "Sina",
    "al-Farabi",
    "Al-Farabi",
    "al Farabi",
    "Farabi",
    "von Berg",
    "de Berg",
    "du Berg",
    "Berg Jr.",
    "Berg, Jr.",
    "Berg\u00a0Jr.",
    '"Berg"',
    "“Berg”",
    "‘Berg’",
    "'Berg",
    "<i>Berg</i>",
    "<b>Berg</b>",
    "<sc>Berg</sc>",
    '<span class="nocase">berg</span>',
    "Berg<sup>1</sup>",
    "[Berg]",
    "(Berg)",
    "Berg\u00a0Smith",
    "Berg\tSmith",
    "Berg  Smith",
    " Berg",
    "Berg ",
    "Berg-Smith",
    "Berg &amp; Smith",
    "Berg & Smith",
    "Ærø",
    "Øberg",
    "Éberg",
    "Smith",
    "et al.",
    "others",
    "",
]
GIVENS = [
    "Anna",
    "anna",
    "ANNA",
    "A.",
    "A",
    "A. B.",
    "A.B.",
    "Anna van",
    "Anna van der",
    "Anna de la",
    "Anna d'",
    "Anna al-",
    "Anna Maria",
    "Anna-Maria",
    "Anna, Jr.",
    "Anna Jr.",
    "Anna\u00a0Maria",
    "Anna\tMaria",
    "Anna  Maria",
    " Anna",
    '"Anna"',
    "“Anna”",
    "'Anna'",
    "<i>Anna</i>",
    "<sc>Anna</sc>",
    "(Anna)",
    "[Anna]",
    "Ånna",
    "Émile",
    "et al.",
    "",
]
PARTICLES = ["van", "van der", "de", "de la", "d'", "d’", "Ibn", "ibn", "al-", "Al-", "von", "'t", "Van", "du", ""]
SUFFIXES = ["Jr.", "jr", "III", "Sr", "Ph.D.", "", "<i>Jr.</i>"]
LITERALS = [
    "Berg",
    "The Berg Society",
    "Berg Society, The",
    "van der Berg Stichting",
    "“Berg” Institute",
    "<i>Berg</i> Institute",
    "[Berg]",
    "BERG",
    "et al.",
    "others",
    "Berg &amp; Co.",
    "",
    " ",
    "\u00a0Berg",
]
TITLE_WORDS = [
    "Berg",
    "berg",
    "Apple",
    "apple",
    "Zebra",
    "Être",
    "Über",
    "Ärger",
    "Œuvre",
    "1984",
    "10",
    "2",
    "IV",
    "iv",
]
ARTICLES = ["", "", "", "The ", "the ", "A ", "An ", "Der ", "Die ", "Das ", "Le ", "La ", "L'", "El ", "Les ", "Los "]
OPENERS = [
    "",
    "",
    "",
    '"',
    "“",
    "‘",
    "'",
    "«",
    "„",
    "‚",
    "[",
    "(",
    "{",
    "¿",
    "¡",
    "...",
    "…",
    "-",
    "*",
    "#",
    ":",
    "; ",
    " ",
    "\u00a0",
    "\t",
    "&amp;",
    "&quot;",
    "&#x27;",
]
CLOSERS = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»", "„": "“", "‚": "‘", "[": "]", "(": ")", "{": "}"}
TAGS = ["i", "b", "sc", "sup", "sub", "nocase", "span-sc"]
TAILS = ["", "", " title", ": a subtitle", " and other stories", "?", " &amp; Co.", " II", " 2", " (review)", "s"]
ROLES = [
    "author",
    "editor",
    "translator",
    "container-author",
    "collection-editor",
    "composer",
    "director",
    "illustrator",
    "interviewer",
    "recipient",
    "reviewed-author",
    "editorial-director",
    "compiler",
    "guest",
    "host",
    "performer",
    "producer",
    "curator",
    "chair",
    "organizer",
]
TYPES = sorted(ITEM_TYPES)


def _pick(rng: random.Random, options: list[str]) -> str:
    return rng.choice(options)


def _person(rng: random.Random) -> dict:
    """One name with a random subset of CSL-JSON's name fields."""
    roll = rng.random()
    if roll < 0.12:
        return {"literal": _pick(rng, LITERALS)}
    name: dict = {}
    if roll > 0.2 or rng.random() < 0.5:
        name["family"] = _pick(rng, FAMILIES)
    if rng.random() < 0.75:
        name["given"] = _pick(rng, GIVENS)
    if rng.random() < 0.2:
        name["non-dropping-particle"] = _pick(rng, PARTICLES)
    if rng.random() < 0.15:
        name["dropping-particle"] = _pick(rng, PARTICLES)
    if rng.random() < 0.12:
        name["suffix"] = _pick(rng, SUFFIXES)
    for flag in ("comma-suffix", "static-ordering", "parse-names"):
        if rng.random() < 0.07:
            name[flag] = rng.choice([True, False, "true", "false", 1, 0])
    if not name:
        name["family"] = _pick(rng, FAMILIES)
    return name


def _names(rng: random.Random) -> list[dict]:
    """A list of 1 to 5 names (6 with "et al." or "others" written as a name)."""
    n = rng.choice([1, 1, 1, 1, 2, 2, 3, 5])
    names = [_person(rng) for _ in range(n)]
    if rng.random() < 0.1:  # "et al." or "others" written as the list's last name
        names.append({"family": rng.choice(["et al.", "others", "Others", "et al"])})
    return names


def _markup(rng: random.Random, text: str) -> str:
    """`text`, or part of it, inside one or two tags — sometimes unbalanced."""
    tag = rng.choice(TAGS)
    opening = {"nocase": '<span class="nocase">', "span-sc": '<span style="font-variant:small-caps;">'}
    start, end = opening.get(tag, f"<{tag}>"), "</span>" if tag in opening else f"</{tag}>"
    roll = rng.random()
    if roll < 0.1:
        return start + text  # unbalanced: opened only
    if roll < 0.15:
        return text + end  # unbalanced: closed only
    words = text.split(" ")
    cut = rng.randrange(1, len(words) + 1)
    inner = " ".join(words[:cut])
    if rng.random() < 0.2:
        inner = _markup(rng, inner)  # nested
    return start + inner + end + (" " if cut < len(words) else "") + " ".join(words[cut:])


def _title(rng: random.Random) -> str:
    """A title from an opener, an article, a base word and a tail, sometimes in markup."""
    body = _pick(rng, ARTICLES) + _pick(rng, TITLE_WORDS) + _pick(rng, TAILS)
    if rng.random() < 0.3:
        body = _markup(rng, body)
    opener = _pick(rng, OPENERS)
    closer = CLOSERS.get(opener, "") if rng.random() < 0.7 else ""
    title = opener + body + closer
    if rng.random() < 0.1:
        title = _markup(rng, title)  # "The" after markup
    return title


def hostile_item(rng: random.Random, ident: str) -> dict:
    """One random item of hostile names and titles."""
    item: dict = {"id": ident, "type": rng.choice(TYPES)}
    roll = rng.random()
    if roll < 0.55:
        item["author"] = _names(rng)
    if roll > 0.4:  # no author, or one beside it: the roles of the substitute chains
        for role in rng.sample(ROLES[1:], rng.choice([1, 1, 2, 3])):
            item[role] = _names(rng) if rng.random() < 0.7 else [dict(n) for n in item.get("author", _names(rng))]
    if rng.random() < 0.9:
        item["title"] = _title(rng)
    if rng.random() < 0.25:
        item["title-short"] = _title(rng)
    if rng.random() < 0.4:
        item["container-title"] = _title(rng)
    if rng.random() < 0.2:
        item["container-title-short"] = _title(rng)
    if rng.random() < 0.1:
        item["collection-title"] = _title(rng)
    if rng.random() < 0.7:
        item["issued"] = {"date-parts": [[rng.choice([2000, 2000, 2001])]]}
    if rng.random() < 0.15:
        item["publisher"] = rng.choice(["Berg", "The Press", "<i>Press</i>"])
    if rng.random() < 0.08:
        item["language"] = rng.choice(["en", "de", "fr", "es", "en-US", "de-DE"])
    return item


def _near(rng: random.Random, base: dict, ident: str) -> dict:
    """A copy of `base` with one field of its first name redrawn, or its title redrawn: the near-ties of a name or
    title rule."""
    copy = {**base, "id": ident}
    roles = [r for r in ROLES if r in copy]
    if roles and rng.random() < 0.6:
        role = rng.choice(roles)
        head = dict(copy[role][0])
        donor = _person(rng)
        field = rng.choice(sorted(set(head) | set(donor)))
        if field in donor:
            head[field] = donor[field]
        else:
            head.pop(field)
        copy[role] = [head] + [dict(n) for n in copy[role][1:]]
    else:
        copy["title"] = _title(rng)
    return copy


def hostile_items(count: int, seed: int = 21) -> list[dict]:
    """`count` random hostile items, ids "hos<n>": a third copies of others with one variable changed or removed, a
    third copies with one field of a name or the title redrawn."""
    rng = random.Random(seed)
    items = variants(count - count // 3, seed, "hos", hostile_item, 0.4, drop_rate=0.25, change_type=True)
    for n in range(len(items), count):
        items.append(_near(rng, rng.choice(items), f"hos{n}"))
    return items
