"""Name particles split off family and given names ("la Berge", "van der Berg"), for rendering and for sorting.

Shared by fixes.names (which renders names) and fixes.sorting (which builds their sort keys), below both.
"""

from __future__ import annotations

from functools import lru_cache


def split_particles(name: dict) -> tuple[str, str, str, str, str]:
    """(given, family, dropping, non-dropping, suffix), splitting lower-case particles off family and given."""
    parts = ("given", "family", "dropping-particle", "non-dropping-particle", "suffix")
    return _split_particles(*(str(name.get(part) or "") for part in parts))


@lru_cache(maxsize=1 << 16)
def _split_particles(given: str, family: str, dp: str, ndp: str, suffix: str) -> tuple[str, str, str, str, str]:
    if not ndp and " " in family:
        words = family.split(" ")
        k = 0
        while k < len(words) - 1 and words[k][:1].islower():
            k += 1
        if k:
            ndp, family = " ".join(words[:k]), " ".join(words[k:])
    if not dp and " " in given:
        words = given.split(" ")
        k = len(words)
        while k > 1 and words[k - 1][:1].islower() and words[k - 1].isalpha():
            k -= 1
        if k < len(words):
            given, dp = " ".join(words[:k]), " ".join(words[k:])
    return tuple(part.replace("'", "’") for part in (given, family, dp, ndp, suffix))  # type: ignore[return-value]
