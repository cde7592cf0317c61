"""Positions from note numbers (litsite.csl.fixes.positions): ibid, subsequent, near-note and
first-reference-note-number as citeproc-js sets them for clusters in notes and in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import Cite, Formatter

NOTE_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="{cls}" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation {cit}><layout delimiter="; ">
<choose>
<if position="ibid-with-locator"><text term="ibid"/><text variable="locator" prefix=" at "/></if>
<if position="ibid"><text term="ibid"/></if>
<else-if position="near-note"><text variable="title" prefix="near "/></else-if>
<else-if position="subsequent"><group delimiter=" "><text variable="title"/><text value="supra note"/>
<text variable="first-reference-note-number"/></group></else-if>
<else><text variable="title" prefix="first "/></else>
</choose>
</layout></citation></style>"""

ITEMS = [{"id": i, "type": "book", "title": i.upper()} for i in ("a", "b", "c")]


def cites(tmp_path: Path, clusters: list[list[str]], notes: list[int] | None, cls: str = "note", cit: str = "") -> list:
    path = tmp_path / "s.csl"
    path.write_text(NOTE_STYLE.format(cls=cls, cit=cit), encoding="utf-8")
    parsed = [[Cite(c.split("@")[0], locator=c.split("@")[1] if "@" in c else None) for c in cl] for cl in clusters]
    return list(Formatter(path, "en-US").format(ITEMS, parsed, "text", notes=notes).citations)


def test_ibid_needs_the_same_item_alone_in_the_note_just_before(tmp_path: Path) -> None:
    # note 2 follows note 1 (A alone): ibid; note 4 follows note 3, which cites two items: not ibid
    got = cites(tmp_path, [["a"], ["a"], ["b", "a"], ["a"]], [1, 2, 3, 4])
    assert got == ["first A", "Ibid.", "first B; near A", "near A"]


def test_a_gap_between_notes_is_not_ibid(tmp_path: Path) -> None:
    assert cites(tmp_path, [["a"], ["a"]], [1, 3]) == ["first A", "near A"]


def test_clusters_in_one_note_follow_each_other(tmp_path: Path) -> None:
    # two clusters in note 1: the second's first cite follows the first's last cite
    assert cites(tmp_path, [["b", "a"], ["a"]], [1, 1]) == ["first B; first A", "Ibid."]


def test_ibid_with_locator_and_a_dropped_locator(tmp_path: Path) -> None:
    got = cites(tmp_path, [["a@1"], ["a@2"], ["a"]], [1, 2, 3])
    assert got == ["first A", "Ibid. at 2", "near A"]  # no locator after one: not ibid (citeproc-js)


def test_first_reference_note_number_and_near_note_distance(tmp_path: Path) -> None:
    got = cites(tmp_path, [["a"], ["b"], ["a"]], [1, 2, 9], cit='near-note-distance="3"')
    assert got == ["first A", "first B", "A supra note 1"]


def test_numbering_that_starts_again_forgets_earlier_notes(tmp_path: Path) -> None:
    assert cites(tmp_path, [["a"], ["b"], ["a"]], [4, 5, 1]) == ["first A", "first B", "first A"]


def test_text_clusters_and_note_clusters_are_two_sequences(tmp_path: Path) -> None:
    # the text cluster (note 0) after note 1 follows the text's own last cluster: ibid there
    assert cites(tmp_path, [["a"], ["b"], ["a"]], [0, 1, 0]) == ["first A", "first B", "Ibid."]


def test_default_note_numbers_one_cluster_per_note(tmp_path: Path) -> None:
    got = cites(tmp_path, [["a"], ["b"], ["b"], ["a"]], None, cit='near-note-distance="2"')
    assert got == ["first A", "first B", "Ibid.", "A supra note 1"]
    assert cites(tmp_path, [["a"], ["a"]], None, cls="in-text") == ["first A", "ibid."]  # in the text: note 0


def test_a_term_after_the_first_cite_keeps_its_case(tmp_path: Path) -> None:
    assert cites(tmp_path, [["b"], ["b", "b"]], [1, 2]) == ["first B", "Ibid.; ibid."]


def test_note_numbers_must_match_the_clusters(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="2 note numbers for 1 clusters"):
        cites(tmp_path, [["a"]], [1, 2])
