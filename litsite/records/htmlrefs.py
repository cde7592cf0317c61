"""The reference list of a saved HTML article page, read from the page's own structure.

Where the list is: the list under a References / Bibliography / Literature Cited / Works Cited heading (any heading
level, several languages), else the elements publishers mark as references (``ol``/``ul`` whose id or class names
references, ``li.ref``/``li.citation``, Springer's ``CitationContent``, ``[itemprop=citation]``, ScienceDirect's
``bib-reference``, JATS-style ``mixed-citation``). A list continued in later fragments of the page (ScienceDirect
loads long lists in pieces) is followed. Lists inside related-article, citing-article and other chrome are never read.

One entry per list item. Link labels and back-links ("CrossRef", "Google Scholar", "PubMed", "View Article",
"Return to text", "↑", …) are removed from the text and kept as ``x-links``; link targets become fields (doi.org →
DOI, PubMed → PMID, PMC → PMCID). Names, titles and locators the publisher marks up (HighWire ``cit-*``,
schema.org ``itemprop``, JATS-like class names) are structured fields.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

from lxml import html as lhtml

from litsite.records import textutil as tu
from litsite.records.htmlbody import CHROME_WORDS, is_chrome, text_of

REF_HEADINGS = {
    "references", "reference", "reference list", "references cited", "literature cited", "literature",
    "cited literature", "works cited", "bibliography", "bibliographic references", "sources", "notes and references",
    "references and notes", "notes", "citations", "literatur", "literaturverzeichnis", "quellen", "références",
    "références bibliographiques", "bibliographie", "referencias", "referencias bibliográficas", "bibliografía",
    "referências", "referências bibliográficas", "bibliografia", "riferimenti bibliografici", "referenties",
    "litteratur", "referenser", "kirjallisuus", "piśmiennictwo", "literatura", "список литературы", "литература",
    "kaynaklar", "参考文献", "參考文獻", "引用文献", "참고문헌",
}  # fmt: skip
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
_REF_CLASS = re.compile(
    r"(?i)(?:^|[\s_-])(?:refs?|references?|ref-?list|reflist|citations?|bib-?reference|bibliography|"
    r"CitationContent|c-article-references|cit-list|biblist)(?=$|[\s_-])"
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
_ENTRY_CLASS = re.compile(r"(?:^|\s)(?:ref|citation|CitationContent|bib-reference|reference)(?:$|\s)")
_MAX_ENTRIES = 5000
_MAX_ENTRY_CHARS = 5000


def norm_heading(text: str) -> str:
    """A heading's text compared loosely: lower case, numbering and punctuation at the ends removed."""
    text = tu.clean(text).lower()
    text = re.sub(r"^(?:[\divxlc]+[.)]?\s+|\d+(?:\.\d+)*\.?\s+)", "", text)
    return text.strip(" :.·•-–—")


def _chrome_above(el: lhtml.HtmlElement) -> bool:
    node = el.getparent()
    while node is not None:
        if is_chrome(node) and node.tag != "footer":  # PeerJ and others put the back matter in a <footer>
            return True
        node = node.getparent()
    return False


def _is_heading(el: lhtml.HtmlElement) -> bool:
    if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or el.get("role") == "heading":
        return True
    return el.tag in ("div", "p", "span", "strong", "b", "dt") and bool(
        re.search(r"(?i)(?:^|[\s_-])(?:title|heading|head)(?:$|[\s_-])", el.get("class") or "")
    )


def _level(el: lhtml.HtmlElement) -> int:
    return int(el.tag[1]) if re.fullmatch(r"h[1-6]", str(el.tag)) else 7


def _items_in(nodes: list[lhtml.HtmlElement]) -> list[lhtml.HtmlElement]:
    """The entries among the nodes after a heading: the items of their outermost lists, else marked or plain blocks."""
    lists: list[lhtml.HtmlElement] = []
    for n in nodes:
        if n.tag in ("ol", "ul"):
            lists.append(n)
        else:
            lists += [x for x in n.iter("ol", "ul") if not any(a in lists for a in x.iterancestors("ol", "ul"))]
    lists = [x for x in lists if not any(a in lists for a in x.iterancestors("ol", "ul"))]
    items = [li for x in lists for li in x if li.tag == "li" and text_of(li)]
    if items:
        return items
    rows = [tr for n in nodes for tr in n.iter("tr") if text_of(tr)]
    if len(rows) >= 2:  # a table of references, one row each (D-Lib, older journal sites)
        return rows
    marked = [e for n in nodes for e in n.iter() if isinstance(e.tag, str) and _marked_entry(e)]
    marked = [e for e in marked if not any(a in marked for a in e.iterancestors())]
    if marked:
        return marked
    blocks: list[lhtml.HtmlElement] = []
    kinds = [(n.tag, n.get("class")) for n in nodes]
    for n in nodes:
        repeated = n.get("class") and kinds.count((n.tag, n.get("class"))) >= 2  # Frontiers: one div per reference
        if repeated and text_of(n):
            blocks.append(n)
        elif n.tag in ("p", "div") and len(n) and all(c.tag in ("p", "div") for c in n if isinstance(c.tag, str)):
            blocks += [c for c in n if isinstance(c.tag, str) and text_of(c)]
        elif n.tag in ("p", "div", "dd") and text_of(n):
            blocks.append(n)
    return blocks


def _marked_entry(el: lhtml.HtmlElement) -> bool:
    cls = el.get("class") or ""
    return (
        el.tag == "mixed-citation"
        or el.get("itemprop") == "citation"
        or (bool(_ENTRY_CLASS.search(cls)) and el.tag in ("li", "div", "p", "span"))
    )


def _after_heading(h: lhtml.HtmlElement) -> list[lhtml.HtmlElement]:
    """The elements after a heading up to the next heading of the same or a higher level (up to three parents up)."""
    node = h
    for _ in range(4):
        nodes: list[lhtml.HtmlElement] = []
        for sib in node.itersiblings():
            if not isinstance(sib.tag, str):
                continue
            if _is_heading(sib) and _level(sib) <= _level(h):
                break
            nodes.append(sib)
        if any(text_of(n) for n in nodes):
            return nodes
        node = node.getparent()
        if node is None:
            break
    return []


def _continuations(first: lhtml.HtmlElement, root: lhtml.HtmlElement) -> list[lhtml.HtmlElement]:
    """Items of later lists of the same kind (tag and class): a list split over fragments of the page."""
    lst = first.getparent()
    if lst is None or lst.tag not in ("ol", "ul") or not lst.get("class"):
        return []
    out = []
    after = False
    for other in root.iter(lst.tag):
        if other is lst:
            after = True
            continue
        if after and other.get("class") == lst.get("class") and not _chrome_above(other):
            out += [li for li in other if li.tag == "li" and text_of(li)]
    return out


def find_entries(root: lhtml.HtmlElement) -> list[lhtml.HtmlElement]:
    """The elements of the page's reference list, one per reference, in order ([] if the page has none)."""
    best: list[lhtml.HtmlElement] = []
    for h in root.iter():
        if not isinstance(h.tag, str) or not _is_heading(h) or len(text_of(h)) > 60:
            continue
        if norm_heading(text_of(h)) not in REF_HEADINGS or CHROME_WORDS.search(h.get("class") or ""):
            continue
        if _chrome_above(h):
            continue
        items = _items_in(_after_heading(h))
        if items and items[0].tag == "li":
            items += _continuations(items[-1], root)
        if len(items) > len(best):
            best = items
    if not best:
        best = _marked_lists(root)
    return best[:_MAX_ENTRIES]


def _marked_lists(root: lhtml.HtmlElement) -> list[lhtml.HtmlElement]:
    """Without a heading: the largest list marked as references, or all marked entries."""
    best: list[lhtml.HtmlElement] = []
    for lst in root.iter("ol", "ul"):
        parent = lst.getparent() if lst.getparent() is not None else lst
        named = f"{lst.get('class') or ''} {lst.get('id') or ''} {parent.get('class') or ''} {parent.get('id') or ''}"
        if _REF_CLASS.search(named) and not _chrome_above(lst):
            items = [li for li in lst if li.tag == "li" and text_of(li)]
            if len(items) > len(best):
                best = items
    if best:
        return best + _continuations(best[-1], root)
    marked = [e for e in root.iter() if isinstance(e.tag, str) and _marked_entry(e) and not _chrome_above(e)]
    return [e for e in marked if not any(a in marked for a in e.iterancestors())]


# --- one entry


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


def _person(text: str) -> dict:
    """A printed name: "Adler U" (Vancouver, initials last), "M Adler", "Adler, M."."""
    tokens = text.split()
    if "," not in text and len(tokens) >= 2 and re.fullmatch(r"[A-Z]{1,3}\.?", tokens[-1]) and len(tokens[0]) > 1:
        return {"family": " ".join(tokens[:-1]), "given": tokens[-1]}
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
        return _person(text)
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
