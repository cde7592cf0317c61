"""The render stage: Jinja2 templates + Markdown → SiteFiles (no disk writes)."""

from __future__ import annotations

import hashlib
import html
import os
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from litsite.cite.stage import Cited
from litsite.csl.memo import Memo
from litsite.load.config import SiteConfig
from litsite.load.content import Content
from litsite.load.dates import iso, year_of
from litsite.parallel import Parallel
from litsite.progress import quiet
from litsite.render.review import Remark, Review, plan_review_pages, remark_of, review_of
from litsite.render.templating import make_env, render_template
from litsite.reuse.fingerprint import add_files, code_fingerprint
from litsite.reuse.pages import PageCache, digest
from litsite.reuse.store import EXPORTS, TRACE_REFS, TRACES, ShardedRecord
from litsite.safety import doi_url, pmid_url
from litsite.site.browse import LOCAL_CALLS, Browse, add_browse_pages, margin_chars
from litsite.site.provenance import provenance_note
from litsite.site.publish import base_path
from litsite.slugs import unique_slugs
from litsite.write.writer import SiteFiles

ProgressFn = Callable[[str, int, int], None]

TYPE_LABELS = {
    "article-journal": "Journal article",
    "book": "Book",
    "chapter": "Book chapter",
    "report": "Report",
    "thesis": "Thesis",
    "webpage": "Web page",
    "paper-conference": "Conference paper",
    "dataset": "Dataset",
    "article-newspaper": "Newspaper article",
    "article-magazine": "Magazine article",
    "document": "Document",
}


@dataclass(frozen=True)
class RefView:
    """What templates need of one reference."""

    id: str
    slug: str
    item: dict[str, Any]
    entry: Markup
    entries: dict[str, Markup]
    year: int | None
    type_label: str
    authors: tuple[str, ...]
    url: str


LINK_RE = re.compile(r"(<a\b.*?</a>)", re.S)
DOI_URL_RE = re.compile(r"(?<![\"'=])(https?://(?:dx\.)?doi\.org/[^\s<>\"]+[^\s<>\".,;)])")


def _doi_link(m: re.Match[str]) -> str:
    url = doi_url(html.unescape(m.group(1)))  # the printed DOI must be one; its link is made as every DOI's is
    return f'<a class="doi" href="{escape(url)}">{m.group(1)}</a>' if url else m.group(1)


def link_dois(entry_html: str) -> str:
    """Make the DOI URLs a style prints into links, so they work without JavaScript too."""
    parts = LINK_RE.split(entry_html)  # odd parts are existing links: left alone
    return "".join(p if i % 2 else DOI_URL_RE.sub(_doi_link, p) for i, p in enumerate(parts))


def name_text(name: dict[str, Any]) -> str:
    """A display form of a CSL name: 'Given Family' or the literal."""
    if "literal" in name:
        return str(name["literal"])
    parts = [
        name.get("given"),
        name.get("dropping-particle"),
        name.get("non-dropping-particle"),
        name.get("family"),
        name.get("suffix"),
    ]
    return " ".join(str(p) for p in parts if p)


FILTERS = {"iso": iso, "name_text": name_text, "doi_url": doi_url, "pmid_url": pmid_url, "provenance": provenance_note}


def ref_views(content: Content, cited: Cited) -> list[RefView]:
    """References in the default style's bibliography order, with slugs and per-style entries."""
    slugs = unique_slugs([r.id for r in content.references])
    by_id = {r.id: r for r in content.references}
    views = []
    for ref_id in cited.default.order:
        ref = by_id[ref_id]
        entries = {s.name: Markup(link_dois(s.entries[ref_id])) for s in cited.styles}
        views.append(
            RefView(
                id=ref_id,
                slug=slugs[ref_id],
                item=ref.item,
                entry=entries[cited.default.name],
                entries=entries,
                year=year_of(ref.item.get("issued")),
                type_label=TYPE_LABELS.get(ref.item.get("type", ""), ref.item.get("type", "").replace("-", " ")),
                authors=tuple(name_text(n) for n in ref.item.get("author") or ref.item.get("editor") or []),
                url=f"references/{slugs[ref_id]}/",
            )
        )
    return views


def build_date() -> str:
    """The build date from SOURCE_DATE_EPOCH (reproducible builds), or "" so that output never depends on the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ""
    return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()


def relative_root(rel: str) -> str:
    """The relative prefix from the page at rel (e.g. 'references/x/index.html') to the site root."""
    depth = rel.count("/")
    return "../" * depth


@dataclass(frozen=True)
class StyleInfo:
    """What templates see of a style: its name, title, whether its entries are numbered and the width of the
    numbers' column in characters (browse.margin_chars)."""

    name: str
    title: str
    second_field_align: bool
    margin: int = 0


@dataclass
class Reuse:
    """What the previous build left to reuse: its output directory, its records (page traces, per-reference texts)
    and, when its output is intact, its ledger."""

    previous: Path | None = None
    records: dict[str, ShardedRecord] = field(default_factory=dict)  # by name (TRACES, TRACE_REFS, EXPORTS)
    ledger: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # when the previous output is intact

    def data(self, name: str) -> dict[str, Any]:
        """A record's entries ({} when there is none)."""
        record = self.records.get(name)
        return record.data if record is not None else {}

    def files(self, name: str, value: dict[str, Any]) -> dict[str, bytes]:
        """The files keeping value as the record name for the next build."""
        record = self.records.get(name) or ShardedRecord(None, name, code_fingerprint())
        return record.files(value)


def render_version(templates: Path) -> str:
    """A digest of what renders pages besides their data: the code and every template file."""
    digest = hashlib.sha256(code_fingerprint().encode())
    add_files(digest, templates, (p for p in templates.rglob("*") if p.is_file()))
    return digest.hexdigest()


def cluster_linker(cited: Cited, by_id: dict[str, RefView], study_present: bool, root: str) -> Callable[[int], str]:
    """The HTML of citation cluster i on a page at `root`: the style's text, linked to the first work's entry."""

    def cluster_html(i: int) -> str:
        cluster = cited.clusters[i]
        first = by_id[cluster.cites[0].id]
        ids = " ".join(c.id for c in cluster.cites)
        # A bibliography site has no list of the study's references to point into: the reference's page.
        target = f"#ref-{first.slug}" if study_present else first.url
        return (
            f'<span class="citation" id="cite-{i}" data-cites="{escape(ids)}" data-cluster="{i}">'
            f'<a href="{root}{target}">{cited.default.citations[i]}</a></span>'
        )

    return cluster_html


class Traced:
    """A template function with a `trace_key` naming everything its results depend on, so that reuse/pages.py can
    digest a page that calls it (a plain function makes the page untraceable: rendered on every build)."""

    def __init__(self, fn: Callable[..., Any], trace_key: str) -> None:
        self.fn = fn
        self.trace_key = trace_key

    def __call__(self, *args: Any) -> Any:
        """fn(*args)."""
        return self.fn(*args)


def review_setup(
    env: Any, config: SiteConfig, content: Content, cited: Cited, refs: list[RefView]
) -> tuple[Review, dict[str, Any], str]:
    """The reviewer's notes and themes (with the `remark` filter added to env), the template variables every page
    may read of them (one object per build: a page's trace digests it once) and markdown_key."""
    by_id = {r.id: r for r in refs}
    review = review_of(content, cited, refs)
    env.filters["remark"] = remark_filter(cited, by_id, content.study.present, config.markdown_html == "sanitize")
    return review, review.context(), markdown_key(config, content, cited, by_id)


def markdown_key(config: SiteConfig, content: Content, cited: Cited, by_id: dict[str, RefView]) -> str:
    """What a page's `markdown` renders depends on (but for the page's root): each document with its clusters' texts
    and targets (remark_of), how raw HTML is treated and whether links point into the study's list."""
    docs = digest([(str(path), remark_of(doc, cited, by_id)) for path, doc in cited.docs.items()])
    return f"{docs}|{config.markdown_html}|{content.study.present}"


def remark_filter(
    cited: Cited, by_id: dict[str, RefView], study_present: bool, sanitize: bool
) -> Callable[..., Markup]:
    """The `remark` template filter: a note's or a theme's Markdown with its citations linked, on a page at root."""

    def remark_html(remark: Remark, root: str) -> Markup:
        from litsite.render.markdown import render_markdown

        linked = cluster_linker(cited, by_id, study_present, root)
        return Markup(render_markdown(remark.doc, linked, sanitize))

    return remark_html


def plan_pages(
    page: Callable[..., None], config: SiteConfig, content: Content, refs: list[RefView], review: Review | None = None
) -> None:
    """Name each page made from the sources to `page`: the study (or a bibliography's home), references, extra pages,
    the reviewer's themes, 404."""
    study_html_path = content.study.page.path
    if content.study.present:
        page("index.html", "study.html", abstract_path=study_html_path)
        page("references/index.html", "references.html")
    else:  # a bibliography site: the references index is the home page, introduced by study.md's text if any
        # (a Remark, not `markdown`: a page's trace can digest it, so the index is reused when nothing it shows changed)
        intro = review.intro if review else None
        page("index.html", "references.html", home=True, intro=intro)
    notes = review.notes if review else {}
    for ref in refs:
        page(f"{ref.url}index.html", "reference.html", ref=ref, note=notes.get(ref.id))
    slugs = unique_slugs([p.slug for p in content.pages])
    for extra in content.pages:
        page(posixpath.join(slugs[extra.slug], "index.html"), "page.html", page=extra)
    if review:
        plan_review_pages(page, review)
    if (config.root / "templates" / "404.html").is_file():
        # Served for a missing path at any depth, so its links are absolute paths under the base URL.
        page("404.html", "404.html", root=base_path(config.base_url))


def render_site(
    config: SiteConfig,
    content: Content,
    cited: Cited,
    static: dict[str, bytes],
    progress: ProgressFn = quiet,
    reuse: Reuse | None = None,
    workers: int = 1,
) -> SiteFiles:
    """Render every page of the site into SiteFiles.

    With reuse, pages whose inputs did not change are taken from the previous output (see pagecache.py), and the
    files include this build's page traces and export texts for the next build (kept in the project's .litsite/).
    workers: processes that render pages (forked; only from a process without threads).
    """
    templates = config.root / "templates"
    env = make_env(templates, FILTERS)
    files = SiteFiles()
    refs = ref_views(content, cited)
    by_id = {r.id: r for r in refs}
    review, shared, docs_key = review_setup(env, config, content, cited, refs)
    keeping = reuse is not None  # keep this build's traces and export texts for the next one
    reuse = reuse or Reuse()
    browse = Browse(config, content, cited, refs, export_memo=Memo(reuse.data(EXPORTS)))
    styles = tuple(
        StyleInfo(s.name, s.title, s.second_field_align, margin_chars(s.entries.values())) for s in cited.styles
    )
    version = render_version(templates)
    traces = {**reuse.data(TRACE_REFS), "pages": reuse.data(TRACES)}
    pages = PageCache(env, version, reuse.previous, traces, by_id, reuse.ledger, LOCAL_CALLS, browse.scope())
    parallel = Parallel(workers)
    browse.prefetch_exports(parallel)  # before pages are rendered in other processes, which could not keep them
    jobs: list[tuple[str, str, dict[str, Any]]] = []
    refs_url = "references/" if content.study.present else ""  # where the references index is, from the root

    def page(rel: str, template: str, root: str | None = None, **ctx: Any) -> None:
        root = relative_root(rel) if root is None else root

        def markdown(doc_path: Path) -> Markup:
            from litsite.render.markdown import (
                render_markdown,  # only when a page with Markdown is rendered (30 ms to import)
            )

            linked = cluster_linker(cited, by_id, content.study.present, root)
            return Markup(render_markdown(cited.docs[doc_path], linked, config.markdown_html == "sanitize"))

        canonical = config.base_url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        context = {
            "site": config,
            "root": root,
            "rel": rel,
            "canonical": canonical,
            "refs": refs,
            "styles": styles,
            "study": content.study,
            "refs_url": refs_url,
            "markdown": Traced(markdown, f"{docs_key}|{root}"),
            "browse": browse,
            "build_date": build_date(),
            **shared,
            **ctx,
        }
        jobs.append((rel, template, context))

    plan_pages(page, config, content, refs, review)
    add_browse_pages(page, files, browse)

    def tell(done: int, total: int) -> None:
        progress("rendering pages", done, total)

    rendered = pages.render_all(jobs, lambda name, ctx: render_template(env, name, ctx), parallel, tell)
    for (rel, _, _), data in zip(jobs, rendered, strict=True):
        files.add(rel, data)
    files.add_all(static)
    if keeping:
        traces = pages.traces()
        files.add_all(reuse.files(TRACES, traces.pop("pages")))
        files.add_all(reuse.files(TRACE_REFS, traces))
        files.add_all(reuse.files(EXPORTS, browse.export_memo.used))
    return files
