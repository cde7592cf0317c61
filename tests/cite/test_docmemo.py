"""The cite stage's memo of each document (cite/docmemo.py, the preview's rebuilds): a plan through it equals a plan
without it after every kind of edit, and only the edited documents are read again."""

from __future__ import annotations

from pathlib import Path

from edits import edit

from litsite.cite.docmemo import DocMemo
from litsite.cite.stage import plan
from litsite.pipeline import load_sources


def planned(project: Path, memo: DocMemo) -> None:
    """Plan with the memo and without; both the same."""
    config, content = load_sources(project)
    assert plan(config, content, memo) == plan(config, content)


def test_an_edited_note_is_read_again_and_nothing_else(project: Path):
    memo = DocMemo()
    planned(project, memo)
    first = memo.made
    planned(project, memo)
    assert first > 10 and memo.made == 0
    edit(project / "content" / "notes" / "repper2011.md", "The broadest survey", "The widest survey")
    planned(project, memo)
    assert memo.made == 2  # the note read, and its sentences found


def test_a_citation_added_earlier_moves_the_later_documents_contexts(project: Path):
    """The contexts name the site's cluster numbers: a cluster added to the study renumbers every later document's,
    so their contexts are made again (a memo keyed by the text alone would keep the old numbers)."""
    memo = DocMemo()
    planned(project, memo)
    study = project / "content" / "study.md"
    edit(study, "New peer worker roles are", "New peer worker roles [@repper2011] are")
    planned(project, memo)
    assert memo.made > 2


def test_a_changed_reference_slug_changes_the_anchors_and_contexts(project: Path):
    """Anchors are made of the cited works' page slugs, which depend on every reference id."""
    memo = DocMemo()
    planned(project, memo)
    refs = project / "content" / "references.yaml"
    text = refs.read_text("utf-8")
    assert text.startswith("- ")
    # First in the list, it takes the slug repper2011; the work repper2011 (cited in notes) becomes repper2011-2.
    refs.write_text("- id: répper2011\n  type: book\n  title: A work whose slug collides\n" + text, "utf-8")
    config, content = load_sources(project)
    assert plan(config, content, memo) == plan(config, content)
    assert any("repper2011-2" in c.anchor for c in plan(config, content).clusters)
