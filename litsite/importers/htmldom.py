"""The parts of a saved page's element tree every reader needs: its visible text and the page chrome to skip.

Chrome is what a page shows around the article: navigation, cookie and consent notices, browser banners, sign-in
dialogs, related- or citing-article lists, share bars, footers. It is recognised by tag (``nav``, ``aside``,
``dialog``, …), ARIA role, or a class/id word, and never when the element holds most of the page (a wrapper classed
"page footer-borders" is the page, not a footer).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html as lhtml

from litsite.importers import textutil as tu

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
_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:hidden|mathContainer|sr-only)(?:$|\s)")


_REF_ZONE = re.compile(r"(?i)(?:^|[\s_-])(?:ref-?list|reflist|references|bibliography|bib-?reference)(?:$|[\s_-])")


def words(el: lhtml.HtmlElement) -> str:
    """An element's class and id, the words publishers name their boxes with."""
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def is_chrome(el: lhtml.HtmlElement, footer: bool = True) -> bool:
    """True for an element that is page chrome itself (not looking at its ancestors).

    footer=False: a footer is no chrome (PeerJ's <footer class="back">, F1000's "article-footer" hold the back
    matter, where the references are).
    """
    if not isinstance(el.tag, str):
        return True
    if el.tag in _CHROME_TAGS or (footer and el.tag == "footer"):
        return True
    if (el.get("role") or "").lower() in _CHROME_ROLES or (el.get("aria-modal") or "").lower() == "true":
        return True
    found = [m.group(0).strip(" _-").lower() for m in CHROME_WORDS.finditer(words(el))]
    if not footer:
        found = [w for w in found if w != "footer"]
    return bool(found) and not _holds_most_of_the_page(el)


def _holds_most_of_the_page(el: lhtml.HtmlElement) -> bool:
    """True for a wrapper holding most of the page ("page footer-borders panels-page"): chrome boxes are small."""
    sizes = _page(el.getroottree().getroot())["sizes"]
    return sizes.get(el, 0) * 2 > sizes.get(el.getroottree().getroot(), 0)


# What one page's readers ask again and again (subtree sizes, the visible elements), for the page read last only:
# an import reads one page at a time, and keeping one page keeps the work per element constant.
_LAST: dict = {"root": None}


def size(el: lhtml.HtmlElement) -> int:
    """How many elements the subtree of el holds (itself included)."""
    return _page(el.getroottree().getroot())["sizes"].get(el, 1)


def _page(root: lhtml.HtmlElement) -> dict:
    if _LAST["root"] is not root:
        sizes: dict = {}
        for el in reversed(list(root.iter())):  # children before their parents
            sizes[el] = 1 + sum(sizes.get(c, 0) for c in el)
        _LAST.clear()
        _LAST.update(root=root, sizes=sizes, visible=None)
    return _LAST


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


def visible(root: lhtml.HtmlElement, tags: tuple[str, ...] | None = None) -> Iterator[lhtml.HtmlElement]:
    """Elements outside page chrome, in document order (a chrome subtree is skipped whole)."""
    page = _page(root)
    if page["visible"] is None:
        stack = [root]
        out: list[lhtml.HtmlElement] = []
        while stack:
            el = stack.pop()
            if el is not root and is_chrome(el):
                continue
            out.append(el)
            stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))
        page["visible"] = out
    return iter([el for el in page["visible"] if tags is None or el.tag in tags])


def in_reference(el: lhtml.HtmlElement) -> bool:
    """True inside a reference list: its names, keywords and citations are another work's."""
    node = el.getparent()
    while node is not None:
        if _REF_ZONE.search(words(node)):
            return True
        node = node.getparent()
    return False
