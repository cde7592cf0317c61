"""What a first-time reader sees (issue 17): numbered entries laid out in a column, extra pages in the navigation,
the style menu's labels, the key to cite on each reference page, provenance in a reader's words."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from trees import tree

from litsite.pipeline import build_site
from litsite.site.browse import margin_chars
from litsite.site.provenance import fields_in_words, provenance_note

REPO = Path(__file__).resolve().parents[2]
ENTRY = re.compile(r'<div class="csl-left-margin">([^<]*)</div><div class="csl-right-inline">')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site with Vancouver as the default style and three extra pages."""
    project = tmp_path_factory.mktemp("project")
    for name in ("site.yaml", "content", "templates"):
        src = REPO / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
    config = project / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("style: apa", "style: vancouver-nlm"), "utf-8")
    pages = project / "content" / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("---\ntitle: About this site\nnav_order: 2\n---\nWho made it.\n", "utf-8")
    (pages / "method.md").write_text("---\ntitle: Method\nnav_order: 1\n---\nHow.\n", "utf-8")
    (pages / "faq.md").write_text("---\ntitle: Questions\n---\nWhy [@berry2011].\n", "utf-8")
    (pages / "findings.md").write_text("---\ntitle: Findings\n---\nWhat.\n", "utf-8")
    return build_site(project, tmp_path_factory.mktemp("out") / "site", base_url="https://example.org/")


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_margin_chars_is_the_widest_number():
    entries = ['<div class="csl-left-margin">[9]</div><div class="csl-right-inline">A</div>']
    entries.append('<div class="csl-left-margin">[10]</div><div class="csl-right-inline">B</div>')
    assert margin_chars(entries) == 4
    assert margin_chars(["Berry, C. (2011). A."]) == 0
    assert margin_chars(['<div class="csl-left-margin">&lt;12345678901&gt;</div>']) == 8  # the widest the CSS sizes


def test_numbered_entries_keep_citeproc_js_markup_in_every_view(site: Path):
    study, index = read(site, "index.html"), read(site, "references/index.html")
    reference = read(site, "references/gillard2013/index.html")
    assert '<body data-root="" data-style="vancouver-nlm" class="lm-3">' in study  # "49." is the widest number
    for html in (study, index):
        assert '<ol class="bibliography numbered"' in html
        items = re.findall(r'<li[^>]* class="csl-entry" data-ref-id="([^"]+)">(.*?)</li>', html)
        assert len(items) == 49
        assert all(ENTRY.match(entry) for _, entry in items), "each entry starts with its number, then the rest"
        assert [ENTRY.match(e).group(1) for _, e in items] == [f"{n}." for n in range(1, 50)]
    main = re.search(r'<div class="csl-entry" data-ref-id="gillard2013">(.*?)</div>\n', reference).group(1)
    assert ENTRY.match(main).group(1) == "16."
    # "In each style": the numbered style's entry has its column width, the author-date ones are text
    styles = dict(re.findall(r"<dt>([^<]+)</dt><dd(?: class=\"lm-\d\")?>(.*?)</dd>", reference))
    assert ENTRY.match(styles["Vancouver - NLM (citation-sequence)"]).group(1) == "16."
    assert '<dd class="lm-3"><div class="csl-left-margin">16.' in reference
    assert styles["APA Style 7th edition"].startswith("Gillard, S., Edwards, C.")
    # the switcher's data says how wide the column is
    for name, margin in (("vancouver-nlm", 3), ("apa", 0)):
        data = json.loads(read(site, f"data/styles/{name}.json"))
        assert (data["numbered"], data["margin"]) == (margin > 0, margin)


def test_extra_pages_are_in_the_navigation_by_nav_order_then_title(site: Path):
    for rel, root in (("index.html", ""), ("references/berry2011/index.html", "../../"), ("faq/index.html", "../")):
        nav = re.search(r'<nav aria-label="Site">(.*?)</nav>', read(site, rel), re.S).group(1)
        links = re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)
        assert links[4] == (f"{root}themes/", "Themes")  # the example site's reviewer has themes
        assert links[5:] == [
            (f"{root}method/", "Method"),
            (f"{root}about/", "About this site"),
            (f"{root}findings/", "Findings"),
            (f"{root}faq/", "Questions"),
        ]
    assert '<a href="../faq/" aria-current="page">Questions</a>' in read(site, "faq/index.html")


def test_style_menu_shows_labels_from_site_yaml_else_titles(site: Path):
    options = re.findall(r'<option value="([^"]+)"[^>]*>([^<]+)</option>', read(site, "index.html"))
    assert options == [
        ("vancouver-nlm", "Vancouver (NLM)"),
        ("apa", "APA Style 7th edition"),
        ("chicago-author-date", "Chicago author-date"),
        ("modern-language-association", "MLA 9th edition"),
    ]


def test_reference_page_shows_the_key_to_cite(site: Path, tmp_path: Path):
    html = read(site, "references/berry2011/index.html")
    assert '<code id="cite-key">[@berry2011]</code>' in html
    assert '<button type="button" class="copy" data-copy="cite-key" hidden>Copy citation key</button>' in html


def test_provenance_in_a_readers_words_after_the_abstract(site: Path):
    html = read(site, "index.html")
    note = re.search(r'<p class="provenance">(.*?)</p>', html).group(1)
    assert note == (
        "Added by the site owner from the publisher’s article page (Springer Link) and PubMed: the authors, DOI, "
        "PubMed ID, the dates received, accepted and published online, and the issue date."
    )
    assert html.index('id="abstract"') < html.index('id="about-article"') < html.index('class="provenance"')
    assert "available-date" not in note and "PMID" not in note


def test_provenance_wording():
    assert fields_in_words(["DOI"]) == "DOI"
    assert fields_in_words(["issued", "title"]) == "the issue date and the title"
    assert fields_in_words(["accepted", "URL", "submitted"]) == "the dates accepted and received, and the web address"
    assert fields_in_words(["x-own-field", "event_place"]) == "x own field and event place"
    assert provenance_note({"fields": ["author"], "source": " Crossref. "}) == (
        "Added by the site owner from Crossref: the authors."
    )
    assert provenance_note({"fields": []}) == ""
    assert provenance_note({"fields": [f"f{i}" for i in range(1000)]}).endswith(", and 900 more.")


@pytest.mark.parametrize(
    "edit",
    [
        ("pages/about.md", "---\ntitle: About\n---\nText.\n"),  # a new page
        ("pages/method.md", "---\ntitle: Method\nnav_order: 9\n---\nHow.\n"),  # a page moves in the navigation
    ],
    ids=["new-page", "nav-order"],
)
def test_a_rebuild_puts_page_changes_on_every_page(project: Path, tmp_path: Path, edit: tuple[str, str]):
    """Pages kept from the last build are not reused when the navigation changed: the same bytes as a fresh build."""
    pages = project / "content" / "pages"
    pages.mkdir()
    (pages / "method.md").write_text("---\ntitle: Method\nnav_order: 1\n---\nHow.\n", encoding="utf-8")
    (pages / "findings.md").write_text("---\ntitle: Findings\nnav_order: 5\n---\nWhat.\n", encoding="utf-8")
    out = build_site(project, tmp_path / "out")
    name, text = edit
    (project / "content" / name).write_text(text, encoding="utf-8")
    build_site(project, out)
    fresh = build_site(project, tmp_path / "fresh", cache=False)
    assert tree(out) == tree(fresh)  # the output holds only the site
    nav = re.search(r'<nav aria-label="Site">(.*?)</nav>', read(out, "references/berry2011/index.html"), re.S)
    assert ("About" in nav.group(1)) == (name == "pages/about.md")
    assert (nav.group(1).index("Method") > nav.group(1).index("Findings")) == (name == "pages/method.md")
