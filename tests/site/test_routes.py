"""The route table is the site: every file a build writes is a route, the sitemap lists its pages, a page kind added
in one place is rendered, linked and listed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from trees import tree

from litsite.load.content import GENERATED_DIRS
from litsite.pipeline import build_site, load_sources
from litsite.site import routes
from litsite.site.routes import Route, SiteParts, url_of


def test_url_of():
    assert url_of("index.html") == ""
    assert url_of("references/berry2011/index.html") == "references/berry2011/"
    assert url_of("references.bib") == "references.bib"
    assert url_of("404.html") == "404.html"


def test_every_file_of_the_site_is_a_route(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    made: list[routes.Routes] = []
    real = routes.route_table
    monkeypatch.setattr("litsite.site.browse.route_table", lambda parts: made.append(real(parts)) or made[-1])
    out = build_site(project, tmp_path / "out", base_url="https://example.org/site/")
    (table,) = made
    _, content = load_sources(project)
    assert table.of_source(content.study.page.path).url == "" and table.first("references").url == "references/"
    assert sorted(tree(out)) == sorted(route.path for route in table.all)
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    listed = [line.split("<loc>")[1].split("</loc>")[0] for line in sitemap.splitlines() if "<loc>" in line]
    assert listed == [f"https://example.org/site/{url_of(p)}" for p in table.sitemap()]
    assert "https://example.org/site/404.html" not in listed and "https://example.org/site/" in listed
    # The folders the build makes are reserved: no extra page may take one (load.content.GENERATED_DIRS).
    made_dirs = {route.path.split("/")[0] for route in table.all if "/" in route.path and route.kind != "page"}
    assert made_dirs <= GENERATED_DIRS


def test_a_page_kind_is_one_function_in_kinds(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """As a notes or themes page would be added: a function of the site's parts, in KINDS."""
    pages = project / "content" / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("---\ntitle: About\n---\nAs [@berry2011] says.\n", encoding="utf-8")
    _, content = load_sources(project)
    about = content.pages[0]

    def notes(parts: SiteParts) -> Iterator[Route]:
        yield Route("notes/first/index.html", "page.html", "note", context={"page": about})

    monkeypatch.setattr(routes, "KINDS", (*routes.KINDS, notes))
    out = build_site(project, tmp_path / "out", base_url="https://example.org/")
    html = (out / "notes" / "first" / "index.html").read_text(encoding="utf-8")
    assert "About" in html and '<a href="../../#ref-berry2011">' in html  # at its depth, its citation linked
    assert "https://example.org/notes/first/" in (out / "sitemap.xml").read_text(encoding="utf-8")
