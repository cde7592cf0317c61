"""Items that render alike are rendered once per disambiguation setting (disambig_alike.py), with the outcome
unchanged; the names a cite is made to show are bounded (disambig_lists.NAMES_TRIED)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from litsite.csl.disambig_alike import cite_reads, likeness, representatives
from litsite.csl.disambig_lists import NAMES_TRIED
from litsite.csl.disambiguation import Disambiguator
from litsite.csl.engine import Cite, Formatter

STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<macro name="outer"><text macro="inner"/></macro>
<macro name="inner"><choose><if is-numeric="volume"><text variable="event"/></if></choose></macro>
<macro name="bib-only"><text variable="publisher"/></macro>
<citation et-al-min="3" et-al-use-first="1" {options}><layout delimiter="; ">
<names variable="author"><name form="short"/></names>
<text macro="outer" prefix=" "/><text variable="container-title" form="short" prefix=" "/>
<date variable="issued" prefix=" (" suffix=")"><date-part name="year"/></date>{extra}</layout></citation>
<bibliography><layout><text macro="bib-only"/></layout></bibliography></style>"""


def _style(options: str = "", extra: str = "") -> str:
    return STYLE.format(options=options, extra=extra)


def test_the_variables_a_citation_reads_follow_its_macros_and_kin() -> None:
    """Named in the citation through nested macros and conditions, with their kin (short forms, event-title), and
    the engine's own reads; a variable only the bibliography names is not read."""
    reads = cite_reads(etree.fromstring(_style().encode()))
    item = {"id": "a", "type": "book", "language": "de", "author": [{"family": "Doe"}]}
    values = {
        "author": [{"family": "X"}, {"family": "Y"}],
        "translator": [{"family": "X"}],
        "issued": {"date-parts": [[1999]]},
    }
    for name in ("author", "translator", "issued", "volume", "event", "event-title", "container-title-short"):
        changed = item | {name: values.get(name, "x")}
        assert likeness(changed, reads, None, None, "") != likeness(item, reads, None, None, ""), name
    assert likeness(item | {"container_title": "J"}, reads, None, None, "") != likeness(item, reads, None, None, "")
    for name in ("publisher", "title", "DOI", "abstract"):
        assert likeness(item | {name: "x"}, reads, None, None, "") == likeness(item, reads, None, None, "")


def test_state_suffix_and_place_keep_items_apart() -> None:
    """Items alike in data but not in state, year suffix or printed place render apart."""
    reads = cite_reads(etree.fromstring(_style().encode()))
    item = {"id": "a", "type": "book", "title": "T"}
    base = likeness(item, reads, {"given_fam": {"Doe": 1}}, None, "")
    assert base != likeness(item, reads, None, None, "")
    assert base != likeness(item, reads, {"given_fam": {"Doe": 1}}, "a", "")
    assert base != likeness(item, reads, {"given_fam": {"Doe": 1}}, None, "3")
    assert representatives(["k1", "k2", "k3"], {"k1": "x", "k2": "y", "k3": "x"}) == {
        "k1": "k1",
        "k2": "k2",
        "k3": "k1",
    }


def _items() -> list[dict]:
    """Three works by the same people in one year, each entered with variants: a title or DOI the cite does not
    show (alike), a volume the citation tests (not alike), and one person of the list differing."""
    people = [{"family": f"P{i}", "given": f"G{i}"} for i in range(6)]
    out = []
    for w in range(3):
        names = [dict(p) for p in people]
        names[4 if w == 2 else 5]["given"] = f"H{w}"
        for v, extra in enumerate(({"title": "A"}, {"title": "B"}, {"DOI": "10.1/x"}, {"volume": "4"}, {})):
            out.append({"id": f"w{w}v{v}", "type": "book", "author": names, "issued": {"date-parts": [[2000]]}} | extra)
    return out


@pytest.mark.parametrize(
    "options",
    [
        'disambiguate-add-names="true" disambiguate-add-givenname="true" disambiguate-add-year-suffix="true"',
        'disambiguate-add-names="true" disambiguate-add-year-suffix="true"',
        'disambiguate-add-givenname="true" givenname-disambiguation-rule="by-cite"',
    ],
)
def test_sharing_renders_changes_no_result(tmp_path: Path, options: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same bibliography and citations with every item rendered on its own and with alike items shared, and
    fewer cites rendered."""
    path = tmp_path / "s.csl"
    path.write_text(_style(options, '<text variable="year-suffix"/>'), encoding="utf-8")
    items = _items()
    clusters = [[Cite(item["id"])] for item in items]
    renders = []
    real = Disambiguator._render

    def counted(self: Disambiguator, key: str) -> str:
        renders[-1] += 1
        return real(self, key)

    monkeypatch.setattr(Disambiguator, "_render", counted)
    outputs = []
    for share in (False, True):
        monkeypatch.setattr(Disambiguator, "share", share)
        renders.append(0)
        outputs.append(Formatter(path, None).format(items, clusters, "text"))
    assert outputs[0] == outputs[1]
    if "add-names" in options:  # the names told some apart: the group was settled, not skipped
        assert len(set(outputs[1].citations)) > 3
    assert renders[1] < renders[0]


def test_names_shown_to_disambiguate_are_bounded(tmp_path: Path) -> None:
    """Two works whose authors differ only after NAMES_TRIED names: names are tried up to the bound, which tells
    nothing apart, so the cites keep the names they had and year suffixes tell them apart; works that differ within
    the bound show the names that tell them apart."""
    path = tmp_path / "s.csl"
    path.write_text(_style('disambiguate-add-names="true" disambiguate-add-year-suffix="true"'), encoding="utf-8")

    def work(id_: str, differs_at: int) -> dict:
        names = [{"family": f"F{i}", "given": "G"} for i in range(NAMES_TRIED + 5)]
        names[differs_at] = {"family": f"Other{id_}", "given": "G"}
        return {"id": id_, "type": "book", "author": names, "issued": {"date-parts": [[2000]]}}

    far = [work("a", NAMES_TRIED + 2), work("b", NAMES_TRIED + 2)]
    out = Formatter(path, None).format(far, [[Cite("a")], [Cite("b")]], "text")
    assert out.citations == ("F0 et al. (2000a)", "F0 et al. (2000b)")
    near = Formatter(path, None).format([work("a", 3), work("b", 3)], [[Cite("a")], [Cite("b")]], "text")
    assert near.citations == ("F0, F1, F2, Othera, et al. (2000)", "F0, F1, F2, Otherb, et al. (2000)")
