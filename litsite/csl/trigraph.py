"""The citation-label variable when an item has none: citeproc-js's trigraph ("Doe65", "RoNo78", "DEFG26").

CSL 1.0.2 lists citation-label as a variable the processor may generate ("Hor71"). citeproc-js generates it from the
first name variable the item has (author first), with its default trigraph "Aaaa00:AaAa00:AaAA00:AAAA00": one name
gives its family name's first four letters, two names two letters each, three names two letters and one each, four
or more one letter of each of the first four; then the year's last two digits ("00" for no date). An item without
names takes the first four letters of its title without the locale's skip words (getCitationLabel).
"""

from __future__ import annotations

import re

TRIGRAPH = "Aaaa00:AaAa00:AaAA00:AAAA00"

# citeproc-js's CSL.NAME_VARIABLES, in its order: the first one an item has makes the label
NAME_VARIABLES = (
    "author", "chair", "collection-editor", "compiler", "composer", "container-author", "contributor", "curator",
    "director", "editor", "editor-translator", "editorial-director", "executive-producer", "guest", "host",
    "illustrator", "interviewer", "narrator", "organizer", "original-author", "performer", "producer", "recipient",
    "reviewed-author", "script-writer", "series-creator", "translator", "commenter",
)  # fmt: skip

# citeproc-js's CSL.SKIP_WORDS (title words a label skips), the single words of it
SKIP_WORDS = frozenset(
    "about above across afore after against al along alongside amid amidst among amongst anenst apropos apud around "
    "as aside astride at athwart atop barring before behind below beneath beside besides between beyond but by circa "
    "despite down during et except for forenenst from given in inside into lest like modulo near next "
    "notwithstanding of off on onto out over per plus pro qua sans since than through throughout thruout till to "
    "toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with within without or yet "
    "so and nor a an the de d' von van c ca".split()
)

# letters citeproc-js keeps in a label (CSL.ROMANESQUE_NOT_REGEXP: Latin, Greek, Cyrillic, Hebrew, Arabic, Thai…)
_NOT_ROMANESQUE = re.compile(
    "[^a-zA-Z\u0e01-\u0e5b\u00c0-\u017f\u0370-\u03ff\u0400-\u052f\u0590-\u05d4\u05d6-\u05ff\u1f00-\u1fff"
    "\u0600-\u06ff\u200c\u200d\u200e\u0218\u0219\u021a\u021b\u202a-\u202e]"
)
_PARTICLES = re.compile(r"^([ '\u2019a-z]+\s+)")
_ARTICLE = re.compile(r"^(a\s+|the\s+|an\s+)")


def _params() -> list[tuple[list[int], int]]:
    """Each trigraph part as (letters of each name, digits of the year)."""
    out = []
    for part in TRIGRAPH.split(":"):
        letters: list[int] = []
        for char in part:
            if char == "A":
                letters.append(1)
            elif char == "a":
                letters[-1] += 1
        out.append((letters, part.count("0")))
    return out


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:].lower()


def _year(item: dict) -> str:
    issued = item.get("issued")
    year = ""
    if isinstance(issued, dict) and issued.get("date-parts"):
        parts = issued["date-parts"][0] or [""]
        year = str(parts[0]).strip()
    elif isinstance(issued, int | str):
        year = str(issued).split("-")[0].strip()
    return year if year.lstrip("-").isdigit() else "0000"


def citation_label(item: dict) -> str:
    """The label citeproc-js generates for a CSL-JSON item."""
    params = _params()
    letters, digits = params[0]
    label = ""
    for variable in NAME_VARIABLES:
        names = [n for n in item.get(variable) or [] if isinstance(n, dict)]
        if not names:
            continue
        letters, digits = params[min(len(names), len(params)) - 1]
        for name, count in zip(names, letters, strict=False):
            text = str(name.get("family") or "")
            text = _PARTICLES.sub("", text) if text else str(name.get("literal") or "")
            article = _ARTICLE.match(text.lower())
            text = _NOT_ROMANESQUE.sub("", text[len(article.group(1)) :] if article else text)
            if not text:
                break
            label += _capitalized(text[:count])
        break
    if not label and item.get("title"):
        words = [w for w in str(item["title"]).split() if w not in SKIP_WORDS]
        label = _capitalized("".join(words)[: params[0][0][0]])
    return label + (_year(item)[-digits:] if digits else "")
