"""A non-dropping particle glued to its family name in sort keys under French, Russian and Czech locales.

citeproc-js joins a non-dropping particle and the family name with a no-break space when the formatting locale is
fr, ru or cs (CSL.NameOutput._renderOnePersonalName's nbspace), in the keys it sorts by too; its collation ignores
that space, so "de Bruijn" sorts as "deBruijn", after "De Las Rivas" ("De|Las|…": a key's "|" comes before
letters). Under demote-non-dropping-particle="never" only: otherwise the particle follows the given name.
"""

from __future__ import annotations

import re

from litsite.csl.fixes.name_parse import parse_name

GLUING_LANGUAGES = ("fr", "ru", "cs")
_FIRST_APOSTROPHE = re.compile("['’]")  # as fixes/sorting.py writes a particle in a key ("d’" → "d")


def glue_particles(text: str, names: list, demote: str, locale: str) -> str:
    """The names' sort key `text` with each "particle family" written with a no-break space where citeproc-js
    writes one."""
    if demote != "never" or locale[:2] not in GLUING_LANGUAGES:
        return text
    for name in names:
        if "literal" in name:
            continue
        parsed = parse_name(dict(name))
        particle = _FIRST_APOSTROPHE.sub("", parsed.non_dropping_particle, count=1)
        if particle and parsed.family:
            text = text.replace(f"{particle} {parsed.family}", f"{particle}\u00a0{parsed.family}", 1)
    return text
