"""`import --force`: another article keeps nothing of the old one; a library leaves the study; bibliography sites."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import REPO, run_cli
from sitecrawl import crawl, serve_directory

from litsite.importers.importer import import_record, write_content
from litsite.importers.replace import normalised_title, same_article
from litsite.pipeline import build_site

DATA = REPO / "tests" / "data" / "records"
SEED = DATA / "holley2015-new.txt"
OTHER = DATA / "gillard2013-bmc-new.txt"  # a different article (Gillard et al. 2013, BMC)
HAND = (
    "DOI: 10.1007/s10597-015-9843-y\nPMID: '25690153'\nauthor:\n  - {family: Holley, given: Jessica}\n"
    "added-by-hand:\n  fields: [DOI, PMID, author]\n  source: Springer Link\n"
)


def _front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def _seeded(tmp_path: Path) -> Path:
    """content/ with the seed imported and the owner's hand-added DOI, PMID and authors."""
    content = tmp_path / "content"
    write_content(import_record(SEED), content, SEED, force=False)
    study = content / "study.md"
    study.write_text(study.read_text(encoding="utf-8").replace("\n---\n", "\n" + HAND + "---\n", 1), encoding="utf-8")
    return content


def test_same_article_by_doi_ignoring_case_or_by_title_without_doi() -> None:
    assert same_article({"DOI": "10.1007/S10597-015-9843-Y"}, {"DOI": "https://doi.org/10.1007/s10597-015-9843-y"})
    assert not same_article({"DOI": "10.1/a", "title": "Same"}, {"DOI": "10.1/b", "title": "Same"})
    assert same_article({"title": "Peer Worker Roles: a  Study"}, {"title": "peer worker roles — a study."})
    assert same_article({"DOI": "10.1/a", "title": "T"}, {"title": "t"})  # the DOI was added to a record lacking it
    assert not same_article({"title": ""}, {"title": ""})
    assert normalised_title("Épidémie <i>et</i> santé") == "epidemie et sante"


def test_force_of_a_different_article_keeps_nothing_of_the_old_one(tmp_path: Path) -> None:
    content = _seeded(tmp_path)
    assert (content / "records" / SEED.name).exists()
    r = run_cli("import", str(OTHER), "--force", "--content", str(content))
    assert r.status == 0, r.err
    front = _front(content / "study.md")
    new = import_record(OTHER).study
    assert front["title"] == new["title"]
    for key in ("PMID", "added-by-hand"):
        assert key not in front
    assert front.get("DOI") == new.get("DOI") and front.get("author") == new.get("author")
    text = (content / "study.md").read_text(encoding="utf-8")
    assert "Holley" not in text and "25690153" not in text and "Springer Link" not in text
    assert "nothing of the old study is kept" in r.out
    assert "dropped what was added by hand for the old article: DOI, PMID, author" in r.out
    assert not (content / "records" / SEED.name).exists() and (content / "records" / OTHER.name).exists()


def test_force_of_a_different_article_names_the_site_title_to_change(tmp_path: Path) -> None:
    content = _seeded(tmp_path)
    (tmp_path / "site.yaml").write_text("title: Peer Worker Roles\n", encoding="utf-8")
    r = run_cli("import", str(OTHER), "--force", "--content", str(content))
    assert f"{tmp_path / 'site.yaml'}: the site's title is still 'Peer Worker Roles': set it" in r.out
    r = run_cli("import", str(SEED), "--force", "--content", str(content))
    assert "the site's title is still" in r.out  # SEED is another article again
    r = run_cli("import", str(SEED), "--force", "--content", str(content))
    assert "the site's title" not in r.out  # the same article: the site is still about it


def test_force_of_the_same_article_keeps_what_was_added_by_hand(tmp_path: Path) -> None:
    content = _seeded(tmp_path)
    study = content / "study.md"
    study.write_text(study.read_text(encoding="utf-8").replace("10.1007/s10597", "10.1007/S10597"), encoding="utf-8")
    page = DATA / "holley2015-page.html"  # the same article, saved as HTML, with its DOI in a meta tag
    r = run_cli("import", str(page), "--force", "--content", str(content))
    assert r.status == 0, r.err
    front = _front(study)
    assert front["PMID"] == "25690153" and front["DOI"] == "10.1007/S10597-015-9843-y"
    assert front["added-by-hand"]["fields"] == ["DOI", "PMID", "author"]
    assert "kept what you added by hand for it: DOI, PMID, author" in r.out
    assert (content / "records" / SEED.name).exists()  # the same article's other record stays


def test_library_import_replaces_references_and_leaves_the_study(tmp_path: Path) -> None:
    content = _seeded(tmp_path)
    (content / "pages").mkdir()
    (content / "pages" / "notes.md").write_text("---\ntitle: Notes\n---\nAs [@nobody1999] says.\n", encoding="utf-8")
    before = (content / "study.md").read_bytes()
    r = run_cli("import", str(DATA / "zotero.bib"), "--force", "--content", str(content))
    assert r.status == 0, r.err
    assert (content / "study.md").read_bytes() == before
    refs = yaml.safe_load((content / "references.yaml").read_text(encoding="utf-8"))
    assert len(refs) == len(import_record(DATA / "zotero.bib").references)
    assert "the study stayed as it was" in r.out and "bibliography site" in r.out
    assert f"1 citation(s) name ids the new references lack: {content / 'pages' / 'notes.md'}:4: @nobody1999" in r.out


def _bibliography_project(tmp_path: Path, study: str | None = None) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "site.yaml", project / "site.yaml")
    shutil.copytree(REPO / "templates", project / "templates")
    r = run_cli("import", str(DATA / "zotero.json"), "--content", str(project / "content"))
    assert r.status == 0, r.err
    assert "bibliography site" in r.out and not (project / "content" / "study.md").exists()
    if study is not None:
        (project / "content" / "study.md").write_text(study, encoding="utf-8")
    return project


def _visible(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("study", [None, "", "---\nadded-by-hand: {fields: []}\n---\n"])
def test_bibliography_site_builds_and_claims_no_study(tmp_path: Path, study: str | None) -> None:
    out = build_site(_bibliography_project(tmp_path, study), tmp_path / "out")
    home = (out / "index.html").read_text(encoding="utf-8")
    n = len(yaml.safe_load((tmp_path / "project" / "content" / "references.yaml").read_text(encoding="utf-8")))
    assert "<h1>Peer Worker Roles and Risk in Mental Health Services</h1>" in home  # site.yaml's title
    assert f"{n} works, formatted in" in home and 'id="ref-list"' in home
    assert not (out / "references" / "index.html").exists()
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > n
    for page in pages:
        text = _visible(page.read_text(encoding="utf-8"))
        assert not re.search(r"\bstudy\b|cited by", text, re.I), page
        assert 'href="references/"' not in page.read_text(encoding="utf-8")
    ref_page = next((out / "references").glob("*/index.html")).read_text(encoding="utf-8")
    assert '<a href="../../">References</a> ›' in ref_page


def test_bibliography_site_intro_cites_and_links_to_reference_pages(tmp_path: Path) -> None:
    project = _bibliography_project(tmp_path, "Works we read, e.g. [@placeholder].\n")
    first = yaml.safe_load((project / "content" / "references.yaml").read_text(encoding="utf-8"))[0]["id"]
    page = project / "content" / "study.md"
    page.write_text(page.read_text(encoding="utf-8").replace("placeholder", first), encoding="utf-8")
    out = build_site(project, tmp_path / "out")
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<div class="intro"><p>Works we read, e.g. <span class="citation"' in home
    assert re.search(r'<a href="references/[^"]+/">', home)
    cited = next(p for p in (out / "references").glob("*/index.html") if ">The introduction</a>" in p.read_text())
    text = cited.read_text(encoding="utf-8")
    assert "Where it is cited" in text and "Works we read, e.g. <mark" in text and '"../../#cite-' in text
    with serve_directory(out, not_found_page=out / "404.html") as server:  # every link works, over real HTTP
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        result = crawl([base, base + "no/such/page/"], base)
    assert result.problems == [f"{base}no/such/page/: HTTP 404"]
    assert len([u for u in result.fetched if u.endswith("/")]) > len(list((out / "references").iterdir()))


def test_study_without_title_but_with_article_fields_is_an_error(tmp_path: Path) -> None:
    from litsite.errors import UserErrors
    from litsite.pipeline import load_sources

    project = _bibliography_project(tmp_path, "---\nauthor: [{family: Doe}]\nDOI: 10.1/x\n---\n")
    with pytest.raises(UserErrors) as e:
        load_sources(project)
    assert "study.md:3: the study needs a 'title' (it sets DOI, author)" in str(e.value)
    # Keywords too belong to an article: a keyword page would call them "a keyword of the study".
    (project / "content" / "study.md").write_text("---\nkeywords: [peer support]\n---\n", encoding="utf-8")
    with pytest.raises(UserErrors) as e:
        load_sources(project)
    assert "study.md:2: the study needs a 'title' (it sets keywords)" in str(e.value)


def test_no_study_and_no_references_is_an_error(tmp_path: Path) -> None:
    from litsite.errors import UserErrors
    from litsite.load.content import load_content

    (tmp_path / "content").mkdir()
    with pytest.raises(UserErrors) as e:
        load_content(tmp_path / "content")
    assert "study.md: file not found" in str(e.value)
