"""A document's Markdown (read by the cite stage, cite/mdparse.py) as a page's HTML: its citations linked, cleaned
with nh3 on request, a table of contents in front of a long text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import nh3
from markupsafe import escape

from litsite.cite.mdparse import Heading, claimed_marker_re, nonce_of
from litsite.cite.stage import DocCitations

TOC_MIN_HEADINGS = 3  # a text with this many headings or more shows its table of contents (front matter `toc:`)

# What `markdown_html: sanitize` keeps besides nh3's defaults: what Python-Markdown itself writes (heading and
# footnote ids, the footnotes' classes, a table column's alignment); links only to the web and mail.
_ATTRIBUTES = {tag: {"id"} for tag in ("h1", "h2", "h3", "h4", "h5", "h6", "sup", "li")}
_CLASSES = {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}}


def _clean(html: str) -> str:
    attributes: dict[str, set[str]] = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()}
    for tag, names in (*_ATTRIBUTES.items(), ("th", {"style"}), ("td", {"style"}), ("a", {"title"})):
        attributes[tag] = attributes.get(tag, set()) | names
    return nh3.clean(
        html,
        attributes=attributes,
        allowed_classes=_CLASSES,
        filter_style_properties={"text-align"},
        url_schemes={"http", "https", "mailto"},
    )


def shows_toc(doc: DocCitations) -> bool:
    """Whether the document shows a table of contents: front matter `toc: true/false`, else three headings or more."""
    wanted: Any = doc.page.meta.get("toc")
    return wanted if isinstance(wanted, bool) else len(doc.headings) >= TOC_MIN_HEADINGS


def toc_html(headings: tuple[Heading, ...]) -> str:
    """A list of links to the headings of the two top levels the text uses, the second nested in the first."""
    if not headings:
        return ""
    top = min(h.level for h in headings)
    out = ['<nav class="toc" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>']
    in_entry = in_sub = False
    for h in headings:
        if h.level > top + 1:
            continue
        link = f'<li><a href="#{escape(h.id)}">{escape(h.text or h.id)}</a>'
        if h.level > top and in_entry:  # a sub-section: in a list inside its section's entry
            out.append("</li>" + link if in_sub else "<ol>" + link)
            in_sub = True
            continue
        out.append(("</li></ol>" if in_sub else "") + ("</li>" if in_entry else "") + link)
        in_entry, in_sub = True, False
    out.append(("</li></ol>" if in_sub else "") + "</li></ol></nav>\n")
    return "".join(out)


def render_markdown(doc: DocCitations, cluster_html: Callable[[int], str], sanitize: bool = False) -> str:
    """A document's HTML, each citation cluster as cluster_html(index into Cited.clusters).

    sanitize: clean the HTML the Markdown holds with nh3 (site.yaml `markdown_html: sanitize`); citations are put in
    afterwards, so they keep their attributes."""
    html = _clean(doc.html) if sanitize else doc.html
    html = claimed_marker_re(nonce_of(doc.page.body)).sub(lambda m: cluster_html(doc.spans[int(m.group(1))][2]), html)
    # (A trailing newline, as the page templates were written for.)
    return (toc_html(doc.headings) if shows_toc(doc) else "") + (html + "\n" if html else "")
