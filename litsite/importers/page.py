"""Parse a saved Springer Link article page (plain text, old or new layout) into a study and reference lines.

The header (title, journal, authors, volume line, dates, DOI, the "Cite this article" line) is read here; the
sections below it (abstract, keywords, affiliations) in pagesections.py, the lines and references in pagelines.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from litsite.importers import pagelines as pl
from litsite.importers import textutil as tu
from litsite.importers.pagelines import RefLine
from litsite.importers.pagesections import (
    CRUFT_RE,
    DATE_LABEL_RE,
    GENRE_RE,
    authors_from_affiliations,
    find_abstract,
    find_affiliations,
    find_keywords,
    is_meta,
    is_prose,
)


@dataclass
class PageRecord:
    """What a saved article page says: the study item, the reference lines and warnings."""

    study: dict
    references: list[RefLine]
    warnings: list[str] = field(default_factory=list)


_VOLUME_RE = re.compile(
    r"(?P<prefix>^.*?)[,\s]*\bVolume\s+(?P<volume>[\w.-]+)"
    r"(?:,?\s*Issue\s+(?P<issue>[\w./–-]+))?"
    r"(?:,?\s*(?:pp\.?|pages?)\s+(?P<page>[\w]+(?:\s*[–—-]\s*[\w]+)?))?"
    r"(?:,?\s*Article(?: number)?:?\s+(?P<number>[\w.-]+))?"
    r"(?:,?\s*\(?(?P<year>(?:1[89]|20)\d\d)\)?)?",
    re.IGNORECASE,
)
_CHAPTER_RE = re.compile(r"^(?:(?P<pre>.*?),\s*)?pp\.?\s+(?P<page>\w+\s*[–—-]\s*\w+)\s*\|\s*Cite as$", re.IGNORECASE)
_DATE_ITER_RE = re.compile(
    r"\b(?P<label>published(?: online)?|first online|received|accepted|revised|issue date)\s*:?\s*"
    r"(?P<date>\d{1,2}\s+[A-Za-z]+\.?,?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2}|[A-Za-z]+\.?\s+\d{4})",
    re.IGNORECASE,
)
_DATE_KEYS = {
    "published": "available-date",
    "published online": "available-date",
    "first online": "available-date",
    "online publication date": "available-date",
    "received": "submitted",
    "accepted": "accepted",
    "issue date": "issued",
}
# "Community Ment Health J 51, 477–490 (2015)" and "Community Ment Health J (2015) 51: 477"
_CITE_NEW_RE = re.compile(r"\s(?P<volume>\d{1,4})(?:\((?P<issue>\w{1,6})\))?,\s*(?P<page>\d+(?:[–-]\d+)?)\s*\(\d{4}\)")
_CITE_OLD_RE = re.compile(r"\(\d{4}\)\s*(?P<volume>\d{1,4})(?:\((?P<issue>\w{1,6})\))?:\s*(?P<page>\d+(?:[–-]\d+)?)")
_CITE_AUTHORS_RE = re.compile(
    r"^((?:[^,.&]{2,40}?, (?:[A-Z][a-z]?\.(?:\s?-?\s?[A-Z][a-z]?\.)*)(?:,\s*|\s*&\s*|\s+and\s+)?)+)"
)
_CITE_NAME_RE = re.compile(r"([^,.&]{2,40}?), ((?:[A-Z][a-z]?\.(?:\s?-?\s?[A-Z][a-z]?\.)*))")


def _family_key(name: dict) -> str:
    return (tu.fold(str(name.get("family", ""))).split() or [""])[-1]


def _parse_cite(text: str) -> tuple[list[dict], str]:
    """Authors (family + initials) at the start of a citation line, and the rest of the line."""
    m = _CITE_AUTHORS_RE.match(text)
    if not m:
        return [], text
    names = [{"family": f.strip(), "given": g.strip()} for f, g in _CITE_NAME_RE.findall(m.group(1))]
    return names, text[m.end() :].strip()


@dataclass
class _Header:
    """What the header lines say, gathered in one pass over the lines outside the references (working state)."""

    study: dict = field(default_factory=lambda: {"type": "article-journal"})
    dates: dict[str, str] = field(default_factory=dict)
    cite_line: str = ""
    doi: str = ""
    journal: str = ""
    vol_idx: int = -1  # the line "Journal, Volume 51, Issue 4, pp 477–490 (2015)"
    chapter_idx: int = -1  # a chapter's "pp 1–20 | Cite as"


def _labelled(t: str, head: _Header) -> None:
    """Genre, dated events ("Received: 1 October 2014"), ISSN and publisher from one line."""
    study, dates = head.study, head.dates
    if "genre" not in study and GENRE_RE.match(t):
        study["genre"] = t
    if (dm := DATE_LABEL_RE.match(t)) and (iso := tu.parse_date(dm.group("date"))):
        dates.setdefault(_DATE_KEYS.get(dm.group("label").lower(), "x-" + dm.group("label").lower()), iso)
    if len(t) < 200:
        for dm in _DATE_ITER_RE.finditer(t):
            if iso := tu.parse_date(dm.group("date")):
                label = re.sub(r"\s+", " ", dm.group("label").lower())
                dates.setdefault(_DATE_KEYS.get(label, "x-" + label), iso)
    if "ISSN" not in study and (im := re.search(r"\bISSN:?\s*(\d{4}-?\d{3}[\dXx])\b", t)):
        study["ISSN"] = im.group(1)
    if "publisher" not in study and (pm := re.match(r"^Publisher(?: Name)?:?\s+(\S.{1,80})$", t)):
        study["publisher"] = pm.group(1).strip()


def _volume_line(i: int, t: str, head: _Header) -> None:
    """The first volume line (volume, issue, pages, article number; the journal and date before them), or else a
    chapter's page line."""
    study, dates = head.study, head.dates
    if (
        head.vol_idx < 0
        and (vm := _VOLUME_RE.search(t))
        and any(vm.group(k) for k in ("issue", "page", "number", "year"))
    ):
        head.vol_idx = i
        for k, key in (("volume", "volume"), ("issue", "issue"), ("page", "page"), ("number", "number")):
            if vm.group(k):
                study[key] = vm.group(k).replace("-", "–").replace(" ", "")
        prefix = re.sub(r"\s*\|?\s*Cite (?:as|this article)\s*$", "", vm.group("prefix")).strip(" ,•")
        ym = re.search(r"(?:(?P<mon>[A-Za-z]+)\s+)?(?P<y>(?:1[89]|20)\d\d)\s*$", prefix)
        if ym and (iso := tu.parse_date(ym.group(0))):
            dates.setdefault("issued", iso)
            prefix = prefix[: ym.start()].strip(" ,")
        elif vm.group("year"):
            dates.setdefault("x-volume-year", vm.group("year"))
        if prefix and not GENRE_RE.match(prefix):
            head.journal = prefix
    if head.vol_idx < 0 and head.chapter_idx < 0 and (cm := _CHAPTER_RE.match(t)):
        head.chapter_idx = i
        study["page"] = cm.group("page").replace("-", "–").replace(" ", "")
        if cm.group("pre") and (iso := tu.parse_date(cm.group("pre"))):
            dates.setdefault("issued", iso)


def _copyright_doi_cite(t: str, head: _Header) -> None:
    """The copyright line, the article's DOI and the "Cite this article" line."""
    if t.startswith("©") and "copyright" not in head.study:
        head.study["copyright"] = t
    if not head.doi and re.search(r"\bdoi\b|doi\.org|springer\.com/", t, re.IGNORECASE) and (m := tu.DOI_RE.search(t)):
        head.doi = tu.clean_doi(m.group(0))
    if "doi.org/10." in t and re.search(r"\(\d{4}\)|\d{4}\)?\.?\s*https?://", t) and not head.cite_line:
        head.cite_line = re.sub(r"^Cite this article as:\s*", "", t)
    elif t.lower().startswith("cite this article as:") and len(t) > 25 and not head.cite_line:
        head.cite_line = t[len("cite this article as:") :].strip()


def _scan(lines: list[pl.Line], in_refs: Callable[[int], bool]) -> _Header:
    """One pass over the lines outside the references for what single lines say."""
    head = _Header()
    for i, ln in enumerate(lines):
        if in_refs(i) or not ln.text:
            continue
        _labelled(ln.text, head)
        _volume_line(i, ln.text, head)
        _copyright_doi_cite(ln.text, head)
    return head


def _header_authors(
    lines: list[pl.Line], ref_slice: tuple[int, int] | None, header: list[tuple[int, pl.Line]], vol_idx: int
) -> tuple[list[dict], set[int]]:
    """Authors and their lines: an Authors section, bullets with 'Email author' / footnote digits, name lists."""
    authors: list[dict] = []
    author_idx: set[int] = set()
    for s, e in pl.section(lines, "authors", ref_slice):
        for i in range(s, e):
            if (names := tu.name_list(lines[i].text, strict=False)) is not None:
                authors += names
                author_idx.add(i)
    if authors:
        return authors, author_idx
    run: list[tuple[int, list[dict]]] = []

    def good(run: list[tuple[int, list[dict]]]) -> bool:
        return len(run) >= 2 or bool(run and (len(run[0][1]) > 1 or tu.has_author_signal(lines[run[0][0]].text)))

    for i, ln in header:
        names = tu.name_list(ln.text, strict=not ln.bullet)
        if names is None or i == vol_idx:
            if good(run):
                break
            run = []
            continue
        run.append((i, names))
    if good(run):
        for i, names in run:
            authors += names
            author_idx.add(i)
    return authors, author_idx


def _journal_before(lines: list[pl.Line], head: _Header) -> None:
    """A book chapter's book title, or the journal on the line before the volume line."""
    if head.chapter_idx >= 0 and head.vol_idx < 0:  # a book chapter: "Book Title" then "pp 1–20 | Cite as"
        head.study["type"] = "chapter"
        prev = next((ln for ln in reversed(lines[: head.chapter_idx]) if ln.text and not CRUFT_RE.match(ln.text)), None)
        if prev and not is_meta(prev.text):
            head.journal = prev.text
        head.vol_idx = head.chapter_idx
    if not head.journal and head.vol_idx > 0:
        prev = next((ln for ln in reversed(lines[: head.vol_idx]) if ln.text), None)
        vol_text = lines[head.vol_idx].text
        if prev and (vol_text[:1] in ",0123456789" or re.match(r"^[A-Z][a-z]+ \d{4},", vol_text)):
            head.journal = prev.text


def _title(lines: list[pl.Line], header: list[tuple[int, pl.Line]], author_idx: set[int], head: _Header) -> str:
    """The title among the header lines that are not authors, metadata or chrome (and the journal, if still open)."""
    rest = [
        (i, ln.text)
        for i, ln in header
        if i not in author_idx
        and i != head.vol_idx
        and pl.heading(ln) is None
        and not is_meta(ln.text)
        and not CRUFT_RE.match(ln.text)
        and not pl.is_marker_line(ln.text)
        and not (ln.bullet and len(ln.text.split()) <= 3)
    ]
    _journal_before(lines, head)
    rest = [(i, t) for i, t in rest if t != head.journal]
    title = ""
    norm_cite = tu.fold(head.cite_line)
    for _i, t in rest:
        if norm_cite and len(t) > 10 and tu.fold(t) in norm_cite:
            title = t
            break
    if not head.journal and len(rest) >= 2 and rest[0][1] != title:
        cand = rest[0][1]
        if not re.search(r"[:?!.]$", cand) and len(cand.split()) <= 12:
            head.journal = cand
            rest = rest[1:]
    if not title and rest:
        if head.vol_idx >= 0 and (after := [t for i, t in rest if i > head.vol_idx]):
            title = after[0]
        else:
            title = max((t for _i, t in rest), key=len)
    return title


def _from_cite_line(head: _Header, title: str, authors: list[dict], warnings: list[str]) -> list[dict]:
    """The citation line: abbreviated journal, year, volume/issue/pages if missing, and authors as a fallback."""
    study, dates = head.study, head.dates
    cite_names, after_names = _parse_cite(head.cite_line)
    if not authors and cite_names:
        authors = cite_names
        warnings.append("authors taken from the citation line (initials only)")
    tail = after_names.replace(title, "") if title else after_names
    if cm := re.search(r"(?:^|\.\s+)([A-Z][^.()]*?(?:\.[^.()\d]+?)*)\s+(?:\((\d{4})\)\s+)?(\d+)[,:]", tail.strip(". ")):
        short = cm.group(1).strip(". ")
        if short and short != head.journal and len(short) < 80:
            study["container-title-short"] = short
        if cm.group(2):
            dates.setdefault("x-volume-year", cm.group(2))
    if ym := re.search(r"\((\d{4})\)", tail):
        dates.setdefault("x-volume-year", ym.group(1))
    vm2 = _CITE_NEW_RE.search(tail) or _CITE_OLD_RE.search(tail)
    for key in ("volume", "issue", "page") if vm2 else ():
        val = vm2.group(key)
        if val and key not in study and not (key == "page" and "number" in study):
            study[key] = val.replace("-", "–")
    return authors


def _container(head: _Header, warnings: list[str]) -> None:
    """container-title: the journal found, else the citation line's abbreviation."""
    study = head.study
    if head.journal:
        study["container-title"] = head.journal
    elif "container-title-short" in study:
        study["container-title"] = study["container-title-short"]
        warnings.append("journal name taken from the abbreviated citation line")
    else:
        warnings.append("no journal name found in the record")
    if study["type"] == "chapter":
        warnings.append("a book chapter: check the book's title, editors and publisher")


def _full_authors(
    lines: list[pl.Line], ref_slice: tuple[int, int] | None, authors: list[dict], warnings: list[str]
) -> list[dict]:
    """The affiliations section's full names when no author was found or only initials from the citation line."""
    from_cite = "authors taken from the citation line (initials only)"
    if authors and from_cite not in warnings:
        return authors
    found = authors_from_affiliations(lines, pl.section(lines, "affiliations", ref_slice))
    if not found:
        return authors
    if authors:  # the citation line gives the order (and may end in et al.)
        order = {_family_key(a): n for n, a in enumerate(authors)}
        found.sort(key=lambda a: order.get(_family_key(a), len(order)))
        warnings.remove(from_cite)
    return found


def _dates(head: _Header, warnings: list[str]) -> None:
    """issued (else the volume's year, the copyright year, the online year) and the other dated events."""
    study, dates = head.study, head.dates
    issued = dates.pop("issued", "")
    vol_year = dates.pop("x-volume-year", "")
    if not issued and vol_year:
        issued = vol_year
    if not issued and (cy := re.search(r"\b((?:1[89]|20)\d\d)\b", study.get("copyright", ""))):
        issued = cy.group(1)
        warnings.append("year of issue taken from the copyright line")
    if not issued and dates.get("available-date"):
        issued = dates["available-date"][:4]
        warnings.append("year of issue taken from the online publication date")
    if issued:
        study["issued"] = issued
    else:
        warnings.append("no date of issue found in the record")
    for key in ("submitted", "accepted", "available-date"):
        if key in dates:
            study[key] = dates[key]


def _doi_and_gaps(head: _Header, warnings: list[str]) -> None:
    """The DOI, and a warning for each of DOI, issue, volume and pages the record lacks."""
    study = head.study
    if head.doi:
        study["DOI"] = head.doi
    else:
        warnings.append("no DOI found in the record")
    if "volume" in study and "issue" not in study:
        warnings.append("no issue number found in the record")
    for key, what in (("volume", "volume"), ("page", "page range")):
        if key == "volume" and study["type"] == "chapter":
            continue
        if key not in study and not (key == "page" and "number" in study):
            warnings.append(f"no {what} found in the record")


def parse_page(text: str) -> PageRecord:
    """Parse the text of a saved Springer Link article page; never raises on odd input, warns instead."""
    warnings: list[str] = []
    lines = pl.make_lines(text)
    refs, ref_slice = pl.find_references(lines)
    in_refs = (lambda i: ref_slice[0] <= i < ref_slice[1]) if ref_slice else (lambda i: False)
    head = _scan(lines, in_refs)
    study = head.study

    # the header: everything before the abstract (heading or first prose paragraph) and the references
    abstract_secs = pl.section(lines, "abstract", ref_slice)
    first_prose = next(
        (i for i, ln in enumerate(lines) if not in_refs(i) and is_prose(ln.text) and not ln.bullet), len(lines)
    )
    content_start = min(
        [s - 1 for s, _ in abstract_secs]
        + [first_prose, ref_slice[0] if ref_slice else len(lines)]
        + [s - 1 for s, _ in pl.section(lines, "keywords", ref_slice)]
    )
    header = [(i, ln) for i, ln in enumerate(lines[:content_start]) if ln.text]
    authors, author_idx = _header_authors(lines, ref_slice, header, head.vol_idx)
    title = _title(lines, header, author_idx, head)
    if title:
        study["title"] = title
    if head.cite_line:
        authors = _from_cite_line(head, title, authors, warnings)
    _container(head, warnings)
    authors = _full_authors(lines, ref_slice, authors, warnings)
    if authors:
        study["author"] = authors
    else:
        warnings.append("no authors found in the record")
    _dates(head, warnings)
    _doi_and_gaps(head, warnings)

    # the sections below the header
    abstract = find_abstract(lines, abstract_secs, first_prose, in_refs)
    if abstract:
        study["abstract"] = abstract
    else:
        warnings.append("no abstract found in the record")
    keywords = find_keywords(lines, ref_slice, first_prose, in_refs, warnings)
    if keywords:
        study["keywords"] = keywords
        study["keyword"] = ", ".join(keywords)
    else:
        warnings.append("no keywords found in the record")
    affiliations = find_affiliations(lines, ref_slice, content_start, in_refs)
    if affiliations:
        study["affiliations"] = affiliations
    if not refs:
        warnings.append("no references found in the record")
    return PageRecord(study, refs, warnings)
