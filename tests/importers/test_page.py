"""The saved-page parser on the three Springer layouts of one article and on variants of others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litsite.importers.page import parse_page

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "records"
SEED = ROOT / "content" / "records" / "holley2015-springer.txt"
LAYOUTS = {
    "old": SEED,
    "stripped": DATA / "holley2015-stripped.txt",
    "new": DATA / "holley2015-new.txt",
    "new-plain": DATA / "holley2015-new-plain.txt",  # the new layout saved without bullets
}
TITLE = "Peer Worker Roles and Risk in Mental Health Services: A Qualitative Comparative Case Study"
KEYWORDS = ["Peer support", "Well-being", "Risk management", "Qualitative research"]
AUTHORS = [
    {"family": "Holley", "given": "Jessica"},
    {"family": "Gillard", "given": "Steve"},
    {"family": "Gibson", "given": "Sarah"},
]
AFFILIATION = (
    "Division of Population Health Sciences and Education, Section of Mental Health, "
    "St George’s University of London, London, UK"
)


def _parse(path: Path):
    return parse_page(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layouts_recover_the_article(layout: str) -> None:
    rec = _parse(LAYOUTS[layout])
    s = rec.study
    assert s["type"] == "article-journal"
    assert s["title"] == TITLE
    assert s["container-title"] == "Community Mental Health Journal"
    assert s["volume"] == "51"
    assert s["page"] == "477–490"
    assert s["issued"].startswith("2015")
    assert s["genre"] == "Original Paper"
    assert s["keywords"] == KEYWORDS
    assert s["keyword"] == ", ".join(KEYWORDS)
    assert s["abstract"].startswith("New peer worker roles are being introduced")
    assert s["abstract"].endswith("brought to the role.")
    assert len(rec.references) == 49
    assert rec.references[0].text.startswith("Berry, C., Hayward, M.")
    assert rec.references[-1].text.startswith("Waring, J., & Currie, G. (2009)")
    assert rec.references[0].markers in (("CrossRef", "Google Scholar"), ("Article", "Google Scholar"))
    assert all(r.text and not r.text.endswith("Scholar") for r in rec.references)


def test_old_layout_specifics() -> None:
    rec = _parse(SEED)
    assert rec.study["issue"] == "4"
    assert rec.study["copyright"] == "© Springer Science+Business Media New York 2015"
    assert rec.study["affiliations"] == [AFFILIATION]
    assert "author" not in rec.study and "DOI" not in rec.study
    assert "no authors found in the record" in rec.warnings
    assert "no DOI found in the record" in rec.warnings
    assert rec.references[10].markers == ("CrossRef", "PubMed Central", "PubMed", "Google Scholar")
    assert rec.references[14].markers == ()  # ends with a DOI, no markers
    assert rec.references[14].glued == rec.references[14].text


def test_stripped_layout_has_bulleted_authors() -> None:
    rec = _parse(LAYOUTS["stripped"])
    assert rec.study["author"] == AUTHORS
    assert rec.study["issue"] == "4"
    assert rec.study["affiliations"] == [AFFILIATION]
    assert "no authors found in the record" not in rec.warnings


def test_new_layout_dates_doi_and_links() -> None:
    rec = _parse(LAYOUTS["new"])
    s = rec.study
    assert s["author"] == AUTHORS
    assert s["DOI"] == "10.1007/s10597-015-9843-y"
    assert s["issued"] == "2015-05"
    assert (s["submitted"], s["accepted"], s["available-date"]) == ("2014-10-01", "2015-02-09", "2015-02-18")
    assert s["container-title-short"] == "Community Ment Health J"
    assert s["affiliations"][0].startswith("Division of Population Health Sciences")
    assert rec.references[3].markers == ("Article", "PubMed", "Google Scholar")
    assert rec.references[1].markers == ("Google Scholar",)
    assert rec.references[14].markers == ()
    assert rec.references[0].glued.endswith("238–250.ArticleGoogle Scholar")


def test_old_layout_with_authors_wrapped_references_and_plain_keywords() -> None:
    rec = _parse(DATA / "gillard2015-old-authors.txt")
    s = rec.study
    assert s["container-title"] == "Administration and Policy in Mental Health and Mental Health Services Research"
    assert (s["volume"], s["issue"], s["page"], s["issued"]) == ("42", "4", "488–501", "2015-07")
    assert [a["family"] for a in s["author"]] == ["Gillard", "Holley", "Gibson", "Lucock"]
    assert s["DOI"] == "10.1007/s10488-014-0603-z"
    assert s["available-date"] == "2014-10-24"
    assert s["keywords"] == ["Peer worker", "Mental health services", "Organisational change", "Case study"]
    assert any("capital letters" in w for w in rec.warnings)
    assert len(s["affiliations"]) == 2
    assert s["affiliations"][1] == (
        "Centre for Applied Research in Health, School of Human and Health Sciences, University of Huddersfield, "
        "Huddersfield, UK"
    )
    refs = rec.references
    assert len(refs) == 5
    assert refs[1].text.startswith("Davidson, L.") and refs[1].text.endswith("32(3), 443–450.")
    assert refs[1].markers == ("CrossRef", "PubMed Central", "PubMed", "Google Scholar")


def test_new_layout_open_access_with_structured_abstract() -> None:
    rec = _parse(DATA / "gillard2013-bmc-new.txt")
    s = rec.study
    assert s["container-title"] == "BMC Health Services Research"
    assert (s["volume"], s["number"], s["issued"]) == ("13", "188", "2013")
    assert s["DOI"] == "10.1186/1472-6963-13-188"
    assert s["genre"] == "Research article"
    assert len(s["author"]) == 5 and s["author"][-1] == {"family": "Wright", "given": "Christopher"}
    assert s["abstract"].startswith("**Background** Peer workers")
    assert "Introduction" not in s["abstract"] and "full text" not in s["abstract"]
    assert s["keywords"] == ["Peer worker", "Mental health services", "Organisational change"]
    assert len(s["affiliations"]) == 2
    assert [r.line for r in rec.references] == [41, 45, 50]
    assert rec.references[1].text.endswith("20: 392-411. 10.3109/09638237.2011.583947.")
    assert rec.references[2].markers == ()


def test_page_without_references_warns() -> None:
    rec = _parse(DATA / "norefs.txt")
    assert rec.references == []
    assert "no references found in the record" in rec.warnings


@pytest.mark.parametrize("text", ["", "\n\n", "•", "1.", "References\n", "Keywords\n\u00a0", "Volume 1, Issue", "©"])
def test_degenerate_pages_do_not_crash(text: str) -> None:
    parse_page(text)


def test_new_plain_layout_splits_unbulleted_references() -> None:
    rec = _parse(LAYOUTS["new-plain"])
    assert rec.study["author"] == AUTHORS
    assert rec.study["DOI"] == "10.1007/s10597-015-9843-y"
    assert rec.references[14].text.endswith("doi:10.3310/hsdr02190.") and rec.references[14].markers == ()
    assert rec.references[15].text.startswith("Gillard, S., Edwards, C., Gibson, S., Owen, K.")


@pytest.mark.parametrize(
    ("line", "families"),
    [
        ("Jessica Holley ORCID: orcid.org/0000-0002-1234-567X1, Steve Gillard1 & Sarah Gibson1", 3),
        ("• Jessica HolleyEmail author", 1),
        ("Anna van der Berg, José María García-López & Li Wei", 3),
        ("Community Mental Health Journal", 0),
        ("Peer Worker Roles and Risk in Mental Health Services: A Qualitative Comparative Case Study", 0),
        ("Original Paper", 0),
    ],
)
def test_author_lines(line: str, families: int) -> None:
    from litsite.importers.textutil import name_list

    names = name_list(line.lstrip("• "), strict=False)
    assert len(names or []) == families


def test_old_layout_inline_labels_and_authors_only_in_affiliations() -> None:
    rec = _parse(DATA / "smith2013-old-inline.txt")
    s = rec.study
    assert rec.warnings == []
    assert (s["container-title"], s["container-title-short"]) == ("Psychiatric Quarterly", "Psychiatr Q")
    assert (s["volume"], s["issue"], s["page"], s["issued"]) == ("84", "1", "1–12", "2013-03")
    assert s["title"] == "A Made-Up Study of Peer Support Groups in Community Settings"
    assert s["genre"] == "Original Article"
    assert (s["submitted"], s["accepted"], s["available-date"]) == ("2012-05-03", "2012-08-01", "2012-08-20")
    assert s["abstract"].startswith("Peer support groups are") and s["abstract"].endswith("led by staff.")
    assert s["keywords"] == ["Peer support", "Self-help groups", "Community mental health"]
    assert s["author"] == [
        {"family": "Smith", "given": "Anna"},
        {"family": "Berg", "given": "Bram", "non-dropping-particle": "van der"},
    ]
    assert s["DOI"] == "10.1007/s11126-012-9999-1"
    assert (s["ISSN"], s["publisher"]) == ("0033-2720", "Springer US")
    assert s["affiliations"] == [
        "Department of Psychology, University of Exeter, Exeter, UK",
        "Trimbos Institute, Utrecht, The Netherlands",
    ]
    assert len(rec.references) == 2


def test_citation_line_fills_volume_and_pages() -> None:
    text = (DATA / "holley2015-new.txt").read_text().replace("• Volume 51, pages 477–490, (2015)\n", "")
    s = parse_page(text).study
    assert (s["volume"], s["page"], s["container-title"]) == ("51", "477–490", "Community Mental Health Journal")


def test_old_layout_book_chapter() -> None:
    rec = _parse(DATA / "chapter-old.txt")
    s = rec.study
    assert (s["type"], s["container-title"], s["page"], s["issued"]) == (
        "chapter",
        "Peer Support in Mental Health Services",
        "45–67",
        "2016",
    )
    assert s["title"] == "Peer Workers and Risk: A Chapter"
    assert [a["family"] for a in s["author"]] == ["Holley", "Gillard"]
    assert s["keywords"] == ["Peer support", "Risk"]
    assert "no volume found in the record" not in rec.warnings
    assert len(rec.references) == 1


def test_unnumbered_references_without_heading() -> None:
    text = re.sub(r"(?m)^  \d+\. (?=[A-Z])", "", LAYOUTS["stripped"].read_text(encoding="utf-8"))
    rec = parse_page(text)
    assert len(rec.references) == 49
    assert rec.references[0].text.startswith("Berry, C.") and rec.references[-1].text.startswith("Waring, J.")
    assert rec.study["abstract"].startswith("New peer worker roles")


def test_stripped_layout_keywords_with_plain_spaces() -> None:
    rec = parse_page(LAYOUTS["stripped"].read_text(encoding="utf-8").replace("\u00a0", " "))
    assert rec.study["keywords"] == KEYWORDS
    assert any("capital letters" in w for w in rec.warnings)
