"""Score `import_record` on folders of article records against their hand-made `truth.json`.

    python bench/records/score.py ../shared/article-records-dev [more folders…] [--verbose] [--json FILE]

Each record folder holds the record file as found, `truth.json` and optionally `SOURCE.txt`. The checks are those
the import issue names: title, authors, journal, year, volume, issue, pages, DOI, abstract start, keywords, the
reference count, each reference's first author's family name and each reference DOI the record prints. A field the
truth gives as null must be absent from the import (page chrome must never become a field). Names, titles and
abstracts compare after Unicode folding, lower-casing and folding punctuation and white space.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from litsite.errors import UserError
from litsite.importers.importer import import_record

NOT_RECORDS = {"truth.json", "SOURCE.txt", "README.md"}
STUDY_CHECKS = ("title", "authors", "container-title", "year", "volume", "issue", "page", "DOI")
STUDY_CHECKS += ("abstract_start", "keywords", "n_refs")


def fold(text: object) -> str:
    """Text for comparison: NFKD without accents, lower case, punctuation and runs of space as one space."""
    s = unicodedata.normalize("NFKD", str(text or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", s).split())


def name_forms(name: dict) -> set[str]:
    """The ways a CSL name may spell the family name a reader sees (with or without its particle)."""
    family = name.get("family") or name.get("literal") or ""
    particle = name.get("non-dropping-particle") or ""
    dropping = name.get("dropping-particle") or ""
    return {fold(family), fold(f"{particle} {family}"), fold(f"{dropping} {particle} {family}")} - {""}


def first_name(item: dict) -> dict | None:
    """The first author of an item, or its first editor when it has no author."""
    for role in ("author", "editor"):
        names = item.get(role) or []
        if names:
            return names[0] if isinstance(names[0], dict) else {"literal": str(names[0])}
    return None


def year_of(item: dict) -> int | None:
    """The year of `issued`, whether written as CSL date-parts or as a string."""
    issued = item.get("issued")
    if isinstance(issued, dict):
        parts = issued.get("date-parts") or [[]]
        if parts and parts[0]:
            return int(parts[0][0])
        issued = issued.get("raw") or issued.get("literal")
    m = re.search(r"\d{4}", str(issued or ""))
    return int(m.group()) if m else None


def dash(text: object) -> str:
    """Pages with every dash written as a hyphen, without spaces."""
    return re.sub(r"\s*[-‐‑‒–—]\s*", "-", str(text or "").strip())


def doi(text: object) -> str:
    """A DOI without resolver prefix, lower-cased."""
    return re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", str(text or "").strip(), flags=re.I).casefold()


def keywords_of(study: dict) -> list[str]:
    """The study's keywords as a list (the importer may give a list or a comma-separated `keyword`)."""
    kws = study.get("keywords")
    if kws is None and study.get("keyword"):
        kws = str(study["keyword"]).split(",")
    return [fold(k) for k in kws or [] if fold(k)]


@dataclass
class Score:
    """The checks of one record: (name, passed) pairs and the import error, if any."""

    name: str
    kind: str
    checks: list[tuple[str, bool]] = field(default_factory=list)
    error: str = ""

    def add(self, name: str, ok: bool) -> None:
        """Record one check."""
        self.checks.append((name, bool(ok)))

    @property
    def passed(self) -> int:
        """How many checks passed."""
        return sum(ok for _, ok in self.checks)


def study_checks(score: Score, truth: dict, study: dict, refs: list[dict]) -> None:
    """The article's own fields and the reference count."""
    score.add("title", fold(study.get("title")) == fold(truth["title"]))
    got_authors = [name_forms(a if isinstance(a, dict) else {"literal": a}) for a in study.get("author") or []]
    want_authors = [fold(a) for a in truth["authors"] or []]
    score.add(
        "authors",
        len(got_authors) == len(want_authors) and all(w in g for w, g in zip(want_authors, got_authors, strict=False)),
    )
    score.add("container-title", fold(study.get("container-title")) == fold(truth["container-title"]))
    score.add("year", year_of(study) == truth["year"])
    for key in ("volume", "issue"):
        score.add(key, fold(study.get(key)) == fold(truth[key]))
    score.add("page", dash(study.get("page")) == dash(truth["page"]))
    score.add("DOI", doi(study.get("DOI")) == doi(truth["DOI"]))
    want_abstract = fold(truth["abstract_start"])
    score.add("abstract_start", fold(study.get("abstract"))[: len(want_abstract)] == want_abstract)
    score.add("keywords", keywords_of(study) == [fold(k) for k in truth["keywords"] or []])
    score.add("n_refs", len(refs) == (truth["n_refs"] or 0))


def reference_checks(score: Score, truth: dict, refs: list[dict]) -> None:
    """Each reference's first author (in list order) and each DOI the record prints."""
    for i, want in enumerate(truth.get("ref_first_family") or []):
        name = first_name(refs[i]) if i < len(refs) else None
        got = name_forms(name) if name else set()
        score.add(f"ref[{i}].author", (fold(want) in got) if want else (i < len(refs) and not got))
    for i, want in sorted((truth.get("ref_dois") or {}).items(), key=lambda kv: int(kv[0])):
        i = int(i)
        score.add(f"ref[{i}].DOI", i < len(refs) and doi(refs[i].get("DOI")) == doi(want))


def score_record(folder: Path) -> Score:
    """Import the record of one folder and check it against its truth."""
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))
    score = Score(folder.name, truth.get("kind", "?"))
    records = sorted(p for p in folder.iterdir() if p.is_file() and p.name not in NOT_RECORDS)
    try:
        if len(records) != 1:
            raise UserError(folder, None, f"expected one record file, found {len(records)}")
        result = import_record(records[0])
        study, refs = dict(result.study), list(result.references)
    except UserError as e:
        score.error = str(e)
        study, refs = {}, []
    study_checks(score, truth, study, refs)
    reference_checks(score, truth, refs)
    return score


def folders(roots: list[Path]) -> list[Path]:
    """Every folder with a truth.json under the given roots, in name order."""
    return sorted({p.parent for root in roots for p in root.rglob("truth.json")})


def report(scores: list[Score], verbose: bool) -> dict:
    """Print one line per record and the totals; return the figures."""
    for s in scores:
        count_ok = dict(s.checks).get("n_refs")
        print(f"{s.name:40} {s.kind:14} {s.passed:4}/{len(s.checks):<4} count {'ok' if count_ok else 'WRONG'}")
        if s.error:
            print(f"    error: {s.error}")
        if verbose:
            failed = [n for n, ok in s.checks if not ok]
            if failed:
                print("    failed: " + ", ".join(failed[:30]) + (" …" if len(failed) > 30 else ""))
    passed, total = sum(s.passed for s in scores), sum(len(s.checks) for s in scores)
    by_kind: Counter = Counter()
    for s in scores:
        by_kind[s.kind, "passed"] += s.passed
        by_kind[s.kind, "total"] += len(s.checks)
    counts = sum(dict(s.checks)["n_refs"] for s in scores)
    print(f"\nchecks passed: {passed}/{total} ({100 * passed / max(total, 1):.1f} %)")
    print(f"reference count exact: {counts}/{len(scores)} records")
    for kind in sorted({k for k, _ in by_kind}):
        p, t = by_kind[kind, "passed"], by_kind[kind, "total"]
        print(f"  {kind:14} {p}/{t} ({100 * p / max(t, 1):.1f} %)")
    return {"passed": passed, "total": total, "count_exact": counts, "records": len(scores)}


def main(argv: list[str] | None = None) -> int:
    """Score the folders named on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true", help="list the failed checks of each record")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    scores = [score_record(f) for f in folders(args.roots)]
    if not scores:
        print("no folder with a truth.json found", file=sys.stderr)
        return 2
    figures = report(scores, args.verbose)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
