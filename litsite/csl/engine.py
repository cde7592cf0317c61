"""The project's formatter over citeproc-py (placeholder until the corrected engine lands)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc import formatter as formatters
from citeproc.source.json import CiteProcJSON


@dataclass(frozen=True)
class Cite:
    """One cited item inside a cluster."""

    id: str
    locator: str | None = None
    label: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    suppress_author: bool = False
    author_only: bool = False


@dataclass(frozen=True)
class Formatted:
    """Formatted bibliography entries (in bibliography order) and one string per citation cluster."""

    entries: tuple[tuple[str, str], ...]
    citations: tuple[str, ...]
    second_field_align: bool = False


class Formatter:
    """Formats items and citation clusters with one CSL style."""

    def __init__(self, style_path: Path | str, locale: str = "en-US") -> None:
        self.style_path = str(style_path)
        self.locale = locale

    def format(self, items: list[dict[str, Any]], clusters: list[list[Cite]], fmt: str = "html") -> Formatted:
        """Format the bibliography of items and each cluster of citations."""
        keys = {str(item["id"]): f"k{i}" for i, item in enumerate(items)}
        back = {v: k for k, v in keys.items()}
        data = [{**(_escaped(item) if fmt == "html" else item), "id": keys[str(item["id"])]} for item in items]
        style = CitationStylesStyle(self.style_path, locale=self.locale, validate=False)
        out = formatters.html if fmt == "html" else formatters.plain
        bib = CitationStylesBibliography(style, CiteProcJSON(data), out)
        citations = []
        for cluster in clusters:
            cit = Citation(
                [
                    CitationItem(keys[c.id], locator=c.locator, label=c.label or "page")
                    if c.locator
                    else CitationItem(keys[c.id])
                    for c in cluster
                ]
            )
            bib.register(cit)
            citations.append(cit)
        for key in keys.values():
            bib.register(Citation([CitationItem(key)]))
        rendered = tuple(str(bib.cite(c, lambda _: None)) for c in citations)
        entries = tuple((back[str(k)], str(e)) for k, e in zip(bib.keys, bib.bibliography(), strict=True))
        align = style.root.bibliography is not None and bool(style.root.bibliography.get("second-field-align"))
        return Formatted(entries, rendered, align)


def _escaped(item: dict[str, Any]) -> dict[str, Any]:
    return {k: html.escape(v, quote=False) if isinstance(v, str) and k != "id" else v for k, v in item.items()}


def format_bibliography(items: list[dict], style: Path | str, fmt: str = "text", locale: str = "en-US") -> list[str]:
    """Format the bibliography of items, one entry per element, in bibliography order."""
    return [e for _, e in Formatter(style, locale).format(items, [], fmt).entries]


def format_first_citations(items: list[dict], style: Path | str, fmt: str = "text", locale: str = "en-US") -> list[str]:
    """Cite every item once in order and return each item's in-text citation."""
    clusters = [[Cite(str(item["id"]))] for item in items]
    return list(Formatter(style, locale).format(items, clusters, fmt).citations)
