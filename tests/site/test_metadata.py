"""The study page's Google Scholar / Dublin Core / OpenGraph tags and JSON-LD; COinS and DOI links on every list."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from litsite.site import metadata


class Page(HTMLParser):
    """Collects meta tags, JSON-LD scripts, COinS spans and links of one HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.jsonld: list[str] = []
        self.coins: list[str] = []
        self.links: list[str] = []
        self._script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and ("name" in a or "property" in a):
            self.meta.append((a.get("name") or a.get("property") or "", a.get("content") or ""))
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._script = True
            self.jsonld.append("")
        elif tag == "span" and "Z3988" in (a.get("class") or "").split():
            self.coins.append(a.get("title") or "")
        elif tag == "a":
            self.links.append(a.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.jsonld[-1] += data

    def values(self, name: str) -> list[str]:
        return [c for n, c in self.meta if n == name]


def study(example_site: Path) -> Page:
    return Page((example_site / "index.html").read_text(encoding="utf-8"))


def test_highwire_tags(example_site: Path):
    page = study(example_site)
    one = {
        "citation_title": "Peer Worker Roles and Risk in Mental Health Services: A Qualitative Comparative Case Study",
        "citation_publication_date": "2015/05",
        "citation_online_date": "2015/02/18",
        "citation_journal_title": "Community Mental Health Journal",
        "citation_volume": "51",
        "citation_issue": "4",
        "citation_firstpage": "477",
        "citation_lastpage": "490",
        "citation_doi": "10.1007/s10597-015-9843-y",
        "citation_keywords": "Peer support; Well-being; Risk management; Qualitative research",
        "citation_abstract_html_url": "https://example.org/site/",
    }
    for name, value in one.items():
        assert page.values(name) == [value], name
    assert page.values("citation_author") == ["Holley, Jessica", "Gillard, Steve", "Gibson, Sarah"]
    refs = page.values("citation_reference")
    assert len(refs) == 49
    berry = next(r for r in refs if "Another rather than other" in r)
    assert berry == (
        "citation_title=Another rather than other: experiences of peer support specialist workers and their managers"
        " working in mental health services; citation_author=Berry, C.; citation_author=Hayward, M.;"
        " citation_author=Chandler, R.; citation_journal_title=Journal of Public Mental Health;"
        " citation_publication_date=2011; citation_volume=10; citation_firstpage=238; citation_lastpage=250;"
    )


def test_dublin_core_and_opengraph(example_site: Path):
    page = study(example_site)
    assert page.values("DC.title") == page.values("citation_title")
    assert page.values("DC.creator") == ["Holley, Jessica", "Gillard, Steve", "Gibson, Sarah"]
    assert page.values("DC.identifier") == ["doi:10.1007/s10597-015-9843-y"]
    assert page.values("og:type") == ["article"]
    assert page.values("og:url") == ["https://example.org/site/"]


def test_json_ld_scholarly_article_cites_every_reference(example_site: Path):
    page = study(example_site)
    assert len(page.jsonld) == 1
    data = json.loads(page.jsonld[0])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"].startswith("Peer Worker Roles")
    assert [a["familyName"] for a in data["author"]] == ["Holley", "Gillard", "Gibson"]
    assert data["identifier"]["value"] == "10.1007/s10597-015-9843-y"
    assert len(data["citation"]) == 49
    assert {c["@type"] for c in data["citation"]} >= {"ScholarlyArticle", "Book", "Chapter"}


def test_json_ld_cannot_close_its_script():
    item = {"type": "article-journal", "title": "</script><script>alert(1)</script> <!-- x"}
    text = str(metadata.json_ld(item, [], "https://example.org/", [metadata.work_json(item)]))
    assert "<" not in text and ">" not in text
    assert json.loads(text)["name"] == item["title"]


def test_every_list_has_coins_and_visible_doi_links(example_site: Path):
    for rel in ("index.html", "references/index.html"):
        page = Page((example_site / rel).read_text(encoding="utf-8"))
        assert len(page.coins) == 49, rel
        assert all(c.startswith("ctx_ver=Z39.88-2004&rft_val_fmt=info") for c in page.coins)
    html = (example_site / "references" / "gillard2014a" / "index.html").read_text(encoding="utf-8")
    page = Page(html)
    # Its own work only, so that a reference manager saves this work (not a choice among its related works).
    assert len(page.coins) == 1 and "10.3310%2Fhsdr02190" in page.coins[0]
    assert "https://doi.org/10.3310/hsdr02190" in page.links
    assert ">https://doi.org/10.3310/hsdr02190</a>" in html
