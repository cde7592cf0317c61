"""The study page's note on facts the site owner added by hand (study.md's `added-by-hand`), in a reader's words:
"Added by the site owner from Springer Link and PubMed: the authors, DOI, PubMed ID, the dates received, accepted
and published online, and the issue date." — never CSL variable names."""

from __future__ import annotations

from typing import Any

# CSL variables (and the study's own keys) as a reader names them; "date …" phrases are joined ("the dates …").
WORDS = {
    "author": "the authors",
    "editor": "the editors",
    "translator": "the translators",
    "title": "the title",
    "container-title": "the journal",
    "collection-title": "the series",
    "publisher": "the publisher",
    "publisher-place": "the place of publication",
    "volume": "the volume",
    "issue": "the issue number",
    "page": "the pages",
    "number": "the number",
    "DOI": "DOI",
    "PMID": "PubMed ID",
    "PMCID": "PubMed Central ID",
    "ISSN": "ISSN",
    "ISBN": "ISBN",
    "URL": "the web address",
    "abstract": "the abstract",
    "keywords": "the keywords",
    "keyword": "the keywords",
    "affiliations": "the affiliations",
    "copyright": "the copyright line",
    "language": "the language",
    "genre": "the article type",
    "note": "a note",
    "submitted": "date received",
    "accepted": "date accepted",
    "available-date": "date published online",
    "issued": "issue date",
    "original-date": "date first published",
    "accessed": "date accessed",
    "event-date": "date of the event",
}
LIMIT = 100  # fields named at most; the rest are counted (bounds the work one value can cause)


def _word(field: Any) -> str:
    name = str(field)
    return WORDS.get(name, name.replace("-", " ").replace("_", " "))


def _join(parts: list[str]) -> str:
    if len(parts) <= 2 and not any(" and " in p for p in parts):
        return " and ".join(parts)
    if len(parts) == 2:
        return f"{parts[0]}, and {parts[1]}"
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def fields_in_words(fields: Any) -> str:
    """'the authors, DOI, PubMed ID, the dates received, accepted and published online, and the issue date'."""
    names = list(dict.fromkeys(fields if isinstance(fields, list | tuple) else [fields]))
    extra = max(0, len(names) - LIMIT)
    words = [_word(f) for f in names[:LIMIT] if f is not None and str(f).strip()]
    # "date received", "date accepted", … together as "the dates received, accepted and …", where the first stood;
    # the issue date keeps its own name (it is the issue's, not a step of publication)
    dates = [w.removeprefix("date ") for w in words if w.startswith("date ")]
    parts: list[str] = []
    for w in words:
        if not w.startswith("date "):
            parts.append("the issue date" if w == "issue date" else w)
        elif len(dates) == 1:
            parts.append(f"the {w}")
        elif w.removeprefix("date ") == dates[0]:
            parts.append("the dates " + _join(dates).replace(", and ", " and "))
    if extra:
        parts.append(f"{extra} more")
    return _join(parts)


def provenance_note(hand: dict[str, Any]) -> str:
    """The sentence the study page shows for study.md's added-by-hand (empty when it names no fields)."""
    fields = hand.get("fields") or []
    said = fields_in_words(fields)
    if not said:
        return ""
    source = " ".join(str(hand.get("source") or "").split()).rstrip(".")
    where = f" from {source}" if source else ""
    return f"Added by the site owner{where}: {said}."
