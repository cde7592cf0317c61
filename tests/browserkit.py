"""Headless Chromium for tests, screenshots and the bench: a local HTTP server and a Selenium driver."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core-4.10.3" / "axe.min.js"


def find_browser() -> tuple[str | None, str | None]:
    """Paths of chromium and chromedriver, if installed."""
    browser = next((p for p in map(shutil.which, CHROMIUM_NAMES) if p), None)
    return browser, shutil.which("chromedriver")


def missing() -> str | None:
    """Why browser tests cannot run here, or None when they can."""
    browser, driver = find_browser()
    if not browser or not driver:
        return "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -r requirements-dev.txt)"
    return None


class _Handler(http.server.SimpleHTTPRequestHandler):
    log: list[str]

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.log.append(self.path)
        super().do_GET()


class Server:
    """A static HTTP server on 127.0.0.1 (free port) serving www/, in a daemon thread; logs request paths."""

    def __init__(self, www: Path) -> None:
        self.log: list[str] = []
        handler = type("Handler", (_Handler,), {"log": self.log})
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(www)))
        self.port = self.httpd.server_address[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Stop serving."""
        self.httpd.shutdown()
        self.httpd.server_close()


def make_driver(width: int = 1280, height: int = 900) -> Any:
    """A headless Chromium driven by Selenium, with console and network logging on."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = find_browser()
    opts = webdriver.ChromeOptions()
    opts.binary_location = browser or ""
    profile = tempfile.mkdtemp(prefix="litsite-chrome-")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    drv = webdriver.Chrome(options=opts, service=Service(executable_path=driver))
    drv._litsite_profile = profile  # removed by quit_driver
    return drv


def quit_driver(drv: Any) -> None:
    """Quit the browser and remove its profile."""
    profile = getattr(drv, "_litsite_profile", None)
    drv.quit()
    if profile:
        shutil.rmtree(profile, ignore_errors=True)


@contextmanager
def browser(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A driver for the duration of a with-block."""
    drv = make_driver(width, height)
    try:
        yield drv
    finally:
        quit_driver(drv)


def console_errors(drv: Any) -> list[dict[str, Any]]:
    """Console messages of level SEVERE since the last call (errors, failed loads, uncaught exceptions)."""
    return [e for e in drv.get_log("browser") if e.get("level") == "SEVERE"]


def requested_urls(drv: Any) -> list[str]:
    """Every URL the browser asked for since the last call (from the DevTools network log)."""
    urls = []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def load(drv: Any, url: str) -> None:
    """Open url with the console and network logs emptied first (so what a test reads after is this page's), and
    wait until the document has loaded."""
    from selenium.webdriver.support.ui import WebDriverWait

    console_errors(drv)
    requested_urls(drv)
    drv.get(url)
    WebDriverWait(drv, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def run_axe(drv: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the current page."""
    drv.execute_script(AXE.read_text(encoding="utf-8"))
    result = drv.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.html.slice(0, 200))}))), e => done([{id: 'axe-error', help: String(e)}]));"
    )
    return list(result)
