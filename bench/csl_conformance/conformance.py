"""Agreement of litsite's CSL engine with citeproc-js on the corpus, per style.

python bench/csl_conformance/conformance.py               # compare with the goldens, write the README table
python bench/csl_conformance/conformance.py --regenerate  # re-render the goldens with citeproc-js (needs node)
python bench/csl_conformance/conformance.py --known       # also rewrite tests/csl/conformance_known_failures.txt
"""

from __future__ import annotations

import datetime
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from litsite.csl.engine import format_bibliography_ids, format_first_citations  # noqa: E402
from litsite.csl.styles import resolve_style  # noqa: E402

STYLES = [
    "apa", "apa-6th-edition", "chicago-author-date", "modern-language-association", "vancouver-nlm", "ieee",
    "nature", "harvard-cite-them-right", "american-medical-association", "elsevier-harvard",
    "springer-basic-author-date", "american-sociological-association",
]  # fmt: skip
CORPUS = ROOT / "tests" / "data" / "csl" / "corpus.json"
GOLDEN = ROOT / "tests" / "data" / "csl" / "golden"
KNOWN = ROOT / "tests" / "csl" / "conformance_known_failures.txt"
README = Path(__file__).resolve().parent / "README.md"


def load_items() -> list[dict]:
    """The corpus items."""
    return json.loads(CORPUS.read_text(encoding="utf-8"))


def regenerate(items: list[dict]) -> None:
    """Render every style with citeproc-js into the golden files."""
    from citeproc_js import render

    GOLDEN.mkdir(parents=True, exist_ok=True)
    for style in STYLES:
        out = render(items, style, "text", citations=True)
        data = {
            "bibliography": [[e["id"], e["entry"]] for e in out["bibliography"]],
            "citations": [[c["id"], c["text"]] for c in out["citations"]],
        }
        (GOLDEN / f"{style}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"golden {style}: {len(data['bibliography'])} entries")


def compare(style: str, items: list[dict]) -> dict:
    """Differences of our output from the golden file of one style."""
    golden = json.loads((GOLDEN / f"{style}.json").read_text(encoding="utf-8"))
    path = resolve_style(style).path
    ours_bib = format_bibliography_ids(items, path)
    ours_cites = format_first_citations(items, path)
    gold_bib = dict(golden["bibliography"])
    mine_bib = dict(ours_bib)
    bib_fail = [i for i, e in golden["bibliography"] if mine_bib.get(i) != e]
    cite_fail = [i for (i, t), mine in zip(golden["citations"], ours_cites, strict=True) if mine != t]
    return {
        "bib_total": len(gold_bib),
        "bib_fail": bib_fail,
        "cite_total": len(golden["citations"]),
        "cite_fail": cite_fail,
        "same_order": [i for i, _ in ours_bib] == [i for i, _ in golden["bibliography"]],
        "mine": mine_bib,
        "gold": gold_bib,
        "cites": dict(zip([i for i, _ in golden["citations"]], ours_cites, strict=True)),
        "gold_cites": dict(golden["citations"]),
    }


def failures(results: dict[str, dict]) -> list[str]:
    """Ratchet lines: `style bib id`, `style cite id`, `style order -`."""
    lines = []
    for style, r in results.items():
        lines += [f"{style} bib {i}" for i in r["bib_fail"]]
        lines += [f"{style} cite {i}" for i in r["cite_fail"]]
        if not r["same_order"]:
            lines.append(f"{style} order -")
    return sorted(lines)


def table(results: dict[str, dict]) -> str:
    """The agreement table as Markdown."""
    rows = ["| style | bibliography identical | same order | first citations identical |", "|---|---|---|---|"]
    tb = tc = fb = fc = 0
    for style, r in results.items():
        b = 100 * (r["bib_total"] - len(r["bib_fail"])) / max(r["bib_total"], 1)
        c = 100 * (r["cite_total"] - len(r["cite_fail"])) / max(r["cite_total"], 1)
        rows.append(f"| {style} | {b:.1f}% | {'yes' if r['same_order'] else 'no'} | {c:.1f}% |")
        tb, fb, tc, fc = tb + r["bib_total"], fb + len(r["bib_fail"]), tc + r["cite_total"], fc + len(r["cite_fail"])
    rows.append(f"| **all** | **{100 * (tb - fb) / tb:.1f}%** | | **{100 * (tc - fc) / tc:.1f}%** |")
    return "\n".join(rows)


def write_readme(text: str) -> None:
    """Replace the agreement section of the README."""
    current = README.read_text(encoding="utf-8") if README.exists() else ""
    block = f"<!-- agreement -->\n{text}\n<!-- /agreement -->"
    if "<!-- agreement -->" in current:
        current = re.sub(r"<!-- agreement -->.*<!-- /agreement -->", lambda _: block, current, flags=re.S)
    else:
        current += "\n" + block + "\n"
    README.write_text(current, encoding="utf-8")


def main(argv: list[str]) -> None:
    """Compare (and optionally regenerate goldens / the ratchet list)."""
    items = load_items()
    if "--regenerate" in argv:
        regenerate(items)
    start = time.time()
    results = {style: compare(style, items) for style in STYLES}
    text = table(results)
    stamp = f"Measured {datetime.date.today().isoformat()} on {len(items)} corpus items ({time.time() - start:.0f} s)."
    print(text)
    print(stamp)
    if "--show" in argv:
        for style, r in results.items():
            for i in r["bib_fail"]:
                print(f"--- {style} bib {i}\n  js: {r['gold'].get(i)}\n  py: {r['mine'].get(i)}")
            for i in r["cite_fail"]:
                print(f"--- {style} cite {i}\n  js: {r['gold_cites'][i]}\n  py: {r['cites'][i]}")
    write_readme(f"{text}\n\n{stamp}")
    if "--known" in argv:
        KNOWN.write_text("\n".join(failures(results)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
