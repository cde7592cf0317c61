"""Which lower-casing citeproc-js compares sort keys with, beyond one item per cluster (litsite/csl/insertion.py).

citeproc-js lower-cases both keys of a comparison as the language of the item it rendered last (Turkish and Azeri
lower "I" to "ı"; an item without a language as the formatting locale). Every expected order below is citeproc-js
2.4.63's on these items and this minimal style, in the sequence bench/citeproc_js/render.js runs (every item
registered, then each cluster cited in turn, then the items no cluster cites registered with updateUncitedItems).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter
from litsite.csl.insertion import dotless_language

_TITLES = ["identity", "Ideas|tr", "Index", "ideal|en", "Irmak|tr-TR", "isim", "Ilıca|tr", "Iowa|english", "Ibis|tur"]
_ITEMS = [
    {"id": str(n), "type": "book", "title": title, **({"language": lang} if lang else {})}
    for n, (title, _, lang) in enumerate(t.partition("|") for t in _TITLES)
]
_IDS = [item["id"] for item in _ITEMS]


def _style(tmp_path: Path) -> Path:
    path = tmp_path / "turkish.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>t</title><id>t</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<citation><sort><key variable="title"/></sort><layout delimiter="; "><text variable="title"/></layout>'
        '</citation><bibliography><sort><key variable="title"/></sort><layout><text variable="title"/></layout>'
        "</bibliography></style>",
        encoding="utf-8",
    )
    return path


_SCENARIOS = {
    "uncited after cited": [[i] for i in _IDS[:4]],
    "cited after uncited": [[i] for i in _IDS[4:]],
    "one cluster": [_IDS],
    "one cluster, last English": [_IDS[:-1]],
    "clusters of three": [_IDS[0:3], _IDS[3:6], _IDS[6:9]],
}


@pytest.mark.parametrize(
    ("locale", "scenario", "expected"),
    [
        # items no cluster cites are inserted together, lower-cased as the last of them ("Ibis", "tur")
        ("en-US", "uncited after cited", "305816274"),
        ("en-US", "cited after uncited", "310274586"),
        # the first cluster keeps the order of the first sort of every item (as the last item, "Ibis", does)
        ("en-US", "one cluster", "305816274"),
        ("en-US", "one cluster, last English", "305816274"),
        # a later cluster inserts its new items as its last new item does
        ("en-US", "clusters of three", "308162745"),
        # under a Turkish locale an item without a language lower-cases the Turkish way, "en" and "english" not
        ("tr-TR", "uncited after cited", "831627405"),
        ("tr-TR", "cited after uncited", "831062745"),
        ("tr-TR", "one cluster", "816274305"),
        ("tr-TR", "clusters of three", "816274305"),
    ],
)
def test_bibliography_order_as_citeproc_js_inserts_items(
    tmp_path: Path, locale: str, scenario: str, expected: str
) -> None:
    """The keys of the items inserted together are lower-cased as the item citeproc-js rendered last."""
    clusters = [[Cite(i) for i in cluster] for cluster in _SCENARIOS[scenario]]
    entries = Formatter(_style(tmp_path), locale).format(_ITEMS, clusters, "text").entries
    assert "".join(i for i, _ in entries) == expected


@pytest.mark.parametrize(
    ("locale", "scenario", "expected"),
    [
        ("en-US", "one cluster", "ideal; identity; isim; Ibis; Ideas; Ilıca; Index; Iowa; Irmak"),  # last: "tur"
        ("en-US", "one cluster, last English", "ideal; Ideas; identity; Ilıca; Index; Iowa; Irmak; isim"),
        ("tr-TR", "one cluster", "Ibis; Ideas; Ilıca; Index; Iowa; Irmak; ideal; identity; isim"),
        ("tr-TR", "one cluster, last English", "ideal; Ideas; identity; Ilıca; Index; Iowa; Irmak; isim"),
    ],
)
def test_a_clusters_cites_sort_as_its_last_cite_lower_cases(
    tmp_path: Path, locale: str, scenario: str, expected: str
) -> None:
    """citeproc-js renders the cites' sort keys in the order given, then sorts them with the last one's language."""
    clusters = [[Cite(i) for i in cluster] for cluster in _SCENARIOS[scenario]]
    assert Formatter(_style(tmp_path), locale).format(_ITEMS, clusters, "text").citations == (expected,)


@pytest.mark.parametrize(
    ("language", "locale", "dotless"),
    [
        ("tr", "en-US", True),
        ("TR-tr", "en-US", True),
        ("tur", "en-US", True),  # ICU lower-cases for the three-letter codes too
        ("aze", "en-US", True),
        ("turkish", "en-US", False),  # a valid language tag, not Turkish
        ("x", "tr-TR", False),  # leading letters of no valid length: JavaScript's RangeError, then plain lower case
        ("xxxx", "tr-TR", False),
        ("en", "tr-TR", False),
        ("", "tr-TR", True),  # no language: the formatting locale
        (" tr", "en-US", False),  # no leading letters: the locale
        (" tr", "az-AZ", True),
        (None, "en-US", False),
    ],
)
def test_which_language_lower_cases_the_turkish_way(language: str | None, locale: str, dotless: bool) -> None:
    """CSL.citeStart's lang_array ([the item's leading letters, the locale]) as toLocaleLowerCase reads it (Node)."""
    assert dotless_language(language, locale) is dotless


@pytest.mark.parametrize(("disambiguate", "expected"), [('disambiguate-add-year-suffix="true"', "acb"), ("", "bac")])
def test_items_an_ambiguous_cite_changes_are_inserted_again(tmp_path: Path, disambiguate: str, expected: str) -> None:
    """When "Ilgaz 2000" (c, English) joins "Ilgaz 2000" (a), disambiguation changes a, which citeproc-js takes out
    and inserts again after c, lower-cased as c ("ilgaz" before "ince"); without disambiguation a stays where the
    Turkish b put it ("ince" before "ılgaz"). Orders are citeproc-js 2.4.63's."""
    names = '<names variable="author"><name name-as-sort-order="all" initialize-with=". "/></names>'
    cite = (
        '<names variable="author"><name form="short"/></names><date variable="issued"><date-part name="year"/></date>'
    )
    path = tmp_path / "ambiguous.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        f'<info><title>a</title><id>a</id><updated>2020-01-01T00:00:00+00:00</updated></info><macro name="k">{names}'
        f'</macro><citation {disambiguate}><layout><group delimiter=" ">{cite}</group></layout></citation>'
        '<bibliography><sort><key macro="k"/><key variable="title"/></sort><layout><text variable="title"/></layout>'
        "</bibliography></style>",
        encoding="utf-8",
    )
    year = {"issued": {"date-parts": [[2000]]}, "type": "book"}
    items = [
        {"id": "a", "title": "ideal iz", "author": [{"family": "Ilgaz", "given": "Ayşe"}], **year},
        {"id": "b", "title": "In ideal", "author": [{"family": "ince", "given": "Ali"}], "language": "tr", **year},
        {"id": "c", "title": "In Index", "author": [{"family": "Ilgaz", "given": "Ali"}], "language": "en", **year},
    ]
    clusters = [[Cite(item["id"])] for item in items]
    entries = Formatter(path, "en-US").format(items, clusters, "text").entries
    assert "".join(i for i, _ in entries) == expected
