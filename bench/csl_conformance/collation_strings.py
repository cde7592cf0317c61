"""Strings for the collation differential test (collation_fuzz.py): character classes, random strings over them,
mutants of real sort keys.

Every class names characters whose collation (ICU through Intl.Collator, base strength, ignorePunctuation, numeric,
after toLocaleLowerCase) a table model can get wrong. litsite's own private-use marks (U+E100–U+E1FF) are never
generated: they are not text (fixes/sorting strips or ignores them).
"""

from __future__ import annotations

import random
import unicodedata

CLASSES: dict[str, str] = {
    "ascii": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "digits": "0123456789",
    "digit-forms": "¹²³⁴⁰₁₂０１２９٠١٢٣٩۰۱۲०१२৩๑①②⑴⒈½¼⅓ⅫⅣⅷ𝟎𝟏𝟙",
    "punctuation": ".,;:!?-–—‐‑'\"“”‘’‚„«»‹›()[]{}/\\#%&*@§¶·•…†‡_¡¿、。「」『』〈〉・",
    "symbols": "$€£¥¢¤+=<>|~^`´¨¯¸©®°±×÷¬¦µ→←∞√∑≤≥™℃№℗♥★✓⌘",
    "spaces": " \u00a0\u2009\u202f\u3000\u2002\u2003\u200a\t\n\u200b\u200c\u200d\u2060\ufeff\u00ad",
    "combining": "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u030a\u030b\u030c\u0327\u0328\u0323\u0331\u0338",
    "precomposed": "àáâãäåāăąçćčďèéêëēėęěğģìíîïīįıķĺļľñńņňòóôõöøōőŕřśşšţťùúûüūůűųýÿźżžǎǐǒǔǖ",
    "special-latin": "ßẞæÆœŒøØłŁđĐðÐħĦþÞŋŊĸſƒǝəɛɔʃʒȝƿ",
    "compatibility": "ﬁﬂﬀﬃﬆĳĲǆǅǄŉ㎏™℃№ℓℌℍℕ①ⓐ⒜ｆｕｌｌᵃᵇᶜªº",
    "case-special": "İIıiẞßΣσςǅǈǋΐΰŉǰ",
    "greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΑΒΓΔΩϐϑϕϖϰϱϲ",
    "cyrillic": "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЙІЇЄҐіїєґўђјљњћџѓќ",
    "armenian": "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆԱԲԳ",
    "georgian": "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    "hebrew": "אבגדהוזחטיכךלמםנןסעפףצץקרשת\u05b0\u05b4\u05bc",
    "arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى\u064b\u064e\u0650ﻻ",
    "devanagari": "अआइईउऊएऐओऔकखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह\u093e\u093f\u0940\u094d\u0902",
    "thai": "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮะาเแโใไ\u0e31\u0e34\u0e48",
    "kana": "あいうえおかきくけこがぎさしすせそたちつてとなにぬねのはばぱまやゆよらりるれろわをん"
    "アイウエオカガキサタナハパマヤラワンヴーゝヽ",
    "hangul": "가각간갇갈감갑강개거고구그기나다라마바사아자차카타파하힣ᄀᄁ나ᅢᆨㄱㄴㅏㅐ",
    "han": "中文日本語漢字人大小山川田一二三四五東京北京學学國国書书龍龙𠀀𪚥",
    "emoji": "😀😂👍🏽❤️✨🎉🔥👨‍👩‍👧🇩🇪",
    "astral": "𝑥𝑦𝐀𝐁𝔄𝔅𝒜𝓐𝕏𐐀𐐨𐌰",
    "private-use": "\ue000\ue0ff\ue200\uf000\uf8ff\U000f0000\U00100000",
    "control": "\x01\x02\x07\x1b\x7f\x85\x9f",
    "tailored": "åäöÅÄÖąćęłńóśźżčřšžůçğışüőűñõ",
    "digraphs": ["ch", "Ch", "CH", "cz", "dz", "dzs", "gy", "ly", "ny", "sz", "ty", "zs", "aa", "Aa", "ij", "ll", "rr"],
}  # fmt: skip
CLASS_NAMES = list(CLASSES)


def pick(rng: random.Random, name: str) -> str:
    """One character (or digraph) of a class."""
    return rng.choice(list(CLASSES[name]) if isinstance(CLASSES[name], str) else CLASSES[name])


def random_text(rng: random.Random, name: str) -> str:
    """A short key: words of ASCII letters, digits and characters of class `name`, separated by spaces."""
    words = []
    for _ in range(rng.randint(1, 3)):
        word = []
        for _ in range(rng.randint(1, 5)):
            roll = rng.random()
            if roll < 0.5:
                word.append(pick(rng, name))
            elif roll < 0.85:
                word.append(pick(rng, "ascii"))
            else:
                word.append(pick(rng, "digits") * rng.choice((1, 1, 2, 17)))
        words.append("".join(word))
    return " ".join(words)


def numeric_text(rng: random.Random) -> str:
    """A key in which runs of digits decide: leading zeros, long runs (> 2^53), decimals, digits next to letters."""
    parts = []
    for _ in range(rng.randint(1, 3)):
        roll = rng.random()
        if roll < 0.3:
            parts.append("0" * rng.randint(0, 3) + str(rng.randint(0, 120)))
        elif roll < 0.45:
            parts.append(str(rng.randint(10**15, 10**22)))
        elif roll < 0.65:
            parts.append(f"{rng.randint(0, 12)}{rng.choice('.,:/-')}{rng.choice(('5', '10', '05', '50', '1'))}")
        elif roll < 0.85:
            parts.append(
                rng.choice(("x", "A", "vol", "no", "b", "é")) + str(rng.randint(0, 30)) + rng.choice(("", "a", "b"))
            )
        else:
            parts.append(pick(rng, "digit-forms") + str(rng.randint(0, 9)))
    return rng.choice((" ", "", "-", ", ")).join(parts)


def mutate(rng: random.Random, text: str, name: str) -> str:
    """`text` with one change: a character of class `name` inserted or replacing one, a character deleted, the case
    changed, the text decomposed (NFD) or compatibility-folded (NFKC), or the digits changed."""
    chars = list(text)
    where = rng.randint(0, len(chars))
    roll = rng.random()
    if roll < 0.35 or not chars:
        chars.insert(where, pick(rng, name))
    elif roll < 0.6:
        chars[min(where, len(chars) - 1)] = pick(rng, name)
    elif roll < 0.7:
        del chars[min(where, len(chars) - 1)]
    elif roll < 0.8:
        return text.swapcase() if rng.random() < 0.5 else text.upper()
    elif roll < 0.87:
        return unicodedata.normalize(rng.choice(("NFD", "NFKC", "NFKD")), text)
    else:
        return "".join(str(rng.randint(0, 9)) if c.isdigit() and rng.random() < 0.5 else c for c in text)
    return "".join(chars)


def real_pairs(rng: random.Random, keys: list[str], count: int) -> list[tuple[str, str, str]]:
    """Pairs from real sort keys: two keys, or a key and its mutant (a character of a random class)."""
    out = []
    for _ in range(count):
        a = rng.choice(keys)
        if rng.random() < 0.3:
            out.append(("real", a, rng.choice(keys)))
        else:
            name = rng.choice(CLASS_NAMES)
            out.append((f"real+{name}", a, mutate(rng, a, name)))
    return out


def random_pairs(rng: random.Random, count: int) -> list[tuple[str, str, str]]:
    """Pairs of random strings: of one class, a string and its mutant, or numeric keys."""
    out = []
    for _ in range(count):
        name = rng.choice([*CLASS_NAMES, "numeric"])
        if name == "numeric":
            a = numeric_text(rng)
            b = numeric_text(rng) if rng.random() < 0.5 else mutate(rng, a, "digits")
        else:
            a = random_text(rng, name)
            b = random_text(rng, name) if rng.random() < 0.3 else mutate(rng, a, name)
        out.append((name, a, b))
    return out
