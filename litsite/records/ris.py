"""Import RIS (rispy) as CSL items."""

from __future__ import annotations

import re
from pathlib import Path

from litsite.errors import UserError
from litsite.records import textutil as tu
from litsite.records.result import ImportResult
from litsite.records.structured import assign_ids

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
        ("type_of_work", "genre"),
    ):
        if rec.get(key):
            item[csl] = tu.clean(str(rec[key]))
    if ty in ("RPRT", "BOOK") and "issue" in item:
        item["number"] = item.pop("issue")
    sp, ep = tu.clean(str(rec.get("start_page") or "")), tu.clean(str(rec.get("end_page") or ""))
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


def load_ris(text: str, path: Path) -> ImportResult:
    """Import RIS with rispy: reference types and tags mapped to CSL."""
    import rispy

    warnings: list[str] = []
    open_at = None
    fixed: list[str] = []
    for no, line in enumerate(text.split("\n"), start=1):
        line = line.rstrip("\r").replace("\ufeff", "")
        m = _RIS_TAG_RE.match(line.rstrip())
        if m and m.group(1) == "TY":
            if open_at is not None:
                raise UserError(path, no, f"RIS record started before the record on line {open_at} ended (no ER)")
            open_at = no
        elif m and m.group(1) == "ER":
            if open_at is None:
                raise UserError(path, no, "RIS 'ER' without a record ('TY') before it")
            open_at = None
        elif line.strip() and open_at is None:
            raise UserError(path, no, "not a RIS line: text outside a record (expected 'TY  - ')")
        fixed.append(line)
    if open_at is not None:
        warnings.append(f"line {open_at}: the last RIS record has no 'ER' line")
        fixed.append("ER  - ")
    try:
        records = rispy.loads("\n".join(fixed) + "\n")
    except Exception as e:
        raise UserError(path, None, f"unparseable RIS: {e}") from None
    if not records:
        raise UserError(path, None, "no RIS records found")
    items = [_ris_record(rec, warnings, n) for n, rec in enumerate(records, start=1)]
    assign_ids(items, warnings)
    return ImportResult({}, items, warnings)
