"""Render bench/refparse/items_mh.py in the three styles with citeproc-js and write tests/data/reflines/mh_dev.jsonl.

Usage: python bench/refparse/make_devset.py

Each line is decorated like a saved Springer page (leading "  N. ", glued link markers). The truth holds only what
the line shows, as shared/reference-lines-dev/README.md describes: names the line does not print (et al., "…") are
dropped, and any other field whose text does not appear in the line is dropped.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "bench" / "refparse"))

from citeproc_js import render  # noqa: E402
from items_check import CHECK_ITEMS  # noqa: E402
from items_check2 import CHECK2_ITEMS  # noqa: E402
from items_check3 import CHECK3_ITEMS  # noqa: E402
from items_mh import ITEMS  # noqa: E402
from score import FIELDS, norm_text  # noqa: E402

from litsite.importers.names import fold_ascii  # noqa: E402

STYLES = ("apa-6th-edition", "apa", "springer-basic-author-date")
MARKERS = ("CrossRefGoogle Scholar", "Google Scholar", "CrossRefPubMedGoogle Scholar", "",
           "CrossRefPubMedCentralPubMedGoogle Scholar", "PubMedGoogle Scholar")  # fmt: skip


def _shown_names(names: list[dict], text: str) -> list[dict]:
    """The names whose family name (or literal) the text prints, in order."""
    folded = fold_ascii(text)
    out = []
    pos = 0
    for n in names:
        # Names print in order, so each is looked for after the previous one (two Haslams, one shown).
        key = fold_ascii(n.get("literal") or n.get("family", ""))
        at = folded.find(key, pos) if key else -1
        if at >= 0:
            out.append(n)
            pos = at + len(key)
    return out


def truth_for(item: dict, line: str) -> dict:
    """What of the item the rendered line shows."""
    truth: dict = {"type": item["type"]}
    m = re.search(r"\((?:\d{4}|n\.d\.|in press)", line)
    head = line[: m.start()] if m else line
    for key in FIELDS:
        if key not in item or key == "type":
            continue
        value = item[key]
        if key == "author":
            shown = _shown_names(value, head)
            if shown:
                truth[key] = shown
        elif key == "editor":
            shown = _shown_names(value, line)
            if shown:
                truth[key] = shown
        elif key == "issued":
            year = str(value["date-parts"][0][0])
            if year in line:
                parts = value["date-parts"][0]
                truth[key] = {
                    "date-parts": [parts if len(parts) > 1 and re.search(r"\(\d{4}, \w", line) else parts[:1]]
                }
        elif key == "page":
            if norm_text(value) in norm_text(line):
                truth[key] = value
        elif key == "issue":
            if re.search(rf"\({re.escape(str(value))}\)", line):
                truth[key] = value
        elif key == "volume":
            if re.search(rf"(?<![\w.]){re.escape(str(value))}(?![\w])", line):
                truth[key] = value
        elif key == "publisher-place":
            # The place must show outside the publisher's name ("Cambridge" in "Cambridge University Press").
            rest = line.replace(item.get("publisher", "\0"), "").replace(item.get("title", "\0"), "")
            if norm_text(value) in norm_text(rest):
                truth[key] = value
        elif norm_text(value) in norm_text(line) or key == "title":
            truth[key] = value
        elif key == "container-title" and norm_text(value.replace(".", "")) in norm_text(line):
            # Springer prints abbreviated journal names without periods ("J Occup Health Psychol").
            truth[key] = value.replace(".", "")
    return truth


def main(argv: list[str] | None = None) -> None:
    """Render, decorate, derive truth, write jsonl (``--check-only``: the newest batch alone, to /tmp)."""
    argv = sys.argv[1:] if argv is None else argv
    items = CHECK3_ITEMS if "--check-only" in argv else ITEMS + CHECK_ITEMS + CHECK2_ITEMS + CHECK3_ITEMS
    rng = random.Random(20240611)
    rows = []
    for style in STYLES:
        result = render(items, style, "text")
        by_id = {i["id"]: i for i in items}
        for n, entry in enumerate(result["bibliography"], 1):
            text = entry["entry"].strip()
            item = by_id[entry["id"]]
            markers = rng.choice(MARKERS) if item["type"] == "article-journal" else rng.choice(("Google Scholar", ""))
            rows.append({
                "line": f"  {n}. {text}{markers}",
                "truth": truth_for(item, text),
                "style": style,
                "markers": markers,
                "source": f"bench/refparse/items_mh.py#{item['id']}",
            })  # fmt: skip
    out = ROOT / "tests" / "data" / "reflines" / "mh_dev.jsonl"
    if "--check-only" in argv:
        out = Path("/tmp/refparse_check.jsonl")
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} lines to {out}")


if __name__ == "__main__":
    main()
