"""PubMed XML (efetch PubmedArticleSet, also biopython's test files) → the study and its ReferenceList."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from litsite.csl.schema import DATE_VARIABLES, VARIABLES
from litsite.errors import UserError
from litsite.importers import reflines
from litsite.importers.ids import assign_ids
from litsite.importers.mdtext import escape_inline, escape_markdown
from litsite.importers.result import ImportResult
from litsite.importers.textutil import month_number
from litsite.importers.xmltext import attr, first, first_text, parse_xml, text_of

MAX_RECORDS = 20_000  # bound the work one file can cause
# "Radiology. 2015 Jan;274(1):250-9": PubMed's citation of a journal article without authors or title.
_SHORT_CITATION = re.compile(
    r"^(?P<journal>[^.;]{2,120}?)\.\s+(?P<year>\d{4})(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?"
    r"(?:;(?P<volume>[\w-]+)?(?:\((?P<issue>[^)]+)\))?)?(?::(?P<page>[\w-]+))?\.?$"
)


def expand_pages(text: str) -> str:
    """A MEDLINE page range written out in full: '5795-813' → '5795–5813', '250-9' → '250–259'."""
    text = text.strip()
    m = re.fullmatch(r"([A-Za-z]*)(\d+)\s*[-–]\s*([A-Za-z]*)(\d+)", text)
    if not m:
        return text.replace("-", "–") if re.fullmatch(r"[\w.]+-[\w.]+", text) else text
    pre, a, pre2, b = m.groups()
    if len(b) < len(a):
        b = a[: len(a) - len(b)] + b
    if int(b) < int(a) or (pre2 and pre2 != pre):
        return text
    return f"{pre}{a}–{pre}{b}" if a != b else f"{pre}{a}"


def pubmed_date(el: etree._Element | None) -> str:
    """An ISO date from a PubMed date element (Year/Month/Day, or MedlineDate such as '1998 Dec-1999 Jan')."""
    if el is None:
        return ""
    year = first_text(el, "Year")
    if not re.fullmatch(r"\d{4}", year):
        m = re.search(r"\d{4}", first_text(el, "MedlineDate"))
        return m.group(0) if m else ""
    parts = [year]
    month = first_text(el, "Month")
    number = int(month) if month.isdigit() else month_number(month) if month else None
    if number and 1 <= number <= 12:
        parts.append(f"{number:02d}")
        day = first_text(el, "Day")
        if day.isdigit() and 1 <= int(day) <= 31:
            parts.append(f"{int(day):02d}")
    return "-".join(parts)


def _authors(article: etree._Element) -> tuple[list[dict], list[str]]:
    authors, affiliations = [], {}
    for au in article.xpath("AuthorList/Author"):
        if attr(au, "ValidYN") == "N":
            continue
        if collective := first_text(au, "CollectiveName"):
            authors.append({"literal": collective})
        elif family := first_text(au, "LastName"):
            given = first_text(au, "ForeName") or first_text(au, "Initials")
            name = {"family": family, "given": given} if given else {"family": family}
            if suffix := first_text(au, "Suffix"):
                name["suffix"] = suffix
            authors.append(name)
        for aff in au.xpath("AffiliationInfo/Affiliation | Affiliation"):
            if text := text_of(aff):
                affiliations.setdefault(text)
    return authors, list(affiliations)


def _abstract(article: etree._Element) -> tuple[str, str]:
    """(plain text with 'LABEL: ' labels, Markdown with bold labels) of the abstract."""
    plain, md = [], []
    for part in article.xpath("Abstract/AbstractText"):
        text, label = text_of(part), attr(part, "Label")
        if not text and not label:
            continue
        plain.append(f"{label}: {text}" if label else text)
        md.append(f"**{escape_inline(label)}** {escape_markdown(text)}" if label else escape_markdown(text))
    return "\n\n".join(plain), "\n\n".join(md)


def _ids(root: etree._Element, study: dict) -> None:
    for el in root.xpath("MedlineCitation/Article/ELocationID[@EIdType='doi'] | PubmedData/ArticleIdList/ArticleId"):
        kind = (attr(el, "IdType") or attr(el, "EIdType")).lower()
        value = text_of(el)
        key = {"doi": "DOI", "pmc": "PMCID"}.get(kind)
        if key and value:
            study.setdefault(key, value)


def _dates(cit: etree._Element, entry: etree._Element, study: dict) -> None:
    if issued := pubmed_date(first(cit, "Article/Journal/JournalIssue/PubDate")):
        study["issued"] = issued
    if online := pubmed_date(first(cit, "Article/ArticleDate[@DateType='Electronic']")):
        study["available-date"] = online
        study.setdefault("issued", online)
    for status, key in (("received", "submitted"), ("accepted", "accepted")):
        if value := pubmed_date(first(entry, f"PubmedData/History/PubMedPubDate[@PubStatus='{status}']")):
            study[key] = value


def reference_item(citation: str, id_list: etree._Element | None, warnings: list[str], n: int) -> dict:
    """One ReferenceList entry: its Citation text parsed, its ArticleIdList kept as PMID / DOI / PMCID."""
    m = _SHORT_CITATION.match(citation)
    if m:
        item: dict = {"type": "article-journal", "container-title": m.group("journal").strip()}
        item["issued"] = {"date-parts": [[int(m.group("year"))]]}
        for key in ("volume", "issue"):
            if m.group(key):
                item[key] = m.group(key)
        if m.group("page"):
            item["page"] = expand_pages(m.group("page"))
    else:
        item = reflines.parse_guarded(citation, f"reference {n}", warnings) or {"type": "document", "title": citation}
        item.pop("id", None)
    for el in id_list.xpath("ArticleId") if id_list is not None else []:
        kind, value = attr(el, "IdType").lower(), text_of(el)
        key = {"pubmed": "PMID", "doi": "DOI", "pmc": "PMCID"}.get(kind)
        if key and value:
            item[key] = value
    item.setdefault("type", "document")
    item["x-source-line"] = citation
    return item


def references(entry: etree._Element, warnings: list[str]) -> list[dict]:
    """The ReferenceList of a PubmedArticle as CSL items (ids assigned)."""
    items = []
    for n, ref in enumerate(entry.xpath("PubmedData/ReferenceList//Reference"), start=1):
        citation = first_text(ref, "Citation")
        if not citation:
            warnings.append(f"reference {n} has no citation text: skipped")
            continue
        items.append(reference_item(citation, first(ref, "ArticleIdList"), warnings, n))
    assign_ids(items, warnings)
    return items


def _article_study(entry: etree._Element) -> tuple[dict, str]:
    """The study's fields of one PubmedArticle, and its abstract as Markdown ('' unless it has labels)."""
    cit = first(entry, "MedlineCitation")
    cit = cit if cit is not None else first(entry, "BookDocument")
    article = first(cit, "Article") if cit is not None else None
    if article is None:
        article = cit if cit is not None else entry
    study: dict = {"type": "article-journal"}
    if title := first_text(article, "ArticleTitle") or first_text(article, "Book/BookTitle"):
        study["title"] = re.sub(r"(?<!\.\.)\.$", "", title)
    journal = first(article, "Journal")
    if jt := first_text(journal, "Title"):
        study["container-title"] = jt
    if abbrev := first_text(journal, "ISOAbbreviation") or first_text(cit, "MedlineJournalInfo/MedlineTA"):
        study["container-title-short"] = abbrev
    for key, xpath in (("volume", "JournalIssue/Volume"), ("issue", "JournalIssue/Issue"), ("ISSN", "ISSN")):
        if value := first_text(journal, xpath):
            study[key] = value
    pages = first_text(article, "Pagination/MedlinePgn") or "-".join(
        x for x in (first_text(article, "Pagination/StartPage"), first_text(article, "Pagination/EndPage")) if x
    )
    if pages:
        study["page"] = expand_pages(pages)
    elif eloc := first_text(article, "ELocationID[@EIdType='pii']"):
        study["page"] = eloc
    if cit is not None:
        _dates(cit, entry, study)
    authors, affiliations = _authors(article)
    if authors:
        study["author"] = authors
    if pmid := first_text(cit, "PMID"):
        study["PMID"] = pmid
    _ids(entry, study)
    if keywords := [text_of(k) for k in entry.xpath(".//KeywordList/Keyword") if text_of(k)]:
        study["keywords"] = list(dict.fromkeys(keywords))
    if affiliations:
        study["affiliations"] = affiliations
    if copyright_ := first_text(article, "Abstract/CopyrightInformation"):
        study["copyright"] = copyright_
    plain, md = _abstract(article)
    if plain:
        study["abstract"] = plain
    return study, (md if md and md != escape_markdown(plain) else "")


def as_reference(study: dict) -> dict:
    """A record's study fields as a CSL item for references.yaml (a file of several records is a bibliography)."""
    item = {k: v for k, v in study.items() if k in VARIABLES or k == "type"}
    for key in DATE_VARIABLES:
        if isinstance(item.get(key), str):
            item[key] = {"date-parts": [[int(x) for x in item[key].split("-")]]}
    if study.get("keywords"):
        item["keyword"] = ", ".join(study["keywords"])
    return item


def bibliography(studies: list[dict], what: str, warnings: list[str]) -> ImportResult:
    """Several records in one file (a search export): every one a reference, no study."""
    items = [as_reference(s) for s in studies]
    assign_ids(items, warnings)
    warnings.append(f"{len(items)} {what} in the file: imported as references (import a single record for a study)")
    return ImportResult({}, items, warnings)


def load_pubmed(data: bytes, path: Path) -> ImportResult:
    """Import PubMed XML: one PubmedArticle as the study with its ReferenceList; several as references."""
    warnings: list[str] = []
    root = parse_xml(data, path, warnings)
    entries = root.xpath("descendant-or-self::PubmedArticle | descendant-or-self::PubmedBookArticle")
    if not entries:
        raise UserError(path, None, "PubMed XML without a PubmedArticle: nothing to import")
    if len(entries) > 1:
        return bibliography([_article_study(e)[0] for e in entries[:MAX_RECORDS]], "articles", warnings)
    study, md = _article_study(entries[0])
    study["source-record"] = f"records/{path.name}"
    refs = references(entries[0], warnings)
    return ImportResult(study, refs, warnings, body=f"## Abstract\n\n{md}\n" if md else "")
