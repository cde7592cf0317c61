"""The render stage: Jinja2 templates + Markdown → SiteFiles (no disk writes)."""

from __future__ import annotations

import hashlib
import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from litsite.cite.anchors import cluster_attributes
from litsite.cite.stage import Cited
from litsite.csl.memo import Memo
from litsite.load.config import SiteConfig
from litsite.load.content import Content
from litsite.load.dates import iso, year_of
from litsite.parallel import Parallel
from litsite.progress import quiet
from litsite.render.review import Remark, Review, remark_of, review_of
from litsite.render.templating import make_env, render_template
from litsite.reuse.fingerprint import add_files, code_fingerprint
from litsite.reuse.pages import PageCache, digest
from litsite.reuse.state import Reuse
from litsite.reuse.store import EXPORTS, TRACE_REFS, TRACES
from litsite.safety import doi_url, pmid_url
from litsite.site.browse import LOCAL_CALLS, Browse, margin_chars
from litsite.site.provenance import provenance_note
from litsite.site.publish import PUBLISH_KINDS, page_url, publish_file
from litsite.site.routes import Route, reference_url
from litsite.slugs import unique_slugs
from litsite.write.writer import SiteFiles, file_digest

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


def ref_views(content: Content, cited: Cited, known: dict[str, Any] | None = None) -> list[RefView]:
    """References in the default style's bibliography order, with slugs and per-style entries. known: the views of
    the last build of this process (by id, with what made them), updated to this build's; a view made of the same
    item object, slug and entries is the same view, handed out again (so that page reuse digests it once)."""
    slugs = unique_slugs([r.id for r in content.references])
    by_id = {r.id: r for r in content.references}
    last = dict(known or {})
    made: dict[str, Any] = {}
    views = []
    for ref_id in cited.default.order:
        ref = by_id[ref_id]
        raw = tuple((s.name, s.entries[ref_id]) for s in cited.styles)
        old = last.get(ref_id)
        if old is not None and old[0] is ref.item and old[1] == (slugs[ref_id], raw, cited.default.name):
            views.append(old[2])
        else:
            views.append(_ref_view(ref, slugs[ref_id], dict(raw), cited.default.name))
        made[ref_id] = (ref.item, (slugs[ref_id], raw, cited.default.name), views[-1])
    if known is not None:
        known.clear()
        known.update(made)
    return views


def _ref_view(ref: Any, slug: str, raw: dict[str, str], default: str) -> RefView:
    """The view of one reference (slug: its page's; raw: its entry in each style, by style name)."""
    entries = {name: Markup(link_dois(text)) for name, text in raw.items()}
    return RefView(
        id=ref.id,
        slug=slug,
        item=ref.item,
        entry=entries[default],
        entries=entries,
        year=year_of(ref.item.get("issued")),
        type_label=TYPE_LABELS.get(ref.item.get("type", ""), ref.item.get("type", "").replace("-", " ")),
        authors=tuple(name_text(n) for n in ref.item.get("author") or ref.item.get("editor") or []),
        url=reference_url(slug),
    )


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
        # A bibliography site has no list of the study's references to point into: the reference's page.
        target = f"#ref-{first.slug}" if study_present else first.url
        return (
            f'<span class="citation"{cluster_attributes(cluster, i)}>'
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
    env: Any, config: SiteConfig, content: Content, cited: Cited, refs: list[RefView], kept: dict[str, Any]
) -> tuple[Review, dict[str, Any], str]:
    """The reviewer's notes and themes (with the `remark` filter added to env), the template variables every page
    may read of them (one object per build: a page's trace digests it once) and markdown_key (kept: the last build's
    note views, review_of)."""
    by_id = {r.id: r for r in refs}
    review = review_of(content, cited, refs, kept)
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


def render_site(
    config: SiteConfig,
    content: Content,
    cited: Cited,
    static: dict[str, bytes],
    progress: ProgressFn = quiet,
    reuse: Reuse | None = None,
    workers: int = 1,
) -> SiteFiles:
    """Render every page and make every file of the site's route table (site/routes.py) into SiteFiles.

    With reuse, pages whose inputs did not change are taken from the previous output (see reuse/pages.py), and this
    build's page traces and export texts are handed to it for the next build. workers: processes that render pages
    (forked; only from a process without threads).
    """
    reuse = reuse or Reuse()
    version = render_version(config.root / "templates")
    refs = ref_views(content, cited, reuse.held("ref-views", version, dict))
    memo, kept = Memo(reuse.data(EXPORTS)), reuse.held("browse", version, dict)
    browse = Browse(config, content, cited, refs, export_memo=memo, static=tuple(static), kept=kept)
    parallel = Parallel(workers)
    browse.prefetch_exports(parallel)  # before pages are rendered in other processes, which could not keep them
    # The environment keeps its compiled templates: the preview's next build reuses it while they are the same.
    env = reuse.held("jinja", version, lambda: make_env(config.root / "templates", FILTERS))
    review = review_setup(env, config, content, cited, browse.refs, reuse.held("note-views", version, dict))
    pages = PageCache(
        env,
        version,
        reuse.previous,
        {**reuse.data(TRACE_REFS), "pages": reuse.data(TRACES)},
        browse.by_id,
        reuse.ledger,
        LOCAL_CALLS,
        browse.scope(),
        reuse.held("view-digests", version, dict),
        reuse.held("value-digests", version, dict),
        reuse.held("trace-calls", version, dict),
    )
    routes = browse.routes.pages()
    jobs = page_jobs(routes, config, content, cited, browse, review)

    def tell(done: int, total: int) -> None:
        progress("rendering pages", done, total)

    rendered = pages.render_all(jobs, lambda name, ctx: render_template(env, name, ctx), parallel, tell)
    files = SiteFiles()
    for route, data in zip(routes, rendered, strict=True):
        files.add(route.path, data)
    add_files_made(files, browse, static, reuse.held("file-bytes", version, dict))
    browse.keep_digests()
    if reuse.keeping:
        traces = pages.traces()
        reuse.keep(TRACES, traces.pop("pages"))
        reuse.keep(TRACE_REFS, traces)
        reuse.keep(EXPORTS, browse.export_memo.used)
    return files


def page_jobs(
    routes: list[Route],
    config: SiteConfig,
    content: Content,
    cited: Cited,
    browse: Browse,
    review: tuple[Review, dict[str, Any], str],
) -> list[tuple[str, str, dict[str, Any]]]:
    """(path, template, context) of each page route: the variables every page gets, and the route's own."""
    notes, shared, docs_key = review[0], review[1], review[2]
    common = {
        "site": config,
        "refs": browse.refs,
        "styles": tuple(
            StyleInfo(s.name, s.title, s.second_field_align, margin_chars(s.entries.values())) for s in cited.styles
        ),
        "study": content.study,
        "refs_url": browse.routes.first("references").url,  # where the references index is, from the root
        "browse": browse,
        "build_date": build_date(),
        **shared,
    }
    jobs = []
    for route in routes:
        root = relative_root(route.path) if route.root is None else route.root
        markdown = Traced(markdown_renderer(config, content, cited, browse.by_id, root), f"{docs_key}|{root}")
        canonical = page_url(config.base_url, route.path)
        context = {**common, "root": root, "rel": route.path, "canonical": canonical, "markdown": markdown}
        jobs.append((route.path, str(route.template), {**context, **route.context, **review_context(route, notes)}))
    return jobs


def review_context(route: Route, review: Review) -> dict[str, Any]:
    """What a route's page shows of the reviewer's notes and themes: a reference's note, a theme, a bibliography
    site's introduction (Remarks: a page's trace digests them)."""
    if route.kind == "reference":
        return {"note": review.notes.get(route.context["ref"].id)}
    if route.kind == "theme":
        return {"theme": next(t for t in review.themes if t.link.slug == route.context["theme_slug"])}
    if route.context.get("home"):
        return {"intro": review.intro}
    return {}


def markdown_renderer(
    config: SiteConfig, content: Content, cited: Cited, by_id: dict[str, RefView], root: str
) -> Callable[[Path], Markup]:
    """The `markdown` of a page at root: a document's HTML, its citations linked."""

    def markdown(doc_path: Path) -> Markup:
        from litsite.render.markdown import render_markdown  # only when a page with Markdown is rendered (30 ms)

        linked = cluster_linker(cited, by_id, content.study.present, root)
        return Markup(render_markdown(cited.docs[doc_path], linked, config.markdown_html == "sanitize"))

    return markdown


def add_files_made(files: SiteFiles, browse: Browse, static: dict[str, bytes], kept: dict[int, Any]) -> None:
    """Add the files made by code (make_file). A text that is the same object as in the last build of this process
    (a reference's own download, from the kept export texts) keeps its bytes and digest (kept: by text object)."""
    last = dict(kept)
    kept.clear()
    for route in browse.routes.files():
        made = make_file(route, browse, static)
        if not isinstance(made, str):
            files.add(route.path, made)
            continue
        found = last.get(id(made))
        if found is None or found[0] is not made:
            data = made.encode("utf-8")
            found = (made, data, file_digest(data))
        kept[id(made)] = found  # (keeps the text alive, so its id is not reused)
        files.add(route.path, found[1], found[2])


def make_file(route: Route, browse: Browse, static: dict[str, bytes]) -> bytes | str:
    """The bytes of a route made by code: a static file, what publishing needs, or a download or data file."""
    if route.kind == "static":
        return static[route.path]
    if route.kind in PUBLISH_KINDS:
        return publish_file(route, browse.config, browse.routes)
    return browse.file(route)
