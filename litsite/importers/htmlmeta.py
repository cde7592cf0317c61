"""The study of a saved HTML article page from the metadata the page embeds for indexers.

One order of precedence, field by field (the first source that has a field gives it):

1. Highwire Press ``citation_*`` meta tags (what Google Scholar reads; nearly every publisher writes them),
2. schema.org JSON-LD (``ScholarlyArticle``, ``Article``, ``MedicalScholarlyArticle``, … also inside ``@graph``),
3. PRISM ``prism.*`` meta tags,
4. Dublin Core ``dc.*`` / ``DC.*`` / ``dcterms.*`` meta tags,
5. OpenGraph ``og:*`` meta tags (title and description only),
6. the visible page (``htmlbody``), which never reads navigation, dialogs, banners, footers or related lists,
7. the plain ``description`` and ``keywords`` tags, only for the abstract and keywords, and only when they do not
   name the journal, the publisher or the site (then they describe the site, not the article).

Authors and keywords come as a whole list from the first source that has any. Two exceptions: descriptions
(``dc.description``, ``og:description``, a JSON-LD ``description``) are often cut short, so the abstract is
``citation_abstract``, a JSON-LD ``abstract``, the page's own Abstract section, and only then a description; and
``dc.subject`` often holds subject categories rather than the author's keywords, so it comes after the page's own
Keywords section.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lhtml

from litsite.importers import textutil as tu

SCHOLARLY_TYPES = {
    "scholarlyarticle",
    "medicalscholarlyarticle",
    "article",
    "newsarticle",
    "techarticle",
    "report",
    "chapter",
    "thesis",
}
_DOI_IDENT = re.compile(r"(?i)(?:doi:|https?://(?:dx\.)?doi\.org/|10\.)")
_MAX_VALUE = 20_000  # a meta value longer than this is not metadata; bound the work one value causes


def meta_tags(root: lhtml.HtmlElement) -> list[tuple[str, str]]:
    """Every <meta name|property=… content=…> of the page, names lower-cased (``dcterms.`` read as ``dc.``)."""
    out = []
    for el in root.iter("meta"):
        name = (el.get("name") or el.get("property") or "").strip().lower()
        content = el.get("content")
        if not name or content is None or len(content) > _MAX_VALUE:
            continue
        name = re.sub(r"^(?:dcterms|dct)[.:]", "dc.", name)
        if "<" in content and ">" in content:  # "<i>Fusarium poae</i>": markup inside a value is not text
            with contextlib.suppress(ValueError, etree.LxmlError):
                content = lhtml.fromstring(f"<span>{content}</span>").text_content()
        out.append((name, tu.clean(content)))
    return out


def _first(meta: list[tuple[str, str]], *names: str) -> str:
    for want in names:
        for name, value in meta:
            if name == want and value:
                return value
    return ""


def _all(meta: list[tuple[str, str]], *names: str) -> list[str]:
    return [value for name, value in meta if name in names and value]


def _page(first: str, last: str) -> str:
    first, last = first.strip(), last.strip()
    if not first:
        return ""
    return first + (f"–{last}" if last and last != first else "")


def _split_names(values: list[str]) -> list[str]:
    """Author tags, one a tag or several in one tag separated by semicolons (MDPI's citation_authors)."""
    out: list[str] = []
    for v in values:
        out += [p.strip() for p in v.split(";") if p.strip()] if ";" in v else [v]
    return out


def _keywords(values: list[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        out += [k.strip() for k in re.split(r"\s*[;,]\s*" if ";" in v or len(values) == 1 else r"\s*;\s*", v)]
    return list(dict.fromkeys(k for k in out if k and len(k) <= 120))


def _date(*values: str) -> str:
    for v in values:
        if m := re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:[\sT][\d:.]+)?\s*", v or ""):
            # "01/01/2015" (OUP): the year for sure, the month only where the order cannot be in doubt
            month = int(m[1]) if int(m[1]) <= 12 and (int(m[2]) > 12 or m[1] == m[2]) else 0
            return f"{m[3]}-{month:02d}" if month else m[3]
        if v and (iso := tu.parse_date(v)):
            return iso
    return ""


def _put(study: dict, key: str, value: object) -> None:
    if value:
        study[key] = value


def highwire(meta: list[tuple[str, str]]) -> dict:
    """CSL fields from Highwire ``citation_*`` tags."""
    f = lambda *n: _first(meta, *n)  # noqa: E731
    s: dict = {}
    _put(s, "title", f("citation_title"))
    _put(
        s,
        "container-title",
        f("citation_journal_title", "citation_conference_title", "citation_book_title", "citation_inbook_title"),
    )
    _put(s, "container-title-short", f("citation_journal_abbrev"))
    _put(s, "volume", f("citation_volume"))
    _put(s, "issue", f("citation_issue"))
    _put(s, "page", _page(f("citation_firstpage"), f("citation_lastpage")))
    _put(s, "publisher", f("citation_publisher", "citation_dissertation_institution"))
    _put(s, "ISSN", f("citation_issn"))
    _put(s, "PMID", f("citation_pmid"))
    _put(s, "genre", f("citation_article_type"))
    if doi := f("citation_doi"):
        s["DOI"] = tu.clean_doi(doi)
    _put(s, "issued", _date(f("citation_publication_date"), f("citation_date"), f("citation_cover_date")))
    _put(s, "available-date", _date(f("citation_online_date")))
    _put(s, "abstract", f("citation_abstract"))
    # citation_author tags, else one citation_authors tag (MDPI): pages with both list everyone twice (F1000)
    names = _all(meta, "citation_author") or _all(meta, "citation_authors")
    _put(s, "author", [tu.person(n) for n in _split_names(names)])
    _put(s, "keywords", _keywords(_all(meta, "citation_keywords")))
    return s


def prism(meta: list[tuple[str, str]]) -> dict:
    """CSL fields from PRISM ``prism.*`` tags."""
    f = lambda *n: _first(meta, *n)  # noqa: E731
    s: dict = {}
    _put(s, "container-title", f("prism.publicationname"))
    _put(s, "volume", f("prism.volume"))
    _put(s, "issue", f("prism.number", "prism.issueidentifier"))
    _put(s, "page", _page(f("prism.startingpage"), f("prism.endingpage")))
    _put(s, "ISSN", f("prism.issn", "prism.eissn"))
    if doi := f("prism.doi"):
        s["DOI"] = tu.clean_doi(doi)
    _put(s, "issued", _date(f("prism.publicationdate"), f("prism.coverdate")))
    _put(s, "keywords", _keywords(_all(meta, "prism.keyword")))
    return s


def dublin_core(meta: list[tuple[str, str]]) -> dict:
    """CSL fields from Dublin Core ``dc.*`` tags."""
    f = lambda *n: _first(meta, *n)  # noqa: E731
    s: dict = {}
    _put(s, "title", f("dc.title"))
    _put(s, "publisher", f("dc.publisher"))
    _put(s, "issued", _date(f("dc.date.issued", "dc.issued", "dc.date")))
    for ident in _all(meta, "dc.identifier", "dc.identifier.doi"):
        if "DOI" not in s and tu.DOI_RE.search(ident) and _DOI_IDENT.match(ident):
            s["DOI"] = tu.clean_doi(ident)
    _put(s, "author", [tu.person(n) for n in _split_names(_all(meta, "dc.creator", "dc.contributor"))])
    # dc.subject is often a subject category (Springer, BMC): below the page's own Keywords section, see merge().
    _put(s, "x-subjects", _keywords(_all(meta, "dc.subject")))
    _put(s, "x-description", f("dc.description"))
    return s


def opengraph(meta: list[tuple[str, str]]) -> dict:
    """The title and description of OpenGraph ``og:*`` tags."""
    s: dict = {}
    _put(s, "title", _first(meta, "og:title"))
    _put(s, "x-description", _first(meta, "og:description"))
    return s


def plain(meta: list[tuple[str, str]], root: lhtml.HtmlElement) -> dict:
    """The plain ``description`` and ``keywords`` tags: often the site's own, so the very last source (see merge)."""
    s: dict = {}
    _put(s, "x-site-description", _first(meta, "description"))
    # the raw value: one keyword a line (Pensoft) is lost once spaces are collapsed
    words = next((str(v) for v in root.xpath("//meta[@name='keywords']/@content") if str(v).strip()), "")
    _put(s, "x-site-keywords", [k.strip() for k in re.split(r"\s*[\n;,]\s*", words) if k.strip()] if words else [])
    _put(s, "x-site-name", _first(meta, "og:site_name", "application-name"))
    return s


# --- schema.org JSON-LD


def _nodes(data: object, depth: int = 0) -> Iterator[dict]:
    if depth > 6:
        return
    if isinstance(data, list):
        for d in data[:200]:
            yield from _nodes(d, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _nodes(data["@graph"], depth + 1)


def _types(node: dict) -> set[str]:
    t = node.get("@type")
    return {str(x).lower() for x in (t if isinstance(t, list) else [t]) if x}


def _text(value: object) -> str:
    """A JSON-LD value as plain text: the first of a list, an object's name, markup removed."""
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str) or not value.strip():
        return ""
    if "<" in value:
        with contextlib.suppress(ValueError, etree.LxmlError):
            value = lhtml.fromstring(value).text_content()
    return tu.clean(value)


def _ld_person(value: object) -> dict | None:
    if isinstance(value, str):
        return tu.person(value) if value.strip() else None
    if not isinstance(value, dict):
        return None
    family, given = _text(value.get("familyName")), _text(value.get("givenName"))
    if family:
        return {"family": family, "given": given} if given else {"family": family}
    name = _text(value.get("name"))
    if not name:
        return None
    return {"literal": name} if "organization" in _types(value) else tu.person(name)


def _ld_container(node: dict, s: dict) -> None:
    """Walk isPartOf: PublicationIssue → PublicationVolume → Periodical."""
    part = node.get("isPartOf")
    for _ in range(4):
        if isinstance(part, list):
            part = part[0] if part else None
        if not isinstance(part, dict):
            return
        types = _types(part)
        if "publicationissue" in types:
            _put(s, "issue", _text(part.get("issueNumber")))
        elif "publicationvolume" in types:
            _put(s, "volume", _text(part.get("volumeNumber")))
        elif types & {"periodical", "book", "creativeworkseries"} or part.get("name"):
            _put(s, "container-title", _text(part.get("name")))
            _put(s, "ISSN", _text(part.get("issn")))
            return
        part = part.get("isPartOf")


def json_ld(root: lhtml.HtmlElement) -> dict:
    """CSL fields from the first schema.org article node of the page's JSON-LD."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or len(script.text or "") > 2_000_000:
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for node in _nodes(data):
            if _types(node) & SCHOLARLY_TYPES:
                return _ld_fields(node)
    return {}


def _ld_fields(node: dict) -> dict:
    s: dict = {}
    _put(s, "title", _text(node.get("headline") or node.get("name")))
    authors = node.get("author") or node.get("creator")
    authors = authors if isinstance(authors, list) else [authors] if authors else []
    _put(s, "author", [p for p in (_ld_person(a) for a in authors[:2000]) if p])
    _put(s, "issued", _date(_text(node.get("datePublished")), _text(node.get("dateCreated"))))
    _put(s, "page", _page(_text(node.get("pageStart")), _text(node.get("pageEnd"))) or _text(node.get("pagination")))
    _ld_container(node, s)
    _put(s, "volume", s.get("volume") or _text(node.get("volumeNumber")))
    _put(s, "issue", s.get("issue") or _text(node.get("issueNumber")))
    for ident in (node.get("identifier"), node.get("sameAs"), node.get("@id"), node.get("url")):
        for value in ident if isinstance(ident, list) else [ident]:
            text = _text(value.get("value") if isinstance(value, dict) else value)
            if "DOI" not in s and tu.DOI_RE.search(text) and re.search(r"(?i)doi", text + str(value)):
                s["DOI"] = tu.clean_doi(text)
    kw = node.get("keywords")
    if isinstance(kw, str):
        _put(s, "keywords", _keywords([kw]))
    elif isinstance(kw, list):
        _put(s, "keywords", _keywords([_text(k) for k in kw[:200] if _text(k)]))
    _put(s, "abstract", _text(node.get("abstract")))
    _put(s, "x-description", _text(node.get("description")))
    _put(s, "publisher", _text(node.get("publisher")))
    return s


def metadata_sources(root: lhtml.HtmlElement) -> list[dict]:
    """The page's metadata as CSL fields, one dict per source, in order of precedence."""
    meta = meta_tags(root)
    return [highwire(meta), json_ld(root), prism(meta), dublin_core(meta), opengraph(meta), plain(meta, root)]


def merge(sources: list[dict], body: dict) -> dict:
    """One study from sources in order of precedence, field by field; the body last, the abstract as documented."""
    study: dict = {}
    for src in [*sources, body]:
        for key, value in src.items():
            if not key.startswith("x-") and key != "abstract" and value and key not in study:
                study[key] = value
    if "keywords" not in study and (subjects := next((s["x-subjects"] for s in sources if s.get("x-subjects")), [])):
        study["keywords"] = subjects
    abstract = next((s["abstract"] for s in sources if s.get("abstract")), "") or body.get("abstract", "")
    abstract = abstract or next((s["x-description"] for s in sources if s.get("x-description")), "")
    site = next((s for s in sources if "x-site-description" in s or "x-site-keywords" in s), {})
    names = [str(n) for n in (study.get("container-title"), study.get("publisher"), site.get("x-site-name")) if n]

    def own(text: str) -> bool:
        """Not the site's blurb: that names the journal, the publisher or the site, or sells open access."""
        folded = tu.fold(text)
        return not re.search(r"open[ -]?access", folded) and not any(tu.fold(n) and tu.fold(n) in folded for n in names)

    keywords = site.get("x-site-keywords") or []
    if "keywords" not in study and keywords and len(keywords) <= 20 and own(" ".join(keywords)):
        study["keywords"] = keywords
    description = site.get("x-site-description") or ""
    if not abstract and len(description) > 100 and own(description):
        abstract = description
    if abstract:
        study["abstract"] = abstract
    return study
