"""Finding 9: the preview server ends every process it started, answers only its own host, and never fails with 500
on a strange path. A real `build.py serve` in a subprocess; processes read from /proc (no psutil)."""

from __future__ import annotations

import asyncio
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

from litsite.preview.guard import Allowed

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def session_processes(sid: int) -> list[int]:
    """Every live process of session sid (the server started in a new session, so all it started is in it)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(entry))
    return found


def request(port: int, path: str, host: str | None = None, origin: str | None = None) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Host": host or f"127.0.0.1:{port}"}
    if origin:
        headers["Origin"] = origin
    conn.request("GET", path, headers=headers)
    resp = conn.getresponse()
    body = resp.read().decode("utf-8", "replace")
    conn.close()
    return resp.status, body


class Served:
    def __init__(self, proc: subprocess.Popen[str], port: int) -> None:
        self.proc, self.port = proc, port


@pytest.fixture
def served(project: Path) -> Iterator[Served]:
    port = free_port()
    cmd = [sys.executable, str(REPO / "build.py"), "--project", str(project), "serve", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if request(port, "/")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "the preview did not start"
            time.sleep(0.1)
        yield Served(proc, port)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        for pid in session_processes(proc.pid):  # never leave anything behind, even when the test failed
            os.kill(pid, signal.SIGKILL)


def wait_formatting_workers(served: Served) -> None:
    """Until the pool's workers and the resource tracker run (the exact build after an edit uses them)."""
    deadline = time.monotonic() + 60
    while len(session_processes(served.proc.pid)) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_stopped_preview_ends_every_process_it_started(served: Served, project: Path, signum: int):
    refs = project / "content" / "references.yaml"
    refs.write_text(refs.read_text(encoding="utf-8").replace("Another rather than other", "Another one"), "utf-8")
    wait_formatting_workers(served)
    started = session_processes(served.proc.pid)
    assert len(started) >= 3, started  # the server, its pool's workers, the resource tracker
    if signum == signal.SIGINT:
        os.killpg(served.proc.pid, signum)  # Ctrl-C: the terminal signals the whole foreground group
    else:
        served.proc.send_signal(signum)
    output, _ = served.proc.communicate(timeout=30)
    deadline = time.monotonic() + 15
    while session_processes(served.proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert session_processes(served.proc.pid) == []
    assert "Traceback" not in output and "KeyboardInterrupt" not in output
    assert [line for line in output.splitlines() if line.startswith("stopped")] == [
        f"stopped ({signal.Signals(signum).name}); every process it started has ended"
    ]


def test_foreign_hosts_and_origins_are_refused(served: Served):
    port = served.port
    assert request(port, "/")[0] == 200
    assert request(port, "/", host=f"localhost:{port}")[0] == 200
    assert request(port, "/", host=f"evil.example:{port}")[0] == 403  # a rebound DNS name
    assert request(port, "/forcereload", host=f"evil.example:{port}")[0] == 403
    assert request(port, "/forcereload", origin="http://evil.example")[0] == 403
    assert request(port, "/forcereload", origin=f"http://127.0.0.1:{port}")[0] == 200

    async def websocket(origin: str, host: str | None = None) -> bool:
        headers = {"Origin": origin, **({"Host": host} if host else {})}
        req = HTTPRequest(f"ws://127.0.0.1:{port}/livereload", headers=headers)
        try:
            conn = await websocket_connect(req)
        except HTTPClientError as exc:
            assert exc.code == 403
            return False
        conn.close()
        return True

    assert asyncio.run(websocket(f"http://127.0.0.1:{port}"))
    assert asyncio.run(websocket(f"http://localhost:{port}"))
    assert not asyncio.run(websocket("http://evil.example"))
    assert not asyncio.run(websocket(f"http://evil.example:{port}", host=f"evil.example:{port}"))
    assert not asyncio.run(websocket("null"))


def test_strange_paths_are_not_found_and_bookkeeping_is_never_served(served: Served, project: Path):
    for path in ("/static/%00", "/%00", "/references/%00/", "/.litsite-ledger", "/.litsite-cache/format/"):
        status, body = request(served.port, path)
        assert status == 404, (path, status)
        assert "Traceback" not in body
    served.proc.send_signal(signal.SIGTERM)
    output, _ = served.proc.communicate(timeout=30)
    # no server error in the access log (a line per request: "404 GET /path (ip) ms"); a bare "500" also matched the
    # port in the "serving http://127.0.0.1:50049/" line
    assert "Traceback" not in output and not re.search(r"^\s*5\d\d ", output, re.MULTILINE)
    assert not list((project / "output").glob(".litsite*"))  # the output holds the site only


def test_allowed_hosts():
    allowed = Allowed("127.0.0.1", 8000)
    for ok in ("127.0.0.1:8000", "localhost:8000", "[::1]:8000", "192.168.1.5:8000", "LOCALHOST:8000"):
        assert allowed.host_header(ok), ok
    for bad in ("evil.example:8000", "127.0.0.1:8001", "127.0.0.1", "", "localhost.evil.example:8000", "[::1]"):
        assert not allowed.host_header(bad), bad
    assert allowed.origin("http://localhost:8000") and not allowed.origin("https://localhost:8000")
    assert not allowed.origin("http://127.0.0.1.evil.example:8000") and not allowed.origin("null")
