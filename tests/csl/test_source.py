"""The lazy citeproc-py source: items are parsed when first looked up, and what is set before that is kept."""

from __future__ import annotations

from litsite.csl.source import Bibliography, Source

ITEMS = [
    {"id": "a", "type": "book", "title": "A", "year-suffix": "b", "author": [{"family": "Doe", "given": "J."}]},
    {"id": "b", "type": "book", "title": "B"},
]


def source() -> Source:
    return Source(ITEMS, {"a": "k0", "b": "k1"}, "text")


def test_items_are_parsed_when_first_looked_up():
    src = source()
    assert "k0" in src and "k1" in src and "k2" not in src
    assert dict.get(src, "k1") is None  # not parsed yet
    assert str(src["k1"]["title"]) == "B"
    assert dict.get(src, "k1") is src["k1"]


def test_state_set_before_parsing_is_on_the_parsed_item():
    src = source()
    state = {"names": 2}
    src.set_field("k1", "_dis", state)
    assert src.peek("k1", "_dis") is state and dict.get(src, "k1") is None
    assert src["k1"]["_dis"] is state
    src.set_field("k1", "year_suffix", "c")
    assert src["k1"]["year_suffix"] == "c" and src.peek("k1", "year_suffix") == "c"


def test_peek_sees_what_the_item_itself_sets():
    src = source()
    assert str(src.peek("k0", "year_suffix", "")) == "b"  # its own year-suffix, not the default
    assert src.peek("k1", "year_suffix", "") == ""


def test_registering_keeps_first_seen_order_without_duplicates():
    from citeproc import Citation

    from litsite.csl.source import Item

    bib = Bibliography.__new__(Bibliography)  # registering needs no style
    bib.source, bib.keys, bib.items, bib._cites = source(), [], [], []
    missing: list[str] = []
    bib.register(Citation([Item("k1"), Item("k0"), Item("k1"), Item("zz")]), missing.append)
    bib.register(Citation([Item("k0")]))
    assert bib.keys == ["k1", "k0"] and [i.key for i in missing] == ["zz"]
    assert bib.position("k0") == 1 and bib.position("zz") is None
