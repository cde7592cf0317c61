"""What pages show of the reviewer's notes and themes, as plain data a page's trace can digest.

A page that shows a note or a theme's commentary gets it as a `Remark`: the Markdown with its citation spans and
the default style's texts of those citations, and the template renders it through the `remark` filter. Everything
the rendering reads is in the Remark, so reuse/pages.py re-renders exactly the pages whose Remark changed: editing
a note renders its reference page again (and nothing else unless its themes change).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litsite.cite.stage import Cited, DocCitations
from litsite.load.content import Content
from litsite.site.routes import theme_url


@dataclass(frozen=True)
class Remark:
    """A note's or a theme's Markdown, with its clusters' default-style texts and the slug each cluster links to."""

    doc: DocCitations
    citations: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class ThemeLink:
    """A theme as a link: slug, title and its URL from the site's root."""

    slug: str
    title: str
    url: str


@dataclass(frozen=True)
class NoteView:
    """The reviewer's note on one reference, as its page shows it."""

    ref_id: str
    remark: Remark
    themes: tuple[ThemeLink, ...]


@dataclass(frozen=True)
class ThemeView:
    """A theme's page: its commentary and the works whose notes name it (RefViews, in bibliography order)."""

    link: ThemeLink
    remark: Remark
    works: tuple[Any, ...]


@dataclass(frozen=True)
class Review:
    """The site's notes (by reference id) and themes (in title order)."""

    notes: dict[str, NoteView]
    themes: tuple[ThemeView, ...]
    intro: Remark | None = None  # a bibliography site's introduction (study.md's text), shown through `remark` too

    def context(self) -> dict[str, Any]:
        """Template variables every page may read: whether to link the themes, which works have notes (id → theme
        slugs) and the themes with their counts (each read only by the templates that name it)."""
        return {
            "theme_nav": bool(self.themes),
            "noted": {ref_id: tuple(t.slug for t in n.themes) for ref_id, n in sorted(self.notes.items())},
            "theme_list": tuple((t.link, len(t.works)) for t in self.themes),
        }


def remark_of(doc: DocCitations, cited: Cited, by_id: dict[str, Any]) -> Remark:
    """A document's Remark: its spans, the default style's text of each cluster and the slug it links to."""
    texts = tuple(cited.default.citations[i] for _, _, i in doc.spans)
    targets = tuple(by_id[cited.clusters[i].cites[0].id].slug for _, _, i in doc.spans)
    return Remark(doc, texts, targets)


def review_of(content: Content, cited: Cited, refs: list[Any], kept: dict[str, NoteView] | None = None) -> Review:
    """The notes and themes of the site, ready for its pages (refs: RefViews in bibliography order; kept: the last
    build's NoteViews of this process, handed out again where equal, so that page reuse digests them once)."""
    by_id = {r.id: r for r in refs}
    links = {t.slug: ThemeLink(t.slug, t.title, theme_url(t.slug)) for t in content.themes}
    last = dict(kept or {})
    notes = {}
    for note in content.notes:
        remark = remark_of(cited.remarks[note.page.path], cited, by_id)
        view = NoteView(note.ref_id, remark, tuple(links[s] for s in note.themes))
        old = last.get(note.ref_id)
        notes[note.ref_id] = old if old is not None and old == view else view
    if kept is not None:
        kept.clear()
        kept.update(notes)
    named = {ref_id: {t.slug for t in view.themes} for ref_id, view in notes.items()}  # the themes each note names
    themes = []
    for theme in sorted(content.themes, key=lambda t: (t.title.casefold(), t.slug)):
        works = tuple(r for r in refs if theme.slug in named.get(r.id, ()))
        themes.append(ThemeView(links[theme.slug], remark_of(cited.remarks[theme.page.path], cited, by_id), works))
    study = content.study
    intro = (
        None if study.present or not study.page.body.strip() else remark_of(cited.docs[study.page.path], cited, by_id)
    )
    return Review(notes, tuple(themes), intro)
