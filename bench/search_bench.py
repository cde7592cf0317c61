"""Bench: client-side search on a synthetic 10,000-reference site, timed in headless Chromium.

    python bench/search_bench.py [--refs 10000] [--keep DIR]

Writes the references index of synthetic references with the real template, search index and site.js (the CSL
formatting is replaced by a trivial formatter: citeproc-py would take minutes on 10,000 items and is not measured),
serves it on 127.0.0.1 and prints: file sizes, time until search is ready, and per query the time from the input
event to the list updated and laid out (median of several runs), plus a naive DOM-text scan for comparison."""

from __future__ import annotations

import argparse
import dataclasses
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from markupsafe import escape

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import browserkit as bk  # noqa: E402

from litsite.cite.stage import Cited, DocCitations, StyleOutput  # noqa: E402
from litsite.csl.styles import resolve_style  # noqa: E402
from litsite.load.content import Reference  # noqa: E402
from litsite.pipeline import load_sources, static_files  # noqa: E402
from litsite.render.pages import make_env, ref_views  # noqa: E402
from litsite.site.browse import Browse, style_json  # noqa: E402
from litsite.site.searchindex import index_json  # noqa: E402

FAMILIES = (
    "Smith Jones Gillard Holley Gibson Berry Chinman Davidson Repper Perkins Salzer Mowbray Walker Nguyen Garcia "
)
FAMILIES += "Müller Øster O'Brien Kowalski Tanaka Rossi Dubois Andersson Novak Silva Kim Patel Cohen Levi Moran Scott"
WORDS = "peer support mental health risk recovery services workers qualitative study community care role trial "
WORDS += "evaluation outcomes users staff managers policy practice training wellbeing stigma housing youth review"
JOURNALS = ["Psychiatric Services", "BMJ", "Journal of Mental Health", "Social Science & Medicine", "Health Policy"]
TYPES = ["article-journal"] * 7 + ["book", "chapter", "report"]
QUERIES = ["peer", "mental health", "gil", "risk 2012", "müller", "s", "zzzz"]


def synthetic_items(n: int, seed: int = 1) -> list[dict]:
    """n CSL items, deterministic."""
    rnd = random.Random(seed)
    families, words = FAMILIES.split(), WORDS.split()
    items = []
    for i in range(n):
        kind = rnd.choice(TYPES)
        item = {
            "id": f"ref{i}",
            "type": kind,
            "author": [
                {"family": rnd.choice(families), "given": f"{chr(65 + rnd.randrange(26))}."}
                for _ in range(rnd.randint(1, 4))
            ],
            "issued": {"date-parts": [[rnd.randint(1960, 2024)]]},
            "title": " ".join(rnd.choice(words) for _ in range(rnd.randint(4, 10))).capitalize(),
        }
        if kind == "article-journal":
            item.update({"container-title": rnd.choice(JOURNALS), "volume": str(rnd.randint(1, 80))})
        elif kind == "chapter":
            item.update({"container-title": "A handbook of care", "publisher": "Sage"})
        else:
            item["publisher"] = "HMSO"
        items.append(item)
    return items


def build(n: int, out: Path, base_url: str) -> float:
    """Write the synthetic site's references index, its data and static files into out; return seconds taken.

    Only what the search needs is rendered (the same template, Browse and index code as a real build), from
    items made in memory: a full build of 10,000 reference, author and keyword pages is not what is measured."""
    t0 = time.perf_counter()
    config, content = load_sources(REPO, base_url)
    config = dataclasses.replace(config, styles=("apa",), style_refs=(resolve_style("apa"),))
    refs = tuple(Reference(item["id"], item, 0) for item in synthetic_items(n))
    content = dataclasses.replace(content, references=refs)
    entries = {}
    for r in refs:
        names = ", ".join(a["family"] for a in r.item["author"])
        year = r.item["issued"]["date-parts"][0][0]
        text = f"{names} ({year}). {r.item['title']}. {r.item.get('container-title', '')}"
        entries[r.id] = str(escape(text))
    order = tuple(sorted(entries, key=lambda i: entries[i]))
    style = StyleOutput("apa", "APA (bench stand-in)", entries, order, (), False)
    cited = Cited((), {content.study.page.path: DocCitations(content.study.page, ())}, (style,))
    views = ref_views(content, cited)
    browse = Browse(config, content, cited, views)
    html = (
        make_env(REPO / "templates")
        .get_template("references.html")
        .render(
            site=config,
            root="../",
            rel="references/index.html",
            canonical=config.base_url + "references/",
            refs=views,
            styles=cited.styles,
            study=content.study,
            markdown=None,
            browse=browse,
        )
    )
    files = {
        "references/index.html": html,
        "data/search.json": index_json(views),
        "data/styles/apa.json": style_json(style),
        **static_files(REPO),
    }
    for rel, data in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return time.perf_counter() - t0


TIME_QUERY = """
const [q, done] = [arguments[0], arguments[arguments.length - 1]];
const box = document.getElementById('q');
const t0 = performance.now();
box.value = q;
box.dispatchEvent(new Event('input', {bubbles: true}));
document.body.offsetHeight;               // force style and layout of the changed entries
const t1 = performance.now();
requestAnimationFrame(() => requestAnimationFrame(() => {
  const r = document.getElementById('ref-results');
  const status = document.getElementById('ref-status').textContent;
  const matches = r.hidden ? document.querySelectorAll('#ref-list > li').length : parseInt(status, 10) || 0;
  done([t1 - t0, performance.now() - t0, matches]);
}));
"""
NAIVE_SCAN = """
const q = arguments[0].toLowerCase();
const t0 = performance.now();
let n = 0;
for (const li of document.querySelectorAll('#ref-list > li')) if (li.textContent.toLowerCase().includes(q)) n++;
return [performance.now() - t0, n];
"""


def main() -> int:
    """Build, serve, measure, print."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--refs", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="keep the built site here")
    args = ap.parse_args()
    if bk.missing():
        print(f"skipped: {bk.missing()}")
        return 0
    www = Path(tempfile.mkdtemp(prefix="litsite-bench-www-"))
    server = bk.Server(www)
    try:
        secs = build(args.refs, www / "repo", f"{server.origin}/repo/")
        out = www / "repo"
        size = lambda p: (out / p).stat().st_size / 1024  # noqa: E731
        print(f"synthetic references index: {args.refs} references, written in {secs:.1f} s (CSL formatting stubbed)")
        print(
            f"references/index.html {size('references/index.html'):.0f} KiB, "
            f"data/search.json {size('data/search.json'):.0f} KiB, static/site.js {size('static/site.js'):.1f} KiB"
        )
        with bk.browser() as drv:
            drv.set_script_timeout(120)
            t0 = time.perf_counter()
            drv.get(f"{server.origin}/repo/references/")
            while not drv.execute_script("return !!window.litsiteSearch"):
                time.sleep(0.01)
            ready = time.perf_counter() - t0
            nav = drv.execute_script(
                "const n = performance.getEntriesByType('navigation')[0];"
                "return [n.domContentLoadedEventEnd, n.loadEventEnd];"
            )
            print(
                f"page load: DOMContentLoaded {nav[0]:.0f} ms, load {nav[1]:.0f} ms;"
                f" search ready after {ready * 1000:.0f} ms"
            )
            print("per query, median of runs: 'from full' starts from the whole list shown (the first keystroke swaps")
            print("the 10,000-entry list for the results); 'refine' starts from the query less its last letter")
            head = f"{'query':<16}{'matches':>8}{'from full ms':>14}{'+frame ms':>11}{'refine ms':>11}{'+frame ms':>11}"
            print(head + f"{'naive scan ms':>15}")
            med = statistics.median
            for q in QUERIES:
                full, full_frame, refine, refine_frame = [], [], [], []
                shown = 0
                for _ in range(args.runs):
                    drv.execute_async_script(TIME_QUERY, "")
                    a, b, shown = drv.execute_async_script(TIME_QUERY, q)
                    full.append(a)
                    full_frame.append(b)
                    drv.execute_async_script(TIME_QUERY, q[:-1] or "x")
                    a, b, _ = drv.execute_async_script(TIME_QUERY, q)
                    refine.append(a)
                    refine_frame.append(b)
                naive = med(drv.execute_script(NAIVE_SCAN, q)[0] for _ in range(3))
                print(
                    f"{q!r:<16}{shown:>8}{med(full):>14.1f}{med(full_frame):>11.1f}{med(refine):>11.1f}"
                    f"{med(refine_frame):>11.1f}{naive:>15.1f}"
                )
            errors = bk.console_errors(drv)
            print(f"console errors: {len(errors)}")
        if args.keep:
            shutil.copytree(out, args.keep, dirs_exist_ok=True)
    finally:
        server.close()
        shutil.rmtree(www, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
