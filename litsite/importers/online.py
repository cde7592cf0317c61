"""`import doi:10.…` and `import pmid:…`: fetch the record from Crossref / NCBI E-utilities, keep it, import it.

Only this command touches the network; building never does. Base URLs can be set (LITSITE_CROSSREF_URL,
LITSITE_EUTILS_URL) so that tests serve recorded responses from a local server.
"""

from __future__ import annotations

import http.client
import os
import re
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from litsite.errors import UserError

CROSSREF_URL = "https://api.crossref.org"
EUTILS_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
MAX_BYTES = 20_000_000  # bound what one response can make us read
_DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/\S+)$", re.I)
_PMID = re.compile(r"^pmid:\s*(\d{1,9})$", re.I)
_RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Fetcher:
    """How to reach the services: base URLs, contact address, timeout, retries and the back-off's first delay."""

    crossref_url: str = CROSSREF_URL
    eutils_url: str = EUTILS_URL
    mailto: str = ""
    timeout: float = 20.0
    retries: int = 4
    delay: float = 1.0
    sleep: Callable[[float], None] = time.sleep

    @classmethod
    def from_env(cls, mailto: str | None = None, **overrides: object) -> Fetcher:
        """Settings from the environment (LITSITE_CROSSREF_URL, LITSITE_EUTILS_URL, LITSITE_MAILTO)."""
        env = os.environ
        return cls(
            crossref_url=env.get("LITSITE_CROSSREF_URL", CROSSREF_URL).rstrip("/"),
            eutils_url=env.get("LITSITE_EUTILS_URL", EUTILS_URL).rstrip("/"),
            mailto=mailto if mailto is not None else env.get("LITSITE_MAILTO", ""),
            **overrides,  # type: ignore[arg-type]
        )


def is_identifier(spec: str) -> bool:
    """True for `doi:10.…`, a doi.org link or `pmid:…` — what `import` fetches instead of reading a file."""
    return bool(_DOI.match(spec.strip()) or _PMID.match(spec.strip()))


def _get(url: str, fetcher: Fetcher, what: str) -> bytes | None:
    """The body of a GET, retried with exponential back-off on 429, 5xx and timeouts; None on 404."""
    if not url.startswith(("http://", "https://")):
        raise UserError(what, None, f"only http(s) services can be asked, not {_host(url)!r}")
    agent = "litsite (https://github.com/; " + (f"mailto:{fetcher.mailto})" if fetcher.mailto else "no contact given)")
    request = urllib.request.Request(url, headers={"User-Agent": agent, "Accept": "application/json, text/xml"})
    delay = fetcher.delay
    for attempt in range(fetcher.retries + 1):
        last = attempt == fetcher.retries
        try:
            with urllib.request.urlopen(request, timeout=fetcher.timeout) as response:
                data = response.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise UserError(what, None, f"the response is larger than {MAX_BYTES:,} bytes")
            return data
        except urllib.error.HTTPError as e:
            if e.code in (404, 410):
                return None
            if e.code not in _RETRY_STATUS or last:
                raise UserError(what, None, f"{_host(url)} answered {e.code} {e.reason}") from None
            wait = _retry_after(e.headers.get("Retry-After"), delay)
        except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as e:
            reason = getattr(e, "reason", e)
            if last:
                hint = "are you offline? Save the record and import the file"
                raise UserError(what, None, f"cannot reach {_host(url)} ({reason}): {hint}") from None
            wait = delay
        fetcher.sleep(wait)
        delay *= 2
    raise AssertionError("unreachable")


def _retry_after(value: str | None, default: float) -> float:
    if value and value.strip().isdigit():
        return min(float(value), 60.0)
    return default


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def fetch(spec: str, fetcher: Fetcher) -> tuple[str, bytes]:
    """Fetch the record an identifier names: (file name to keep it under, its bytes); UserError if not found."""
    spec = spec.strip()
    if m := _DOI.match(spec):
        doi = m.group(1)
        query = f"?mailto={urllib.parse.quote(fetcher.mailto)}" if fetcher.mailto else ""
        url = f"{fetcher.crossref_url}/works/{urllib.parse.quote(doi, safe='')}{query}"
        data = _get(url, fetcher, spec)
        if data is None or not data.lstrip().startswith(b"{"):
            raise UserError(spec, None, "Crossref does not know this DOI (not found)")
        return record_name(spec), data
    if m := _PMID.match(spec):
        pmid = m.group(1)
        params = {"db": "pubmed", "id": pmid, "retmode": "xml", "tool": "litsite"}
        if fetcher.mailto:
            params["email"] = fetcher.mailto
        data = _get(f"{fetcher.eutils_url}/efetch.fcgi?{urllib.parse.urlencode(params)}", fetcher, spec)
        if data is None or not re.search(rb"<Pubmed(?:Book)?Article[\s>]", data):
            raise UserError(spec, None, "PubMed has no article with this PMID (not found)")
        return record_name(spec), data
    raise UserError(spec, None, "not an identifier: write doi:10.… or pmid:…")


def record_name(spec: str) -> str:
    """The file name a fetched record is kept under in content/records/."""
    if m := _DOI.match(spec.strip()):
        return f"crossref-{_safe(m.group(1))}.json"
    if m := _PMID.match(spec.strip()):
        return f"pubmed-{m.group(1)}.xml"
    raise UserError(spec, None, "not an identifier: write doi:10.… or pmid:…")


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")[:120] or "record"


def import_identifier(
    spec: str,
    content_dir: Path,
    force: bool,
    as_json: bool,
    out: TextIO,
    err: TextIO | None = None,
    fetcher: Fetcher | None = None,
) -> int:
    """`build.py import doi:…|pmid:…`: fetch, keep the record under content/records/, import it as a file."""
    from litsite.importers.importer import run_import

    fetcher = fetcher or Fetcher.from_env()
    if as_json:
        name, data = fetch(spec, fetcher)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            return run_import(path, content_dir, force, True, out, err)
    record = Path(content_dir) / "records" / record_name(spec)
    if not force:  # refuse before asking the service anything
        for target in (record, Path(content_dir) / "study.md", Path(content_dir) / "references.yaml"):
            if target.exists():
                raise UserError(target, None, "already exists: not overwritten (use --force to replace it)")
    _, data = fetch(spec, fetcher)
    record.parent.mkdir(parents=True, exist_ok=True)
    existed = record.exists()
    record.write_bytes(data)
    try:
        status = run_import(record, content_dir, force, False, out, err)
    except UserError:
        if not existed:
            record.unlink(missing_ok=True)  # a record that cannot be imported is not kept
        raise
    return status
