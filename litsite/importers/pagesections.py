"""The sections of a saved article page below its header: abstract, keywords, affiliations (and the authors an
affiliations section lists), with the line classifiers the header parser (page.py) shares."""

from __future__ import annotations

import re
from collections.abc import Callable

from litsite.importers import pagelines as pl
from litsite.importers import textutil as tu

_ABSTRACT_LABELS = {
    "background",
    "purpose",
    "aim",
    "aims",
    "objective",
    "objectives",
    "method",
    "methods",
    "methodology",
    "design",
    "setting",
    "participants",
    "results",
    "findings",
    "conclusion",
    "conclusions",
    "implications",
    "limitations",
    "context",
    "introduction",
    "originality/value",
    "design/methodology/approach",
}
CRUFT_RE = re.compile(
    r"^(?:skip to (?:main )?content|advertisement|log ?in|sign ?up|search|menu|home|cart|download pdf|"
    r"download fulltext pdf|download article pdf|view full text|open access|metrics details|"
    r"\d[\d.,]*k?\s+(?:accesses|citations|shares|downloads|altmetric|mentions)|metrics|"
    r"cite this article|authors and affiliations|article|published|reprints and permissions|"
    r"sections|figures|references|explore related subjects|.*\| cite as)$",
    re.IGNORECASE,
)
GENRE_RE = re.compile(
    r"^(?:original (?:paper|article|research|contribution)|research (?:article|paper|letter)|review(?: article)?|"
    r"brief (?:report|communication)|short (?:communication|report)|editorial|commentary|letter(?: to the editor)?|"
    r"regular (?:article|paper)|systematic review|case report|perspective|empirical research|"
    r"original empirical research|invited review|erratum|correction|book review)$",
    re.IGNORECASE,
)
DATE_LABEL_RE = re.compile(
    r"^(?P<label>published(?: online)?|first online|received|accepted|revised|issue date|online publication date)"
    r"\s*:?\s*(?P<date>.+)$",
    re.IGNORECASE,
)
_COUNT_RE = re.compile(r"^\d[\d.,]*k?\s+\w+$", re.IGNORECASE)


def _abstract(lines: list[pl.Line], start: int, end: int) -> str:
    """Paragraphs of an abstract section; structured-abstract labels become bold run-in headings."""
    paras: list[str] = []
    structured = False
    label = ""
    for ln in lines[start:end]:
        if not ln.text:
            continue
        low = ln.key
        if low in _ABSTRACT_LABELS and len(ln.text) < 40:
            if not paras and not label:
                structured = True
            if not structured:
                break
            label = ln.text.rstrip(":")
            continue
        if is_meta(ln.text) or CRUFT_RE.match(ln.text):
            continue
        if paras and not label and len(ln.text.split()) < 12 and not re.search(r"[.!?:)\]]$", ln.text):
            break  # a heading of the full text
        paras.append(f"**{label}** {ln.text}" if label else ln.text)
        label = ""
    return "\n\n".join(paras)


def is_meta(text: str) -> bool:
    """Whether a line is page metadata (dates, genre, volume line, copyright, links, counts, "Cite as")."""
    return bool(
        DATE_LABEL_RE.match(text)
        or GENRE_RE.match(text)
        or re.search(r"\bVolume\s+\w+\s*,", text, re.IGNORECASE)
        or text.startswith("©")
        or re.match(r"^(?:DOI\b|https?://|www\.)", text, re.IGNORECASE)
        or _COUNT_RE.match(text)
        or "Cite as" in text
        or "Cite this article" in text
    )


def is_prose(text: str) -> bool:
    """Whether a line reads as a paragraph of prose (long, ends a sentence, not a reference with link markers)."""
    words = len(text.split())
    if words < 15 or len(text) < 100 or tu.MARKERS_TAIL_RE.search(text) or not re.search(r"[.!?][\"”’)]?$", text):
        return False
    return words >= 30 or len(re.findall(r"[a-z)][.!?]\s+[A-Z]", text)) >= 1


def _keywords_from(lines: list[pl.Line], start: int, end: int, warnings: list[str]) -> list[str]:
    """Keywords under a Keywords heading: bullets or lines one each, or a single separated line."""
    body = [ln for ln in lines[start:end] if ln.text and not CRUFT_RE.match(ln.text)]
    if not body:
        return []
    if len(body) > 1 and all(len(ln.text.split()) <= 6 for ln in body[:2]):
        out = []
        for ln in body:
            if not (ln.bullet or len(ln.text.split()) <= 6) or is_prose(ln.text):
                break
            out.extend(tu.split_keywords(ln.raw, warnings))
        return out
    return tu.split_keywords(body[0].raw, warnings)


def authors_from_affiliations(lines: list[pl.Line], secs: list[tuple[int, int]]) -> list[dict]:
    """Author names listed in an 'Authors and Affiliations' section (bullets, name lists or single names)."""
    names: list[dict] = []
    for s, e in secs:
        for ln in lines[s:e]:
            if not ln.text or pl.GLUED_AFFIL_RE.match(ln.raw) or tu.ORG_RE.search(ln.text):
                continue
            found = tu.name_list(ln.text, strict=False)
            if found:
                names += [n for n in found if n not in names]
    return names


def _glued_affiliation(raw: str) -> str:
    return tu.unglue(re.sub(r"^\s*(?:\d{1,3}\.\s*)*", "", raw.replace("\u00a0", " ")))


def find_abstract(
    lines: list[pl.Line], secs: list[tuple[int, int]], first_prose: int, in_refs: Callable[[int], bool]
) -> str:
    """The abstract: under an Abstract heading, else the run of prose paragraphs after the header."""
    for s, e in secs:
        if abstract := _abstract(lines, s, e):
            return abstract
    paras = []
    for i in range(first_prose, len(lines)):
        ln = lines[i]
        if not ln.text:
            continue
        if not is_prose(ln.text) or in_refs(i):
            break
        paras.append(re.sub(r"^(?:Abstract|Summary)[:.]?\s+", "", ln.text))
    return "\n\n".join(paras)


def find_keywords(
    lines: list[pl.Line],
    ref_slice: tuple[int, int] | None,
    first_prose: int,
    in_refs: Callable[[int], bool],
    warnings: list[str],
) -> list[str]:
    """Keywords: a Keywords section, an inline 'Keywords:' line, else a short line after the abstract."""
    secs = pl.section(lines, "keywords", ref_slice)
    for s, e in secs:
        if keywords := _keywords_from(lines, s, e, warnings):
            return keywords
    for i, ln in enumerate(lines):
        if not in_refs(i) and re.match(r"^Key ?words?\s*[:\u00a0]\s*\S", ln.raw.strip(), re.IGNORECASE):
            return tu.split_keywords(ln.raw, warnings)
    if secs:
        return []
    after = first_prose
    while after < len(lines) and (not lines[after].text or is_prose(lines[after].text)):
        after += 1
    if after == first_prose:  # no abstract paragraph to anchor on
        return []
    stop = ref_slice[0] if ref_slice and ref_slice[0] >= after else min(after + 4, len(lines))
    for ln in lines[after:stop]:
        t = ln.text
        if not t or CRUFT_RE.match(t) or is_meta(t) or pl.heading(ln) or pl.is_marker_line(t):
            continue
        if t.endswith(".") or len(t.split()) > 15 or tu.name_list(t, strict=False) is not None:
            return []
        capitals = sum(w[:1].isupper() for w in t.split())
        if "\u00a0" in ln.raw or "·" in t or ";" in t or capitals >= 2:
            return tu.split_keywords(ln.raw, warnings)
        return []
    return []


def find_affiliations(
    lines: list[pl.Line], ref_slice: tuple[int, int] | None, content_start: int, in_refs: Callable[[int], bool]
) -> list[str]:
    """Affiliations: glued numbered lines ('1.Division …LondonUK') or organisation lines in their section."""
    affiliations: list[str] = []
    secs = pl.section(lines, "affiliations", ref_slice)
    for i, ln in enumerate(lines):
        if in_refs(i) or not ln.text:
            continue
        in_sec = any(s <= i < e for s, e in secs)
        if pl.GLUED_AFFIL_RE.match(ln.raw) and (in_sec or i > content_start):
            affiliations.append(_glued_affiliation(ln.raw))
        elif (
            in_sec
            and tu.ORG_RE.search(ln.text)
            and tu.name_list(ln.text, strict=False) is None
            and not re.match(r"^(?:correspond|you can also search|contributions)", ln.text, re.IGNORECASE)
        ):
            affiliations.append(re.sub(r"^\d{1,3}\.?\s*", "", ln.text))
    return list(dict.fromkeys(affiliations))
