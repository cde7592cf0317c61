"""bench/records/score.py: the import scorer counts what matches a record's truth and what does not."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("records_score", ROOT / "bench" / "records" / "score.py")
score = importlib.util.module_from_spec(_spec)
sys.modules["records_score"] = score  # dataclasses look their module up
_spec.loader.exec_module(score)

ITEMS = [
    {
        "id": "a",
        "type": "article-journal",
        "title": "One",
        "author": [{"family": "van Dam", "given": "A."}],
        "DOI": "10.1/ONE",
        "issued": {"date-parts": [[2001]]},
    },
    {"id": "b", "type": "report", "title": "Two", "author": [{"literal": "World Health Organization"}]},
]
TRUTH = {
    "kind": "csl-json",
    "title": None,
    "authors": [],
    "container-title": None,
    "year": None,
    "volume": None,
    "issue": None,
    "page": None,
    "DOI": None,
    "abstract_start": "",
    "keywords": None,
    "n_refs": 2,
    "ref_first_family": ["van Dam", "World Health Organization"],
    "ref_dois": {"0": "10.1/one"},
}


def _folder(tmp_path: Path, truth: dict) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "library.json").write_text(json.dumps(ITEMS), encoding="utf-8")
    (folder / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_a_matching_record_passes_every_check(tmp_path: Path) -> None:
    result = score.score_record(_folder(tmp_path, TRUTH))
    assert result.error == ""
    assert result.passed == len(result.checks) == 11 + 2 + 1


def test_wrong_fields_fail_their_checks(tmp_path: Path) -> None:
    truth = {**TRUTH, "n_refs": 3, "title": "Something", "ref_first_family": ["Dam", None], "ref_dois": {"1": "10.1/x"}}
    failed = {name for name, ok in score.score_record(_folder(tmp_path, truth)).checks if not ok}
    assert failed == {"n_refs", "title", "ref[0].author", "ref[1].author", "ref[1].DOI"}


def test_folding_ignores_case_accents_and_punctuation() -> None:
    assert score.fold("Zambézia: Province—Mozambique!") == "zambezia province mozambique"
    assert score.dash("5795 – 5813") == "5795-5813"
    assert score.doi("https://doi.org/10.1/AbC") == "10.1/abc"
