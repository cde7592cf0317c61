"""CSL 1.0.2 text-case (title, sentence, capitalize-*, lower/upper) that respects nocase spans and works on labels.

Rules: title case capitalizes lower-case words except stop words (unless first or after a colon), each part of a
hyphenated or slashed word, and the first letter after leading quotes; words with capitals are left alone.
Applies to cs:text, cs:label, cs:number, cs:date-part and cs:name-part; title case only for English items.
"""

from __future__ import annotations

import re

from citeproc.string import MixedString, NoCase, String

from litsite.csl.elements import extend
from litsite.csl.fixes.number_text import case_pieces as number_pieces
from litsite.csl.fixes.number_text import honorary_label
from litsite.csl.fixes.title_case import CaseLanguage, title_case
from litsite.csl.markup import HOLD

# citeproc-js's strip-periods: a period goes unless a lower-case ASCII letter follows it ("Pastebin.com", "LWN.net"
# keep theirs; "J. Am." and "Pastebin.Com" lose them)
_STRIPPED = re.compile(r"\.([^a-z]|$)")


def _stripped(text: str) -> str:
    """The text without the periods strip-periods takes (a field's own ".." is one match, as in citeproc-js)."""
    return _STRIPPED.sub(r"\1", text.replace("." + HOLD + ".", ".."))


_MODES = {"title": "title", "capitalize-all": "all", "capitalize-first": "first", "sentence": "sentence"}
# the number variables citeproc-js reads with processNumber (fixes/numbers.NUMBER_VARIABLES and page)
NUMBER_VARIABLES = frozenset(
    "issue volume number chapter-number collection-number edition number-of-pages number-of-volumes section "
    "locator page".split()
)


def _segments(text: object) -> list[tuple[str, bool]]:
    """(text, protected) runs of a citeproc-py string."""
    if isinstance(text, MixedString):
        return [(str(s), isinstance(s, NoCase)) for s in text]
    return [(str(text), isinstance(text, NoCase))]


def _rebuild(chars: list[tuple[str, bool]]) -> MixedString | String:
    """The runs joined as they are (MixedString's + would normalize the seams: "Based " + " on" is two spaces)."""
    out: list[String] = []
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


# Turkish and Azerbaijani case their dotted and dotless i apart (citeproc-js cases with the item's language)
_DOTTED_UPPER = str.maketrans({"i": "İ"})
_DOTTED_LOWER = str.maketrans({"I": "ı", "İ": "i"})


def apply_case(text: object, case: str, language: str | None = None) -> object:
    """Apply a CSL text-case to a citeproc-py string (or plain str), leaving nocase parts alone; `language`: the
    item's two-letter language, for the letters whose case depends on it."""
    if not text or not isinstance(text, str | MixedString):
        return text
    chars = [(ch, p) for seg, p in _segments(text) for ch in seg]
    plain = "".join(ch for ch, _ in chars)
    dotted = language in ("tr", "az")

    def lower(text: str) -> str:
        return (text.translate(_DOTTED_LOWER) if dotted else text).lower()

    def upper(text: str) -> str:
        return (text.translate(_DOTTED_UPPER) if dotted else text).upper()

    if case == "lowercase":
        chars = [(ch if p else lower(ch), p) for ch, p in chars]
    elif case == "uppercase":
        chars = [(ch if p else upper(ch), p) for ch, p in chars]
    elif case in _MODES:
        # "arXiv", "iPhone" stay as they are under capitalize-first (citeproc-js)
        chars = title_case(chars, plain, mode=_MODES[case], lower=lower, upper=upper)
    else:
        return text
    return _rebuild(chars)


class TextCased:
    """cs:* elements with text-case: our implementation, tolerant of plain str values."""

    def case(self, text: object, language: str | None = None) -> object:
        """Apply the element's text-case attribute, then its strip-periods (citeproc-js's order: "Pastebin.com"
        under title case and strip-periods is "PastebinCom")."""
        text = self._cased(text, language)
        if self.get("strip-periods", "false").lower() != "true" or not isinstance(text, str | MixedString):
            return text
        if isinstance(text, MixedString):
            return MixedString([type(piece)(_stripped(str(piece))) for piece in text])
        return type(text)(_stripped(text)) if isinstance(text, String) else _stripped(text)

    def _cased(self, text: object, language: str | None = None) -> object:
        case = self.get("text-case")
        if case is None or not text or "macro" in self.attrib:
            return text  # citeproc-js makes a cs:text macro= a group, and a group's text-case does nothing
        gated = language and not isinstance(language, CaseLanguage)
        if case == "title" and gated and not language.lower().startswith("en"):
            return text  # citeproc-js title-cases English items only (the item's language, else the locale's)
        if not language:  # a label, number, date part, name part: the locale's letters (citeproc-js: the item's first)
            language = str(getattr(self.get_root(), "litsite_lang", None) or "")  # type: ignore[attr-defined]
        lang = language.lower()[:2] if language else None
        plain = not isinstance(text, MixedString) or not any(isinstance(piece, NoCase) for piece in text)
        if self.get("variable") in NUMBER_VARIABLES and (case in _MODES or case == "uppercase") and plain:
            # citeproc-js cases a number variable piece by piece (processNumber's pieces: "ninth printing, Tenth")
            parts = number_pieces(str(text))
            for i in range(0, len(parts), 2):
                label = honorary_label(parts[i]) if i else None  # a value's leading label stays as written
                head, rest = label or ("", parts[i])
                parts[i] = head + (str(apply_case(rest, case, lang)) if rest else "")
            return String("".join(parts))
        return apply_case(text, case, lang)

    def strip_periods(self, string: object) -> object:
        """Nothing yet: case() strips the periods after the text-case, as citeproc-js does."""
        return string


for _tag in ("text", "label", "number", "date-part", "name-part"):
    extend(_tag)(type(f"TextCased_{_tag.replace('-', '_')}", (TextCased,), {}))
