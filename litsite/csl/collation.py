"""Primary collation weights as citeproc-js compares sort keys: ICU root collation through Intl.Collator with
sensitivity "base", ignorePunctuation and numeric (CSL.getSortCompare).

ignorePunctuation makes ICU's variable characters (white space and punctuation, Unicode categories Z* and P*, and
format characters) ignorable; symbols (S*) keep a primary weight below digits, digits sort below letters, Latin
letters before Greek before Cyrillic before other scripts, Han ideographs last. citeproc-js writes every U+0020 space
of a key as "|" (opt.sort_sep, a symbol) and ends each key with one, so a space sorts below digits and letters while
other spaces (no-break, thin) are ignored. The letter tables come from ICU's root order as Node's Intl has it
(bench/csl_conformance/collation_probe.js prints it).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from itertools import chain
from pathlib import Path

# Letters ICU sorts as others (expansions, and strokes NFKD keeps).
_SPECIAL = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŀ": "l", "ℏ": "h", "æ": "ae", "œ": "oe", "ß": "ss"}
# Latin letters ICU sorts after an ASCII letter (and before the next), in ICU's order.
_AFTER = {
    "a": "ẚɐɑɒ", "b": "ʙƀɓƃ", "c": "ȼƈɕↄ", "d": "ȸʣʥʤɖɗƌȡẟ", "e": "ɇǝəɛɘɚɜɝɞʚɤ", "f": "ʩƒⅎ",
    "g": "ɡɢǥɠʛɣƣ", "h": "ʜƕɦɧʻʽ", "i": "ıɪɨɩ", "j": "ȷɉʝɟʄ", "k": "ƙʞ", "l": "ỻʪʫʟƚɫɬɭȴɮƛʎ", "m": "ɱ",
    "n": "ɴɲƞɳȵŋ", "o": "ɶɔɵɷȣ", "p": "ƥɸ", "q": "ȹʠɋĸ", "r": "ʀɍɹɺɻɼɽɾɿʁ", "s": "ʂȿẜẝʃƪʅʆ",
    "t": "ʨƾʦʧŧƫƭʈȶʇ", "u": "ʉɥʮʯɯɰʊ", "v": "ʋỽʌ", "w": "ʍ", "y": "ʏɏƴỿȝ", "z": "ƍƶȥʐʑɀʒƹƺʓþƿƨƽƅʔɂʼˮʾʕʿʡʢ",
}  # fmt: skip
_LATIN = {ch: (letter, n) for letter, after in _AFTER.items() for n, ch in enumerate(after, 1)}
# Greek and Cyrillic lower-case letters in ICU's order; letters in one group (space-separated) are equal.
_GREEK = "α β ϐ γ δ εϵ ϝ ͷ ϛ ζ ͱ η θϑ ι ϳ κϰ ϗ λ μµ ν ξ ο πϖ ϻ ϟ ϙ ρϱ σςϲ ͼ ͻ ͽ τ υϒ φϕ χ ψ ω ϡ ͳ ϸ ϣ ϥ ϧ ϩ ϫ ϭ ϯ"
_CYRILLIC = (
    "а ә ӕ б в гґ ғ ӻ ҕ ӷ д ԁ ђ ԃ ҙ е є ж ԫ җ з ԅ ԑ ѕ ӡ ԇ и ҋ і й ј к қ ӄ ҡ ҟ ҝ ԟ ԛ л ӆ ԯ ԓ ԡ љ ԉ ԕ м ӎ н ԩ ӊ ң "
    "ӈ ԣ ҥ њ ԋ о ө п ԥ ҧ ҁ р ҏ ԗ с ԍ ҫ т ԏ ҭ ћ у ү ұ ѹ ф х ӽ ӿ ҳ һ ԧ ѡ ѿ ѽ ѻ ц ҵ ч ԭ ҷ ӌ ҹ ҽ ҿ џ ш щ ъ ы ь ҍ "
    "ѣ э ю я ԙ ѥ ѧ ѫ ѩ ѭ ѯ ѱ ѳ ѵ ҩ ԝ ӏ"
)
_SCRIPT = {ch: n for n, group in enumerate(_GREEK.split()) for ch in group}
_SCRIPT.update({ch: 1000 + n for n, group in enumerate(_CYRILLIC.split()) for ch in group})
# What no Unicode property gives, read from Node's ICU (bench/csl_conformance/collation_data.js): the order of the
# symbols and of the letters of other scripts, marks that are letters, letters that are ignored.
_DATA = json.loads(Path(__file__).with_name("collation_data.json").read_text(encoding="utf-8"))
# Symbols in ICU's order, all below digits: weights 100 to 900.
_SYMBOL = {
    first + n: 100 + (place + n) * 800 / _DATA["symbol_places"]
    for first, count, place in _DATA["symbol_runs"]
    for n in range(count)
}
SEPARATOR = _SYMBOL[ord("|")]  # the weight of citeproc-js's "|" (a key's spaces and its end)
_SYMBOL_LETTERS = {ord(symbol): letter for symbol, letter in _DATA["symbol_letters"].items()}
_MARKS = frozenset(first + n for first, count in _DATA["mark_runs"] for n in range(count))
_IGNORED = frozenset(_DATA["ignored"])
# Letters of the scripts but Latin, Greek, Cyrillic and Han: their place in ICU's order.
_PLACE = {first + n: place + n for first, count, place in _DATA["letter_runs"] for n in range(count)}
DIGIT = 1000  # + the digit, for digits that are not decimal (¹, ①, ½ → 1 ⁄ 2): after every number (see primary)
NUMBER = DIGIT - 1  # a run of decimal digits: NUMBER, its length, its digits (see primary)
_LETTER = 10000
_OTHER = 100000  # Greek (+ 0…), Cyrillic (+ 1000…), the other scripts (+ 10_000 + their place in _PLACE)
_HAN = 10_000_000  # Han ideographs last (ICU's implicit weights)


# Locale tailorings at the primary level (citeproc-js collates in its default locale, ICU tailors letters for it):
# per language, the letters in the locale's order, one group of equal letters between spaces, ASCII letters
# included (Estonian puts z after s, Swedish å ä ö after z, Turkish ı before i, Spanish ñ after n). Printed by
# bench/csl_conformance/collation_probe.js --tailorings; expansions (ß, ĳ; æ, œ, þ where the
# locale expands them) stay as in the root order.
_TAILORED = {
    "sv": "a b c d e f g h i ı j k l m n ŋ o p q ĸ r s t ŧ u v w x yüű z å äæę ôöøőœ",
    "da": "a b c d e f g h i ı j k l m n ŋ o p q ĸ r s t ŧ u v w x yüű z äæ öøő å",
    "nb": "a b c d e f g h i ı j k l m n ŋ o p q ĸ r s t ŧ u v w x yüű z äæę öøőœ å",
    "nn": "a b c d e f g h i ı j k l m n ŋ o p q ĸ r s t ŧ u v w x yüű z äæę öøőœ å",
    "fi": "a b c d e f g h i ı j k l m nŋ o p q ĸ r s tŧ u v w x yü z þ å äæ öø",
    "tr": "a b c ç d e f g ğ h ı i j k l m n o ö p q r s ş t u ü v w x y z",
    "pl": "a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u v w x y z ź ż",
    "cs": "a b c č d e f g h \ue1bf i j k l m n o p q r ř s š t u v w x y z ž",
    "hu": "a b c d e f g h i j k l m n o öő p q r s t u üű v w x y z",
    "is": "a á b c d ð e é f g h i ı í j k l m n ŋ o ó p q ĸ r s t ŧ u ú v w x y ý z þ äæ öø å",
    "et": "a b c d e f g h i ı j k l m n ŋ o p q ĸ r s š z ž t ŧ u v w õ ä ö ü x y",
    "lt": "a b c č d e f g h iy ı j k l m n ŋ o p q ĸ r s š t ŧ u v w x z ž",
    "lv": "a ā b c č d e ē f g ģ h i y ī ı j k ķ l ļ m n ņ ŋ o ō p q ĸ r ŗ s š t ŧ u ū v w x z ž",
    "ro": "a ă â b c d e f g h i î j k l m n o p q r s ş t ţ u v w x y z",
    "hr": "a b c č ć d đ e f g h i j k l m n o p q r s š t u v w x y z ž",
    "sk": "a ä b c č d e f g h \ue1bf i j k l m n o ô p q r ř s š t u v w x y z ž",
    "sl": "a b c č ć d đ e f g h i j k l m n o p q r s š t u v w x y z ž",
    "es": "a b c d e f g h i j k l m n ñ o p q r s t u v w x y z",
}  # fmt: skip


CH = "\ue1bf"  # Czech and Slovak "ch", a letter after h (ICU's contraction), in _TAILORED's cs and sk orders
# (with the accents after it: ICU's contraction takes them as accents of the letter, NFC must not recompose them)
_AA, _CH = (re.compile("aa[\u0300-\u036f]*", re.IGNORECASE), "å"), (re.compile("ch[\u0300-\u036f]*", re.IGNORECASE), CH)
_CONTRACTIONS = {"da": _AA, "nb": _AA, "nn": _AA, "cs": _CH, "sk": _CH}  # Danish/Norwegian "aa" is the letter å


def contract(text: str, lang: str) -> str:
    """A sort key's letter pairs that the locale's collation reads as one letter, written as that letter."""
    rule = _CONTRACTIONS.get(lang[:2])
    # decomposed: ICU finds "aa" in "aă" too (an a, then an a with a breve: å and a breve)
    return rule[0].sub(rule[1], unicodedata.normalize("NFD", text)) if rule else text


def _ranks(order: str) -> dict[str, float]:
    """Letter weights (relative to _LETTER) from a locale's order: ASCII letters 64 apart in that order (room for
    the root order's extra letters after each, + 1, 2, …), a tailored letter just after the ASCII letter before it,
    or after the last one's extra letters too (CLDR puts Swedish å ä ö at the end of the Latin script: ʒ < å)."""
    ranks: dict[str, float] = {}
    base, step, count = 0.0, 0, 0
    groups = order.split()
    last = max(n for n, group in enumerate(groups) if any("a" <= c <= "z" for c in group))
    for n, group in enumerate(groups):
        ascii_letters = [c for c in group if "a" <= c <= "z"]
        if ascii_letters:
            count += 1
            base, step = count * 64.0, 0
            weight = base
        else:
            step += 1
            weight = base + step / 100 + (50 if n > last else 0)
        ranks.update(dict.fromkeys(group, weight))
    return ranks


_RANKS = {lang: _ranks(order) for lang, order in _TAILORED.items()}
_TH_LANGS = frozenset(("sv", "da", "nb", "nn"))
_ROOT_RANKS = _ranks("abcdefghijklmnopqrstuvwxyz".replace("", " "))


def _ignorable(ch: str) -> bool:
    code = ord(ch)
    if code in _MARKS:
        return False  # a vowel sign or virama (Indic, Thai…): a letter of its own to ICU
    category = unicodedata.category(ch)
    # Co: litsite's markup placeholders (input text has no private-use characters: safety.clean_text)
    return category[0] in "ZP" or category in ("Cc", "Cf", "Co", "Mn", "Me") or code in _IGNORED


def _is_han(code: int) -> bool:
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def _weight(ch: str, ranks: dict[str, float]) -> float | None:
    """The primary weight of one base character (already lower-cased and decomposed) with the letter ranks of a
    locale; None if ignorable."""
    if ch == " ":
        return SEPARATOR
    if "a" <= ch <= "z":
        return _LETTER + ranks[ch]
    if ch.isdigit():
        return DIGIT + unicodedata.digit(ch, 0)
    code = ord(ch)
    if code in _SYMBOL:
        return _SYMBOL[code]
    if _ignorable(ch):
        return None
    if ch in _LATIN:
        letter, n = _LATIN[ch]
        return _LETTER + ranks[letter] + n
    if ch in _SCRIPT:
        return _OTHER + _SCRIPT[ch]
    if code in _PLACE:
        return _OTHER + 10_000 + _PLACE[code]
    if _is_han(code):
        return _HAN + code
    return _OTHER + 100_000 + code  # a character Node's ICU did not know (unassigned): by code point


# CLDR's script reordering in a locale's collation ([reorder …], as Node's ICU has it, checked with Intl.Collator):
# the locale's own script sorts right after digits, before Latin; Japanese puts kana and Han after Latin, before
# Greek. (Han among themselves: zh and ja in their own order, _han_weight; ko has those it reads as their Hangul
# reading, _korean_readings, the others after the Hangul.)
_FIRST = 2000  # a band between digits (DIGIT) and Latin letters (_LETTER)
_AFTER_LATIN = 50000  # a band between Latin letters and the other scripts (_OTHER)
_REORDER = {
    **dict.fromkeys(("ru", "uk", "bg", "sr", "mn"), "Cyrl"),
    "el": "Grek", "he": "Hebr", "ar": "Arab", "fa": "Arab", "zh": "Hani", "ja": "Kana Hani", "ko": "Hang Hani",
}  # fmt: skip


def _span(*blocks: tuple[int, int]) -> tuple[int, int]:
    """The places (in _PLACE) of the letters in some blocks of code points: ICU sorts a script's letters together."""
    places = [p for code, p in _PLACE.items() if any(lo <= code < hi for lo, hi in blocks)]
    return min(places), max(places)


_SPANS = {
    "Hebr": _span((0x0590, 0x0600)),
    "Arab": _span((0x0600, 0x0700), (0x0750, 0x0780)),
    "Kana": _span((0x3041, 0x3100)),
    "Hang": _span((0x1100, 0x1200), (0x3130, 0x3190), (0xA960, 0xA980), (0xD7B0, 0xD800)),
}


def _script(w: float) -> str:
    """The script of a primary weight (of the scripts _REORDER names), or ""."""
    if _OTHER <= w < _OTHER + 1000:
        return "Grek"
    if _OTHER + 1000 <= w < _OTHER + 10_000:
        return "Cyrl"
    place = w - _OTHER - 10_000
    for script, (lo, hi) in _SPANS.items():
        if lo <= place <= hi:
            return script
    return "Hani" if w >= _HAN else ""


def _reordered(w: float, lang: str) -> float:
    """A primary weight moved as the locale's script reordering moves it."""
    script = _script(w) if lang in _REORDER else ""
    if not script or script not in _REORDER[lang].split():
        return w
    if script == "Hani":
        # (Korean: the ideographs it has no reading for, after the Hangul)
        base = _AFTER_LATIN + 10_000 if lang == "ja" else _FIRST + (1000 if lang == "ko" else 0)
        return base + (w - _HAN) / 0x40000 * 5000
    if script == "Kana":
        return _AFTER_LATIN + (w - _OTHER - 10_000 - _SPANS["Kana"][0])
    offset = {"Grek": _OTHER, "Cyrl": _OTHER + 1000}.get(script, _OTHER + 10_000 + _SPANS.get(script, (0, 0))[0])
    return _FIRST + (w - offset)


# The order of the Han ideographs where the locale's collation has one of its own (bench/csl_conformance/
# collation_han.js): Chinese by pinyin, in Taiwan (and Hong Kong, Macao) by strokes, Japanese by reading.
_HAN_ORDERS = {"zh": "zh", "zh-TW": "zh-TW", "zh-HK": "zh-TW", "zh-MO": "zh-TW", "ja": "ja"}


@cache
def _han_places(order: str) -> dict[str, int]:
    """The place of each ideograph in one locale's order (read on first use: 80 kB each)."""
    data = json.loads(Path(__file__).with_name("collation_han.json").read_text(encoding="utf-8"))
    return {ch: n for n, ch in enumerate(data[order])}


@cache
def _korean_readings() -> dict[str, str]:
    """Korean collation's Hangul reading of an ideograph, which it equals at the primary level (房 = 방)."""
    data = json.loads(Path(__file__).with_name("collation_han.json").read_text(encoding="utf-8"))
    return {ch: syllable for syllable, ideographs in data["ko"].items() for ch in ideographs}


def _han_weight(ch: str, lang: str) -> float | None:
    """The primary weight of a Han ideograph in a locale with an order of its own for them, else None."""
    order = _HAN_ORDERS.get(lang[:5]) or _HAN_ORDERS.get(lang[:2])
    if order is None or not _is_han(ord(ch)):
        return None
    places = _han_places(order)
    place = places.get(ch, len(places) + ord(ch) - 0x20000)  # others (Extension B…) after them, by code point
    return _reordered(_HAN + place, lang[:2])


def _tailored_base(low: str, ranks: dict[str, float]) -> str | None:
    """The locale's own letter a letter is that letter with more accents ("ǖ" is Swedish "ü", a "y"), or None."""
    if len(low) != 1 or len(ranks) == len(_ROOT_RANKS):
        return None
    nfd = unicodedata.normalize("NFD", low)
    for end in range(len(nfd) - 1, 0, -1):
        head = unicodedata.normalize("NFC", nfd[:end])
        if head in ranks and not ("a" <= head <= "z"):
            return head
    return None


@cache
def weights(ch: str, lang: str = "") -> tuple[float, ...]:
    """The primary weights of one character as citeproc-js compares it (after lower-casing) in the locale `lang`:
    none when ignorable, several for an expansion ("æ" → a, e)."""
    if ch != " " and ch.isspace():
        return ()  # only U+0020 becomes citeproc-js's separator; NFKD would make other spaces U+0020
    if lang[:2] == "ja" and (ch == "ー" or ch in _ITERATION):
        return (SEPARATOR + (2e-6 if ch == "ー" else 1e-6),)  # not after a kana: symbols just above "|" in ja
    if lang[:2] in ("tr", "az") and ch in "Iİ":
        ch = "ı" if ch == "I" else "i"  # Turkish lower case (toLocaleLowerCase)
    low = ch.lower()
    code = ord(low) if len(low) == 1 else -1
    if code in _SYMBOL_LETTERS:
        return weights(_SYMBOL_LETTERS[code], lang)  # a circled or squared letter
    if code in _SYMBOL:
        return (_SYMBOL[code],)  # before NFKD, which makes a spacing accent (´ ¨ ˘) a space and a mark
    if low == "þ" and lang[:2] in _TH_LANGS:
        return weights("t", lang) + weights("h", lang)  # þ is "th" there, a letter after z in the root order
    ranks = _RANKS.get(lang[:2], _ROOT_RANKS)
    if low in ranks and not ("a" <= low <= "z"):
        return (_LETTER + ranks[low],)  # a letter of its own in this locale (before NFKD takes its accent)
    tailored = _tailored_base(low, ranks)
    if tailored is not None:
        return (_LETTER + ranks[tailored],)
    if low in _SCRIPT and unicodedata.normalize("NFD", low) != low:  # a Greek or Cyrillic letter with a diacritic (й)
        return (_reordered(_OTHER + _SCRIPT[low], lang[:2]),)
    if lang[:2] == "ko" and code >= 0x3400 and low in _korean_readings():
        return weights(_korean_readings()[low], lang)
    han = _han_weight(low, lang) if code >= 0x3400 else None
    if han is not None:
        return (han,)
    if code in _PLACE:  # before NFKD: a letter ICU does not sort as its decomposition (Arabic ؤ = و + hamza)
        return (_reordered(_OTHER + 10_000 + _PLACE[code], lang[:2]),)
    decomposed = unicodedata.normalize("NFKD", low)
    if " " in decomposed:
        decomposed = low  # a spacing accent (´ ¨ ¯ ˘ ˜): ICU weighs it as a symbol, NFKD makes it a space and a mark
    base = []
    for c in decomposed.lower():
        if unicodedata.combining(c) and ord(c) not in _MARKS:
            continue
        base.append(_SPECIAL.get(c, c))
    out = []
    for c in "".join(base) or low:
        w = _weight(c, ranks)
        if w is not None:
            out.append(_reordered(w, lang[:2]))
    return tuple(out)


# Hungarian letters written with two or three (ICU's contractions, each right after its first letter: "cz" < "cs"),
# and their doubled forms ("ccs" is "cs" twice).
_DIGRAPHS = {"hu": ("dzs", "cs", "dz", "gy", "ly", "ny", "sz", "ty", "zs")}
_DIGRAPH_RE = {  # ASCII letters of either case only (re.IGNORECASE would take "ſ" for "s")
    lang: re.compile(
        "|".join("".join(f"[{c}{c.upper()}]" for c in d) for d in [f"{d[0]}{d}" for d in found] + [*found])
    )
    for lang, found in _DIGRAPHS.items()
}


def _with_digraphs(chunk: str, lang: str) -> list[float]:
    """Primary weights of a text in a language with letters of two or three (Hungarian "cs", "dzs")."""
    ranks = _RANKS[lang]
    # an accented s, z or y ends a letter too ("zś" is "zs" and an accent): decomposed, as ICU matches them
    chunk = "".join(
        unicodedata.normalize("NFD", c) if unicodedata.normalize("NFD", c)[0] in "szySZY" else c for c in chunk
    )
    out: list[float] = []
    start = 0
    for found in _DIGRAPH_RE[lang].finditer(chunk):
        out += chain.from_iterable(weights(c, lang) for c in chunk[start : found.start()])
        token = found.group().lower()
        doubled = token[0] == token[1] and token[1:] in _DIGRAPHS[lang]  # "ccs": the letter "cs" twice
        digraph = token[1:] if doubled else token
        step = 0.75 if len(digraph) == 3 else 0.5  # dz, then dzs; both before the root order's extra letters
        out += [_LETTER + ranks[digraph[0]] + step] * (2 if doubled else 1)
        start = found.end()
    out += chain.from_iterable(weights(c, lang) for c in chunk[start:])
    return out


_VOWELS = {"A": "あ", "I": "い", "U": "う", "E": "え", "O": "お"}
_ITERATION = "ゝゞヽヾ"
_SAME_KANA = {"ゝ": "HIRAGANA LETTER", "ゞ": "HIRAGANA LETTER", "ヽ": "KATAKANA LETTER", "ヾ": "KATAKANA LETTER"}


def _kana_vowel(ch: str) -> str | None:
    """The vowel of a kana ("カ" → "あ"), from its Unicode name ("KATAKANA LETTER KA"); None for "ン" and others."""
    name = unicodedata.name(ch, "")  # (one character)
    if not name.startswith(("HIRAGANA LETTER", "KATAKANA LETTER")):
        return None
    return _VOWELS.get(name[-1])


def _japanese_marks(text: str) -> str:
    """Japanese collation's reading of the prolonged sound mark (the vowel of the kana before it: "カー" is "カア")
    and of the iteration marks (the kana before them again: "すゞ" is "すす", voicing being no primary difference);
    elsewhere they are symbols there (weights)."""
    out: list[str] = []
    for n, ch in enumerate(text):
        previous = text[n - 1] if n else ""  # as written: a mark after a mark stays a symbol
        if ch == "ー" and previous and _kana_vowel(previous):
            out.append(_kana_vowel(previous) or ch)
        elif ch in _ITERATION and unicodedata.name(previous or " ", "").startswith(_SAME_KANA[ch]):
            out.append(previous)  # (a hiragana mark after a hiragana, a katakana one after a katakana)
        else:
            out.append(ch)
    return "".join(out)


# Thai and Lao vowels written before their consonant sort after it (ICU root's contractions): "เก" as "กเ"
_PREVOWEL = re.compile("([\u0e40-\u0e44\u0ec0-\u0ec4])([\u0e01-\u0e2e\u0e81-\u0eae])")
_NUMBER = re.compile(r"(\d+)")  # a run of decimal digits of any script (Unicode Nd: 0-9, ٠-٩, ０-９, 𝟎-𝟗…)


def primary(text: str, lang: str = "") -> tuple[float, ...]:
    """The primary weights of a key text in the locale `lang`, runs of decimal digits compared as numbers (Intl's
    numeric option: "Doe2" < "Doe10", "007" = "7", "٣" = "3"), each before any letter, symbol or other digit."""
    out: list[float] = []
    # ICU's order does not depend on how a letter is encoded: "ä" written as a + U+0308 is Finnish ä too
    if lang[:2] in ("tr", "az") and "I" in text:
        # toLocaleLowerCase before the comparison: a written-out I + dot above is "i", any other I "ı" (also with
        # an accent written after it: "I" + U+0302 is "ı̂", while a precomposed "Î" is "î")
        text = text.replace("I\u0307", "i").replace("I", "ı")
    text = _PREVOWEL.sub(r"\2\1", unicodedata.normalize("NFC", text))
    if lang[:2] == "ja" and ("ー" in text or any(c in _ITERATION for c in text)):
        text = _japanese_marks(text)
    for n, chunk in enumerate(_NUMBER.split(text)):
        if n % 2:
            digits = "".join(str(unicodedata.decimal(c)) for c in chunk).lstrip("0") or "0"
            out += [NUMBER, len(digits), *(DIGIT + int(d) for d in digits)]
        elif lang[:2] in _DIGRAPHS:
            out += _with_digraphs(chunk, lang[:2])
        else:
            out += chain.from_iterable(weights(c, lang) for c in chunk)
    return tuple(out)
