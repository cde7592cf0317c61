"""Live preview: build, serve the output with livereload, rebuild on every change of the sources, never die."""

from __future__ import annotations

import html
import multiprocessing
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import jinja2
from livereload import Server
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
from livereload.server import LiveScriptInjector
from livereload.watcher import Watcher
from tornado import escape, web
from tornado.ioloop import IOLoop

from litsite.errors import UserError, UserErrors, flatten
from litsite.preview.builder import SiteBuilder, Superseded
from litsite.preview.guard import Allowed, Guarded, GuardedForceReload, GuardedLiveReload
from litsite.site.routes import NOT_FOUND

POLL_SECONDS = 0.1
QUIET_SECONDS = 0.15  # a burst of saves closer together than this causes one rebuild
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~", ".pyc")


def describe_error(exc: BaseException, project: Path) -> str:
    """The message for a failed build: `path:line: message` lines for mistakes in the sources, else a traceback."""
    if isinstance(exc, UserError | UserErrors):
        return "\n".join(str(e) for e in flatten(exc))
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}"
    if isinstance(exc, jinja2.TemplateError):
        templates = str((project / "templates").resolve())
        frames = [
            f for f in traceback.extract_tb(exc.__traceback__) if str(Path(f.filename).resolve()).startswith(templates)
        ]
        if frames:
            return f"{frames[-1].filename}:{frames[-1].lineno}: {exc}"
        return f"template error: {exc}"
    return "internal error (a bug in litsite):\n" + "".join(traceback.format_exception(exc)).rstrip()


def error_page(message: str) -> bytes:
    """The HTML page shown for every path while the build is broken."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Build error · litsite preview</title>\n"
        "<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}"
        "pre{background:#fff5f5;border:1px solid #d73a49;padding:1rem;white-space:pre-wrap}</style>\n"
        "</head>\n<body>\n<h1>The site could not be built</h1>\n"
        f"<pre>{html.escape(message)}</pre>\n"
        "<p>Fix the file and save it: this page reloads by itself.</p>\n</body>\n</html>\n"
    ).encode()


def snapshot(project: Path, out: Path) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every watched source: site.yaml, local .csl styles, content/ and templates/."""
    out_r = out.resolve()
    found: dict[str, tuple[int, int]] = {}
    candidates = [project / "site.yaml", *project.glob("*.csl")]
    for folder in ("content", "templates"):
        if (project / folder).is_dir():
            candidates += (project / folder).rglob("*")
    for path in candidates:
        if path.name.startswith((".#", ".~")) or path.name.endswith(IGNORED_SUFFIXES):
            continue
        try:
            if out_r == path.resolve() or out_r in path.resolve().parents:
                continue
            st = path.stat()
        except OSError:
            continue
        if path.is_file():
            found[str(path)] = (st.st_mtime_ns, st.st_size)
    return found


class Preview:
    """The state of a preview: the builder, the last error, and the watcher thread that rebuilds."""

    def __init__(self, builder: SiteBuilder, log: TextIO = sys.stderr) -> None:
        self.builder = builder
        self.log = log
        self.error: str | None = None
        self.generation = 0  # bumped after every build, for tests and benchmarks
        self.on_rebuilt: Callable[[list[str]], None] = lambda changed: None
        self._stop = threading.Event()

    def say(self, text: str) -> None:
        """Print one status line to the terminal."""
        print(text, file=self.log, flush=True)

    def rebuild(self, provisional: bool = False) -> bool:
        """Build once; on failure keep serving and remember the error. Return True if a provisional pass ran."""
        started = time.perf_counter()
        try:
            report = self.builder.build(provisional=provisional)
        except Superseded:
            self.say("sources changed while formatting; starting over")
            return False
        except Exception as exc:  # never let a mistake in the sources stop the server
            message = describe_error(exc, self.builder.project)
            first = self.error is None or self.error != message
            self.error = message
            self.generation += 1
            if first:
                self.say(message)
            self.on_rebuilt(["*"])
            return False
        took = time.perf_counter() - started
        recovered = self.error is not None
        self.error = None
        self.generation += 1
        kind = "provisional (exact follows)" if report.provisional else "exact"
        note = "; recovered" if recovered else ""
        self.say(f"rebuilt in {took:.2f}s, {len(report.changed)} file(s) changed, {kind}{note}")
        if report.changed or recovered:
            self.on_rebuilt(report.changed)
        return report.provisional

    def watch(self, seen: dict[str, tuple[int, int]] | None = None) -> None:
        """Poll the sources; after a burst of changes settles, rebuild (fast first, then exact).

        seen: the sources as the last build read them (taken before it started, so that a change made while it ran
        or before this thread got going is not missed); default: as they are now.
        """
        project, out = self.builder.project, self.builder.out
        seen = snapshot(project, out) if seen is None else seen
        self.builder.abort = lambda: self._stop.is_set() or snapshot(project, out) != seen
        while not self._stop.is_set():
            time.sleep(POLL_SECONDS)
            now = snapshot(project, out)
            if now == seen:
                continue
            while True:  # debounce: wait until the files stop changing
                time.sleep(QUIET_SECONDS)
                later = snapshot(project, out)
                if later == now:
                    break
                now = later
            seen = now
            if self.rebuild(provisional=True) and snapshot(project, out) == seen:
                self.rebuild(provisional=False)

    def stop(self) -> None:
        """Stop the watcher thread."""
        self._stop.set()


class PreviewHandler(Guarded, StaticFileHandler):
    """Static files of the output; the error page for every path while the build is broken; 404.html if missing."""

    def initialize(
        self,
        path: str,
        default_filename: str | None = None,
        preview: Preview | None = None,
        allowed: Allowed | None = None,
    ) -> None:
        """Tornado's per-request setup."""
        super().initialize(path, default_filename)
        self.preview = preview
        self.allowed = allowed

    def set_default_headers(self) -> None:
        """Never let the browser keep a stale page."""
        self.set_header("Cache-Control", "no-store")

    async def get(self, path: str, include_body: bool = True) -> None:
        """Serve a file, the build error, or the site's 404 page."""
        if self.preview is not None and self.preview.error is not None:
            self._page(500, error_page(self.preview.error))
            return
        try:
            if "\0" in path or any(part.startswith(".litsite") for part in path.split("/")):
                raise web.HTTPError(404)  # no such file can be served (a NUL made the file system call fail: 500)
            await super().get(path, include_body)
        except web.HTTPError as exc:
            not_found = Path(self.root) / NOT_FOUND
            if exc.status_code != 404 or not not_found.is_file():
                raise
            self._page(404, not_found.read_bytes())

    def _page(self, status: int, body: bytes) -> None:
        self.clear()
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(body)


class _NoWatcher(Watcher):
    """livereload's own watcher, disabled: Preview.watch() decides when to rebuild and reload."""

    def start(self, callback: Callable[[], Any]) -> bool:
        """Do not poll."""
        return True

    def examine(self) -> tuple[None, None]:
        """Nothing to examine."""
        return None, None


class PreviewServer(Server):
    """livereload's server with litsite's handler for the output directory, and its live-reload endpoints guarded
    (Host and Origin checked, see Allowed)."""

    def __init__(self, preview: Preview, allowed: Allowed) -> None:
        super().__init__(watcher=_NoWatcher())
        self.preview = preview
        self.allowed = allowed

    def get_web_handlers(self, script: bytes) -> list[Any]:
        """Every path goes to PreviewHandler."""
        root = str(self.preview.builder.out)
        options = {"path": root, "default_filename": "index.html", "preview": self.preview, "allowed": self.allowed}
        return [(r"/(.*)", PreviewHandler, options)]

    def application(
        self, port: int, host: str, liveport: int | None = None, debug: bool | None = None, live_css: bool = True
    ) -> None:
        """livereload's application (one port, no debug mode) with the guarded live-reload handlers."""
        LiveReloadHandler.watcher = self.watcher
        LiveReloadHandler.live_css = live_css
        live = [
            (r"/livereload", GuardedLiveReload, {"allowed": self.allowed}),
            (r"/forcereload", GuardedForceReload, {"allowed": self.allowed}),
            (r"/livereload.js", LiveReloadJSHandler),
        ]
        port_js = "(window.location.port || (window.location.protocol == 'https:' ? 443: 80))"
        script = escape.utf8(
            '<script type="text/javascript">(function(){var s=document.createElement("script");'
            f'var port={port_js};s.src="//"+window.location.hostname+":"+port+"/livereload.js?port="+port;'
            "document.head.appendChild(s);})();</script>"
        )

        class Injector(LiveScriptInjector):
            pass

        Injector.script = script
        app = web.Application(handlers=live + self.get_web_handlers(script), debug=False, transforms=[Injector])
        try:
            app.listen(port, address=host)
        except OSError as exc:
            raise UserError(None, None, f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def _worker_setup() -> None:
    """A pool worker: low priority (the background formatting must not slow serving), and deaf to Ctrl-C, which the
    terminal sends to every process of the group: the server ends its workers itself, without a traceback each."""
    os.nice(10)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def end_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: cancel what waits, terminate the workers that run (a style can take seconds to format)."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    running = list((getattr(pool, "_processes", None) or {}).values())  # before 3.14 no public way to reach them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in running:
        process.terminate()
    for process in running:
        process.join(timeout=5)


class Stopped(KeyboardInterrupt):
    """A signal asked the preview to stop. A KeyboardInterrupt, so that neither a rebuild's handler of failed builds
    nor asyncio's handler of failed callbacks swallows it."""


@contextmanager
def stop_on_signals() -> Iterator[list[int]]:
    """While inside: SIGINT, SIGTERM and SIGHUP raise Stopped in the main thread, wherever it is (building or serving),
    as Ctrl-C raises KeyboardInterrupt; yields the list that receives the signal's number."""
    received: list[int] = []

    def on_signal(signum: int, frame: object) -> None:
        received.append(signum)
        raise Stopped()

    wanted = [signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])]
    before = {signum: signal.signal(signum, on_signal) for signum in wanted}
    try:
        yield received
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def serve(project: Path, out: Path, host: str = "127.0.0.1", port: int = 8000, log: TextIO = sys.stderr) -> None:
    """Build the project, serve out at http://host:port/ and rebuild and reload on every change until stopped (Ctrl-C,
    SIGTERM, SIGHUP); then end every process it started and say so in one line."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    address = f"http://{shown if ':' not in shown else f'[{shown}]'}:{port}/"
    workers = min(4, os.cpu_count() or 1)
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_setup
    )
    builder = SiteBuilder(project, out, base_url=address, pool=pool)
    preview = Preview(builder, log)
    loop = IOLoop.current()
    with stop_on_signals() as received:
        try:
            preview.say(f"building {project.resolve()} into {out.resolve()} …")
            sources = snapshot(project, out)
            preview.rebuild()

            def reload_browsers(changed: list[str]) -> None:
                path = changed[0] if len(changed) == 1 and changed[0].endswith(".css") else "*"
                loop.add_callback(LiveReloadHandler.reload_waiters, path)

            preview.on_rebuilt = reload_browsers
            threading.Thread(target=preview.watch, args=(sources,), name="litsite-watch", daemon=True).start()
            preview.say(f"serving {address} (watching site.yaml, content/, templates/; Ctrl-C stops)")
            PreviewServer(preview, Allowed(shown, port)).application(port, host)
            loop.start()  # until a signal raises Stopped
        except Stopped:
            pass
        finally:
            preview.stop()
            end_workers(pool)
    name = signal.Signals(received[0]).name if received else "the server"
    preview.say(f"stopped ({name}); every process it started has ended")
