"""The live preview: `build.py serve` as a real process, and incremental rebuilds equal to full builds."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from trees import tree as output_tree

from litsite.pipeline import build_site
from litsite.preview.builder import SiteBuilder, related_items
from litsite.preview.server import describe_error, error_page

REPO = Path(__file__).resolve().parents[2]


def tree(root: Path) -> dict[str, bytes]:
    """Every file of an output (the output holds the site only)."""
    return output_tree(root)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def wait_for(check: Callable[[], bool], timeout: float, what: str) -> float:
    """Poll until check() is true; return the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if check():
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.05)
    pytest.fail(f"timed out after {timeout}s waiting for {what}")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp*) of sockets listening on port."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:
                found.add(addr)
    return found


def non_loopback_address() -> str | None:
    """An IPv4 address of this machine that is not loopback, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))  # no packet is sent; this only picks the outgoing interface
            addr = s.getsockname()[0]
        except OSError:
            return None
    return None if addr.startswith("127.") else addr


@pytest.fixture
def project(project_two_styles: Path) -> Path:
    """What these tests check does not depend on how many styles the site offers (conftest.py)."""
    return project_two_styles


@pytest.fixture
def server(project: Path) -> Iterator[tuple[str, int, subprocess.Popen[str]]]:
    """`build.py serve` on a free port for the scratch project; the whole process group dies afterwards."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--project", str(project), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_for(lambda: get(base)[0] == 200, 120, "the first build to be served")
        yield base, port, proc
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


# Typically under a second here (bench/preview.py measures it); the bound leaves room for a loaded 2-core CI machine,
# where the full suite once took just over 5 s for one of these.
FEW_SECONDS = 15


def test_serve_rebuilds_survives_errors_and_listens_on_loopback(project: Path, server):
    base, port, proc = server

    # An edit to the abstract shows up within seconds.
    replace_in(project / "content" / "study.md", "New peer worker roles", "Freshly edited peer worker roles")
    wait_for(lambda: "Freshly edited peer worker roles" in get(base)[1], FEW_SECONDS, "the edited abstract")

    # An edit to one reference too (its page and the lists it is on).
    replace_in(project / "content" / "references.yaml", "Another rather than other", "Another quite other")
    wait_for(
        lambda: "Another quite other" in get(base + "references/berry2011/")[1], FEW_SECONDS, "the edited reference"
    )
    assert "Another quite other" in get(base + "references/")[1]

    # A mistake in site.yaml: the server keeps answering, every path shows the error with file and line.
    site = project / "site.yaml"
    good = site.read_text(encoding="utf-8")
    site.write_text(good.replace("title:", "titel:", 1), encoding="utf-8")
    where = f"{site}:"
    wait_for(lambda: where in get(base + "references/")[1], FEW_SECONDS, "the error page")
    status, body = get(base + "no/such/page/")
    assert status == 500 and "site.yaml:" in body and "unknown key" in body
    assert proc.poll() is None

    # Fixing it recovers by itself.
    site.write_text(good, encoding="utf-8")
    wait_for(lambda: get(base + "references/")[0] == 200, FEW_SECONDS, "recovery after the fix")
    assert "Another quite other" in get(base + "references/berry2011/")[1]

    # A template error is reported with the template's path and line, and recovers too.
    template = project / "templates" / "references.html"
    tgood = template.read_text(encoding="utf-8")
    template.write_text(tgood + "{% if %}\n", encoding="utf-8")
    wait_for(lambda: "references.html:" in get(base)[1], FEW_SECONDS, "the template error page")
    template.write_text(tgood, encoding="utf-8")
    wait_for(lambda: get(base)[0] == 200, FEW_SECONDS, "recovery after the template fix")

    # A missing page gets the site's 404 page.
    status, body = get(base + "missing/deep/path/")
    assert status == 404 and "Page not found" in body

    # Loopback only: the listening socket is bound to 127.0.0.1, and another address of this machine is refused.
    assert listening_addresses(port) == {"0100007F"}
    other = non_loopback_address()
    if other is not None:
        with pytest.raises(OSError):
            socket.create_connection((other, port), timeout=2).close()
    assert proc.poll() is None


def test_incremental_rebuild_equals_full_build(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "preview")
    first = builder.build()
    assert not first.provisional and "index.html" in first.changed

    refs = project / "content" / "references.yaml"
    replace_in(refs, "Another rather than other", "Another, edited, rather than other")
    quick = builder.build(provisional=True)
    assert quick.provisional
    assert "references/berry2011/index.html" in quick.changed
    assert "references/boardman2014/index.html" not in quick.changed  # untouched pages are not rewritten
    builder.build()  # the exact pass that the preview always runs after a provisional one
    assert builder.cache.hits == 0

    full = build_site(project, tmp_path / "full")
    got, want = tree(tmp_path / "preview"), tree(full)
    assert sorted(got) == sorted(want)
    assert all(got[rel] == want[rel] for rel in want), [rel for rel in want if got[rel] != want[rel]]

    # The cache persisted in the output makes a restarted preview's build a cache hit, with the same bytes.
    again = SiteBuilder(project, tmp_path / "preview")
    again.build()
    assert again.cache.misses == 0 and tree(tmp_path / "preview") == want


def test_sync_removes_files_that_disappear(project: Path, tmp_path: Path):
    pages = project / "content" / "pages"
    pages.mkdir()
    (pages / "about.md").write_text("---\ntitle: About\n---\nHello.\n", encoding="utf-8")
    builder = SiteBuilder(project, tmp_path / "out")
    builder.build()
    assert (tmp_path / "out" / "about" / "index.html").is_file()
    (pages / "about.md").unlink()
    report = builder.build()
    assert "about/index.html" in report.changed and not (tmp_path / "out" / "about").exists()
    assert tree(tmp_path / "out") == tree(build_site(project, tmp_path / "full"))


def test_related_items_share_a_name():
    items = [
        {"id": "a", "author": [{"family": "Smith"}]},
        {"id": "b", "author": [{"family": "smith"}, {"family": "Jones"}]},
        {"id": "c", "editor": [{"literal": "WHO"}]},
        {"id": "d", "title": "Untitled"},
    ]
    old = [dict(i) for i in items]
    old[2] = {"id": "c", "author": [{"family": "Jones"}]}
    assert related_items(items, {0}, old) == [0, 1]
    assert related_items(items, {2}, old) == [1, 2]


def test_error_messages():
    from litsite.errors import UserError

    assert describe_error(UserError("site.yaml", 3, "bad"), REPO) == "site.yaml:3: bad"
    assert "internal error" in describe_error(RuntimeError("boom"), REPO)
    page = error_page("a.yaml:1: <b>")
    assert b"a.yaml:1: &lt;b&gt;" in page and b"</head>" in page


def test_help_lists_serve():
    proc = subprocess.run([sys.executable, "build.py", "--help"], cwd=REPO, capture_output=True, text=True, check=True)
    assert "serve" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "build.py", "serve", "--help"], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert "--port" in proc.stdout and "--host" in proc.stdout and "127.0.0.1" in proc.stdout


def test_provisional_falls_back_to_exact_when_it_cannot_patch(project: Path, tmp_path: Path):
    builder = SiteBuilder(project, tmp_path / "out")
    builder.build()
    site = project / "site.yaml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("styles:\n  - apa\n", "styles:\n  - apa\n  - ieee\n"), encoding="utf-8"
    )
    assert "  - ieee\n" in site.read_text("utf-8")  # the edit took (site.yaml lists its styles one a line)
    report = builder.build(provisional=True)  # a new style: nothing to patch from
    assert not report.provisional
    assert tree(tmp_path / "out") == tree(build_site(project, tmp_path / "full"))


def test_exact_build_with_a_pool_and_citations_equals_full_build(project: Path, tmp_path: Path):
    """The preview's pool path on a study that cites (narrative and bracketed clusters)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    study = project / "content" / "study.md"
    study.write_text(study.read_text(encoding="utf-8") + "\nAs @berry2011 says [@chinman2010, p. 3].\n", "utf-8")
    # Processes, as the preview uses: the CSL engine keeps per-process state and is not thread-safe.
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("fork")) as pool:
        builder = SiteBuilder(project, tmp_path / "preview", pool=pool)
        builder.build()
    assert "Berry et al. (2011)" in (tmp_path / "preview" / "index.html").read_text(encoding="utf-8")
    assert tree(tmp_path / "preview") == tree(build_site(project, tmp_path / "full"))


def test_a_rebuild_loads_once_and_decides_before_rendering(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Provisional or exact is decided from the citation plan: a rebuild that cannot patch loads the sources and
    renders the site once (it used to render provisionally until the formatter raised, then load twice again)."""
    import litsite.preview.builder as preview_builder

    loads: list[int] = []
    renders: list[int] = []
    load, render = preview_builder.load_sources, preview_builder.render_cited
    monkeypatch.setattr(preview_builder, "load_sources", lambda *a, **k: loads.append(1) or load(*a, **k))
    monkeypatch.setattr(preview_builder, "render_cited", lambda *a, **k: renders.append(1) or render(*a, **k))
    builder = SiteBuilder(project, tmp_path / "out")
    builder.build()
    site = project / "site.yaml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("styles:\n  - apa\n", "styles:\n  - apa\n  - ieee\n"), encoding="utf-8"
    )
    assert "  - ieee\n" in site.read_text("utf-8")  # the edit took (site.yaml lists its styles one a line)
    report = builder.build(provisional=True)
    assert not report.provisional and len(loads) == 2 and len(renders) == 2
