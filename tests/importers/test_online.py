"""`import doi:…` / `import pmid:…` against a real local HTTP server serving recorded Crossref and PubMed responses."""

from __future__ import annotations

import io
import socket
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from litsite.cli import main
from litsite.importers.online import Fetcher, fetch, import_identifier, is_identifier

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "records"
# Real responses: a saved api.crossref.org/works/{DOI} answer and a saved efetch answer.
CROSSREF = DATA / "crossref" / "cup-crossref-json" / "crossref_api_work_s1047951103000064.json"
PUBMED = DATA / "pubmed" / "nejm-pubmed-xml" / "pubmed-29768149.xml"
DOI = "10.1017/s1047951103000064"
PMID = "29768149"


class Recorded(BaseHTTPRequestHandler):
    """Crossref /works/{doi} and E-utilities /efetch.fcgi, failing the first `failures` requests with 503."""

    failures = 0
    seen: list[tuple[str, str]] = []  # noqa: RUF012 (reset per test by the fixture)

    def do_GET(self) -> None:
        """Answer from the recorded files."""
        url = urllib.parse.urlsplit(self.path)
        type(self).seen.append((self.path, self.headers.get("User-Agent", "")))
        if type(self).failures > 0:
            type(self).failures -= 1
            return self._send(503, b"busy", "text/plain")
        if url.path == f"/works/{urllib.parse.quote(DOI, safe='')}":
            return self._send(200, CROSSREF.read_bytes(), "application/json")
        query = urllib.parse.parse_qs(url.query)
        if url.path == "/efetch.fcgi" and query.get("id") == [PMID] and query.get("db") == ["pubmed"]:
            return self._send(200, PUBMED.read_bytes(), "text/xml")
        if url.path == "/efetch.fcgi":  # what E-utilities answers for an unknown PMID: an empty set
            return self._send(200, b'<?xml version="1.0" ?>\n<PubmedArticleSet></PubmedArticleSet>\n', "text/xml")
        return self._send(404, b"Resource not found.", "text/plain")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def server() -> Iterator[str]:
    """A local server on 127.0.0.1 with the recorded responses; yields its base URL."""
    Recorded.failures = 0
    Recorded.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorded)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _fetcher(base: str, **kw: object) -> Fetcher:
    sleeps: list[float] = []
    return Fetcher(crossref_url=base, eutils_url=base, timeout=5, delay=0.01, sleep=sleeps.append, **kw)  # type: ignore[arg-type]


def test_identifiers() -> None:
    assert is_identifier("doi:10.1017/s1047951103000064") and is_identifier("https://doi.org/10.1000/x")
    assert is_identifier("pmid:29768149") and is_identifier("PMID: 123")
    assert not is_identifier("record.xml") and not is_identifier("doi:11.1/x") and not is_identifier("pmid:abc")


def test_doi_is_fetched_kept_and_imported(server: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    out = io.StringIO()
    fetcher = _fetcher(server, mailto="me@example.org")
    assert import_identifier(f"doi:{DOI}", content, False, False, out, io.StringIO(), fetcher) == 0
    kept = content / "records" / "crossref-10.1017-s1047951103000064.json"
    assert kept.read_bytes() == CROSSREF.read_bytes()
    assert (content / "study.md").read_text(encoding="utf-8").count("Clinical profile of acute rheumatic fever") == 1
    path, agent = Recorded.seen[0]
    assert "mailto=me%40example.org" in path and "mailto:me@example.org" in agent


def test_pmid_through_the_cli_builds(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    project.mkdir()
    root = Path(__file__).resolve().parents[2]
    (project / "site.yaml").write_bytes((root / "site.yaml").read_bytes())
    import shutil

    shutil.copytree(root / "templates", project / "templates")
    monkeypatch.setenv("LITSITE_EUTILS_URL", server)
    out, err = io.StringIO(), io.StringIO()
    assert main(["--project", str(project), "import", f"pmid:{PMID}", "--mailto", "me@example.org"], out, err) == 0
    assert (project / "content" / "records" / f"pubmed-{PMID}.xml").is_file()
    assert "email=me%40example.org" in Recorded.seen[0][0] and "tool=litsite" in Recorded.seen[0][0]
    assert main(["--project", str(project), "--out", str(tmp_path / "site")], io.StringIO(), err) == 0, err.getvalue()
    assert "Inhaled Combined Budesonide-Formoterol" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_busy_service_is_retried_with_back_off(server: str) -> None:
    Recorded.failures = 2
    waits: list[float] = []
    fetcher = Fetcher(crossref_url=server, eutils_url=server, delay=0.5, sleep=waits.append, retries=3)
    _, data = fetch(f"doi:{DOI}", fetcher)
    assert data == CROSSREF.read_bytes() and len(Recorded.seen) == 3
    assert waits == [0.5, 1.0]  # exponential back-off


def test_still_busy_after_the_retries_is_exit_2(server: str, tmp_path: Path) -> None:
    Recorded.failures = 10
    with pytest.raises(Exception) as e:
        fetch(f"doi:{DOI}", _fetcher(server, retries=2))
    assert "503" in str(e.value) and len(Recorded.seen) == 3


@pytest.mark.parametrize(("spec", "message"), [("doi:10.9999/unknown", "not found"), ("pmid:1", "not found")])
def test_not_found_is_exit_2(
    server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec: str, message: str
) -> None:
    monkeypatch.setenv("LITSITE_CROSSREF_URL", server)
    monkeypatch.setenv("LITSITE_EUTILS_URL", server)
    err = io.StringIO()
    assert main(["--project", str(tmp_path), "import", spec], io.StringIO(), err) == 2
    assert err.getvalue().startswith(f"{spec}: ") and message in err.getvalue()
    assert not (tmp_path / "content").exists()


def test_offline_is_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("LITSITE_CROSSREF_URL", f"http://127.0.0.1:{port}")
    import litsite.importers.online as online

    monkeypatch.setattr(online.time, "sleep", lambda s: None)
    err = io.StringIO()
    assert main(["--project", str(tmp_path), "import", f"doi:{DOI}"], io.StringIO(), err) == 2
    assert "cannot reach 127.0.0.1" in err.getvalue() and "offline" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_json_writes_nothing(server: str, tmp_path: Path) -> None:
    out = io.StringIO()
    assert import_identifier(f"doi:{DOI}", tmp_path / "c", False, True, out, io.StringIO(), _fetcher(server)) == 0
    assert '"Clinical profile of acute rheumatic fever in Pakistan"' in out.getvalue()
    assert not (tmp_path / "c").exists()


def test_existing_content_is_not_overwritten_without_force(server: str, tmp_path: Path) -> None:
    content = tmp_path / "content"
    content.mkdir()
    (content / "study.md").write_text("---\ntitle: Mine\n---\n", encoding="utf-8")
    with pytest.raises(Exception, match="already exists"):
        import_identifier(f"doi:{DOI}", content, False, False, io.StringIO(), io.StringIO(), _fetcher(server))
    assert not (content / "records").exists() and Recorded.seen == []


def test_only_http_services(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="only http"):
        fetch(f"doi:{DOI}", Fetcher(crossref_url="file:///etc", sleep=lambda s: None))
