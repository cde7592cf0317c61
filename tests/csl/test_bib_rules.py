"""Rules found on the bib-* wide-corpus sources (BibTeX/BibLaTeX libraries) whose fix lies in another module's
scope: kept here as strict expected failures, each with citeproc-js 2.4.63's output for the same probe style.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography

from .probe import probe_style


@pytest.mark.xfail(
    strict=True,
    reason="processNumber splits a number variable at the locale's 'and' term too when the locale is not English "
    "(fullformAnd += getTerm('and')), so text-case applies to each piece: fixes/number_text.case_pieces (s12-names)",
)
@pytest.mark.parametrize(
    ("edition", "expected"),
    [
        ("überarbeitete und erweiterte Auflage", "Überarbeitete und Erweiterte Auflage"),
        ("2., überarbeitete und erweiterte Auflage", "2., Überarbeitete und Erweiterte Auflage"),
        ("2. überarbeitete und erweiterte Auflage", "2. überarbeitete und Erweiterte Auflage"),
    ],
)
def test_locale_and_splits_a_number_variable(tmp_path: Path, edition: str, expected: str) -> None:
    """de-DE: "und" joins two pieces of an edition, each capitalized (biblatex-archaeology's rak-wb:2007, MLA)."""
    style = probe_style(tmp_path, '<text variable="edition" text-case="capitalize-first"/>')
    item = {"id": "a", "type": "book", "title": "T", "edition": edition}
    assert format_bibliography([item], style, "text", "de-DE") == [expected]


@pytest.mark.parametrize(
    ("variable", "value", "locale", "expected"),
    [
        ("number", "newseries, 39, pt. 3", "de-DE", "newseries, 39, Teil 3"),  # biblatex-chicago's palmatary:pottery
        ("number", "39, pt. 3", "fr-FR", "39, part. 3"),
        ("volume", "39 pt. 3", "de-DE", "39 Teil 3"),
        pytest.param(
            "volume",
            "2, vol. 3",
            "en-US",
            "2, 3",
            marks=pytest.mark.xfail(
                strict=True,
                reason="processNumber drops a label naming the variable itself ('2, vol. 3' as volume → '2, 3'): "
                "number labels (fixes/numbers.py, number_segments.py)",
            ),
        ),
    ],
)
def test_label_inside_a_number_value(tmp_path: Path, variable: str, value: str, locale: str, expected: str) -> None:
    """A label written inside the value, after a first number (citeproc-js 2.4.63 on this probe style)."""
    style = probe_style(tmp_path, f'<text variable="{variable}"/>')
    item = {"id": "a", "type": "book", "title": "T", variable: value}
    assert format_bibliography([item], style, "text", locale) == [expected]


def _work(ident: str, names: list[tuple[str, str]]) -> dict:
    authors = [{"family": family, "given": given} for family, given in names]
    return {
        "id": ident,
        "type": "article-journal",
        "title": ident.upper(),
        "issued": {"date-parts": [[2016]]},
        "author": authors,
    }


@pytest.mark.xfail(
    strict=True,
    reason="names added under disambiguate-add-names for two works keep the count for a third work of the same "
    "ambiguity group although its given name ('N' against 'Nina') would tell it apart: disambiguation.py (s12-names)",
)
def test_names_added_for_a_group_of_three() -> None:
    """Three 2016 works by Lackner et al. (bib-rtfin's lackner2016effectiveness, -eeg, -neurofeedback, shortened),
    chicago-author-date: citeproc-js 2.4.63's first citations."""
    from litsite.csl.engine import Cite, Formatter
    from litsite.csl.styles import resolve_style

    items = [
        _work("a", [("Lackner", "Nina"), ("Unterrainer", "H"), ("Skliris", "D"), ("Wood", "G"), ("Neuper", "C")]),
        _work("b", [("Lackner", "Nina"), ("Unterrainer", "H"), ("Skliris", "D"), ("Shaheen", "S"), ("Neuper", "C")]),
        _work("c", [("Lackner", "N"), ("Unterrainer", "H"), ("Skliris", "D"), ("Wood", "G"), ("Scheer", "P")]),
    ]
    style = resolve_style("chicago-author-date").path
    result = Formatter(style, "en-US").format(items, [[Cite(i["id"])] for i in items], "text")
    assert list(result.citations) == [
        "(Nina Lackner, Unterrainer, Skliris, Wood, et al. 2016)",
        "(Nina Lackner, Unterrainer, Skliris, Shaheen, et al. 2016)",
        "(N Lackner, Unterrainer, Skliris, Wood, et al. 2016)",
    ]
