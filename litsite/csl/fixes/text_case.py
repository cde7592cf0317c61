"""CSL 1.0.2 text-case (title, sentence, capitalize-*, lower/upper) that respects nocase spans and works on labels.

Rules: title case capitalizes lower-case words except stop words (unless first or after a colon), each part of a
hyphenated or slashed word, and the first letter after leading quotes; words with capitals are left alone.
Applies to cs:text, cs:label, cs:number, cs:date-part and cs:name-part; title case only for English items.
"""

from __future__ import annotations

import re

from citeproc.string import MixedString, NoCase, String

from litsite.csl.elements import extend
from litsite.csl.fixes.title_case import title_case
from litsite.csl.markup import PLACEHOLDERS

_WORD = re.compile(r"[^\s\-/.\u2013\u2014]+|[\s\-/.\u2013\u2014]+")


def _segments(text: object) -> list[tuple[str, bool]]:
    """(text, protected) runs of a citeproc-py string."""
    if isinstance(text, MixedString):
        return [(str(s), isinstance(s, NoCase)) for s in text]
    return [(str(text), isinstance(text, NoCase))]


def _rebuild(chars: list[tuple[str, bool]]) -> MixedString | String:
    out: list[String] = []  # a list: MixedString "+" would drop a space at a seam ("B " + " on")
    run: list[str] = []
    prot = None
    for ch, p in chars:
        if prot is not None and p != prot:
            out.append(NoCase("".join(run)) if prot else String("".join(run)))
            run = []
        run.append(ch)
        prot = p
    if run:
        out.append(NoCase("".join(run)) if prot else String("".join(run)))
    return MixedString(out)


def _first_letter(chars: list[tuple[str, bool]], start: int, end: int) -> int | None:
    for i in range(start, end):
        ch = chars[i][0]
        if ch.isalpha():
            return i
        if ch.isdigit():
            return None
    return None


def _upper_at(chars: list[tuple[str, bool]], i: int | None) -> None:
    if i is not None and not chars[i][1]:
        chars[i] = (chars[i][0].upper(), False)


def apply_case(text: object, case: str) -> object:
    """Apply a CSL text-case to a citeproc-py string (or plain str), leaving nocase parts alone."""
    if not text or not isinstance(text, str | MixedString):
        return text
    chars = [(ch, p) for seg, p in _segments(text) for ch in seg]
    plain = "".join(ch for ch, _ in chars)
    if case == "lowercase":
        chars = [(ch if p else ch.lower(), p) for ch, p in chars]
    elif case == "uppercase":
        chars = [(ch if p else ch.upper(), p) for ch, p in chars]
    elif case == "capitalize-first":
        first = _WORD.search(plain)
        if first and first.group().lower() == first.group():  # "arXiv", "iPhone" stay as they are (citeproc-js)
            _upper_at(chars, _first_letter(chars, 0, len(chars)))
    elif case == "sentence":
        chars = _sentence(chars, plain)
    elif case in ("title", "capitalize-all"):
        chars = title_case(chars, plain, case == "title")
    else:
        return text
    return _rebuild(chars)


_SEPARATORS = "".join(PLACEHOLDERS) + "\\s\\-\u2013\u2014/.,;?!:\\[\\]()\"'\u2018\u2019\u201c\u201d"
_SENTENCE_WORD = re.compile(f"[^{_SEPARATORS}]+")


def _sentence(chars: list[tuple[str, bool]], plain: str) -> list[tuple[str, bool]]:
    """Sentence case as citeproc-js does it: the first word's first letter upper-cased (the rest of that word as
    written), every other word lower-cased; a first word inside a nocase span stays as it is."""
    out = [(ch if p else ch.lower(), p) for ch, p in chars]
    first = _SENTENCE_WORD.search(plain)
    if first and not chars[first.start()][1]:
        out[first.start() : first.end()] = chars[first.start() : first.end()]
        _upper_at(out, first.start())
    return out


class TextCased:
    """cs:* elements with text-case: our implementation, tolerant of plain str values."""

    def case(self, text: object, language: str | None = None) -> object:
        """Apply the element's text-case attribute."""
        case = self.get("text-case")
        if case is None or not text:
            return text
        if case == "title" and language and not language.lower().startswith("en"):
            return text  # citeproc-js title-cases English items only (the item's language, else the locale's)
        return apply_case(text, case)


for _tag in ("text", "label", "number", "date-part", "name-part"):
    extend(_tag)(type(f"TextCased_{_tag.replace('-', '_')}", (TextCased,), {}))
