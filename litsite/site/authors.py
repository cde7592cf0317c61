"""Authors and keywords of the references: who wrote what, which works share a keyword."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from litsite.safety import FANOUT_LIMIT
from litsite.site.routes import author_url, keyword_url
from litsite.slugs import unique_slugs


@dataclass(eq=False)
class Author:
    """One person (or organisation) across the references, keyed by family name and first initial."""

    key: str
    family: str
    given: str
    slug: str = ""
    ref_ids: list[str] = field(default_factory=list)

    @property
    def sorted_name(self) -> str:
        """'Family, Given' (or the family/literal alone)."""
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def display(self) -> str:
        """'Given Family'."""
        return f"{self.given} {self.family}" if self.given else self.family

    @property
    def url(self) -> str:
        """The author's page, from the site root (routes.py)."""
        return author_url(self.slug)


@dataclass(eq=False)
class Keyword:
    """One keyword and the references (and whether the study) carrying it."""

    name: str
    slug: str = ""
    in_study: bool = False
    ref_ids: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        """The keyword's page, from the site root (routes.py)."""
        return keyword_url(self.slug)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive form of text, for matching and sorting."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold().strip()


def sort_text(text: str) -> str:
    """Folded words only, for sort keys: punctuation and markup-like characters do not sort (nor leak into data)."""
    return " ".join(re.findall(r"\w+", fold(text)))


def author_key(name: dict[str, Any]) -> tuple[str, str, str]:
    """(key, family, given) of a CSL name: the key is the folded family name and first initial."""
    if "literal" in name:
        literal = str(name["literal"])
        return "lit:" + fold(literal), literal, ""
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = str(name.get("given") or "")
    return f"{fold(family)}|{fold(given)[:1]}", family, given


def names_of(item: dict[str, Any]) -> list[dict[str, Any]]:
    """The authors and editors of an item that get author pages: at most FANOUT_LIMIT (the first), so that one work
    with thousands of authors does not make thousands of pages that each list it."""
    return ((item.get("author") or []) + (item.get("editor") or []))[:FANOUT_LIMIT]


def collect_authors(items: list[dict[str, Any]]) -> list[Author]:
    """Every author (and editor) of the items, sorted by name, with unique slugs; fullest given name wins."""
    authors: dict[str, Author] = {}
    for item in items:
        for name in names_of(item):
            key, family, given = author_key(name)
            author = authors.setdefault(key, Author(key, family, given))
            if len(given) > len(author.given):
                author.given = given
            if item["id"] not in author.ref_ids:
                author.ref_ids.append(item["id"])
    ordered = sorted(authors.values(), key=lambda a: (fold(a.family), fold(a.given)))
    slugs = unique_slugs([a.key.removeprefix("lit:").replace("|", " ") for a in ordered])
    for a in ordered:
        a.slug = slugs[a.key.removeprefix("lit:").replace("|", " ")]
    return ordered


def authors_of(item: dict[str, Any], by_key: dict[str, Author]) -> list[Author]:
    """The Author records of one item's authors and editors, in the item's order."""
    return list(dict.fromkeys(by_key[author_key(n)[0]] for n in names_of(item)).keys())


def coauthored(ref_id: str, item: dict[str, Any], by_key: dict[str, Author]) -> list[str]:
    """Ids of other references sharing an author or editor with this one, in first-seen order."""
    out: dict[str, None] = {}
    for author in authors_of(item, by_key):
        for other in author.ref_ids:
            if other != ref_id:
                out[other] = None
    return list(out)


def item_keywords(item: dict[str, Any]) -> list[str]:
    """The keywords of a CSL item (its `keyword` variable, comma- or semicolon-separated; the first FANOUT_LIMIT)."""
    text = str(item.get("keyword") or "")
    return [k.strip() for k in text.replace(";", ",").split(",") if k.strip()][:FANOUT_LIMIT]


def collect_keywords(study_keywords: list[str], items: list[dict[str, Any]]) -> list[Keyword]:
    """The study's keywords (first, in its order) and the references' keywords, with the works carrying each."""
    found: dict[str, Keyword] = {}
    for k in study_keywords:
        found.setdefault(fold(k), Keyword(k)).in_study = True
    for item in items:
        for k in item_keywords(item):
            kw = found.setdefault(fold(k), Keyword(k))
            if item["id"] not in kw.ref_ids:
                kw.ref_ids.append(item["id"])
    slugs = unique_slugs(list(found))
    for key, kw in found.items():
        kw.slug = slugs[key]
    ordered = list(found.values())
    return ordered
