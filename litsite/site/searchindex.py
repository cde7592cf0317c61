"""The references index's search data: a compact inverted index written as JSON at build time.

Format (all lists are parallel; documents are numbered by their position in `docs`):

    {"v": 1,
     "types": ["Book", "Journal article", ...],
     "docs": [[id, year or 0, type number, author sort key, title sort key], ...],
     "terms": ["abc", ...],            # sorted, so a prefix is a contiguous range (binary search)
     "post": ["0.3.12", ...],          # per term: ascending doc numbers, delta-encoded, base 36, '.'-joined
     "aterms": [...], "apost": [...],  # the same over author and editor names only
     "themes": [slug, ...]}            # with the reviewer's notes: a noted work's doc gains [theme numbers]

The words of a reviewer's note (content/notes/ID.md) count as its work's words.

The client (templates/static/search.js) unions the postings of every term starting with each query word
and intersects across words, so a query costs O(matching postings), not a scan of the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from litsite.site.authors import fold, sort_text

WORD_RE = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    """Words of text, case- and accent-folded (the same rule as search.js)."""
    return WORD_RE.findall(fold(text))


def _encode(doc_numbers: Iterable[int]) -> str:
    out, prev = [], 0
    for n in doc_numbers:
        out.append(_b36(n - prev))
        prev = n
    return ".".join(out)


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = ""
    while True:
        n, r = divmod(n, 36)
        s = digits[r] + s
        if not n:
            return s


def _inverted(doc_terms: Sequence[Sequence[str]]) -> tuple[list[str], list[str]]:
    index: dict[str, list[int]] = {}
    for i, terms in enumerate(doc_terms):
        for tok in terms:
            index.setdefault(tok, []).append(i)
    terms = sorted(index)
    return terms, [_encode(index[t]) for t in terms]


def _names(item: dict[str, Any]) -> str:
    names = (item.get("author") or []) + (item.get("editor") or [])
    return " ".join(str(n.get(k, "")) for n in names for k in ("literal", "given", "non-dropping-particle", "family"))


def doc_data(item: dict[str, Any], year: int | None) -> list[Any]:
    """What the index holds of one reference: [author sort key, title sort key, its terms, its name terms] (a
    function of the item alone, so a build can keep it between builds)."""
    people = (item.get("author") or []) + (item.get("editor") or [])
    first = people[0] if people else {}
    title = str(item.get("title", ""))
    names = _names(item)
    fields = (names, title, item.get("container-title", ""), item.get("publisher", ""), year or "")
    return [
        sort_text(str(first.get("family") or first.get("literal") or "")),
        sort_text(title),
        list(dict.fromkeys(tokens(" ".join(str(f) for f in fields)))),
        list(dict.fromkeys(tokens(names))),
    ]


@dataclass(frozen=True)
class NoteSearch:
    """What the index holds of the reviewer's notes: the theme slugs (numbered by position) and, per noted
    reference id, the words of its note and the numbers of its themes."""

    themes: tuple[str, ...]
    notes: dict[str, tuple[list[str], list[int]]]


def note_search(notes: Sequence[Any], themes: Sequence[Any]) -> NoteSearch:
    """The NoteSearch of content's notes (ref_id, page.body, themes) and themes (slug)."""
    slugs = tuple(sorted(t.slug for t in themes))
    number = {slug: i for i, slug in enumerate(slugs)}
    return NoteSearch(
        slugs, {n.ref_id: (tokens(n.page.body), sorted(number[t] for t in n.themes if t in number)) for n in notes}
    )


def build_index(
    refs: Sequence[Any], data_of: Callable[[Any], list[Any]] | None = None, notes: NoteSearch | None = None
) -> dict[str, Any]:
    """The search index of RefViews (id, item, year, type_label): authors, titles, containers, years (data_of: each
    reference's doc_data, if kept), and the words of the reviewer's notes; with notes, each noted work's row gains
    its theme numbers (into "themes")."""
    types = sorted({r.type_label for r in refs})
    type_no = {t: i for i, t in enumerate(types)}
    data = [data_of(r) if data_of else doc_data(r.item, r.year) for r in refs]
    docs = [[r.id, r.year or 0, type_no[r.type_label], d[0], d[1]] for r, d in zip(refs, data, strict=True)]
    words = [d[2] for d in data]
    if notes and notes.notes:
        for i, ref in enumerate(refs):
            found = notes.notes.get(ref.id)
            if found is not None:
                words[i] = list(dict.fromkeys([*words[i], *found[0]]))
                docs[i].append(found[1])
    terms, post = _inverted(words)
    aterms, apost = _inverted([d[3] for d in data])
    out = {"v": 1, "types": types, "docs": docs, "terms": terms, "post": post, "aterms": aterms, "apost": apost}
    if notes and notes.notes:
        out["themes"] = list(notes.themes)
    return out


def index_json(
    refs: Sequence[Any], data_of: Callable[[Any], list[Any]] | None = None, notes: NoteSearch | None = None
) -> str:
    """The search index as compact JSON text."""
    return json.dumps(build_index(refs, data_of, notes), ensure_ascii=False, separators=(",", ":"))
