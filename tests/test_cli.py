"""build.py's commands, their output and exit status (0 ok, 2 user error)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_help_documents_commands():
    proc = subprocess.run([sys.executable, "build.py", "--help"], cwd=REPO, capture_output=True, text=True, check=True)
    for word in ("build", "bibliography", "--out", "--base-url", "Exit status"):
        assert word in proc.stdout


def test_bibliography_apa_prints_49_lines(project: Path, cli):
    res = cli("--project", str(project), "bibliography", "--style", "apa", "--format", "text")
    assert res.status == 0, res.err
    lines = res.out.splitlines()
    assert len(lines) == 49
    assert lines[0].startswith("Berry, C., Hayward, M., & Chandler, R. (2011).")


def test_bibliography_citations(project: Path, cli):
    res = cli("--project", str(project), "bibliography", "--style", "apa", "--citations")
    lines = res.out.splitlines()
    assert res.status == 0 and len(lines) == 49
    assert lines[0] == "(Berry et al., 2011)"


def test_bibliography_of_a_csl_json_file(tmp_path: Path, cli):
    items = [
        {
            "id": "x",
            "type": "book",
            "title": "A Book",
            "author": [{"family": "Doe", "given": "J."}],
            "issued": {"date-parts": [[2020]]},
            "publisher": "Pub",
        }
    ]
    path = tmp_path / "refs.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    res = cli("--project", str(tmp_path), "bibliography", "--references", str(path), "--style", "apa")
    assert res.status == 0, res.err
    assert res.out == "Doe, J. (2020). A Book. Pub.\n"


@pytest.mark.parametrize("site_yaml", [None, "title: T\nstyle: no-such-style\n", "title: [unclosed\n"])
def test_bibliography_with_style_and_references_needs_no_site_yaml(tmp_path: Path, cli, site_yaml: str | None):
    path = tmp_path / "refs.json"
    item = {"id": "x", "type": "book", "title": "A Book", "author": [{"family": "Doe", "given": "J."}]}
    path.write_text(json.dumps([{**item, "issued": {"date-parts": [[2020]]}}]), encoding="utf-8")
    if site_yaml is not None:
        (tmp_path / "site.yaml").write_text(site_yaml, encoding="utf-8")
    res = cli("--project", str(tmp_path), "bibliography", "--style", "ieee", "--references", str(path))
    assert (res.status, res.err) == (0, "")
    assert res.out.startswith("[1] J. Doe, A Book")
    if site_yaml is not None:  # without --style the command reads site.yaml, and says what is wrong with it
        res = cli("--project", str(tmp_path), "bibliography", "--references", str(path))
        assert res.status == 2 and str(tmp_path / "site.yaml") in res.err


def test_bibliography_html_escapes_fields(tmp_path: Path, cli):
    path = tmp_path / "refs.json"
    path.write_text(json.dumps([{"id": "x", "type": "book", "title": "Cats & <dogs>"}]), encoding="utf-8")
    res = cli("--project", str(tmp_path), "bibliography", "--references", str(path), "--format", "html")
    assert "Cats &amp; &lt;dogs&gt;" in res.out and "<dogs>" not in res.out


def test_unknown_style_is_exit_2(project: Path, cli):
    res = cli("--project", str(project), "bibliography", "--style", "vancuover-nlm")
    assert res.status == 2 and "did you mean vancouver-nlm" in res.err and "Traceback" not in res.err


def test_build_default_command_and_out(project: Path, tmp_path: Path, cli):
    res = cli("--project", str(project), "--out", str(tmp_path / "site"))
    assert res.status == 0, res.err
    assert (tmp_path / "site" / "index.html").is_file()


def test_build_error_is_path_line_and_exit_2(project: Path, cli):
    (project / "site.yaml").write_text("title: T\nstlye: apa\n", encoding="utf-8")
    res = cli("--project", str(project), "build")
    assert res.status == 2
    assert res.err.strip() == f"{project / 'site.yaml'}:2: unknown key 'stlye'; did you mean 'style'?"


def test_unknown_citation_key(project: Path, cli):
    study = project / "content" / "study.md"
    study.write_text(study.read_text(encoding="utf-8") + "\nAs shown [@berry2012].\n", encoding="utf-8")
    res = cli("--project", str(project))
    assert res.status == 2
    assert "citation key @berry2012 is not in references.yaml; did you mean @berry2011" in res.err
    assert res.err.startswith(f"{study}:")


def test_build_py_runs_as_a_script(project: Path):
    proc = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--project", str(project)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert (project / "output" / "index.html").is_file()


WEB_ITEM = """
- id: web2020
  type: webpage
  title: A page
  URL: https://example.org/
  accessed: 2020-03-03
"""


@pytest.fixture
def old_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inject citeproc-py's crash on a term the locale lacks (`ordinal-03` of a de-DE date), fixed in csl/speed.py."""
    from citeproc import model

    from litsite.csl import speed
    from litsite.csl.fixes import dates

    def get_term(self, *args, **kwargs):
        return model.CitationStylesElement.get_term(self, *args, **kwargs)

    def ordinal(*args, **kwargs):
        raise IndexError("ordinal-03")  # the day's ordinal no longer asks get_term for ordinal-03

    monkeypatch.setattr(speed.LocaleTreeTerms, "get_term", get_term)
    monkeypatch.setattr(dates, "ordinal", ordinal)


def test_an_item_that_cannot_be_formatted_stops_the_build_at_its_line(project: Path, cli, old_crash):
    refs = project / "content" / "references.yaml"
    text = refs.read_text(encoding="utf-8")
    refs.write_text(text + WEB_ITEM, encoding="utf-8")
    line = text.count("\n") + 2
    site = project / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("locale: en-US", "locale: de-DE"), encoding="utf-8")
    res = cli("--project", str(project))
    assert res.status == 2, res.err
    assert res.err.startswith(
        f"{refs}:{line}: reference 'web2020' cannot be formatted in style 'apa' (locale de-DE): IndexError: ordinal-03"
    )
    assert "IndexError" in res.err and "Traceback" not in res.err
    assert not (project / "output").exists()


def test_bibliography_names_the_item_that_cannot_be_formatted(tmp_path: Path, cli, old_crash):
    path = tmp_path / "refs.json"
    path.write_text(
        '[\n  {"id": "ok", "type": "book", "title": "Fine"},\n'
        '  {"id": "web", "type": "webpage", "title": "Page",\n'
        '   "accessed": {"date-parts": [[2020, 3, 3]]}}\n]\n',
        encoding="utf-8",
    )
    args = ("--project", str(tmp_path), "bibliography", "--references", str(path))
    res = cli(*args, "--style", "modern-language-association", "--locale", "de-DE")
    assert res.status == 2 and "[web:" not in res.out
    assert res.err.startswith(f"{path}:3: reference 'web' cannot be formatted in style 'modern-language-association'")


def test_a_missing_locale_term_is_no_crash(tmp_path: Path, cli):
    path = tmp_path / "refs.yaml"
    path.write_text(WEB_ITEM, encoding="utf-8")
    args = ("--project", str(tmp_path), "bibliography", "--references", str(path))
    res = cli(*args, "--style", "modern-language-association", "--locale", "de-DE")
    assert res.status == 0, res.err
    assert res.out.endswith(". https://example.org/. Zugegriffen 3. März 2020.\n")  # as citeproc-js writes it


def test_bibliography_reads_variable_names_in_another_case(tmp_path: Path, cli):
    path = tmp_path / "refs.json"
    path.write_text(
        '[\n  {"id": "a", "type": "webpage", "title": "Page", "url": "https://example.org/a",\n'
        '   "issued": {"date-parts": [[2020]]}, "author": [{"family": "Doe", "given": "J."}]}\n]\n',
        encoding="utf-8",
    )
    res = cli("--project", str(tmp_path), "bibliography", "--references", str(path), "--style", "apa")
    assert res.status == 0, res.err
    assert res.out == "Doe, J. (2020). Page. https://example.org/a\n"
    assert res.err == f"{path}:2: warning: CSL variable names in another case, read as 'url' as 'URL'\n"


def test_build_warns_once_about_variable_names_in_another_case(project: Path, cli):
    refs = project / "content" / "references.yaml"
    text = refs.read_text(encoding="utf-8")
    refs.write_text(text.replace("  DOI: ", "  doi: "), encoding="utf-8")
    res = cli("--project", str(project))
    assert res.status == 0, res.err
    assert res.err.count("warning:") == 1 and f"{refs}:" in res.err and "'doi' as 'DOI'" in res.err
