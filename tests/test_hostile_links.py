"""Hostile data, finding 1: only http(s) links come from data; identifiers are checked before the site links them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hostilekit import links, small_project, unsafe_links

from litsite import safety

HOSTILE_URLS = [
    "javascript:alert(document.domain)",
    "  JavaScript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "https:evil",
]

REFERENCES = "".join(
    f"- id: url{n}\n  type: webpage\n  title: Page {n}\n  URL: {json.dumps(url)}\n  x-links: [CrossRef]\n"
    for n, url in enumerate(HOSTILE_URLS)
) + (
    "- id: ids1\n  type: article-journal\n  title: Identifiers\n  PMCID: ../../evil\n  PMID: '1/../../x'\n"
    '  DOI: "javascript:alert(1)"\n  x-links: [PubMedCentral, PubMed, CrossRef]\n'
    "- id: ids2\n  type: article-journal\n  title: A DOI with a hash\n  DOI: '10.1000/a#b?c\"d<e'\n"
    "  PMCID: PMC12345\n  PMID: '123456'\n  URL: ' https://example.org/ok '\n  x-links: [PubMedCentral]\n"
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/a?b=1", "https://example.org/a?b=1"),
        ("  HTTP://EXAMPLE.ORG ", "HTTP://EXAMPLE.ORG"),
        ("www.example.org/a?b=1&c=2", "http://www.example.org/a?b=1&c=2"),
        ("www.", None),
        *((url, None) for url in HOSTILE_URLS),
        ("https://example.org/\x1b[31m", None),
        ("http://exa mple.org/", None),
    ],
)
def test_only_http_urls_become_links(value: str, expected: str | None):
    assert safety.web_url(value) == expected


def test_identifier_links_are_checked_and_encoded():
    assert safety.doi_url("10.1000/a#b?c%d") == "https://doi.org/10.1000/a%23b%3Fc%25d"
    assert safety.doi_url("doi:10.1002/(SICI)1097<1>") == "https://doi.org/10.1002/(SICI)1097%3C1%3E"
    assert safety.doi_url("https://doi.org/10.1007/x") == "https://doi.org/10.1007/x"
    for bad in ("javascript:alert(1)", "11.1000/x", "10.1000/", "10.1000/a b", "../../10.1000/x"):
        assert safety.doi_url(bad) is None, bad
    assert safety.pmid_url(" 123 ") == "https://pubmed.ncbi.nlm.nih.gov/123/"
    assert safety.pmid_url("1/../x") is None and safety.pmid_url("١٢٣") is None  # (Arabic-Indic digits)
    assert safety.pmcid_url("pmc77") == "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC77/"
    assert safety.pmcid_url("../../evil") is None


def test_urls_from_data_never_become_script_links(tmp_path: Path, cli):
    project = small_project(tmp_path / "p", REFERENCES)
    out = tmp_path / "out"
    assert cli("--project", str(project), "--out", str(out)).status == 0
    assert unsafe_links(out) == []
    page = (out / "references" / "url0" / "index.html").read_text(encoding="utf-8")
    assert ">Web page</a>" not in page  # no link for it at all; the fields table shows the URL as text
    assert "javascript:alert(document.domain)" in page
    targets = [target for _, target in links(out)]
    assert [t for t in targets if "evil" in t or "../../x" in t] == []  # no link made from the PMCID or PMID
    ids = (out / "references" / "ids1" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://www.ncbi.nlm.nih.gov/pmc/?term=Identifiers"' in ids
    good = (out / "references" / "ids2" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://doi.org/10.1000/a%23b%3Fc%22d%3Ce"' in good
    assert 'href="https://www.ncbi.nlm.nih.gov/pmc/articles/PMC12345/"' in good
    assert 'href="https://example.org/ok">Web page' in good
    # COinS and JSON-LD carry only checked identifiers and http(s) URLs.
    study = (out / "index.html").read_text(encoding="utf-8")
    head, coins = study.split("</head>")[0], re.findall(r'class="Z3988" title="([^"]*)"', study)
    assert "javascript" not in head.lower() and "data:" not in head  # (entries show the URLs as text)
    assert len(coins) == len(HOSTILE_URLS) + 2 and not [c for c in coins if "javascript" in c.lower()]
    assert [c for c in coins if "rft_id" in c] == [c for c in coins if "PMC12345" in c or "a%23b" in c]


@pytest.mark.parametrize(
    ("name", "record"),
    [
        ("refs.bib", "@misc{evil1, title={Evil}, url={javascript:alert(1)}, year={2001}}\n"),
        ("refs.ris", "TY  - ELEC\nTI  - Evil\nUR  - JavaScript:alert(1)\nPY  - 2001\nER  - \n"),
        ("refs.json", json.dumps([{"id": "evil1", "type": "webpage", "title": "Evil", "URL": " data:text/html,x"}])),
    ],
    ids=["bibtex", "ris", "csl-json"],
)
def test_imported_script_urls_make_no_links(name: str, record: str, tmp_path: Path, cli):
    project = small_project(tmp_path / "p", "[]\n")
    (tmp_path / name).write_text(record, encoding="utf-8")
    (project / "content" / "references.yaml").unlink()
    result = cli("--project", str(project), "import", str(tmp_path / name), "--content", str(project / "content"))
    assert result.status == 0, result.err
    assert "URL" in (project / "content" / "references.yaml").read_text(encoding="utf-8")
    out = tmp_path / "out"
    assert cli("--project", str(project), "--out", str(out)).status == 0
    assert unsafe_links(out) == []
    assert len(list((out / "references").glob("*/index.html"))) == 1
