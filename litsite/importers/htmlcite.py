"""Where the visible page states the article's journal, volume, issue, pages and year in one line.

Two kinds of line, both read only when no metadata gave the field: a masthead line ("Physics of the Dark Universe ·
Volumes 5–6, December 2014, Pages 307–314", "Parasitology Open / Volume 2 / 2016, e5") and the page's own
"Cite this article as" line, which is a reference to the article itself and goes through the free-text reference
parser (APA, Springer, Vancouver), with a pattern for the short Vancouver form ("eLife 2019;8:e44753").
"""

from __future__ import annotations

import re

from lxml import html as lhtml

from litsite.importers import reflines
from litsite.importers import textutil as tu
from litsite.importers.htmldom import in_reference, size, text_of, visible, words

_VOLUME_LINE = re.compile(
    r"\bVol(?:umes?|\.)?\s*(?P<volume>\d+(?:\s*[–-]\s*\d+)?)"
    r"(?:\s*[,/]?\s*(?:Issues?|No\.?|Number)\s*(?P<issue>\w+(?:\s*[–-]\s*\w+)?))?"
    r"(?:\s*[,/]?\s*(?:\(?\s*(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?P<year>(?:1[89]|20)\d\d)\)?))?"
    r"(?:\s*[,/]?\s*(?:(?:Pages?|pp\.?)\s*(?P<page>\w+(?:\s*[–-]\s*\w+)?)|(?P<number>e\d{1,7})\b))?"
)
_CITE_VANCOUVER = re.compile(
    r"(?P<journal>(?<!\S)[A-Za-z][^;:()\d]{1,80}?)\.?\s(?P<year>(?:1[89]|20)\d\d)(?:\s\w{3}(?:\s\d{1,2})?)?;\s?"
    r"(?P<volume>\d+)(?:\((?P<issue>[^)]{1,10})\))?:\s?(?P<page>[\w.]+(?:[–-][\w.]+)?)"
)
_CITE_LABEL = re.compile(r"(?i)^(?:cite (?:this article )?as|citation|how to cite(?: this article)?)\s*:?\s*")
_CITE_FIELDS = ("container-title", "volume", "issue", "page", "DOI")


def volume_line(root: lhtml.HtmlElement, stop: lhtml.HtmlElement | None) -> dict:
    """Journal, volume, issue, year and pages from the first "Volume …" line before the abstract."""
    for el in visible(root, ("p", "div", "span", "li", "dd", "td")):
        if stop is not None and el is stop:
            break
        if len(el) > 6 or size(el) > 40:  # a masthead line is a few elements, never a whole section
            continue
        text = text_of(el)
        m = _VOLUME_LINE.search(text) if len(text) < 200 else None
        if not m or not (m.group("page") or m.group("issue") or m.group("year") or m.group("number")):
            continue
        out = {"volume": re.sub(r"\s*[–-]\s*", "-", m.group("volume"))}
        if m.group("issue"):
            out["issue"] = m.group("issue")
        if m.group("page") or m.group("number"):
            out["page"] = tu.pages(m.group("page") or m.group("number"))
        if m.group("year"):
            out["issued"] = m.group("year")
        journal = text[: m.start()].strip(" ,.|/·")
        prev = el.getprevious()
        if not journal and prev is not None and 2 < len(text_of(prev)) < 150:
            journal = text_of(prev)
        if journal and not re.search(r"\d{4}|https?:", journal) and len(journal) < 150:
            out["container-title"] = journal
        return out
    return {}


def cite_line(root: lhtml.HtmlElement, title: str) -> dict:
    """Journal, year, volume, issue, pages and DOI of the page's own "Cite this article as" line.

    A line counts when it is labelled as one ("Cite this article as:"), sits in an element named "cite…", or prints
    the article's own title: a citation element elsewhere may cite another work.
    """
    own = tu.fold(title)[:40]
    for el in visible(root, ("span", "p", "div", "dd", "li")):
        if not re.search(r"(?i)cite|citation", words(el)) or in_reference(el) or len(el) > 12 or size(el) > 80:
            continue
        raw = text_of(el)
        text = _CITE_LABEL.sub("", raw)
        labelled = text != raw or re.search(r"(?i)(?:^|[\s_-])cite(?:$|[\s_-])", words(el))
        if not 10 < len(text) < 600 or not (labelled or (len(own) > 15 and own in tu.fold(text))):
            continue
        if fields := _parsed(text) or _vancouver(text):
            return fields
    return {}


def _parsed(text: str) -> dict:
    """The line as the reference parser reads it, when it names a journal and a year."""
    try:
        item = reflines.parse_reference(text).item
    except Exception:  # a parser bug must not lose the import
        return {}
    year = (item.get("issued") or {}).get("date-parts", [[None]])[0][0]
    if not item.get("container-title") or not year or not (item.get("volume") or item.get("page")):
        return {}
    out = {key: str(item[key]) for key in _CITE_FIELDS if item.get(key)}
    out["issued"] = str(year)
    if "page" in out:
        out["page"] = tu.pages(out["page"])
    if item.get("number") and "page" not in out:
        out["page"] = str(item["number"])
    return out


def _vancouver(text: str) -> dict:
    m = _CITE_VANCOUVER.search(text)
    if not m:
        return {}
    out = {"container-title": m.group("journal").strip(), "issued": m.group("year"), "volume": m.group("volume")}
    out["page"] = tu.pages(m.group("page"))
    if m.group("issue"):
        out["issue"] = m.group("issue")
    return out
