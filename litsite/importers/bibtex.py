"""Import BibTeX (bibtexparser 2, LaTeX decoded with pylatexenc) as CSL items."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from litsite.errors import UserError
from litsite.importers import textutil as tu
from litsite.importers.bibinherit import BibEntry, resolve_crossrefs
from litsite.importers.bibmacros import read_entries
from litsite.importers.ids import assign_ids
from litsite.importers.result import ImportResult

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
    # biblatex's types
    "collection": "book",
    "mvbook": "book",
    "mvcollection": "book",
    "mvproceedings": "book",
    "mvreference": "book",
    "reference": "book",
    "bookinbook": "chapter",
    "suppbook": "chapter",
    "suppcollection": "chapter",
    "inreference": "entry-encyclopedia",
    "periodical": "periodical",
    "suppperiodical": "article-journal",
    "letter": "personal_communication",
    "video": "motion_picture",
    "movie": "motion_picture",
    "audio": "song",
    "music": "song",
    "artwork": "graphic",
    "image": "graphic",
    "performance": "performance",
    "legislation": "legislation",
    "legal": "legislation",
    "jurisdiction": "legal_case",
    "standard": "standard",
    "review": "review",
    "article-journal": "article-journal",
}
# Entries that hold data for others (biblatex's @xdata, @set), not references.
NOT_REFERENCES = frozenset({"xdata", "set"})
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


_BOOKAUTHOR = ("bookauthor", "container-author")


@functools.cache
def _latex_converter():
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    # LaTeX's text-mode braces, which litsite's own export writes for a brace of the data (exports._latex).
    braces = [MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}")]
    context = get_default_latex_context_db().filter_context()  # a copy, to extend
    context.add_context_category("litsite-braces", macros=braces, prepend=True)
    return LatexNodes2Text(latex_context=context, math_mode="text", strict_latex_spaces=True)


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


def _bib_entry(entry: BibEntry, warnings: list[str]) -> dict:
    fields = entry.fields
    etype = entry.type
    item: dict = {"id": entry.key, "type": BIBTEX_TYPES.get(etype, "document")}
    if etype not in BIBTEX_TYPES:
        warnings.append(f"line {entry.line}: unknown entry type @{etype}: imported as 'document'")
    for role, csl in (("author", "author"), ("editor", "editor"), ("translator", "translator"), _BOOKAUTHOR):
        if fields.get(role):
            item[csl] = _bib_names(fields[role])
    for key, csl in _BIB_FIELDS.items():
        if fields.get(key) and csl not in item:
            item[csl] = _latex(fields[key])
    if "x-subtitle" in item and "title" in item:
        item["title"] = f"{item['title']}: {item.pop('x-subtitle')}"
    for sub in ("booksubtitle", "journalsubtitle"):
        if fields.get(sub) and "container-title" in item:
            item["container-title"] += ": " + _latex(fields[sub])
    item.pop("x-subtitle", None)
    if fields.get("number"):
        item["issue" if etype == "article" else "number"] = _latex(fields["number"])
    if fields.get("pages"):
        item["page"] = tu.pages(_latex(fields["pages"]))
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
    if long := tu.long_year(fields.get("date", ""), fields.get("year", "")):
        warnings.append(f"line {entry.line}: date {long!r} has no four-digit year: kept as text")
    if fields.get("date"):
        item["issued"] = tu.iso_date_parts(fields["date"])
    elif fields.get("year"):
        item["issued"] = tu.date_parts(fields["year"], fields.get("month", ""), fields.get("day", ""))
    if fields.get("urldate"):
        item["accessed"] = tu.iso_date_parts(fields["urldate"])
    if fields.get("keywords"):
        item["keyword"] = ", ".join(k.strip() for k in re.split(r"[;,]", _latex(fields["keywords"])) if k.strip())
    return {k: v for k, v in item.items() if v not in (None, "", [])}


def _entries(library: object, path: Path, warnings: list[str]) -> list:
    """The library's entries, with those bibtexparser set aside for a repeated field (Scopus repeats
    funding_details: the first value counts) or a repeated key (renamed later, as CSL ids are); UserError for
    any other block it could not parse."""
    blocks = list(library.entries)  # type: ignore[attr-defined]
    repeated: dict[str, list[str]] = {"field": [], "key": []}
    for block in library.failed_blocks:  # type: ignore[attr-defined]
        kind = {"DuplicateFieldKeyBlock": "field", "DuplicateBlockKeyBlock": "key"}.get(type(block).__name__)
        entry = getattr(block, "ignore_error_block", None)
        if kind and entry is not None and hasattr(entry, "fields"):
            blocks.append(entry)
            repeated[kind].append(f"{entry.key!r} at line {block.start_line + 1}")
            continue
        line = getattr(block, "start_line", None)
        lines = [ln.strip() for ln in str(getattr(block, "error", "") or "syntax error").split("\n") if ln.strip()]
        reason = lines[-1] if lines else "syntax error"
        raise UserError(path, line + 1 if isinstance(line, int) else None, f"unparseable BibTeX: {reason}")
    if not blocks:
        raise UserError(path, None, "no BibTeX entries found")
    for kind, what in (
        ("field", "with a repeated field (the first value kept)"),
        ("key", "with an earlier entry's key"),
    ):
        found = repeated[kind]
        if found:
            shown = ", ".join(found[:5]) + (", …" if len(found) > 5 else "")
            warnings.append(f"{len(found)} entr{'y' if len(found) == 1 else 'ies'} {what}: {shown}")
    return blocks


def load_bibtex(text: str, path: Path) -> ImportResult:
    """Import BibTeX with bibtexparser 2: @string macros (with `#` concatenation) and `crossref` resolved as
    biblatex does, LaTeX to Unicode, entry types and fields mapped to CSL."""
    import bibtexparser

    try:
        library = bibtexparser.parse_string(text, parse_stack=[])  # raw values: macros are resolved below
    except Exception as e:  # the splitter raises on some broken input
        raise UserError(path, None, f"unparseable BibTeX: {e}") from None
    warnings: list[str] = []
    blocks = _entries(library, path, warnings)
    blocks.sort(key=lambda b: b.start_line)
    entries = read_entries(blocks, library.strings, warnings)
    resolve_crossrefs(entries, warnings)
    items = [_bib_entry(entry, warnings) for entry in entries if entry.type not in NOT_REFERENCES]
    assign_ids(items, warnings)
    return ImportResult({}, items, warnings)
