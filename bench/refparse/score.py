"""Field-level micro P/R/F1 of the reference-line parser on a jsonl of {"line", "truth"} rows.

Usage: python bench/refparse/score.py FILE.jsonl [--worst N] [--field FIELD] [--quiet]

A benchmark script, not a test: it prints figures. Normalisation is light: case, dashes, quotes, edge punctuation
and spaces; names compare as (family, first initial) or literal; dates as their date-parts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from litsite.importers.reflines import parse_reference

FIELDS = (
    "author",
    "editor",
    "issued",
    "title",
    "container-title",
    "volume",
    "issue",
    "page",
    "publisher",
    "publisher-place",
    "DOI",
    "type",
)


def norm_text(value: object) -> str:
    """Case, dashes, quotes, spaces and edge punctuation folded away."""
    text = unicodedata.normalize("NFC", str(value)).lower()
    text = re.sub(r"[‐‑‒–—―−]", "-", text)
    text = re.sub(r"[“”„\"‘’‚'`´]", "", text)
    text = re.sub(r"\s*-\s*", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:!?()[]")


def norm_names(names: list[dict]) -> tuple:
    """Names as (family, first initial) or the literal."""
    out = []
    for n in names:
        if "literal" in n:
            out.append(("lit", norm_text(n["literal"])))
        else:
            family = norm_text(" ".join(p for p in (n.get("non-dropping-particle"), n.get("family")) if p))
            given = norm_text(n.get("given", ""))
            out.append((family, given[:1]))
    return tuple(out)


def norm_field(key: str, value: object) -> object:
    """Comparable form of one field."""
    if key in ("author", "editor"):
        return norm_names(value)  # type: ignore[arg-type]
    if key == "issued":
        return tuple(tuple(p) for p in value.get("date-parts", []))  # type: ignore[union-attr]
    if key == "page":
        return norm_text(re.sub(r"^pp?\.?\s*", "", str(value)))
    return norm_text(value)


def compare(truth: dict, pred: dict) -> dict[str, str]:
    """Per field: "tp", "fp" (spurious), "fn" (missed) or "wrong" (both present, differ)."""
    out: dict[str, str] = {}
    for key in FIELDS:
        t = truth.get(key)
        p = pred.get(key)
        t = None if t in (None, "", []) else t
        p = None if p in (None, "", []) else p
        if t is None and p is None:
            continue
        if t is None:
            out[key] = "fp"
        elif p is None:
            out[key] = "fn"
        else:
            out[key] = "tp" if norm_field(key, t) == norm_field(key, p) else "wrong"
    return out


def prf(c: Counter) -> tuple[float, float, float]:
    """Micro precision, recall, F1 from counts (a wrong value is one FP and one FN)."""
    tp = c["tp"]
    fp = c["fp"] + c["wrong"]
    fn = c["fn"] + c["wrong"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_rows(rows: list[dict]) -> dict:
    """Score rows; return overall/per-field/per-type counts and per-line results."""
    overall: Counter = Counter()
    per_field: dict[str, Counter] = defaultdict(Counter)
    per_type: dict[str, Counter] = defaultdict(Counter)
    lines = []
    for row in rows:
        pred = parse_reference(row["line"]).item
        res = compare(row["truth"], pred)
        for key, verdict in res.items():
            overall[verdict] += 1
            per_field[key][verdict] += 1
            per_type[row["truth"].get("type", "?")][verdict] += 1
        errors = {k: v for k, v in res.items() if v != "tp"}
        lines.append({"row": row, "pred": pred, "errors": errors})
    return {"overall": overall, "per_field": per_field, "per_type": per_type, "lines": lines}


def load(path: str | Path) -> list[dict]:
    """Rows of a jsonl file of {line, truth}, or of a YAML list of {line, expected} (the seed's expectations)."""
    path = Path(path)
    if path.suffix in (".yaml", ".yml"):
        import yaml

        return [{"line": e["line"], "truth": e["expected"]} for e in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def main(argv: list[str] | None = None) -> None:
    """Print the figures for one file."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file")
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--field", default=None, help="only list lines with an error in this field")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    result = score_rows(load(args.file))
    p, r, f = prf(result["overall"])
    print(f"{args.file}: {len(result['lines'])} lines  micro P={p:.4f} R={r:.4f} F1={f:.4f}")
    print(f"  {'field':<16} {'P':>7} {'R':>7} {'F1':>7}  tp/fp/fn/wrong")
    for key in FIELDS:
        c = result["per_field"].get(key, Counter())
        fp_, r_, f_ = prf(c)
        print(f"  {key:<16} {fp_:7.4f} {r_:7.4f} {f_:7.4f}  {c['tp']}/{c['fp']}/{c['fn']}/{c['wrong']}")
    print(f"  {'type':<16} {'F1':>7}  n")
    for key, c in sorted(result["per_type"].items()):
        print(
            f"  {key:<16} {prf(c)[2]:7.4f}  {sum(1 for x in result['lines'] if x['row']['truth'].get('type') == key)}"
        )
    if args.quiet:
        return
    bad = [x for x in result["lines"] if x["errors"] and (not args.field or args.field in x["errors"])]
    bad.sort(key=lambda x: -len(x["errors"]))
    for x in bad[: args.worst]:
        print("\n" + x["row"]["line"])
        for key, verdict in x["errors"].items():
            print(f"   {key} [{verdict}] truth={x['row']['truth'].get(key)!r} pred={x['pred'].get(key)!r}")


if __name__ == "__main__":
    main()
