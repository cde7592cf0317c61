"""Import structured reference files (CSL-JSON, CSL-YAML, BibTeX, RIS) as CSL items with stable ids."""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from pathlib import Path

import yaml

from litsite.errors import UserError
from litsite.records import textutil as tu
from litsite.records.result import ImportResult

# --- ids


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
    used: set[str] = set()
    for item in items:
        given = str(item.get("id") or "").strip()
        if given and given not in used:
            item["id"] = given
            used.add(given)
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
            cand = base + (_suffix(n) if bases[base] > 1 or base in used else "")
            n += 1
            if cand not in used:
                break
        seen[base] = n
        item["id"] = cand
        used.add(cand)


def _suffix(n: int) -> str:
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


# --- CSL-JSON and CSL-YAML


def _jsonable(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _from_csl_data(data: object, path: Path) -> ImportResult:
    """A study and references from decoded CSL data: a list of items, one item, or {study, references}."""
    warnings: list[str] = []
    data = _jsonable(data)
    study: dict = {}
    if isinstance(data, dict) and ("references" in data or "study" in data):
        study = data.get("study") or {}
        refs = data.get("references") or []
        warnings += [str(w) for w in data.get("warnings") or [] if isinstance(data.get("warnings"), list)]
    elif isinstance(data, dict) and ("items" in data and isinstance(data["items"], list)):
        refs = data["items"]
    elif isinstance(data, dict):
        study, refs = data, []
    elif isinstance(data, list):
        refs = data
    else:
        raise UserError(path, 1, "expected a list of CSL items or a CSL item")
    if not isinstance(study, dict) or not isinstance(refs, list):
        raise UserError(path, 1, "expected 'study' to be a CSL item and 'references' a list of CSL items")
    bad = [i for i, item in enumerate(refs, start=1) if not isinstance(item, dict)]
    if bad:
        raise UserError(path, None, f"item {bad[0]} is not a CSL item (a mapping of CSL variables)")
    refs = [dict(item) for item in refs]
    for i, item in enumerate(refs, start=1):
        if "type" not in item:
            item["type"] = "document"
            warnings.append(f"item {i} has no type: set to 'document'")
    assign_ids(refs, warnings)
    if study:
        study.pop("id", None)
    return ImportResult(study, refs, warnings)


def load_csl_json(text: str, path: Path) -> ImportResult:
    """Import CSL-JSON (a list of items, one item, or litsite's {study, references} JSON)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise UserError(path, e.lineno, f"not valid JSON: {e.msg}") from None
    return _from_csl_data(data, path)


def load_csl_yaml(text: str, path: Path) -> ImportResult:
    """Import CSL-YAML (a list of items, one item, or {study, references}; a front-matter '---' is fine)."""
    try:
        docs = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        problem = getattr(e, "problem", None) or "syntax error"
        raise UserError(path, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from None
    if not docs:
        raise UserError(path, None, "no CSL items in the file")
    data = docs[0] if len(docs) == 1 else [x for d in docs for x in (d if isinstance(d, list) else [d])]
    if isinstance(data, dict) and "references" not in data and isinstance(data.get("items"), list):
        data = data["items"]
    return _from_csl_data(data, path)


# --- BibTeX

BIBTEX_TYPES = {
    "article": "article-journal",
    "book": "book",
    "booklet": "pamphlet",
    "inbook": "chapter",
    "incollection": "chapter",
    "inproceedings": "paper-conference",
    "conference": "paper-conference",
    "proceedings": "book",
    "manual": "report",
    "techreport": "report",
    "report": "report",
    "phdthesis": "thesis",
    "mastersthesis": "thesis",
    "thesis": "thesis",
    "misc": "document",
    "online": "webpage",
    "electronic": "webpage",
    "www": "webpage",
    "webpage": "webpage",
    "unpublished": "manuscript",
    "dataset": "dataset",
    "software": "software",
    "patent": "patent",
}
_BIB_FIELDS = {
    "title": "title",
    "journal": "container-title",
    "journaltitle": "container-title",
    "booktitle": "container-title",
    "volume": "volume",
    "edition": "edition",
    "publisher": "publisher",
    "address": "publisher-place",
    "location": "publisher-place",
    "abstract": "abstract",
    "isbn": "ISBN",
    "issn": "ISSN",
    "pmid": "PMID",
    "pmcid": "PMCID",
    "note": "note",
    "series": "collection-title",
    "chapter": "chapter-number",
    "language": "language",
    "shorttitle": "title-short",
    "subtitle": "x-subtitle",
    "annote": "annote",
    "type": "genre",
    "eprint": "x-eprint",
}
_NO_LATEX = {"url", "doi", "file", "eprint", "urldate", "isbn", "issn", "pmid", "pmcid", "date", "year", "month"}


@functools.cache
def _latex_converter():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text", strict_latex_spaces=True)


def _latex(value: str) -> str:
    if not re.search(r"[\\{}$~%]", value):
        return tu.clean(value)
    try:
        text = _latex_converter().latex_to_text(value)
    except Exception:  # pylatexenc can choke on odd input; keep the raw text
        text = value.replace("{", "").replace("}", "")
    return tu.clean(text)


def _bib_names(value: str) -> list[dict]:
    from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names

    names = []
    for raw in split_multiple_persons_names(value):
        raw = raw.strip()
        if not raw:
            continue
        if raw == "others":
            continue
        if raw.startswith("{") and raw.endswith("}") and raw.count("{") == 1:
            names.append({"literal": _latex(raw[1:-1])})
            continue
        try:
            parts = parse_single_name_into_parts(raw)
        except Exception:
            names.append({"literal": _latex(raw)})
            continue
        name = {
            "family": _latex(" ".join(parts.last)),
            "given": _latex(" ".join(parts.first)),
            "non-dropping-particle": _latex(" ".join(parts.von)),
            "suffix": _latex(" ".join(parts.jr)),
        }
        name = {k: v for k, v in name.items() if v}
        if "family" not in name:
            name = {"literal": name.get("given", _latex(raw))}
        names.append(name)
    return names


def pages(value: str) -> str:
    """A page range with an en dash: '477--490' or '477-490' → '477–490'."""
    return re.sub(r"\s*(?:--+|—|‐|-)\s*", "–", tu.clean(value))


def _date_parts(year: str, month: str = "", day: str = "") -> dict | None:
    ym = re.search(r"\d{4}", year or "")
    if not ym:
        return {"literal": year} if year else None
    parts = [int(ym.group(0))]
    if month and (mon := tu.month_number(month)):
        parts.append(mon)
        if day and day.strip().isdigit() and 1 <= int(day) <= 31:
            parts.append(int(day))
    return {"date-parts": [parts]}


def _iso_date_parts(text: str) -> dict | None:
    iso = tu.parse_date(text)
    if not iso:
        return {"literal": text} if text.strip() else None
    return {"date-parts": [[int(x) for x in iso.split("-")]]}


def _bib_entry(entry, warnings: list[str]) -> dict:
    fields = {f.key.lower(): str(f.value) for f in entry.fields}
    etype = entry.entry_type.lower()
    item: dict = {"id": entry.key, "type": BIBTEX_TYPES.get(etype, "document")}
    if etype not in BIBTEX_TYPES:
        warnings.append(f"line {entry.start_line + 1}: unknown entry type @{etype}: imported as 'document'")
    for role in ("author", "editor", "translator"):
        if fields.get(role):
            item[role] = _bib_names(fields[role])
    for key, csl in _BIB_FIELDS.items():
        if fields.get(key) and csl not in item:
            item[csl] = _latex(fields[key])
    if "x-subtitle" in item and "title" in item:
        item["title"] = f"{item['title']}: {item.pop('x-subtitle')}"
    if fields.get("number"):
        item["issue" if etype == "article" else "number"] = _latex(fields["number"])
    if fields.get("pages"):
        item["page"] = pages(_latex(fields["pages"]))
    if fields.get("doi"):
        item["DOI"] = tu.clean_doi(fields["doi"])
    if fields.get("url"):
        item["URL"] = tu.clean(fields["url"])
    elif fields.get("howpublished", "").startswith(("http", "\\url")):
        item["URL"] = re.sub(r"^\\url\{(.*)\}$", r"\1", fields["howpublished"])
    elif fields.get("howpublished"):
        item["medium"] = _latex(fields["howpublished"])
    if etype in ("phdthesis", "mastersthesis", "techreport", "report", "thesis") or "publisher" not in item:
        org = fields.get("school") or fields.get("institution") or fields.get("organization")
        if org and "publisher" not in item:
            item["publisher"] = _latex(org)
    if etype == "phdthesis" and "genre" not in item:
        item["genre"] = "PhD thesis"
    elif etype == "mastersthesis" and "genre" not in item:
        item["genre"] = "Master's thesis"
    if fields.get("date"):
        item["issued"] = _iso_date_parts(fields["date"])
    elif fields.get("year"):
        item["issued"] = _date_parts(fields["year"], fields.get("month", ""), fields.get("day", ""))
    if fields.get("urldate"):
        item["accessed"] = _iso_date_parts(fields["urldate"])
    if fields.get("keywords"):
        item["keyword"] = ", ".join(k.strip() for k in re.split(r"[;,]", _latex(fields["keywords"])) if k.strip())
    return {k: v for k, v in item.items() if v not in (None, "", [])}


def load_bibtex(text: str, path: Path) -> ImportResult:
    """Import BibTeX with bibtexparser 2: LaTeX to Unicode, entry types and fields mapped to CSL."""
    import bibtexparser

    try:
        library = bibtexparser.parse_string(text)
    except Exception as e:  # the splitter raises on some broken input
        raise UserError(path, None, f"unparseable BibTeX: {e}") from None
    if library.failed_blocks:
        block = library.failed_blocks[0]
        line = getattr(block, "start_line", None)
        lines = [ln.strip() for ln in str(getattr(block, "error", "") or "syntax error").split("\n") if ln.strip()]
        reason = lines[-1] if lines else "syntax error"
        if type(block).__name__ == "DuplicateBlockKeyBlock":
            reason = f"duplicate key {getattr(block, 'key', '')!r}"
        raise UserError(path, line + 1 if isinstance(line, int) else None, f"unparseable BibTeX: {reason}")
    if not library.entries:
        raise UserError(path, None, "no BibTeX entries found")
    warnings: list[str] = []
    items = [_bib_entry(entry, warnings) for entry in library.entries]
    assign_ids(items, warnings)
    return ImportResult({}, items, warnings)


# --- RIS

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
        item["page"] = pages(f"{sp}–{ep}" if ep and ep != sp else sp)
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
    if date and tu.parse_date(date) and (not year or tu.parse_date(date)[:4] == year[:4]):
        item["issued"] = _iso_date_parts(date)
    elif year:
        item["issued"] = _iso_date_parts(year.strip("/")) or _date_parts(year)
    if rec.get("access_date"):
        item["accessed"] = _iso_date_parts(str(rec["access_date"]))
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
