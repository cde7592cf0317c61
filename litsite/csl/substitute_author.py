"""subsequent-author-substitute-rule (CSL 1.0.2 "Reference Grouping"): how many of an entry's names are replaced."""

from __future__ import annotations

import unicodedata

from litsite.csl.markup import UNREPLACED

# citeproc-js's CSL.NAME_PARTS, in its order: NameOutput.setRenderedName concatenates them
NAME_PARTS = ("non-dropping-particle", "family", "given", "dropping-particle", "suffix", "literal")


def compared_names(names: list[dict]) -> str:
    """The names subsequent-author-substitute compares (joined by "; "): each shown name as citeproc-js's
    setRenderedName writes it, its INPUT parts concatenated in NAME_PARTS order — not the rendered text, so that
    "Jo, Jr." and given "Jo" + suffix "Jr.", or family "de Barros" and particle "de" + family "Barros", differ
    although they print alike (its localeCompare of the two strings: canonically equivalent forms are equal)."""
    keys = ("".join(str(name.get(part) or "") for part in NAME_PARTS) for name in names)
    return "; ".join(unicodedata.normalize("NFC", key) for key in keys)


def replaced_names(rule: str, names: str | None, previous: str | None) -> int:
    """How many of an entry's first names subsequent-author-substitute replaces, compared with the names of the entry
    before (names joined by "; "): complete-all / complete-each all of them (1 for complete-all, which replaces the
    list as one) when all are the same, partial-each the leading ones that are the same name by name, partial-first
    the first one when it is the same (citeproc-js's substituteEnd); 0: none."""
    if not names or not previous or names.startswith(UNREPLACED):
        return 0
    if rule in ("partial-each", "partial-first"):
        count = 0
        for mine, theirs in zip(names.split("; "), previous.split("; "), strict=False):
            if mine != theirs or (rule == "partial-first" and count):
                break
            count += 1
        return count
    if names != previous:
        return 0
    return len(names.split("; ")) if rule == "complete-each" else 1
