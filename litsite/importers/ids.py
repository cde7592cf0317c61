"""Stable ids for imported items: usable given ids kept, else familyYEAR with a, b, c … suffixes.

Shared by every importer of reference files (structured, bibtex, ris), below them all.
"""

from __future__ import annotations

import re
import unicodedata

from litsite.safety import bad_id, normal_id


def _ascii_word(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in folded if not unicodedata.combining(c)).lower())


def _year(item: dict) -> str:
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            issued = parts[0][0]
        else:
            issued = issued.get("raw") or issued.get("literal") or ""
    m = re.search(r"\d{4}", str(issued or ""))
    return m.group(0) if m else "nd"


def base_id(item: dict) -> str:
    """'familyYEAR' for an item: first author's (or editor's) family name, else a title word, and the year."""
    names = item.get("author") or item.get("editor") or []
    word = ""
    if isinstance(names, list) and names and isinstance(names[0], dict):
        first = names[0]
        if first.get("family"):
            word = _ascii_word(str(first["family"]))
        else:
            words = [w for w in str(first.get("literal") or "").split() if w.lower() not in ("the", "a", "an")]
            word = _ascii_word(words[0]) if words else ""
    if not word:
        title_words = [w for w in re.split(r"\W+", str(item.get("title") or "")) if len(w) > 3]
        word = _ascii_word(title_words[0]) if title_words else ""
    return (word or "anon") + _year(item)


def assign_ids(items: list[dict], warnings: list[str]) -> None:
    """Give every item a unique id: keep usable existing ids, else familyYEAR with a, b, c … suffixes."""
    used: set[str] = set()  # casefolded: the build compares ids ignoring case
    for item in items:
        given = normal_id(str(item.get("id") or "").strip())
        if given and bad_id(given):
            warnings.append(f"id {given!r} cannot be a citation key (spaces, braces, commas, quotes): renamed")
            item["id"] = ""
        elif given and given.casefold() not in used:  # (the build compares ids ignoring case)
            item["id"] = given
            used.add(given.casefold())
        elif given:
            warnings.append(f"duplicate id {given!r}: renamed")
            item["id"] = ""
        else:
            item["id"] = ""
    bases: dict[str, int] = {}
    for item in items:
        if not item["id"]:
            base = base_id(item)
            bases[base] = bases.get(base, 0) + 1
    seen: dict[str, int] = {}
    for item in items:
        if item["id"]:
            continue
        base = base_id(item)
        n = seen.get(base, 0)
        while True:
            cand = base + (_suffix(n) if bases[base] > 1 or base.casefold() in used else "")
            n += 1
            if cand.casefold() not in used:
                break
        seen[base] = n
        item["id"] = cand
        used.add(cand.casefold())


def _suffix(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s
