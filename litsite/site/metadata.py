"""Metadata for scholars' tools: Google Scholar (Highwire) tags, Dublin Core, OpenGraph, schema.org JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from litsite.safety import doi_of, doi_url
from litsite.site.exports import date_parts, name_display, name_sorted, page_range

MetaTag = tuple[str, str, str]  # (attribute: "name" or "property", its value, content)


def scholar_date(item: dict[str, Any], var: str = "issued") -> str:
    """A CSL date as Google Scholar wants it: YYYY/MM/DD, or as much of it as is known."""
    return "/".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(date_parts(item, var)))


def _clean(text: Any) -> str:
    # citation_reference is a ';'-separated list of key=value pairs: keep values free of ';'.
    return " ".join(str(text).replace(";", ",").split())


def citation_reference(item: dict[str, Any]) -> str:
    """One reference in Google Scholar's 'citation_title=...; citation_author=...' form."""
    pairs: list[tuple[str, Any]] = []
    if item.get("title"):
        pairs.append(("citation_title", item["title"]))
    pairs += [("citation_author", name_sorted(n)) for n in item.get("author") or []]
    container = item.get("container-title")
    kind = item.get("type", "")
    if container:
        key = "citation_journal_title" if kind.startswith("article") else "citation_inbook_title"
        pairs.append((key, container))
    if item.get("publisher") and not kind.startswith("article"):
        pairs.append(("citation_publisher", item["publisher"]))
    date = scholar_date(item)
    if date:
        pairs.append(("citation_publication_date", date))
    for var, key in (("volume", "citation_volume"), ("issue", "citation_issue")):
        if item.get(var):
            pairs.append((key, item[var]))
    if doi_of(item.get("DOI", "")):  # tools resolve it: only a DOI that is one
        pairs.append(("citation_doi", doi_of(item["DOI"])))
    first, last = page_range(item)
    if first:
        pairs.append(("citation_firstpage", first))
    if last:
        pairs.append(("citation_lastpage", last))
    return "; ".join(f"{k}={_clean(v)}" for k, v in pairs) + ";"


def highwire_tags(
    item: dict[str, Any], keywords: Sequence[str], canonical: str, references: Sequence[str]
) -> list[MetaTag]:
    """Google Scholar's citation_* meta tags for the study page (references: citation_reference() of each)."""
    tags: list[MetaTag] = [("name", "citation_title", str(item.get("title", "")))]
    tags += [("name", "citation_author", name_sorted(n)) for n in item.get("author") or []]
    if scholar_date(item):
        tags.append(("name", "citation_publication_date", scholar_date(item)))
    if scholar_date(item, "available-date"):
        tags.append(("name", "citation_online_date", scholar_date(item, "available-date")))
    first, last = page_range(item)
    for key, value in (
        ("citation_journal_title", item.get("container-title")),
        ("citation_publisher", item.get("publisher")),
        ("citation_volume", item.get("volume")),
        ("citation_issue", item.get("issue")),
        ("citation_firstpage", first),
        ("citation_lastpage", last),
        ("citation_doi", doi_of(item.get("DOI", ""))),
        ("citation_pmid", item.get("PMID")),
        ("citation_issn", item.get("ISSN")),
        ("citation_language", item.get("language")),
    ):
        if value:
            tags.append(("name", key, str(value)))
    if keywords:
        tags.append(("name", "citation_keywords", "; ".join(keywords)))
    tags.append(("name", "citation_abstract_html_url", canonical))
    tags += [("name", "citation_reference", r) for r in references]
    return tags


def dublin_core_tags(item: dict[str, Any], keywords: Sequence[str]) -> list[MetaTag]:
    """Dublin Core basics (DC.title, DC.creator, DC.date, DC.identifier, ...)."""
    tags: list[MetaTag] = [("name", "DC.title", str(item.get("title", "")))]
    tags += [("name", "DC.creator", name_sorted(n)) for n in item.get("author") or []]
    date = "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(date_parts(item)))
    if date:
        tags.append(("name", "DC.date", date))
    if doi_of(item.get("DOI", "")):
        tags.append(("name", "DC.identifier", f"doi:{doi_of(item['DOI'])}"))
    if item.get("container-title"):
        tags.append(("name", "DC.source", str(item["container-title"])))
    tags += [("name", "DC.subject", k) for k in keywords]
    tags.append(("name", "DC.type", "Text"))
    return tags


def opengraph_tags(item: dict[str, Any], canonical: str, site_title: str, description: str) -> list[MetaTag]:
    """OpenGraph basics for link previews."""
    tags: list[MetaTag] = [
        ("property", "og:type", "article"),
        ("property", "og:title", str(item.get("title", ""))),
        ("property", "og:url", canonical),
        ("property", "og:site_name", site_title),
    ]
    if description:
        tags.append(("property", "og:description", description))
    return tags


def _person(name: dict[str, Any]) -> dict[str, Any]:
    if "literal" in name:
        return {"@type": "Organization", "name": str(name["literal"])}
    person = {"@type": "Person", "name": name_display(name), "familyName": str(name.get("family", ""))}
    if name.get("given"):
        person["givenName"] = str(name["given"])
    return person


def schema_work(item: dict[str, Any]) -> dict[str, Any]:
    """A CSL item as a schema.org CreativeWork (ScholarlyArticle, Book, Chapter or Report)."""
    kind = item.get("type", "")
    types = {"article-journal": "ScholarlyArticle", "book": "Book", "chapter": "Chapter", "report": "Report"}
    work: dict[str, Any] = {"@type": types.get(kind, "CreativeWork"), "name": str(item.get("title", ""))}
    if kind.startswith("article"):
        work["headline"] = work["name"]
    if item.get("author"):
        work["author"] = [_person(n) for n in item["author"]]
    if item.get("editor"):
        work["editor"] = [_person(n) for n in item["editor"]]
    date = "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(date_parts(item)))
    if date:
        work["datePublished"] = date
    if item.get("container-title"):
        kind_of = "Periodical" if kind.startswith("article") else "Book"
        container: dict[str, Any] = {"@type": kind_of, "name": str(item["container-title"])}
        if item.get("volume") and kind_of == "Periodical":
            container = {"@type": "PublicationVolume", "volumeNumber": str(item["volume"]), "isPartOf": container}
            if item.get("issue"):
                container = {"@type": "PublicationIssue", "issueNumber": str(item["issue"]), "isPartOf": container}
        work["isPartOf"] = container
    if item.get("publisher"):
        work["publisher"] = {"@type": "Organization", "name": str(item["publisher"])}
    first, last = page_range(item)
    if first:
        work["pageStart"] = first
    if last:
        work["pageEnd"] = last
    if doi_of(item.get("DOI", "")):
        work["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": doi_of(item["DOI"])}
        work["sameAs"] = doi_url(item["DOI"])
    return work


def _script_safe(text: str) -> str:
    # Nothing in the data may close the script element, open a comment or start a tag there: "<", ">" and "&"
    # (which JSON only has inside strings) become \u escapes, so also "</" and "<!--" never appear.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def work_json(item: dict[str, Any]) -> str:
    """A reference as schema.org JSON text for json_ld (compact, safe inside <script>)."""
    return _script_safe(json.dumps(schema_work(item), ensure_ascii=False, separators=(",", ":")))


def json_ld(item: dict[str, Any], keywords: Sequence[str], canonical: str, works: Sequence[str]) -> Markup:
    """schema.org ScholarlyArticle JSON-LD for the study, citing every reference (works: work_json() of each, made
    once per reference and kept between builds); safe inside <script>."""
    data = {"@context": "https://schema.org", **schema_work(item), "@id": canonical, "url": canonical}
    data["@type"] = "ScholarlyArticle"
    if keywords:
        data["keywords"] = list(keywords)
    if item.get("abstract"):
        data["abstract"] = str(item["abstract"])
    head = _script_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    return Markup(f'{head[:-1]},"citation":[{",".join(works)}]}}')
