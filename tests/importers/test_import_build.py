"""What `import` writes always builds: every record the repository has, of every kind, imported and then built."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO, run_cli

from litsite.errors import UserError

RECORDS = REPO / "tests" / "data" / "records"
# The shared development records (../shared/article-records-dev), when this checkout has them.
SHARED = Path(os.environ.get("LITSITE_SHARED") or REPO.parent / "shared") / "article-records-dev"
NOT_RECORDS = {"SOURCE.txt", "truth.json", "README.md"}
# Records that are meant to be refused (tests/importers/test_importer.py checks their messages).
REFUSED = {"broken.bib", "norefs.txt"}


def _records(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name not in NOT_RECORDS) if root.is_dir() else []


def _import_and_build(record: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copytree(REPO / "templates", project / "templates")
    (project / "site.yaml").write_text('title: "Imported"\nbase_url: /\nstyle: apa\nlocale: en-US\n', encoding="utf-8")
    r = run_cli("import", str(record), "--content", str(project / "content"))
    assert r.status == 0, r.err
    built = run_cli("--project", str(project), "build", "--out", str(tmp_path / "out"), "--no-cache")
    assert built.status == 0, built.err
    assert (tmp_path / "out" / "index.html").is_file()


@pytest.mark.parametrize("record", _records(RECORDS), ids=lambda p: str(p.relative_to(RECORDS)))
def test_every_record_imports_and_builds(record: Path, tmp_path: Path) -> None:
    if record.name in REFUSED:
        r = run_cli("import", str(record), "--content", str(tmp_path / "content"))
        assert r.status == 2 and r.err.startswith(str(record))
        return
    _import_and_build(record, tmp_path)


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} is absent (the shared development records)")
@pytest.mark.parametrize("record", _records(SHARED), ids=lambda p: str(p.relative_to(SHARED)))
def test_every_shared_record_imports_and_builds(record: Path, tmp_path: Path) -> None:
    from litsite.importers.importer import import_record

    try:
        import_record(record)
    except UserError as e:  # a kind this checkout cannot read yet is refused cleanly, never half-imported
        pytest.skip(f"refused: {e}")
    _import_and_build(record, tmp_path)
