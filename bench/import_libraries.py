"""Import → build over a folder of reference libraries (BibTeX, RIS, CSL-JSON/YAML, Zotero JSON) and count.

    python bench/import_libraries.py FOLDER [--split dev|held-out|all] [--no-build] [--show-warnings]

For every file: import_record (entries, warnings, or the UserError that refused it), then, unless --no-build, the
import written into a scratch project (this repository's templates, one style) and built; the build must exit 0.
The split is fixed by a hash of the file name: names whose SHA-1 starts with 0–4 are held out (about 31 %), so the
held-out files can be kept unread while the importers are tuned on the others.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from litsite.errors import UserError, UserErrors  # noqa: E402
from litsite.importers.importer import import_record, write_content  # noqa: E402
from litsite.pipeline import build_site  # noqa: E402

KINDS = (".bib", ".ris", ".json", ".yaml", ".yml", ".txt", ".nbib")


def held_out(name: str) -> bool:
    """Whether a file belongs to the held-out part (fixed by its name)."""
    return hashlib.sha1(name.encode()).hexdigest()[0] in "01234"


def build_import(path: Path, work: Path) -> str | None:
    """Import path into a scratch project and build it; None on success, else the first error."""
    project = work / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir(parents=True)
    shutil.copytree(REPO / "templates", project / "templates")
    (project / "site.yaml").write_text('title: "Library"\nbase_url: /\nstyle: apa\nlocale: en-US\n', encoding="utf-8")
    result = import_record(path)
    write_content(result, project / "content", path, force=False)
    try:
        build_site(project, work / "out", cache=False, progress=False)
    except (UserError, UserErrors) as e:
        return str(e).splitlines()[0]
    return None


def main() -> int:
    """Run the measurement and print one line per file and the totals."""
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--split", choices=("dev", "held-out", "all"), default="dev")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--show-warnings", action="store_true")
    args = ap.parse_args()
    files = sorted(p for f in args.folders for p in f.rglob("*") if p.is_file() and p.suffix.lower() in KINDS)
    if args.split != "all":
        files = [p for p in files if held_out(p.name) == (args.split == "held-out")]
    totals = {"files": 0, "imported": 0, "refused": 0, "entries": 0, "warnings": 0, "built": 0, "build-failed": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            totals["files"] += 1
            try:
                result = import_record(path)
            except (UserError, UserErrors) as e:
                totals["refused"] += 1
                print(f"REFUSED {path.name}: {str(e).splitlines()[0][:160]}")
                continue
            except Exception as e:  # an importer bug: counted, and the run goes on
                totals["crashed"] = totals.get("crashed", 0) + 1
                print(f"CRASHED {path.name}: {type(e).__name__}: {e}"[:300])
                continue
            totals["imported"] += 1
            totals["entries"] += len(result.references)
            totals["warnings"] += len(result.warnings)
            line = f"ok {path.name}: {len(result.references)} entries, {len(result.warnings)} warnings"
            if args.show_warnings:
                line += "".join(f"\n    {w[:200]}" for w in result.warnings)
            if not args.no_build and (result.references or result.study):
                try:
                    error = build_import(path, Path(tmp))
                except Exception as e:  # a crash of the build: a failure like any other
                    error = f"CRASH {type(e).__name__}: {e}"
                totals["built" if error is None else "build-failed"] += 1
                line += "" if error is None else f"\n    BUILD FAILED: {error[:300]}"
            print(line)
    print(" ".join(f"{k}={v}" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
