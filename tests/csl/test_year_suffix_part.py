"""The implicit year-suffix (no year-suffix variable in the style) as citeproc-js appends it after the first year:
a NumericBlob built on the year date-part's token, so it takes that part's prefix, suffix and formatting — ISO 690's
accessed date " 2016 a" (its year part has a no-break-space prefix), "(2016)(a)", "2016.a.", "<i>2016</i><i>a</i>".

Every expected list is citeproc-js 2.4.63's output (bench/citeproc_js/render.js) for the same style and items.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id>x</id><title>x</title><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation disambiguate-add-year-suffix="true"><layout><group delimiter=" ">
<names variable="author"><name form="short"/></names>{date}</group></layout></citation>
<bibliography><layout><group delimiter=" "><names variable="author"><name form="short"/></names>{date}
<text variable="title"/></group></layout></bibliography></style>"""


def _year(attrs: str, outer: str = "", month: bool = False) -> str:
    parts = '<date-part name="month"/>' if month else ""
    return f'<date variable="issued" delimiter=" " {outer}>{parts}<date-part name="year" {attrs}/></date>'


@pytest.mark.parametrize(
    ("date", "fmt", "expected"),
    [
        (_year('prefix="&#160;"'), "text", ["Doe \xa02016\xa0a A", "Doe \xa02016\xa0a"]),
        (_year('prefix="(" suffix=")"'), "text", ["Doe (2016)(a) A", "Doe (2016)(a)"]),
        (_year('suffix="."'), "text", ["Doe 2016.a. A", "Doe 2016.a."]),
        (_year('prefix="[" suffix="]"', month=True), "text", ["Doe May [2016][a] A", "Doe May [2016][a]"]),
        (_year('font-style="italic"'), "html", ["Doe <i>2016</i><i>a</i> A", "Doe <i>2016</i><i>a</i>"]),
        # affixes of the cs:date itself stay around the year and its suffix together
        (_year("", outer='prefix="(" suffix=")"'), "text", ["Doe (2016a) A", "Doe (2016a)"]),
    ],
)
def test_suffix_takes_the_year_part_token(tmp_path: Path, date: str, fmt: str, expected: list[str]) -> None:
    """Two works of one author and year: the first entry and the first cite."""
    path = tmp_path / "s.csl"
    path.write_text(STYLE.format(date=date), encoding="utf-8")
    issued = {"date-parts": [[2016, 5]]}
    items = [
        {"id": i, "type": "book", "title": i.upper(), "author": [{"family": "Doe"}], "issued": issued} for i in "ab"
    ]
    result = Formatter(str(path), "en-US").format(items, [[Cite("a")], [Cite("b")]], fmt)
    assert [result.entries[0][1], result.citations[0]] == expected


def test_suffix_after_a_range(tmp_path: Path) -> None:
    """After a range of years the suffix comes once, with the year part's affixes: "<2016–2017><a>"."""
    path = tmp_path / "s.csl"
    path.write_text(STYLE.format(date=_year('prefix="&lt;" suffix="&gt;"')), encoding="utf-8")
    issued = {"date-parts": [[2016], [2017]]}
    items = [
        {"id": i, "type": "book", "title": i.upper(), "author": [{"family": "Doe"}], "issued": issued} for i in "ab"
    ]
    result = Formatter(str(path), "en-US").format(items, [[Cite("a")], [Cite("b")]], "text")
    assert [e for _, e in result.entries] == ["Doe <2016\u20132017><a> A", "Doe <2016\u20132017><b> B"]
