"""subsequent-author-substitute-rule (CSL 1.0.2 "Reference Grouping"): how many of an entry's names are replaced."""

from __future__ import annotations

from litsite.csl.markup import UNREPLACED


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
