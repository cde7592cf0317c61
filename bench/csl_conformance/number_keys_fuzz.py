"""Differential test of the NUMBER parts of macro sort keys against citeproc-js (needs node).

python bench/csl_conformance/number_keys_fuzz.py [--values N] [--seed X] [--show K] [--real] [--entries]

Random values of numeric variables (numbers with letters, particles, leading zeros, Roman numerals, ranges and lists
joined as citeproc-js's processNumber splits them, labels, words, slashes) are sorted under minimal styles whose one
macro key renders the variable after a text, with cs:text or cs:number, affixes, a group delimiter and
page-range-format; each item's key is compared with citeproc-js's registry key as order_keys.py compares keys
(collated: case, accents, punctuation ignored). Prints the count per style shape and the first K differences.
--real: the values are of the shapes real library catalogues write (number_values_real.py: "XIII, 172 S.", "Bd. 3",
"6-1 to 6-20"…); --entries: also compare the entries of a layout printing is-numeric, the label, cs:text and cs:number.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from number_values_real import real_values  # noqa: E402
from order_keys import collated  # noqa: E402

from litsite.csl.engine import Formatter  # noqa: E402
from litsite.csl.fixes import sorting  # noqa: E402

VARIABLES = ["page", "volume", "issue", "number", "collection-number", "edition", "number-of-pages", "part-number"]
_JOINERS = ["-", "–", "--", " - ", ", ", " & ", " and ", "; ", ",", "/", " "]
_LABELS = ["vol. ", "no. ", "p. ", "pp. ", "ser. ", "Suppl ", "pt. ", "ch. "]
SHAPES = {
    "text": ('<group delimiter=" "><text value="x"/><text variable="{v}"/></group>', ""),
    "number": ('<group delimiter=" "><text value="x"/><number variable="{v}"/></group>', ""),
    "first": ('<text variable="{v}"/>', ""),
    "prefix": ('<group delimiter=" "><text value="x"/><text variable="{v}" prefix="v"/></group>', ""),
    "suffix": ('<group delimiter=" "><text value="x"/><text variable="{v}" suffix=";"/></group>', ""),
    "chicago": ('<group delimiter=", "><text value="x"/><text variable="{v}"/></group>', 'page-range-format="chicago"'),
    "two": ('<group delimiter=", "><text variable="volume"/><text variable="{v}"/></group>', ""),
    "label": (
        '<group delimiter=", "><text value="x"/><group delimiter=" "><label variable="{v}" form="short"/>'
        '<text variable="{v}"/></group></group>',
        "",
    ),
}
ENTRY = (
    '<group delimiter=" "><choose><if is-numeric="{v}"><text value="NUM"/></if></choose>'
    '<label variable="{v}" form="short"/><text variable="{v}"/><text value="|"/><number variable="{v}"/></group>'
)


def part(rng: random.Random) -> str:
    """One part of a value: a number, maybe with a particle, a letter suffix, leading zeros, or a Roman numeral."""
    kind = rng.random()
    if kind < 0.5:
        return str(rng.choice([1, 2, 3, 9, 10, 12, 99, 100, 169, 177, 380, 381, 1999, 2004]))
    if kind < 0.6:
        return "0" + str(rng.randint(0, 9))
    if kind < 0.7:
        return rng.choice(["S", "e", "R", "A", "B", "fqac0", "1a"]) + str(rng.randint(1, 400))
    if kind < 0.8:
        return str(rng.randint(1, 400)) + rng.choice(["a", "b", "B", "bis"])
    if kind < 0.9:
        return rng.choice(["ii", "iv", "IX", "xii", "c"])
    return rng.choice(["abc", "Suppl", "2nd", "3rd ser.", "n.s."])


def value(rng: random.Random) -> str:
    """A value of one to four parts, maybe with a label first."""
    text = part(rng)
    for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
        text += rng.choice(_JOINERS) + part(rng)
    return (rng.choice(_LABELS) if rng.random() < 0.1 else "") + text


def _style(directory: Path, macro: str, attrs: str, layout: str = '<text variable="title"/>') -> Path:
    path = directory / "s.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {attrs}>'
        "<info><title>s</title><id>s</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        f'<macro name="k">{macro}</macro><citation><layout><text value="x"/></layout></citation>'
        f'<bibliography><sort><key macro="k"/></sort><layout>{layout}</layout></bibliography></style>',
        encoding="utf-8",
    )
    return path


def compare(style: Path, items: list[dict]) -> list[tuple[dict, str, str]]:
    """(item, citeproc-js's key, litsite's key) of each item whose keys differ."""
    from citeproc_js import locales_dir

    job = {
        "style": str(style),
        "locales_dir": str(locales_dir()),
        "lang": "en-US",
        "items": items,
        "documents": [[it["id"] for it in items]],
        "citations": False,
    }
    proc = subprocess.run(["node", str(HERE / "order_js.js")], input=json.dumps(job), capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    keys = json.loads(proc.stdout)[0]["keys"]
    captured: dict[str, list] = {}
    original = sorting.Sort.litsite_order

    def spy(self: object, raws: list, *args: object, **kwargs: object) -> list[int]:
        captured["rows"] = raws
        return original(self, raws, *args, **kwargs)

    sorting.Sort.litsite_order = spy  # type: ignore[method-assign]
    try:
        Formatter(style, "en-US").format(items, [], "text")
    finally:
        sorting.Sort.litsite_order = original  # type: ignore[method-assign]
    out = []
    for item, row in zip(items, captured.get("rows", []), strict=True):
        mine = "" if row[0] is None else str(row[0][1])
        theirs = str(keys[item["id"]][0] or "")
        if collated(mine) != collated(theirs):
            out.append((item, theirs, mine))
    return out


def compare_entries(style: Path, items: list[dict]) -> list[tuple[dict, str, str]]:
    """(item, citeproc-js's entry, litsite's entry) of each item whose entries differ."""
    from citeproc_js import locales_dir

    job = {"style": str(style), "locales_dir": str(locales_dir()), "lang": "en-US", "items": items, "format": "text"}
    proc = subprocess.run(
        ["node", str(HERE.parent / "citeproc_js" / "render.js")], input=json.dumps(job), capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-2000:])
    theirs = {e["id"]: e["entry"].strip() for e in json.loads(proc.stdout)["bibliography"]}
    mine = dict(Formatter(style, "en-US").format(items, [], "text").entries)
    return [
        (it, theirs[it["id"]], mine[it["id"]].strip()) for it in items if theirs[it["id"]] != mine[it["id"]].strip()
    ]


def _entries(directory: Path, values: list[tuple[str, str]], show: int) -> int:
    """Compare the entries of every value; print the first `show` differences; the count of those that differ."""
    found: list[tuple[dict, str, str]] = []
    for variable in VARIABLES:
        items = [{"id": str(n), "type": "book", "title": "T", variable: v} for n, (var, v) in enumerate(values)]
        items = [item for item, (var, _) in zip(items, values, strict=True) if var == variable]
        if items:
            style = _style(directory, '<text value="x"/>', "", ENTRY.replace("{v}", variable))
            found += compare_entries(style, items)
    print(f"entries: {len(found)} of {len(values)} differ")
    for item, js, py in found[:show]:
        shown = {k: v for k, v in item.items() if k not in ("id", "type", "title")}
        print(f"--- entry {json.dumps(shown, ensure_ascii=False)}\n  js: {js}\n  py: {py}")
    return len(found)


def main(argv: list[str]) -> int:
    """Run every shape on the same random values; exit 1 when any key differs."""

    def option(name: str, default: int) -> int:
        return int(argv[argv.index(name) + 1]) if name in argv else default

    rng = random.Random(option("--seed", 1))
    count, show = option("--values", 200), option("--show", 10)
    if "--real" in argv:
        values = real_values(rng, count)
    else:
        values = [(rng.choice(VARIABLES), value(rng)) for _ in range(count)]
    failing: list[tuple[str, dict, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        entries = _entries(Path(tmp), values, show) if "--entries" in argv else 0
        for name, (macro, attrs) in SHAPES.items():
            differing = 0
            for variable in VARIABLES:
                items = [
                    {"id": str(n), "type": "book", "title": "T", variable: v, "volume": "7"}
                    for n, (var, v) in enumerate(values)
                    if var == variable
                ]
                if not items:
                    continue
                found = compare(_style(Path(tmp), macro.replace("{v}", variable), attrs), items)
                differing += len(found)
                failing += [(name, item, js, py) for item, js, py in found]
            print(f"{name}: {differing} of {count} keys differ", flush=True)
    # a key that differs only in where "undefined" is: the number blobs (this test's subject); else the rendering
    blobs = [f for f in failing if collated(f[2].replace("undefined", "")) == collated(f[3].replace("undefined", ""))]
    rendering = [f for f in failing if f not in blobs]
    print(f"number blobs: {len(blobs)} keys differ; rendering of the value: {len(rendering)}")
    for title, rows in (("number blobs", blobs), ("rendering", rendering)):
        for name, item, js, py in rows[:show]:
            shown = {k: v for k, v in item.items() if k not in ("id", "type", "title")}
            print(f"--- {title}: {name} {json.dumps(shown, ensure_ascii=False)}\n  js: {js!r}\n  py: {py!r}")
    return 1 if blobs or entries else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
