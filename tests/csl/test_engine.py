"""The public API of litsite.csl.engine."""

from __future__ import annotations

from litsite.csl.engine import Cite, Formatted, Formatter, format_bibliography, format_first_citations
from litsite.csl.styles import resolve_style

APA = resolve_style("apa").path
IEEE = resolve_style("ieee").path

ITEMS = [
    {
        "id": "Doe2020",
        "type": "article-journal",
        "title": "Cats & <dogs> in <i>vivo</i>",
        "author": [{"family": "Doe", "given": "John"}],
        "issued": {"date-parts": [[2020]]},
        "container-title": "Journal of Tests",
        "volume": "3",
        "page": "5-32",
    },
    {
        "id": "doe2020",
        "type": "book",
        "title": "Another book",
        "author": [{"family": "Berry", "given": "Ann"}],
        "issued": {"date-parts": [[2019]]},
        "publisher": "Press",
    },
]


def test_format_returns_entries_and_clusters() -> None:
    result = Formatter(APA).format(ITEMS, [[Cite("Doe2020")], [Cite("doe2020", locator="3", label="page")]], "text")
    assert isinstance(result, Formatted)
    assert [id_ for id_, _ in result.entries] == ["doe2020", "Doe2020"]
    assert result.citations == ("(Doe, 2020)", "(Berry, 2019, p. 3)")


def test_html_escapes_fields_but_keeps_markup() -> None:
    result = Formatter(APA).format(ITEMS, [], "html")
    entry = dict(result.entries)["Doe2020"]
    assert "Cats &amp; &lt;dogs&gt; in <i>vivo</i>" in entry
    assert "<i>Journal of Tests</i>" in entry


def test_text_parses_rich_text() -> None:
    entries = format_bibliography(ITEMS, APA)
    assert any("Cats & <dogs> in vivo." in entry for entry in entries)


def test_ids_differing_in_case_do_not_merge() -> None:
    assert format_first_citations(ITEMS, APA) == ["(Doe, 2020)", "(Berry, 2019)"]


def test_unsorted_bibliography_is_in_citation_order() -> None:
    result = Formatter(IEEE).format(ITEMS, [[Cite("doe2020")], [Cite("Doe2020")]], "text")
    assert [id_ for id_, _ in result.entries] == ["doe2020", "Doe2020"]
    assert result.citations == ("[1]", "[2]")
    assert result.second_field_align == "flush"


def test_unknown_id_is_reported() -> None:
    result = Formatter(APA).format(ITEMS, [[Cite("nobody")]], "text")
    assert result.missing == ("nobody",)
    assert "nobody" in result.citations[0]


def test_html_second_field_align_blocks() -> None:
    entry = Formatter(IEEE).format(ITEMS, [], "html").entries[0][1]
    assert entry.startswith('<div class="csl-left-margin">[1]</div><div class="csl-right-inline">')


def test_memoised_lookups_change_nothing():
    """speed.py's memo: the same output as a style whose elements remember nothing (fresh proxies every call)."""
    import gc

    from litsite.csl.elements import Style
    from litsite.csl.engine import format_bibliography
    from litsite.csl.styles import resolve_style

    items = [
        {
            "id": f"i{n}",
            "type": "article-journal",
            "title": f"Title {n}",
            "author": [{"family": "Doe", "given": "J."}],
            "issued": {"date-parts": [[2000 + n % 3]]},
            "container-title": "J",
            "page": "1-10",
        }
        for n in range(12)
    ]
    path = resolve_style("apa").path
    memoised = format_bibliography(items, path, "text")
    keep = Style.__init__

    def forgetful(self, *args, **kwargs):
        keep(self, *args, **kwargs)
        self._proxies = []  # proxies die between calls, so every memo starts empty
        gc.collect()

    Style.__init__ = forgetful
    try:
        assert format_bibliography(items, path, "text") == memoised
    finally:
        Style.__init__ = keep
