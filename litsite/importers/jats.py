"""JATS / NLM XML (PMC, PLOS, eLife, BMC, Frontiers, MDPI, SciELO): front/article-meta → the study, ref-list → CSL."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from litsite.errors import UserError
from litsite.importers.jats_body import abstract_markdown, body_markdown
from litsite.importers.jats_refs import jats_references
from litsite.importers.result import ImportResult
from litsite.importers.xmltext import attr, first, first_text, parse_xml, text_of

# Abstracts that are not the article's abstract proper (PLOS author summaries, eLife digests, graphical abstracts).
_SIDE_ABSTRACTS = {"summary", "author-summary", "executive-summary", "graphical", "teaser", "editor", "precis",
                   "web-summary", "toc", "digest", "plain-language-summary", "lay-summary", "short"}  # fmt: skip
# Markers inside titles and names that are not part of them (footnote links, labels).
_NOT_TEXT = ("xref", "fn", "label", "sup-xref")


def name_item(el: etree._Element) -> dict:
    """A CSL name from JATS name / string-name / collab (an organisation is a literal)."""
    if el.tag == "collab" or el.tag == "institution":
        return {"literal": text_of(el, ("contrib-group", "xref"))}
    family = first_text(el, "surname")
    given = first_text(el, "given-names")
    if not family:
        whole = text_of(el)
        return {"literal": whole} if whole else {}
    out = {"family": family, "given": given} if given else {"family": family}
    suffix = first_text(el, "suffix")
    if suffix:
        out["suffix"] = suffix
    prefix = first_text(el, "prefix")  # honorifics ("Dr", "Prof") have no CSL part; particles do
    if prefix and prefix.lower() in ("van", "von", "de", "da", "del", "der", "van der", "van den", "de la", "di"):
        out["non-dropping-particle"] = prefix
    return out


def _contrib_name(contrib: etree._Element) -> dict:
    alts = first(contrib, "name-alternatives")
    holder = alts if alts is not None else contrib
    for path in ("name[not(@name-style='eastern')]", "name", "string-name", "collab", "collab-alternatives/collab"):
        el = first(holder, path)
        if el is not None:
            return name_item(el)
    return {}


def _authors(meta: etree._Element, root: etree._Element) -> tuple[list[dict], list[str]]:
    """The article's authors, and the affiliations in the order the record lists them."""
    authors = []
    for contrib in meta.xpath("contrib-group/contrib"):
        kind = attr(contrib, "contrib-type") or "author"
        if kind != "author":
            continue
        name = _contrib_name(contrib)
        if name.get("family") or name.get("literal"):
            authors.append(name)
    affs = meta.xpath("aff | contrib-group/aff | contrib-group/contrib/aff | aff-alternatives/aff[1]")
    if not affs:
        affs = root.xpath("front//aff")
    seen: dict[str, None] = {}
    for aff in affs:
        text = _aff_text(aff)
        if text:
            seen.setdefault(text)
    return authors, list(seen)


def _aff_text(aff: etree._Element) -> str:
    """An affiliation's text; parts given only as elements (institution, city, country) joined with commas."""
    if (aff.text or "").strip() or any((c.tail or "").strip() for c in aff):
        return text_of(aff, ("label", "sup")).strip(" ,;")
    parts: dict[str, None] = {}
    for child in aff:
        if isinstance(child.tag, str) and child.tag not in ("label", "sup"):
            part = text_of(child).strip(" ,;")
            if part and not any(part in p for p in parts):
                parts.setdefault(part)
    return ", ".join(parts)


def _date(el: etree._Element | None) -> str:
    """An ISO date (YYYY, YYYY-MM or YYYY-MM-DD) from a JATS date element; '' without a year."""
    if el is None:
        return ""
    year = first_text(el, "year")
    if not re.fullmatch(r"\d{4}", year):
        iso = attr(el, "iso-8601-date")
        return iso if re.fullmatch(r"\d{4}(-\d\d){0,2}", iso) else ""
    parts = [year]
    month, day = first_text(el, "month"), first_text(el, "day")
    if month.isdigit() and 1 <= int(month) <= 12:
        parts.append(f"{int(month):02d}")
        if day.isdigit() and 1 <= int(day) <= 31:
            parts.append(f"{int(day):02d}")
    return "-".join(parts)


def _dates(meta: etree._Element) -> dict:
    found: dict[str, str] = {}
    for el in meta.xpath("pub-date"):
        kind = attr(el, "pub-type") or attr(el, "date-type") or "pub"
        if attr(el, "publication-format") == "electronic" and kind == "pub":
            kind = "epub"
        found.setdefault(kind, _date(el))
    out = {}
    issued = next((found[k] for k in ("ppub", "epub-ppub", "collection", "pub", "epreprint") if found.get(k)), "")
    issued = issued or found.get("epub", "") or next((v for v in found.values() if v), "")
    if issued:
        out["issued"] = issued
    if found.get("epub"):
        out["available-date"] = found["epub"]
    for el in meta.xpath("history/date"):
        key = {"received": "submitted", "accepted": "accepted"}.get(attr(el, "date-type"))
        if key and _date(el):
            out.setdefault(key, _date(el))
    return out


def _ids(meta: etree._Element) -> dict:
    out = {}
    for el in meta.xpath("article-id"):
        kind, value = attr(el, "pub-id-type").lower(), text_of(el)
        if not value:
            continue
        if kind == "doi":
            out.setdefault("DOI", value)
        elif kind == "pmid":
            out.setdefault("PMID", value)
        elif kind in ("pmc", "pmcid"):
            out.setdefault("PMCID", value if value.upper().startswith("PMC") else f"PMC{value}")
    return out


def _journal(root: etree._Element) -> dict:
    jm = first(root, "front/journal-meta")
    out = {}
    title = first_text(jm, "journal-title-group/journal-title") or first_text(jm, "journal-title")
    short = first_text(jm, "journal-title-group/abbrev-journal-title") or first_text(jm, "abbrev-journal-title")
    nlm = first_text(jm, "journal-id[@journal-id-type='nlm-ta' or @journal-id-type='iso-abbrev']")
    if title or short or nlm:
        out["container-title"] = title or short or nlm
    if (short or nlm) and (short or nlm) != out["container-title"]:
        out["container-title-short"] = short or nlm
    issn = first_text(jm, "issn[@pub-type='ppub']") or first_text(jm, "issn")
    if issn:
        out["ISSN"] = issn
    publisher = first_text(jm, "publisher/publisher-name")
    if publisher:
        out["publisher"] = publisher
    return out


def _pages(meta: etree._Element) -> str:
    fpage, lpage = first_text(meta, "fpage"), first_text(meta, "lpage")
    if fpage:
        return f"{fpage}–{lpage}" if lpage and lpage != fpage else fpage
    return first_text(meta, "elocation-id")


def _title(meta: etree._Element) -> str:
    group = first(meta, "title-group")
    title = first_text(group, "article-title", _NOT_TEXT)
    subtitle = first_text(group, "subtitle", _NOT_TEXT)
    if title and subtitle:
        title = f"{title.rstrip(':')}: {subtitle}"
    return title


def _keywords(meta: etree._Element) -> list[str]:
    words: dict[str, None] = {}
    for group in meta.xpath("kwd-group"):
        if attr(group, "kwd-group-type").lower() in ("mesh", "jel", "pacs", "msc", "ccs"):
            continue
        for kwd in group.xpath("kwd | compound-kwd"):
            word = text_of(kwd, ("label",)).strip(" ,;.")
            if word:
                words.setdefault(word)
    return list(words)


def _permissions(meta: etree._Element) -> dict:
    perm = first(meta, "permissions")
    out = {}
    statement = first_text(perm, "copyright-statement")
    if not statement:
        year, holder = first_text(perm, "copyright-year"), first_text(perm, "copyright-holder")
        statement = f"© {year} {holder}".strip() if year or holder else ""
    if statement:
        out["copyright"] = statement
    lic = first(perm, "license")
    if lic is not None:
        href = attr(lic, "href") or first_text(lic, ".//license_ref")
        text = href if re.match(r"https?://", href) else first_text(lic, "license-p")
        if text:
            out["license"] = text
    return out


def _abstract(meta: etree._Element) -> etree._Element | None:
    abstracts = meta.xpath("abstract")
    main = [a for a in abstracts if attr(a, "abstract-type").lower() not in _SIDE_ABSTRACTS]
    return (main or abstracts or [None])[0]


def load_jats(data: bytes, path: Path) -> ImportResult:
    """Import a JATS / NLM XML article: the study (with its full text when present) and its references."""
    warnings: list[str] = []
    root = parse_xml(data, path, warnings)
    article = root if root.tag == "article" else first(root, ".//article")
    meta = first(article, "front/article-meta")
    if article is None or meta is None:
        raise UserError(path, None, "JATS XML without front/article-meta: not an article record")
    study: dict = {"type": "article-journal"}
    study["title"] = _title(meta)
    authors, affiliations = _authors(meta, article)
    study.update(_journal(article))
    for key, path_ in (("volume", "volume"), ("issue", "issue")):
        value = first_text(meta, path_) or (first_text(meta, "numero") if key == "issue" else "")
        if value:
            study[key] = value
    if pages := _pages(meta):
        study["page"] = pages
    study.update(_dates(meta))
    if authors:
        study["author"] = authors
    study.update(_ids(meta))
    if keywords := _keywords(meta):
        study["keywords"] = keywords
    if affiliations:
        study["affiliations"] = affiliations
    study.update(_permissions(meta))
    study["source-record"] = f"records/{path.name}"
    abstract = _abstract(meta)
    abstract_md, abstract_text = abstract_markdown(abstract)
    if abstract_text:
        study["abstract"] = abstract_text
    refs, ids, ref_warnings = jats_references(article)
    body_el = first(article, "body")
    body = body_markdown(body_el, ids, warnings) if body_el is not None else ""
    for key, label in (("title", "title"), ("container-title", "journal"), ("issued", "date")):
        if not study.get(key):
            warnings.append(f"no {label} in the record")
            study.pop(key, None)
    markdown = ""
    if body:
        markdown = (f"## Abstract\n\n{abstract_md}\n\n" if abstract_md else "") + body
    elif "**" in abstract_md:  # a structured abstract keeps its section titles even without a full text
        markdown = f"## Abstract\n\n{abstract_md}\n"
    return ImportResult(study, refs, warnings + ref_warnings, body=markdown)
