"""One entry of a page's reference list: its text without link labels and back-links, and its structured fields.

Link and button labels ("CrossRef", "Google Scholar", "PubMed", "View Article", "Return to text", "↑", …) are
removed from the text and kept as ``x-links``; link targets become fields (doi.org → DOI, PubMed → PMID, PMC →
PMCID); names, titles and locators the publisher marks up (HighWire ``cit-*``, schema.org ``itemprop``, Wiley and
JATS-like class names, BEM element names such as ``reference__title``) are structured fields.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from lxml import html as lhtml

from litsite.importers import textutil as tu
from litsite.importers.htmldom import text_of

# Link and button labels publishers print next to a reference: never part of the reference's text.
LINK_LABELS = {
    "crossref", "cross ref", "crossref full text", "google scholar", "pubmed", "pubmed abstract", "pubmed central",
    "pmc free article", "pmc", "publisher full text", "full text", "free full text", "full-text", "view article",
    "article", "abstract",
    "medline", "web of science", "web of science ®", "isi", "scopus", "cas", "ads", "mathscinet", "zbmath", "math",
    "openurl", "sfx", "find it", "find at", "return to text", "return to ref", "return to citation", "jump up",
    "back to text", "view in article", "view reference", "cited here", "link", "links", "chemport", "pdf", "search",
    "search google scholar", "export citation", "order article via infotrieve", "ref list", "free article",
    "free pmc article", "europe pmc", "nasa ads", "inspire", "semantic scholar", "open in a separate window",
    "view article in pubmed", "view in pubmed", "article pubmed", "chapter", "book", "show context",
    "abstract/free full text",
    "↑", "↵", "^", "⬆", "▲",
}  # fmt: skip
_ARROWS = {"↑", "↵", "^", "⬆", "▲"}
_BACKLINK_CLASS = re.compile(r"(?i)rev-?xref|back-?link|backref|ref-?back|return|jump|cited-?in")
_EXTRA_CLASS = re.compile(
    r"(?i)(?:^|[\s_-])(?:links?|extra|sprinkles|external|refPlaceHolder|actions|tools|ref-?links|"
    r"c-article-references__links|citation-?links|label|ref-?label|referenceLabel|ref-?num|citation-?number)(?=$|[\s_-])"
)
_MARKUP_FIELDS = {
    "cit-name-surname": "family", "surname": "family", "familyname": "family", "family-name": "family",
    "cit-name-given-names": "given", "given-names": "given", "givenname": "given", "given-name": "given",
    "cit-article-title": "title", "article-title": "title", "title": "title",
    "chapter-title": "title", "ref-title": "title",
    "cit-jnl-abbrev": "container-title", "cit-source": "container-title", "source": "container-title",
    "journal-title": "container-title", "ref-journal": "container-title",
    "cit-pub-date": "year", "year": "year", "datepublished": "year",
    "journaltitle": "container-title", "pubyear": "year", "vol": "volume", "pagefirst": "fpage", "pagelast": "lpage",
    "articletitle": "title", "chaptertitle": "title",
    "cit-vol": "volume", "volume": "volume", "volumenumber": "volume", "ref-vol": "volume",
    "cit-issue": "issue", "issue": "issue", "issuenumber": "issue",
    "cit-fpage": "fpage", "fpage": "fpage", "pagestart": "fpage", "cit-lpage": "lpage", "lpage": "lpage",
    "pageend": "lpage",
}  # fmt: skip
_AUTHOR_KEYS = {"cit-auth", "name", "author", "authors", "contrib", "collab", "string-name"}
# BEM element names and classes of numbering and link boxes ("reference-list__ordinal_number", PLOS "order").
_EXTRA_KEYS = {"ordinal_number", "ordinal", "order", "number", "label", "reflinks", "abstracts", "reference__abstracts",
               "externalreferences", "bullet", "accesslinks"}  # fmt: skip
_MAX_ENTRY_CHARS = 5000


def _link_ids(href: str) -> dict:
    """DOI, PMID or PMCID named by a link's target."""
    url = urlsplit(href.strip())  # not urlparse: a DOI's ";2" is no URL parameter
    host, path = url.netloc.lower(), unquote(url.path)
    query = parse_qs(url.query)
    if "doi.org" in host and (m := tu.DOI_RE.search(path)):
        return {"DOI": tu.clean_doi(m.group(0))}
    link_type = (query.get("link_type") or [""])[0].upper()
    if link_type == "DOI" and (m := tu.DOI_RE.search(" ".join(query.get("access_num", [])))):
        return {"DOI": tu.clean_doi(m.group(0))}
    if (query.get("dbid") or [""])[0] == "16" and (m := tu.DOI_RE.search(" ".join(query.get("key", [])))):
        return {"DOI": tu.clean_doi(m.group(0))}  # Atypon's CrossRef link: key is the cited work's DOI
    if "scholar.google" in host:
        return {}
    if m := re.search(r"/pmc/articles/(PMC\d+)|[?&/](PMC\d{4,})\b", href):
        return {"PMCID": m.group(1) or m.group(2)}
    if "pubmed" in host + path or "ncbi.nlm.nih.gov" in host:
        for key in ("list_uids", "term", "id", "uid"):
            if (v := (query.get(key) or [""])[0]) and v.isdigit():
                return {"PMID": v}
        if m := re.search(r"/pubmed/(\d+)|pubmed\.ncbi\.nlm\.nih\.gov/(\d+)", href):
            return {"PMID": m.group(1) or m.group(2)}
    if (query.get("link_type") or [""])[0].upper() == "MED" and (v := (query.get("access_num") or [""])[0]).isdigit():
        return {"PMID": v}
    return {}


def _label(text: str) -> str:
    return re.sub(r"[\[\]()|•·,;]+", " ", text).strip().lower()


def _keys(node: lhtml.HtmlElement) -> set[str]:
    """Class names (and a BEM element name: "reference__title" → "title") and itemprop, lower-cased."""
    keys = {k.lower() for k in (node.get("class") or "").split()}
    keys |= {k.rsplit("__", 1)[1] for k in keys if "__" in k}
    if node.get("itemprop"):
        keys.add(node.get("itemprop", "").lower())
    return keys


def printed_name(text: str) -> dict:
    """A printed name: "Adler U", "Willets K A" (Vancouver, initials last), "M Adler", "Adler, M."."""
    tokens = text.split()
    cut = len(tokens)
    while cut > 1 and re.fullmatch(r"[A-Z]{1,3}\.?", tokens[cut - 1]):
        cut -= 1  # "Willets K A": the initials come last
    if "," not in text and cut < len(tokens) and len(tokens[0]) > 1:
        return {"family": " ".join(tokens[:cut]), "given": " ".join(tokens[cut:])}
    return tu.person(text)


def _author_of(node: lhtml.HtmlElement, keys: set[str], fields: dict) -> dict:
    """The name an author element gives: marked-up parts, an organisation, or printed text."""
    if family := _find_field(node, "family"):
        name = {"family": family}
        if given := _find_field(node, "given"):
            name["given"] = given
        return name
    text = text_of(node)
    if not 0 < len(text) < 300:
        return {}
    if "collab" in keys or (node.get("itemprop") == "author" and len(text) < 120):
        return {"literal": text}
    if {"author", "authors"} & keys:
        if re.search(r",|\band\b|&|et al", text) or len(text) > 80:
            fields.setdefault("x-authors-text", text)  # ScienceDirect: all names printed in one element
            return {}
        return printed_name(text)
    return {}


def _markup_fields(el: lhtml.HtmlElement) -> dict:
    """Fields the publisher marked up inside the entry (HighWire cit-*, schema.org itemprop, JATS-like classes)."""
    fields: dict = {}
    authors: list[dict] = []
    skip: set[lhtml.HtmlElement] = set()
    for node in el.iter():
        if not isinstance(node.tag, str) or node in skip:
            continue
        keys = _keys(node)
        if keys & _AUTHOR_KEYS:
            name = _author_of(node, keys, fields)
            if name:
                skip.update(node.iter())
                if name not in authors:
                    authors.append(name)
            continue
        for k in sorted(keys):
            field = _MARKUP_FIELDS.get(k)
            if field and field not in ("family", "given") and field not in fields and (t := text_of(node)):
                fields[field] = t
    if authors:
        fields["author"] = authors
    return fields


def _find_field(node: lhtml.HtmlElement, want: str) -> str:
    for sub in node.iter():
        if isinstance(sub.tag, str) and any(_MARKUP_FIELDS.get(k) == want for k in _keys(sub)):
            return text_of(sub)
    return ""


def read_entry(el: lhtml.HtmlElement) -> tuple[str, dict, list[str]]:
    """An entry's text (labels, link buttons and back-links removed), its link and markup fields, its link labels."""
    fields: dict = {}
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if (doi := node.get("data-doi")) and tu.DOI_RE.search(doi):
            fields.setdefault("DOI", tu.clean_doi(doi))
        if node.tag == "a" and node.get("href"):
            ids = _link_ids(node.get("href") or "")
            label = _label(text_of(node))
            if (
                not ids
                and label in ("crossref", "doi", "crossref full text")
                and (m := tu.DOI_RE.search(unquote(node.get("href") or "")))
            ):
                ids = {"DOI": tu.clean_doi(m.group(0))}  # Wiley's "/resolve/reference/XREF?id=10.…" labelled CrossRef
            for k, v in ids.items():
                fields.setdefault(k, v)
    markup = _markup_fields(el)
    copy = lhtml.fromstring(lhtml.tostring(el, encoding="unicode")) if len(el) else el
    labels: list[str] = []
    for node in list(copy.iter()):
        if not isinstance(node.tag, str) or node is copy or node.getparent() is None:
            continue
        text = text_of(node)
        cls = f"{node.get('class') or ''} {node.get('id') or ''}"
        drop = node.tag in ("script", "style", "img", "button", "noscript")
        if node.tag in ("a", "span", "button") and (
            _label(text) in LINK_LABELS or _label(text).startswith("web of science")
        ):
            if _label(text) not in _ARROWS:
                labels.append(text.strip("[]() |"))
            drop = True
        elif node.tag == "a" and _BACKLINK_CLASS.search(cls):
            drop = True
        elif (_EXTRA_CLASS.search(cls) or _keys(node) & _EXTRA_KEYS) and node.tag != "cite":
            labels += [t for a in node.iter("a") if _label(t := text_of(a)) in LINK_LABELS and len(t) > 1]
            drop = True
        if drop:
            _remove(node)
    text = text_of(copy)[:_MAX_ENTRY_CHARS]
    text = re.sub(r"^\s*(?:\[\d{1,4}\]|\d{1,4}\.(?!\d)|\(\d{1,4}\))\s*", "", text)
    text = re.sub(r"(?:\s*[|•·,;]\s*)+$", "", text).strip()
    if "year" in markup and (y := re.search(r"(?:1[5-9]|20)\d\d", markup.pop("year"))):
        markup["year"] = y.group(0)
    return text, {**fields, **markup}, list(dict.fromkeys(labels))


def _remove(node: lhtml.HtmlElement) -> None:
    """Remove an element but keep its tail text."""
    parent = node.getparent()
    if parent is None:
        return
    if node.tail:
        prev = node.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)
