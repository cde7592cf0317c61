"""The generated citation-label (litsite.csl.trigraph): citeproc-js's default trigraph, its year suffixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter
from litsite.csl.trigraph import citation_label


def person(family: str) -> dict:
    return {"family": family, "given": "J"}


@pytest.mark.parametrize(
    ("fields", "want"),
    [
        ({"author": [person("Asthma")], "issued": {"date-parts": [[1900]]}}, "Asth00"),
        ({"author": [person("Roe"), person("Noakes")], "issued": {"date-parts": [[1978, 2]]}}, "RoNo78"),
        ({"author": [person("Brown"), person("Chen"), person("Diaz")], "issued": "1998"}, "BrCD98"),
        ({"author": [person(n) for n in ("De", "Ed", "Fu", "Go", "Ha")], "issued": {"date-parts": [[1926]]}}, "DEFG26"),
        ({"editor": [{"literal": "The World Bank"}]}, "Worl00"),  # no author: the first name variable; no date
        ({"author": [person("van der Berg")], "issued": {"date-parts": [[2001]]}}, "Berg01"),  # particles skipped
        ({"author": [person("O'Neil")], "issued": {"date-parts": [[2001]]}}, "Onei01"),  # letters only
        ({"title": "history of the world", "issued": {"date-parts": [[1859]]}}, "Hist59"),  # skip words (lower case)
    ],
)
def test_trigraph(fields: dict, want: str) -> None:
    assert citation_label({"id": "x", "type": "book", **fields}) == want


def test_label_of_the_data_wins_and_takes_year_suffixes(tmp_path: Path) -> None:
    style = tmp_path / "s.csl"
    style.write_text(
        """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation disambiguate-add-year-suffix="true"><layout delimiter="; "><text variable="citation-label"/>
<date variable="issued" prefix=" "><date-part name="year"/></date></layout></citation></style>""",
        encoding="utf-8",
    )
    items = [
        {"id": "a", "type": "book", "author": [person("Asthma")], "issued": {"date-parts": [[1900]]}},
        {"id": "b", "type": "book", "author": [person("Asthma")], "issued": {"date-parts": [[1900]]}},
        {"id": "c", "type": "book", "citation-label": "Mine", "issued": {"date-parts": [[1900]]}},
    ]
    got = Formatter(style, "en-US").format(items, [[Cite("a"), Cite("b"), Cite("c")]], "text").citations
    assert got == ("Asth00a 1900; Asth00b 1900; Mine 1900",)  # the suffix follows the label, not the year
