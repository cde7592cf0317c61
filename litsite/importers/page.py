"""Parse a saved Springer Link article page (plain text, old or new layout) into a study and reference lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from litsite.importers import pagelines as pl
from litsite.importers import textutil as tu
from litsite.importers.pagelines import RefLine


@dataclass
class PageRecord:
    """What a saved article page says: the study item, the reference lines and warnings."""

    study: dict
    references: list[RefLine]
    warnings: list[str] = field(default_factory=list)


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
_CRUFT_RE = re.compile(
    r"^(?:skip to (?:main )?content|advertisement|log ?in|sign ?up|search|menu|home|cart|download pdf|"
    r"download fulltext pdf|download article pdf|view full text|open access|metrics details|"
    r"\d[\d.,]*k?\s+(?:accesses|citations|shares|downloads|altmetric|mentions)|metrics|"
    r"cite this article|authors and affiliations|article|published|reprints and permissions|"
    r"sections|figures|references|explore related subjects|.*\| cite as)$",
    re.IGNORECASE,
)
_GENRE_RE = re.compile(
    r"^(?:original (?:paper|article|research|contribution)|research (?:article|paper|letter)|review(?: article)?|"
    r"brief (?:report|communication)|short (?:communication|report)|editorial|commentary|letter(?: to the editor)?|"
    r"regular (?:article|paper)|systematic review|case report|perspective|empirical research|"
    r"original empirical research|invited review|erratum|correction|book review)$",
    re.IGNORECASE,
)
_VOLUME_RE = re.compile(
    r"(?P<prefix>^.*?)[,\s]*\bVolume\s+(?P<volume>[\w.-]+)"
    r"(?:,?\s*Issue\s+(?P<issue>[\w./–-]+))?"
    r"(?:,?\s*(?:pp\.?|pages?)\s+(?P<page>[\w]+(?:\s*[–—-]\s*[\w]+)?))?"
    r"(?:,?\s*Article(?: number)?:?\s+(?P<number>[\w.-]+))?"
    r"(?:,?\s*\(?(?P<year>(?:1[89]|20)\d\d)\)?)?",
    re.IGNORECASE,
)
_CHAPTER_RE = re.compile(r"^(?:(?P<pre>.*?),\s*)?pp\.?\s+(?P<page>\w+\s*[–—-]\s*\w+)\s*\|\s*Cite as$", re.IGNORECASE)
_DATE_LABEL_RE = re.compile(
    r"^(?P<label>published(?: online)?|first online|received|accepted|revised|issue date|online publication date)"
    r"\s*:?\s*(?P<date>.+)$",
    re.IGNORECASE,
)
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
_COUNT_RE = re.compile(r"^\d[\d.,]*k?\s+\w+$", re.IGNORECASE)
# "Community Ment Health J 51, 477–490 (2015)" and "Community Ment Health J (2015) 51: 477"
_CITE_NEW_RE = re.compile(r"\s(?P<volume>\d{1,4})(?:\((?P<issue>\w{1,6})\))?,\s*(?P<page>\d+(?:[–-]\d+)?)\s*\(\d{4}\)")
_CITE_OLD_RE = re.compile(r"\(\d{4}\)\s*(?P<volume>\d{1,4})(?:\((?P<issue>\w{1,6})\))?:\s*(?P<page>\d+(?:[–-]\d+)?)")
_CITE_AUTHORS_RE = re.compile(
    r"^((?:[^,.&]{2,40}?, (?:[A-Z][a-z]?\.(?:\s?-?\s?[A-Z][a-z]?\.)*)(?:,\s*|\s*&\s*|\s+and\s+)?)+)"
)
_CITE_NAME_RE = re.compile(r"([^,.&]{2,40}?), ((?:[A-Z][a-z]?\.(?:\s?-?\s?[A-Z][a-z]?\.)*))")


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
        if _is_meta(ln.text) or _CRUFT_RE.match(ln.text):
            continue
        if paras and not label and len(ln.text.split()) < 12 and not re.search(r"[.!?:)\]]$", ln.text):
            break  # a heading of the full text
        paras.append(f"**{label}** {ln.text}" if label else ln.text)
        label = ""
    return "\n\n".join(paras)


def _is_meta(text: str) -> bool:
    return bool(
        _DATE_LABEL_RE.match(text)
        or _GENRE_RE.match(text)
        or re.search(r"\bVolume\s+\w+\s*,", text, re.IGNORECASE)
        or text.startswith("©")
        or re.match(r"^(?:DOI\b|https?://|www\.)", text, re.IGNORECASE)
        or _COUNT_RE.match(text)
        or "Cite as" in text
        or "Cite this article" in text
    )


def _is_prose(text: str) -> bool:
    words = len(text.split())
    if words < 15 or len(text) < 100 or tu.MARKERS_TAIL_RE.search(text) or not re.search(r"[.!?][\"”’)]?$", text):
        return False
    return words >= 30 or len(re.findall(r"[a-z)][.!?]\s+[A-Z]", text)) >= 1


def _keywords_from(lines: list[pl.Line], start: int, end: int, warnings: list[str]) -> list[str]:
    """Keywords under a Keywords heading: bullets or lines one each, or a single separated line."""
    body = [ln for ln in lines[start:end] if ln.text and not _CRUFT_RE.match(ln.text)]
    if not body:
        return []
    if len(body) > 1 and all(len(ln.text.split()) <= 6 for ln in body[:2]):
        out = []
        for ln in body:
            if not (ln.bullet or len(ln.text.split()) <= 6) or _is_prose(ln.text):
                break
            out.extend(tu.split_keywords(ln.raw, warnings))
        return out
    return tu.split_keywords(body[0].raw, warnings)


def _family_key(name: dict) -> str:
    return (tu.fold(str(name.get("family", ""))).split() or [""])[-1]


def _authors_from_affiliations(lines: list[pl.Line], secs: list[tuple[int, int]]) -> list[dict]:
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


def _parse_cite(text: str) -> tuple[list[dict], str]:
    """Authors (family + initials) at the start of a citation line, and the rest of the line."""
    m = _CITE_AUTHORS_RE.match(text)
    if not m:
        return [], text
    names = [{"family": f.strip(), "given": g.strip()} for f, g in _CITE_NAME_RE.findall(m.group(1))]
    return names, text[m.end() :].strip()


def _find_abstract(
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
        if not _is_prose(ln.text) or in_refs(i):
            break
        paras.append(re.sub(r"^(?:Abstract|Summary)[:.]?\s+", "", ln.text))
    return "\n\n".join(paras)


def _find_keywords(
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
    while after < len(lines) and (not lines[after].text or _is_prose(lines[after].text)):
        after += 1
    if after == first_prose:  # no abstract paragraph to anchor on
        return []
    stop = ref_slice[0] if ref_slice and ref_slice[0] >= after else min(after + 4, len(lines))
    for ln in lines[after:stop]:
        t = ln.text
        if not t or _CRUFT_RE.match(t) or _is_meta(t) or pl.heading(ln) or pl.is_marker_line(t):
            continue
        if t.endswith(".") or len(t.split()) > 15 or tu.name_list(t, strict=False) is not None:
            return []
        capitals = sum(w[:1].isupper() for w in t.split())
        if "\u00a0" in ln.raw or "·" in t or ";" in t or capitals >= 2:
            return tu.split_keywords(ln.raw, warnings)
        return []
    return []


def _find_affiliations(
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


def parse_page(text: str) -> PageRecord:
    """Parse the text of a saved Springer Link article page; never raises on odd input, warns instead."""
    warnings: list[str] = []
    lines = pl.make_lines(text)
    refs, ref_slice = pl.find_references(lines)
    in_refs = (lambda i: ref_slice[0] <= i < ref_slice[1]) if ref_slice else (lambda i: False)
    study: dict = {"type": "article-journal"}
    dates: dict[str, str] = {}
    cite_line = ""
    doi = ""
    journal = ""
    vol_idx = -1
    chapter_idx = -1

    for i, ln in enumerate(lines):
        t = ln.text
        if in_refs(i) or not t:
            continue
        if "genre" not in study and _GENRE_RE.match(t):
            study["genre"] = t
        if (dm := _DATE_LABEL_RE.match(t)) and (iso := tu.parse_date(dm.group("date"))):
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
        if (
            vol_idx < 0
            and (vm := _VOLUME_RE.search(t))
            and any(vm.group(k) for k in ("issue", "page", "number", "year"))
        ):
            vol_idx = i
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
            if prefix and not _GENRE_RE.match(prefix):
                journal = prefix
        if vol_idx < 0 and chapter_idx < 0 and (cm := _CHAPTER_RE.match(t)):
            chapter_idx = i
            study["page"] = cm.group("page").replace("-", "–").replace(" ", "")
            if cm.group("pre") and (iso := tu.parse_date(cm.group("pre"))):
                dates.setdefault("issued", iso)
        if t.startswith("©") and "copyright" not in study:
            study["copyright"] = t
        if not doi and re.search(r"\bdoi\b|doi\.org|springer\.com/", t, re.IGNORECASE) and (m := tu.DOI_RE.search(t)):
            doi = tu.clean_doi(m.group(0))
        if "doi.org/10." in t and re.search(r"\(\d{4}\)|\d{4}\)?\.?\s*https?://", t) and not cite_line:
            cite_line = re.sub(r"^Cite this article as:\s*", "", t)
        elif t.lower().startswith("cite this article as:") and len(t) > 25 and not cite_line:
            cite_line = t[len("cite this article as:") :].strip()

    # --- header: everything before the abstract (heading or first prose paragraph) and the references
    abstract_secs = pl.section(lines, "abstract", ref_slice)
    first_prose = next(
        (i for i, ln in enumerate(lines) if not in_refs(i) and _is_prose(ln.text) and not ln.bullet), len(lines)
    )
    content_start = min(
        [s - 1 for s, _ in abstract_secs]
        + [first_prose, ref_slice[0] if ref_slice else len(lines)]
        + [s - 1 for s, _ in pl.section(lines, "keywords", ref_slice)]
    )
    header = [(i, ln) for i, ln in enumerate(lines[:content_start]) if ln.text]

    # authors: an Authors section, bullets with 'Email author' / footnote digits, or a name-list line
    authors: list[dict] = []
    author_idx: set[int] = set()
    for s, e in pl.section(lines, "authors", ref_slice):
        for i in range(s, e):
            if (names := tu.name_list(lines[i].text, strict=False)) is not None:
                authors += names
                author_idx.add(i)
    if not authors:
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

    # title and journal among the remaining header lines
    rest = [
        (i, ln.text)
        for i, ln in header
        if i not in author_idx
        and i != vol_idx
        and pl.heading(ln) is None
        and not _is_meta(ln.text)
        and not _CRUFT_RE.match(ln.text)
        and not pl.is_marker_line(ln.text)
        and not (ln.bullet and len(ln.text.split()) <= 3)
    ]
    if chapter_idx >= 0 and vol_idx < 0:  # a book chapter: "Book Title" then "pp 1–20 | Cite as"
        study["type"] = "chapter"
        prev = next((ln for ln in reversed(lines[:chapter_idx]) if ln.text and not _CRUFT_RE.match(ln.text)), None)
        if prev and not _is_meta(prev.text):
            journal = prev.text
        vol_idx = chapter_idx
    if not journal and vol_idx > 0:
        prev = next((ln for ln in reversed(lines[:vol_idx]) if ln.text), None)
        vol_text = lines[vol_idx].text
        if prev and (vol_text[:1] in ",0123456789" or re.match(r"^[A-Z][a-z]+ \d{4},", vol_text)):
            journal = prev.text
    rest = [(i, t) for i, t in rest if t != journal]
    title = ""
    norm_cite = tu.fold(cite_line)
    for _i, t in rest:
        if norm_cite and len(t) > 10 and tu.fold(t) in norm_cite:
            title = t
            break
    if not journal and len(rest) >= 2 and rest[0][1] != title:
        cand = rest[0][1]
        if not re.search(r"[:?!.]$", cand) and len(cand.split()) <= 12:
            journal = cand
            rest = rest[1:]
    if not title and rest:
        if vol_idx >= 0 and (after := [t for i, t in rest if i > vol_idx]):
            title = after[0]
        else:
            title = max((t for _i, t in rest), key=len)
    if title:
        study["title"] = title

    # the citation line: abbreviated journal, year, and authors as a fallback
    if cite_line:
        cite_names, after_names = _parse_cite(cite_line)
        if not authors and cite_names:
            authors = cite_names
            warnings.append("authors taken from the citation line (initials only)")
        tail = after_names.replace(title, "") if title else after_names
        if cm := re.search(
            r"(?:^|\.\s+)([A-Z][^.()]*?(?:\.[^.()\d]+?)*)\s+(?:\((\d{4})\)\s+)?(\d+)[,:]", tail.strip(". ")
        ):
            short = cm.group(1).strip(". ")
            if short and short != journal and len(short) < 80:
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
    if journal:
        study["container-title"] = journal
    elif "container-title-short" in study:
        study["container-title"] = study["container-title-short"]
        warnings.append("journal name taken from the abbreviated citation line")
    else:
        warnings.append("no journal name found in the record")
    if study["type"] == "chapter":
        warnings.append("a book chapter: check the book's title, editors and publisher")
    if not authors or "authors taken from the citation line (initials only)" in warnings:
        found = _authors_from_affiliations(lines, pl.section(lines, "affiliations", ref_slice))
        if found:
            if authors:  # the citation line gives the order (and may end in et al.)
                order = {_family_key(a): n for n, a in enumerate(authors)}
                found.sort(key=lambda a: order.get(_family_key(a), len(order)))
                warnings.remove("authors taken from the citation line (initials only)")
            authors = found
    if authors:
        study["author"] = authors
    else:
        warnings.append("no authors found in the record")

    # dates
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
    if doi:
        study["DOI"] = doi
    else:
        warnings.append("no DOI found in the record")
    if "volume" in study and "issue" not in study:
        warnings.append("no issue number found in the record")
    for key, what in (("volume", "volume"), ("page", "page range")):
        if key == "volume" and study["type"] == "chapter":
            continue
        if key not in study and not (key == "page" and "number" in study):
            warnings.append(f"no {what} found in the record")

    abstract = _find_abstract(lines, abstract_secs, first_prose, in_refs)
    if abstract:
        study["abstract"] = abstract
    else:
        warnings.append("no abstract found in the record")
    keywords = _find_keywords(lines, ref_slice, first_prose, in_refs, warnings)
    if keywords:
        study["keywords"] = keywords
        study["keyword"] = ", ".join(keywords)
    else:
        warnings.append("no keywords found in the record")
    affiliations = _find_affiliations(lines, ref_slice, content_start, in_refs)
    if affiliations:
        study["affiliations"] = affiliations
    if not refs:
        warnings.append("no references found in the record")
    return PageRecord(study, refs, warnings)
