"""Real exporters' libraries: Cochrane/Ovid/Scopus RIS, BibTeX macros and crossref, Zotero's JSON and CSL-JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from litsite.importers.bibtex import load_bibtex
from litsite.importers.importer import import_record
from litsite.importers.ris import load_ris

LIBS = Path(__file__).resolve().parents[1] / "data" / "records" / "libraries"


def _by_id(items: list[dict]) -> dict[str, dict]:
    return {i["id"]: i for i in items}


def test_cochrane_headers_and_record_numbers_are_skipped() -> None:
    result = import_record(LIBS / "cochrane-headers.ris")  # "Record #1 of 2", "Provider:", "Content:", "1."
    assert [r["title"] for r in result.references] == ["Title of reference", "The title of the reference"]
    assert [r["issued"] for r in result.references] == [{"date-parts": [[2014]]}, {"date-parts": [[2006]]}]
    assert not any("outside" in w for w in result.warnings)


def test_ovid_numbered_records_and_no_genre_from_m3() -> None:
    result = import_record(LIBS / "ovid-psycinfo.ris")
    assert len(result.references) == 2
    first, second = result.references
    assert first["DOI"] == "10.1002/cpp.2398" and first["issued"] == {"date-parts": [[2019]]}
    assert "page" not in first  # Ovid's "SP - No" / "EP - Specified"
    assert second["page"] == "847–856"
    for item in result.references:
        assert "genre" not in item and item["x-type-of-work"].endswith("]")  # PsycINFO's classification code
    # Ovid writes a tag after ER: reported once, not fatal.
    assert result.warnings == ["2 line(s) outside any RIS record ignored (lines 26, 104)"]


def test_scopus_m3_article_is_not_a_genre() -> None:
    result = import_record(LIBS / "scopus.ris")
    assert [r.get("x-type-of-work") for r in result.references] == ["Article", "Article"]
    assert not any("genre" in r for r in result.references)
    assert result.references[0]["container-title-short"] == "J. Psychosom. Res."


@pytest.mark.parametrize(
    ("m3", "ty", "expect"),
    [
        ("Article", "JOUR", ("x-type-of-work", "Article")),
        ("PhD thesis", "THES", ("genre", "PhD thesis")),
        ("Thesis", "THES", ("x-type-of-work", "Thesis")),
        ("Technical report", "RPRT", ("genre", "Technical report")),
        ("doi: 10.1000/xyz.1", "JOUR", ("DOI", "10.1000/xyz.1")),
    ],
)
def test_m3_by_kind(tmp_path: Path, m3: str, ty: str, expect: tuple[str, str]) -> None:
    item = load_ris(f"TY  - {ty}\nTI  - T\nM3  - {m3}\nER  - \n", tmp_path / "x.ris").references[0]
    assert item[expect[0]] == expect[1]
    assert ("genre" in item) == (expect[0] == "genre")


def test_ris_tolerates_blank_lines_bom_crlf_and_one_space_tags(tmp_path: Path) -> None:
    f = tmp_path / "x.ris"
    f.write_bytes(b"\xef\xbb\xbf\r\nRecord #1 of 1\r\n\r\nTY - JOUR\r\nTI - A title\r\n\r\nPY - 2001\r\nER - \r\n\r\n")
    result = import_record(f)
    assert result.references[0]["title"] == "A title" and result.references[0]["issued"] == {"date-parts": [[2001]]}


def test_bibtex_crossref_inherits_as_biblatex_does() -> None:
    result = import_record(LIBS / "crossref-incollection.bib")
    items = _by_id(result.references)
    chapter = items["Hauck_2011"]  # its year, editors and publisher live only in @book{Hauck_etal_2011}
    assert chapter["issued"] == {"date-parts": [[2011]]} and chapter["publisher"] == "Território das Artes"
    assert [e["family"] for e in chapter["editor"]] == ["Hauck", "Chiappini", "Timm"]
    assert result.warnings == []


def test_bibtex_crossref_title_becomes_booktitle_and_missing_parent_warns(tmp_path: Path) -> None:
    text = (
        "@inproceedings{p, author={Zudin, Sergey}, title={Putting it on MapReduce}, pages={47--58},\n"
        "  crossref={DBLP:conf/cla/2015}}\n"
        "@inproceedings{q, author={Doe, Jane}, title={Q}, crossref={nowhere}}\n"
        "@proceedings{dblp:conf/cla/2015, editor={Ben Yahia, Sadok}, title={Proceedings of CLA 2015},\n"
        "  booktitle={CLA}, series={CEUR Workshop Proceedings}, volume={1466}, publisher={CEUR-WS.org}, year={2015}}\n"
    )
    result = load_bibtex(text, tmp_path / "x.bib")
    p = _by_id(result.references)["p"]
    assert p["container-title"] == "Proceedings of CLA 2015"  # the parent's title, not its booktitle
    assert (p["issued"], p["publisher"], p["volume"]) == ({"date-parts": [[2015]]}, "CEUR-WS.org", "1466")
    assert p["editor"] == [{"family": "Ben Yahia", "given": "Sadok"}]
    assert result.warnings == [
        "crossref to an entry not in the file, in 1 entry: 'nowhere' (by 'q' at line 3); "
        "their inherited fields (booktitle, year, publisher, editor, …) are missing"
    ]


def test_bibtex_string_macros_defined_and_undefined(tmp_path: Path) -> None:
    assert import_record(LIBS / "string-macros.bib").warnings == []
    text = (
        "@string{jair = {Journal of Artificial Intelligence Research}}\n"
        "@article{a, title={A}, journal=jair, month=jan, year=2000}\n"
        "@article{b, title={B}, journal = aij,\n  year=2001}\n"
        "@article{c, title={C}, journal=aij # { (Special issue)}, year=2002}\n"
    )
    result = load_bibtex(text, tmp_path / "x.bib")
    items = _by_id(result.references)
    assert items["a"]["container-title"] == "Journal of Artificial Intelligence Research"
    assert items["a"]["issued"] == {"date-parts": [[2000, 1]]}
    assert "container-title" not in items["b"] and "container-title" not in items["c"]  # never "aij"
    assert result.warnings == [
        "undefined @string macro 'aij' in 'b' (journal, line 3), 'c' (journal, line 5): the field is left out "
        "(define it with @string{aij = {…}} or write the value in braces)"
    ]


def test_zotero_json_items_are_mapped_to_csl() -> None:
    result = import_record(LIBS / "zotero-csl-extra.json")  # Zotero's own item JSON (itemType, creators, …)
    items = _by_id(result.references)
    blair = items["blair2004"]
    assert blair["type"] == "entry-encyclopedia"
    assert blair["container-title"] == "Oxford dictionary of national biography"  # publicationTitle
    assert blair["accessed"] == "2014-06-13" and blair["issued"] == "2004"  # accessDate, date
    assert blair["DOI"] == "10.1093/ref:odnb/10183"  # from Extra's "DOI: …" line
    assert "note" not in blair
    assert items["film2015"]["publisher-place"] == "US/GB"
    assert result.warnings[0] == (
        "keys that are not CSL variables were left out: itemID (7 items), notes (2 items), runningTime (2 items)"
    )


def test_better_csl_json_citation_key_and_abbreviation() -> None:
    item = import_record(LIBS / "zotero-better-csl.json").references[0]
    assert item["id"] == "Zhao2022SystematicReviewWikidata"
    assert item["container-title-short"] == "Digit. Scholarsh. Humanit."


def test_csl_json_keys_case_variants_and_zotero_names(tmp_path: Path) -> None:
    items = [
        {
            "id": "http://zotero.org/users/1/items/ABCD",
            "type": "journalArticle",
            "title": "A",
            "url": "https://example.org/a",
            "doi": "10.1/a",
            "journalAbbreviation": "J. Ex.",
            "shortTitle": "A",
            "accessed": {"date-parts": [["2020", "1", "5"]]},
            "event-place": "Paris",
            "archive_location": "Box 1",
            "author": [{"family": "Doe", "given": "Jane", "multi": {"_key": {}}}, {"given": "Plato"}],
            "attachments": [{"path": "/home/me/a.pdf"}],
            "issued": {"date-parts": [[2019]]},
        },
        {"itemType": "note", "note": "<p>read this</p>"},
        {"type": "book", "title": "B", "URL": "https://example.org/b", "url": "https://example.org/c", "foo": 1},
    ]
    f = tmp_path / "lib.json"
    f.write_text(json.dumps(items), encoding="utf-8")
    result = import_record(f)
    a, b = result.references
    assert a["id"] == "doe2019" and a["type"] == "article-journal"
    assert (a["URL"], a["DOI"], a["container-title-short"], a["title-short"]) == (
        "https://example.org/a",
        "10.1/a",
        "J. Ex.",
        "A",
    )
    assert (a["event-place"], a["archive_location"]) == ("Paris", "Box 1")
    assert a["author"] == [{"family": "Doe", "given": "Jane"}, {"literal": "Plato"}]
    assert b["URL"] == "https://example.org/b"  # CSL's own spelling wins over a case variant
    assert result.warnings == [
        "keys that are not CSL variables were left out: attachments (1 item), foo (1 item)",
        "skipped what is not a reference: 1 note",
    ]


def test_crossref_chains_and_cycles_are_bounded(tmp_path: Path) -> None:
    n = 3000  # deeper than Python's recursion limit: resolved without recursion
    text = "".join(f"@book{{b{i}, title={{T{i}}}, crossref={{b{i + 1}}}}}\n" for i in range(n))
    text += f"@book{{b{n}, title={{Top}}, year=1999, publisher={{P}}}}\n"
    text += "@book{x, title={X}, crossref={y}}\n@book{y, title={Y}, crossref={x}, year=2000}\n"
    result = load_bibtex(text, tmp_path / "x.bib")
    items = _by_id(result.references)
    assert items["b0"]["issued"] == {"date-parts": [[1999]]} and items["b0"]["publisher"] == "P"
    assert items["x"]["issued"] == {"date-parts": [[2000]]}
    assert result.warnings == [f"crossref cycle, followed once around: 'x' at line {n + 2}"]


def test_csl_study_keys_mapped_and_unknown_left_out(tmp_path: Path) -> None:
    f = tmp_path / "item.json"  # one CSL item: the study
    f.write_text('{"title": "A study", "journalAbbreviation": "J", "url": "https://x.org", "message-type": "w"}')
    result = import_record(f)
    assert result.study == {
        "title": "A study",
        "container-title-short": "J",
        "URL": "https://x.org",
        "type": "article-journal",
    }
    assert result.warnings == ["keys that are not CSL variables were left out of the study: message-type (1 item)"]
