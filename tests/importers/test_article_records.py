"""JATS, PubMed XML, MEDLINE and Crossref records: detection by content, fields, full text, and import → build."""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from litsite.cli import main
from litsite.errors import UserError
from litsite.importers.detect import detect_format
from litsite.importers.importer import import_record, study_markdown
from litsite.importers.pubmed import expand_pages

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "records"
PLOS = DATA / "jats" / "plos-ntd-jats" / "pntd.0002065.nxml"
SCIELO = DATA / "jats" / "scielo-jats" / "scielo_article.jats.xml"
JMI = DATA / "pubmed" / "jmi-pubmed-xml" / "pubmed7.xml"
NEJM = DATA / "pubmed" / "nejm-pubmed-xml" / "pubmed-29768149.xml"
NBIB = DATA / "medline" / "medphys-nbib" / "pubmed_result3.txt"
ELIFE = DATA / "crossref" / "elife-crossref-json" / "crossref.json"
CUP = DATA / "crossref" / "cup-crossref-json" / "crossref_api_work_s1047951103000064.json"
KINDS = ("jats", "pubmed", "medline", "crossref")
# Every real record kept for the tests: one folder each, with SOURCE.txt and a truth.json read off the record.
RECORDS = sorted(f for kind in KINDS for f in (DATA / kind).glob("*/*") if f.name not in ("SOURCE.txt", "truth.json"))


def _project(tmp_path: Path) -> Path:
    """An empty project: the example's site.yaml and templates, no content."""
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "site.yaml", project / "site.yaml")
    shutil.copytree(ROOT / "templates", project / "templates")
    return project


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(args), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("record", RECORDS, ids=lambda p: p.name)
def test_every_record_imports_and_builds(tmp_path: Path, record: Path) -> None:
    project = _project(tmp_path)
    status, _, err = _run("--project", str(project), "import", str(record))
    assert status == 0, err
    assert (project / "content" / "records" / record.name).read_bytes() == record.read_bytes()
    result = import_record(record)
    if not result.study:  # a file of several records is a bibliography: the owner writes the study
        study = "---\ntype: article-journal\ntitle: Mine\n---\n"
        (project / "content" / "study.md").write_text(study, encoding="utf-8")
    status, _, err = _run("--project", str(project), "--out", str(tmp_path / "site"))
    assert status == 0, err
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert (result.study.get("title") or "Mine")[:30].replace("&", "&amp;") in html
    assert html.count('class="csl-entry"') == len(result.references)
    assert "<script>alert" not in html


def test_records_score_against_their_truth(tmp_path: Path) -> None:
    """The bench scorer over the kept records: at least 98 % of the checks, every reference count exact."""
    import json
    import subprocess
    import sys

    folders = [str(DATA / kind) for kind in KINDS]
    report = tmp_path / "score.json"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "records" / "score.py"), *folders, "--json", str(report)],
        check=True,
        capture_output=True,
    )
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert figures["count_exact"] == len(RECORDS) == 11
    assert figures["passed"] / figures["total"] >= 0.98


def test_jats_full_text_builds_with_live_citations(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assert _run("--project", str(project), "import", str(PLOS))[0] == 0
    study = (project / "content" / "study.md").read_text(encoding="utf-8")
    front, body = study[4:].split("\n---\n", 1)
    assert yaml.safe_load(front)["abstract"].startswith("Rift Valley fever (RVF) is endemic")
    assert body.startswith("## Abstract\n\nRift Valley fever")
    assert "\n## Materials and Methods\n\n### Site description\n" in body
    # "[4]–[7]" in the record: the range is expanded to every reference between, in list order.
    assert "[@who2007; @andriamandimby2010; @archer2011; @who2010]" in body
    assert "[@swanepoel2004; @pepin2010]" in body  # "[3], [12]": neighbours, one cluster
    assert "| District | Goats |" in body  # a table as a Markdown table
    assert _run("--project", str(project), "--out", str(tmp_path / "site"))[0] == 0
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-cites="who2007 andriamandimby2010 archer2011 who2010"' in html
    assert '<h2 id="materials-and-methods">Materials and Methods</h2>' in html and 'id="abstract"' not in html
    assert '<h3 id="site-description">Site description</h3>' in html
    # The table of contents: the sections and their sub-sections, each link landing on its heading.
    toc = html.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert targets[:2] == ["section-abstract", "introduction"] and "site-description" in targets
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)) and all(f'<h2 id="{t}">' in html or f'<h3 id="{t}">' in html for t in targets)
    # Every citation in the text is a link to an entry of the reference list.
    text = html.split('<section class="full-text"', 1)[1].split("</section>", 1)[0]
    links = re.findall(r'<span class="citation"[^>]*><a href="#(ref-[^"]+)">', text)
    assert len(links) == text.count('class="citation"') > 20
    assert all(f'<li id="{target}" class="csl-entry"' in html for target in links)


# --- detection by content


def test_detection_by_content_not_extension(tmp_path: Path) -> None:
    jats_txt = tmp_path / "article.txt"
    jats_txt.write_bytes(PLOS.read_bytes())
    assert import_record(jats_txt).study["DOI"] == "10.1371/journal.pntd.0002065"
    nbib_ris = tmp_path / "pubmed.ris"
    nbib_ris.write_bytes(NBIB.read_bytes())
    assert import_record(nbib_ris).study["PMID"] == "23039619"
    crossref_txt = tmp_path / "work.txt"
    crossref_txt.write_bytes(CUP.read_bytes())
    assert len(import_record(crossref_txt).references) == 46
    pubmed_bib = tmp_path / "odd.bib"
    pubmed_bib.write_bytes(JMI.read_bytes())
    assert import_record(pubmed_bib).study["PMID"] == "29963580"
    assert detect_format(Path("a.json"), ELIFE.read_text(encoding="utf-8")) == "crossref-json"
    assert detect_format(Path("a.json"), '[{"id": "x", "type": "book"}]') == "csl-json"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("thing.xml", b'<?xml version="1.0"?><catalog><book id="1"/></catalog>'),
        ("notes.txt", b"Just some notes about a paper.\nNothing else here.\n"),
        ("thing.nxml", b"<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>"),
    ],
)
def test_unknown_content_is_exit_2_listing_the_kinds(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    status, _, err = _run("--project", str(tmp_path), "import", str(path))
    assert status == 2 and "Traceback" not in err
    assert err.startswith(f"{path}: ")
    for kind in ("JATS XML", "PubMed XML", "MEDLINE", "Crossref", "BibTeX", "RIS", "doi:"):
        assert kind in err


def test_broken_xml_is_a_user_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(b"<?xml version='1.0'?>\n<article>\n<front><article-meta><title-group>\x01</article>")
    try:
        result = import_record(path)
    except UserError as e:
        assert str(e).startswith(f"{path}")
    else:
        assert any("not well-formed" in w for w in result.warnings)


def test_hostile_xml_entities_are_not_expanded_or_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    path = tmp_path / "evil.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY l0 "lol">{lol}'
        f'<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<article><front><article-meta><title-group><article-title>T &xxe; &l8;</article-title>"
        "</title-group></article-meta></front></article>",
        encoding="utf-8",
    )
    title = import_record(path).study.get("title", "")
    assert "TOP SECRET" not in title and len(title) < 100


# --- fields


def test_jats_study_fields() -> None:
    s = import_record(PLOS).study
    assert s["container-title"] == "PLoS Neglected Tropical Diseases" and s["page"] == "e2065"
    assert (s["volume"], s["issue"], s["issued"], s["available-date"]) == ("7", "2", "2013-02", "2013-02-28")
    assert (s["submitted"], s["accepted"]) == ("2012-08-03", "2013-01-04")
    assert (s["PMID"], s["PMCID"]) == ("23469300", "PMC3585041")
    assert s["author"][0] == {"family": "Fafetine", "given": "José"}
    assert s["copyright"] == "© 2013 Fafetine et al" and s["affiliations"][0].startswith("Veterinary Faculty")
    scielo = import_record(SCIELO).study
    assert "Azote’y" in scielo["title"]  # ISO-8859-1 declared, byte 0x92 read as Windows-1252
    assert scielo["issue"] == "2" and scielo["page"] == "102–107"
    assert scielo["keywords"][:2] == ["Desnutrición aguda", "desnutrición crónica"]


def test_jats_references_field_by_field() -> None:
    refs = import_record(PLOS).references
    assert len(refs) == 32
    henrich = refs[16]
    assert henrich["author"][0] == {"family": "Henrich", "given": "N"}
    assert (henrich["container-title"], henrich["volume"], henrich["issue"], henrich["page"]) == (
        "PloS Negl Trop Dis",
        "6",
        "3",
        "e1557",
    )
    assert henrich["DOI"] == "10.1371/journal.pntd.0001557" and henrich["PMID"] == "22479657"
    assert refs[3]["author"] == [{"literal": "WHO"}]
    # An unstructured mixed-citation goes through the free-text parser; its link is kept as URL.
    assert refs[18]["author"] == [{"literal": "Instituto Nacional de Metereologia - INAM"}]
    assert refs[18]["URL"] == "http://www.inam.gov.mz"


def test_pubmed_xml() -> None:
    r = import_record(JMI)
    s = r.study
    assert s["title"].startswith("Development of a pulmonary imaging") and not s["title"].endswith(".")
    assert s["author"][-1] == {"literal": "Canadian Respiratory Research Network"}
    assert (s["page"], s["DOI"], s["PMCID"]) == ("026002", "10.1117/1.JMI.5.2.026002", "PMC6022861")
    assert len(r.references) == 49 and all("author" not in ref for ref in r.references)
    assert r.references[0]["PMID"] == "25144646" and r.references[0]["page"] == "250–259"
    nejm = import_record(NEJM)
    assert nejm.references == [] and nejm.study["page"] == "1865–1876"
    assert nejm.study["abstract"].startswith("BACKGROUND: In patients with mild asthma")
    assert "**BACKGROUND** In patients" in nejm.body


@pytest.mark.parametrize(
    ("printed", "full"),
    [("5795-813", "5795–5813"), ("250-9", "250–259"), ("1865-1876", "1865–1876"), ("e1557", "e1557"),
     ("S12-9", "S12–S19"), ("99-1", "99-1"), ("026002", "026002")],
)  # fmt: skip
def test_medline_page_ranges_are_written_out(printed: str, full: str) -> None:
    assert expand_pages(printed) == full


def test_several_records_are_a_bibliography() -> None:
    r = import_record(DATA / "medline" / "biopython-pubmed-result2" / "pubmed_result2.txt")
    assert r.study == {} and [ref["id"] for ref in r.references] == ["casbon2006", "pritchard2006", "dehoon2004",
                                                                     "hamelryck2003"]  # fmt: skip
    assert r.references[1]["issued"] == {"date-parts": [[2006, 3, 1]]} and r.references[1]["page"] == "616–617"
    assert "imported as references" in r.warnings[-1]


def test_medline_record() -> None:
    r = import_record(NBIB)
    s = r.study
    assert s["page"] == "5795–5813" and s["DOI"] == "10.1118/1.4748329" and s["issued"] == "2012-10"
    assert [a["family"] for a in s["author"]] == ["Qiao", "Shen", "Bai", "Chen"]
    assert s["container-title"] == "Medical physics" and r.references == []
    assert "**PURPOSE** High-intensity" in r.body and "\n\n**METHODS** Two transducers" in r.body


def test_crossref_records() -> None:
    elife = import_record(ELIFE)
    assert elife.study["container-title"] == "eLife" and elife.study["DOI"] == "10.7554/elife.01567"
    assert elife.study["abstract"].startswith("Among various advantages")
    assert len(elife.references) == 27 and all(ref.get("DOI") for ref in elife.references)
    assert elife.references[0]["title"] == "APL regulates vascular tissue identity in Arabidopsis"
    cup = import_record(CUP)
    assert cup.study["page"] == "28–35" and len(cup.references) == 46
    cheadle = cup.references[10]  # "Cheadle WB . The various …": the stray space before the full stop is ignored
    assert cheadle["author"][0]["family"] == "Cheadle"


# --- JATS body: citations, ranges, escaping


def _jats(body: str, refs: int = 6) -> bytes:
    ref_list = "".join(
        f'<ref id="r{i}"><element-citation publication-type="journal"><person-group person-group-type="author">'
        f"<name><surname>Author{chr(64 + i)}</surname><given-names>A</given-names></name></person-group>"
        f"<year>200{i}</year><article-title>Title {i}</article-title><source>J</source></element-citation></ref>"
        for i in range(1, refs + 1)
    )
    return (
        '<?xml version="1.0"?><article><front><journal-meta><journal-title>J</journal-title></journal-meta>'
        "<article-meta><title-group><article-title>A study</article-title></title-group>"
        '<pub-date pub-type="ppub"><year>2020</year></pub-date></article-meta></front>'
        f"<body>{body}</body><back><ref-list>{ref_list}</ref-list></back></article>"
    ).encode()


def _body(tmp_path: Path, body: str) -> str:
    path = tmp_path / "a.xml"
    path.write_bytes(_jats(body))
    return import_record(path).body


def x(n: int, text: str | None = None) -> str:
    """A bibr xref to reference n."""
    return f'<xref ref-type="bibr" rid="r{n}">{text if text is not None else n}</xref>'


@pytest.mark.parametrize(
    ("para", "expected"),
    [
        (f"Seen before [{x(1)}].", "Seen before [@authora2001]."),
        (f"Seen [{x(1)}, {x(2)}].", "Seen [@authora2001; @authorb2002]."),
        (f"Seen [{x(2)}–{x(5)}].", "Seen [@authorb2002; @authorc2003; @authord2004; @authore2005]."),
        (f"Seen {x(1, '[1]')}–{x(3, '[3]')}, {x(6, '[6]')}.",
         "Seen [@authora2001; @authorb2002; @authorc2003; @authorf2006]."),
        (f"Seen<sup>{x(1)},{x(2)}</sup> here.", "Seen[@authora2001; @authorb2002] here."),
        (f"Seen ({x(1, 'AuthorA, 2001')}; {x(2, 'AuthorB, 2002')}).", "Seen [@authora2001; @authorb2002]."),
        (f"Seen [{x(1)}] and later [{x(2)}].", "Seen [@authora2001] and later [@authorb2002]."),
        (f"Seen {x(1)}(see text) here.", "Seen [@authora2001]\\(see text) here."),
        ('Seen <xref ref-type="bibr" rid="r1 r2">1,2</xref>.', "Seen [@authora2001; @authorb2002]."),
        (f"Both{x(1)}({x(2)}) stay apart.", "Both[@authora2001][@authorb2002] stay apart."),
    ],
)  # fmt: skip
def test_body_citations(tmp_path: Path, para: str, expected: str) -> None:
    assert _body(tmp_path, f"<p>{para}</p>").strip() == expected


def test_body_structure_and_escaping(tmp_path: Path) -> None:
    body = _body(
        tmp_path,
        "<sec><title>Intro *x*</title><p>A <italic>b</italic> &lt;script&gt;alert(1)&lt;/script&gt; @me "
        "[not](javascript:alert(1)) 1. no list</p>"
        '<sec><title>Sub</title><list list-type="bullet"><list-item><p>one</p></list-item>'
        "<list-item><p>two</p></list-item></list></sec></sec>"
        "<sec><title>Tables</title><table-wrap><label>Table 1</label><caption><title>Counts.</title></caption>"
        "<table><thead><tr><th>a|b</th><th>n</th></tr></thead><tbody><tr><td>x</td><td>1</td></tr></tbody>"
        '</table></table-wrap><p>Unknown <xref ref-type="bibr" rid="zz">9</xref>.</p>'
        '<p>Link <ext-link xlink:href="javascript:alert(1)" xmlns:xlink="http://www.w3.org/1999/xlink">x</ext-link>'
        ' <ext-link xlink:href="https://example.org/a" xmlns:xlink="http://www.w3.org/1999/xlink">site</ext-link>'
        "</p></sec>",
    )
    assert body.startswith(
        "## Intro \\*x\\*\n\nA *b* &lt;script&gt;alert(1)&lt;/script&gt; &#64;me \\[not\\](javascript"
    )
    assert "### Sub\n\n- one\n- two" in body
    assert "**Table 1** Counts.\n\n| a\\|b | n |\n|---|---|\n| x | 1 |" in body
    assert "Unknown 9." in body
    assert "Link x [site](<https://example.org/a>)" in body
    from litsite.cite.mdparse import parse_markdown

    html = parse_markdown(body, []).html  # as the build renders it
    assert "<script>" not in html and 'href="javascript' not in html and "<li>one</li>" in html


def test_unknown_citation_target_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    path.write_bytes(_jats('<p>See <xref ref-type="bibr" rid="nope">7</xref>.</p>'))
    result = import_record(path)
    assert any("nope" in w and "no such reference" in w for w in result.warnings)


def test_reference_dois_are_taken_whole(tmp_path: Path) -> None:
    sici = "10.1002/(SICI)1096-9861(19980907)398:4&lt;515::AID-CNE4&gt;3.0.CO;2-5"
    path = tmp_path / "a.xml"
    path.write_bytes(
        _jats("<p>x</p>", refs=0).replace(
            b"<ref-list></ref-list>",
            (
                '<ref-list><ref id="a"><element-citation publication-type="journal"><person-group>'
                "<name><surname>Witten</surname></name></person-group><year>1998</year>"
                f'<pub-id pub-id-type="doi">{sici}</pub-id></element-citation></ref>'
                '<ref id="b"><element-citation publication-type="journal"><person-group><name><surname>Lin</surname>'
                '</name></person-group><pub-id pub-id-type="doi">10.1371/journal.pbio. 1001425</pub-id>'
                "</element-citation></ref></ref-list>"
            ).encode(),
        )
    )
    refs = import_record(path).references
    assert [r["DOI"] for r in refs] == [sici.replace("&lt;", "<").replace("&gt;", ">"), "10.1371/journal.pbio.1001425"]


# --- robustness: cut and spliced records never crash, they give UserError or warnings

SAMPLES = [PLOS, JMI, NBIB, CUP]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLES), st.data())
def test_damaged_records_never_crash(record: Path, data: st.DataObject) -> None:
    raw = record.read_bytes()[:40_000]
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, min(len(raw), start + 5000)))
    junk = data.draw(st.sampled_from([b"", b"<", b"</p>", b"&amp", b'"', b"\n", b"<xref ref-type='bibr' rid='x'>"]))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / record.name
        path.write_bytes(raw[:start] + junk + raw[end:])
        try:
            result = import_record(path)
        except UserError as e:
            assert str(e).startswith(str(path)) and "Traceback" not in str(e)
            return
        assert len({r["id"] for r in result.references}) == len(result.references)
        study_markdown(result.study, result.body)
