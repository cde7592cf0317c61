"""Reference exports: BibTeX (bibtexparser), RIS (rispy), CSL-JSON and COinS (OpenURL ContextObjects)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlencode

import bibtexparser
import rispy
from bibtexparser.middlewares.parsestack import default_unparse_stack
from bibtexparser.model import Entry, Field
from pylatexenc.latexencode import UnicodeToLatexEncoder

from litsite.load.content import csl_only
from litsite.safety import FANOUT_LIMIT, clean_text, doi_of, web_url

BIBTEX_TYPES = {
    "article-journal": "article",
    "article-magazine": "article",
    "article-newspaper": "article",
    "book": "book",
    "chapter": "incollection",
    "paper-conference": "inproceedings",
    "report": "techreport",
    "thesis": "phdthesis",
}
RIS_TYPES = {
    "article-journal": "JOUR",
    "article-magazine": "MGZN",
    "article-newspaper": "NEWS",
    "book": "BOOK",
    "chapter": "CHAP",
    "paper-conference": "CONF",
    "report": "RPRT",
    "thesis": "THES",
    "webpage": "ELEC",
    "dataset": "DATA",
}
# Characters without a LaTeX form are kept as they are, without a warning: the file is UTF-8, which biber reads.
_LATEX = UnicodeToLatexEncoder(
    unknown_char_policy="keep", unknown_char_warning=False, replacement_latex_protection="braces-all"
)


def date_parts(item: dict[str, Any], var: str = "issued") -> list[int]:
    """The first date-parts list of a CSL date variable ([] when absent or literal)."""
    date = item.get(var) or {}
    parts = (date.get("date-parts") or [[]])[0] if isinstance(date, dict) else []
    return [int(p) for p in parts]


def page_range(item: dict[str, Any]) -> tuple[str, str]:
    """First and last page of a CSL `page` value ('238–250' → ('238', '250'))."""
    page = str(item.get("page", "")).strip()
    if not page:
        return "", ""
    bits = re.split(r"\s*[-–—]+\s*", page, maxsplit=1)
    return bits[0], (bits[1] if len(bits) > 1 else "")


def name_sorted(name: dict[str, Any]) -> str:
    """A CSL name as 'Family, Given' (or its literal)."""
    if "literal" in name:
        return str(name["literal"])
    family = " ".join(str(p) for p in (name.get("non-dropping-particle"), name.get("family")) if p)
    given = " ".join(str(p) for p in (name.get("given"), name.get("dropping-particle")) if p)
    return f"{family}, {given}" if given else family


def name_display(name: dict[str, Any]) -> str:
    """A CSL name as 'Given Family' (or its literal)."""
    if "literal" in name:
        return str(name["literal"])
    parts = ("given", "dropping-particle", "non-dropping-particle", "family", "suffix")
    return " ".join(str(name[p]) for p in parts if name.get(p))


def csl_json(items: Iterable[dict[str, Any]]) -> str:
    """CSL-JSON text of the items, without the project's own `x-` keys."""
    return json.dumps([csl_only(i) for i in items], ensure_ascii=False, indent=2) + "\n"


# The characters the encoder leaves as they are: a text made only of them is its own LaTeX (most fields of most
# references); the encoder was about a quarter of the export texts' time.
_LATEX_PLAIN = frozenset(c for c in "\t\n\r" + bytes(range(32, 127)).decode() if _LATEX.unicode_to_latex(c) == c)


def _one_line(text: Any) -> str:
    # BibTeX and RIS read a line break as a space; a value on one line cannot start an entry or a record.
    return " ".join(clean_text(str(text)).split())


def _latex(text: Any) -> str:
    text = _one_line(text)
    if _LATEX_PLAIN.issuperset(text):
        return text
    if "{" not in text and "}" not in text:
        return _LATEX.unicode_to_latex(text)
    # A brace of the data must not close (or leave open) the field: it is written as a macro, "\{" being a brace
    # that BibTeX parsers still count. Private-use characters mark them (data has none: safety.clean_text).
    marked = _LATEX.unicode_to_latex(text.replace("{", "\ue000").replace("}", "\ue001"))
    return marked.replace("\ue000", r"\textbraceleft{}").replace("\ue001", r"\textbraceright{}")


def _verbatim(text: Any) -> str:
    """A DOI or URL for BibTeX, where it is read verbatim: braces, backslashes and spaces percent-encoded."""
    text = clean_text(str(text)).strip()
    return re.sub(r"[{}\\\s]", lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), text)


def _bib_names(names: list[dict[str, Any]]) -> str:
    out = []
    for n in names:
        text = _latex(name_sorted(n))
        out.append("{" + text + "}" if "literal" in n else text)
    return " and ".join(out)


def bibtex_entry(item: dict[str, Any]) -> Entry:
    """One CSL item as a bibtexparser Entry (values LaTeX-encoded)."""
    kind = item.get("type", "")
    fields: list[tuple[str, str]] = []
    for var, key in (("author", "author"), ("editor", "editor")):
        if item.get(var):
            fields.append((key, _bib_names(item[var])))
    if item.get("title"):
        fields.append(("title", _latex(item["title"])))
    container = item.get("container-title")
    if container:
        key = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}.get(
            BIBTEX_TYPES.get(kind, "misc"), "howpublished"
        )
        fields.append((key, _latex(container)))
    parts = date_parts(item)
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", str(parts[1])))
    simple = (("volume", "volume"), ("issue", "number"), ("edition", "edition"), ("publisher-place", "address"))
    for var, key in simple:
        if item.get(var):
            fields.append((key, _latex(item[var])))
    if item.get("number") and not item.get("issue"):
        fields.append(("number", _latex(item["number"])))
    if item.get("publisher"):
        fields.append(("institution" if kind == "report" else "publisher", _latex(item["publisher"])))
    if item.get("page"):
        fields.append(("pages", _latex(re.sub(r"\s*[-–—]+\s*", "--", str(item["page"])))))
    for var, key in (("ISBN", "isbn"), ("ISSN", "issn")):
        if item.get(var):
            fields.append((key, _latex(item[var])))
    for var, key in (("DOI", "doi"), ("URL", "url")):
        if item.get(var):
            fields.append((key, _verbatim(item[var])))
    if item.get("keyword"):
        fields.append(("keywords", _latex(item["keyword"])))
    if item.get("abstract"):
        fields.append(("abstract", _latex(item["abstract"])))
    return Entry(BIBTEX_TYPES.get(kind, "misc"), str(item["id"]), [Field(k, v) for k, v in fields])


def bibtex(items: Iterable[dict[str, Any]]) -> str:
    """A BibTeX file of the items, written by bibtexparser."""
    library = bibtexparser.Library()
    for item in items:
        library.add(bibtex_entry(item))
    # The library is ours and thrown away: let the writer's middleware work in place instead of deep-copying it.
    return bibtexparser.write_string(library, unparse_stack=default_unparse_stack(allow_inplace_modification=True))


def join_bibtex(parts: list[str]) -> str:
    """The BibTeX file of items from each item's own BibTeX text (what bibtex() writes for them all)."""
    return "\n\n".join(parts) if parts else bibtex([])


def join_ris(parts: list[str]) -> str:
    """The RIS file of items from each item's own RIS text (what ris() writes for them all)."""
    return "\n".join(parts) if parts else ris([])


def join_csl_json(parts: list[str]) -> str:
    """The CSL-JSON file of items from each item's own CSL-JSON text (what csl_json() writes for them all)."""
    if not parts:
        return csl_json([])
    return "[\n" + ",\n".join(part[2:-3] for part in parts) + "\n]\n"


def ris_record(item: dict[str, Any]) -> dict[str, Any]:
    """One CSL item as a rispy record."""
    kind = item.get("type", "")
    rec: dict[str, Any] = {"type_of_reference": RIS_TYPES.get(kind, "GEN"), "id": str(item["id"])}
    if item.get("author"):
        rec["authors"] = [name_sorted(n) for n in item["author"]]
    if item.get("editor"):
        rec["secondary_authors" if kind == "chapter" else "editor"] = [name_sorted(n) for n in item["editor"]]
    if item.get("title"):
        rec["title"] = str(item["title"])
    if item.get("container-title"):
        key = "journal_name" if kind.startswith("article") else "secondary_title"
        rec[key] = str(item["container-title"])
    parts = date_parts(item)
    if parts:
        rec["year"] = str(parts[0])
        rec["date"] = "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))
    first, last = page_range(item)
    if first:
        rec["start_page"] = first
    if last:
        rec["end_page"] = last
    for var, key in (
        ("volume", "volume"),
        ("issue", "number"),
        ("edition", "edition"),
        ("publisher", "publisher"),
        ("publisher-place", "place_published"),
        ("DOI", "doi"),
        ("abstract", "abstract"),
    ):
        if item.get(var):
            rec[key] = str(item[var])
    if item.get("number") and "number" not in rec:
        rec["number"] = str(item["number"])
    if item.get("URL"):
        rec["urls"] = [str(item["URL"])]
    if item.get("keyword"):
        rec["keywords"] = [k.strip() for k in str(item["keyword"]).split(",") if k.strip()]
    return rec


class _RisWriter(rispy.RisWriter):
    """rispy's writer without the "1." line it puts before each record (not part of RIS)."""

    def set_header(self, count: int) -> str:
        """No header line."""
        return ""


def ris(items: Iterable[dict[str, Any]]) -> str:
    """An RIS file of the items, written by rispy."""
    # rispy's default mapping has no "editor" key; write editors as A2 (secondary authors).
    records = []
    for item in items:
        rec = {
            k: [_one_line(x) for x in v] if isinstance(v, list) else _one_line(v) for k, v in ris_record(item).items()
        }
        if "editor" in rec:
            rec["secondary_authors"] = rec.pop("editor")
        records.append(rec)
    return rispy.dumps(records, implementation=_RisWriter)


def coins(item: dict[str, Any]) -> str:
    """The OpenURL 1.0 ContextObject (KEV) for a COinS span's title: journal, book, chapter or report."""
    kind = item.get("type", "")
    pairs: list[tuple[str, str]] = [("ctx_ver", "Z39.88-2004")]
    title = str(item.get("title", ""))
    container = str(item.get("container-title", ""))
    if kind.startswith("article") or kind == "paper-conference":
        pairs.append(("rft_val_fmt", "info:ofi/fmt:kev:mtx:journal"))
        pairs.append(("rft.genre", "proceeding" if kind == "paper-conference" else "article"))
        pairs.append(("rft.atitle", title))
        if container:
            pairs.append(("rft.jtitle", container))
    else:
        pairs.append(("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"))
        if kind == "chapter":
            pairs += [("rft.genre", "bookitem"), ("rft.atitle", title), ("rft.btitle", container)]
        else:
            pairs += [("rft.genre", "report" if kind == "report" else "book"), ("rft.btitle", title)]
        for var, key in (("publisher", "rft.pub"), ("publisher-place", "rft.place"), ("edition", "rft.edition")):
            if item.get(var):
                pairs.append((key, str(item[var])))
        if item.get("ISBN"):
            pairs.append(("rft.isbn", str(item["ISBN"])))
    parts = date_parts(item)
    if parts:
        pairs.append(("rft.date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))))
    for var, key in (("volume", "rft.volume"), ("issue", "rft.issue"), ("ISSN", "rft.issn")):
        if item.get(var):
            pairs.append((key, str(item[var])))
    first, last = page_range(item)
    if first:
        pairs.append(("rft.spage", first))
    if last:
        pairs.append(("rft.epage", last))
    if item.get("page"):
        pairs.append(("rft.pages", str(item["page"])))
    names = item.get("author") or []
    if names and "family" in names[0]:
        pairs.append(("rft.aulast", str(names[0]["family"])))
        if names[0].get("given"):
            pairs.append(("rft.aufirst", str(names[0]["given"])))
    pairs += [("rft.au", name_sorted(n)) for n in names[:FANOUT_LIMIT]]  # (it is repeated on every list)
    if doi_of(item.get("DOI", "")):
        pairs.append(("rft_id", f"info:doi/{doi_of(item['DOI'])}"))
    if web_url(item.get("URL", "")):
        pairs.append(("rft_id", str(web_url(item["URL"]))))
    return urlencode(pairs, quote_via=quote)
