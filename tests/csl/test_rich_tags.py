"""Markup tags in CSL-JSON fields that citeproc-js does not pair are printed (and sorted) as text (csl/rich_tags.py).

citeproc-js's flip-flopper pairs tags and quote marks on one stack: a closing tag closes the innermost open one only,
what it passes is given up, and what stays open or closes nothing is text. Every expected value below is citeproc-js
2.4.63's output for the same item under the same minimal style (bench/citeproc_js).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography
from litsite.csl.rich_tags import applied_tags
from tests.csl.probe import probe_entry, probe_style

TITLE = '<text variable="title"/>'


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("<i>The Smiths’ house</i>", "<i>The Smiths’ house</i>"),  # the ’ before a space closes no quote
        ('<i>5" screen</i> x', '<i>5" screen</i> x'),  # an inch mark closes no quote: the <i> is given up
        ("<b>‚<i>Être</b> II</i>‘", "‚<i>Être II</i>‘"),  # </b> gives the <i> up; </i> then closes nothing
        ("<i>a <b>b</i> c</b>", "a <b>b c</b>"),
        ("<sc>The apple title", "<sc>The apple title"),  # never closed
        ("“<b>Los iv (review)", "“<b>Los iv (review)"),
        ("<I>upper</I>", "<I>upper</I>"),  # citeproc-js knows its tags in lower case only
        ('<i>x</i> "<i>y" z</i>', "x “<i>y” z</i>"),  # the quote's end gives the <i> inside it up
        ('<span class="nocase">iPod</span> and <i>x</i>', "iPod and x"),
        ("a </i> b", "a </i> b"),
        ("<i>Hobbes’s Leviathan</i>", "Hobbes’s Leviathan"),  # a ’ inside a word is an apostrophe
        ("<i>the dogs'</i> x", "the dogs’ x"),
    ],
)
def test_unpaired_tags_are_text(tmp_path: Path, title: str, text: str) -> None:
    """The plain-text entry keeps the tags citeproc-js gives up, and only those."""
    assert probe_entry(tmp_path, TITLE, {"title": title}) == text


@pytest.mark.parametrize(
    ("title", "html"),
    [
        ("<b>‚<i>Être</b> II</i>‘", "<b>‚&lt;i&gt;Être</b> II&lt;/i&gt;‘"),
        ("<i>a <b>b</i> c</b>", "<i>a &lt;b&gt;b</i> c&lt;/b&gt;"),
        ("<sc>Title", "&lt;sc&gt;Title"),
    ],
)
def test_unpaired_tags_are_escaped_in_html(tmp_path: Path, title: str, html: str) -> None:
    """In HTML a tag given up is escaped text, so the markup written stays balanced."""
    assert probe_entry(tmp_path, TITLE, {"title": title}, fmt="html") == html


def test_unpaired_tags_sort_as_text(tmp_path: Path) -> None:
    """A title key holds the letters of a tag given up ("<i>Apple" sorts as "iApple"), as citeproc-js's does."""
    style = probe_style(tmp_path, TITLE, sort='<key variable="title"/>')
    titles = ["Tiger", "<sc>Zebra", "<i>Apple", "Monkey</i>", "<b>Cat <i>x</b> y</i>", "<i>Dog</i>"]
    items = [{"id": f"t{n}", "type": "book", "title": t} for n, t in enumerate(titles)]
    entries = format_bibliography(items, style, "text", "en-US")
    assert entries == ["<i>Apple", "<sc>Zebra", "Cat <i>x y</i>", "Dog", "Monkey</i>", "Tiger"]


def test_applied_tags_positions() -> None:
    """The positions of the tags that pair, under English quotes."""
    quotes = ("“", "”", "‘", "’")
    assert applied_tags("<i>a</i>", quotes) == {0, 4}
    assert applied_tags("<b><i>a</b></i>", quotes) == {0, 7}
    assert applied_tags("plain", quotes) == frozenset()


@pytest.mark.parametrize(
    ("title", "text"),
    [
        (' "Zebra" x', "X[“Zebra” x"),  # the space before a straight quote goes
        ('  "Zebra"', "X[ “Zebra”"),  # one of two
        (" ' x", "X[’ x"),
        ('<span class="nocase"></span> Zebra', "X[Zebra"),  # after leading nocase spans, which vanish
        ('<span class="nocase"> Zebra</span>', "X[Zebra"),
        (" Zebra", "X[ Zebra"),  # a leading space before other text stays
        ("\u00a0Zebra", "X[\u00a0Zebra"),
    ],
)
def test_leading_space_dropped_by_the_flip_flopper(tmp_path: Path, title: str, text: str) -> None:
    """The leading spaces citeproc-js drops from a field with tags or quote marks, in entries."""
    layout = '<text value="X"/><text variable="title" prefix="["/>'
    assert probe_entry(tmp_path, layout, {"title": title}) == text


def test_leading_space_dropped_in_keys(tmp_path: Path) -> None:
    """Keys as citeproc-js's: 'Zebra|' (no leading separator) for ' "Zebra"' and an empty nocase span before a space;
    '|Zebra|' for ' Zebra', which sorts first."""
    style = probe_style(tmp_path, '<text variable="note"/>', sort='<key variable="title"/>')
    titles = [" Zebra", ' "Zebra"', "Apple", '<span class="nocase"></span> Zebra', "Mango"]
    items = [{"id": f"t{n}", "type": "book", "title": t, "note": f"t{n}"} for n, t in enumerate(titles)]
    assert format_bibliography(items, style, "text", "en-US") == ["t0", "t2", "t4", "t1", "t3"]
