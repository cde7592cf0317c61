"""Import RIS (rispy) as CSL items."""

from __future__ import annotations

import re
from pathlib import Path

from litsite.errors import UserError
from litsite.importers import textutil as tu
from litsite.importers.ids import assign_ids
from litsite.importers.result import ImportResult

RIS_TYPES = {
    "JOUR": "article-journal",
    "JFULL": "article-journal",
    "ABST": "article-journal",
    "EJOUR": "article-journal",
    "INPR": "article-journal",
    "MGZN": "article-magazine",
    "NEWS": "article-newspaper",
    "BOOK": "book",
    "EBOOK": "book",
    "EDBOOK": "book",
    "SER": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "RPRT": "report",
    "THES": "thesis",
    "ELEC": "webpage",
    "WEB": "webpage",
    "BLOG": "post-weblog",
    "CONF": "paper-conference",
    "CPAPER": "paper-conference",
    "GEN": "document",
    "DATA": "dataset",
    "COMP": "software",
    "UNPB": "manuscript",
    "MANSCPT": "manuscript",
    "PAT": "patent",
    "CASE": "legal_case",
    "STAT": "legislation",
    "BILL": "bill",
    "MAP": "map",
    "MPCT": "motion_picture",
    "VIDEO": "motion_picture",
    "SOUND": "song",
    "PCOMM": "personal_communication",
    "ICOMM": "personal_communication",
    "ENCYC": "entry-encyclopedia",
    "DICT": "entry-dictionary",
}
_RIS_TAG_RE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")


def _ris_name(text: str) -> dict:
    text = tu.clean(text)
    if "," in text:
        return tu.person(text)
    return {"literal": text}


# M3 ("type of work") values that only name the kind of record (Scopus' "Article", "Review", "Conference Paper";
# Embase's, PsycINFO's classifications): not a genre to print in an entry.
_RECORD_KINDS = frozenset(
    "article|journal article|research article|original article|review|review article|systematic review|"
    "conference paper|conference review|proceedings paper|book|book chapter|chapter|editorial|letter|note|erratum|"
    "short survey|article in press|data paper|retracted|comment|commentary|case report|report|thesis|dissertation|"
    "journal|electronic article|web page|webpage|meeting abstract|abstract|correction|news|other".split("|")
)
_JOURNAL_LIKE = frozenset({"article-journal", "article-magazine", "article-newspaper", "paper-conference"})
_DOI_RE = re.compile(r"\b10\.\d{4,9}/\S+")


def _type_of_work(item: dict, work: str) -> None:
    """M3: a DOI (some exporters put it there), a genre (a thesis's "PhD thesis", a report's kind), or, for journal
    articles and bare record kinds, kept as `x-type-of-work`, which no style prints."""
    doi = _DOI_RE.search(work)
    if doi:
        item.setdefault("DOI", tu.clean_doi(doi.group(0)))
    elif item["type"] in _JOURNAL_LIKE or work.casefold() in _RECORD_KINDS or re.search(r"\[\d+\]$", work):
        item["x-type-of-work"] = work
    else:
        item["genre"] = work


def _page(value: object) -> str:
    """A page number, or "" for what is none (Ovid's "No" "Specified" for an unknown range)."""
    text = tu.clean(str(value or ""))
    return text if re.search(r"\d", text) or re.fullmatch(r"[ivxlcdm]+", text, re.I) else ""


def _ris_record(rec: dict, warnings: list[str], n: int) -> dict:
    ty = str(rec.get("type_of_reference", "GEN")).strip().upper()
    item: dict = {"type": RIS_TYPES.get(ty, "document")}
    if ty not in RIS_TYPES:
        warnings.append(f"record {n}: unknown RIS type {ty!r}: imported as 'document'")
    if rec.get("id"):
        item["id"] = str(rec["id"]).strip()
    authors = list(rec.get("authors") or []) + list(rec.get("first_authors") or [])
    if authors:
        item["author"] = [_ris_name(a) for a in authors]
    editors = list(rec.get("secondary_authors") or []) + list(rec.get("editor") or [])
    if editors and ty in ("CHAP", "ECHAP", "BOOK", "EDBOOK", "CONF", "CPAPER"):
        item["editor"] = [_ris_name(a) for a in editors]
    title = rec.get("title") or rec.get("primary_title")
    if title:
        item["title"] = tu.clean(title)
    container = next(
        (rec.get(k) for k in ("secondary_title", "journal_name", "alternate_title3", "alternate_title2") if rec.get(k)),
        None,
    )
    if container and ty not in ("BOOK", "EBOOK", "RPRT", "THES"):
        item["container-title"] = tu.clean(container)
    elif container:
        item["collection-title"] = tu.clean(container)
    if rec.get("alternate_title1") and container:
        item["container-title-short"] = tu.clean(rec["alternate_title1"])
    for key, csl in (
        ("volume", "volume"),
        ("number", "issue"),
        ("publisher", "publisher"),
        ("place_published", "publisher-place"),
        ("edition", "edition"),
        ("language", "language"),
        ("short_title", "title-short"),
    ):
        if rec.get(key):
            item[csl] = tu.clean(str(rec[key]))
    if ty in ("RPRT", "BOOK") and "issue" in item:
        item["number"] = item.pop("issue")
    if rec.get("type_of_work"):
        _type_of_work(item, tu.clean(str(rec["type_of_work"])))
    sp, ep = (_page(rec.get("start_page")), _page(rec.get("end_page")))
    if sp:
        item["page"] = tu.pages(f"{sp}–{ep}" if ep and ep != sp else sp)
    if rec.get("doi"):
        item["DOI"] = tu.clean_doi(rec["doi"])
    urls = [u for u in rec.get("urls") or [] if u]
    if urls:
        item["URL"] = tu.clean(urls[0])
    if rec.get("keywords"):
        item["keyword"] = ", ".join(tu.clean(k) for k in rec["keywords"] if k.strip())
    abstract = rec.get("abstract") or rec.get("notes_abstract")
    if abstract:
        item["abstract"] = tu.clean(abstract)
    if rec.get("issn"):
        key = "ISBN" if ty in ("BOOK", "EBOOK", "CHAP", "EDBOOK") else "ISSN"
        item[key] = tu.clean(rec["issn"])
    year = str(rec.get("year") or rec.get("publication_year") or "")
    date = str(rec.get("date") or "")
    if long := tu.long_year(date, year):
        warnings.append(f"record {n}: date {long!r} has no four-digit year: kept as text")
    if date and tu.parse_date(date) and (not year or tu.parse_date(date)[:4] == year[:4]):
        item["issued"] = tu.iso_date_parts(date)
    elif year:
        item["issued"] = tu.iso_date_parts(year.strip("/")) or tu.date_parts(year)
    if rec.get("access_date"):
        item["accessed"] = tu.iso_date_parts(str(rec["access_date"]))
    return {k: v for k, v in item.items() if v not in (None, "", [])}


# Lines exporters put between records: Cochrane Library's "Record #3 of 18" / "Provider:" / "Content:" headers,
# Ovid's record numbers ("6."), EndNote's and databases' notes. rispy skips whatever precedes a "TY" line.
_HEADER_RE = re.compile(
    r"^(?:Record #\d+ of \d+|(?:Provider|Content|Database|Search Strategy|Date|Export Date|Source):.*"
    r"|Link to the Ovid Full Text.*|\d+\.|)$",
    re.IGNORECASE,
)
# A tag with one or two spaces before the dash (some exporters write "TY - JOUR"), as rispy's "XX  - " wants it.
_LOOSE_TAG_RE = re.compile(r"^\s*([A-Z][A-Z0-9]) {1,2}-(?: +(.*?))?\s*$")


def _normalised_lines(text: str, path: Path, warnings: list[str]) -> list[str]:
    """The RIS lines in the form rispy reads, records checked: TY … ER; UserError if no record at all."""
    open_at = None
    fixed: list[str] = []
    outside: list[int] = []
    for no, line in enumerate(text.split("\n"), start=1):
        line = line.replace("\ufeff", "").rstrip("\r")
        m = _LOOSE_TAG_RE.match(line)
        if m:
            line = f"{m.group(1)}  - {m.group(2) or ''}"
        if m and m.group(1) == "TY":
            if open_at is not None:
                raise UserError(path, no, f"RIS record started before the record on line {open_at} ended (no ER)")
            open_at = no
        elif m and m.group(1) == "ER":
            if open_at is None:
                raise UserError(path, no, "RIS 'ER' without a record ('TY') before it")
            open_at = None
        elif open_at is None and not _HEADER_RE.match(line.strip()):
            outside.append(no)
        fixed.append(line)
    first_record = next((i for i, line in enumerate(fixed, start=1) if line.startswith("TY  - ")), None)
    if first_record is None:
        first = outside[0] if outside else 1
        raise UserError(path, first, "not a RIS line: text outside a record (expected 'TY  - ')")
    if outside:
        shown = ", ".join(str(n) for n in outside[:5]) + (", …" if len(outside) > 5 else "")
        warnings.append(f"{len(outside)} line(s) outside any RIS record ignored (lines {shown})")
    if open_at is not None:
        warnings.append(f"line {open_at}: the last RIS record has no 'ER' line")
        fixed.append("ER  - ")
    return fixed


def load_ris(text: str, path: Path) -> ImportResult:
    """Import RIS with rispy: reference types and tags mapped to CSL; exporters' headers between records skipped."""
    import rispy

    warnings: list[str] = []
    fixed = _normalised_lines(text, path, warnings)
    try:
        records = rispy.loads("\n".join(fixed) + "\n")
    except Exception as e:
        raise UserError(path, None, f"unparseable RIS: {e}") from None
    if not records:
        raise UserError(path, None, "no RIS records found")
    items = [_ris_record(rec, warnings, n) for n, rec in enumerate(records, start=1)]
    assign_ids(items, warnings)
    return ImportResult({}, items, warnings)
