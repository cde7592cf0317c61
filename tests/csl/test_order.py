"""Bibliography order as citeproc-js sorts: its collator (ICU root through Intl.Collator, base sensitivity, punctuation
ignored, numeric) and its sort keys. Expected orders are citeproc-js 2.4.63's for the same items and a minimal style
(bench/csl_conformance/README.md, "Order")."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography_ids
from litsite.csl.fixes.sorting import collation_key


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Smith Zoe", "Smithson Al"),  # a space (citeproc-js's "|") sorts below letters
        ("C++ Primer", "C Programming"),  # symbols keep a weight: "+" before the separator
        ("$ Cost", "Cost"),  # a symbol before letters
        ("A|B", "Ab"),
        ("Ab", "A-C"),  # punctuation is ignored: "A-C" is "AC"
        ("x\u00a0y", "xz"),  # only U+0020 becomes the separator; a no-break space is ignored
        ("Doe2", "Doe10"),  # digits compare as numbers
        ("Iib", "Iıa"),  # a dotless ı is a letter between i and j, not i
        ("Iıa", "Ja"),
        ("Zylberberg", "Þórðarson"),  # þ sorts after z
        ("Ðe", "Dorn"),  # ð is d
        ("Nz", "Ŋa"),  # ŋ after n
        ("Ħa", "Hb"),  # ħ is h
        ("Fz", "ƒa"),
        ("Zoe", "Ωmega"),  # Greek after Latin
        ("Ωmega", "Жуков"),  # Cyrillic after Greek
        ("Иванов", "Іваненко"),  # Ukrainian і after и (not after я, as its code point)
        ("Жуков", "가나"),  # Hangul after Cyrillic
        ("가나", "あい"),  # Hangul before kana, though its code points come after
        ("あい", "中文"),  # Han last
        ("1984", "Animal"),  # digits before letters
        ("½", "A"),
    ],
)
def test_collation_orders_as_citeproc_js(first: str, second: str) -> None:
    assert collation_key(first) < collation_key(second)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Müller", "Muller"),  # accents and case only break ties (the next key, then the order of the items)
        ("Æsop", "Aesop"),
        ("Straße", "Strasse"),
        ("Øster", "Oster"),
        ("Łukasz", "Lukasz"),
        ("ア", "あ"),  # katakana = hiragana
        ("İstanbul", "istanbul"),
        ("Smith-Jones", "Smithjones"),
        ("O’Brien", "OBrien"),
        ("[Untitled]", "Untitled"),
    ],
)
def test_collation_equal_at_base_strength(a: str, b: str) -> None:
    assert collation_key(a) == collation_key(b)


def _style(tmp_path: Path, keys: str, layout: str = '<text variable="title"/>', attrs: str = "") -> Path:
    path = tmp_path / "order.csl"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0" {attrs}>'
        "<info><title>order</title><id>order</id><updated>2020-01-01T00:00:00+00:00</updated></info>"
        '<macro name="author"><names variable="author"><name name-as-sort-order="all"/></names></macro>'
        '<citation><layout><text value="x"/></layout></citation>'
        f"<bibliography><sort>{keys}</sort><layout>{layout}</layout></bibliography></style>",
        encoding="utf-8",
    )
    return path


def _order(items: list[dict], style: Path) -> list[str]:
    full = [{"type": "book", **item, "id": str(n)} for n, item in enumerate(items)]
    return [ident for ident, _ in format_bibliography_ids(full, style, "text")]


def test_titles_sort_with_symbols_and_dotless_i(tmp_path: Path) -> None:
    """citeproc-js: "C++ Primer" before "C Programming" (the symbol "+" below its separator), "Iib" before "Iıa"
    before "Ja" (ı is a letter between i and j), "Þingvellir" after "Zebra"."""
    titles = ["Þingvellir", "C Programming", "Ja", "Iıa", "C++ Primer", "Iib", "Zebra"]
    order = _order([{"title": t} for t in titles], _style(tmp_path, '<key variable="title"/>'))
    assert [titles[int(i)] for i in order] == ["C++ Primer", "C Programming", "Iib", "Iıa", "Ja", "Zebra", "Þingvellir"]


def test_family_names_sort_with_the_separator(tmp_path: Path) -> None:
    """A name key "Smith Zoe" sorts before "Smithson Al" (the space is citeproc-js's "|", below letters)."""
    names = [("Smithson", "Al"), ("Smith", "Zoe"), ("Smith-Jones", "Al"), ("Smith", "Al")]
    items = [{"title": f, "author": [{"family": f, "given": g}]} for f, g in names]
    order = _order(items, _style(tmp_path, '<key macro="author"/>'))
    assert [names[int(i)] for i in order] == [
        ("Smith", "Al"),
        ("Smith", "Zoe"),
        ("Smith-Jones", "Al"),
        ("Smithson", "Al"),
    ]
