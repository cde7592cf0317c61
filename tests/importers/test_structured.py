"""Structured imports: BibTeX, RIS, CSL-JSON and CSL-YAML to CSL items with stable ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.errors import UserError
from litsite.importers.bibtex import load_bibtex
from litsite.importers.ids import assign_ids
from litsite.importers.importer import detect_format, import_record
from litsite.importers.ris import load_ris

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "records"


def _by_id(items: list[dict]) -> dict[str, dict]:
    return {item["id"]: item for item in items}


def test_bibtex_types_fields_names_and_latex() -> None:
    result = import_record(DATA / "zotero.bib")
    assert result.study == {} and result.warnings == []
    items = _by_id(result.references)
    assert list(items) == ["berry2011", "creswell2013", "clifford2011", "doh2007", "muller2019", "imroc2014", "nhs2020"]
    berry = items["berry2011"]
    assert berry["type"] == "article-journal"
    assert berry["author"][0] == {"family": "Berry", "given": "Clio"}
    assert (berry["container-title"], berry["volume"], berry["issue"]) == ("Journal of Public Mental Health", "10", "4")
    assert berry["page"] == "238–250"
    assert berry["issued"] == {"date-parts": [[2011, 12]]}
    assert berry["DOI"] == "10.1108/17465721111188250"
    assert berry["keyword"] == "peer support, mental health"
    book = items["creswell2013"]
    assert (book["type"], book["publisher"], book["publisher-place"], book["edition"]) == (
        "book",
        "Sage",
        "Thousand Oaks",
        "3",
    )
    chapter = items["clifford2011"]
    assert chapter["type"] == "chapter"
    assert chapter["container-title"].startswith("Self-harm and Violence")
    assert chapter["editor"] == [
        {"family": "Whittington", "given": "Richard"},
        {"family": "Logan", "given": "Caroline"},
    ]
    assert chapter["publisher"] == "John Wiley & Sons"
    report = items["doh2007"]
    assert report["type"] == "report" and report["author"] == [{"literal": "Department of Health"}]
    assert report["number"] == "8285"
    thesis = items["muller2019"]
    assert thesis["type"] == "thesis" and thesis["genre"] == "PhD thesis"
    assert thesis["author"][0] == {"family": "Müller", "given": "Jörg"}
    assert thesis["author"][1] == {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"}
    assert thesis["title"] == "Peer work in German psychiatry: café meetings and 50% posts"
    assert thesis["publisher"] == "Universität Hamburg"
    assert items["imroc2014"]["type"] == "document"
    assert items["imroc2014"]["URL"] == "https://imroc.org/briefing-9"
    assert items["imroc2014"]["accessed"] == {"date-parts": [[2020, 3, 1]]}
    web = items["nhs2020"]
    assert web["type"] == "webpage" and web["URL"] == "https://www.england.nhs.uk/peer_support?x=1"
    assert web["issued"] == {"date-parts": [[2020, 5, 14]]}


def test_ris_types_and_tags() -> None:
    result = import_record(DATA / "zotero.ris")
    items = _by_id(result.references)
    assert list(items) == ["chinman2010", "mason2002", "clifford2011", "royal2008", "holley2016", "peer2021"]
    j = items["chinman2010"]
    assert j["type"] == "article-journal"
    assert j["author"][2] == {"family": "Cohen", "given": "Amy"}
    assert (j["container-title"], j["container-title-short"]) == (
        "Psychiatric Rehabilitation Journal",
        "Psychiatr Rehabil J",
    )
    assert (j["volume"], j["issue"], j["page"]) == ("33", "4", "269–277")
    assert j["DOI"] == "10.2975/33.4.2010.269.277"
    assert j["keyword"] == "peer support, veterans"
    assert j["abstract"].startswith("Peer support technicians")
    assert j["issued"] == {"date-parts": [[2010]]}
    assert items["mason2002"]["type"] == "book" and items["mason2002"]["ISBN"].startswith("978")
    chap = items["clifford2011"]
    assert (
        chap["type"] == "chapter" and len(chap["editor"]) == 2 and chap["container-title"] == "Self-harm and violence"
    )
    rep = items["royal2008"]
    assert rep["type"] == "report" and rep["author"] == [{"literal": "Royal College of Psychiatrists"}]
    assert rep["number"] == "CR150"
    assert items["holley2016"]["type"] == "thesis" and items["holley2016"]["genre"] == "PhD thesis"
    assert items["peer2021"]["type"] == "webpage" and items["peer2021"]["accessed"] == {"date-parts": [[2021, 1, 5]]}


def test_csl_json_keeps_ids_and_generates_unique_ones() -> None:
    result = import_record(DATA / "zotero.json")
    assert [i["id"] for i in result.references] == ["repper2011", "mason2002a", "mason2002b"]
    assert result.references[0]["issued"] == {"date-parts": [[2011, 8]]}


def test_csl_yaml() -> None:
    result = import_record(DATA / "zotero.yaml")
    assert [i["id"] for i in result.references] == ["walker2013", "department2012"]
    assert result.references[0]["issued"] == "2013-03-01"
    assert result.references[0]["page"] == "28–34"


def test_csl_json_study_and_references_round_trip(tmp_path: Path) -> None:
    f = tmp_path / "record.json"
    f.write_text('{"study": {"type": "article-journal", "title": "T"}, "references": [{"type": "book"}]}')
    result = import_record(f)
    assert result.study == {"type": "article-journal", "title": "T"}
    assert result.references == [{"type": "book", "id": "anon" + "nd"}]


def test_ids_are_unique_and_stable() -> None:
    items = [{"id": "x"}, {"id": "x"}, {"author": [{"family": "O’Connell"}]}, {"title": "The Study"}]
    warnings: list[str] = []
    assign_ids(items, warnings)
    assert [i["id"] for i in items] == ["x", "anonnd", "oconnellnd", "studynd"]
    assert warnings == ["duplicate id 'x': renamed"]


def test_sniffing_txt(tmp_path: Path) -> None:
    ris = (DATA / "zotero.ris").read_text()
    bib = (DATA / "zotero.bib").read_text()
    assert detect_format(Path("a.txt"), ris) == "ris"
    assert detect_format(Path("a.txt"), bib) == "bibtex"
    assert detect_format(Path("a.txt"), "Community Mental Health Journal\n") == "page"
    assert detect_format(Path("a.json"), "") == "csl-json"
    assert detect_format(Path("a.YML"), "") == "csl-yaml"
    f = tmp_path / "export.txt"
    f.write_text(ris)
    assert len(import_record(f).references) == 6


def test_malformed_bibtex_names_the_line() -> None:
    with pytest.raises(UserError) as e:
        import_record(DATA / "broken.bib")
    assert str(e.value).startswith(f"{DATA / 'broken.bib'}:7: unparseable BibTeX")


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        ("bad.json", '[{"type": "book"},\n  {oops}]', 2),
        ("bad.yaml", "- type: book\n  title: [unclosed\n", 3),
        ("bad.ris", "TY  - JOUR\nTI  - x\nTY  - BOOK\nER  - \n", 3),
        ("junk.ris", "hello\n", 1),
        ("empty.bib", "% nothing here\n", None),
        ("scalar.json", "42", 1),
        ("items.json", "[1, 2]", None),
    ],
)
def test_unparseable_structured_files(tmp_path: Path, name: str, text: str, line: int | None) -> None:
    f = tmp_path / name
    f.write_text(text)
    with pytest.raises(UserError) as e:
        import_record(f)
    assert str(e.value).startswith(f"{f}:{line}: " if line else f"{f}: ")


def test_ris_without_final_er_warns(tmp_path: Path) -> None:
    result = load_ris("TY  - JOUR\nAU  - Smith, Ann\nPY  - 2001\n", tmp_path / "x.ris")
    assert result.references[0]["id"] == "smith2001"
    assert result.warnings == ["line 1: the last RIS record has no 'ER' line"]


def test_bibtex_unknown_type_and_duplicate_key(tmp_path: Path) -> None:
    result = load_bibtex("@weird{k1, title={A}, year=2000}\n", tmp_path / "x.bib")
    assert result.references[0]["type"] == "document" and "unknown entry type" in result.warnings[0]
    # Real libraries repeat keys: both entries are kept, the second renamed, and the warning names the line.
    result = load_bibtex("@book{k, title={A}}\n@book{k, title={B}}\n", tmp_path / "x.bib")
    assert [(i["id"], i["title"]) for i in result.references] == [("k", "A"), ("anonnd", "B")]
    assert result.warnings == ["1 entry with an earlier entry's key: 'k' at line 2", "duplicate id 'k': renamed"]


def test_a_reference_whose_key_is_a_uri_gets_an_id(tmp_path: Path) -> None:
    """Making an item buildable drops an id that is a URI (Zotero's); the item still gets a readable unique id."""
    path = tmp_path / "lib.bib"
    path.write_text(
        "@online{https://example.org/briefing-9,\n  title = {Briefing nine},\n  year = {2014}\n}\n"
        "@book{smith2010, title = {S}, author = {Smith, J}, year = {2010}}\n",
        encoding="utf-8",
    )
    ids = [item.get("id") for item in import_record(path).references]
    assert ids == ["briefing2014", "smith2010"]
