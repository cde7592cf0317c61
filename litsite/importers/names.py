"""Name lists of printed references: APA (`Berry, C., & Hayward, M.`) and Springer (`Berry C, Hayward M`)."""

from __future__ import annotations

import re
import unicodedata

UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0370-\u03ff\u0400-\u042f"
LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u0430-\u045f"

# APA initials as printed: "C.", "S. L.", "S.L.", "J.-P.", "Ch.", optionally "Jr." is handled separately.
_APA_GIVEN = re.compile(rf"(?:[{UPPER}][{LOWER}]{{0,2}}\.[\s\-‐]*)+")
# Springer initials: an upper-case run such as "C", "PW", "J-P", "ChR".
_SPRINGER_GIVEN = re.compile(rf"(?:[{UPPER}][{LOWER}]?-?){{1,5}}")
_GIVEN_FIRST = re.compile(rf"((?:[{UPPER}][{LOWER}]{{0,2}}\.[\s\-‐]*)+)\s*([{UPPER}{LOWER}].+)")
_SUFFIXES = {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}
PARTICLES = {"van", "von", "de", "da", "der", "den", "del", "della", "di", "du", "la", "le", "ten", "ter", "dos", "das"}
_ETAL = re.compile(r",?\s*(?:et\s+al\.?|…|\.\s\.\s\.|\.\.\.)\s*", re.IGNORECASE)
# Words that make a name-like string an organisation rather than a person.
_ORG_WORDS = re.compile(
    r"\b(?:of|for|and|the|on|Department|Ministry|Office|Organi[sz]ation|Association|Institute|Council|Agency|"
    r"Society|College|University|Group|Bank|Commission|Committee|Centre|Center|Foundation|Trust|Service|Services|"
    r"Government|Board|Network|Health|National|International|Federal|Bureau|Administration|Alliance|Union|Panel)\b"
)


def is_apa_given(token: str) -> bool:
    """True when the token is a run of printed initials like "S. L." or "J.-P."."""
    return bool(_APA_GIVEN.fullmatch(token.strip()))


def looks_like_org(text: str) -> bool:
    """True when a name-like string reads as an organisation (has "of", "Department", ...)."""
    return bool(_ORG_WORDS.search(text))


def _split_particle_from_given(given: str) -> tuple[str, str]:
    """APA prints dropping particles after the initials ("Beethoven, L. van"): return (given, particle)."""
    words = given.split()
    particle: list[str] = []
    while words and words[-1].lower() in PARTICLES:
        particle.insert(0, words.pop())
    return " ".join(words), " ".join(particle)


def _tokens(text: str) -> tuple[list[str], bool]:
    """Split a printed name list at commas and '&'/'and'; report whether it was cut (et al., ellipsis)."""
    cut = bool(_ETAL.search(text))
    text = _ETAL.sub(", ", text)
    # "and" separates names only in lists of people ("Smith, J. and Jones, K."), not in "Health and Care Excellence".
    joiner = r"&|\band\b" if re.search(r"\b[A-Z]\.", text) else "&"
    text = re.sub(rf"\s*(?:,\s*)?(?:{joiner})\s+", ", ", text)
    return [t.strip() for t in text.split(",") if t.strip() and t.strip() not in {".", "&"}], cut


def parse_names(text: str) -> tuple[list[dict], bool]:
    """Parse a printed list of names into CSL names; also say whether the list was cut by et al./ellipsis."""
    text = text.strip().rstrip(",").strip()
    if not text:
        return [], False
    tokens, cut = _tokens(text)
    if not tokens:
        return [], cut
    names: list[dict] = []
    # Editors in APA chapters print the initials first: "R. Whittington & C. Logan".
    given_first = [_GIVEN_FIRST.fullmatch(t) for t in tokens]
    if all(given_first):
        for m in given_first:
            assert m is not None
            names.append({"family": m.group(2).strip(), "given": m.group(1).strip()})
        return names, cut
    apa = any(is_apa_given(_split_particle_from_given(t)[0]) for t in tokens[1:])
    if apa:
        i = 0
        while i < len(tokens):
            family = tokens[i]
            if i + 1 < len(tokens) and is_apa_given(_split_particle_from_given(tokens[i + 1])[0]):
                given, particle = _split_particle_from_given(tokens[i + 1])
                name = {"family": f"{particle} {family}".strip(), "given": given.strip()}
                i += 2
                if i < len(tokens) and tokens[i] in _SUFFIXES:
                    name["suffix"] = tokens[i]
                    i += 1
                names.append(name)
            else:
                names.append({"literal": family.rstrip(".") if family.endswith(".") else family})
                i += 1
        return names, cut
    for token in tokens:
        names.append(_springer_name(token))
    return names, cut


def _springer_name(token: str) -> dict:
    """One Springer-style name "Family GI" (initials last); organisations and lone words become literals."""
    words = token.split()
    suffix = words.pop() if len(words) > 2 and words[-1] in _SUFFIXES else ""
    family = " ".join(words[:-1])
    if len(words) >= 2 and _SPRINGER_GIVEN.fullmatch(words[-1]) and not (len(words) > 2 and looks_like_org(family)):
        name = {"family": family, "given": words[-1]}
        if suffix:
            name["suffix"] = suffix
        return name
    return {"literal": token.rstrip(".")}


def fold_ascii(text: str) -> str:
    """ASCII-fold and keep only lower-case letters and digits: "Coatsworth-Puspoky" -> "coatsworthpuspoky"."""
    text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", text.lower())


_STOP = {"the", "a", "an", "of", "for", "and", "on", "in"}


def id_stem(names: list[dict]) -> str:
    """The name part of an id: the first family name folded, or an organisation's first significant word."""
    if not names:
        return ""
    first = names[0]
    if "family" in first:
        return fold_ascii(first["family"])
    for word in re.split(r"[\s.,]+", first.get("literal", "")):
        if word and word.lower() not in _STOP:
            return fold_ascii(word)
    return ""
