"""Randomized differential test of bibliography ORDER against citeproc-js (needs node).

python bench/csl_conformance/order_fuzz.py [--style S]... [--docs N] [--size K] [--seed N] [--synthetic N]
    [--bibtex N] [--mla N] [--chicago N] [--wide N] [--acm N] [--tex N] [--numbers N] [--hostile N] [--mutants M]
    [--no-dev] [--no-citations] [--out FILE]

Pools every item of the dev sources (ids prefixed by their source), synthetic items and synthetic BibTeX read by
litsite's importer (order_items.py), and with --mla N items in the shapes MLA's sort macros meet (order_items_mla.py),
with --chicago N those of Chicago's (order_items_chicago.py), with --wide N the shapes of real libraries
(order_items_wide.py), with --acm N those of acm-sig-proceedings' author macro (order_items_acm.py),
with --tex N TeX-heavy BibTeX (order_items_tex.py), with --numbers N MLA's shapes with the number values of real
library catalogues (number_values_real.py), with --hostile N hostile names and titles for the author and title keys
(order_items_hostile.py),
draws random documents (subsets in random order), and formats each with citeproc-js (order_js.js, as render.js: items
registered and cited once each in document order) and litsite. Over the entries both print, a different order is
minimised to pairs: two items whose relative order differs, re-sorted alone (both registration orders) in both
processors; a pair that still differs is a rule to fix, printed with citeproc-js's sort keys. A difference that no
pair reproduces depends on the other items (ties, disambiguation) and is printed as the document.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(HERE))

from conformance_wide import DEV, load_source, split_pair  # noqa: E402
from number_values_real import number_items  # noqa: E402
from order_items import bibtex_items, mutant, synthetic_items  # noqa: E402
from order_items_acm import acm_items  # noqa: E402
from order_items_chicago import chicago_items  # noqa: E402
from order_items_hostile import hostile_items  # noqa: E402
from order_items_mla import mla_items  # noqa: E402
from order_items_tex import tex_items  # noqa: E402
from order_items_wide import wide_items  # noqa: E402
from order_shared import registry_items  # noqa: E402

from litsite.csl.engine import Cite, Formatter  # noqa: E402
from litsite.csl.styles import resolve_style  # noqa: E402

STYLES = [
    "chicago-notes-bibliography",
    "acm-sig-proceedings",
    "modern-language-association",
    "modern-language-association@de-DE",
    "apa",
    "chicago-author-date",
    "harvard-cite-them-right",
    "springer-basic-author-date",
]


def js_orders(pair: str, items: list[dict], documents: list[list[str]], citations: bool) -> list[dict]:
    """citeproc-js's order, printed entries and sort keys of each document."""
    from citeproc_js import ensure_installed, locales_dir

    ensure_installed()
    style, locale = split_pair(pair)
    wanted = {i for doc in documents for i in doc}
    job = {
        "style": str(resolve_style(style).path),
        "locales_dir": str(locales_dir()),
        "lang": locale,
        "items": [it for it in items if it["id"] in wanted],
        "documents": documents,
        "citations": citations,
    }
    proc = subprocess.run(
        ["node", str(HERE / "order_js.js")], input=json.dumps(job), capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip()[-2000:])
    return json.loads(proc.stdout)


def py_order(pair: str, by_id: dict[str, dict], doc: list[str], citations: bool) -> tuple[list[str], set[str]]:
    """litsite's order and printed entries of one document."""
    style, locale = split_pair(pair)
    items = [by_id[i] for i in doc]
    clusters = [[Cite(i)] for i in doc] if citations else []
    entries = Formatter(resolve_style(style).path, locale).format(items, clusters, "text").entries
    return [i for i, _ in entries], {i for i, e in entries if e.strip()}


def inverted_pairs(js: list[str], py: list[str]) -> list[tuple[str, str]]:
    """Pairs (a, b) with a before b in js's order and after it in py's, adjacent in js's order first."""
    where = {x: n for n, x in enumerate(py)}
    out = []
    for n, a in enumerate(js):
        for b in js[n + 1 :]:
            if where[a] > where[b]:
                out.append((a, b))
    out.sort(key=lambda p: js.index(p[1]) - js.index(p[0]))
    return out


def pool(synthetic: int, dev: bool, bibtex: int = 0) -> list[dict]:
    """Dev items (ids prefixed by source), synthetic ones and synthetic BibTeX read by litsite's importer."""
    items = []
    if dev:
        for name in DEV:
            items += [{**it, "id": f"{name}:{it['id']}"} for it in load_source(name)]
    extra = registry_items(synthetic // 4)  # the shapes of the rules all author-date styles share
    return items + synthetic_items(synthetic) + extra + (bibtex_items(bibtex) if bibtex else [])


def main(argv: list[str]) -> int:
    """Run the differential test; print the rules that differ; exit 1 when any does."""

    def opt(name: str, default: str) -> str:
        return argv[argv.index(name) + 1] if name in argv else default

    styles = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--style"] or STYLES
    docs, size, seed = int(opt("--docs", "20")), int(opt("--size", "40")), int(opt("--seed", "1"))
    citations = "--no-citations" not in argv
    mutants = int(opt("--mutants", "0"))
    items = pool(int(opt("--synthetic", "400")), "--no-dev" not in argv, int(opt("--bibtex", "300")))
    items += mla_items(int(opt("--mla", "0")))
    items += chicago_items(int(opt("--chicago", "0")))
    items += wide_items(int(opt("--wide", "0")))
    items += acm_items(int(opt("--acm", "0")))
    items += tex_items(int(opt("--tex", "0")))
    items += number_items(int(opt("--numbers", "0")))
    items += hostile_items(int(opt("--hostile", "0")))
    by_id = {it["id"]: it for it in items}
    ids = list(by_id)
    report: list[str] = []
    failing = 0
    for pair in styles:
        start = time.time()
        rng = random.Random(f"{seed}:{pair}")
        documents = [rng.sample(ids, min(size, len(ids))) for _ in range(docs)]
        if mutants:  # documents of a few items and their variants (one variable changed each)
            for n, doc in enumerate(documents):
                bases, extra = doc[: max(1, size // (mutants + 1))], []
                for b in bases:
                    for m in range(mutants):
                        item = mutant(by_id[b], by_id[rng.choice(ids)], rng, f"{b}~{n}.{m}")
                        by_id[item["id"]] = item
                        extra.append(item["id"])
                documents[n] = rng.sample(bases + extra, len(bases) + len(extra))
            items = list(by_id.values())
        results = js_orders(pair, items, documents, citations)
        seen: set[str] = set()
        bad_docs = 0
        for doc, js in zip(documents, results, strict=True):
            py, py_printed = py_order(pair, by_id, doc, citations)
            both = set(js["printed"]) & py_printed
            js_o, py_o = [i for i in js["order"] if i in both], [i for i in py if i in both]
            if js_o == py_o:
                continue
            bad_docs += 1
            pairs = inverted_pairs(js_o, py_o)[:6]
            checks = [[a, b] for a, b in pairs] + [[b, a] for a, b in pairs]
            alone = js_orders(pair, items, checks, citations)
            reproduced = False
            for check, res in zip(checks, alone, strict=True):
                mine, _ = py_order(pair, by_id, check, citations)
                if mine != res["order"] and not seen & set(check):
                    seen.update(check)  # one pair per item: the other pairs of an item are mostly the same rule
                    reproduced = True
                    report.append(_pair_report(pair, check, res, mine, by_id))
            if not reproduced:
                report.append(f"=== {pair}: document order differs, no pair alone reproduces it\n"
                              f"  js: {js_o}\n  py: {py_o}")  # fmt: skip
        failing += bad_docs
        print(f"{pair}: {docs - bad_docs}/{docs} documents in the same order ({time.time() - start:.0f} s)", flush=True)
    text = "\n".join(report)
    out = opt("--out", "")
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 1 if failing else 0


def _pair_report(pair: str, check: list[str], res: dict, mine: list[str], by_id: dict[str, dict]) -> str:
    lines = [f"=== {pair}: registered {check}; js {res['order']}, py {mine}"]
    for i in check:
        item = {k: v for k, v in by_id[i].items() if k != "id"}
        lines.append(f"  {i}: {json.dumps(item, ensure_ascii=False)[:600]}")
        lines.append(f"    js keys: {json.dumps(res['keys'].get(i), ensure_ascii=False)}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
