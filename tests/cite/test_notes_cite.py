"""Citations in the reviewer's notes and themes: formatted in every style, numbering nothing."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

from litsite.cite.stage import cite
from litsite.csl.styles import resolve_style
from litsite.pipeline import load_sources


def test_notes_do_not_renumber_the_bibliography(project: Path):
    """A note citing works the study does not cite leaves every number (and the order) as it was without notes."""
    loaded = load_sources(project)[0]
    config = dataclasses.replace(
        loaded, styles=("vancouver-nlm",), style_refs=(resolve_style("vancouver-nlm", loaded.root),)
    )
    with_notes = cite(config, load_sources(project)[1])
    shutil.rmtree(project / "content" / "notes")
    shutil.rmtree(project / "content" / "themes")
    without = cite(config, load_sources(project)[1])
    assert with_notes.default.order == without.default.order
    assert with_notes.default.entries == without.default.entries
    assert (
        len(with_notes.default.citations)
        > len(without.default.citations)
        == sum(len(d.spans) for d in without.docs.values())
    )
    # each note's citation gives the number its work has in the bibliography
    order = with_notes.default.order
    for doc in with_notes.remarks.values():
        for _, _, i in doc.spans:
            (only,) = with_notes.clusters[i].cites  # (the example's notes cite one work at a time)
            numbers = re.findall(r"\d+", with_notes.default.citations[i])
            assert int(numbers[-1]) == order.index(only.id) + 1


def test_notes_are_not_the_study_citing(project: Path):
    """The study's documents stay the study's and pages' own; notes and themes are remarks."""
    config, content = load_sources(project)
    cited = cite(config, content)
    assert set(cited.docs) == {content.study.page.path, *(p.path for p in content.pages)}
    assert set(cited.remarks) == {*(n.page.path for n in content.notes), *(t.page.path for t in content.themes)}
