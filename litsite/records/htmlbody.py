"""The visible page as the last source of a study's fields, and the page chrome that never becomes a field.

Used only for fields no metadata gave (see ``htmlmeta``): title, authors, journal, volume, issue, pages, year, DOI,
abstract and keywords, read from the elements publishers mark for them (a ``h1`` titled as the article's title,
author links with ``data-ln``/``data-fn``, an element classed ``abstract``, ``keywords``/``kwd`` lists, a
"Volume 5, December 2014, Pages 307–314" line). Cookie and consent notices, browser banners, sign-in dialogs,
navigation, related or citing-article lists, share bars and footers are skipped wherever they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import unquote

from lxml import html as lhtml

from litsite.records import textutil as tu

# Tags and class/id words that mark page chrome. Matched on whole words of class and id ("c-related-articles").
# Not <form>: some sites (D-Lib) wrap the whole article in one.
_CHROME_TAGS = {"nav", "aside", "dialog", "button", "select", "script", "style", "noscript", "template", "svg"}
CHROME_WORDS = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|banner|modal|popup|pop-up|sign-?in|signin|login|log-in|register|"
    r"related|recommend(?:ed|ations?)?|citing|cited-?by|citedby|similar|share|sharing|social|toolbar|breadcrumbs?|"
    r"sidebar|advert(?:isement)?|ads?|promo|newsletter|alert|outdated|browser|upgrade|nav(?:bar|igation)?|menu|"
    r"footer|metrics|altmetric|most-?read|trending|skip|header-?bar|masthead|jump-?to|tab-?nav)(?=$|[\s_-])",
    re.IGNORECASE,
)
_CHROME_ROLES = {"navigation", "dialog", "alertdialog", "banner", "contentinfo", "complementary", "search", "menu"}
_TITLE_CLASS = re.compile(r"(?i)(?:article|content|citation|document|paper|page)[-_]?title|^title$|svTitle|headline")
_VOLUME_LINE = re.compile(
    r"\bVol(?:umes?|\.)?\s*(?P<volume>\d+(?:\s*[–-]\s*\d+)?)"
    r"(?:\s*,?\s*(?:Issues?|No\.?|Number)\s*(?P<issue>\w+(?:\s*[–-]\s*\w+)?))?"
    r"(?:\s*,?\s*(?:\(?\s*(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?P<year>(?:1[89]|20)\d\d)\)?))?"
    r"(?:\s*,?\s*(?:Pages?|pp\.?)\s*(?P<page>\w+(?:\s*[–-]\s*\w+)?))?"
)
_ABSTRACT_NOISE = re.compile(
    r"^(?:citation|copyright|editor|received|accepted|published|funding|competing interests|data availability|"
    r"permalink|doi|academic editor|how to cite|cite this|©)\b",
    re.IGNORECASE,
)
_LABELS = re.compile(
    r"^(?:abstract|summary|keywords?|key words|mots[- ]clés|palabras clave|schlüsselwörter)\s*:?\s*", re.IGNORECASE
)
_REF_ZONE = re.compile(r"(?i)(?:^|[\s_-])(?:ref-?list|reflist|references|bibliography|bib-?reference)(?:$|[\s_-])")
_ABSTRACT_WORDS = re.compile(r"(?:^|[\s_-])(?:abstract|abstracts|svabstract|abstractsection)(?:$|[\s_-])")
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|mathContainer|sr-only)(?:$|\s)")


def _words(el: lhtml.HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def is_chrome(el: lhtml.HtmlElement) -> bool:
    """True for an element that is page chrome itself (not looking at its ancestors)."""
    if not isinstance(el.tag, str):
        return True
    if el.tag in _CHROME_TAGS or el.tag == "footer":
        return True
    if (el.get("role") or "").lower() in _CHROME_ROLES or (el.get("aria-modal") or "").lower() == "true":
        return True
    return bool(CHROME_WORDS.search(_words(el)))


def in_chrome(el: lhtml.HtmlElement) -> bool:
    """True if the element or one of its ancestors is page chrome."""
    node: lhtml.HtmlElement | None = el
    while node is not None:
        if is_chrome(node):
            return True
        node = node.getparent()
    return False


_NO_TEXT = {"script", "style", "noscript", "template", "button"}
_BLOCKS = {"p", "div", "li", "br", "tr", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "section", "ul",
           "ol"}  # fmt: skip


def _hidden(el: lhtml.HtmlElement) -> bool:
    """Hidden copies (a formula's MathML source next to its text, screen-reader duplicates) are not text."""
    return el.get("hidden") is not None or bool(_HIDDEN_CLASS.search(el.get("class") or ""))


def text_of(el: lhtml.HtmlElement) -> str:
    """An element's visible text, whitespace collapsed; blocks are separated by a space, scripts left out."""
    parts: list[str] = []

    def walk(node: lhtml.HtmlElement, depth: int) -> None:
        if node.text and isinstance(node.tag, str):
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in _NO_TEXT and depth < 200 and not _hidden(child):
                block = child.tag in _BLOCKS
                parts.append(" " if block else "")
                walk(child, depth + 1)
                parts.append(" " if block else "")
            if child.tail:
                parts.append(child.tail)

    walk(el, 0)
    return tu.clean("".join(parts))


def _visible(root: lhtml.HtmlElement, tags: tuple[str, ...] | None = None) -> Iterator[lhtml.HtmlElement]:
    """Elements outside page chrome, in document order (a chrome subtree is skipped whole)."""
    stack = [root]
    out: list[lhtml.HtmlElement] = []
    while stack:
        el = stack.pop()
        if el is not root and is_chrome(el):
            continue
        if tags is None or el.tag in tags:
            out.append(el)
        stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))
    return iter(out)


def _title(root: lhtml.HtmlElement) -> str:
    h1s = [h for h in _visible(root, ("h1",)) if text_of(h)]
    for h in h1s:
        if _TITLE_CLASS.search(_words(h)) or h.get("itemprop") == "headline":
            return text_of(h)
    for el in _visible(root):
        if el.get("itemprop") == "headline" and text_of(el):
            return text_of(el)
    if len(h1s) == 1:
        return text_of(h1s[0])
    title = root.find(".//title")
    if title is not None and (t := tu.clean(title.text_content())):
        return re.split(r"\s+[|–—]\s+|\s+-\s+(?=[^-]*$)", t)[0].strip()
    return ""


def _authors(root: lhtml.HtmlElement) -> list[dict]:
    names: list[dict] = []
    for el in _visible(root):
        if el.get("data-ln") and el.get("data-fn") is not None:
            names.append({"family": tu.clean(el.get("data-ln")), "given": tu.clean(el.get("data-fn") or "")})
    if names:
        return [{k: v for k, v in n.items() if v} for n in names]
    for el in _visible(root):
        if el.get("itemprop") == "author" and not _in_reference(el):
            name = el.find('.//*[@itemprop="name"]')
            text = text_of(name if name is not None else el)
            text = re.sub(r"[\d*†‡§,]+$", "", text).strip()
            if text and len(text) < 80:
                names.append(tu.person(text))
    return names


def _in_reference(el: lhtml.HtmlElement) -> bool:
    node = el.getparent()
    while node is not None:
        if _REF_ZONE.search(_words(node)):
            return True
        node = node.getparent()
    return False


def _volume_line(root: lhtml.HtmlElement, stop: lhtml.HtmlElement | None) -> dict:
    """Journal, volume, issue, year and pages from the first "Volume …, Pages …" line before the abstract."""
    for el in _visible(root, ("p", "div", "span", "li", "dd", "td")):
        if stop is not None and el is stop:
            break
        if len(el) > 6:
            continue
        text = text_of(el)
        m = _VOLUME_LINE.search(text) if len(text) < 200 else None
        if not m or not (m.group("page") or m.group("issue") or m.group("year")):
            continue
        out = {"volume": re.sub(r"\s*[–-]\s*", "-", m.group("volume"))}
        if m.group("issue"):
            out["issue"] = m.group("issue")
        if m.group("page"):
            out["page"] = tu.pages(m.group("page"))
        if m.group("year"):
            out["issued"] = m.group("year")
        journal = text[: m.start()].strip(" ,.|")
        prev = el.getprevious()
        if not journal and prev is not None and 2 < len(text_of(prev)) < 150:
            journal = text_of(prev)
        if journal and not re.search(r"\d{4}|https?:", journal):
            out["container-title"] = journal
        return out
    return {}


def _abstract_element(root: lhtml.HtmlElement) -> lhtml.HtmlElement | None:
    for el in _visible(root, ("div", "section", "article", "p", "blockquote")):
        words = _words(el).lower()
        skip = re.search(r"graphical|highlights|link|toggle|button", words)
        if _ABSTRACT_WORDS.search(words) and not skip and len(text_of(el)) > 80:
            return el
    for h in _visible(root, ("h1", "h2", "h3", "h4", "h5", "h6")):
        if re.fullmatch(r"(?i)abstract|summary", text_of(h)):
            return h.getparent()
    return None


def _abstract(el: lhtml.HtmlElement) -> str:
    """The paragraphs of an abstract element; a structured abstract's labels become paragraphs of their own."""
    paras: list[str] = []
    blocks = [b for b in el.iter("p", "h2", "h3", "h4", "h5", "h6", "strong", "b", "dt", "dd") if not in_chrome(b)]
    if not any(b.tag in ("p", "dd") for b in blocks):
        return _LABELS.sub("", text_of(el)) if len(text_of(el)) > 40 else ""
    for b in blocks:
        text = text_of(b)
        if not text or (b.tag in ("strong", "b") and b.getparent() is not None and b.getparent().tag == "p"):
            continue
        if b.tag.startswith("h") and re.fullmatch(r"(?i)abstract|summary", text):
            continue
        if _ABSTRACT_NOISE.match(text):
            continue
        if paras and paras[-1] == text:
            continue
        paras.append(text.rstrip(":") if b.tag.startswith(("h", "dt")) else text)
    return "\n\n".join(paras)


def _keywords(root: lhtml.HtmlElement) -> list[str]:
    for el in _visible(root):
        words = _words(el).lower()
        if el.tag in ("a", "meta", "input") or not re.search(r"keyword|kwd", words) or _in_reference(el):
            continue
        items = [text_of(li).strip(" ;,.") for li in el.iter("li")]
        if not items:
            text = _LABELS.sub("", text_of(el))
            items = re.split(r"\s*[;·•]\s*" if re.search(r"[;·•]", text) else r"\s*,\s*", text)
        items = [_LABELS.sub("", k).strip(" ;,.") for k in items]
        items = [k for k in items if k and len(k) <= 100]
        if items and len(items) <= 40:
            return list(dict.fromkeys(items))
    return []


def _doi(root: lhtml.HtmlElement, stop: lhtml.HtmlElement | None) -> str:
    for el in _visible(root, ("a", "span", "div", "p", "dd", "li")):
        if stop is not None and el is stop:
            break
        if el.tag == "a" and re.search(r"doi\.org/10\.", el.get("href") or "") and re.search(r"(?i)doi", _words(el)):
            return tu.clean_doi(el.get("href") or "")
        if re.search(r"(?i)(?:^|[\s_-])doi(?:$|[\s_-])", _words(el)):
            links = [a.get("href") or "" for a in el.iter("a") if re.search(r"doi\.org/10\.", a.get("href") or "")]
            if m := tu.DOI_RE.search(unquote(links[0]) if links else text_of(el)):  # a link holds the whole DOI
                return tu.clean_doi(m.group(0))
    return ""


def body_study(root: lhtml.HtmlElement) -> dict:
    """The study's fields as the visible page shows them (the last source; see htmlmeta)."""
    s: dict = {}
    abstract_el = _abstract_element(root)
    for key, value in (
        ("title", _title(root)),
        ("author", _authors(root)),
        ("DOI", _doi(root, abstract_el)),
        ("abstract", _abstract(abstract_el) if abstract_el is not None else ""),
        ("keywords", _keywords(root)),
    ):
        if value:
            s[key] = value
    for key, value in [*_volume_line(root, abstract_el).items(), *_cite_line(root).items()]:
        s.setdefault(key, value)
    return s


# "Cite this article as: eLife 2019;8:e44753" (Vancouver) and "Community Ment Health J 51, 477–490 (2015)".
_CITE_VANCOUVER = re.compile(
    r"(?P<journal>(?<!\S)[A-Za-z][^;:()\d]{1,80}?)\.?\s(?P<year>(?:1[89]|20)\d\d)(?:\s\w{3}(?:\s\d{1,2})?)?;\s?"
    r"(?P<volume>\d+)(?:\((?P<issue>[^)]{1,10})\))?:\s?(?P<page>[\w.]+(?:[–-][\w.]+)?)"
)
_CITE_LABEL = re.compile(r"(?i)^(?:cite (?:this article )?as|citation|how to cite(?: this article)?)\s*:?\s*")


def _cite_line(root: lhtml.HtmlElement) -> dict:
    """Journal, year, volume, issue and page of the page's own "Cite as:" line."""
    for el in _visible(root, ("span", "p", "div", "dd", "li")):
        if not re.search(r"(?i)cite|citation", _words(el)) or _in_reference(el) or len(el) > 8:
            continue
        text = _CITE_LABEL.sub("", text_of(el))
        m = _CITE_VANCOUVER.search(text) if len(text) < 400 else None
        if not m:
            continue
        out = {"container-title": m.group("journal").strip(), "issued": m.group("year"), "volume": m.group("volume")}
        out["page"] = tu.pages(m.group("page"))
        if m.group("issue"):
            out["issue"] = m.group("issue")
        return out
    return {}
