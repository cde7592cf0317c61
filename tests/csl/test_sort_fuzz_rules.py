"""Order rules found by the wider generators of bench/csl_conformance/order_fuzz.py (--wide, --acm), each on a
minimal inline style.

Expected orders and entries are citeproc-js 2.4.63's (bench/csl_conformance/order_js.js) for the same items under
the same minimal style, registered and cited in the order given.
"""

from __future__ import annotations

from pathlib import Path

from litsite.csl.engine import Cite, Formatter
from tests.csl.probe import probe_style


def _run(tmp_path: Path, layout: str, sort: str, items: list[dict], extra: str = "") -> list[tuple[str, str]]:
    style = probe_style(tmp_path, layout, extra=extra, sort=sort)
    clusters = [[Cite(item["id"])] for item in items]
    return Formatter(style, "en-US").format(items, clusters, "text").entries


_NO_DATE = (
    '<macro name="d"><choose><if variable="issued"><date variable="issued"><date-part name="year"/></date></if>'
    '<else><text value="n.d."/></else></choose></macro>'
)


def test_year_zero_is_no_date(tmp_path: Path) -> None:
    """Year 0 is no date: citeproc-js reads date-parts with parseInt and tests `if (dp.year)` (no output) and, for
    cs:if variable, whether any of year, month, day is truthy — so the "no date" branch prints, and the key is empty
    (last, by title among the items without a date)."""
    items = [
        {"id": "y0", "title": "B", "issued": {"date-parts": [[0]]}},
        {"id": "y0s", "title": "C", "issued": {"date-parts": [["0"]]}},
        {"id": "y0r", "title": "D", "issued": {"date-parts": [[0], [2001]]}},
        {"id": "nd", "title": "A"},
        {"id": "str0", "title": "E", "issued": "0"},
        {"id": "y1999", "title": "Z", "issued": {"date-parts": [[1999]]}},
        {"id": "bc", "title": "F", "issued": {"date-parts": [[-5]]}},
    ]
    items = [{**item, "type": "book"} for item in items]
    layout = '<text macro="d"/><text variable="title" prefix=" "/>'
    entries = _run(tmp_path, layout, '<key macro="d"/><key variable="title"/>', items, _NO_DATE)
    assert [i for i, _ in entries] == ["bc", "y1999", "nd", "y0", "y0s", "y0r", "str0"]
    assert dict(entries)["y0"] == "n.d. B"


_DATE_MACRO = (  # a macro holding a cs:date: in a sort key citeproc-js appends only its dates ("doing-macro-with-date")
    '<macro name="m"><group delimiter=", "><choose><if variable="available-date">'
    '<date variable="available-date" form="text"/></if></choose><text term="no date" form="short"/></group></macro>'
    '<macro name="k"><group delimiter=", "><text variable="title"/><text macro="m"/><text variable="number"/>'
    "</group></macro>"
)


def test_date_macro_without_date_is_no_output(tmp_path: Path) -> None:
    """A macro with a cs:date of its own that prints no date (here only "n.d.") gives no output in a sort key: no
    delimiter before what follows and, for a number after it, not an output before it — citeproc-js keys "2|" (the
    number first, so no "undefined" before it) where a present output would make it "undefined2" after "n.d."; with
    a title first "T,|undefined2|". Chicago's source-serial-volume-status-bib on a newspaper article with a number."""
    items = [
        {"id": "a", "number": "2"},  # key "2|": a plain number first, before "1a" and letters
        {"id": "b", "number": "1a"},  # "1a|"
        {"id": "c", "number": "2", "title": "T"},  # "T,|undefined2|"
        {"id": "d", "number": "2", "title": "T", "available-date": {"date-parts": [[2000]]}},  # "T,|1200…undefined2|"
        {"id": "e", "title": "T"},  # "T|"
    ]
    items = [{**item, "type": "book"} for item in items]
    layout = '<text variable="title"/><text variable="number"/>'
    entries = _run(tmp_path, layout, '<key macro="k"/>', items, _DATE_MACRO)
    assert [i for i, _ in entries] == ["b", "a", "e", "d", "c"]


_LABELS = (
    '<macro name="k"><group delimiter=" "><label variable="volume" form="short"/><text variable="volume"/></group>'
    '<group delimiter=" " prefix=" "><text variable="number-of-volumes"/>'
    '<label variable="number-of-volumes" form="short"/></group>'
    '<group delimiter=" " prefix=" "><text variable="edition"/><label variable="edition" form="short"/></group></macro>'
)


def test_label_plural_by_the_first_label_group(tmp_path: Path) -> None:
    """A number's label is plural when the values under the first value's label are several (processNumber's
    setPluralsAndNumerics: a later value with a label of its own — "pt. 1", "rev." — starts another group): "vol. 2,
    pt. 1", "3rd, rev. ed." but "vols. 2, 3"; number-of-volumes is plural when parseInt of it is above one ("2a
    vols.", "1a vol."). In entries and in sort keys ("vol.|2,|pt.|…" after "3rd…" and before "vols.|…")."""
    values = {"a": ("volume", "2, pt. 1"), "b": ("volume", "2, 3"), "c": ("volume", "2")}
    values |= {"d": ("number-of-volumes", "2a"), "e": ("number-of-volumes", "1a")}
    values |= {"f": ("edition", "3rd, rev."), "g": ("edition", "3rd, 4th"), "h": ("edition", "3rd")}
    items = [{"id": k, "type": "book", v: x} for k, (v, x) in values.items()]
    entries = _run(tmp_path, '<text macro="k"/>', '<key macro="k"/>', items, _LABELS)
    assert [i for i, _ in entries] == ["e", "d", "g", "h", "f", "a", "c", "b"]
    assert {i: e.strip() for i, e in entries} == {  # citeproc-js trims its entries
        "a": "vol. 2, pt. 1",
        "b": "vols. 2, 3",
        "c": "vol. 2",
        "d": "2a vols.",
        "e": "1a vol.",
        "f": "3rd, rev. ed.",
        "g": "3rd, 4th eds.",
        "h": "3rd ed.",
    }


def test_number_after_a_label_inside_the_value(tmp_path: Path) -> None:
    """ "2, pt. 1": citeproc-js keys "T,|vol.|2,|pt.|undefined1|", after "…pt.|1a|" and "…pt.|A|" (a plain number of
    a value's later blob, after its label, gets "undefined" before it); litsite keys "…pt. 1" first."""
    macro = (
        '<macro name="k"><group delimiter=", "><text variable="title"/><group delimiter=" ">'
        '<label variable="volume" form="short"/><text variable="volume"/></group></group></macro>'
    )
    values = {"a": "2, pt. 1", "b": "2, pt. 1a", "c": "2, pt. A"}
    items = [{"id": k, "type": "book", "title": "T", "volume": v} for k, v in values.items()]
    entries = _run(tmp_path, '<text macro="k"/>', '<key macro="k"/>', items, macro)
    assert [i for i, _ in entries] == ["b", "c", "a"]
