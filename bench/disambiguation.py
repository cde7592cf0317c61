"""The work disambiguation does on groups of near-identical items, before and after sharing renders, side by side.

    python bench/disambiguation.py [--styles apa,...] [--shapes variants,...] [--repeat 1]

For each shape of document × style: the items cited one per cluster and formatted (bibliography and citations) once
with each item of a group rendered on its own and every name tried (`Disambiguator.share = False`,
`disambig_lists.NAMES_TRIED` unbounded: the code before) and once with the items that render alike rendered once
per setting (disambig_alike.py) and the names tried bounded, alternately in one process, so the machine's
load falls on both alike. Printed: the time disambiguation took (Disambiguator.run), the cites it rendered, the whole
formatting's time, and whether both gave the same output (they must: sharing changes no result; only the last
shape's lists of 60 names are cut as citeproc-js cuts them, litsite/csl/names_limit.py, so they agree too).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from litsite.csl import disambig_lists
from litsite.csl.disambiguation import Disambiguator
from litsite.csl.engine import Cite, Formatter
from litsite.csl.styles import resolve_style

STYLES = ["apa", "modern-language-association", "chicago-author-date", "harvard-cite-them-right"]
STYLES += ["chicago-notes-bibliography"]
FIELDS = ["page", "issue", "DOI", "URL", "publisher", "note", "number", "edition", "ISSN", "abstract"]
GIVEN = ["John", "Anne", "Mary", "Kim", "Jo", "Lee", "Sam", "Pat", "Max", "Eve", "Ola", "Ida"]
FAMILY = ["Smith", "Brown", "Jones", "Lee", "Park", "Kent", "Hill", "Ford", "Wood", "Gray", "Hale", "Moss"]


def _people(count: int, first: str = "") -> list[dict]:
    return [{"family": FAMILY[i % 12] + (first if i == 0 else ""), "given": GIVEN[i % 12]} for i in range(count)]


def variants(works: int, each: int, names: int) -> list[dict]:
    """`works` works, each entered `each` times with one field differing (same authors, title and year)."""
    out = []
    for w in range(works):
        for v in range(each):
            item = {"id": f"w{w}v{v}", "type": "article-journal", "title": f"A study of things {w}"}
            item |= {"author": _people(names, str(w)), "issued": {"date-parts": [[2010]]}, "container-title": "J"}
            item[FIELDS[v % len(FIELDS)]] = f"{w}{v}1"
            out.append(item)
    return out


def reports(count: int) -> list[dict]:
    """`count` reports of one institution and two people in one year, each with its own title and number."""
    people = [{"literal": "World Health Organization"}]
    return [
        {"id": f"r{n}", "type": "report", "title": f"Report on topic {n}", "author": people, "number": str(n)}
        | {"issued": {"date-parts": [[2019]]}, "publisher": "WHO"}
        for n in range(count)
    ]


def distinct_last(count: int, names: int) -> list[dict]:
    """`count` works by the same `names` people but the last one, whose given name differs: nothing to share, and
    every name position is tried before the last tells them apart (the most work a group of this size can ask)."""
    out = []
    for n in range(count):
        people = _people(names)
        people[-1] = {"family": "Last", "given": f"{GIVEN[n % 12]}{n // 12 or ''}"}
        out.append(
            {"id": f"d{n}", "type": "book", "title": "Same", "author": people, "issued": {"date-parts": [[2001]]}}
        )
    return out


SHAPES = {
    "variants 4x10, 3 names": lambda: variants(4, 10, 3),
    "variants 4x10, 10 names": lambda: variants(4, 10, 10),
    "duplicates 40": lambda: [dict(variants(1, 1, 3)[0], id=f"x{n}") for n in range(40)],
    "reports 80": lambda: reports(80),
    "distinct last 24, 8 names": lambda: distinct_last(24, 8),
    # over 50 names: citeproc-js renders the first few and the last (names_limit.py), so both give the same output
    "collaboration 2, 60 names": lambda: distinct_last(2, 60),
}


class _Counter:
    """Counts the cites disambiguation renders and the time it spends."""

    def __init__(self) -> None:
        self.renders = 0
        self.seconds = 0.0
        render, run = Disambiguator._render, Disambiguator.run

        def counted(dis: Disambiguator, key: str) -> str:
            self.renders += 1
            return render(dis, key)

        def timed(dis: Disambiguator, *args: object) -> None:
            start = time.perf_counter()
            try:
                run(dis, *args)
            finally:
                self.seconds += time.perf_counter() - start

        Disambiguator._render, Disambiguator.run = counted, timed


BOUND = disambig_lists.NAMES_TRIED


def _once(counter: _Counter, items: list[dict], style: str, share: bool) -> tuple[float, int, float, object]:
    """One formatting: before (no sharing, no bound on the names tried) or after."""
    Disambiguator.share = share
    disambig_lists.NAMES_TRIED = BOUND if share else 1 << 30
    counter.renders, counter.seconds = 0, 0.0
    start = time.perf_counter()
    result = Formatter(resolve_style(style)).format(items, [[Cite(item["id"])] for item in items], "text")
    return counter.seconds, counter.renders, time.perf_counter() - start, result


def main() -> None:
    """Print the figures of each shape × style, before and after."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--styles", default=",".join(STYLES))
    parser.add_argument("--shapes", default="", help="substrings of shape names (all by default)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each side (the fastest is kept)")
    args = parser.parse_args()
    counter = _Counter()
    wanted = [s for s in args.shapes.split(",") if s]
    print(
        "| shape | style | disambiguation before (renders) | after (renders) | after/before | whole formatting "
        "before → after | same output |"
    )
    print("|---|---|---|---|---|---|---|")
    for shape, make in SHAPES.items():
        if wanted and not any(w in shape for w in wanted):
            continue
        items = make()
        for style in args.styles.split(","):
            best: dict[bool, tuple] = {}
            for _ in range(args.repeat):
                for share in (False, True):
                    run = _once(counter, items, style, share)
                    if share not in best or run[0] < best[share][0]:
                        best[share] = run
            (b_dis, b_n, b_all, b_out), (a_dis, a_n, a_all, a_out) = best[False], best[True]
            print(f"| {shape} | {style} | {b_dis:.2f} s ({b_n}) | {a_dis:.2f} s ({a_n}) | {a_dis / b_dis:.2f} "
                  f"| {b_all:.2f} s → {a_all:.2f} s | {'yes' if a_out == b_out else 'NO'} |", flush=True)  # fmt: skip
    Disambiguator.share, disambig_lists.NAMES_TRIED = True, BOUND


if __name__ == "__main__":
    main()
