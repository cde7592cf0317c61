"""Randomized differential test of COLLATION and the sort-key comparator against citeproc-js (needs node).

python bench/csl_conformance/collation_fuzz.py [--locale L]... [--pairs N] [--real N] [--rows N] [--seed N]
    [--keys FILE] [--show K] [--no-minimise]

Compares litsite's order of two sort-key texts (fixes/sorting.collation_key, collation.py) with citeproc-js's own
comparison (collation_js.js: CSL.getSortCompare in Node's Intl) for many pairs per locale: --real N pairs from real
sort keys (citeproc-js's keys of every dev source in four styles, cached in --keys FILE) and their mutants, --pairs N
pairs of random strings over character classes (collation_strings.py: digits, punctuation, spaces, combining marks,
scripts…); and with --rows N, N small tables of keys (some missing, some descending) ordered by litsite's
Sort.litsite_order and by citeproc-js's registry (comparator and binary insertion). Prints the disagreements per
locale and per class, and the first --show pairs of each class minimised (characters deleted while they still
disagree). Pairs with private-use or control characters are counted apart (litsite removes them from its input).
Exit status 1 when any disagrees.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from collation_strings import random_pairs, random_text, real_pairs  # noqa: E402

from litsite.csl.fixes import sorting  # noqa: E402

LOCALES = [
    "en-US", "en-GB", "de-DE", "fr-FR", "fr-CA", "es-ES", "it-IT", "nl-NL", "pt-BR", "pt-PT", "tr-TR", "hu-HU",
    "cs-CZ", "sv-SE", "da-DK", "nb-NO", "fi-FI", "pl-PL", "ru-RU", "uk-UA", "el-GR", "he-IL", "ar", "ja-JP",
    "zh-CN", "zh-TW", "ko-KR",
]  # fmt: skip
# Classes of characters litsite removes from every input value (safety.clean_text): in a key they are only its own
# marks, which must stay ignorable, so their pairs are counted apart (citeproc-js weighs them, after Han).
CLEANED = frozenset(("private-use", "control"))
KEY_STYLES = ["apa", "chicago-notes-bibliography", "modern-language-association", "acm-sig-proceedings"]


class Node:
    """A running collation_js.js: one JSON request and answer per line."""

    def __init__(self) -> None:
        from citeproc_js import ensure_installed

        ensure_installed()
        self.proc = subprocess.Popen(
            ["node", str(HERE / "collation_js.js")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def ask(self, job: dict) -> list[int]:
        """citeproc-js's answer to one request."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(job) + "\n")
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())

    def signs(self, locale: str, pairs: list[tuple[str, str]]) -> list[int]:
        """citeproc-js's comparison of each pair of key texts (-1, 0, 1)."""
        out: list[int] = []
        for start in range(0, len(pairs), 2000):
            out += self.ask({"locale": locale, "pairs": [list(p) for p in pairs[start : start + 2000]]})
        return out


def py_sign(a: str, b: str, locale: str) -> int:
    """litsite's comparison of two key texts ("" is no key: last)."""
    ka, kb = (sorting.collation_key(t, locale) if t else None for t in (a, b))
    if ka == kb:
        return 0
    if ka is None or kb is None:
        return 1 if ka is None else -1
    return -1 if ka < kb else 1


class _Rows:
    """Just enough of a cs:sort for Sort.litsite_order: the locale and the keys' directions."""

    _compare = sorting.Sort._compare
    litsite_order = sorting.Sort.litsite_order

    def __init__(self, locale: str, descending: list[bool]) -> None:
        self.locale, self.descending = locale, descending

    def _lang(self) -> str:
        return self.locale

    def _descending(self) -> list[bool]:
        return self.descending


def real_keys(path: Path) -> list[str]:
    """citeproc-js's text sort keys of every dev source in KEY_STYLES, as key texts (cached in `path`)."""
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    from conformance_wide import DEV, load_source
    from order_fuzz import js_orders

    keys: set[str] = set()
    for style in KEY_STYLES:
        for name in DEV:
            items = load_source(name)
            doc = js_orders(style, items, [[it["id"] for it in items]], False)[0]
            for row in doc["keys"].values():
                keys.update(k[:-1].replace("|", " ") for k in row if isinstance(k, str) and k.endswith("|"))
    out = sorted(k for k in keys if k and not any("\ue100" <= c <= "\ue1ff" for c in k))
    path.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def minimise(node: Node, locale: str, a: str, b: str) -> tuple[str, str]:
    """A shorter pair that still disagrees: characters deleted one at a time from either text."""
    while True:
        candidates = [(a[:i] + a[i + 1 :], b) for i in range(len(a))] + [(a, b[:i] + b[i + 1 :]) for i in range(len(b))]
        candidates = [c for c in candidates if c[0] and c[1]]
        if not candidates:
            return a, b
        signs = node.signs(locale, candidates)
        for (x, y), sign in zip(candidates, signs, strict=True):
            if py_sign(x, y, locale) != sign:
                a, b = x, y
                break
        else:
            return a, b


def table(rng: random.Random) -> tuple[list[bool], list[list[str | None]]]:
    """Rows of 1-3 keys from a few near-equal texts, some missing, some keys descending."""
    width = rng.randint(1, 3)
    stems = [random_text(rng, rng.choice(("ascii", "precomposed", "punctuation", "digits"))) for _ in range(3)]
    rows = [
        [None if rng.random() < 0.2 else rng.choice(stems + [s.upper() for s in stems]) for _ in range(width)]
        for _ in range(rng.randint(2, 8))
    ]
    return [rng.random() < 0.3 for _ in range(width)], rows


def check_rows(node: Node, locale: str, rng: random.Random, count: int) -> list[str]:
    """Reports of the tables litsite and citeproc-js order differently."""
    out = []
    for _ in range(count):
        descending, rows = table(rng)
        theirs = node.ask({"locale": locale, "directions": [-1 if d else 1 for d in descending], "rows": rows})
        raws = [[None if t is None else ["c", t] for t in row] for row in rows]
        mine = _Rows(locale, descending).litsite_order(raws)
        if mine != theirs:
            out.append(f"  rows {rows!r} descending {descending}: py {mine} js {theirs}")
    return out


def option(argv: list[str], name: str, default: str) -> str:
    """The value of `--name VALUE` (the last given), else `default`."""
    return argv[argv.index(name) + 1] if name in argv else default


def run_locale(node: Node, locale: str, pairs: list[tuple[str, str, str]], show: int, minimising: bool) -> Counter:
    """Disagreements of one locale per class (printed with minimised examples)."""
    signs = node.signs(locale, [(a, b) for _, a, b in pairs])
    bad: Counter = Counter()
    shown: Counter = Counter()
    for (name, a, b), sign in zip(pairs, signs, strict=True):
        if py_sign(a, b, locale) == sign:
            continue
        bad[name] += 1
        if shown[name] < show:
            shown[name] += 1
            x, y = minimise(node, locale, a, b) if minimising else (a, b)
            print(f"  {locale} {name}: {x!r} vs {y!r}: py {py_sign(x, y, locale)} js {node.signs(locale, [(x, y)])[0]}")
    return bad


def main(argv: list[str]) -> int:
    """Run the test; exit 1 when any pair or table disagrees."""
    locales = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--locale"] or LOCALES
    seed, show = int(option(argv, "--seed", "1")), int(option(argv, "--show", "2"))
    count, real, rows = (int(option(argv, n, d)) for n, d in (("--pairs", "3000"), ("--real", "2000"), ("--rows", "0")))
    keys = real_keys(Path(option(argv, "--keys", "/tmp/litsite-collation-keys.json"))) if real else []
    node = Node()
    total: Counter = Counter()
    failing = 0
    for locale in locales:
        rng = random.Random(f"{seed}/{locale}")
        pairs = (real_pairs(rng, keys, real) if keys else []) + random_pairs(rng, count)
        bad = run_locale(node, locale, pairs, show, "--no-minimise" not in argv)
        table_reports = check_rows(node, locale, rng, rows)
        for report in table_reports[:show]:
            print(report)
        apart = sum(n for name, n in bad.items() if name.split("+")[-1] in CLEANED)
        failing += sum(bad.values()) - apart + len(table_reports)
        total.update(bad)
        table_note = f", {len(table_reports)} of {rows} tables" if rows else ""
        print(f"{locale}: {sum(bad.values()) - apart} of {len(pairs)} pairs disagree{table_note} ({apart} cleaned)")
    print("by class: " + ", ".join(f"{name} {n}" for name, n in total.most_common()))
    cleaned = sum(n for name, n in total.items() if name.split("+")[-1] in CLEANED)
    print(f"total: {failing} disagreements (and {cleaned} of characters litsite's input never has)")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
