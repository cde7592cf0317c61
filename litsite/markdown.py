"""Markdown → HTML with pandoc-style citations replaced by the style's rendered, linked citations."""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt

from .citations import replace_clusters
from .cite import DocCitations

# Private-use characters survive Markdown untouched, so citations are swapped in after rendering.
OPEN, CLOSE = "\ue000", "\ue001"

_md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")


def render_markdown(doc: DocCitations, cluster_html: Callable[[int], str]) -> str:
    """Render a document's Markdown, replacing each citation cluster by cluster_html(index)."""
    body = doc.page.body
    spans = [(s, e, None) for s, e, _ in doc.spans]
    marked = replace_clusters(body, spans, [f"{OPEN}{i}{CLOSE}" for _, _, i in doc.spans])  # type: ignore[arg-type]
    html = _md.render(marked)
    for _, _, i in doc.spans:
        html = html.replace(f"{OPEN}{i}{CLOSE}", cluster_html(i), 1)
    return html


def render_inline(text: str) -> str:
    """Render one line of Markdown without a wrapping paragraph."""
    return _md.renderInline(text)
