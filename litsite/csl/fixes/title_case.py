"""Title case, capitalize-all, capitalize-first and sentence case as citeproc-js's text-case engine
(CSL.Output.Formatters) applies them.

The text is split into strings at tags: quotes, the punctuation - – — / . , ; ? ! : [ ] ( ), markup (italics,
superscript, …) and the edges of nocase spans; a typed apostrophe inside a word starts a new string (citeproc-js's
Doppeler joins a "'" tag to the string after it), so "l'homme" is the words "l" and "'homme". Strings are split into
words at spaces only (sentence case: at U+0020 only). In title case a word written in lower case is capitalized
when it has more than one letter and is not a stop word, or when it is the first word, or follows a tag ending in
! ? or :; a lone Greek letter never is. A stop word ending the text is capitalized. Capitalize-first capitalizes the
first word if it is all lower case; sentence case capitalizes the first word's first letter and lower-cases every
other word. In every mode a word right after a quote that closes nothing keeps its first character as written
(citeproc-js restores it), and so does the word after a quote left open.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from litsite.csl.markup import APOS, AQC, AQO, PLACEHOLDERS, QC, QIS, QOS, QUOTE_OPENS

# citeproc-js's CSL.SKIP_WORDS, joined into its regular expression as it does (so "v." also matches "va")
_SKIP = (
    "about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around "
    "as aside astride at athwart atop barring before behind below beneath beside besides between beyond but by circa "
    "despite down during et except for forenenst from given in inside into lest like modulo near next "
    "notwithstanding of off on onto out over per plus pro qua sans since than through throughout thruout till "
    "to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or "
    "yet so and nor a an the de d' von van c ca"
)
# citeproc-js's skip-words-regexp, searched anywhere in a word: a "word" (split at spaces only) holding a tab or a
# line break is a stop word when a stop word follows the break ("right\tto") or starts it ("to\nexplanation")
_JS_SPACE = "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_SKIP_RE = re.compile(f"(?:(?:[?!:]*{_JS_SPACE}+|-|^)(?:" + "|".join(_SKIP.split()) + f")(?=[!?:]*{_JS_SPACE}+|-|\\Z))")
_PUNCT_TAGS = frozenset("-\u2013\u2014/.,;?!:[]()")
_QUOTE_TAGS = frozenset("\u2018\u2019\u201c\u201d\"'")
_OPENERS = QUOTE_OPENS | {"\u2018", "\u201c", AQO}
# citeproc-js's quoteParams: a quote closes only with its own closer ("“…"" leaves the “ open); a matched pair is
# placeholders by now, closed by QC
_CLOSERS = {"\u201c": ("\u201d",), "\u2018": ("\u2019",)}
_WORD_SPACE = re.compile("[^\u00a0\u0020\u2000-\u200b\u205f\u3000]+")
_SENTENCE_WORD = re.compile("[^ ]+")  # sentence case splits words at U+0020 only (str.split(" "))
_GREEK = re.compile("^[\u0370-\u03ff]$")
_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")


# citeproc-js's MULTI_FIELDS: only these variables skip title case for an item that is not in English (and the
# newer titles, as the CSL test suite's textcase_TitleCaseWithVolumeTitle has it); macros, terms, other variables
# are title-cased whatever the item's language
LANGUAGE_GATED = frozenset(
    "event publisher publisher-place event-place title container-title collection-title authority genre title-short "
    "medium country jurisdiction archive archive-place event-title original-title part-title reviewed-title "
    "volume-title".split()
)


class CaseLanguage(str):
    """The language whose rules case an item's letters (the Turkish dotted and dotless i), for text whose title case
    does not depend on a language: citeproc-js cases with toLocaleUpperCase(tmp.lang_array), the item's language
    first, then the locale's (CSL.citeStart)."""


def item_language(value: object) -> str | None:
    """The two-letter language an item's `language` names, lower-cased; of "en>de" (translated from English into
    German) the translation's, of "de<en" the first, as citeproc-js reads them; None when there is none."""
    text = str(value or "")
    if not text:
        return None
    pair = re.match(r"(.*?)([<>])(.*)", text)
    if pair:
        text = pair.group(1) if pair.group(2) == "<" else pair.group(3)
    code = re.match("[a-zA-Z]{2}", text)
    return code.group().lower() if code else "tlh"  # citeproc-js: a language it cannot read is not English


def _is_tag(ch: str) -> bool:
    return ch in _PUNCT_TAGS or ch in _QUOTE_TAGS or ch in PLACEHOLDERS


def _tokens(chars: list[tuple[str, bool]]) -> list[tuple[bool, int, int]]:
    """(is_tag, start, end) runs: each tag character alone, strings between them split where protection changes."""
    out: list[tuple[bool, int, int]] = []
    start = None
    for i, (ch, prot) in enumerate(chars):
        if _is_tag(ch):
            if start is not None:
                out.append((False, start, i))
                start = None
            out.append((True, i, i + 1))
        elif start is not None and (prot != chars[start][1] or ch == APOS):
            out.append((False, start, i))
            start = i
        elif start is None:
            start = i
    if start is not None:
        out.append((False, start, len(chars)))
    return out


def _capitalise(chars: list[tuple[str, bool]], i: int, word: str, upper: Callable[[str], str] = str.upper) -> None:
    """Upper-case a word's first letter as citeproc-js's _capitalise does: after leading white space, and without a
    line break ending the word (its regular expression's `.` stops there; citeproc-js also drops letters after a
    break inside a word, which we keep: that would be text lost)."""
    lead = len(word) - len(word.lstrip())
    if lead >= len(word) or chars[i + lead][1] or _GREEK.match(word):
        return
    first = i + lead
    chars[first] = (upper(chars[first][0]), False)
    brk = _LINE_BREAK.search(word, lead + 1)
    if brk and not word[brk.end() :].strip():  # the break ends the word: dropped, as citeproc-js drops it
        for j in range(i + brk.start(), i + len(word)):
            chars[j] = ("", chars[j][1])


class _State:
    """The engine's state while walking the strings (citeproc-js's config)."""

    def __init__(self, mode: str, lower: Callable[[str], str], upper: Callable[[str], str]) -> None:
        self.title = mode == "title"
        self.mode = mode
        self.lower = lower
        self.upper = upper
        self.first = True
        self.after_punct = False
        self.last: tuple[int, str] | None = None  # start and text of the last word seen
        self.quotes: list[tuple[str, int | None]] = []  # open quotes: (opening tag, index of the string after it)


def _other_words(chars: list[tuple[str, bool]], plain: str, start: int, end: int, state: _State) -> None:
    """Capitalize-first (the first word, if all lower case) and sentence case (the first word's first letter, every
    other word lower-cased) of one unprotected string."""
    sentence = state.mode == "sentence"
    for match in (_SENTENCE_WORD if sentence else _WORD_SPACE).finditer(plain, start, end):
        word = match.group()
        if state.first:
            if sentence or word == state.lower(word):
                _capitalise(chars, match.start(), word, state.upper)
            state.first = False
            if not sentence:
                return
        elif sentence:
            for j, ch in enumerate(word):  # one character at a time: "İ".lower() is two
                chars[match.start() + j] = (state.lower(ch), False)


def _words(chars: list[tuple[str, bool]], plain: str, start: int, end: int, state: _State, hyphen: bool) -> None:
    """Case the words of one unprotected string."""
    if state.mode in ("first", "sentence"):
        _other_words(chars, plain, start, end, state)
        return
    words = list(_WORD_SPACE.finditer(plain, start, end))
    for n, match in enumerate(words):
        word = match.group()
        lower = word.lower()
        if not state.title:
            wanted = True
        else:
            wanted = (len(word) > 1 and not _SKIP_RE.search(lower)) or state.first or state.after_punct
            wanted = wanted or (hyphen and n == len(words) - 1)
        if wanted and word == lower:
            _capitalise(chars, match.start(), word, state.upper)
        state.after_punct = state.first = False
        state.last = (match.start(), word)


def _quote(tag: str, at: int | None, state: _State) -> int | None:
    """Track quote nesting; the string index whose first character must be restored, if any."""
    if tag in _OPENERS:
        if not state.quotes or state.quotes[-1][0] == tag:
            state.quotes.append((tag, at))
            return None
        previous = state.quotes.pop()[1]
        state.quotes.append((tag, None))
        return previous
    if state.quotes and tag in _CLOSERS.get(state.quotes[-1][0], (QC, AQC)):
        state.quotes.pop()
        return None
    return at


def _closed_before_word(plain: str, start: int) -> bool:
    """Whether the quote open at `start` closes before a further word; a quote closed before punctuation or at the
    end does not keep the case of the word after it."""
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


def title_case(
    chars: list[tuple[str, bool]],
    plain: str,
    title: bool = True,
    mode: str = "",
    lower: Callable[[str], str] = str.lower,
    upper: Callable[[str], str] = str.upper,
) -> list[tuple[str, bool]]:
    """Title case (or capitalize-all, title=False; or mode "first" or "sentence") of (char, protected) pairs, as
    citeproc-js applies it; `lower`, `upper`: the language's casing of letters."""
    mode = mode or ("title" if title else "all")
    title = mode == "title"
    original = list(chars)
    out = list(chars)
    state = _State(mode, lower, upper)
    tokens = _tokens(chars)
    restore: set[int] = set()
    pending = -1
    for k, (is_tag, start, end) in enumerate(tokens):
        text = plain[start:end]
        if is_tag:
            if title and text in "!?:":
                state.after_punct = True
            nxt = k + 1 if k + 1 < len(tokens) and not tokens[k + 1][0] else None
            if text in (QOS, QIS):
                # after an opening straight single quote closed before another word the word keeps its case
                if nxt is not None and _closed_before_word(plain, start):
                    restore.add(nxt)
            elif text in _QUOTE_TAGS or text in QUOTE_OPENS or text in (QC, AQC):
                back = _quote(text, nxt, state)
                if back is not None:
                    restore.add(back)
                    pending = k + 1  # citeproc-js forgets the last word once the next string is done
            continue
        if chars[start][1]:
            if text.strip():
                state.last = None
        else:
            hyphen = k == 0 and k + 1 < len(tokens) and plain[tokens[1][1]] == "-"
            _words(out, plain, start, end, state, hyphen)
        if text.strip():
            state.first = state.after_punct = False
        if pending == k:
            state.last = None
    restore |= {at for _, at in state.quotes if at is not None}
    for k in restore:
        out[tokens[k][1]] = original[tokens[k][1]]
    if title and state.last and len(state.last[1]) > 1 and _SKIP_RE.search(state.last[1].lower()):
        _capitalise(out, state.last[0], state.last[1], upper)
    return out
