"""The route table: every page and file of the site, from its source to its URL to what makes it, in one place.

The render stage renders the pages and makes the files it lists, links (navigation, "cited in", a reference's or an
author's address) are its URLs, the sitemap lists its pages, the preview serves its 404 page. Each kind of page or
file is one function of the site's parts that yields its routes; `KINDS` lists them in the order the site is made.

Adding a page kind is one function here, added to `KINDS` (plus its template): e.g. for content/notes/ID.md

    def notes(parts: SiteParts) -> Iterator[Route]:
        for note in parts.content.notes:
            yield Route(f"notes/{note.slug}/index.html", "note.html", "note", note.path, note.title, {"note": note})

and the note's page is rendered, listed in the sitemap and linked by `Routes.of_source(note.path).url`. A kind that
makes a new top-level folder also reserves it in load.content.GENERATED_DIRS (so that no extra page takes it; the
load stage cannot import this one), which tests/site/test_routes.py checks.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from litsite.slugs import slugify, unique_slugs

if TYPE_CHECKING:
    from litsite.load.config import SiteConfig
    from litsite.load.content import Content
    from litsite.site.authors import Author, Keyword

NOT_FOUND = "404.html"  # the page served for a missing path (by GitHub Pages, and by the preview)
EXPORTS = ("bib", "json", "ris")  # a reference's own files, beside its page


def url_of(path: str) -> str:
    """The URL of an output file from the site root: a directory URL for an index.html page."""
    if path == "index.html":
        return ""
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def reference_url(slug: str) -> str:
    """A reference's page, from the site root."""
    return f"references/{slug}/"


def author_url(slug: str) -> str:
    """An author's page, from the site root."""
    return f"authors/{slug}/"


def keyword_url(slug: str) -> str:
    """A keyword's page, from the site root."""
    return f"keywords/{slug}/"


def theme_url(slug: str) -> str:
    """A theme's page, from the site root."""
    return f"themes/{slug}/"


def style_data_path(name: str) -> str:
    """The switcher's data file of a style, from the site root."""
    return f"data/styles/{slugify(name)}.json"


@dataclass(frozen=True)
class Route:
    """One page or file of the site: where it is (path), the template that renders a page (None: a file made by
    code, named by kind), the source file it shows and the title links give it, and its own template variables."""

    path: str
    template: str | None
    kind: str
    source: Path | None = None
    title: str = ""
    context: Mapping[str, Any] = field(default_factory=dict)
    root: str | None = None  # the prefix to the site root, when not relative to path (404.html: absolute)

    @property
    def url(self) -> str:
        """The route's URL from the site root."""
        return url_of(self.path)

    @property
    def in_sitemap(self) -> bool:
        """Whether sitemap.xml lists it: every HTML page but the 404 page."""
        return self.path.endswith(".html") and self.path != NOT_FOUND


@dataclass(frozen=True)
class SiteParts:
    """What the routes are made from: the sources, the references (RefViews, in the default style's order), the
    authors and keywords, the styles offered and the static files."""

    config: SiteConfig
    content: Content
    refs: list[Any]
    authors: list[Author]
    keywords: list[Keyword]
    styles: tuple[str, ...]
    static: tuple[str, ...]


def home(parts: SiteParts) -> Iterator[Route]:
    """The study and the references index; a bibliography site's home is the index, introduced by study.md's text."""
    study = parts.content.study
    if study.present:
        context = {"abstract_path": study.page.path}
        yield Route("index.html", "study.html", "study", study.page.path, "the study", context)
        yield Route("references/index.html", "references.html", "references")
    else:
        context = {"home": True}  # (the introduction, study.md's text, is a Remark: render/pages.review_context)
        yield Route("index.html", "references.html", "references", study.page.path, "the introduction", context)


def references(parts: SiteParts) -> Iterator[Route]:
    """A page per reference, and its BibTeX, CSL-JSON and RIS files beside it."""
    for ref in parts.refs:
        yield Route(f"{ref.url}index.html", "reference.html", "reference", context={"ref": ref})
    for ref in parts.refs:
        for ext in EXPORTS:
            yield Route(f"{ref.url}{ref.slug}.{ext}", None, "export", context={"ref": ref, "ext": ext})


def extra_pages(parts: SiteParts) -> Iterator[Route]:
    """content/pages/*.md, each at its (unique) slug."""
    slugs = unique_slugs([p.slug for p in parts.content.pages])
    for page in parts.content.pages:
        title = str(page.meta.get("title") or page.slug)
        path = posixpath.join(slugs[page.slug], "index.html")
        yield Route(path, "page.html", "page", page.path, title, {"page": page})


def themes(parts: SiteParts) -> Iterator[Route]:
    """The reviewer's themes (content/themes/SLUG.md): an index with counts and a page per theme, in title order."""
    if not parts.content.themes:
        return
    yield Route("themes/index.html", "themes.html", "themes", title="Themes")
    for theme in sorted(parts.content.themes, key=lambda t: (t.title.casefold(), t.slug)):
        context = {"theme_slug": theme.slug}
        yield Route(f"{theme_url(theme.slug)}index.html", "theme.html", "theme", theme.page.path, theme.title, context)


def people(parts: SiteParts) -> Iterator[Route]:
    """The authors index and a page per author; the keywords index and a page per keyword, when there are any."""
    yield Route("authors/index.html", "authors.html", "authors")
    for author in parts.authors:
        yield Route(f"{author_url(author.slug)}index.html", "author.html", "author", context={"author": author})
    if parts.keywords:
        yield Route("keywords/index.html", "keywords.html", "keywords")
        for kw in parts.keywords:
            yield Route(f"{keyword_url(kw.slug)}index.html", "keyword.html", "keyword", context={"keyword": kw})


def downloads(parts: SiteParts) -> Iterator[Route]:
    """The whole list as BibTeX, RIS and CSL-JSON, each style's data for the switcher, the search index."""
    for ext in ("bib", "ris", "json"):
        yield Route(f"references.{ext}", None, "download", context={"ext": ext})
    for name in parts.styles:
        yield Route(style_data_path(name), None, "style-data", context={"style": name})
    yield Route("data/search.json", None, "search-index")


def static(parts: SiteParts) -> Iterator[Route]:
    """templates/static/, as it is."""
    for path in parts.static:
        yield Route(path, None, "static")


def base_path(base_url: str) -> str:
    """The path part of a base URL, with leading and trailing slash: 'https://u.github.io/repo/' → '/repo/'."""
    path = urlsplit(base_url).path or "/"
    path = "/" + path.strip("/") + "/"
    return "/" if path == "//" else path


def is_absolute(base_url: str) -> bool:
    """True when the base URL names a scheme and host (sitemaps need absolute URLs)."""
    parts = urlsplit(base_url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def publishing(parts: SiteParts) -> Iterator[Route]:
    """The 404 page (when the templates have one), and what hosts read: sitemap.xml (for an absolute base URL, which
    sitemaps need), robots.txt, .nojekyll."""
    if (parts.config.root / "templates" / NOT_FOUND).is_file():
        # Served for a missing path at any depth, so its links are absolute paths under the base URL.
        yield Route(NOT_FOUND, NOT_FOUND, "not-found", root=base_path(parts.config.base_url))
    if is_absolute(parts.config.base_url):
        yield Route("sitemap.xml", None, "sitemap")
    yield Route("robots.txt", None, "robots")
    yield Route(".nojekyll", None, "nojekyll")


RouteKind = Callable[[SiteParts], Iterable[Route]]
KINDS: tuple[RouteKind, ...] = (home, references, extra_pages, themes, people, downloads, static, publishing)


class Routes:
    """The site's route table (see the module); a path is routed once."""

    def __init__(self, routes: Iterable[Route]) -> None:
        self.all: tuple[Route, ...] = tuple(routes)
        self._by_path: dict[str, Route] = {}
        for route in self.all:
            if route.path in self._by_path:
                raise ValueError(f"two pages want to write {route.path!r}")
            self._by_path[route.path] = route
        self._by_source = {route.source: route for route in self.all if route.source is not None}

    def pages(self) -> list[Route]:
        """The routes rendered from a template, in the table's order."""
        return [route for route in self.all if route.template is not None]

    def files(self) -> list[Route]:
        """The routes made by code, in the table's order."""
        return [route for route in self.all if route.template is None]

    def first(self, kind: str) -> Route:
        """The first route of a kind (e.g. "references", the references index)."""
        return next(route for route in self.all if route.kind == kind)

    def of_source(self, source: Path) -> Route:
        """The page that shows a source file (the study, an extra page)."""
        return self._by_source[source]

    def sitemap(self) -> list[str]:
        """The paths the sitemap lists, sorted."""
        return sorted(route.path for route in self.all if route.in_sitemap)

    def __contains__(self, path: str) -> bool:
        return path in self._by_path


def route_table(parts: SiteParts, kinds: Iterable[RouteKind] | None = None) -> Routes:
    """Every route of the site (of KINDS unless kinds are given)."""
    return Routes(route for kind in (KINDS if kinds is None else kinds) for route in kind(parts))
