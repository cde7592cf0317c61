"""Where each work is cited, as built pages show it: reference pages list the places with their sentence, section and
a link that lands on the citation; the study's list says how often and where; a work never cited says so."""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
from lxml import html as lhtml

from litsite.pipeline import build_site
from litsite.site.citedwhere import MAX_PLACES

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "data" / "contexts"
PLOS = REPO / "tests" / "data" / "records" / "jats" / "plos-ntd-jats" / "pntd.0002065.nxml"


def make_project(tmp_path: Path) -> Path:
    """The context fixture (a full-text study with sections, an extra page) with the example's templates."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    shutil.copytree(REPO / "templates", project / "templates")
    return project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("ctx"))
    return build_site(project, project / "out", base_url="https://example.org/sub/")


def page(out: Path, rel: str) -> lhtml.HtmlElement:
    return lhtml.fromstring((out / rel).read_text(encoding="utf-8"))


def places(out: Path, ref: str) -> list[tuple[str, str, str]]:
    """(sentence text, link text, link href) of each place a reference page lists."""
    doc = page(out, f"references/{ref}/index.html")
    return [
        (" ".join(li.find(".//blockquote").text_content().split()), li.find(".//a").text, li.find(".//a").get("href"))
        for li in doc.xpath("//ol[@class='places']/li")
    ]


def test_reference_page_lists_each_place_with_its_sentence_and_section(site: Path):
    assert places(site, "smith2001") == [
        ("Peer support has a long history (Smith, 2001).", "Introduction", "../../#cite-smith2001-1"),
        (
            "As Jones (2010) argues, it is more than friendship; see also (Lee et al., 2015; Smith, 2001, p. 12).",
            "Introduction",
            "../../#cite-smith2001-2",
        ),
        ("A second sentence cites (Smith, 2001).", "Methods › Interviews", "../../#cite-smith2001-3"),
        ("A list item citing (Jones, 2010; Smith, 2001).", "Discussion", "../../#cite-smith2001-4"),
    ]
    doc = page(site, "references/smith2001/index.html")
    summary = doc.xpath("//section[@class='cited']/p")[0].text_content()
    assert summary == "Cited 4 times, in Introduction, Methods, Discussion."
    # this citation is marked; the others in the sentence are citations too, so the style switcher redraws them
    marks = doc.xpath("//ol[@class='places']//mark[@data-cluster]")
    assert [m.text_content() for m in marks][:1] == ["(Smith, 2001)"]
    assert doc.xpath("//ol[@class='places']//span[@data-cluster='1']")[0].text_content() == "Jones (2010)"


def test_places_on_extra_pages_are_listed_with_the_pages_title(site: Path):
    got = places(site, "jones2010")
    assert got[-1] == (
        "Our own reading of (Jones, 2010) differs.",
        "Reading notes › Background",
        "../../notes/#cite-jones2010-1",
    )
    assert [p[1] for p in got] == ["Introduction", "Discussion", "Discussion", "Reading notes › Background"]


def test_every_context_link_lands_on_its_citation(site: Path):
    """Each link's page has exactly one element with the anchor: a citation of that work."""
    checked = 0
    for ref_page in sorted(site.glob("references/*/index.html")):
        ref = ref_page.parent.name
        for _, _, href in places(site, ref):
            target, anchor = href.split("#")
            rel = posixpath.normpath(posixpath.join(f"references/{ref}/", target or "."))
            found = page(site, f"{'' if rel == '.' else rel + '/'}index.html").xpath(f'//*[@id="{anchor}"]')
            assert len(found) == 1 and "citation" in found[0].get("class")
            assert ref in found[0].get("data-cites").split()
            checked += 1
    assert checked == 10
    for rel in ("index.html", "notes/index.html"):
        ids = page(site, rel).xpath("//@id")
        assert len(ids) == len(set(ids)), rel


def test_the_study_list_says_how_often_and_where_and_never(site: Path):
    doc = page(site, "index.html")
    lines = {
        li.get("data-ref-id"): li.xpath(".//span[@class='cited-where']")[0].text_content()
        for li in doc.xpath("//li[contains(@class, 'csl-entry')]")
    }
    assert lines == {
        "jones2010": "Cited 4 times: Introduction, Discussion, Reading notes",
        "lee2015": "Cited 2 times: Introduction, Methods",
        "smith2001": "Cited 4 times: Introduction, Methods, Discussion",
        "uncited1999": "Not cited in the text",
    }
    link = doc.xpath("//li[@data-ref-id='lee2015']//span[@class='cited-where']/a")[0]
    assert link.get("href") == "references/lee2015/#in-study"
    never = page(site, "references/uncited1999/index.html").xpath("//section[@class='cited']/p")[0].text_content()
    assert never == "The study’s text does not cite this work."


def test_contexts_are_searchable(site: Path):
    index = json.loads((site / "data" / "search.json").read_text(encoding="utf-8"))
    doc_of = [d[0] for d in index["docs"]]
    post = dict(zip(index["terms"], index["post"], strict=True))
    assert "friendship" in post  # only in the sentences citing jones2010 (and smith2001, lee2015 beside it)
    numbers, n = [], 0
    for step in post["friendship"].split("."):
        n += int(step, 36)
        numbers.append(n)
    assert {doc_of[i] for i in numbers} == {"jones2010", "smith2001", "lee2015"}


def test_text_is_escaped_and_markup_dropped(tmp_path: Path):
    project = make_project(tmp_path)
    study = project / "content" / "study.md"
    text = study.read_text(encoding="utf-8").replace(
        "Peer support has a long history", 'Peer <img src=x onerror="alert(1)"> &lt;script&gt;x <i>support</i>'
    )
    study.write_text(text, encoding="utf-8")
    out = build_site(project, tmp_path / "out")
    body = (out / "references" / "smith2001" / "index.html").read_text(encoding="utf-8")
    assert "onerror" not in body and "<script>" not in body and "<i>support" not in body
    assert "Peer &lt;script&gt;x support <mark" in body


def test_abstract_only_study_does_not_claim_never_cited(project: Path, tmp_path: Path):
    """The example: the study's abstract cites nothing and the site lacks the full text; no entry says 'not cited'."""
    out = build_site(project, tmp_path / "out")
    section = page(out, "references/berry2011/index.html").xpath("//section[@class='cited']/p")[0].text_content()
    assert section.startswith("This site has the study’s abstract, not its full text")
    assert 'class="cited-where"' not in (out / "index.html").read_text(encoding="utf-8")
    # once the abstract cites a work, its place is listed, in the "Abstract" section the study page gives it
    study = project / "content" / "study.md"
    study.write_text(study.read_text(encoding="utf-8").rstrip() + " Roles grow [@berry2011].\n", encoding="utf-8")
    out = build_site(project, tmp_path / "out")
    assert places(out, "berry2011") == [("Roles grow (Berry et al., 2011).", "Abstract", "../../#cite-berry2011-1")]


def test_a_work_cited_thousands_of_times_keeps_its_page_small(tmp_path: Path):
    project = make_project(tmp_path)
    (project / "site.yaml").write_text("title: Big\nbase_url: /\nstyle: apa\n", encoding="utf-8")
    study = project / "content" / "study.md"
    many = "".join(f"Sentence {i} cites [@smith2001, p. {i}]. " for i in range(5000))
    study.write_text(study.read_text(encoding="utf-8") + "\n" + many + "\n", encoding="utf-8")
    out = build_site(project, tmp_path / "out")
    body = (out / "references" / "smith2001" / "index.html").read_text(encoding="utf-8")
    assert len(page(out, "references/smith2001/index.html").xpath("//ol[@class='places']/li")) == MAX_PLACES
    assert "Cited 5,004 times" in body and f"And {5004 - MAX_PLACES:,} more places, not listed here." in body
    assert len(body) < 60_000


def test_a_jats_article_with_a_body_shows_the_citing_sentences(tmp_path: Path):
    from conftest import run_cli

    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO / "site.yaml", project / "site.yaml")
    shutil.copytree(REPO / "templates", project / "templates")
    assert run_cli("--project", str(project), "import", str(PLOS)).status == 0
    assert run_cli("--project", str(project), "--out", str(tmp_path / "site")).status == 0
    got = places(tmp_path / "site", "rao1989")
    assert got == [
        (
            "Seroprevalence was compared between districts, and the overall seroprevalence was compared between "
            "species, using the chi-square test with second order correction of Rao and Scott to account for the "
            "survey design (Rao & Scott, 1989).",
            "Materials and Methods › Statistical analysis",
            "../../#cite-rao1989-1",
        )
    ]
    study = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="cite-rao1989-1"' in study
    assert "Cited 4 times</a>: Introduction, Materials and Methods, Discussion" in study  # dinap2002
    assert html.unescape(re.sub(r"<[^>]+>", "", study)).count("Not cited in the text") == 0
