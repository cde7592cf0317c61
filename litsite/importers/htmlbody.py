"""The visible page as the last source of a study's fields (page chrome, see ``htmldom``, never becomes one).

Used only for fields no metadata gave (see ``htmlmeta``): title, authors, journal, volume, issue, pages, year, DOI,
abstract and keywords, read from the elements publishers mark for them (a ``h1`` titled as the article's title,
author links with ``data-ln``/``data-fn``, an element classed ``abstract``, ``keywords``/``kwd`` lists, a
"Volume 5, December 2014, Pages 307–314" line). Cookie and consent notices, browser banners, sign-in dialogs,
navigation, related or citing-article lists, share bars and footers are skipped wherever they are.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from lxml import html as lhtml

from litsite.importers import textutil as tu
from litsite.importers.htmlcite import cite_line, volume_line
from litsite.importers.htmldom import in_chrome, in_reference, text_of, visible, words

_TITLE_CLASS = re.compile(r"(?i)(?:article|content|citation|document|paper|page)[-_]?title|^title$|svTitle|headline")
_ABSTRACT_NOISE = re.compile(
    r"^\(?(?:citation|copyright|editor|received|revised|accepted|published|funding|competing interests|"
    r"data availability|permalink|doi|academic editor|how to cite|cite this|©)\b",
    re.IGNORECASE,
)
_LABELS = re.compile(
    r"^(?:abstract|summary|keywords?|key words|mots[- ]clés|palabras clave|schlüsselwörter)\s*[:.]?\s*", re.IGNORECASE
)
_KEYWORDS_LABEL = re.compile(r"(?i)^(?:keywords?|key words|mots[- ]clés|palabras clave|schlüsselwörter)\s*:?$")
_ABSTRACT_LABEL = re.compile(r"(?i)^(?:abstract|summary)\s*[:.]?$")
# "abstract", "svAbstract", "AbstractSection", "abstractsContainer", "abstract_legacy_style": not "abstractLink".
_ABSTRACT_WORDS = re.compile(r"(?:^|[\s_-]|sv)(?:[Aa]bstracts?|ABSTRACT)(?=$|[\s_-]|[A-Z])")
_AUTHOR_GROUP = re.compile(r"(?i)(?:^|[\s_-])(?:author(?:s|group|list|names?)?|contrib-group|byline)(?:$|[\s_-])")
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _is_label(el: lhtml.HtmlElement) -> bool:
    """A heading, or an element styled as one ("p.section-title", "div.articleCitationHeading")."""
    return el.tag in _HEADING_TAGS or bool(re.search(r"(?i)title|heading|label", el.get("class") or ""))


def _title(root: lhtml.HtmlElement) -> str:
    h1s = [h for h in visible(root, ("h1",)) if text_of(h)]
    for h in h1s:
        if _TITLE_CLASS.search(words(h)) or h.get("itemprop") == "headline":
            return text_of(h)
    for el in visible(root):
        if el.get("itemprop") == "headline" and text_of(el):
            return text_of(el)
    if len(h1s) == 1:
        return text_of(h1s[0])
    title = root.find(".//title")
    if title is not None and (t := tu.clean(title.text_content())):
        # "Journal - Fulltext - The Title - Publisher": the longest part is the article's title
        return max(re.split(r"\s+[|–—]\s+|\s+-\s+", t), key=len).strip()
    return ""


def _names(text: str) -> list[dict]:
    """Names printed in a by-line: "SARAH THOMSON, ELISABETH A. INNES and FRANK KATZER", "Frank L. Schmidt"."""
    text = re.sub(r"\b[A-Z][A-Z'’-]{2,}\b", lambda m: m.group(0).title(), text)  # "SARAH THOMSON"
    text = re.sub(r"(?<=[a-z])(?:[a-z]?\d+|\*|†)(?=,|\s|$)", "", text)  # footnote marks glued to names
    found = tu.name_list(text, strict=False)
    return found or []


def _authors(root: lhtml.HtmlElement) -> list[dict]:
    names: list[dict] = []
    for el in visible(root):
        if el.get("data-ln") and el.get("data-fn") is not None:
            names.append({"family": tu.clean(el.get("data-ln")), "given": tu.clean(el.get("data-fn") or "")})
    if names:
        return [{k: v for k, v in n.items() if v} for n in names]
    for el in visible(root):
        if el.get("itemprop") == "author" and not in_reference(el):
            name = el.find('.//*[@itemprop="name"]')
            text = text_of(name if name is not None else el)
            text = re.sub(r"[\d*†‡§,]+$", "", text).strip()
            if text and len(text) < 80:
                names.append(tu.person(text))
    if names:
        return names
    for el in visible(root):
        if _AUTHOR_GROUP.search(words(el)) and not in_reference(el) and len(text_of(el)) < 600:
            parts = [text_of(a) for a in el if isinstance(a.tag, str) and a.tag in ("a", "li", "span")]
            found = [n for p in parts for n in _names(p)] if len(parts) > 1 else _names(_no_sup(el))
            if found:
                return found
    return []


def _no_sup(el: lhtml.HtmlElement) -> str:
    """An element's text without its superscripts (affiliation and footnote marks)."""
    copy = lhtml.fromstring(lhtml.tostring(el, encoding="unicode"))
    for sup in list(copy.iter("sup")):
        parent = sup.getparent()
        if parent is not None:
            sup.text = ""
            for child in list(sup):
                sup.remove(child)
    return text_of(copy)


def _abstract_element(root: lhtml.HtmlElement) -> lhtml.HtmlElement | list[lhtml.HtmlElement] | None:
    for el in visible(root, ("div", "section", "article", "p", "blockquote", "span")):
        cls = words(el)
        skip = re.search(r"(?i)graphical|highlights|link|toggle|button|navigation|tab", cls)
        if _ABSTRACT_WORDS.search(cls) and not skip and len(text_of(el)) > 80:
            # an abstract box may hold the whole header (Cambridge): then what follows its own label is the abstract
            label = next((d for d in el.iterdescendants() if _is_label(d) and _ABSTRACT_LABEL.match(text_of(d))), None)
            after = _after_label(label) if label is not None else []
            return after if len(" ".join(text_of(a) for a in after)) > 80 else el
    for h in visible(root):
        if _is_label(h) and _ABSTRACT_LABEL.match(text_of(h)):
            after = _after_label(h)
            if after and len(" ".join(text_of(a) for a in after)) > 80:
                return after
            return h.getparent()
    return None


def _after_label(label: lhtml.HtmlElement) -> list[lhtml.HtmlElement]:
    """The elements after a label up to the next label: "SUMMARY" then its paragraphs (Cambridge)."""
    out = []
    for sib in label.itersiblings():
        if isinstance(sib.tag, str) and _is_label(sib):
            break
        if isinstance(sib.tag, str):
            out.append(sib)
    return out


def _abstract(found: lhtml.HtmlElement | list[lhtml.HtmlElement]) -> str:
    """The paragraphs of an abstract; a structured abstract's labels become paragraphs of their own."""
    paras: list[str] = []
    roots = found if isinstance(found, list) else [found]
    tags = ("p", "h2", "h3", "h4", "h5", "h6", "strong", "b", "dt", "dd")
    blocks = [b for r in roots for b in r.iter(*tags) if not in_chrome(b)]
    if not any(b.tag in ("p", "dd") for b in blocks):
        text = " ".join(text_of(r) for r in roots)
        return _LABELS.sub("", text) if len(text) > 40 else ""
    for b in blocks:
        text = text_of(b)
        if not text or (b.tag in ("strong", "b") and b.getparent() is not None and b.getparent().tag == "p"):
            continue
        if b.tag == "p" and any(c.tag == "p" for c in b):
            continue  # its paragraphs come next
        if (b.tag.startswith("h") or _is_label(b)) and _ABSTRACT_LABEL.match(text):
            continue
        if (b.tag.startswith("h") or _is_label(b)) and _KEYWORDS_LABEL.match(text):
            break  # the keywords that close an abstract box (Springer) are not part of it
        if _ABSTRACT_NOISE.match(text) or (paras and paras[-1] == text):
            continue
        paras.append(text.rstrip(":") if b.tag.startswith(("h", "dt")) else text)
    return "\n\n".join(paras)


def _split_keywords(el: lhtml.HtmlElement) -> list[str]:
    """Keywords inside an element: its list items, its keyword-marked children, or one separated line."""
    items = [text_of(li).strip(" ;,.") for li in el.iter("li")]
    marked = [e for e in el.iter() if e is not el and re.search(r"(?i)keyword|kwd", words(e)) and not _is_label(e)]
    if not items and len(marked) >= 2:  # Springer: <span class="Keyword"> each
        leaves = [e for e in marked if not any(re.search(r"(?i)keyword|kwd", words(d)) for d in e.iterdescendants())]
        items = [text_of(e) for e in leaves]
    if not items:
        text = _LABELS.sub("", text_of(el))
        items = re.split(r"\s*[;·•]\s*" if re.search(r"[;·•]", text) else r"\s*,\s*", text)
    items = [_LABELS.sub("", k).strip(" ;,.") for k in items]
    return [k for k in items if k]


def _keywords(root: lhtml.HtmlElement) -> list[str]:
    """The page's keyword list: a keywords element, keyword-marked links, or the list after a "Key words" label."""
    singles: list[str] = []
    for el in visible(root):
        cls = words(el).lower()
        if el.tag in ("meta", "input") or not re.search(r"keyword|kwd", cls) or in_reference(el):
            continue
        if el.tag in ("a", "span") and not len(el):  # eLife: one <a class="keyword"> per keyword
            singles.append(text_of(el))
            continue
        if (label := _label_of(el)) and not _LABELS.match(label):
            continue  # "Key Topics", "Subjects": not the author's keywords
        items = _split_keywords(el)
        if items and len(items) <= 40 and all(_keyword_like(k) for k in items):
            return list(dict.fromkeys(items))
    singles = [k for k in singles if k and _keyword_like(k)]
    if singles and len(singles) <= 40:
        return list(dict.fromkeys(singles))
    for label in visible(root):
        if _is_label(label) and _KEYWORDS_LABEL.match(text_of(label)) and (nxt := label.getnext()) is not None:
            items = _split_keywords(nxt)
            if items and len(items) <= 40 and all(_keyword_like(k) for k in items):
                return list(dict.fromkeys(items))
    return []


def _label_of(el: lhtml.HtmlElement) -> str:
    """The text of an element's own heading or label child, if it starts with one."""
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is not None and (first.tag in ("dt", "strong", "b", "label") or _is_label(first)):
        return text_of(first)
    return ""


def _keyword_like(text: str) -> bool:
    """A keyword is a short phrase: no sentence, no bare number."""
    return len(text) <= 100 and len(text.split()) <= 10 and not re.search(r"[.!?]\s+[A-Z]|^\d+(?:\.\d+)?$", text)


def _doi(root: lhtml.HtmlElement, stop: object) -> str:
    for el in visible(root, ("a", "span", "div", "p", "dd", "li")):
        if stop is not None and (el is stop or (isinstance(stop, list) and stop and el is stop[0])):
            break
        if el.tag == "a" and re.search(r"doi\.org/10\.", el.get("href") or "") and re.search(r"(?i)doi", words(el)):
            return tu.clean_doi(el.get("href") or "")
        if re.search(r"(?i)(?:^|[\s_-])doi(?:$|[\s_-])", words(el)):
            links = [a.get("href") or "" for a in el.iter("a") if re.search(r"doi\.org/10\.", a.get("href") or "")]
            if m := tu.DOI_RE.search(unquote(links[0]) if links else text_of(el)):  # a link holds the whole DOI
                return tu.clean_doi(m.group(0))
    return ""


def body_study(root: lhtml.HtmlElement) -> dict:
    """The study's fields as the visible page shows them (the last source; see htmlmeta)."""
    s: dict = {}
    found = _abstract_element(root)
    for key, value in (
        ("title", _title(root)),
        ("author", _authors(root)),
        ("DOI", _doi(root, found)),
        ("abstract", _abstract(found) if found is not None else ""),
        ("keywords", _keywords(root)),
    ):
        if value:
            s[key] = value
    stop = found[0] if isinstance(found, list) and found else found
    for key, value in [*volume_line(root, stop).items(), *cite_line(root, s.get("title", "")).items()]:
        s.setdefault(key, value)
    return s
