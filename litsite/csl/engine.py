"""The project's CSL formatter over citeproc-py: bibliographies and citation clusters as text or HTML."""

from __future__ import annotations

import os
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path

from citeproc import Citation, Locator

from litsite.csl import fixes, markup, source, speed  # noqa: F401  (fixes, speed register element classes)
from litsite.csl.disambiguation import Disambiguator
from litsite.csl.elements import Style


def _debug(exc: Exception) -> None:
    if os.environ.get("LITSITE_CSL_DEBUG"):
        traceback.print_exception(exc)


_QUOTE_TERMS = ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")


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
    """Rendered bibliography entries (in bibliography order) and one string per citation cluster.

    second_field_align is the style's value ("flush", "margin" or None). When set, HTML entries are
    `<div class="csl-left-margin">[1]</div><div class="csl-right-inline">…</div>` (as citeproc-js writes them) and
    text entries are "[1] …". `missing` lists cited ids that are not among the items (rendered as "id?").
    """

    entries: tuple[tuple[str, str], ...]
    citations: tuple[str, ...]
    second_field_align: str | None = None
    missing: tuple[str, ...] = ()


class Formatter:
    """Formats CSL-JSON items and citation clusters with one CSL style."""

    def __init__(self, style_path: Path | str, locale: str | None = "en-US") -> None:
        self.style_path = Path(style_path)
        self.locale = locale  # None: the style's default-locale
        if not self.style_path.is_file():
            raise FileNotFoundError(f"CSL style {self.style_path} does not exist")

    def format(self, items: list[dict], clusters: list[list[Cite]], fmt: str = "html") -> Formatted:
        """Render the bibliography of `items` and every cluster of `clusters` in format "html" or "text"."""
        form = markup.formatter(fmt)
        keys = {str(item["id"]): f"k{i}" for i, item in enumerate(items)}
        ids = {key: id_ for id_, key in keys.items()}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            src = source.Source(items, keys, fmt)
            style = Style(self.style_path, self.locale)
            bib = source.Bibliography(style, src, form)
            missing: list[str] = []
            citations = [Citation([self._item(cite, keys, missing, fmt) for cite in cluster]) for cluster in clusters]
            for citation in citations:
                bib.register(citation)
            for key in keys.values():
                bib.register(Citation([source.Item(key)]))
            if style.has_bibliography():
                bib.sort()
            Disambiguator(bib, style).run(list(bib.keys))
            root = style.root
            quotes = tuple(
                str(root.get_single_term(name)) or default
                for name, default in zip(_QUOTE_TERMS, ("“", "”", "‘", "’"), strict=True)
            )
            piq = (root.get_locale_option("punctuation-in-quote") or "false").lower() == "true"

            def finish(text: object) -> str:
                return markup.finish(str(text or ""), fmt, quotes, piq)

            texts = []
            for citation in citations:
                try:
                    text = bib.cite(citation, lambda item: f"{ids.get(item.key, item.key)}?")
                except Exception as exc:  # citeproc-py bug: keep the page buildable, show what failed
                    _debug(exc)
                    text = f"[{', '.join(ids.get(c.key, c.key) for c in citation.cites)}: {type(exc).__name__}]"
                texts.append(finish(text))
            entries: list[tuple[str, str]] = []
            align = None
            if style.has_bibliography():
                layout = style.root.bibliography.layout
                align = style.root.bibliography.get("second-field-align")
                try:
                    rendered = layout.render_bibliography(bib.items)
                except Exception as exc:  # citeproc-py bug: render entry by entry, marking the failures
                    _debug(exc)
                    rendered = [self._one_entry(layout, item, ids) for item in bib.items]
                for item, text in zip(bib.items, rendered, strict=True):
                    if str(text):
                        entries.append((ids[item.key], finish(text)))
        return Formatted(tuple(entries), tuple(texts), align, tuple(missing))

    @staticmethod
    def _one_entry(layout: object, item: object, ids: dict[str, str]) -> object:
        try:
            return layout.render_bibliography([item])[0]
        except Exception as exc:  # citeproc-py bug
            _debug(exc)
            return f"[{ids[item.key]}: {type(exc).__name__}]"

    @staticmethod
    def _item(cite: Cite, keys: dict[str, str], missing: list[str], fmt: str = "text") -> source.Item:
        key = keys.get(cite.id)
        if key is None:
            missing.append(cite.id)
            key = f"missing-{cite.id}"
        extra: dict = {}
        if cite.locator:
            extra["locator"] = Locator(cite.label or "page", cite.locator)
        if cite.prefix:
            extra["prefix"] = markup.parse_rich_text(cite.prefix, fmt)
        if cite.suffix:
            extra["suffix"] = markup.parse_rich_text(cite.suffix, fmt)
        if cite.suppress_author:
            extra["suppress_author"] = True
        if cite.author_only:
            extra["author_only"] = True
        return source.Item(key, **extra)


def format_bibliography(items: list[dict], style: Path | str, fmt: str = "text", locale: str = "en-US") -> list[str]:
    """The bibliography entries of all items, in bibliography order."""
    result = Formatter(style, locale).format(items, [], fmt)
    return [entry for _, entry in result.entries]


def format_bibliography_ids(
    items: list[dict], style: Path | str, fmt: str = "text", locale: str = "en-US"
) -> list[tuple[str, str]]:
    """The bibliography as (id, entry) pairs, in bibliography order."""
    return list(Formatter(style, locale).format(items, [], fmt).entries)


def format_first_citations(items: list[dict], style: Path | str, fmt: str = "text", locale: str = "en-US") -> list[str]:
    """Every item cited once in file order, each as its own cluster; the final text of each cluster."""
    clusters = [[Cite(str(item["id"]))] for item in items]
    return list(Formatter(style, locale).format(items, clusters, fmt).citations)
