"""The Markdown reading (Python-Markdown + the pandoc-citation extension) and its rendering into a page: which
candidate clusters are citations, footnotes, tables, heading ids, the table of contents, sanitising and bounds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litsite.cite.mdparse import MarkdownTooComplex, parse_markdown
from litsite.cite.stage import DocCitations
from litsite.cite.syntax import find_clusters
from litsite.load.content import Page
from litsite.render.markdown import render_markdown, shows_toc


def doc(body: str, **meta: object) -> DocCitations:
    """A document as the cite stage makes it; cluster i of the document is cluster i of the site."""
    found = find_clusters(body)
    parsed = parse_markdown(body, [(s, e) for s, e, _ in found])
    spans = tuple((found[k][0], found[k][1], j) for j, k in enumerate(parsed.claimed))
    page = Page(Path("t.md"), dict(meta), body, 1, None)  # type: ignore[arg-type]
    return DocCitations(page, spans, parsed.html, parsed.headings, parsed.sections)  # type: ignore[arg-type]


def cluster(i: int) -> str:
    return f'<span class="citation" data-cluster="{i}"><a href="#ref-{i}">C{i}</a></span>'


def render(body: str, sanitize: bool = False, **meta: object) -> str:
    return render_markdown(doc(body, **meta), cluster, sanitize)


def cited(body: str) -> list[str]:
    """The source text of each cluster Markdown keeps as a citation."""
    d = doc(body)
    return [body[s:e] for s, e, _ in d.spans]


def test_citations_in_emphasis_strong_and_narrative():
    html = render("*see [@a]* and **[@b, p. 3]**, as @c says.")
    assert html == (f"<p><em>see {cluster(0)}</em> and <strong>{cluster(1)}</strong>, as {cluster(2)} says.</p>\n")


def test_code_spans_blocks_and_raw_html_are_untouched():
    body = (
        "Run `[@a]` or ``x [@b] y``.\n\n```\n[@c]\n```\n\n    [@d] indented code\n\n"
        '<div title="[@e]">raw [@f]</div>\n\nOnly [@g] cites.\n'
    )
    assert cited(body) == ["[@g]"]
    html = render(body)
    assert "<code>[@a]</code>" in html and "<code>x [@b] y</code>" in html and "<code>[@c]\n</code>" in html
    assert "<code>[@d] indented code\n</code>" in html and '<div title="[@e]">raw [@f]</div>' in html
    assert html.count('class="citation"') == 1


def test_links_are_not_citations_and_hold_none():
    body = "[see [@a]](https://example.org/) and [x](https://example.org/[@b]) and <https://example.org/@c> [@d]"
    assert cited(body) == ["[@d]"]
    html = render(body)
    assert '<a href="https://example.org/">see [@a]</a>' in html  # no link inside a link
    assert '<a href="https://example.org/[@b]">x</a>' in html and 'href="https://example.org/@c"' in html


def test_footnotes_hold_citations():
    html = render("Text.[^1] More [@a].\n\n[^1]: A note citing [@b; @c].\n")
    assert '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>' in html
    note = html.split('<li id="fn:1">', 1)[1]
    assert f"A note citing {cluster(1)}" in note and cluster(0) in html.split('<div class="footnote">')[0]


def test_tables_hold_citations_and_keep_alignment():
    html = render("| Work | Year |\n|:--|--:|\n| [@a] | 2011 |\n| @b | 2012 |\n")
    assert "<table>" in html and '<th style="text-align: left;">Work</th>' in html
    assert f'<td style="text-align: left;">{cluster(0)}</td>' in html and cluster(1) in html


def test_heading_ids_are_stable_unique_and_never_the_templates():
    d = doc("# Methods\n\n## Methods\n\n## References\n\n## Abstract [@a]\n\n## Ref Smith\n\n## Übung *x*\n\n## 東京\n")
    ids = [h.id for h in d.headings]
    assert ids[:6] == ["methods", "methods-2", "section-references", "section-abstract", "section-ref-smith", "ubung-x"]
    assert re.fullmatch(r"[a-f0-9]{8}", ids[6])  # no ASCII at all: a digest of the text, stable
    assert [h.text for h in d.headings][3:6] == ["Abstract", "Ref Smith", "Übung x"]
    assert ids == [h.id for h in doc(d.page.body).headings]  # the same text gives the same ids


def test_each_citation_knows_its_section_and_a_note_its_call():
    body = (
        "Before [@a].\n\n## One\n\nText.[^n]\n\n### Sub [@b]\n\n| [@c] |\n|--|\n| x |\n\n## Two\n\n"
        "- @d says\n\n`[@x]`\n\n[^n]: A note [@e].\n"
    )
    d = doc(body)
    assert [body[s:e] for s, e, _ in d.spans] == ["[@a]", "[@b]", "[@c]", "@d", "[@e]"]
    assert d.sections == ("", "sub", "sub", "two", "one")  # the note is called in "One"


def test_toc_when_three_headings_or_asked():
    three = "## One\n\ntext\n\n### One a\n\n## Two\n"
    html = render(three)
    assert html.startswith('<nav class="toc" aria-labelledby="contents"><h2 id="contents">Contents</h2><ol>')
    assert '<li><a href="#one">One</a><ol><li><a href="#one-a">One a</a></li></ol></li>' in html
    assert '<li><a href="#two">Two</a></li></ol></nav>' in html
    assert not render("## One\n\n## Two\n").startswith("<nav")
    assert not render(three, toc=False).startswith("<nav") and render("## One\n", toc=True).startswith("<nav")
    assert shows_toc(doc(three, toc="yes"))  # (not a bool: the loader reports it; the rule applies)


def test_sanitize_keeps_what_markdown_writes_and_the_citations():
    body = (
        '## Head <b onclick="x()">b</b>\n\nText[^n] <script>alert(1)</script> [@a] <a href="javascript:x()">j</a>'
        ' <img src=x onerror="y()">\n\n| a |\n|--:|\n| b |\n\n[^n]: Note [@b].\n'
    )
    html = render(body, sanitize=True)
    assert "alert(1)" not in html and "onclick" not in html and "javascript:" not in html and "onerror" not in html
    assert '<h2 id="head-b">Head <b>b</b></h2>' in html and '<td style="text-align:right">b</td>' in html
    assert 'href="#fn:n"' in html and '<li id="fn:n">' in html and 'class="footnote-backref"' in html
    assert cluster(0) in html and cluster(1) in html


def test_markers_cannot_be_forged_from_the_text():
    body = "x \ue002" + "0" * 32 + ".0\ue003 [@a]"  # (load strips such characters; even so they are no marker)
    assert render(body).count('class="citation"') == 1


@pytest.mark.parametrize(
    "body",
    [
        "ok\n\n" + "[" * 3000 + "@a" + "]" * 3000,
        "ok\n\n" + "[a](" * 3000,
        "ok\n\n" + "\\*" * 12000,
        "ok\n\n" + "".join("    " * i + "- x\n" for i in range(300)),
    ],
)
def test_texts_markdown_cannot_read_in_bounded_time_are_refused(body: str):
    with pytest.raises(MarkdownTooComplex) as exc:
        parse_markdown(body, [(s, e) for s, e, _ in find_clusters(body)])
    assert exc.value.line in (0, 2)


def test_bounds_leave_real_texts_alone():
    body = "## Results\n\n" + "A sentence (with a [@a, p. 3] citation) [see](https://e.org) *and* `code`. " * 400
    assert len(cited(body)) == 400
