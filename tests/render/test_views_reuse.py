"""The views of references a rebuild in the same process hands out again: only while everything a view shows is
the same (the item object, its slug, its entry in every style, the default style); any difference makes a new one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from litsite.pipeline import cite_sources, load_sources
from litsite.render.pages import ref_views


def test_a_view_is_handed_out_again_only_while_all_it_shows_is_the_same(project: Path):
    config, content = load_sources(project)
    cited = cite_sources(config, content)
    known: dict = {}
    first = ref_views(content, cited, known)
    again = ref_views(content, cited, known)
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert ref_views(content, cited) == first  # the same views as made afresh

    changed_id = cited.default.order[1]
    entries = {**cited.styles[-1].entries, changed_id: "Another entry."}
    restyled = dataclasses.replace(
        cited, styles=(*cited.styles[:-1], dataclasses.replace(cited.styles[-1], entries=entries))
    )
    views = {v.id: v for v in ref_views(content, restyled, known)}
    assert views[changed_id].entries[cited.styles[-1].name] == "Another entry."
    assert all(views[v.id] is v for v in first if v.id != changed_id)

    refs = list(content.references)
    k = next(i for i, r in enumerate(refs) if r.id == changed_id)
    refs[k] = dataclasses.replace(refs[k], item={**refs[k].item, "title": "Edited"})  # an equal id, a new item
    views = {v.id: v for v in ref_views(dataclasses.replace(content, references=tuple(refs)), restyled, known)}
    assert views[changed_id].item["title"] == "Edited"
    assert known[changed_id][2] is views[changed_id]  # known now holds this build's views only
    assert set(known) == {v.id for v in first}
