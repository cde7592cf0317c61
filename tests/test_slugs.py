"""Whatever an id contains, its page stays inside the output directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from litsite.pipeline import build_site
from litsite.slugs import MAX_LEN, slugify, unique_slugs

NASTY = ["../../x", "/abs", "..", ".", "Müller2020", "a/b\\c", "x" * 500, "日本語", "CON", "a b\tc", "-"]


@pytest.mark.parametrize("text", NASTY)
def test_slug_is_safe(text: str):
    slug = slugify(text)
    assert slug and len(slug) <= MAX_LEN
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert slug not in (".", "..") and not slug.startswith("-")


def test_unique_and_deterministic():
    a = unique_slugs(["Doe2020", "doe2020", "doe-2020"])
    assert len(set(a.values())) == 3
    assert a == unique_slugs(["Doe2020", "doe2020", "doe-2020"])


def test_unicode_folds_to_ascii():
    assert slugify("Müller2020") == "muller2020"


# Ids with spaces or backslashes are refused (they would break BibTeX/RIS records: tests/test_hostile_exports.py).
NASTY_IDS = [text for text in NASTY if not any(c.isspace() or c == "\\" for c in text)]


def test_nasty_ids_build_inside_output(project: Path, tmp_path: Path):
    refs = "".join(f"- id: {id_!r}\n  type: book\n  title: T{i}\n" for i, id_ in enumerate(NASTY_IDS))
    (project / "content" / "references.yaml").write_text(refs, encoding="utf-8")
    study = project / "content" / "study.md"
    study.write_text("---\ntype: article-journal\ntitle: S\n---\nText.\n", encoding="utf-8")
    (project / "site.yaml").write_text("title: T\n", encoding="utf-8")
    # The reviewer's notes: the example's (and its themes') are on ids this site lacks; one on each nasty id a file
    # can be named by.
    notes = project / "content" / "notes"
    shutil.rmtree(notes)
    shutil.rmtree(project / "content" / "themes")
    notes.mkdir()
    for id_ in NASTY_IDS:
        if "/" not in id_ and id_ not in (".", "..") and len(id_.encode()) < 250:
            (notes / f"{id_}.md").write_text(f"A note on T{NASTY_IDS.index(id_)}.\n", encoding="utf-8")

    def outside() -> list[Path]:  # everything but the output and the project's bookkeeping folder
        parts = [(p, p.relative_to(tmp_path).parts) for p in tmp_path.rglob("*")]
        return sorted(p for p, rel in parts if rel[:1] != ("out",) and rel[:2] != ("project", ".litsite"))

    before = outside()
    out = build_site(project, tmp_path / "out")
    assert outside() == before  # nothing written outside the output directory and the bookkeeping folder
    pages = list((out / "references").glob("*/index.html"))
    assert len(pages) == len(NASTY_IDS) == len(NASTY) - 2
    noted = [p for p in pages if 'id="note"' in p.read_text(encoding="utf-8")]
    assert len(noted) == len(list(notes.glob("*.md"))) > 0
    assert all(out.resolve() in p.resolve().parents for p in out.rglob("*"))
