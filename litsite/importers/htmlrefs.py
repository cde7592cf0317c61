"""The reference list of a saved HTML article page, read from the page's own structure.

Where the list is: the list under a References / Bibliography / Literature Cited / Works Cited heading (any heading
level, several languages), else the elements publishers mark as references (``ol``/``ul`` whose id or class names
references, ``li.ref``/``li.citation``, Springer's ``CitationContent``, ``[itemprop=citation]``, ScienceDirect's
``bib-reference``, JATS-style ``mixed-citation``). A list continued in later fragments of the page (ScienceDirect
loads long lists in pieces) is followed. Lists inside related-article, citing-article and other chrome are never read.

One entry per list item (or per marked element, widened to the box that holds it with its number and links); what
an entry says is read by ``htmlentry``.
"""

from __future__ import annotations

import re

from lxml import html as lhtml

from litsite.importers import textutil as tu
from litsite.importers.htmldom import CHROME_WORDS, is_chrome, text_of

REF_HEADINGS = {
    "references", "reference", "reference list", "references cited", "literature cited", "literature",
    "cited literature", "works cited", "bibliography", "bibliographic references", "sources", "notes and references",
    "references and notes", "notes", "citations", "literatur", "literaturverzeichnis", "quellen", "références",
    "références bibliographiques", "bibliographie", "referencias", "referencias bibliográficas", "bibliografía",
    "referências", "referências bibliográficas", "bibliografia", "riferimenti bibliografici", "referenties",
    "litteratur", "referenser", "kirjallisuus", "piśmiennictwo", "literatura", "список литературы", "литература",
    "kaynaklar", "参考文献", "參考文獻", "引用文献", "참고문헌",
}  # fmt: skip
_REF_CLASS = re.compile(
    r"(?i)(?:^|[\s_-])(?:refs?|references?|ref-?list|reflist|citations?|bib-?reference|bibliography|"
    r"CitationContent|c-article-references|cit-list|biblist)(?=$|[\s_-])"
)
_WEAK_HEADINGS = {"notes", "sources", "citations", "literature", "literatura", "quellen"}
_ENTRY_CLASS = re.compile(r"(?:^|\s)(?:ref|citation|CitationContent|bib-reference|reference)(?:$|\s)")
_MAX_ENTRIES = 5000


def norm_heading(text: str) -> str:
    """A heading's text compared loosely: lower case, numbering and punctuation at the ends removed."""
    text = tu.clean(text).lower()
    text = re.sub(r"^(?:[\divxlc]+[.)]?\s+|\d+(?:\.\d+)*\.?\s+)", "", text)
    return text.strip(" :.·•-–—")


def _chrome_above(el: lhtml.HtmlElement) -> bool:
    node = el.getparent()
    while node is not None:
        if is_chrome(node, footer=False):
            return True
        node = node.getparent()
    return False


def _is_heading(el: lhtml.HtmlElement) -> bool:
    """A heading element, one styled as a heading, or a paragraph that is one bold phrase (First Monday)."""
    if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or el.get("role") == "heading":
        return True
    if el.tag in ("p", "div") and len(el) == 1 and el[0].tag in ("strong", "b") and not (el.text or "").strip():
        return not (el[0].tail or "").strip()
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
        return _boxes(marked)
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
    weak = False  # found under a heading that may also head footnotes ("Notes", "Sources")
    for h in root.iter():
        if not isinstance(h.tag, str) or not _is_heading(h) or len(text_of(h)) > 60:
            continue
        name = norm_heading(text_of(h))
        if name not in REF_HEADINGS or CHROME_WORDS.search(h.get("class") or "") or _chrome_above(h):
            continue
        items = _items_in(_after_heading(h))
        if items and items[0].tag == "li":
            items += _continuations(items[-1], root)
        is_weak = name in _WEAK_HEADINGS
        if items and (not best or (weak and not is_weak) or (weak == is_weak and len(items) > len(best))):
            best, weak = items, is_weak
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
    for box in root.iter("div", "section"):  # Pensoft: div.AOF-ref-list > div per reference, no list element
        named = _REF_CLASS.search(f"{box.get('class') or ''} {box.get('id') or ''}")
        if named and not _marked_entry(box) and not _chrome_above(box):
            items = _items_in([box])
            if len(items) > len(best) and not any(i.tag in ("p",) for i in items[:1]):
                best = items
    if len(best) >= 2:
        return best
    marked = [e for e in root.iter() if isinstance(e.tag, str) and _marked_entry(e) and not _chrome_above(e)]
    marked = [e for e in marked if not any(a in marked for a in e.iterancestors())]
    return _boxes(marked)


def _boxes(marked: list[lhtml.HtmlElement]) -> list[lhtml.HtmlElement]:
    """Each entry widened to its largest ancestor holding no other entry: its number and links sit beside it (AIP)."""
    holding: dict = {}  # ancestor -> how many entries it holds
    for entry in marked:
        for parent in entry.iterancestors():
            holding[parent] = holding.get(parent, 0) + 1
    boxes = []
    for entry in marked:
        box = entry
        for parent in entry.iterancestors():
            if parent.tag in ("body", "html", "ol", "ul") or holding[parent] > 1:
                break
            box = parent
        boxes.append(box)
    return boxes


# --- one entry
