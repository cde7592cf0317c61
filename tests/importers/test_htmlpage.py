"""Saved HTML article pages: metadata precedence, page chrome, reference lists, and real publishers' pages."""

from __future__ import annotations

import io
import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from litsite.importers.htmlpage import citation_reference_tags, head_family
from litsite.importers.importer import import_record

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "data" / "records" / "pages"
RECORDS = sorted(p.parent for p in PAGES.rglob("truth.json"))


def _page(tmp_path: Path, body: str, head: str = "", name: str = "page.html") -> Path:
    f = tmp_path / name
    f.write_text(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return f


def _meta(name: str, content: str) -> str:
    return f'<meta name="{name}" content="{content}">'


REFS = """<h2>References</h2><ol>
<li>Berry, C., &amp; Hayward, M. (2011). Another rather than other. <i>Journal of Public Mental Health, 10</i>, 238–250.
 <a href="https://doi.org/10.1108/17465721111175047">CrossRef</a> |
 <a href="https://scholar.google.com/?q=x">Google Scholar</a>
 <a href="https://www.ncbi.nlm.nih.gov/pubmed/12345678">PubMed</a> <a class="back" href="#cite1">↑</a></li>
<li>Boardman, J., &amp; Roberts, G. (2014). Recovery, risk and safety. London: ImROC.
 <a href="https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1234567/">PMC free article</a></li>
</ol>"""


# --- the study: one order of precedence, chrome never a field


def test_highwire_wins_over_json_ld_prism_dublin_core_and_opengraph(tmp_path: Path) -> None:
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Site"},
            {
                "@type": "ScholarlyArticle",
                "headline": "LD title",
                "author": [{"@type": "Person", "givenName": "Ann", "familyName": "Ld"}],
                "isPartOf": {
                    "@type": "PublicationIssue",
                    "issueNumber": "7",
                    "isPartOf": {"@type": "Periodical", "name": "LD Journal"},
                },
                "keywords": "alpha, beta",
                "abstract": "The abstract from JSON-LD.",
            },
        ],
    }
    head = (
        _meta("citation_title", "Highwire title")
        + f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        + _meta("prism.volume", "12")
        + _meta("prism.publicationName", "PRISM Journal")
        + _meta("DC.Title", "DC title")
        + _meta("DC.Creator", "Dee Cee")
        + _meta("dc.identifier", "doi:10.1234/dc.5")
        + '<meta property="og:title" content="OG title | Site">'
    )
    s = import_record(_page(tmp_path, REFS, head)).study
    assert s["title"] == "Highwire title"
    assert s["container-title"] == "LD Journal"  # JSON-LD before PRISM
    assert (s["volume"], s["issue"]) == ("12", "7")  # each field from the first source that has it
    assert s["author"] == [{"family": "Ld", "given": "Ann"}]  # a whole list from one source
    assert s["DOI"] == "10.1234/dc.5"
    assert s["keywords"] == ["alpha", "beta"]
    assert s["abstract"] == "The abstract from JSON-LD."


def test_page_chrome_never_becomes_a_field(tmp_path: Path) -> None:
    body = (
        '<div id="cookie-consent"><h1>Cookies Notification</h1><p>We use cookies to give you the best experience '
        "of this website, see our privacy policy for the details of what we store.</p></div>"
        '<div class="browser-upgrade-banner"><h1>Your browser is out of date</h1></div>'
        '<div role="dialog" class="modal"><h2>Abstract</h2><p>Sign in to your account to read the full text of this '
        "article and download it as a PDF file for your own use.</p></div>"
        '<nav><ul class="keywords"><li>Permalink</li><li>Related articles</li></ul></nav>'
        '<h1 class="article-title">The real title</h1>'
        '<section class="abstract"><h2>Abstract</h2><p>Peer workers were interviewed in four services about risk '
        "and the role they had, and what it meant to them.</p><p>Citation: Holley J (2015) The real title.</p>"
        "</section>"
        '<footer><div class="keywords">Footer; links</div></footer>' + REFS
    )
    s = import_record(_page(tmp_path, body)).study
    assert s["title"] == "The real title"
    assert s["abstract"].startswith("Peer workers were interviewed") and "Citation" not in s["abstract"]
    assert "keywords" not in s


def test_body_fallback_reads_a_sciencedirect_like_header(tmp_path: Path) -> None:
    body = (
        '<div class="publicationHead"><div class="title">Physics of the Dark Universe</div>'
        '<p class="volIssue">Volumes 5–6, December 2014, Pages 307–314</p></div>'
        '<h1 class="svTitle">A title</h1><ul><li><a class="authorName" data-fn="Licia" data-ln="Verde">Licia Verde</a>'
        '</li></ul><dd class="doi"><a href="http://dx.doi.org/10.1016/j.dark.2014.09.003">doi:10.1016/j.dark</a></dd>'
        '<div class="abstract svAbstract"><h2>Abstract</h2><p>We use cosmology-independent measurements of the '
        "expansion history in the redshift range and compare them.</p></div>"
        '<ul class="keyword"><li class="svKeywords">Cosmology; </li><li class="svKeywords">Hubble parameter</li></ul>'
        + REFS
    )
    s = import_record(_page(tmp_path, body)).study
    assert (s["container-title"], s["volume"], s["page"], s["issued"]) == (
        "Physics of the Dark Universe",
        "5-6",
        "307–314",
        "2014",
    )
    assert s["author"] == [{"family": "Verde", "given": "Licia"}]
    assert s["DOI"] == "10.1016/j.dark.2014.09.003"
    assert s["keywords"] == ["Cosmology", "Hubble parameter"]


# --- the reference list


def test_entries_lose_link_labels_and_keep_link_targets(tmp_path: Path) -> None:
    refs = import_record(_page(tmp_path, REFS, _meta("citation_title", "T"))).references
    assert len(refs) == 2
    first, second = refs
    assert first["x-source-line"].endswith("238–250.")
    assert first["x-links"] == ["CrossRef", "Google Scholar", "PubMed"]
    assert (first["DOI"], first["PMID"]) == ("10.1108/17465721111175047", "12345678")
    assert first["author"][0]["family"] == "Berry" and first["container-title"] == "Journal of Public Mental Health"
    assert second["PMCID"] == "PMC1234567" and "PMC" not in second["x-source-line"]
    assert [r["id"] for r in refs] == ["berry2011", "boardman2014"]


def test_list_split_over_page_fragments_and_marked_lists_without_heading(tmp_path: Path) -> None:
    item = '<li><ul class="reference"><li class="author">A. Smith, et al.</li><li>J. Phys. 1 (2001) 1</li></ul></li>'
    body = (
        f'<div class="page_fragment"><h2>References</h2><ol class="references">{item * 3}</ol></div>'
        f'<div class="page_fragment"><ol class="references">{item * 2}</ol></div>'
        '<div class="recommended-articles"><ol class="references"><li>Not a reference</li></ol></div>'
    )
    refs = import_record(_page(tmp_path, body, _meta("citation_title", "T"))).references
    assert len(refs) == 5 and all(r["author"][0]["family"] == "Smith" for r in refs)
    no_heading = '<div class="bibliography"><ul><li>Jones AB (2001) A title. J Stud 1:2</li></ul></div>'
    refs = import_record(_page(tmp_path, no_heading, _meta("citation_title", "T"), "b.html")).references
    assert [r["author"][0]["family"] for r in refs] == ["Jones"]


def test_localised_heading_and_table_rows(tmp_path: Path) -> None:
    rows = "".join(f"<tr><td>[{n}]</td><td>Müller, K. ({2000 + n}). Titel {n}. Verlag.</td></tr>" for n in (1, 2, 3))
    body = f"<h3>Literaturverzeichnis</h3><table>{rows}</table>"
    refs = import_record(_page(tmp_path, body, _meta("citation_title", "T"))).references
    assert [r["x-source-line"][:10] for r in refs] == ["Müller, K."] * 3


def test_citation_reference_tags_give_fields_and_stand_in_for_a_missing_list(tmp_path: Path) -> None:
    tag = (
        "citation_title=Another rather than other; citation_author=Berry, C; citation_author=Hayward, M; "
        "citation_journal_title=J Public Ment Health; citation_year=2011; citation_volume=10; citation_doi=10.1/x"
    )
    assert citation_reference_tags([("citation_reference", tag)]) == [
        {
            "title": "Another rather than other",
            "container-title": "J Public Ment Health",
            "volume": "10",
            "DOI": "10.1/x",
            "author": [{"family": "Berry", "given": "C"}, {"family": "Hayward", "given": "M"}],
            "issued": {"date-parts": [[2011]]},
        }
    ]
    result = import_record(
        _page(tmp_path, "<p>No list here.</p>", _meta("citation_title", "T") + _meta("citation_reference", tag))
    )
    assert [r["title"] for r in result.references] == ["Another rather than other"]
    assert any("citation_reference" in w for w in result.warnings)


def test_a_partly_shown_list_is_completed_from_the_tags_in_place(tmp_path: Path) -> None:
    tags = "".join(
        _meta("citation_reference", f"citation_title=Title number {n}; citation_author=Au{n}, A; citation_year=200{n}")
        for n in range(1, 5)
    )
    body = (
        "<h2>References</h2><ol><li>Au1 A (2001) Title number 1. J 1:1</li>"
        "<li>Au3 A (2003) Title number 3. J 1:1</li></ol>"
    )
    refs = import_record(_page(tmp_path, body, _meta("citation_title", "T") + tags)).references
    assert [r["author"][0]["family"] for r in refs] == ["Au1", "Au2", "Au3", "Au4"]


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("O’Cathain A, Thomas KJ, Drabble SJ: What can qualitative research do", "O’Cathain"),
        ("P.A.R. Ade, et al. [Planck collaboration]. arXiv:1303.5062.", "Ade"),
        ("J. M. Tarascon and M. Armand: Nature, 2001, 414, 359–367.", "Tarascon"),
        ("E. Di Paolo and M. Rinaldi, “Yield response of corn,” Field Crops Research", "Di Paolo"),
        ("Clay Shirky, “How Cognitive Surplus Will Change the World”, June 2010.", "Shirky"),
        ("Of mice and men: a title without authors.", ""),
    ],
)
def test_head_family(text: str, family: str) -> None:
    assert head_family(text) == family


def test_pages_in_other_encodings_and_pages_without_anything(tmp_path: Path) -> None:
    f = tmp_path / "cp1252.html"
    f.write_bytes(
        b"<html><head><title>x</title></head><body><h1>Caf\xe9 \x92quoted\x92</h1>" + REFS.encode() + b"</body></html>"
    )
    assert import_record(f).study["title"] == "Café ’quoted’"
    from litsite.errors import UserError

    with pytest.raises(UserError, match="no article found"):
        import_record(_page(tmp_path, "<p>nothing</p>", name="empty.html"))


# --- real publishers' pages (tests/data/records/pages, each with SOURCE.txt and a hand-read truth.json)


def _fold(text: object) -> str:
    s = unicodedata.normalize("NFKD", str(text or ""))
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).casefold().replace("-", " ").split())


@pytest.mark.parametrize("folder", RECORDS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_pages_count_and_key_fields(folder: Path) -> None:
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    record = next(p for p in folder.iterdir() if p.suffix in (".html", ".htm"))
    result = import_record(record)
    s, refs = result.study, result.references
    assert len(refs) == (truth["n_refs"] or 0)
    assert _fold(s["title"]) == _fold(truth["title"])
    assert _fold(s.get("DOI")) == _fold(truth["DOI"])
    if truth["authors"]:
        first = s["author"][0]
        forms = {
            _fold(first.get("family") or first.get("literal")),
            _fold(f"{first.get('non-dropping-particle', '')} {first.get('family', '')}"),
        }
        assert _fold(truth["authors"][0]) in forms
    else:  # a page that names no author must not get one from its chrome
        assert "author" not in s
    assert _fold(s.get("container-title")) == _fold(truth["container-title"])
    firsts = truth["ref_first_family"] or []
    found = [
        _fold((r.get("author") or [{}])[0].get("family") or (r.get("author") or [{}])[0].get("literal")) for r in refs
    ]
    agree = sum(_fold(want) in (got, got.split(" ")[-1]) for want, got in zip(firsts, found, strict=True) if want)
    assert agree >= 0.9 * len([f for f in firsts if f])


@pytest.mark.parametrize("folder", RECORDS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_pages_import_and_build(folder: Path, tmp_path: Path) -> None:
    from litsite.cli import main
    from litsite.pipeline import build_site

    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(ROOT / "templates", project / "templates")
    site = (ROOT / "site.yaml").read_text(encoding="utf-8")
    (project / "site.yaml").write_text(
        site.replace("styles: [apa, vancouver-nlm, chicago-author-date, modern-language-association]", "styles: [apa]"),
        encoding="utf-8",
    )
    record = next(p for p in folder.iterdir() if p.suffix in (".html", ".htm"))
    err = io.StringIO()
    assert main(["--project", str(project), "import", str(record)], out=io.StringIO(), err=err) == 0, err.getvalue()
    out = build_site(project, tmp_path / "out", cache=False)
    assert (out / "index.html").is_file() and (out / "references" / "index.html").is_file()
