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

import re
import unicodedata
from functools import cache

# Letters ICU sorts as others (expansions, and strokes NFKD keeps).
_SPECIAL = {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ħ": "h", "ŀ": "l", "ℏ": "h", "æ": "ae", "œ": "oe", "ß": "ss"}
# Latin letters ICU sorts after an ASCII letter (and before the next), in ICU's order.
_AFTER = {
    "a": "ẚɐɑɒ", "b": "ʙƀɓƃ", "c": "ȼƈɕↄ", "d": "ȸʣʥʤɖɗƌȡẟ", "e": "ɇǝəɛɘɚɜɝɞʚɤ", "f": "ʩƒⅎ",
    "g": "ɡɢǥɠʛɣƣ", "h": "ʜƕɦɧ", "i": "ıɪɨɩ", "j": "ȷɉʝɟʄ", "k": "ƙʞ", "l": "ỻʪʫʟƚɫɬɭȴɮƛʎ", "m": "ɱ",
    "n": "ɴɲƞɳȵŋ", "o": "ɶɔɵɷȣ", "p": "ƥɸ", "q": "ȹʠɋĸ", "r": "ʀɍɹɺɻɼɽɾɿʁ", "s": "ʂȿẜẝʃƪʅʆ",
    "t": "ʨƾʦʧŧƫƭʈȶʇ", "u": "ʉɥʮʯɯɰʊ", "v": "ʋỽʌ", "w": "ʍ", "y": "ʏɏƴỿȝ", "z": "ƍƶȥʐʑɀʒƹƺʓþƿƨƽƅɂ",
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
# Symbols of ASCII and Latin-1 in ICU's order (all below digits); other symbols by their category.
_SYMBOLS = "`´^¯¨¸°©®+±÷×<=>¬|¦~¤¢$£¥"
_SYMBOL_BAND = {"Sk": 100, "So": 300, "Sm": 500, "Sc": 700}
SEPARATOR = 200 + _SYMBOLS.index("|")  # the weight of citeproc-js's "|" (a key's spaces and its end)
DIGIT = 1000  # + the digit; runs of digits compare as numbers (collation_key in fixes/sorting)
_LETTER = 10000
_OTHER = 100000  # other scripts, by code point (roughly ICU's script order)
_HANGUL = _OTHER + 0x3000  # Hangul sorts before kana in ICU, though its code points come after
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
_AA, _CH = (re.compile("aa", re.IGNORECASE), "å"), (re.compile("ch", re.IGNORECASE), CH)
_CONTRACTIONS = {"da": _AA, "nb": _AA, "nn": _AA, "cs": _CH, "sk": _CH}  # Danish/Norwegian "aa" is the letter å


def contract(text: str, lang: str) -> str:
    """A sort key's letter pairs that the locale's collation reads as one letter, written as that letter."""
    rule = _CONTRACTIONS.get(lang[:2])
    return rule[0].sub(rule[1], text) if rule else text


def _ranks(order: str) -> dict[str, float]:
    """Letter weights (relative to _LETTER) from a locale's order: ASCII letters 64 apart in that order (room for
    the root order's extra letters after each, + 1, 2, …), a tailored letter just after the ASCII letter before it."""
    ranks: dict[str, float] = {}
    base, step, count = 0.0, 0, 0
    for group in order.split():
        ascii_letters = [c for c in group if "a" <= c <= "z"]
        if ascii_letters:
            count += 1
            base, step = count * 64.0, 0
            weight = base
        else:
            step += 1
            weight = base + step / 100
        ranks.update(dict.fromkeys(group, weight))
    return ranks


_RANKS = {lang: _ranks(order) for lang, order in _TAILORED.items()}
_TH_LANGS = frozenset(("sv", "da", "nb", "nn"))
_ROOT_RANKS = _ranks("abcdefghijklmnopqrstuvwxyz".replace("", " "))


def _ignorable(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "ZP" or category in ("Cc", "Cf", "Co", "Mn", "Me")  # Co: our markup placeholders


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
        return DIGIT + (int(ch) if ch.isascii() else 0)
    if _ignorable(ch):
        return None
    code = ord(ch)
    if ch in _LATIN:
        letter, n = _LATIN[ch]
        return _LETTER + ranks[letter] + n
    if ch in _SCRIPT:
        return _OTHER + _SCRIPT[ch]
    category = unicodedata.category(ch)
    if category[0] == "S":
        return 200 + _SYMBOLS.index(ch) if ch in _SYMBOLS else _SYMBOL_BAND.get(category, 300) + code / 0x110000
    if _is_han(code):
        return _HAN + code
    if 0x30A1 <= code <= 0x30F6:  # katakana = hiragana at the primary level
        code -= 0x60
    if 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xAC00 <= code <= 0xD7AF:
        return _HANGUL + code / 0x110000
    return _OTHER + 10_000 + code


# CLDR's script reordering in a locale's collation ([reorder …], as Node's ICU has it, checked with Intl.Collator):
# the locale's own script sorts right after digits, before Latin; Japanese puts kana and Han after Latin, before
# Greek. (Han among themselves keep the root order here: ja, zh and ko order them by reading or strokes.)
_FIRST = 2000  # a band between digits (DIGIT) and Latin letters (_LETTER)
_AFTER_LATIN = 50000  # a band between Latin letters and the other scripts (_OTHER)
_REORDER = {
    **dict.fromkeys(("ru", "uk", "bg", "sr", "mn"), "Cyrl"),
    "el": "Grek", "he": "Hebr", "ar": "Arab", "fa": "Arab", "zh": "Hani", "ja": "Kana Hani",
}  # fmt: skip


def _script(w: float) -> str:
    """The script of a primary weight (of the scripts _REORDER names), or ""."""
    if _OTHER <= w < _OTHER + 1000:
        return "Grek"
    if _OTHER + 1000 <= w < _OTHER + 10_000:
        return "Cyrl"
    code = w - _OTHER - 10_000
    if 0x0590 <= code < 0x0600:
        return "Hebr"
    if 0x0600 <= code < 0x0700 or 0x0750 <= code < 0x0780:
        return "Arab"
    if 0x3041 <= code < 0x30A0:
        return "Kana"
    return "Hani" if w >= _HAN else ""


def _reordered(w: float, lang: str) -> float:
    """A primary weight moved as the locale's script reordering moves it."""
    script = _script(w) if lang in _REORDER else ""
    if not script or script not in _REORDER[lang].split():
        return w
    if script == "Hani":
        base = _AFTER_LATIN + 10_000 if lang == "ja" else _FIRST
        return base + (w - _HAN) / 0x40000 * 5000
    if script == "Kana":
        return _AFTER_LATIN + (w - _OTHER - 10_000 - 0x3000)
    offset = {"Grek": _OTHER, "Cyrl": _OTHER + 1000}.get(script, _OTHER + 10_000 + 0x0590)
    return _FIRST + (w - offset)


@cache
def weights(ch: str, lang: str = "") -> tuple[float, ...]:
    """The primary weights of one character as citeproc-js compares it (after lower-casing) in the locale `lang`:
    none when ignorable, several for an expansion ("æ" → a, e)."""
    if ch != " " and ch.isspace():
        return ()  # only U+0020 becomes citeproc-js's separator; NFKD would make other spaces U+0020
    if lang[:2] in ("tr", "az") and ch in "Iİ":
        ch = "ı" if ch == "I" else "i"  # Turkish lower case (toLocaleLowerCase)
    low = ch.lower()
    if low == "þ" and lang[:2] in _TH_LANGS:
        return weights("t", lang) + weights("h", lang)  # þ is "th" there, a letter after z in the root order
    ranks = _RANKS.get(lang[:2], _ROOT_RANKS)
    if low in ranks and not ("a" <= low <= "z"):
        return (_LETTER + ranks[low],)  # a letter of its own in this locale (before NFKD takes its accent)
    base = []
    for c in unicodedata.normalize("NFKD", low).lower():
        if unicodedata.combining(c):
            continue
        base.append(_SPECIAL.get(c, c))
    out = []
    for c in "".join(base) or low:
        w = _weight(c, ranks)
        if w is not None:
            out.append(_reordered(w, lang[:2]))
    return tuple(out)
