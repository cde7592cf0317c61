"""The references index's search data: a compact inverted index written as JSON at build time.

Format (all lists are parallel; documents are numbered by their position in `docs`):

    {"v": 1,
     "types": ["Book", "Journal article", ...],
     "docs": [[id, year or 0, type number, author sort key, title sort key], ...],
     "terms": ["abc", ...],            # sorted, so a prefix is a contiguous range (binary search)
     "post": ["0.3.12", ...],          # per term: ascending doc numbers, delta-encoded, base 36, '.'-joined
     "aterms": [...], "apost": [...]}  # the same over author and editor names only

The client (templates/static/search.js) unions the postings of every term starting with each query word
and intersects across words, so a query costs O(matching postings), not a scan of the page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .authors import fold, sort_text

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


def _inverted(texts: Sequence[str]) -> tuple[list[str], list[str]]:
    index: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        for tok in dict.fromkeys(tokens(text)):
            index.setdefault(tok, []).append(i)
    terms = sorted(index)
    return terms, [_encode(index[t]) for t in terms]


def _names(item: dict[str, Any]) -> str:
    names = (item.get("author") or []) + (item.get("editor") or [])
    return " ".join(str(n.get(k, "")) for n in names for k in ("literal", "given", "non-dropping-particle", "family"))


def build_index(refs: Sequence[Any]) -> dict[str, Any]:
    """The search index of RefViews (id, item, year, type_label): authors, titles, containers, years."""
    types = sorted({r.type_label for r in refs})
    type_no = {t: i for i, t in enumerate(types)}
    docs, texts, name_texts = [], [], []
    for r in refs:
        item = r.item
        names = (item.get("author") or []) + (item.get("editor") or [])
        first = names[0] if names else {}
        author_key = sort_text(str(first.get("family") or first.get("literal") or ""))
        title = str(item.get("title", ""))
        docs.append([r.id, r.year or 0, type_no[r.type_label], author_key, sort_text(title)])
        fields = (_names(item), title, item.get("container-title", ""), item.get("publisher", ""), r.year or "")
        texts.append(" ".join(str(f) for f in fields))
        name_texts.append(_names(item))
    terms, post = _inverted(texts)
    aterms, apost = _inverted(name_texts)
    return {"v": 1, "types": types, "docs": docs, "terms": terms, "post": post, "aterms": aterms, "apost": apost}


def index_json(refs: Sequence[Any]) -> str:
    """The search index as compact JSON text."""
    return json.dumps(build_index(refs), ensure_ascii=False, separators=(",", ":"))
