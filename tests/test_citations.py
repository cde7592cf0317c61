from litsite.citations import find_clusters, parse_locator


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in find_clusters(text)]


def test_bracketed_with_locator():
    ((_, _, c),) = find_clusters("Peers [@berry2011, p. 240] agree.")
    (cite,) = c.cites
    assert (cite.id, cite.locator, cite.label, c.narrative) == ("berry2011", "240", "page", False)


def test_multiple_cites_prefix_suffix_and_suppress_author():
    ((_, _, c),) = find_clusters("[see @a; -@b, pp. 3-5, emphasis added]")
    a, b = c.cites
    assert a.id == "a" and a.prefix == "see"
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


def test_escaped_at_and_brackets_are_not_citations():
    assert spans(r"mail \@someone and \[\@key\] or [\@x]") == []
