"""Agreement with citeproc-js on the wide corpus (bench/csl_conformance/corpus/), per style/locale and split.

python bench/csl_conformance/conformance_wide.py                    # compare with the cached gold, write README
python bench/csl_conformance/conformance_wide.py --split dev        # only the development sources
python bench/csl_conformance/conformance_wide.py --style apa@de-DE  # only some pairs (repeatable)
python bench/csl_conformance/conformance_wide.py --regenerate       # re-render the gold with citeproc-js (node)
    ... --regenerate --style S --source NAME                       # only some pairs / sources (repeatable)
python bench/csl_conformance/conformance_wide.py --diffs FILE       # write every differing entry/citation to FILE
python bench/csl_conformance/conformance_wide.py --extra            # other styles/locales (EXTRA_PAIRS), dev only
    ... --extra --regenerate [--style S]                           # their gold, corpus/gold-extra/

Each source is one document: all its items cited once in file order (each its own cluster) and listed in one
bibliography. The split is by source: DEV is what fixes were tuned on; HELD_OUT was never looked at while fixing.
"""

from __future__ import annotations

import datetime
import gzip
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from litsite.csl.engine import Cite, Formatter  # noqa: E402
from litsite.csl.styles import resolve_style  # noqa: E402

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
GOLD = CORPUS / "gold"
GOLD_EXTRA = CORPUS / "gold-extra"
README = HERE / "README.md"
HELD_OUT = ["cdl", "unix-bib", "miletus", "pandoc-citeproc", "jgm-citeproc"]
# The first sources share one gold file per pair (gold/<pair>.json.gz). A source added later is a dev source found by
# its file (corpus/<name>.json) and keeps its gold in files of its own (gold/<name>/<pair>.json.gz), so sources added
# on separate branches merge without touching each other's files.
SHARED_GOLD = ["deep-review", "better-bibtex", "citation-js", "citeproc-js", "nime", "biblatex", "bbt-import"]
DEV = SHARED_GOLD + sorted(
    p.stem for p in CORPUS.glob("*.json") if p.stem not in SHARED_GOLD and p.stem not in HELD_OUT
)
PAIRS = [
    # note
    "chicago-notes-bibliography",
    # numeric
    "vancouver-nlm", "ieee", "nature", "american-medical-association", "american-chemical-society",
    "acm-sig-proceedings", "bmj", "elsevier-vancouver", "springer-basic-brackets", "the-lancet",
    "springer-lecture-notes-in-computer-science", "american-physics-society",
    "multidisciplinary-digital-publishing-institute", "royal-society-of-chemistry",
    # author-date
    "apa", "chicago-author-date", "harvard-cite-them-right", "elsevier-harvard", "springer-basic-author-date",
    "modern-language-association", "american-sociological-association", "american-political-science-association",
    "taylor-and-francis-chicago-author-date", "iso690-author-date-en", "cell",
    # other locales
    "apa@de-DE", "modern-language-association@de-DE", "chicago-author-date@fr-FR", "harvard-cite-them-right@fr-FR",
    "apa@es-ES", "ieee@es-ES",
]  # fmt: skip
# Other styles and locales than PAIRS, measured on the DEV sources only (--extra): a check that the rules carry to
# styles nobody tuned on. A style with a default-locale is paired with it (render.js forces the locale it is given).
EXTRA_PAIRS = [
    "turabian-notes-bibliography", "american-institute-of-physics", "frontiers", "plos", "pnas", "science",
    "annual-reviews", "university-of-york-harvard@en-GB", "din-1505-2@de-DE", "iso690-numeric-en",
    "associacao-brasileira-de-normas-tecnicas@pt-BR", "china-national-standard-gb-t-7714-2015-numeric@zh-CN",
    "american-anthropological-association",
    # other locales
    "chicago-author-date@it-IT", "apa@nl-NL", "ieee@ru-RU", "vancouver-nlm@pl-PL", "modern-language-association@pt-BR",
    "apa@ja-JP", "chicago-notes-bibliography@ru-RU",
    # session 10: more families (CSE, SAGE, Taylor & Francis, AMA, Harvard variants, ASCE, IOP, Elsevier, legal and
    # humanities notes, linguistics, GOST, ISO 690 fr/cs) and locales (one line per pair)
    "cse-name-year",
    "cse-citation-sequence",
    "sage-harvard@en-GB",
    "taylor-and-francis-national-library-of-medicine",
    "american-medical-association-alphabetical",
    "harvard-anglia-ruskin-university@en-GB",
    "american-society-of-civil-engineers",
    "institute-of-physics-numeric",
    "elsevier-with-titles",
    "oscola@en-GB",
    "mhra-notes@en-GB",
    "unified-style-sheet-for-linguistics",
    "american-geophysical-union",
    "gost-r-7-0-5-2008@ru-RU",
    "iso690-author-date-fr@fr-FR",
    "iso690-author-date-cs@cs-CZ",
    "springer-humanities-author-date",
    "apa-6th-edition",
    "apa@fr-CA",
    "chicago-author-date@zh-TW",
    "harvard-cite-them-right@ko-KR",
    "apa@sv-SE",
    "vancouver-nlm@da-DK",
    "chicago-notes-bibliography@fi-FI",
    "apa@tr-TR",
    "chicago-author-date@hu-HU",
    "elsevier-harvard@nb-NO",
    "ieee@pt-PT",
    "apa@ar",
    "modern-language-association@he-IL",
    "harvard-cite-them-right@el-GR",
    "american-sociological-association@uk-UA",
    # session 11: styles of big publishers and widely used styles in other locales (one line per pair)
    "taylor-and-francis-harvard-x@en-GB",
    "sage-vancouver@en-GB",
    "deutsche-gesellschaft-fur-psychologie@de-DE",
    "ieee@de-DE",
    "biomed-central",
    "copernicus-publications",
    "cambridge-university-press-author-date",
    "bluebook-law-review",
    "apa@zh-CN",
    "chicago-notes-bibliography@de-DE",
]  # fmt: skip


def split_pair(pair: str) -> tuple[str, str]:
    """'style@locale' → (style, locale); en-US when no locale is given."""
    style, _, locale = pair.partition("@")
    return style, locale or "en-US"


def load_source(name: str) -> list[dict]:
    """The items of one corpus source."""
    return json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))


def gold_path(pair: str, source: str | None = None) -> Path:
    """The cached citeproc-js output of one style/locale pair (corpus/gold-extra/ for EXTRA_PAIRS), or of one later
    source in that pair."""
    root = GOLD_EXTRA if pair in EXTRA_PAIRS and pair not in PAIRS else GOLD
    return root / f"{pair}.json.gz" if source is None else root / source / f"{pair}.json.gz"


def _read_gz(path: Path) -> dict:
    return json.loads(gzip.decompress(path.read_bytes()).decode("utf-8"))


def _write_gz(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))


def read_gold(pair: str) -> dict:
    """{source: {"bibliography": [[id, entry]], "citations": [[id, text]]}}: the shared file and later sources' own."""
    data = _read_gz(gold_path(pair)) if gold_path(pair).exists() else {}
    for name in DEV:
        if name not in SHARED_GOLD and gold_path(pair, name).exists():
            data[name] = _read_gz(gold_path(pair, name))
    return data


def regenerate(pair: str, sources: list[str]) -> None:
    """Render every source with citeproc-js into the gold file of one pair (deterministic bytes)."""
    from citeproc_js import render

    style, locale = split_pair(pair)
    data = _read_gz(gold_path(pair)) if gold_path(pair).exists() else {}
    for name in sources:
        try:
            out = render(load_source(name), style, "text", citations=True, lang=locale)
        except RuntimeError as e:
            raise SystemExit(f"{pair} {name}: {e}") from None
        gold = {
            "bibliography": [[e["id"], e["entry"]] for e in out["bibliography"]],
            "citations": [[c["id"], c["text"]] for c in out["citations"]],
        }
        if name in SHARED_GOLD or name in HELD_OUT:
            data[name] = gold
        else:
            _write_gz(gold_path(pair, name), gold)
    if data:
        _write_gz(gold_path(pair), data)


def ours(pair: str, items: list[dict]) -> tuple[list[tuple[str, str]], list[str]]:
    """litsite's bibliography (id, entry) and first citations of one document."""
    style, locale = split_pair(pair)
    clusters = [[Cite(str(item["id"]))] for item in items]
    result = Formatter(resolve_style(style).path, locale).format(items, clusters, "text")
    return list(result.entries), list(result.citations)


def compare(pair: str, sources: list[str], gold: dict, diffs: list[str]) -> dict:
    """Counts of identical entries and citations, and whether every source sorts the same."""
    r = {"bib": 0, "bib_ok": 0, "cite": 0, "cite_ok": 0, "order": True, "same_printed": True}
    for name in sources:
        if name not in gold:  # a source added later, with gold only for the pairs it was rendered in
            continue
        items = load_source(name)
        bib, cites = ours(pair, items)
        g = gold[name]
        mine = {ident: entry.strip() for ident, entry in bib}  # render.js trims citeproc-js's entries too
        for ident, entry in g["bibliography"]:
            r["bib"] += 1
            if mine.get(ident, "") == entry:  # "": no printed form, an entry citeproc-js leaves out as we do
                r["bib_ok"] += 1
            else:
                diffs.append(f"--- {pair} {name} bib {ident}\n  js: {entry}\n  py: {mine.get(ident)}")
        for (ident, text), my in zip(g["citations"], cites, strict=True):
            r["cite"] += 1
            if my == text:
                r["cite_ok"] += 1
            else:
                diffs.append(f"--- {pair} {name} cite {ident}\n  js: {text}\n  py: {my}")
        # Order: of the entries both print (an entry one of them leaves empty is already counted as different above,
        # and would otherwise make every order after it "differ")
        theirs, ours_printed = {i for i, entry in g["bibliography"] if entry}, {i for i, entry in bib if entry.strip()}
        printed = theirs & ours_printed
        r["same_printed"] &= theirs == ours_printed
        if [i for i, _ in bib if i in printed] != [i for i, entry in g["bibliography"] if i in printed]:
            r["order"] = False
            diffs.append(f"--- {pair} {name} order differs")
    return r


def pct(ok: int, total: int) -> str:
    """A percentage with one decimal."""
    return f"{100 * ok / max(total, 1):.1f}%"


def table(results: dict[str, dict[str, dict]]) -> str:
    """Markdown: per pair, dev and held-out side by side."""
    splits = list(next(iter(results.values())).keys())
    head = "| style@locale | " + " | ".join(f"{s} entries | {s} citations | {s} order" for s in splits) + " |"
    rows = [head, "|---" * (1 + 3 * len(splits)) + "|"]
    totals = {s: [0, 0, 0, 0, 0] for s in splits}
    for pair, by_split in results.items():
        cells = []
        for s in splits:
            r = by_split[s]
            order = ("yes" if r["order"] else "no") + ("" if r["same_printed"] else "*")
            cells += [pct(r["bib_ok"], r["bib"]), pct(r["cite_ok"], r["cite"]), order]
            t = totals[s]
            t[0], t[1], t[2], t[3] = t[0] + r["bib_ok"], t[1] + r["bib"], t[2] + r["cite_ok"], t[3] + r["cite"]
            t[4] += 0 if r["order"] else 1
        rows.append(f"| {pair} | " + " | ".join(cells) + " |")
    cells = []
    for s in splits:
        t = totals[s]
        cells += [f"**{pct(t[0], t[1])}**", f"**{pct(t[2], t[3])}**", f"{len(results) - t[4]}/{len(results)} same"]
    rows.append("| **all** | " + " | ".join(cells) + " |")
    rows.append("\n\\* an entry printed by one processor only (counted among the differing entries above); the order")
    rows.append("is compared over the entries both print.")
    return "\n".join(rows)


def write_readme(text: str, marker: str = "wide") -> None:
    """Replace the wide-corpus section (or the --extra one, marker "wide-extra") of the README."""
    current = README.read_text(encoding="utf-8")
    block = f"<!-- {marker} -->\n{text}\n<!-- /{marker} -->"
    if f"<!-- {marker} -->" in current:
        current = re.sub(f"<!-- {marker} -->.*<!-- /{marker} -->", lambda _: block, current, flags=re.S)
    else:
        current += "\n" + block + "\n"
    README.write_text(current, encoding="utf-8")


def option(argv: list[str], name: str) -> list[str]:
    """Every value given to a repeatable --name option."""
    return [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == name]


def main(argv: list[str]) -> None:
    """Regenerate and/or compare; print the table and (for a full run) write it into the README."""
    extra = "--extra" in argv
    every = EXTRA_PAIRS if extra else PAIRS
    pairs = option(argv, "--style") or every
    split = "dev" if extra else (option(argv, "--split") or ["all"])[0]  # --extra: never the held-out sources
    splits = {"dev": DEV, "held-out": HELD_OUT}
    if split != "all":
        splits = {split: splits[split]}
    if "--regenerate" in argv:
        for pair in pairs:
            start = time.time()
            regenerate(pair, option(argv, "--source") or (DEV if extra else DEV + HELD_OUT))
            print(f"gold {pair}: {time.time() - start:.0f} s", flush=True)
    start = time.time()
    diffs: list[str] = []
    results: dict[str, dict[str, dict]] = {}
    for pair in pairs:
        gold = read_gold(pair)
        results[pair] = {s: compare(pair, names, gold, diffs) for s, names in splits.items()}
        r = results[pair]
        print(pair, " ".join(f"{s}: {pct(v['bib_ok'], v['bib'])} {pct(v['cite_ok'], v['cite'])}" for s, v in r.items()))
        sys.stdout.flush()
    text = table(results)
    n = sum(len(load_source(name)) for names in splits.values() for name in names)
    took = time.time() - start
    stamp = (
        f"Measured {datetime.date.today().isoformat()} on {n} items, {len(pairs)} style/locale pairs ({took:.0f} s)."
    )
    print(text)
    print(stamp)
    for path in option(argv, "--diffs"):
        Path(path).write_text("\n".join(diffs) + "\n", encoding="utf-8")
    if pairs is PAIRS and split == "all":
        write_readme(f"{text}\n\n{stamp}")
    elif pairs is EXTRA_PAIRS:
        write_readme(f"{text}\n\n{stamp}", "wide-extra")


if __name__ == "__main__":
    main(sys.argv[1:])
