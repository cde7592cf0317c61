"""Output formats for citeproc-py: plain text and HTML built from placeholders, and rich text in CSL-JSON fields.

HTML is rendered with private-use placeholder characters instead of tags, so that field values and terms can be
escaped once at the end while CSL formatting (and rich text from fields) becomes markup.
"""

from __future__ import annotations

import html
import re
import unicodedata
from types import SimpleNamespace

from citeproc.string import MixedString, NoCase, String

from litsite.csl.punctuation import NUMBER_SUFFIX, RICH_SEAL, SEAL, into_quote, left_margin_spaces, number_suffix_marks
from litsite.csl.quote_pairs import closes, paired_openers
from litsite.csl.rich_tags import applied_tags

# placeholder pairs (open, close) for the markup CSL formatting and CSL-JSON rich text produce
_TAGS = {
    "i": ("<i>", "</i>"),
    "b": ("<b>", "</b>"),
    "l": ('<span style="font-weight:lighter;">', "</span>"),
    "u": ('<span style="text-decoration:underline;">', "</span>"),
    "sup": ("<sup>", "</sup>"),
    "sub": ("<sub>", "</sub>"),
    "sc": ('<span style="font-variant:small-caps;">', "</span>"),
    "n": ('<span style="font-style:normal;">', "</span>"),
    "nb": ('<span style="font-weight:normal;">', "</span>"),
    "nsc": ('<span style="font-variant:normal;">', "</span>"),
    "lm": ('<div class="csl-left-margin">', "</div>"),
    "ri": ('<div class="csl-right-inline">', "</div>"),
    "block": ('<div class="csl-block">', "</div>"),
    "indent": ('<div class="csl-indent">', "</div>"),
    "bl": ('<span style="baseline">', "</span>"),  # vertical-align="baseline", as citeproc-js writes it
    # font-style / font-weight / font-variant="normal" set in a style: a normal span only inside that decoration
    "ni": ("", ""),
    "nbi": ("", ""),
    "nsci": ("", ""),
}
OPEN = {name: chr(0xE100 + 2 * i) for i, name in enumerate(_TAGS)}
CLOSE = {name: chr(0xE101 + 2 * i) for i, name in enumerate(_TAGS)}
QO, QC = "\ue1a0", "\ue1a1"  # quote open / close; glyphs chosen by nesting depth when finishing
QI = "\ue1a2"  # quote open that takes the inner glyphs outside any other quote (a field's ‘…’)
QOS, QIS = "\ue1a3", "\ue1a4"  # QO and QI written with a straight ' (title case keeps the next word)
QST = "\ue1ab"  # the quote open of a style's quotes="true": never flipped by the quotes around it (citeproc-js)
QUOTE_OPENS = frozenset({QO, QI, QOS, QIS, QST})
TERM = "\ue1a5"  # where a term's text starts (a note style capitalizes a term that begins a cite); dropped at the end
AQO, AQC = "\ue1a6", "\ue1a7"  # quotes of a cite's prefix or suffix: punctuation after them is not moved inside
HOLD = "\ue1a9"  # before a cs:text value's punctuation: not moved into quotes nor merged (citeproc-js moves affixes)
APOS = "\ue1a8"  # an apostrophe typed ' inside a word: ’ in the output, but no word break for title case
NUMEND = "\ue1aa"  # after a number citeproc-js keeps as a number: the punctuation after it is not merged
KEPT = "\ue1ac"  # a space a string seam must not merge with the one before it (" kazuhiro jo" opening a list)
UNREPLACED = "\ue1b6"  # opens the names of an entry compared with the next one but never replaced itself
PLACEHOLDERS = frozenset(OPEN.values()) | frozenset(CLOSE.values()) | QUOTE_OPENS
PLACEHOLDERS |= {QC, TERM, AQO, AQC, HOLD, NUMEND, SEAL, RICH_SEAL, NUMBER_SUFFIX}
_TO_HTML = {OPEN[name]: tags[0] for name, tags in _TAGS.items()}
_TO_HTML |= {CLOSE[name]: tags[1] for name, tags in _TAGS.items()} | {TERM: "", HOLD: "", NUMEND: ""}
_TO_HTML |= {SEAL: "", RICH_SEAL: ""}
_PLACEHOLDER_ASK = re.compile("[" + "".join(OPEN[n] + CLOSE[n] for n in ("ni", "nbi", "nsci")) + "]")
_PLACEHOLDER_RE = re.compile("[" + "".join(sorted(PLACEHOLDERS - QUOTE_OPENS - {QC, AQO, AQC})) + "]")


def _superscripts() -> dict[str, str]:
    """Unicode's superscript characters (ª, º, ʳ, ᵉ, ², …) → the letter or digit they raise."""
    out = {}
    for code in range(0x80, 0x3200):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) > 1 and parts[0] == "<super>":
            out[chr(code)] = "".join(chr(int(part, 16)) for part in parts[1:])
    # modifier letters citeproc-js also raises, which Unicode does not decompose
    return out | {"ˀ": "ʔ", "ˁ": "ʕ", "ۥ": "و", "ۦ": "ي"}


# In HTML a superscript character is written as <sup> around its base character, one each, as citeproc-js does
# (French ordinals: "1<sup>r</sup><sup>e</sup>").
_SUPERSCRIPTS = _superscripts()
_SUPERSCRIPT_RE = re.compile("[" + "".join(sorted(_SUPERSCRIPTS)) + "]")


def _wrapper(name: str):
    def wrap(text: object) -> str:
        return OPEN[name] + str(text) + CLOSE[name]

    return wrap


def _identity(text: object) -> str:
    return str(text)


def formatter(fmt: str) -> SimpleNamespace:
    """A citeproc-py formatter (module-like namespace) for "text" or "html"."""
    if fmt == "html":
        names = {"Italic": "i", "Oblique": "i", "Bold": "b", "Light": "l", "Underline": "u"}
        names |= {"Superscript": "sup", "Subscript": "sub", "SmallCaps": "sc"}
        ns = {attr: _wrapper(tag) for attr, tag in names.items()}
        return SimpleNamespace(preformat=_identity, fmt="html", **ns)
    if fmt == "text":
        attrs = ("Italic", "Oblique", "Bold", "Light", "Underline", "Superscript", "Subscript", "SmallCaps")
        return SimpleNamespace(preformat=_identity, fmt="text", **dict.fromkeys(attrs, _identity))
    raise ValueError(f"unknown output format {fmt!r} (use 'html' or 'text')")


_FLIP = {"i": "n", "b": "nb", "sc": "nsc"}  # italics inside italics are upright, as citeproc-js writes them
_FLIP_OPEN = {OPEN[name]: name for name in _FLIP}
_FLIP_CLOSE = {CLOSE[name]: name for name in _FLIP}


_ASK_NORMAL = {"ni": "i", "nbi": "b", "nsci": "sc"}
_ASK_OPEN = {OPEN[name]: deco for name, deco in _ASK_NORMAL.items()}
_ASK_CLOSE = {CLOSE[name]: deco for name, deco in _ASK_NORMAL.items()}


def _flip_flop(text: str) -> str:
    """Italics, bold or small caps nested in the same decoration flip back to normal (`<i>My <span
    style="font-style:normal;">Amazing</span> Title</i>`); rich text's `<span class="nodecor">` sets every active
    decoration back to normal and disappears where none is active."""
    if not any(ch in text for ch in _FLIP_OPEN) and OPEN["n"] not in text:
        return _PLACEHOLDER_ASK.sub("", text) if any(ch in text for ch in _ASK_OPEN) else text
    out: list[str] = []
    depth = dict.fromkeys(_FLIP, 0)
    stack: list[tuple[str, list[str]]] = []  # (decoration or "nodecor", the tags opened for it)
    for ch in text:
        name = _FLIP_OPEN.get(ch)
        if ch in _ASK_OPEN:  # normal asked by the style: a normal span where the decoration is on, else nothing
            deco = _ASK_OPEN[ch]
            tags = [_FLIP[deco]] if depth[deco] % 2 else []
            out += [OPEN[t] for t in tags]
            stack.append(("ask-" + deco, tags))
            depth[deco] += len(tags)
        elif ch in _ASK_CLOSE:
            deco = _ASK_CLOSE[ch]
            j = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][0] == "ask-" + deco), None)
            if j is not None:
                tags = stack.pop(j)[1]
                out += [CLOSE[t] for t in reversed(tags)]
                depth[deco] -= len(tags)
        elif ch == OPEN["n"]:
            tags = [_FLIP[n] for n in _FLIP if depth[n] % 2]
            out += [OPEN[t] for t in tags]
            stack.append(("nodecor", tags))
            for n in _FLIP:
                depth[n] += depth[n] % 2
        elif ch == CLOSE["n"]:
            if stack and stack[-1][0] == "nodecor":
                _, tags = stack.pop()
                out += [CLOSE[t] for t in reversed(tags)]
                for n in _FLIP:
                    depth[n] -= 1 if _FLIP[n] in tags else 0
        elif name:
            tag = _FLIP[name] if depth[name] % 2 else name
            out.append(OPEN[tag])
            stack.append((name, [tag]))
            depth[name] += 1
        elif ch in _FLIP_CLOSE:
            name = _FLIP_CLOSE[ch]
            j = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][0] == name), None)
            if j is None:
                out.append(ch)
            else:
                out.append(CLOSE[stack.pop(j)[1][0]])
                depth[name] -= 1
        else:
            out.append(ch)
    return "".join(out)


# Field quotes and their glyphs (used by fixes/quotes.py and by finish below).
_CLOSERS = "".join(CLOSE.values())
_MOVE = re.compile(f"([^{QC}{_CLOSERS}]?)((?:[{QC}{_CLOSERS}])*{QC}(?:[{QC}{_CLOSERS}])*)([.,;:!?]+)")
# "A;" + "." is "A;" (citeproc-js), but a number's "41;" + "." stays "41;." (citeproc-js merges no punctuation into
# the end of a number: its Queue.adjust skips a blob that ends in a number)
_DOUBLE = re.compile(f"({NUMEND}[{_CLOSERS}]*)?((?<!\\.)\\.|[?!;:])([{QC}{_CLOSERS}]*)\\.(?!\\.)")
# citeproc-js's LtoR_MAP: where two marks meet at the end of a word, the stronger one stays ("A;" + ":" is "A;",
# "A:" + "!" is "A!"); pairs not listed ("A." + ":", "A!" + "?") stay as they are
_MERGED = {"!:": "!", "?:": "?", ":!": "!", ":?": "?", ";!": "!", ";?": "?", ";:": ";"}
_MERGE = re.compile(f"(?<![.!?:;{NUMEND}])(!:|\\?:|:!|:\\?|;!|;\\?|;:)(?=\\s|$)")


_NARROW = re.compile("(?<=«) | (?=[:;?!»])")
EN_QUOTES = ("“", "”", "‘", "’")


class SmartQuotes:
    """Converts quotes in field text to placeholders and apostrophes to ’, keeping state across chunks.

    As citeproc-js reads a field, its quotes are the straight ones and the rendering locale's own quote marks
    (open-quote … close-quote, open-inner-quote … close-inner-quote, where each is one character): under de-DE
    „…“ and ‚…‘ are quotes, a field's “…” or ‘…’ are text and stay as written."""

    def __init__(self, quotes: tuple[str, str, str, str] = EN_QUOTES) -> None:
        self.single_open = 0
        self.double_open = 0
        self.prev = " "
        self.first_straight = ""
        self.fresh = True  # at the field's start or right after an opening tag (citeproc-js's forced space)
        self.ends_element = False  # the chunk is the last of a markup element (its closing tag follows)
        oq, cq, oiq, ciq = (q if len(q) == 1 and q not in "'\"" else "\0" for q in quotes)
        self.oq, self.cq, self.oiq, self.ciq = oq, cq, oiq, ciq
        self.pairs, self.paired, self.at = ((oq, cq), (oiq, ciq)), {}, 0
        self.doubles = frozenset({'"', oq, cq} - {"\0"})
        self.singles = frozenset({"'", "’", oiq, ciq} - {"\0"})
        self.any = re.compile("[" + re.escape("".join(sorted(self.doubles | self.singles))) + "]")

    def _open(self, ch: str) -> str:
        """The placeholder of an opening quote: outer kind (QO) or inner kind (QI)."""
        if ch in "'\"":
            self.first_straight = self.first_straight or ch
            outer = ch == self.first_straight
        else:
            outer = ch == self.oq
        if ch == "'":
            return QOS if outer else QIS
        return QO if outer else QI

    def __call__(self, text: str, last: bool = True) -> str:
        if " " in text:  # citeproc-js: a space before : ; ? ! and inside « » becomes a narrow no-break space
            text = _NARROW.sub("\u202f", text)
        if not self.any.search(text):  # most field text: nothing to convert, only remember the last character
            if text:
                self.prev = text[-1]
            return text
        out: list[str] = []  # a curly opener without a partner in a field's last chunk is text (quote_pairs)
        self.paired = {q: paired_openers(text, q, c) if last else None for q, c in self.pairs}
        for i, ch in enumerate(text):
            self.at = i
            nxt = text[i + 1] if i + 1 < len(text) else (" " if last else "x")
            prev = self.prev
            starts = prev.isspace() or prev in "([{-—–/"
            if ch in self.doubles:
                # citeproc-js opens a straight " only at a chunk's start or after a space or "(", when one follows
                opens = ((i == 0 and self.fresh) or prev in " (") and ('"' in text[i + 1 :] or not last)
                out.append(self._double(ch, opens, nxt))
            elif ch in self.singles:
                out.append(self._single(ch, starts, prev, nxt, text, i))
            else:
                if ch in ".,;:!?" and out and out[-1] == QC:
                    out.append(HOLD)  # a field's own mark after its quote stays outside (only affixes move in)
                out.append(ch)
            self.prev = out[-1] if out[-1] not in QUOTE_OPENS and out[-1] != QC else prev
        return "".join(out)

    def _partnered(self, ch: str) -> bool:
        paired = self.paired.get(ch)
        return paired is None or self.at in paired

    def _double(self, ch: str, starts: bool, nxt: str) -> str:
        """A double quote mark: an opening placeholder, QC, or the character as text."""
        if (ch == self.oq and self._partnered(ch)) or (ch == '"' and starts and not nxt.isspace()):
            self.double_open += 1
            return self._open(ch)
        if self.double_open and ch in ('"', self.cq):
            self.double_open -= 1
            return QC
        return ch

    def _single(self, ch: str, starts: bool, prev: str, nxt: str, text: str, i: int) -> str:
        """A single quote mark or apostrophe: an opening placeholder, QC, an apostrophe, or the character."""
        if prev.isalnum() and nxt.isalpha() and ch != self.oiq:
            return APOS if ch == "'" else ch  # a typed apostrophe is part of its word (title case)
        closers = "'’" + self.ciq
        if (
            (starts or ch == self.oiq)
            and (ch == "'" or (ch == self.oiq and self._partnered(ch)))
            and not nxt.isspace()
            and (ch != "'" or closes(text, i + 1, closers))
        ):
            self.single_open += 1
            return self._open(ch)
        if self.single_open and ch in ("'", self.ciq):
            self.single_open -= 1
            return QC
        if ch == "'" and self.ends_element and starts and not nxt.isspace():
            # an opening quote whose element closes first: citeproc-js's failed tag, written back as typed
            return "'"
        return "’" if ch == "'" else ch


def _double(m: re.Match) -> str:
    """A doubled mark's replacement: the first one alone, unless it follows a number (and is not a period)."""
    if m.group(1) and m.group(2) != ".":
        return m.group(0)
    return (m.group(1) or "") + m.group(2) + m.group(3)


def resolve_quotes(text: str, quotes: tuple[str, str, str, str], piq: bool) -> str:
    """Move punctuation into quotes (if piq), drop doubled periods, and pick quote glyphs by nesting depth."""
    text = number_suffix_marks(text.replace(APOS, "’").replace(KEPT, " "))
    if piq:
        text = _MOVE.sub(lambda m: into_quote(m.group(1), m.group(2), m.group(3)), text)
    text = _DOUBLE.sub(_double, text)
    text = _MERGE.sub(lambda m: _MERGED[m.group(1)], text).replace(HOLD, "")  # HOLD has done its work
    text = text.replace(SEAL, "").replace(RICH_SEAL, "")
    if QC not in text and AQC not in text and not any(q in text for q in (*QUOTE_OPENS, AQO)):
        return text
    out = []
    levels: list[int] = []  # the glyph level of each open quote: even outer, odd inner
    for ch in text:
        ch = QO if ch == AQO else QC if ch == AQC else ch  # an affix's quotes nest like the others
        if ch in QUOTE_OPENS:
            level = 0 if ch == QST else levels[-1] + 1 if levels else (1 if ch in (QI, QIS) else 0)
            levels.append(level)
            out.append(quotes[0] if level % 2 == 0 else quotes[2])
        elif ch == QC:
            level = levels.pop() if levels else 0
            out.append(quotes[1] if level % 2 == 0 else quotes[3])
        else:
            out.append(ch)
    return "".join(out)


def finish(text: str, fmt: str, quotes: tuple[str, str, str, str] = ("“", "”", "‘", "’"), piq: bool = True) -> str:
    """Turn rendered text with placeholders into the final output of the format."""
    text = resolve_quotes(text if fmt == "html" else left_margin_spaces(text), quotes, piq)
    if fmt == "html":
        text = _flip_flop(left_margin_spaces(text, CLOSE["lm"], OPEN["ri"]))
        text = _SUPERSCRIPT_RE.sub(lambda m: OPEN["sup"] + _SUPERSCRIPTS[m.group()] + CLOSE["sup"], text)
        return _PLACEHOLDER_RE.sub(lambda m: _TO_HTML[m.group()], html.escape(text, quote=False))
    return _PLACEHOLDER_RE.sub("", text)


_RICH_RE = re.compile(
    r"<(/?)(i|b|sup|sub|sc|span)(\s+(?:class=\"(?:nocase|nodecor)\"|style=\"font-variant:\s*small-caps;?\"))?\s*>",
    re.IGNORECASE,
)


# text-case leaves these alone (citeproc-js: small caps, superscript, subscript and nodecor spans are implicitly nocase)
_CASE_KEPT = frozenset({"nocase", "sc", "sup", "sub", "n"})


def affix_text(value: str, fmt: str) -> MixedString:
    """A cite's prefix or suffix as rich text whose quotes keep the punctuation after them outside (citeproc-js takes
    an affix as written: `'quote', ` stays “quote”, even where punctuation goes inside quotes)."""
    parsed = parse_rich_text(value, fmt)
    table = str.maketrans({QO: AQO, QC: AQC})
    return MixedString([type(piece)(str(piece).translate(table)) for piece in parsed])


def parse_rich_text(value: str, fmt: str, quotes: tuple[str, str, str, str] = EN_QUOTES) -> MixedString:
    """Parse CSL-JSON rich text (<i>, <b>, <sup>, <sub>, small-caps and nocase spans) into citeproc-py strings;
    `quotes`: the rendering locale's quote marks (open, close, inner open, inner close), the field's quotes."""
    pieces: list[String] = []  # joined as written: no seam normalized inside a field (citeproc-js keeps "Based  on")
    stack: list[str] = []
    pos = 0
    buf: list[str] = []

    def flush() -> None:
        if buf:
            text = "".join(buf)
            pieces.append(NoCase(text) if _CASE_KEPT.intersection(stack) else String(text))
            buf.clear()

    smart = SmartQuotes(quotes)
    applied = applied_tags(value, quotes)
    for match in _RICH_RE.finditer(value):
        if match.start() not in applied:
            continue  # a tag citeproc-js does not pair (or does not know) is text: read with the text after it
        closing, tag, attr = match.group(1), match.group(2).lower(), (match.group(3) or "").lower()
        smart.ends_element = bool(closing and stack)
        buf.append(smart(value[pos : match.start()], last=False))
        smart.ends_element = False
        smart.fresh = not closing
        pos = match.end()
        if tag == "span" and not closing:
            name = (
                "nocase" if "nocase" in attr else "sc" if "small-caps" in attr else "n" if "nodecor" in attr else None
            )
            if name is None:
                buf.append(match.group())
                continue
        elif tag == "span":
            name = next((n for n in reversed(stack) if n in ("nocase", "sc", "n")), None)
            if name is None:
                buf.append(match.group())
                continue
        else:
            name = tag
        if closing:
            if name not in stack:
                buf.append(match.group())  # an orphan closing tag is text, as citeproc-js writes it
                continue
            if name in _CASE_KEPT:
                flush()
            if name != "nocase" and fmt == "html":
                buf.append(CLOSE[name])
            stack.reverse()
            stack.remove(name)
            stack.reverse()
        else:
            if name in _CASE_KEPT:
                flush()
            if name != "nocase" and fmt == "html":
                buf.append(OPEN[name])
            stack.append(name)
    buf.append(smart(value[pos:]))
    flush()
    return MixedString(pieces)
