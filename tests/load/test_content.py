from pathlib import Path

import pytest

from litsite.errors import InputWarning, UserError, UserErrors
from litsite.load.content import load_content, read_page

REPO = Path(__file__).resolve().parents[2]


def make(tmp_path: Path, refs: str, study: str = "---\ntitle: S\ntype: article-journal\n---\nAbstract.\n") -> Path:
    root = tmp_path / "content"
    root.mkdir()
    (root / "study.md").write_text(study, encoding="utf-8")
    (root / "references.yaml").write_text(refs, encoding="utf-8")
    return root


def errors_of(root: Path) -> list[str]:
    with pytest.raises(UserErrors) as exc:
        load_content(root)
    return [str(e) for e in exc.value.errors]


def test_example_content_loads():
    content = load_content(REPO / "content")
    assert len(content.references) == 49
    study = content.study
    assert study.item["title"].startswith("Peer Worker Roles and Risk")
    assert [a["family"] for a in study.item["author"]] == ["Holley", "Gillard", "Gibson"]
    assert study.item["DOI"] == "10.1007/s10597-015-9843-y"
    assert study.item["issued"] == {"date-parts": [[2015, 5]]}
    assert study.keywords == ("Peer support", "Well-being", "Risk management", "Qualitative research")
    assert "author" in study.added_by_hand["fields"]
    assert study.item["abstract"].startswith("New peer worker roles")


def test_front_matter_lines(tmp_path: Path):
    p = tmp_path / "p.md"
    p.write_text("---\ntitle: X\nfoo: 1\n---\nBody\n", encoding="utf-8")
    page = read_page(p)
    assert page.meta == {"title": "X", "foo": 1}
    assert page.lines.of("foo") == 3
    assert page.body == "Body\n" and page.body_line == 5


def test_unknown_variable_in_reference(tmp_path: Path):
    root = make(tmp_path, "- id: a\n  type: book\n  titel: X\n")
    (err,) = errors_of(root)
    assert err.startswith(f"{root / 'references.yaml'}:3: unknown CSL variable 'titel'; did you mean 'title'?")


def test_unknown_key_in_front_matter(tmp_path: Path):
    root = make(tmp_path, "[]\n", study="---\ntitle: S\ntype: article-journal\nkeywrods: [a]\n---\n")
    (err,) = errors_of(root)
    assert err.startswith(f"{root / 'study.md'}:4: unknown CSL variable 'keywrods'; did you mean 'keywords'?")


def test_duplicate_ids_ignoring_case(tmp_path: Path):
    root = make(tmp_path, "- id: Doe2020\n  type: book\n- id: doe2020\n  type: book\n")
    (err,) = errors_of(root)
    assert err.startswith(f"{root / 'references.yaml'}:3: duplicate id 'doe2020'") and "line 1" in err


def test_bad_type_and_date_collected_together(tmp_path: Path):
    root = make(tmp_path, "- id: a\n  type: jounral\n- id: b\n  type: book\n  issued: 2015-13\n")
    errs = errors_of(root)
    assert len(errs) == 2
    assert errs[0].endswith("unknown CSL type 'jounral'")
    assert ":5: issued: month 13 is out of range" in errs[1]


def test_names_need_family_or_literal(tmp_path: Path):
    root = make(tmp_path, "- id: a\n  type: book\n  author:\n    - given: C.\n")
    (err,) = errors_of(root)
    assert ":4: a name needs 'family'" in err


def test_missing_content_dir(tmp_path: Path):
    with pytest.raises(UserError) as exc:
        load_content(tmp_path / "nope")
    assert "content directory not found" in str(exc.value)


def test_iso_dates_normalised(tmp_path: Path):
    root = make(tmp_path, "- id: a\n  type: book\n  issued: 2015-05-18\n  accessed: {date-parts: [[2020]]}\n")
    ref = load_content(root).references[0]
    assert ref.item["issued"] == {"date-parts": [[2015, 5, 18]]}
    assert ref.item["accessed"] == {"date-parts": [[2020]]}


def test_x_keys_kept_but_not_csl(tmp_path: Path):
    root = make(tmp_path, "- id: a\n  type: book\n  x-links: [PubMed]\n")
    ref = load_content(root).references[0]
    assert ref.item["x-links"] == ["PubMed"] and "x-links" not in ref.csl


@pytest.mark.parametrize(
    ("given", "meant", "whose"),
    [
        ("journal-article", "article-journal", "Crossref's 'journal-article'"),
        ("proceedings-article", "paper-conference", "Crossref's 'proceedings-article'"),
        ("book-chapter", "chapter", "Crossref's 'book-chapter'"),
        ("inproceedings", "paper-conference", "BibTeX's 'inproceedings'"),
        ("incollection", "chapter", "BibTeX's 'incollection'"),
        ("phdthesis", "thesis", "BibTeX's 'phdthesis'"),
        ("techreport", "report", "BibTeX's 'techreport'"),
        ("JOUR", "article-journal", "RIS's 'JOUR'"),
        ("CHAP", "chapter", "RIS's 'CHAP'"),
        ("CONF", "paper-conference", "RIS's 'CONF'"),
        ("journalArticle", "article-journal", "Zotero's 'journalArticle'"),
        ("bookSection", "chapter", "Zotero's 'bookSection'"),
    ],
)
def test_other_systems_type_names_suggest_the_csl_type(tmp_path: Path, given: str, meant: str, whose: str):
    root = make(tmp_path, f"- id: a\n  type: {given}\n")
    (err,) = errors_of(root)
    assert err == (
        f"{root / 'references.yaml'}:2: unknown CSL type {given!r}; did you mean {meant!r}? (the CSL type for {whose})"
    )


def test_type_typos_and_case_slips_suggest_the_closest_csl_type(tmp_path: Path):
    root = make(tmp_path, "- id: a\n  type: Book\n- id: b\n  type: artcle-journal\n- id: c\n  type: zzzz\n")
    assert [e.split(": ", 1)[1] for e in errors_of(root)] == [
        "unknown CSL type 'Book'; did you mean 'book'?",
        "unknown CSL type 'artcle-journal'; did you mean 'article-journal'?",
        "unknown CSL type 'zzzz'",
    ]


def test_page_front_matter_is_checked(tmp_path: Path):
    root = make(tmp_path, "[]\n")
    (root / "pages").mkdir()
    (root / "pages" / "about.md").write_text("---\ntitle: About\nnav_order: 2\nx-note: kept\n---\nText\n", "utf-8")
    (root / "pages" / "bad.md").write_text("---\ntitle: Bad\nnavorder: 1\n---\n", "utf-8")
    (root / "pages" / "worse.md").write_text("---\ntitle: [a]\nnav_order: first\n---\n", "utf-8")
    errs = errors_of(root)
    pages = root / "pages"
    assert errs == [
        f"{pages / 'bad.md'}:3: unknown front matter key 'navorder'; did you mean 'nav_order'? (a page has title,"
        " nav_order, toc)",
        f"{pages / 'worse.md'}:2: title must be text",
        f"{pages / 'worse.md'}:3: nav_order must be a whole number (pages are listed by it, then by title)",
    ]


def test_toc_is_a_switch_of_the_page_not_a_field_of_the_article(tmp_path: Path):
    root = make(tmp_path, "[]\n", study="---\ntitle: S\ntype: article-journal\ntoc: false\n---\nText.\n")
    content = load_content(root)
    assert content.study.page.meta["toc"] is False and "toc" not in content.study.item  # never in CSL or JSON-LD
    (root / "study.md").write_text("---\ntitle: S\ntype: article-journal\ntoc: maybe\n---\n", "utf-8")
    (root / "pages").mkdir()
    (root / "pages" / "a.md").write_text("---\ntitle: A\ntoc: 1\n---\n", "utf-8")
    message = "toc must be true or false (shown by default when the text has three headings or more)"
    assert errors_of(root) == [f"{root / 'study.md'}:4: {message}", f"{root / 'pages' / 'a.md'}:3: {message}"]


def test_variable_names_in_another_case_are_csl_variables(tmp_path: Path):
    refs = (
        "- id: a\n  type: webpage\n  title: T\n  url: https://example.org/\n  Container-Title: Site\n"
        "  author: [{family: Doe}]\n"
        "- id: b\n  type: book\n  title: B\n  doi: 10.1/x\n  Issued: 2001\n  AUTHOR: [{family: Roe}]\n"
    )
    root = make(tmp_path, refs)
    with pytest.warns(InputWarning) as caught:
        content = load_content(root)
    (warning,) = caught  # one warning for the file, naming it, at the first such key
    assert str(warning.message) == (
        f"{root / 'references.yaml'}:4: warning: CSL variable names in another case, read as 'AUTHOR' as 'author', "
        "'Container-Title' as 'container-title', 'Issued' as 'issued', 'doi' as 'DOI', 'url' as 'URL'"
    )
    a, b = (r.item for r in content.references)
    assert a == {
        "id": "a",
        "type": "webpage",
        "title": "T",
        "URL": "https://example.org/",
        "container-title": "Site",
        "author": [{"family": "Doe"}],
    }
    assert b["DOI"] == "10.1/x" and b["issued"] == {"date-parts": [[2001]]} and b["author"] == [{"family": "Roe"}]


def test_the_rest_of_the_validation_stays(tmp_path: Path):
    # Both spellings in one item: not silently merged; a misspelling is still an error; values are still checked.
    root = make(tmp_path, "- id: a\n  type: book\n  url: x\n  URL: y\n  Titel: X\n  Issued: 2015-13-45\n")
    with pytest.warns(InputWarning):
        errors = errors_of(root)
    assert f"{root / 'references.yaml'}:3: 'url' and 'URL' are the same CSL variable, given twice" in errors
    assert any(":5: unknown CSL variable 'Titel'" in e for e in errors)
    assert any(":6: issued:" in e for e in errors)
