"""Collation of sort keys as citeproc-js compares them (CSL.getSortCompare: toLocaleLowerCase, then Intl.Collator with
sensitivity "base", ignorePunctuation, numeric). Every expected order here is Node 20's (ICU 78), asked through
citeproc-js's own comparator on the same texts (bench/csl_conformance/collation_js.js; collation_fuzz.py finds such
pairs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.csl.engine import format_bibliography_ids
from litsite.csl.fixes.sorting import collation_key
from litsite.csl.styles import resolve_style

from .probe import probe_style


def _sign(a: str, b: str, lang: str) -> int:
    ka, kb = collation_key(a, lang), collation_key(b, lang)
    return (ka > kb) - (ka < kb)


@pytest.mark.parametrize(
    ("a", "b", "lang", "expected"),
    [
        # decimal digits of every script are numbers (Unicode Nd)
        ("Vol. ٣", "Vol. 3", "en-US", 0),
        ("Part １２", "Part 12", "en-US", 0),
        ("x٩", "x10", "en-US", -1),
        ("x𝟗", "x10", "en-US", -1),
        # other digits (superscripts, fractions) sort after every number, before letters
        ("9999", "¹", "en-US", -1),
        ("¹", "²", "en-US", -1),
        ("²", "a", "en-US", -1),
        ("½", "¹", "en-US", 1),
    ],
)  # fmt: skip
def test_digits(a: str, b: str, lang: str, expected: int) -> None:
    assert _sign(a, b, lang) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a spacing accent is a symbol, below citeproc-js's separator "|" (not a space and a mark, as NFKD has it)
        ("qV´", "qV", -1),
        ("Mu¨ller", "Muller", -1),
        ("Mu¨ller", "Mu-ller", -1),
        # symbols in ICU's order, all below the separator
        ("€B∑", "€B", -1),
        ("©", "+", -1),
        ("$", "+", 1),
        ("→", "+", -1),
        ("+", "∑", 1),
        ("°", "©", -1),
        # circled and squared letters are letters
        ("Ⓐ", "a", 0),
        ("🅐", "a", 0),
        ("🅐", "b", -1),
    ],
)
def test_symbols(a: str, b: str, expected: int) -> None:
    assert _sign(a, b, "en-US") == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # Indic vowel signs and the virama are letters to ICU, in its order
        ("क", "कि", -1),
        ("कि", "कु", -1),
        ("क्", "का", 1),
        # Arabic letters with a hamza are letters of their own; Hebrew final forms are their letters
        ("ئ", "ي", -1),
        ("ب", "ئ", 1),
        ("ت", "ث", -1),
        ("ן", "נ", 0),
        ("ך", "כ", 0),
        # kana: the prolonged sound mark and the iteration mark have places of their own
        ("コーヒー", "コヒ", -1),
        ("そ", "ー", 1),
        ("ゝ", "と", -1),
        ("ア", "あ", 0),
    ],
)
def test_letters_of_other_scripts(a: str, b: str, expected: int) -> None:
    assert _sign(a, b, "en-US") == expected


@pytest.mark.parametrize(
    ("a", "b", "lang", "expected"),
    [
        # a letter decomposed (a + U+0308) is the locale's letter as the precomposed one is
        ("a\u0308", "ä", "fi-FI", 0),
        ("a\u0308", "z", "fi-FI", 1),
        ("A\u0328", "Ą", "pl-PL", 0),
        ("A\u0328", "Az", "pl-PL", 1),
        # a tailored letter with one more accent is that letter: Norwegian ǖ is ü, which is y
        ("ǖ", "y", "nb-NO", 0),
        ("ǖ", "u", "nb-NO", 1),
        ("aă", "z", "nb-NO", 1),  # "aa" is å, also before a breve
        ("Åse", "Aase", "nb-NO", 0),
        ("aą", "å", "nb-NO", 0),  # "aa" with an accent after it is still å (not "ą" recomposed by NFC)
        ("cȟa", "cha", "cs-CZ", 0),
        # Turkish lower case before the comparison: I with an accent written after it is ı, precomposed Î is î
        ("I", "I\u0302", "tr-TR", 0),
        ("I", "Î", "tr-TR", -1),
        ("I\u0307", "i", "tr-TR", 0),
        # letters CLDR puts after z come after the root order's extra letters of z
        ("ʒ", "æ", "sv-SE", -1),
        ("ʒ", "å", "sv-SE", -1),
        ("z", "ʒ", "sv-SE", -1),
        # a Cyrillic letter with a diacritic of its own (й) is not its base letter; ё is е
        ("й", "ї", "ru-RU", 1),
        ("йа", "иб", "ru-RU", 1),
        ("ё", "е", "ru-RU", 0),
        # Korean: Hangul, then Han, then Latin
        ("房", "X", "ko-KR", -1),
        ("가", "房", "ko-KR", -1),
        ("9", "가", "ko-KR", -1),
        # Korean: an ideograph is its Hangul reading (鈴 is 령, 三 is 삼), the others after the Hangul
        ("房", "방", "ko-KR", 0),
        ("鈴木竹雄", "三ケ月章", "ko-KR", -1),
        ("鈴", "영", "ko-KR", -1),
        ("三가", "삼나", "ko-KR", -1),
        ("𠀀", "가", "ko-KR", 1),
    ],
)  # fmt: skip
def test_locale_letters(a: str, b: str, lang: str, expected: int) -> None:
    assert _sign(a, b, lang) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("\t", " ", -1),  # "\t|" against "||": a key of white space is a key, not an empty one
        ("A\u00a0", "\u00a0", 0),  # the article goes, its separator stays (strip_prepositions runs on "A\u00a0|")
        ("x\u2003", "x", 0),
        ("\u2003", "\u200b", 0),
    ],
)
def test_white_space_keys(a: str, b: str, expected: int) -> None:
    assert _sign(a, b, "en-US") == expected


def test_bibliography_order_with_symbols_digits_and_scripts(tmp_path: Path) -> None:
    """A title key under a probe style; citeproc-js 2.4.63 orders these items so (order_js.js on the same style)."""
    titles = ["Vol ٣", "Vol 10", "Vol 2", "Mu¨ller", "Muller", "C+", "C©", "कु", "कि", "ي", "ئ", "コーヒー", "コヒ"]
    style = probe_style(tmp_path, '<text variable="title"/>', sort='<key variable="title"/>', name="collation")
    items = [{"id": str(n), "type": "book", "title": t} for n, t in enumerate(titles)]
    order = [titles[int(i)] for i, _ in format_bibliography_ids(items, style, "text", "en-US")]
    assert order == EXPECTED_ORDER


# citeproc-js 2.4.63 in Node 20 (bench/csl_conformance/order_js.js), the same style and items
EXPECTED_ORDER = ["C©", "C+", "Mu¨ller", "Muller", "Vol 2", "Vol ٣", "Vol 10", "ئ", "ي", "कि", "कु", "コーヒー", "コヒ"]


@pytest.mark.parametrize(
    ("a", "b", "lang", "expected"),
    [
        # Thai (and Lao) vowels written before their consonant sort after it
        ("แ", "แฒ", "en-US", 1),
        ("เก", "กา", "en-US", 1),
        ("ไก่", "กข", "th-TH", 1),
        # modifier letters of transliterations: ʿ ʾ ʼ after the Latin letters (before Greek), ʻ after h
        ("ʿAbd", "Zubayr", "en-US", 1),
        ("ʿAbd", "Ωmega", "en-US", -1),
        ("Ibn ʿAli", "Ibn Zayd", "en-US", 1),
        ("ʻOhana", "Hz", "en-US", 1),
        ("ʻOhana", "Ia", "en-US", -1),
        # Hungarian letters of two or three, right after their first letter; doubled ones are the letter twice
        ("Mancs", "Mancu", "hu-HU", 1),
        ("cz", "cs", "hu-HU", -1),
        ("ccs", "cscs", "hu-HU", 0),
        ("dzsungel", "dzz", "hu-HU", 1),
        ("Zś", "Zs", "hu-HU", 0),
        ("Relativity", "Relativitz", "hu-HU", 1),
        ("Szabó", "Sza", "hu-HU", 1),
        # Japanese: the prolonged sound mark is the vowel of the kana before it, an iteration mark that kana again
        # (a hiragana mark after hiragana, a katakana one after katakana); elsewhere they are symbols above "|"
        ("カー", "カア", "ja-JP", 0),
        ("コーヒー", "コオヒイ", "ja-JP", 0),
        ("ラヽ", "ララ", "ja-JP", 0),
        ("すゞ", "すず", "ja-JP", 0),
        ("いクゞbか", "いクcbか", "ja-JP", -1),
        ("ーオーー", "ーオーウ", "ja-JP", -1),
        ("ー", "$", "ja-JP", -1),
        ("カー", "カア", "en-US", -1),
        ("ſza", "sza", "hu-HU", -1),  # a long s is an s, but no "sz" with it
    ],
)  # fmt: skip
def test_contractions_and_modifier_letters(a: str, b: str, lang: str, expected: int) -> None:
    assert _sign(a, b, lang) == expected


def test_hungarian_bibliography_order(tmp_path: Path) -> None:
    """Titles under a probe style in hu-HU; the order is citeproc-js 2.4.63's (order_js.js, same style and items)."""
    titles = ["Czakó", "Csányi", "Cukor", "Dzsida", "Dzurják", "Dobos", "Gyula", "Gulyás", "Nyitrai", "Nagy", "Szabó"]
    titles += ["Sütő", "Zsigmond", "Zoltán", "Ottó", "Örkény", "Tyukodi", "Tóth"]
    style = probe_style(tmp_path, '<text variable="title"/>', sort='<key variable="title"/>', name="collation")
    items = [{"id": str(n), "type": "book", "title": t} for n, t in enumerate(titles)]
    order = [titles[int(i)] for i, _ in format_bibliography_ids(items, style, "text", "hu-HU")]
    assert order == [
        "Cukor", "Czakó", "Csányi", "Dobos", "Dzurják", "Dzsida", "Gulyás", "Gyula", "Nagy", "Nyitrai", "Ottó",
        "Örkény", "Sütő", "Szabó", "Tóth", "Tyukodi", "Zoltán", "Zsigmond",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # pinyin, Han before Latin
        (
            "zh-CN",
            ["2020年", "阿Q正传", "北京大学学报", "李娜", "上海", "王芳", "张伟研究", "中国社会科学", "Zhang Wei"],
        ),
        # strokes
        (
            "zh-TW",
            ["2020年", "上海", "中国社会科学", "王芳", "北京大学学报", "张伟研究", "李娜", "阿Q正传", "Zhang Wei"],
        ),
        # readings, after Latin
        (
            "ja-JP",
            ["2020年", "Zhang Wei", "阿Q正传", "王芳", "上海", "中国社会科学", "北京大学学报", "李娜", "张伟研究"],
        ),
    ],
)
def test_han_ideographs_in_the_locales_order(tmp_path: Path, lang: str, expected: list[str]) -> None:
    """Titles under a probe style; the orders are citeproc-js 2.4.63's (order_js.js, same style, items, locale)."""
    titles = ["张伟研究", "王芳", "李娜", "北京大学学报", "上海", "中国社会科学", "Zhang Wei", "阿Q正传", "2020年"]
    style = probe_style(tmp_path, '<text variable="title"/>', sort='<key variable="title"/>', name="collation")
    items = [{"id": str(n), "type": "book", "title": t} for n, t in enumerate(titles)]
    assert [titles[int(i)] for i, _ in format_bibliography_ids(items, style, "text", lang)] == expected


def test_volume_and_page_blobs_in_a_macro_key() -> None:
    """citeproc-js 2.4.63 orders these two articles a, b (order_js.js, chicago-author-date, en-US): its keys join the
    volume and the page blob with no delimiter ("Nucl.|Phys.|undefined22579|", "…undefined22undefined579–88|"), as
    a date macro calling a plain macro that calls a date macro leaves a level open (test_sort_levels.py)."""
    base = {
        "type": "article-journal",
        "author": [{"family": "Glashow", "given": "Sheldon"}],
        "issued": {"date-parts": [[1961]]},
        "title": "Partial Symmetries of Weak Interactions",
        "container-title": "Nucl. Phys.",
        "volume": "22",
    }
    items = [{**base, "id": "b", "page": "579"}, {**base, "id": "a", "page": "579-588"}]
    style = resolve_style("chicago-author-date").path
    assert [i for i, _ in format_bibliography_ids(items, style, "text", "en-US")] == ["a", "b"]
