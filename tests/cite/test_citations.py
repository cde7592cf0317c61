import pytest

from litsite.cite.syntax import find_clusters, parse_locator


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_clusters(text)]


def test_bracketed_with_locator():
    ((_, _, c),) = find_clusters("Peers [@berry2011, p. 240] agree.")
    (cite,) = c.cites
    assert (cite.id, cite.locator, cite.label, c.narrative) == ("berry2011", "240", "page", False)


def test_multiple_cites_prefix_suffix_and_suppress_author():
    ((_, _, c),) = find_clusters("[see @a; -@b, pp. 3-5, emphasis added]")
    a, b = c.cites
    assert a.id == "a" and a.prefix == "see "  # pandoc puts a space after a prefix
    assert b.id == "b" and b.suppress_author and b.locator == "3-5" and b.suffix == ", emphasis added"


def test_narrative_and_trailing_punctuation():
    text = "As @chinman2010 says, and @Smith."
    assert spans(text) == ["@chinman2010", "@Smith"]
    assert all(c.narrative for _, _, c in find_clusters(text))


def test_narrative_with_locator():
    ((_, _, c),) = find_clusters("@c [p. 3] shows")
    assert c.cites[0].locator == "3"


def test_not_citations():
    assert spans("Mail me at a@b.com, `@code`, [not a cite], [link](http://x/@y)") == []


def test_code_blocks_skipped():
    assert spans("```\n[@a]\n```\n[@b]") == ["[@b]"]


def test_lines_counted_from_first_line():
    [(_, _, c)] = find_clusters("one\ntwo [@a]", first_line=10)
    assert c.line == 11


def test_locator_terms():
    assert parse_locator(", chap. 2") == ("2", "chapter", None)
    assert parse_locator(", 33") == ("33", "page", None)
    assert parse_locator(", emphasis added") == (None, None, ", emphasis added")


@pytest.mark.parametrize(
    ("rest", "want"),
    [
        # A label is any form of a locator term of the locale, any case, singular or plural; the longest wins.
        (", P. 33", ("33", "page", None)),
        (", chaps. 3-4", ("3-4", "chapter", None)),
        (", sub verbo 3", ("3", "sub verbo", None)),
        (", § 3", ("3", "section", None)),
        (", lines 3-4", ("3-4", "line", None)),
        # Not a term of the locale: no locator, the whole text is the suffix.
        (", ch. 3", (None, None, ", ch. 3")),
        (", p 33", (None, None, ", p 33")),
        # Without a label the locator is a page and needs digits; with one, Roman numerals do.
        (", iv", (None, None, ", iv")),
        (", p. iv", ("iv", "page", None)),
        (", pp. iv, vi-xi", ("iv, vi-xi", "page", None)),
        # Words joined by commas or semicolons; the first word that is neither ends the locator.
        (", pp. 33-35, 38, emphasis added", ("33-35, 38", "page", ", emphasis added")),
        (" p. 33 and passim", ("33", "page", " and passim")),
        (", p. 3.2", ("3.2", "page", None)),
        (", p. 33a", ("33a", "page", None)),
        (", 12(a)(iv)", ("12(a)(iv)", "page", None)),
        # Braces take anything as the locator.
        (", {pp. 33-35, 38}", ("33-35, 38", "page", None)),
        (", {Part IV, ch. 2}", ("IV, ch. 2", "part", None)),
        (", {in the foreword}", ("in the foreword", "page", None)),
        # A suffix without a locator gets ", " unless it starts with a space or punctuation.
        (" and passim", (None, None, " and passim")),
        ("and passim", (None, None, ", and passim")),
    ],
)
def test_locators_as_pandoc_splits_them(rest: str, want: tuple):
    assert parse_locator(rest) == want


def test_locator_labels_are_the_locale_terms():
    assert parse_locator(", S. 33", "de-DE") == ("33", "page", None)
    assert parse_locator(", Kap. 3", "de-DE") == ("3", "chapter", None)
    assert parse_locator(", S. 33") == (None, None, ", S. 33")  # not an en-US term


def test_prefix_and_suffix_markdown_and_spacing():
    ((_, _, c),) = find_clusters("[*see* @a **and** passim; cf.\n@b]")
    a, b = c.cites
    assert (a.prefix, a.suffix) == ("<i>see</i> ", " <b>and</b> passim")
    assert b.prefix == "cf. "


def test_escaped_at_and_brackets_are_not_citations():
    assert spans(r"mail \@someone and \[\@key\] or [\@x]") == []
