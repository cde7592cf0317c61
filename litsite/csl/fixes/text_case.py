"""CSL 1.0.2 text-case (title, sentence, capitalize-*, lower/upper) that respects nocase spans and works on labels.

Rules: title case capitalizes lower-case words except stop words (unless first or after a colon), each part of a
hyphenated or slashed word, and the first letter after leading quotes; words with capitals are left alone.
Applies to cs:text, cs:label, cs:number, cs:date-part and cs:name-part; title case only for English items.
"""

from __future__ import annotations

import re

from citeproc.string import MixedString, NoCase, String

from litsite.csl.elements import extend
from litsite.csl.markup import PLACEHOLDERS, QC, QIS, QOS, QUOTE_OPENS

# citeproc-js's stop words (CSL.SKIP_WORDS, single words)
_STOP = (
    "about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around "
    "as aside astride at athwart atop barring before behind below beneath beside besides between beyond but by circa "
    "despite down during et except for forenenst from given in inside into lest like modulo near next "
    "notwithstanding of off on onto out over per plus pro qua sans since than through thru throughout thruout till "
    "to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or "
    "yet so and nor a an the de d' von van c ca"
)
STOP_WORDS = frozenset(_STOP.split()) | frozenset(w.rstrip(".") for w in _STOP.split())
_WORD = re.compile(r"[^\s\-/.\u2013\u2014]+|[\s\-/.\u2013\u2014]+")
_SINGLE_OPENING = frozenset("'") | {QIS, QOS}
_GREEK = re.compile("^[\u0370-\u03ff]$")


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
        first = _WORD.search(plain)
        if first and first.group().lower() == first.group():  # "arXiv", "iPhone" stay as they are (citeproc-js)
            _upper_at(chars, _first_letter(chars, 0, len(chars)))
    elif case == "sentence":
        chars = _sentence(chars, plain)
    elif case in ("title", "capitalize-all"):
        _title(chars, plain, case == "title")
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


def _closed_before_word(plain: str, start: int) -> bool:
    """Whether the quote open at `start` closes before a further word (then citeproc-js keeps the case of the word
    after the opening quote); a quote closed before punctuation or at the end is title-cased as usual."""
    depth = 0
    for j in range(start, len(plain)):
        if plain[j] in QUOTE_OPENS:
            depth += 1
        elif plain[j] == QC:
            depth -= 1
            if depth <= 0:
                rest = plain[j + 1 :]
                return rest[:1].isspace() and bool(rest.strip())
    return False


def _title(chars: list[tuple[str, bool]], plain: str, title: bool) -> None:
    """Title case as citeproc-js does it: words split at spaces, hyphens, slashes, dashes and periods; a lower-case
    word is capitalized unless it is a stop word or a single letter (the first word, a word after a colon and a
    first part of a hyphenated word is), never right after an opening straight single
    quote closed before another word, never a lone Greek
    letter; a stop word ending the title is capitalized."""
    first = True
    after_colon = False
    last: tuple[int, int, str] | None = None
    for match in _WORD.finditer(plain):
        token = match.group()
        if token[0].isspace() or token[0] in "-/.\u2013\u2014":
            continue
        core = "".join(c for c in token if c not in PLACEHOLDERS).strip("\"'“”‘’([{.,;:!?)]}")
        lower = core.lower() == core
        after = plain[match.end()] if match.end() < len(plain) else " "
        before = plain[match.start() - 1] if match.start() else " "
        lead = token[: len(token) - len(token.lstrip("\"'“‘([{" + "".join(PLACEHOLDERS)))]
        # after an opening straight single quote citeproc-js keeps the word's case
        quoted = any(c in _SINGLE_OPENING for c in lead) and _closed_before_word(plain, match.start())
        single = len(core) == 1
        if not title or first or after_colon:
            wanted = True
        elif after == "-" and before != "-":
            wanted = True  # the first part of a hyphenated word ("X-Ray", "Up-to-Date")
        else:
            wanted = not single and core not in STOP_WORDS
        letter = _first_letter(chars, match.start(), match.end())
        protected = letter is not None and chars[letter][1]
        if lower and wanted and not quoted and not (single and _GREEK.match(core)):
            _upper_at(chars, letter)
        if core:
            last = None if protected else (match.start(), match.end(), core)
        first = False
        stripped = token.rstrip("\"'”’)]}" + "".join(PLACEHOLDERS))
        after_colon = stripped.endswith((":", "?", "!", "—"))
    if title and last and len(last[2]) > 1 and last[2] in STOP_WORDS and last[2].lower() == last[2]:
        _upper_at(chars, _first_letter(chars, last[0], last[1]))


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
