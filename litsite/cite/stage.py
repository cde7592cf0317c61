"""The cite stage: find every citation in the Markdown, check its keys, format entries and citations per style."""

from __future__ import annotations

import dataclasses
import difflib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape

from litsite.cite.anchors import assign_anchors
from litsite.cite.contexts import Context, find_contexts
from litsite.cite.docmemo import DocMemo
from litsite.cite.mdparse import Heading, MarkdownTooComplex, nonce_of, parse_markdown
from litsite.cite.syntax import Cluster, find_clusters
from litsite.csl.engine import Cite, Formatted, Formatter, ItemFormatError, note_numbers
from litsite.csl.styles import StyleRef
from litsite.errors import ErrorCollector, UserError
from litsite.load.config import SiteConfig
from litsite.load.content import Content, Page
from litsite.slugs import unique_slugs


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
    """The clusters of one Markdown document, as (start, end, index into Cited.clusters); its HTML, where the j-th
    cluster is a marker (mdparse.claimed_marker_re), its headings, and the section (heading id) of each cluster."""

    page: Page
    spans: tuple[tuple[int, int, int], ...]
    html: str = ""
    headings: tuple[Heading, ...] = ()
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cited:
    """Every cluster on the site and its rendering in each offered style; the first style is the default."""

    clusters: tuple[Cluster, ...]
    docs: dict[Path, DocCitations]  # the study's and the extra pages'
    styles: tuple[StyleOutput, ...]
    contexts: tuple[Context, ...] = ()  # where each cluster stands (contexts.py), parallel to clusters
    # The reviewer's notes and themes (content/notes/, content/themes/): their clusters follow the study's and the
    # pages', so they neither number the works nor count as the study citing them.
    remarks: dict[Path, DocCitations] = dataclasses.field(default_factory=dict)

    @property
    def default(self) -> StyleOutput:
        """The default style's output."""
        return self.styles[0]


def _read_document(page: Page, locale: str) -> tuple[list[tuple[int, int, Cluster]], Any]:
    """The candidate clusters of a document and what Markdown makes of it (mdparse.parse_markdown)."""
    found = find_clusters(page.body, page.body_line, locale)
    try:
        return found, parse_markdown(page.body, [(start, end) for start, end, _ in found])
    except MarkdownTooComplex as exc:
        raise UserError(page.path, page.body_line + exc.line, str(exc)) from None


def collect_clusters(
    content: Content, locale: str = "en-US", memo: DocMemo | None = None
) -> tuple[list[Cluster], dict[Path, DocCitations]]:
    """Find the clusters of every Markdown document in site order (study first, then pages, then the reviewer's notes
    and themes); locator labels are the locale's terms (memo: what the last plan made of each document)."""
    clusters: list[Cluster] = []
    docs: dict[Path, DocCitations] = {}
    slugs = unique_slugs([r.id for r in content.references])  # the reference pages' slugs (render.ref_views)
    remarks = (*(n.page for n in content.notes), *(t.page for t in content.themes))
    memo = memo or DocMemo()
    for page in (content.study.page, *content.pages, *remarks):
        found, parsed = memo.get(("read", page.body, page.body_line, locale), _read_document, page, locale)
        spans = []
        # What Markdown reads as running text (not code, raw HTML or a link) is a citation.
        claimed = [found[k] for k in parsed.claimed]
        anchors = assign_anchors((cluster for _, _, cluster in claimed), slugs)
        for (start, end, cluster), anchor in zip(claimed, anchors, strict=True):
            spans.append((start, end, len(clusters)))
            clusters.append(dataclasses.replace(cluster, anchor=anchor))
        doc = DocCitations(page, tuple(spans), parsed.html, parsed.headings, parsed.sections)
        docs[page.path] = memo.same(("doc", page.path), doc)
    return clusters, docs


def check_keys(clusters: list[Cluster], content: Content, docs: dict[Path, DocCitations]) -> ErrorCollector:
    """Report every citation key that no reference has, with the closest ids as a hint."""
    errors = ErrorCollector()
    ids = {r.id for r in content.references}
    folded = {i.casefold(): i for i in ids}  # ids are unique ignoring case (content.load_references)
    where = {i: path for path, doc in docs.items() for _, _, i in doc.spans}
    for i, cluster in enumerate(clusters):
        for cite in cluster.cites:
            if cite.id not in ids:
                close = difflib.get_close_matches(cite.id, ids, n=3)
                hint = f"; did you mean {', '.join('@' + c for c in close)}?" if close else ""
                if cite.id.casefold() in folded:  # e.g. copied from the reference's lower-case address
                    hint = f"; did you mean '@{folded[cite.id.casefold()]}' (keys are case-sensitive)?"
                errors.add(where[i], cluster.line, f"citation key @{cite.id} is not in references.yaml{hint}")
    return errors


@dataclass(frozen=True)
class FormatJob:
    """One formatting the site needs: a style's entries for every item and its text for every cluster."""

    style: StyleRef
    locale: str
    items: list[dict[str, Any]]
    clusters: list[list[Cite]]
    fmt: str = "html"
    notes: tuple[int, ...] | None = None  # each cluster's note number (a note style's); None: the engine's default


# A formatting, e.g. a cache in front of Formatter.
FormatFn = Callable[[FormatJob], Formatted]


def format_direct(job: FormatJob) -> Formatted:
    """Format with a fresh Formatter (no caching), the items spread over every core."""
    return Formatter(job.style, job.locale).format(
        job.items, job.clusters, job.fmt, workers=os.cpu_count() or 1, notes=job.notes
    )


def engine_clusters_of(clusters: list[Cluster]) -> tuple[list[list[Cite]], list[tuple[int, ...]]]:
    """Clusters as the engine formats them, and which engine clusters make each of ours.

    A narrative citation (pandoc's `@key says`) is the author's names followed by the citation without them, as
    pandoc renders it: "Berry et al. (2011)" in author-date styles, "Berry et al. [1]" in numeric ones.
    """
    out: list[list[Cite]] = []
    joins: list[tuple[int, ...]] = []
    for cluster in clusters:
        if cluster.narrative:
            (only,) = cluster.cites
            names = dataclasses.replace(only, author_only=True, locator=None, label=None, suffix=None)
            rest = dataclasses.replace(only, author_only=False, suppress_author=True)
            out += [[names], [rest]]
            joins.append((len(out) - 2, len(out) - 1))
        else:
            out.append(list(cluster.cites))
            joins.append((len(out) - 1,))
    return out, joins


def _joined(citations: tuple[str, ...], parts: tuple[int, ...], cluster: Cluster, items: dict[str, dict]) -> str:
    """One cluster's text; a narrative one whose style cites no names (numeric styles) gets them from the item."""
    if len(parts) == 1:
        return citations[parts[0]]
    names, rest = (citations[i].strip() for i in parts)
    if "[CSL STYLE ERROR" in rest:
        rest = ""  # e.g. MLA without a locator: the names are the whole citation
    return f"{names or escape(short_names(items[cluster.cites[0].id]))} {rest}".strip()


def short_names(item: dict[str, Any]) -> str:
    """'Berry', 'Berry and Hayward' or 'Berry et al.': the usual in-text form of an item's authors (or editors)."""
    people = item.get("author") or item.get("editor") or []
    families = [p.get("family") or p.get("literal") or "" for p in people]
    if not families:
        return str(item.get("title", ""))
    if len(families) == 1:
        return families[0]
    return f"{families[0]} and {families[1]}" if len(families) == 2 else f"{families[0]} et al."


def format_error(exc: ItemFormatError, content: Content, style: str, locale: str) -> UserError:
    """The reference that cannot be formatted, at its line of references.yaml, with the style and the engine's error
    (an item is never printed as an internal error; the build stops instead)."""
    line = next((r.line for r in content.references if r.id == exc.item_id), None)
    what = f"reference {exc.item_id!r}" if exc.item_id else "the references"
    return UserError(
        content.references_path if exc.item_id else None,
        line,
        f"{what} cannot be formatted in style {style!r} (locale {locale}): {exc.detail} "
        "(a defect of the CSL engine with this input; please report it, and change or remove the item meanwhile)",
    )


@dataclass(frozen=True)
class CitePlan:
    """Everything the cite stage finds before formatting: the clusters of every document, the items in the order the
    engine takes them, and the formattings the site needs (one job per style, the default first)."""

    clusters: tuple[Cluster, ...]
    docs: dict[Path, DocCitations]
    order: tuple[str, ...]
    by_id: dict[str, dict[str, Any]]
    joins: tuple[tuple[int, ...], ...]
    jobs: tuple[FormatJob, ...]
    contexts: tuple[Context, ...]  # where each cluster stands (contexts.py), parallel to clusters
    remarks: dict[Path, DocCitations]  # the reviewer's notes and themes (docs holds the study's and the pages')


def plan(config: SiteConfig, content: Content, memo: DocMemo | None = None) -> CitePlan:
    """Find and check every citation and name the formatting each style needs, formatting nothing (memo: what the
    last plan of this process made of each document, docmemo.py)."""
    if memo is not None:
        memo.start()
    clusters, docs = collect_clusters(content, config.locale, memo)
    check_keys(clusters, content, docs).raise_if_any()
    main = {p: d for p, d in docs.items() if p == content.study.page.path or p in {pg.path for pg in content.pages}}
    remarks = {p: d for p, d in docs.items() if p not in main}
    in_main = sum(len(d.spans) for d in main.values())  # (the main documents' clusters come first)
    # Cited items first, in order of first citation, so numeric styles number them as the text does.
    cited = list(dict.fromkeys(c.id for cl in clusters[:in_main] for c in cl.cites))
    by_id = {r.id: r.csl for r in content.references}
    order = cited + [r.id for r in content.references if r.id not in set(cited)]
    items = [by_id[i] for i in order]
    engine_clusters, joins = engine_clusters_of(clusters)
    for parts in joins[in_main:]:  # the reviewer's clusters number nothing (engine.Cite.aside)
        for j in parts:
            engine_clusters[j] = [dataclasses.replace(c, aside=True) for c in engine_clusters[j]]
    notes = document_notes(docs, joins, engine_clusters)
    jobs = tuple(
        FormatJob(ref, config.locale, items, engine_clusters, notes=notes if ref.note_class else None)
        for ref in config.style_refs
    )
    marked = {p: (d.html, nonce_of(d.page.body), d.spans, d.headings, d.sections) for p, d in docs.items()}
    contexts = find_contexts(marked, clusters, memo)
    return CitePlan(tuple(clusters), main, tuple(order), by_id, tuple(joins), jobs, contexts, remarks)


def document_notes(
    docs: dict[Path, DocCitations], joins: list[tuple[int, ...]], engine_clusters: list[list[Cite]]
) -> tuple[int, ...]:
    """The note number of each engine cluster in a note style: each document numbers its own notes from 1 (pandoc
    renders each file alone), so an "ibid." never points into another page."""
    notes = [0] * len(engine_clusters)
    for doc in docs.values():
        parts = [j for _, _, i in doc.spans for j in joins[i]]
        for j, note in zip(parts, note_numbers(True, [engine_clusters[j] for j in parts]), strict=True):
            notes[j] = note
    return tuple(notes)


def assemble(planned: CitePlan, results: list[Formatted]) -> Cited:
    """The site's citations from each job's formatting (in the plan's order)."""
    outputs = []
    for job, formatted in zip(planned.jobs, results, strict=True):
        joins = enumerate(planned.joins)
        texts = [_joined(formatted.citations, parts, planned.clusters[n], planned.by_id) for n, parts in joins]
        entries = dict(formatted.entries)
        # A style may print nothing for an item (only an id and a type): it is still a reference of the site.
        entries |= {i: str(escape(planned.by_id[i].get("title") or i)) for i in planned.order if i not in entries}
        outputs.append(
            StyleOutput(
                name=job.style.name,
                title=job.style.title,
                entries=entries,
                order=tuple(entries),
                citations=tuple(texts),
                second_field_align=bool(formatted.second_field_align),
            )
        )
    return Cited(planned.clusters, planned.docs, tuple(outputs), planned.contexts, planned.remarks)


def format_all(planned: CitePlan, content: Content, formatter: FormatFn | None = None) -> list[Formatted]:
    """Run every job of the plan through formatter (Formatter itself by default); an item the engine cannot format is
    a user error at its line."""
    results = []
    for job in planned.jobs:
        try:
            results.append((formatter or format_direct)(job))
        except ItemFormatError as exc:
            raise format_error(exc, content, job.style.name, job.locale) from None
    return results


def cite(config: SiteConfig, content: Content, formatter: FormatFn | None = None) -> Cited:
    """Format every reference and citation cluster in each of the site's styles: plan, format, assemble."""
    planned = plan(config, content)
    return assemble(planned, format_all(planned, content, formatter))
