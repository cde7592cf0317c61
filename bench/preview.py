"""Preview latency: median time from saving an edited reference to the rebuilt page being served.

    python bench/preview.py                 # the example site (49 references)
    python bench/preview.py --refs 2000     # a synthetic site with 2,000 references (bench/synthetic.py)

Starts `build.py serve` on a scratch copy, waits for the first build, then edits one reference's title at a time
and polls its page over HTTP until the new title appears.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_project  # noqa: E402

from litsite.slugs import slugify  # noqa: E402


def fetch(url: str) -> str:
    """The body of url, or '' if it cannot be fetched yet."""
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return ""


def edit_title(refs: Path, ref_id: str, marker: str) -> None:
    """Put marker at the start of the title of reference ref_id in references.yaml."""
    lines = refs.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"^-?\s*id: ['\"]?{re.escape(ref_id)}['\"]?\s*$", line))
    for i in range(start - 1 if lines[start].lstrip().startswith("id") else start, len(lines)):
        m = re.match(r"^(-?\s*title: )(['\"]?)(.*)$", lines[i])
        if m and i >= start - 1:
            lines[i] = f"{m.group(1)}{m.group(2)}{marker} {m.group(3)}\n"
            break
    refs.write_text("".join(lines), encoding="utf-8")


def main() -> int:
    """Run the benchmark and print the median latency."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refs", type=int, default=0, help="synthetic references (default: the example site)")
    ap.add_argument("--edits", type=int, default=7, help="number of timed edits (default: 7)")
    ap.add_argument("--pause", type=float, default=1.0, help="seconds between edits (default: 1)")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="litsite-bench-"))
    project = work / "project"
    if args.refs:
        make_project(project, args.refs)
    else:
        project.mkdir()
        shutil.copy(REPO / "site.yaml", project)
        shutil.copytree(REPO / "content", project / "content")
        shutil.copytree(REPO / "templates", project / "templates")
    refs = project / "content" / "references.yaml"
    ids = re.findall(r"(?m)^-?\s*id: ['\"]?([\w.-]+)", refs.read_text(encoding="utf-8"))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}/"
    log = open(work / "serve.log", "w", encoding="utf-8")  # noqa: SIM115 - closed in finally
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--project", str(project), "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        started = time.perf_counter()
        while not fetch(base):
            if proc.poll() is not None or time.perf_counter() - started > 1800:
                raise SystemExit(f"the server did not come up; see {work / 'serve.log'}")
            time.sleep(0.2)
        print(f"{len(ids)} references; first build served after {time.perf_counter() - started:.1f}s", flush=True)
        samples = []
        for k in range(args.edits):
            ref_id = ids[(k * 7 + 3) % len(ids)]
            marker = f"Benchmarked{k}x"
            url = f"{base}references/{slugify(ref_id)}/"
            time.sleep(args.pause)
            t0 = time.perf_counter()
            edit_title(refs, ref_id, marker)
            while marker not in fetch(url):
                if time.perf_counter() - t0 > 600:
                    raise SystemExit(f"edit {k} never appeared; see {work / 'serve.log'}")
                time.sleep(0.01)
            samples.append(time.perf_counter() - t0)
            print(f"edit {k} ({ref_id}): {samples[-1]:.3f}s", flush=True)
        print(f"median save→served: {statistics.median(samples):.3f}s over {len(samples)} edits ({len(ids)} refs)")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
