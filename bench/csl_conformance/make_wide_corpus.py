"""Build the wide corpus bench/csl_conformance/corpus/<source>.json from public bibliographies (run explicitly).

python bench/csl_conformance/make_wide_corpus.py SRC_DIR [SOURCE...]

SRC_DIR holds the raw files named in SOURCES (taken from the public repositories listed in corpus/SOURCES.md).
Each source becomes one document: its items are cited and listed together, so disambiguation and sorting work
across one real bibliography. Samples are deterministic (seeded by the source name) and capped per source so that
no single library dominates. Only CSL variables survive (the corpus measures formatting, not input leniency);
abstracts and keywords are dropped to keep the files small.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from litsite.csl.schema import DATE_VARIABLES, ITEM_TYPES, NAME_VARIABLES, VARIABLES  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bib_readers import from_archaeology_dtx, from_bibtex_joined, from_bibtex_library  # noqa: E402
from zotero_items import from_translators  # noqa: E402

OUT = Path(__file__).resolve().parent / "corpus"
DROP = {"abstract", "keyword", "annote", "citation-key", "source", "license"}
NAME_PARTS = {"family", "given", "suffix", "dropping-particle", "non-dropping-particle", "literal", "comma-suffix"}
FIXTURE_INPUT = re.compile(r">>=+ INPUT =+>>(.*?)<<=+ INPUT =+<<", re.S)


def _name(name: object) -> dict | None:
    if not isinstance(name, dict):
        return None
    out = {k: v for k, v in name.items() if k in NAME_PARTS and v not in (None, "")}
    out = {k: (v if k == "comma-suffix" else str(v)) for k, v in out.items()}
    return out if ("family" in out or "literal" in out or "given" in out) else None


def _date(value: object) -> dict | None:
    if not isinstance(value, dict):
        return None
    out: dict = {}
    parts = value.get("date-parts")
    if isinstance(parts, list):
        clean = []
        for part in parts[:2]:
            if not isinstance(part, list):
                break
            nums = [int(p) for p in part[:3] if str(p).strip().lstrip("-").isdigit()]
            if nums:
                clean.append(nums)
        if len(clean) == 2:  # citeproc-js rejects a range whose ends have different precision
            n = min(len(clean[0]), len(clean[1]))
            clean = [clean[0][:n], clean[1][:n]]
        if clean:
            out["date-parts"] = clean
    for key in ("season", "circa", "literal", "raw"):
        if value.get(key) not in (None, ""):
            out[key] = value[key] if key == "circa" else str(value[key])
    if "date-parts" in out:
        out.pop("raw", None)
    return out or None


def clean(item: dict, ident: str) -> dict | None:
    """Keep the CSL variables of one item, in a form every processor accepts."""
    out: dict = {"id": ident, "type": item.get("type") if item.get("type") in ITEM_TYPES else "document"}
    for key, value in item.items():
        if key not in VARIABLES or key in DROP or value in (None, "", []):
            continue
        if key in NAME_VARIABLES:
            names = [n for n in (_name(v) for v in (value if isinstance(value, list) else [])) if n]
            if names:
                out[key] = names
        elif key in DATE_VARIABLES:
            date = _date(value)
            if date:
                out[key] = date
        elif isinstance(value, (str, int, float)):
            out[key] = str(value)
    return out if len(out) > 3 else None


def sample(name: str, items: list[dict], cap: int) -> list[dict]:
    """A deterministic sample of at most cap items, in their original order."""
    if len(items) <= cap:
        return items
    keep = set(random.Random(name).sample(range(len(items)), cap))
    return [it for i, it in enumerate(items) if i in keep]


def from_bibtex(paths: list[Path]) -> list[dict]:
    """BibTeX/BibLaTeX through litsite's own importer (a file that it rejects is skipped)."""
    from litsite.errors import UserError
    from litsite.importers.bibtex import load_bibtex

    items = []
    for path in paths:
        try:
            items += load_bibtex(path.read_text(encoding="utf-8", errors="replace"), path).references
        except UserError:  # a file the importer rejects is not part of the measurement
            continue
    return items


def from_bibtex_spread(paths: list[Path], per_file: int = 40) -> list[dict]:
    """Many small BibTeX files: at most per_file items of each (sampled), so that no one file dominates."""
    items = []
    for path in paths:
        items += sample(path.name, from_bibtex([path]), per_file)
    return items


def from_fixtures(paths: list[Path]) -> list[dict]:
    """Items of processor test fixtures (citeproc-js format), ids prefixed by the fixture name."""
    items = []
    for path in paths:
        match = FIXTURE_INPUT.search(path.read_text(encoding="utf-8"))
        if not match:
            continue
        try:
            data = json.loads(match.group(1))
        except ValueError:
            continue
        for item in data if isinstance(data, list) else []:
            if isinstance(item, dict) and item.get("title"):
                items.append({**item, "id": f"{path.stem}-{item.get('id')}"})
    return items


def from_docstrip(paths: list[Path]) -> list[dict]:
    """BibLaTeX files shipped inside a LaTeX .dtx: the code lines of its `bib` guards, read as one BibTeX file."""
    from litsite.importers.bibtex import load_bibtex

    items = []
    for path in paths:
        lines, guards = [], []
        for line in path.read_text(encoding="utf-8").splitlines():
            guard = re.match(r"%<([*/])([^>]*)>", line)
            if guard:  # docstrip's %<*name> … %</name> blocks nest
                guards = [*guards, guard.group(2)] if guard.group(1) == "*" else guards[:-1]
            elif guards and guards[0].startswith("bib") and not line.startswith("%"):
                lines.append(line)
        items += load_bibtex("\n".join(lines), path).references
    return items


def _pandoc_date(value: object) -> dict | None:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return {"literal": str(value)} if value else None
    parts, extra = [], {}
    for d in value:
        if not isinstance(d, dict):
            continue
        if d.get("literal"):
            return {"literal": str(d["literal"])}
        nums = [int(d[k]) for k in ("year", "month", "day") if str(d.get(k, "")).lstrip("-").isdigit()]
        if nums:
            parts.append(nums)
        if d.get("season"):
            extra["season"] = str(d["season"])
        if d.get("circa"):
            extra["circa"] = True
    return {"date-parts": parts, **extra} if parts else None


def _pandoc_markup(text: str) -> str:
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"\*(.+?)\*", r"<i>\1</i>", text)
    text = re.sub(r"\[([^\]]+)\]\{\.nocase\}", r'<span class="nocase">\1</span>', text)
    text = re.sub(r"\^(.+?)\^", r"<sup>\1</sup>", text)
    return re.sub(r"~(.+?)~", r"<sub>\1</sub>", text)


def from_pandoc_yaml(paths: list[Path]) -> list[dict]:
    """pandoc-citeproc's biblio2yaml expectations: its CSL YAML (old date form, Markdown markup)."""
    items = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        block = text.split("\n---\n", 1)[-1].split("\n...", 1)[0]
        try:
            data = yaml.safe_load(block) or {}
        except yaml.YAMLError:
            continue
        for ref in data.get("references", []) if isinstance(data, dict) else []:
            item = {}
            for key, value in ref.items():
                if key in DATE_VARIABLES:
                    item[key] = _pandoc_date(value)
                elif isinstance(value, str):
                    item[key] = _pandoc_markup(value)
                else:
                    item[key] = value
            items.append({**item, "id": f"{path.stem}-{ref.get('id')}"})
    return items


def load_json(paths: list[Path]) -> list[dict]:
    """CSL-JSON files."""
    items = []
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        items += data if isinstance(data, list) else list(data.values())
    return items


def load_json_spread(paths: list[Path], per_file: int = 40) -> list[dict]:
    """Many small CSL-JSON files (lists or objects keyed by id): ids prefixed by the file, at most per_file each."""
    items = []
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = [it for it in (data if isinstance(data, list) else list(data.values())) if isinstance(it, dict)]
        found = [{**it, "id": f"{path.name.split('.')[0]}-{it.get('id')}"} for it in found]
        items += sample(path.name, found, per_file)
    return items


SOURCES = {
    # name: (loader, glob under SRC_DIR, cap)
    "deep-review": (load_json, "deep-review.json", 300),
    "better-bibtex": (load_json, "bbt/*.csl.json", 300),
    "citation-js": (load_json, "cjs-*.json", 100),
    "citeproc-js": (from_fixtures, "cpjs/*.txt", 200),
    "miletus": (from_bibtex, "milet.bib", 300),
    "cdl": (from_bibtex, "cdl.bib", 300),
    "unix-bib": (from_bibtex, "unix.bib", 250),
    "nime": (from_bibtex, "nime20*.bib", 200),
    "pandoc-citeproc": (from_pandoc_yaml, "pcp/*", 200),
    "jgm-citeproc": (from_fixtures, "jgm/*.txt", 200),
    "biblatex": (from_bibtex, "biblatex/*.bib", 300),
    "bbt-import": (from_bibtex_spread, "bbtimport/*.bib", 300),
    "ref-jabref": (from_bibtex_spread, "refjabref/*.bib", 300),
    "ref-apa": (from_bibtex, "refapa/*.bib", 300),
    "hum-archaeologie": (from_docstrip, "hum-archaeologie/archaeologie.dtx", 300),
    "hum-sbl": (from_bibtex, "hum-sbl/biblatex-sbl.bib", 300),
    "lab-neuro": (from_bibtex, "wittkuhn.bib", 300),
    "lab-ml": (from_bibtex_spread, "labml/*.bib", 300),
    "lab-plai": (from_bibtex, "plai.bib", 300),
    "lab-tamaki": (from_bibtex, "tamaki-all.bib", 300),
    "zot-translators": (from_translators, "zot-translators/*", 300),
    "zot-armenian": (load_json, "zot-armenian.json", 300),
    "tex-spde": (from_bibtex, "tex-spde/*.bib", 300),
    "tex-langsci": (from_bibtex_spread, "tex-langsci/*.bib", 300),
    "tex-astro": (from_bibtex, "tex-astro.bib", 300),
    "bib-rtfin": (from_bibtex, "bib-rtfin.bib", 300),
    "bib-iridia": (from_bibtex_joined, "bib-iridia/*.bib", 300),
    "bib-archaeology": (from_archaeology_dtx, "bib-archaeology/*.dtx", 300),
    "bib-chicago": (from_bibtex, "bib-chicago-notes-test.bib", 300),
    "bib-plume": (from_bibtex_library, "bib-plume/*.bib", 300),
    "yml-fidus": (load_json_spread, "yml-fidus/*.csl", 300),
    "yml-cphp": (from_fixtures, "yml-cphp/*.txt", 300),
    "yml-manubot": (load_json, "yml-manubot/*.json", 300),
}


def main(src: Path, only: list[str]) -> None:
    """Write corpus/<source>.json for every source (or only those named)."""
    OUT.mkdir(exist_ok=True)
    for name, (loader, pattern, cap) in SOURCES.items():
        if only and name not in only:
            continue
        raw = loader(sorted(src.glob(pattern)))
        seen: set[str] = set()
        items = []
        for i, item in enumerate(raw):
            ident = re.sub(r"\s+", "_", str(item.get("id") or f"{name}-{i}"))
            if ident in seen:
                ident = f"{ident}-{i}"
            cleaned = clean(item, ident)
            if cleaned:
                seen.add(ident)
                items.append(cleaned)
        items = sample(name, items, cap)
        lines = ",\n".join(json.dumps(it, ensure_ascii=False, sort_keys=True) for it in items)
        (OUT / f"{name}.json").write_text(f"[\n{lines}\n]\n", encoding="utf-8")
        print(f"{name}: {len(items)} items (of {len(raw)})")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:])
