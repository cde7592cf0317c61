"""The cite stage: find every citation in the Markdown, check its keys, format entries and citations per style."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .citations import Cluster, find_clusters
from .config import SiteConfig
from .content import Content, Page
from .csl.engine import Cite, Formatted, Formatter
from .csl.styles import resolve_style
from .errors import ErrorCollector


@dataclass(frozen=True)
class StyleOutput:
    """One style's rendering of the whole site: entries by id, bibliography order and cluster texts."""

    name: str
    title: str
    entries: dict[str, str]
    order: tuple[str, ...]
    citations: tuple[str, ...]
    second_field_align: bool


@dataclass(frozen=True)
class DocCitations:
    """The clusters found in one Markdown document, as (start, end, index into Cited.clusters)."""

    page: Page
    spans: tuple[tuple[int, int, int], ...]


@dataclass(frozen=True)
class Cited:
    """Every cluster on the site and its rendering in each offered style; the first style is the default."""

    clusters: tuple[Cluster, ...]
    docs: dict[Path, DocCitations]
    styles: tuple[StyleOutput, ...]

    @property
    def default(self) -> StyleOutput:
        """The default style's output."""
        return self.styles[0]

    def cited_ids(self) -> tuple[str, ...]:
        """Ids in order of first citation."""
        return tuple(dict.fromkeys(c.id for cl in self.clusters for c in cl.cites))


def collect_clusters(content: Content) -> tuple[list[Cluster], dict[Path, DocCitations]]:
    """Find the clusters of every Markdown document in site order (study first, then pages)."""
    clusters: list[Cluster] = []
    docs: dict[Path, DocCitations] = {}
    for page in (content.study.page, *content.pages):
        spans = []
        for start, end, cluster in find_clusters(page.body, page.body_line):
            spans.append((start, end, len(clusters)))
            clusters.append(cluster)
        docs[page.path] = DocCitations(page, tuple(spans))
    return clusters, docs


def check_keys(clusters: list[Cluster], content: Content, docs: dict[Path, DocCitations]) -> ErrorCollector:
    """Report every citation key that no reference has, with the closest ids as a hint."""
    errors = ErrorCollector()
    ids = {r.id for r in content.references}
    where = {i: path for path, doc in docs.items() for _, _, i in doc.spans}
    for i, cluster in enumerate(clusters):
        for cite in cluster.cites:
            if cite.id not in ids:
                close = difflib.get_close_matches(cite.id, ids, n=3)
                hint = f"; did you mean {', '.join('@' + c for c in close)}?" if close else ""
                errors.add(where[i], cluster.line, f"citation key @{cite.id} is not in references.yaml{hint}")
    return errors


# (style_path, locale, items, clusters, fmt) -> Formatted; e.g. a cache in front of Formatter.
FormatFn = Callable[[Path, str, list[dict[str, Any]], list[list[Cite]], str], Formatted]


def format_direct(
    style_path: Path, locale: str, items: list[dict[str, Any]], clusters: list[list[Cite]], fmt: str
) -> Formatted:
    """Format with a fresh Formatter (no caching)."""
    return Formatter(style_path, locale).format(items, clusters, fmt)


def cite(config: SiteConfig, content: Content, formatter: FormatFn | None = None) -> Cited:
    """Format every reference and citation cluster in each of the site's styles."""
    clusters, docs = collect_clusters(content)
    check_keys(clusters, content, docs).raise_if_any()
    # Cited items first, in order of first citation, so numeric styles number them as the text does.
    cited = list(dict.fromkeys(c.id for cl in clusters for c in cl.cites))
    by_id = {r.id: r.csl for r in content.references}
    order = cited + [r.id for r in content.references if r.id not in set(cited)]
    items = [by_id[i] for i in order]
    outputs = []
    for spec in config.styles:
        ref = resolve_style(spec, config.root)
        formatted = (formatter or format_direct)(
            ref.path, config.locale, items, [list(c.cites) for c in clusters], "html"
        )
        outputs.append(
            StyleOutput(
                name=spec,
                title=ref.title,
                entries=dict(formatted.entries),
                order=tuple(i for i, _ in formatted.entries),
                citations=formatted.citations,
                second_field_align=formatted.second_field_align,
            )
        )
    return Cited(tuple(clusters), docs, tuple(outputs))
