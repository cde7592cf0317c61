"""Hostile data, finding 2: what one value can make the build do is bounded — years, YAML aliases and depth, and
what one reference multiplies (authors, keywords). The amplification inputs run in a subprocess under a memory
limit and a timeout, as a user's build would."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from hostilekit import REPO, SITE, small_project

from litsite.site import charts

MEMORY_LIMIT = 1536 << 20  # address space of the build process (each forked worker has its own)
TIMEOUT = 240

ALIAS_BOMB = '  x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"  x-{c}: &{c} [{','.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)


def limited_build(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`python build.py` on project, under MEMORY_LIMIT and TIMEOUT."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--project", str(project), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=limit,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_amplification_inputs_stay_bounded(tmp_path: Path):
    """10,000 authors and 10,000 keywords in one reference; years at both ends of the range."""
    big = {
        "id": "big2020",
        "type": "article-journal",
        "title": "A work with ten thousand authors",
        "author": [{"family": f"Family{i}", "given": f"Given{i}"} for i in range(10_000)],
        "keyword": ", ".join(f"keyword {i}" for i in range(10_000)),
        "issued": 2020,
    }
    ends = [{"id": f"y{y}", "type": "book", "title": f"Year {y}", "issued": y} for y in (-9999, 9999)]
    project = small_project(tmp_path / "p", json.dumps([big, *ends]))
    out = tmp_path / "out"
    result = limited_build(project, out)
    assert result.returncode == 0, result.stderr[-2000:]
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    assert size < 60 << 20, f"{size >> 20} MB of output"
    assert len(list((out / "authors").glob("*/index.html"))) == 50  # the first 50 authors of the reference
    assert len(list((out / "keywords").glob("*/index.html"))) == 50 + 4  # and its first 50 keywords (+ the study's)


@pytest.mark.parametrize(
    ("references", "message"),
    [
        ("- id: huge\n  type: book\n  issued: 10000000\n", ":3: issued: year 10000000 is out of range (-9999..9999)"),
        (
            "- id: huge\n  type: book\n  issued: {date-parts: [[2000], [99999999999]]}\n",
            ":3: issued: year 99999999999 is out of range",
        ),
        ("- id: bomb\n  type: book\n" + ALIAS_BOMB, ":3: YAML anchors and aliases (&name, *name) are not allowed"),
        ("- id: deep\n  type: book\n  x-deep: " + "[" * 500 + "]" * 500 + "\n", ":3: YAML nested more than 64"),
    ],
    ids=["year", "year-in-range", "alias-bomb", "deep"],
)
def test_absurd_values_are_path_errors_within_bounds(references: str, message: str, tmp_path: Path):
    project = small_project(tmp_path / "p", references)
    result = limited_build(project, tmp_path / "out")
    assert result.returncode == 2, result.stderr[-2000:]
    assert f"content/references.yaml{message}" in result.stderr
    assert "Traceback" not in result.stderr


def test_year_chart_work_is_bounded_by_bars():
    svg = str(charts.year_histogram([-9999, 9999, 2000, 2001, None]))
    assert 1 < svg.count("<rect") <= charts.MAX_BARS
    assert "-10000–-9751: 1 work" in svg and "9750–9999: 1 work" in svg and "2000–2249: 2 works" in svg
    assert str(charts.year_histogram([2001, 2003])).count("<rect") == 3  # a usual span keeps a bar per year


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("site.yaml", SITE + "description: &d x\nfooter: *d\n"),
        ("content/study.md", None),
        ("content/pages/about.md", "---\ntitle: &t About\nx: *t\n---\nText\n"),
        ("content/references.yaml", "- id: a\n  type: book\n  title: &t A\n  x-t: *t\n"),
    ],
    ids=["site", "study", "page", "references"],
)
def test_yaml_aliases_are_refused_everywhere(where: str, text: str | None, tmp_path: Path, cli):
    project = small_project(tmp_path / "p", "- id: a\n  type: book\n")
    path = project / where
    path.parent.mkdir(parents=True, exist_ok=True)
    if text is None:
        text = path.read_text(encoding="utf-8").replace("genre: Original Paper", "genre: &g Paper\nx-genre: *g", 1)
    path.write_text(text, encoding="utf-8")
    result = cli("--project", str(project), "--out", str(tmp_path / "out"))
    assert result.status == 2
    assert f"{where}:" in result.err and "YAML anchors and aliases (&name, *name) are not allowed" in result.err


@pytest.mark.parametrize(
    ("name", "record", "message"),
    [
        ("a.yaml", "- &a {id: a, type: book}\n- *a\n", "a.yaml:1: YAML anchors and aliases"),
        ("d.yaml", "- id: a\n  type: book\n  x: " + "[" * 200 + "]" * 200 + "\n", "d.yaml:3: YAML nested more"),
        ("d.json", '[{"id": "a", "type": "book", "x": ' + "[" * 100_000 + "]" * 100_000 + "}]", "JSON nested more"),
        ("w.json", '{"message-type": "work", "message": {"title": ' + "[" * 200 + "]" * 200 + "}}", "JSON nested more"),
    ],
    ids=["yaml-alias", "yaml-deep", "json-deep", "crossref-deep"],
)
def test_imports_refuse_aliases_and_depth(name: str, record: str, message: str, tmp_path: Path, cli):
    (tmp_path / name).write_text(record, encoding="utf-8")
    result = cli("import", str(tmp_path / name), "--json")
    assert result.status == 2 and message in result.err, result.err


@pytest.mark.parametrize(
    ("name", "record"),
    [
        ("r.bib", "@book{big, title={Big}, year={10000000}}\n"),
        ("r.ris", "TY  - BOOK\nTI  - Big\nPY  - 10000000\nER  - \n"),
    ],
    ids=["bibtex", "ris"],
)
def test_imports_do_not_cut_long_years(name: str, record: str, tmp_path: Path, cli):
    (tmp_path / name).write_text(record, encoding="utf-8")
    result = cli("import", str(tmp_path / name), "--json")
    assert result.status == 0
    item = json.loads(result.out)["references"][0]
    assert item["issued"] == {"literal": "10000000"}
    assert any("'10000000' has no four-digit year" in w for w in json.loads(result.out)["warnings"])
