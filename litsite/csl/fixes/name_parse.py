"""Personal names as citeproc-js reads and initialises them: particles, suffixes, initials.

Parsing (citeproc-js CSL.parseParticles, NameOutput._parseName): a family name in double quotes is taken as it
is; otherwise, when the name has a given name and no explicit non-dropping particle, leading lower-case words of
the family name (also those ending in an apostrophe or hyphen: "d'Aubignac", "al-One") are its non-dropping
particle; a suffix follows a comma in the given name ("John, III"; ",!" asks for a comma before it: "John,! Jr.");
trailing lower-case words of the given name are its dropping particle.

Initials (CSL.Util.Names.initializeWith, doInitialize, doNormalize): under initialize-with each word of the given
name becomes its initial plus the terminator ("John Paul" → "J. P."), an abbreviation keeps its letters ("Th." →
"Th.", "TSerendorjiin" → "Ts."), lower-case words stay as they are; with initialize="false" only initials and
abbreviations already written are normalised to the terminator ("M.E" → "M. E." with ". ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from litsite.csl.markup import CLOSE, OPEN

# citeproc-js's character classes (CSL.ROMANESQUE_REGEXP and friends)
_ROMAN_CHARS = (
    "a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff"
    "\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e"
)
ROMANESQUE = re.compile(f"[-0-9{_ROMAN_CHARS}]")
STARTS_ROMANESQUE = re.compile(f"^[&{_ROMAN_CHARS}]")
_INITIAL = re.compile(
    "^([A-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u042f\u0590-\u05d4\u05d6-\u05ff\u0600-\u06ff\u0370\u0372\u0376"
    "\u0386\u0388-\u03ab\u03e2\u03e4\u03e6\u03e8\u03ea\u03ec\u03ee\u03f4\u03f7\u03fd-\u03ff])"
    "([a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0400-\u052f\u0600-\u06ff\u0370-\u03ff\u1f00-\u1fff]*|)(\\.)*"
)
_FAMILY_PARTICLE = re.compile("^([^ ]+(?:\\-|\u02bb|\u2019| |') *)(.+)$", re.S)
_GIVEN_PARTICLE = re.compile("^([^ ]+(?:\u02bb |\u2019 | |' ) *)(.+)$", re.S)  # matched on the reversed name
_TRAILING_SPACE = re.compile("[\t\n\x0b\x0c\r \ufeff\u00a0]+$")


@dataclass(frozen=True)
class ParsedName:
    """The parts of a personal name, as CSL names them (apostrophes made typographic)."""

    given: str = ""
    family: str = ""
    dropping_particle: str = ""
    non_dropping_particle: str = ""
    suffix: str = ""
    comma_suffix: bool = False
    comma_dropping_particle: str = ""


def parse_name(name: dict) -> ParsedName:
    """The parts of a CSL-JSON personal name, particles and suffix split off as citeproc-js splits them."""
    keys = ("given", "family", "dropping-particle", "non-dropping-particle", "suffix")
    fields = tuple(str(name.get(key) or "") for key in keys)
    parse = name.get("parse-names", True)
    # citeproc-js parses unless the flag is present and false as JavaScript has it (false, 0, "", null): "false" parses
    noparse = parse is None or parse is False or parse == 0 or parse == ""
    return _parse(*fields, bool(name.get("comma-suffix")), noparse or bool(name.get("static-particles")))


@lru_cache(maxsize=1 << 16)
def _parse(given: str, family: str, dp: str, ndp: str, suffix: str, comma: bool, noparse: bool) -> ParsedName:
    comma_dp = ""
    if len(family) > 1 and family.startswith('"') and family.endswith('"'):
        family, noparse = family[1:-1], True
    if not noparse and not ndp and family and given:
        particles, family = _split_particles(family, first_name=False)
        ndp = _trim_last("".join(particles))
        if not suffix:
            found = re.search(r"(\s*,!*\s*)", given)
            if found:
                rest = given[found.end() :]
                if rest.replace(".", "") == "et al" and not dp:
                    dp, comma_dp = rest, ","  # "et al." written into the given name (citeproc-js keeps it)
                else:
                    comma = comma or len(found.group(1).replace(" ", "")) == 2
                    suffix = rest
                given = given[: found.start()]
        particles, given = _split_particles(given, first_name=True)
        dp = "".join(particles).strip() or dp
    parts = (given, family, dp, ndp, suffix)
    given, family, dp, ndp, suffix = (part.replace("'", "\u2019") for part in parts)
    return ParsedName(given, family, dp, ndp, suffix, comma, comma_dp)


def _split_particles(value: str, first_name: bool) -> tuple[list[str], str]:
    """(particles, rest): lower-case words leading a family name or trailing a given name (CSL.parseParticles)."""
    original = value
    if first_name:
        value = value[::-1]
    rex = _GIVEN_PARTICLE if first_name else _FAMILY_PARTICLE
    particles: list[str] = []
    found = rex.match(value)
    while found:
        word = found.group(1)[::-1] if first_name else found.group(1)
        first = re.sub(r"^[-'\u02bb\u2019\s]*(.).*$", r"\1", word, flags=re.S)
        if not first or first.upper() == first:
            break
        if first_name:
            particles.append(original[-len(word) :])
            original = original[: -len(word)]
        else:
            particles.append(original[: len(word)])
            original = original[len(word) :]
        value = found.group(2)
        found = rex.match(value)
    if not first_name:
        return particles, original[-len(value) :] if value else ""
    particles.reverse()
    for i in range(1, len(particles)):
        if particles[i].startswith(" "):
            particles[i - 1] += " "
    particles = [p[1:] if p.startswith(" ") else p for p in particles]
    return particles, original[: len(value)]


def _trim_last(text: str) -> str:
    """Strip a particle, keeping the space after a final apostrophe ("d' Alembert")."""
    last = text[-1:]
    text = text.strip()
    if last == " " and text[-1:] in ("'", "\u2019"):
        text += " "
    return text


def romanesque(name: ParsedName, language: str = "") -> int:
    """0: no Latin-like letters in the family name, 1: mixed (or a ja/zh item), 2: Latin-like (citeproc-js)."""
    level = 2 if ROMANESQUE.search(name.family.replace('"', "")) else 0
    if not level and STARTS_ROMANESQUE.match(name.given):
        level = 1
    if level == 2 and language[:2] in ("ja", "zh"):
        level = 1
    return level


@lru_cache(maxsize=1 << 16)
def initialize_with(name: str, terminator: str, normalize_only: bool = False, hyphen: bool = True) -> str:
    """A given name initialised (or, normalize_only, its initials normalised) with the terminator."""
    if not name:
        return ""
    if name in ("Lord", "Lady") or (not STARTS_ROMANESQUE.match(name) and "%s" not in terminator):
        return name
    if not hyphen:
        name = name.replace("-", " ")
    name = re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", name))
    name = re.sub("-([a-z])", "\u2013\\1", name)  # a hyphen before a lower-case letter does not part initials
    name = re.sub(r"\.(?=[^ ])", ". ", name)
    strings = re.split(r"[-\s]+", name)
    separators = re.findall(r"[-\s]+", name)
    if not separators:
        last = re.search(r"[^.]+$", strings[0])
        if last and len(last.group()) == 1 and last.group() != last.group().lower():
            strings[0] += "."
    parts = [strings[0]]
    for separator, string in zip(separators, strings[1:], strict=True):
        parts += [separator, string]
    text = _normalize(parts, terminator) if normalize_only else _initialize(parts, terminator)
    return re.sub("\u2013([a-z])", r"-\1", text)


def _tidy(text: str) -> str:
    text = re.sub(r"\s*-\s*", "-", _TRAILING_SPACE.sub("", text))
    return re.sub("[\t\n\x0b\x0c\r ]+", " ", text)


def _normalize(parts: list[str], terminator: str) -> str:
    """doNormalize: initials and abbreviations written in the name take the terminator, words stay."""
    abbrev = []
    for i, part in enumerate(parts):
        if len(part) > 1 and part.endswith("."):
            parts[i] = re.sub(r"^(.*)\.(.*)$", r"\1\2", part, flags=re.S)
            abbrev.append(True)
        else:
            abbrev.append(len(part) == 1 and part.upper() == part)
    for i in range(0, len(parts), 2):
        if not abbrev[i]:
            continue
        if i < len(parts) - 2:
            if not abbrev[i + 2]:
                parts[i + 1] += " "
            if len(parts[i + 2]) > 1:
                parts[i + 1] = terminator.rstrip("\ufeff") + parts[i + 1]
            else:
                parts[i + 1] = terminator
        if i == len(parts) - 1:
            parts[i] += terminator
    return _tidy("".join(parts))


def _initialize(parts: list[str], terminator: str) -> str:
    """doInitialize: each capitalised word becomes its initial (abbreviations keep their letters)."""
    count = len(parts)
    for i in range(0, count, 2):
        word = parts[i]
        if not word:
            continue
        found = _INITIAL.match(word)
        groups: list[str | None] | None = list(found.groups()) if found else None
        if groups is None and not STARTS_ROMANESQUE.match(word) and len(word) > 1 and "%s" in terminator:
            groups = [word[0], word[1:], None]
        if groups and groups[1] and groups[2]:
            groups = [str(groups[0]) + str(groups[1]), "", groups[2]]
        if groups and str(groups[0])[:1] == str(groups[0])[:1].upper():
            parts[i] = str(groups[0]) + _extra(str(groups[1] or ""))
            if "%s" in terminator:
                parts[i] = terminator.replace("%s", parts[i])
            elif i < count - 1:
                parts[i + 1] = terminator + "-" if "-" in parts[i + 1] else terminator
            else:
                parts.append(terminator)
        elif ROMANESQUE.search(word) and (not groups or not groups[2]):
            parts[i] = " " + word
    return _tidy("".join(parts))


def _extra(rest: str) -> str:
    """The capitals after the first letter of a word that goes on in lower case ("TSerendorjiin" → "s")."""
    caps = ""
    for char in rest:
        if char != char.upper():
            break
        caps += char
    return caps.lower() if len(caps) < len(rest) else ""


def split_particles(name: dict) -> tuple[str, str, str, str, str]:
    """(given, family, dropping, non-dropping, suffix) as citeproc-js parses them (see name_parse.py)."""
    p = parse_name(name)
    return (p.given, p.family, p.dropping_particle, p.non_dropping_particle, p.suffix)


_TAG = re.compile(r"</?(?:i|b|sup|sub|sc)>|<span\s+class=\"nocase\">|</span>", re.IGNORECASE)
_MARKED_WORD = re.compile(r"((?:<[^<>]+>)*)(.*?)((?:<[^<>]+>)*)", re.S)


def has_markup(text: str) -> bool:
    """Whether a name part holds rich-text tags (<b>, <i>, <sup>, <sub>, <sc>, a nocase span)."""
    return "<" in text and bool(_TAG.search(text))


def strip_markup(text: str) -> str:
    """A name part without its rich-text tags (its sort key: "<b>Doe</b>" sorts as "Doe")."""
    return _TAG.sub("", text) if "<" in text else text


def markup_placeholders(text: str) -> str:
    """A name part's tags as the placeholders the output turns into markup (nocase spans dropped)."""

    def one(found: re.Match) -> str:
        tag = found.group().lower()
        name = tag.strip("</>")
        if name not in ("i", "b", "sup", "sub", "sc"):
            return ""
        return CLOSE[name] if tag.startswith("</") else OPEN[name]

    return _TAG.sub(one, text)


def initialize_marked(name: str, terminator: str, normalize_only: bool, hyphen: bool) -> str:
    """initialize_with on a given name with tags around its words, each tag kept around its word's initial as
    citeproc-js keeps it ("<b>John</b> Quiggly" → "<b>J.</b> Q."); tags inside a word are dropped."""
    pieces = re.split(r"([-\s]+)", name)
    words = [_MARKED_WORD.fullmatch(piece).groups() for piece in pieces[0::2]]  # type: ignore[union-attr]
    words = [(lead, _TAG.sub("", core), trail) for lead, core, trail in words]
    bare = "".join(core + (pieces[2 * i + 1] if 2 * i + 1 < len(pieces) else "") for i, (_, core, _) in
                   enumerate(words))  # fmt: skip
    out = initialize_with(bare, terminator, normalize_only, hyphen)
    cursor = 0
    mark = terminator.rstrip()
    for lead, core, trail in words:
        if not core or not (lead or trail):
            found = out.find(core[:1], cursor) if core else -1
            cursor = cursor if found < 0 else found + 1
            continue
        start, end = out.find(core, cursor), 0
        if start >= 0:
            end = start + len(core)
        else:
            start = out.find(core[0], cursor)
            if start < 0:
                continue
            end = start + 1
            while end < len(out) and out[end].isalpha() and out[end].islower():  # "Th." keeps its letters
                end += 1
        if mark and out.startswith(mark, end):
            end += len(mark)
        out = out[:start] + lead + out[start:end] + trail + out[end:]
        cursor = end + len(lead) + len(trail)
    return out
