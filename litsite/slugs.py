"""Safe, unique URL slugs for ids and names: whatever an id contains, its page stays inside the output."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LEN = 64


def slugify(text: str) -> str:
    """ASCII, lower-case, [a-z0-9-] only, at most MAX_LEN characters; never empty, never '.' or '..'."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > MAX_LEN or not slug:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[: MAX_LEN - 9].rstrip('-')}-{digest}".lstrip("-")
    return slug


def unique_slugs(names: list[str]) -> dict[str, str]:
    """Map each name to a slug, deterministically disambiguating collisions (in the given order)."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        base = slugify(name)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        out[name] = slug
    return out
