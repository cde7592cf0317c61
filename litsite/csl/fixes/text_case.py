"""CSL 1.0.2 text-case (title, sentence, capitalize-*, lower/upper) that respects nocase spans and works on labels.

Rules: title case capitalizes lower-case words except stop words (unless first or after a colon), each part of a
hyphenated or slashed word, and the first letter after leading quotes; words with capitals are left alone.
Applies to cs:text, cs:label, cs:number, cs:date-part and cs:name-part; title case only for English items.
"""

from __future__ import annotations

import re

from citeproc.string import MixedString, NoCase, String

from litsite.csl.elements import extend
from litsite.csl.markup import PLACEHOLDERS

_STOP = (
    "a an and as at but by down for from in into nor of on onto or over so the till to up via with yet "
    "about above across after against along among around before behind below beneath beside between beyond "
    "during except inside like near off out per since than through toward towards under until upon versus vs "
    "within without"
)
STOP_WORDS = frozenset(_STOP.split())
_WORD = re.compile(r"[^\s\-/]+|[\s\-/]+")


def _segments(text: object) -> list[tuple[str, bool]]:
    """(text, protected) runs of a citeproc-py string."""
    if isinstance(text, MixedString):
        return [(str(s), isinstance(s, NoCase)) for s in text]
    return [(str(text), isinstance(text, NoCase))]


def _rebuild(chars: list[tuple[str, bool]]) -> MixedString | String:
    out = MixedString()
    run: list[str] = []
    prot = None
    for ch, p in chars:
        if prot is not None and p != prot:
            out = out + (NoCase("".join(run)) if prot else String("".join(run)))
            run = []
        run.append(ch)
        prot = p
    if run:
        out = out + (NoCase("".join(run)) if prot else String("".join(run)))
    return out


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
        _upper_at(chars, _first_letter(chars, 0, len(chars)))
    elif case == "sentence":
        if plain.upper() == plain:
            chars = [(ch if p else ch.lower(), p) for ch, p in chars]
        _upper_at(chars, _first_letter(chars, 0, len(chars)))
    elif case in ("title", "capitalize-all"):
        _title(chars, plain, case == "title")
    else:
        return text
    return _rebuild(chars)


def _title(chars: list[tuple[str, bool]], plain: str, title: bool) -> None:
    first = True
    after_colon = False
    for match in _WORD.finditer(plain):
        token = match.group()
        if token[0].isspace() or token[0] in "-/":
            continue
        core = "".join(c for c in token if c not in PLACEHOLDERS).strip("\"'“”‘’([{.,;:!?)]}")
        lower = core.lower() == core
        before = plain[match.start() - 1] if match.start() else " "
        after = plain[match.end()] if match.end() < len(plain) else " "
        compound = before in "-/" or (after in "-/" and match.end() + 1 < len(plain) and plain[match.end() + 1] != " ")
        if lower and (not title or first or after_colon or compound or core not in STOP_WORDS):
            _upper_at(chars, _first_letter(chars, match.start(), match.end()))
        first = False
        stripped = token.rstrip("\"'”’)]}" + "".join(PLACEHOLDERS))
        after_colon = stripped.endswith((":", "?", "!", "—"))


class TextCased:
    """cs:* elements with text-case: our implementation, tolerant of plain str values."""

    def case(self, text: object, language: str | None = None) -> object:
        """Apply the element's text-case attribute."""
        case = self.get("text-case")
        if case is None or not text:
            return text
        if case == "title" and language not in (None, "", "en"):
            return text
        return apply_case(text, case)


for _tag in ("text", "label", "number", "date-part", "name-part"):
    extend(_tag)(type(f"TextCased_{_tag.replace('-', '_')}", (TextCased,), {}))
