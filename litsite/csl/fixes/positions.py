"""Positions of cites in a document of notes (CSL 1.0.2 "Position"), as citeproc-js sets them.

CSL 1.0.2 "Citation-specific Options": near-note-distance (default 5) is an attribute of cs:citation. citeproc-py
asked the style's root for it, which knows no such option: every style testing position="near-note" raised KeyError
(and would have compared a number with the attribute's text).

citeproc-py decides a cite's position from the cites rendered before it, without note numbers: "ibid" only after a
cluster of one cite, no first-reference-note-number, "near-note" counted in clusters. citeproc-js numbers the notes:
each cluster has a note number (0: a cluster in the running text), and the clusters in the text and those in notes
are two sequences with positions of their own. PositionTracker follows citeproc-js's rules (processCitationCluster's
position evaluation): ibid when the cite before it — earlier in its cluster, or the cluster before when that is in
the same note, or alone in the note just before — is of the same item; first-reference-note-number the note of the
item's first cite; near-note within near-note-distance notes of the item's last cite; note numbers that go back
start the counting again.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from litsite.csl.elements import extend

NEAR_NOTE_DISTANCE = 5

# citeproc-js's ranks (CSL.POSITION_MAP): a position test holds for its own position and the ones ranked above it
FIRST, CONTAINER_SUBSEQUENT, SUBSEQUENT, IBID, IBID_WITH_LOCATOR = range(5)
_TESTS = {"first": FIRST, "container-subsequent": CONTAINER_SUBSEQUENT, "subsequent": SUBSEQUENT, "ibid": IBID}
_TESTS["ibid-with-locator"] = IBID_WITH_LOCATOR


@extend("style")
class NearNoteOption:
    """cs:style: near-note-distance from cs:citation, as a number."""

    def get_option(self, name: str) -> object:
        """The option's value; near-note-distance from cs:citation (5 when absent or not a number)."""
        if name == "near-note-distance":
            citation = self.find("cs:citation", self.nsmap)
            value = str(citation.get(name, "")) if citation is not None else ""
            return int(value) if value.isdigit() else NEAR_NOTE_DISTANCE
        return super().get_option(name)


@dataclass(frozen=True)
class Position:
    """A cite's position: its rank, the note of the item's first cite (0: none to print) and whether it is near."""

    rank: int
    first_note: int = 0
    near: bool = False


def _locator(cite: object) -> str | None:
    """The cite's locator with its label, as citeproc-js compares them; None without one."""
    locator = cite.get("locator")
    return f"{locator.identifier}{locator.label}" if locator is not None else None


@dataclass
class _Sequence:
    """The clusters of the text (note 0) or of the notes, as far as rendered: the state position evaluation reads."""

    first_ref: dict[str, int] = field(default_factory=dict)
    last_ref: dict[str, int] = field(default_factory=dict)
    clusters: list[tuple[int, list, bool]] = field(default_factory=list)  # (note, sorted cites, author-only)


class PositionTracker:
    """The positions of the cites of a document's clusters, assigned cluster by cluster in document order."""

    def __init__(self, near_note_distance: int = NEAR_NOTE_DISTANCE) -> None:
        self.distance = near_note_distance
        self.sequences = {True: _Sequence(), False: _Sequence()}  # keyed by "in a note"
        self.in_note: Counter[int] = Counter()

    def assign(self, cites: list, note: int) -> None:
        """Set cite["_position"] on each cite of a cluster (in its rendered order) in note `note` (0: in the text)."""
        seq = self.sequences[note > 0]
        if note and seq.clusters and seq.clusters[-1][0] > note:  # numbering started again: forget the earlier
            self.in_note.clear()
            seq.first_ref.clear()
            seq.last_ref.clear()
        author_only = bool(cites) and all(c.get("author_only") for c in cites)
        self.in_note[note] += len(cites)
        for k, cite in enumerate(cites):
            key = cite.key
            if key not in seq.last_ref and not author_only:
                seq.first_ref[key] = seq.last_ref[key] = note
                rank = FIRST
            else:
                rank = self._backward(seq, cites, k, note)
                if author_only:
                    rank = FIRST
                seq.first_ref.setdefault(key, note)
            first = seq.first_ref[key]
            near = rank != FIRST
            if note:
                near = near and note - seq.last_ref.get(key, note) <= self.distance
                seq.last_ref[key] = note
            cite["_position"] = Position(rank, first if first != note else 0, near)
        seq.clusters.append((note, cites, author_only))

    def _backward(self, seq: _Sequence, cites: list, k: int, note: int) -> int:
        """The rank of a cite of an item cited before: ibid, ibid-with-locator or subsequent."""
        key = cites[k].key
        prev = seq.clusters[-1] if seq.clusters else None
        ibid = False
        if prev is not None and k == 0 and prev[0] != note:
            # alone in the note just before (or in the text), the same item
            alone = self.in_note[prev[0]] == 1 or prev[0] == 0
            ibid = bool(prev[1]) and prev[1][0].key == key and prev[0] >= note - 1 and alone
        elif k > 0:
            ibid = cites[k - 1].key == key
        elif prev is not None and prev[0] == note and prev[1]:
            last = seq.clusters[-2] if prev[2] and len(seq.clusters) > 1 else prev  # an author-only cluster skipped
            ibid = bool(last[1]) and last[1][-1].key == key
        if not ibid:
            return SUBSEQUENT
        before = _locator(cites[k - 1] if k > 0 else prev[1][0])
        now = _locator(cites[k])
        if before and not now:
            return SUBSEQUENT
        return IBID_WITH_LOCATOR if now and now != before else IBID


def holds(position: Position, test: str) -> bool:
    """Whether a position="…" test (one of its words) holds for a cite at `position` (citeproc-js's rules)."""
    if test == "near-note":
        return position.rank >= SUBSEQUENT and position.near
    if test == "far-note":
        return position.rank == SUBSEQUENT and not position.near
    rank = _TESTS.get(test)
    if rank is None:
        return False
    return position.rank == FIRST if rank == FIRST else position.rank >= rank


class PositionCondition:
    """cs:if / cs:else-if position="…": the position the document's tracker gave the cite, when it has one."""

    def _position(self, item: object, context: object = None) -> list[bool]:
        position = item.get("_position") if isinstance(item, dict) else None
        if position is None:  # a cite rendered outside a document (e.g. compared for disambiguation)
            return super()._position(item, context)  # type: ignore[misc]
        if (context or self).xpath_search("./ancestor::*[self::cs:bibliography]"):
            return [False]
        return [holds(position, test) for test in self.get("position").split()]


extend("if")(type("PositionIf", (PositionCondition,), {}))
extend("else-if")(type("PositionElseIf", (PositionCondition,), {}))


@contextlib.contextmanager
def first_note_number(cite: object) -> Iterator[None]:
    """While the cite renders, its item's first-reference-note-number is the note of the item's first cite (a
    variable of the cite, which citeproc-py reads from the item)."""
    position = cite.get("_position")
    if position is None:
        yield
        return
    reference = cite.reference
    saved = dict.get(reference, _VARIABLE)
    if position.first_note:
        reference[_VARIABLE] = str(position.first_note)
    else:
        reference.pop(_VARIABLE, None)
    try:
        yield
    finally:
        if saved is None:
            reference.pop(_VARIABLE, None)
        else:
            reference[_VARIABLE] = saved


_VARIABLE = "first_reference_note_number"
