"""Per-item differential test of bibliography SORT KEYS against citeproc-js (needs node).

python bench/csl_conformance/order_keys.py --style S [--source NAME]... [--chicago N] [--mla N] [--wide N] [--acm N]
    [--hostile N] [--synthetic N] [--bibtex N] [--no-citations]

The order of a document only shows a key that differs when the items around it tie up to that key; the keys
themselves show it on every item. Each dev source (or the generated items of order_items*.py) is one document,
formatted by citeproc-js (order_js.js: its registry's sortkeys) and by litsite (the raw sort values of
fixes/sorting.Sort); every text key is compared as citeproc-js's collator compares it (Intl.Collator, base strength,
ignorePunctuation: case, accents, punctuation and formatting marks ignored; its "|" is a space). Number and date keys
of variables are left out (their forms differ: citeproc-js pads them). Prints each item whose keys differ, with both
keys; the held-out sources are refused.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from conformance_wide import DEV, HELD_OUT, load_source, split_pair  # noqa: E402
from order_fuzz import js_orders  # noqa: E402
from order_items import bibtex_items, synthetic_items  # noqa: E402
from order_items_acm import acm_items  # noqa: E402
from order_items_chicago import chicago_items  # noqa: E402
from order_items_hostile import hostile_items  # noqa: E402
from order_items_mla import mla_items  # noqa: E402
from order_items_wide import wide_items  # noqa: E402

from litsite.csl.engine import Cite, Formatter  # noqa: E402
from litsite.csl.fixes import sorting  # noqa: E402
from litsite.csl.markup import APOS  # noqa: E402
from litsite.csl.styles import resolve_style  # noqa: E402

_MARKS = re.compile("[\ue100-\ue1cf]")  # litsite's private-use placeholders (formatting, levels, seals)


def collated(text: str) -> str:
    """A key as citeproc-js's collator sees it: no punctuation, format characters, case or accents."""
    text = _MARKS.sub("", text.replace(APOS, "'")).replace("|", " ")
    text = unicodedata.normalize("NFKD", text)
    kept = (c for c in text if not unicodedata.combining(c) and unicodedata.category(c)[0] != "P")
    return " ".join("".join(c for c in kept if unicodedata.category(c) != "Cf").split()).casefold()


def py_raws(pair: str, items: list[dict], citations: bool) -> list[list]:
    """litsite's raw sort values of each item (in the items' order), from one formatting of the document."""
    captured: dict[str, list] = {}
    original = sorting.Sort.litsite_order

    def spy(self: object, raws: list, *args: object, **kwargs: object) -> list[int]:
        captured["rows"] = raws
        return original(self, raws, *args, **kwargs)

    style, locale = split_pair(pair)
    clusters = [[Cite(it["id"])] for it in items] if citations else []
    sorting.Sort.litsite_order = spy  # type: ignore[method-assign]
    try:
        Formatter(resolve_style(style).path, locale).format(items, clusters, "text")
    finally:
        sorting.Sort.litsite_order = original  # type: ignore[method-assign]
    return captured.get("rows", [])


def differing(pair: str, items: list[dict], citations: bool) -> list[str]:
    """Reports of the items whose text keys differ from citeproc-js's."""
    js = js_orders(pair, items, [[it["id"] for it in items]], citations)[0]["keys"]
    out = []
    for item, row in zip(items, py_raws(pair, items, citations), strict=True):
        theirs = js.get(item["id"])
        if theirs is None:
            continue
        for n, (raw, key) in enumerate(zip(row, theirs, strict=False)):
            if isinstance(raw, int) or (isinstance(raw, list) and raw[0] in ("d", "n")):
                continue
            mine = "" if raw is None else str(raw[1])
            if collated(mine) != collated(str(key or "")):
                out.append(f"--- {pair} {item['id']} key {n}\n  py: {mine!r}\n  js: {key!r}")
    return out


def documents(argv: list[str]) -> dict[str, list[dict]]:
    """The documents to check: named dev sources (all by default) and generated items."""

    def count(name: str) -> int:
        return int(argv[argv.index(name) + 1]) if name in argv else 0

    names = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--source"]
    docs: dict[str, list[dict]] = {}
    for name in names or ([] if any(count(g) for g in GENERATED) else DEV):
        if name in HELD_OUT:
            raise SystemExit(f"{name} is held-out: its items are not looked at")
        docs[name] = load_source(name)
    for option, make in GENERATED.items():
        if count(option):
            seen: set[str] = set()
            docs[option[2:]] = [it for it in make(count(option)) if not (it["id"] in seen or seen.add(it["id"]))]
    return docs


GENERATED = {
    "--chicago": chicago_items,
    "--mla": mla_items,
    "--synthetic": synthetic_items,
    "--bibtex": bibtex_items,
    "--wide": wide_items,
    "--acm": acm_items,
    "--hostile": hostile_items,
}


def main(argv: list[str]) -> int:
    """Compare the keys of every document; exit 1 when any differs."""
    pairs = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--style"] or ["chicago-notes-bibliography"]
    citations = "--no-citations" not in argv
    failing = 0
    for pair in pairs:
        for name, items in documents(argv).items():
            reports = differing(pair, items, citations)
            failing += len(reports)
            print(f"{pair} {name}: {len(items)} items, {len(reports)} keys differ", flush=True)
            for report in reports:
                print(report)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
