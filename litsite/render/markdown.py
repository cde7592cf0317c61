"""Markdown → HTML with pandoc-style citations replaced by the style's rendered, linked citations."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import nh3
from markdown_it import MarkdownIt

from litsite.cite.stage import DocCitations
from litsite.cite.syntax import replace_clusters

# Citations are swapped in after rendering, through markers that survive Markdown (and nh3) untouched. A marker
# holds a digest of the whole body, so no text of the body (nor an entity in it) can be one: the body would have
# to contain its own digest.
OPEN, CLOSE = "\ue000", "\ue001"

_md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable("table")


def render_markdown(doc: DocCitations, cluster_html: Callable[[int], str], sanitize: bool = False) -> str:
    """Render a document's Markdown, replacing each citation cluster by cluster_html(index).

    sanitize: clean the HTML the Markdown holds with nh3 (site.yaml `markdown_html: sanitize`)."""
    body = doc.page.body
    nonce = hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]
    spans = [(s, e, None) for s, e, _ in doc.spans]
    markers = [f"{OPEN}{nonce}.{i}{CLOSE}" for _, _, i in doc.spans]
    html = _md.render(replace_clusters(body, spans, markers))  # type: ignore[arg-type]
    if sanitize:
        html = nh3.clean(html)
    for marker, (_, _, i) in zip(markers, doc.spans, strict=True):
        html = html.replace(marker, cluster_html(i), 1)
    return html
