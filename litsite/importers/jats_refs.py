"""JATS ref-list → CSL items, field by field from element-citation / mixed-citation / nlm-citation / citation."""

from __future__ import annotations

import re

from lxml import etree

from litsite.importers import reflines
from litsite.importers.ids import assign_ids
from litsite.importers.textutil import DOI_RE, clean_doi, person
from litsite.importers.xmltext import attr, first, first_text, text_of

CITATIONS = ("element-citation", "nlm-citation", "mixed-citation", "citation")
_TYPES = {
    "journal": "article-journal", "article": "article-journal", "book": "book", "chapter": "chapter",
    "bookchapter": "chapter", "book-chapter": "chapter", "confproc": "paper-conference",
    "conf-proc": "paper-conference", "conference": "paper-conference", "proceedings": "paper-conference",
    "thesis": "thesis", "dissertation": "thesis", "report": "report", "gov": "report", "standard": "standard",
    "web": "webpage", "webpage": "webpage", "website": "webpage", "patent": "patent", "data": "dataset",
    "dataset": "dataset", "database": "dataset", "software": "software", "preprint": "article",
    "newspaper": "article-newspaper", "magazine": "article-magazine", "list": "document", "discussion": "document",
    "clinicaltrial": "document", "journal-article": "article-journal", "confproc-article": "paper-conference",
}  # fmt: skip
_ROLES = {"author": "author", "editor": "editor", "translator": "translator", "compiler": "compiler",
          "guest-editor": "editor", "inventor": "author", "allauthors": "author", "assignee": "author"}  # fmt: skip
_STRUCTURE = ("name", "string-name", "person-group", "collab", "article-title", "source", "year", "chapter-title")
_ORG_YEAR = re.compile(r"^([^.()]{3,120}?)\s*\(\d{4}[a-z]?\)")
_MAX_NAMES = 500  # bound the work one entry can cause


def _name(el: etree._Element) -> dict:
    if el.tag == "collab":
        return {"literal": text_of(el, ("xref",))}
    family, given = first_text(el, "surname"), first_text(el, "given-names")
    if family:
        out = {"family": family, "given": given} if given else {"family": family}
        if suffix := first_text(el, "suffix"):
            out["suffix"] = suffix
        return out
    whole = text_of(el).strip(" ,;")
    if not whole:
        return {}
    tokens = whole.split()
    if el.tag != "string-name" or len(tokens) < 2:
        return {"literal": whole}
    if "," not in whole and re.fullmatch(r"(?:[A-Z]\.?-?){1,4}", tokens[-1]):
        return {"family": " ".join(tokens[:-1]), "given": tokens[-1]}  # "Smith JA", as Vancouver prints names
    return person(whole)


def _names(cit: etree._Element) -> dict[str, list[dict]]:
    """Names by CSL role: person-groups by their type; loose names (as PLOS prints them) are authors."""
    out: dict[str, list[dict]] = {}
    others: list[dict] = []
    for group in cit.xpath("person-group"):
        role = _ROLES.get(attr(group, "person-group-type").lower() or "author")
        names = [n for n in (_name(el) for el in group.xpath("name | string-name | collab")[:_MAX_NAMES]) if n]
        if role:
            out.setdefault(role, []).extend(names)
        else:
            others += names  # a sponsor, curator …: printed where the author stands when there is none
    if others and not out.get("author") and not out.get("editor"):
        out["author"] = others
    loose = [_name(el) for el in cit.xpath("name | string-name | collab")[:_MAX_NAMES]]
    if loose := [n for n in loose if n]:
        out.setdefault("author", []).extend(loose)
    return out


def _type(cit: etree._Element, fields: dict) -> str:
    raw = (attr(cit, "publication-type") or attr(cit, "citation-type")).lower()
    kind = _TYPES.get(raw)
    if kind == "book" and first(cit, "chapter-title") is not None:
        return "chapter"
    if kind == "book" and first(cit, "article-title") is not None and first(cit, "source") is not None:
        return "chapter"
    if kind:
        return kind
    if first(cit, "chapter-title") is not None:
        return "chapter"
    if "container-title" in fields and "volume" in fields:
        return "article-journal"
    if "container-title" in fields:
        return "chapter" if "publisher" in fields else "article-journal"
    return "book" if "publisher" in fields else "document"


def _date(cit: etree._Element) -> dict | None:
    year_text = first_text(cit, "year") or first_text(cit, "date/year")
    m = re.search(r"\d{4}", year_text)
    if not m:
        return {"literal": year_text} if year_text else None
    parts = [int(m.group(0))]
    month = first_text(cit, "month")
    if month.isdigit() and 1 <= int(month) <= 12:
        parts.append(int(month))
        day = first_text(cit, "day")
        if day.isdigit() and 1 <= int(day) <= 31:
            parts.append(int(day))
    return {"date-parts": [parts]}


def _whole_doi(value: str) -> str:
    """A pub-id's DOI: the whole element is the DOI (SICI DOIs hold "<", ";"), stray spaces dropped."""
    value = re.sub(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", "", re.sub(r"\s+", "", value), flags=re.I)
    return value if value.startswith("10.") else clean_doi(value)


def _ids_and_links(cit: etree._Element, fields: dict) -> None:
    for el in cit.xpath(".//pub-id | .//object-id"):
        kind, value = attr(el, "pub-id-type").lower(), text_of(el)
        if kind == "doi" and value:
            fields.setdefault("DOI", _whole_doi(value))
        elif kind == "pmid" and value.isdigit():
            fields.setdefault("PMID", value)
        elif kind in ("pmc", "pmcid") and value:
            fields.setdefault("PMCID", value if value.upper().startswith("PMC") else f"PMC{value}")
    for el in cit.xpath(".//ext-link | .//uri | .//self-uri"):
        href = attr(el, "href") or text_of(el)
        if DOI_RE.search(href) and ("doi" in href.lower() or attr(el, "ext-link-type") == "doi"):
            fields.setdefault("DOI", clean_doi(href))
        elif re.match(r"https?://\S+$", href.strip()):
            fields.setdefault("URL", href.strip())
    comment = first_text(cit, "comment")
    if "DOI" not in fields and (m := re.search(r"\bdoi:?\s*(10\.\d{4,9}/\S+)", comment, re.I)):
        fields["DOI"] = clean_doi(m.group(1))


def structured_item(cit: etree._Element) -> dict:
    """A CSL item read field by field from a structured JATS citation."""
    fields: dict = {}
    title = first_text(cit, "article-title", ("xref",))
    chapter = first_text(cit, "chapter-title", ("xref",))
    source = first_text(cit, "source", ("xref",))
    if chapter:
        fields["title"] = chapter
        if source:
            fields["container-title"] = source
    elif title:
        fields["title"] = title
        if source:
            fields["container-title"] = source
    elif source:
        fields["title"] = source
    simple = (("volume", "volume"), ("issue", "issue"), ("edition", "edition"), ("publisher-name", "publisher"),
              ("publisher-loc", "publisher-place"), ("conf-name", "event-title"), ("series", "collection-title"),
              ("isbn", "ISBN"), ("issn", "ISSN"), ("part-title", "part-title"))  # fmt: skip
    for tag, key in simple:
        if value := first_text(cit, tag):
            fields[key] = value
    fpage, lpage = first_text(cit, "fpage"), first_text(cit, "lpage")
    if fpage:
        fields["page"] = f"{fpage}–{lpage}" if lpage and lpage != fpage else fpage
    elif loc := first_text(cit, "elocation-id"):
        fields["page"] = loc
    elif size := first_text(cit, "size[@units='pages']"):
        fields["number-of-pages"] = re.sub(r"\D", "", size) or size
    if date := _date(cit):
        fields["issued"] = date
    fields.update(_names(cit))
    _ids_and_links(cit, fields)
    if (access := first_text(cit, "date-in-citation")) and (m := re.search(r"\d{4}(?:-\d\d){0,2}", access)):
        fields["accessed"] = {"date-parts": [[int(x) for x in m.group(0).split("-")]]}
    kind = _type(cit, fields)
    if kind == "book" and "container-title" in fields and "title" not in fields:
        fields["title"] = fields.pop("container-title")
    if kind == "thesis" and fields.get("container-title") and not fields.get("publisher"):
        fields["publisher"] = fields.pop("container-title")
    return {"type": kind, **fields}


def _free_text(cit: etree._Element, warnings: list[str], n: int) -> dict:
    """An unstructured mixed-citation through the free-text parser, with the ids and links its markup holds."""
    line = text_of(cit, ("label",))
    item = reflines.parse_guarded(line, f"reference {n}", warnings) or {}
    item.pop("id", None)
    item.setdefault("type", "document")
    declared = _TYPES.get((attr(cit, "publication-type") or attr(cit, "citation-type")).lower())
    if declared and declared != "document":
        item["type"] = declared  # the record says what the work is; the parser only guessed
    # "Organisation Name - ABBR (2010) Title": the text before the year is the author the parser left out.
    if not item.get("author") and not item.get("editor") and (m := _ORG_YEAR.match(line)):
        item["author"] = [{"literal": m.group(1).strip(" ,.")}]
    links: dict = {}
    _ids_and_links(cit, links)
    item.update(links)
    item["x-source-line"] = line
    return item


def citation_of(ref: etree._Element) -> etree._Element | None:
    """The citation element of a ref: a structured one first (element-citation, nlm-citation), else mixed."""
    for tag in CITATIONS:
        found = ref.xpath(f"{tag} | citation-alternatives/{tag}")
        if found:
            return found[0]
    return None


def jats_references(article: etree._Element) -> tuple[list[dict], dict[str, str], list[str]]:
    """The article's references as CSL items, a map from the record's ref ids to the items' ids, warnings."""
    warnings: list[str] = []
    items: list[dict] = []
    rids: list[str] = []
    for n, ref in enumerate(article.xpath("back//ref-list//ref"), start=1):
        cit = citation_of(ref)
        if cit is None:
            text = text_of(ref, ("label",))
            if not text:
                warnings.append(f"reference {n} is empty: skipped")
                continue
            cit = ref
        has_structure = any(first(cit, tag) is not None for tag in _STRUCTURE)
        item = structured_item(cit) if has_structure else _free_text(cit, warnings, n)
        if not (item.get("title") or item.get("author") or item.get("editor") or item.get("container-title")):
            item["x-source-line"] = item.get("x-source-line") or text_of(cit, ("label",))
            if not item.get("title") and item["x-source-line"]:
                item["title"] = item["x-source-line"]
                warnings.append(f"reference {n}: no author or title found: the whole entry is kept as its title")
        items.append(item)
        rids.append(attr(ref, "id"))
    assign_ids(items, warnings)
    ids = {rid: item["id"] for rid, item in zip(rids, items, strict=True) if rid}
    return items, ids, warnings
