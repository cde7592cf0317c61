"""Test helpers: serve a directory over real HTTP like GitHub Pages does, and crawl every link of a site."""

from __future__ import annotations

import functools
import http.server
import re
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing path gets the nearest site's 404.html with status 404, as on GitHub Pages."""

    not_found_page: Path | None = None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404 and self.not_found_page is not None and self.not_found_page.is_file():
            body = self.not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_directory(root: Path, not_found_page: Path | None = None) -> Iterator[http.server.ThreadingHTTPServer]:
    """Serve root on 127.0.0.1 (a free port) in a thread for the duration of the block."""
    handler = type("Handler", (PagesHandler,), {"not_found_page": not_found_page})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


class LinkParser(HTMLParser):
    """Collects href/src targets and element ids of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src", "action", "poster", "data"):
                self.links.append(value)
            elif name == "srcset":
                self.links += [part.strip().split()[0] for part in value.split(",") if part.strip()]
            elif name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)


def fetch(url: str) -> tuple[int, str, bytes]:
    """GET a URL: (status, content type, body), without raising on HTTP errors."""
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def parse(body: bytes) -> LinkParser:
    """Parse an HTML body."""
    parser = LinkParser()
    parser.feed(body.decode("utf-8", "replace"))
    return parser


@dataclass
class Crawl:
    """The outcome of a crawl: pages fetched and every problem found."""

    fetched: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def crawl(start: list[str], prefix: str) -> Crawl:
    """Follow every href/src of every HTML page (and url() in CSS) under prefix; report broken or escaping links."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(prefix))
    result = Crawl()
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []
    queue = list(start)
    while queue:
        url = queue.pop()
        if url in result.fetched:
            continue
        status, ctype, body = fetch(url)
        result.fetched[url] = status
        if status != 200 and url not in start:  # a start page may be the 404 page: follow its links too
            continue
        targets: list[str] = []
        if "html" in ctype:
            parsed = parse(body)
            ids[url] = parsed.ids
            targets = parsed.links
        elif "css" in ctype:
            targets = CSS_URL.findall(body.decode("utf-8", "replace"))
        for link in targets:
            absolute, fragment = urldefrag(urljoin(url, link))
            if urlsplit(absolute).scheme not in ("http", "https"):
                continue  # mailto:, data:, javascript:
            if not absolute.startswith(origin + "/"):
                continue  # another site (doi.org, pubmed, …)
            if not absolute.startswith(prefix):
                result.problems.append(f"{url}: link {link!r} escapes {prefix}")
                continue
            if fragment:
                fragments.append((url, absolute, fragment))
            queue.append(absolute)
    for url, status in result.fetched.items():
        if status != 200:
            result.problems.append(f"{url}: HTTP {status}")
    for page, target, fragment in fragments:
        if target in ids and fragment not in ids[target]:
            result.problems.append(f"{page}: #{fragment} is not an id in {target}")
    return result
