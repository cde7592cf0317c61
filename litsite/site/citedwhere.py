"""Where each reference is cited, as pages show it: each place's sentence, section and link, and how often in all.

The cite stage found every cluster's context (cite/contexts.py); this joins them per reference with the pages they
are on. A reference page lists at most MAX_PLACES places and says how many more there are; the study's list names
at most MAX_SECTIONS sections per entry; the search index takes the words of the places listed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from litsite.cite.contexts import Context
from litsite.cite.syntax import Cluster

MAX_PLACES = 50  # places listed on a reference page; the rest are counted
MAX_SECTIONS = 6  # sections named per entry of the study's list; the rest are counted


@dataclass(frozen=True)
class Place:
    """One citation of a work: the link to it (from the site's root), where it is (the page's title and the section's
    path, "" for none) and its sentence as (kind, text, cluster): kind "text" (plain text, to escape), "cite" (another
    citation's HTML in the default style) or "this" (this citation's)."""

    url: str
    page: str
    where: str
    parts: tuple[tuple[str, str, int], ...]


@dataclass(frozen=True)
class CitedWhere:
    """Every place a work is cited: count in all, the first MAX_PLACES places, and the sections (or pages) named."""

    count: int
    places: tuple[Place, ...]
    sections: tuple[str, ...]
    more_sections: int

    @property
    def more(self) -> int:
        """How many places are not listed."""
        return self.count - len(self.places)


NOWHERE = CitedWhere(0, (), (), 0)


class WhereCited:
    """The places of every reference, made when a page asks for them."""

    def __init__(
        self,
        clusters: Sequence[Cluster],
        contexts: Sequence[Context],
        citations: Sequence[str],
        pages: Mapping[Path, tuple[str, str]],
        study_path: Path,
        study_section: str,
    ) -> None:
        """clusters and contexts: the cite stage's (a context per cluster); citations: each cluster's HTML in the
        default style; pages: (URL from the root, title) of each document; study_section: the section of the study's
        text before any heading ("Abstract" when the study page shows its text as the abstract)."""
        self.contexts = contexts
        self.citations = citations
        self.pages = pages
        self.study_path = study_path
        self.study_section = study_section
        self.by_ref: dict[str, list[int]] = {}
        self._made: dict[str, CitedWhere] = {}
        for context in contexts:
            if context.doc in pages:
                for ref_id in dict.fromkeys(c.id for c in clusters[context.cluster].cites):
                    self.by_ref.setdefault(ref_id, []).append(context.cluster)

    def of(self, ref_id: str) -> CitedWhere:
        """Where the reference is cited (NOWHERE when it is not)."""
        found = self._made.get(ref_id)
        if found is None:
            found = self._made[ref_id] = self._make(self.by_ref.get(ref_id, []))
        return found

    def _make(self, clusters: list[int]) -> CitedWhere:
        if not clusters:
            return NOWHERE
        sections: dict[str, None] = {}
        for i in clusters:
            label = self._label(self.contexts[i])
            if label:
                sections[label] = None
        names = tuple(sections)
        places = tuple(self._place(self.contexts[i]) for i in clusters[:MAX_PLACES])
        return CitedWhere(len(clusters), places, names[:MAX_SECTIONS], max(0, len(names) - MAX_SECTIONS))

    def _label(self, context: Context) -> str:
        """The part of the text a citation is in, for the study's list: the study's top section, or a page's title."""
        if context.doc == self.study_path:
            return context.part or self.study_section
        return self.pages[context.doc][1]

    def _place(self, context: Context) -> Place:
        url, title = self.pages[context.doc]
        if context.doc == self.study_path:
            path = [context.part or self.study_section, context.section]
        else:
            path = [title, context.part, context.section]
        where = " › ".join(dict.fromkeys(p for p in path if p)) or title[:1].upper() + title[1:]
        parts = []
        for part in context.parts:
            if isinstance(part, str):
                parts.append(("text", part, -1))
            else:
                kind = "this" if part == context.cluster else "cite"
                parts.append((kind, Markup(self.citations[part]), part))
        return Place(f"{url}#{context.anchor}", title, where, tuple(parts))

    def words(self, ref_id: str) -> str:
        """The text of the places listed for a reference (for the search index)."""
        where = self.of(ref_id)
        return " ".join(p.where + " " + " ".join(t for k, t, _ in p.parts if k == "text") for p in where.places)
