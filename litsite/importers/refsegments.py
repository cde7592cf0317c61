"""Sentences and publisher segments of a reference line: where sentences end (abbreviations and initials skipped),
"Place: Publisher" (APA 6) and "Publisher, Place" (Springer)."""

from __future__ import annotations

import re

from litsite.importers.refwords import ABBREV, INSTITUTION, PUBLISHERISH, SPRINGER_PLACES

_PLACE_WORD = r"(?:[A-Z][\w.'’-]*|upon|on|am|de|del|la|le|sur|an|der|im)"
_ONE_PLACE = rf"[A-Z][\w.'’-]*(?:\s{_PLACE_WORD}){{0,3}}(?:,\s?[A-Z][\w.'’ -]{{0,20}}?){{0,2}}"
PLACE = re.compile(rf"(?P<place>{_ONE_PLACE}(?:\s?;\s?{_ONE_PLACE})*)\s?:\s(?P<publisher>[^:]+?)\.?$")


def boundaries(text: str) -> list[tuple[int, int]]:
    """Sentence ends as (end of sentence incl. punctuation, start of next), skipping abbreviations and initials."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"([.?!])([”’\"']?)(\s+)(?=\S)", text):
        if m.group(1) == ".":
            word = re.search(r"(\S+)$", text[: m.start(1)])
            token = word.group(1).lstrip("(“‘\"'").lower() if word else ""
            if token in ABBREV or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                continue
            # A lone capital is an initial ("J. K. Rowling") unless it ends a title ("World War I").
            if re.fullmatch(r"[a-z]", token) and re.search(r"(?:^|\s)[A-Z]\.\s?\S+$", text[: m.start(1)]):
                continue
        out.append((m.end(2), m.end(3)))
    return out


def split_last(text: str) -> tuple[str, str]:
    """Split at the last sentence end: ("Title.", "Rest"); ("", text) when there is none."""
    bs = boundaries(text)
    if not bs:
        return "", text
    end, start = bs[-1]
    return text[:end], text[start:]


_PLACE_PART = re.compile(rf"[A-Z][\w.'’-]*(?: {_PLACE_WORD}){{0,2}}\.?")
_NOT_PLACE = re.compile(r"^(?:Inc|Ltd|LLC|Co|Corp|Publishers?|Press|Books|GmbH|AG|SA|BV|Pty|PLC|plc)\.?$")


def _is_place(parts: list[str]) -> bool:
    """Comma parts that read as a place: short capitalised names ("Thousand Oaks", "New York, NY", "London ; Paris")."""
    for part in parts:
        for piece in part.split(";"):
            piece = piece.strip()
            if not piece or not _PLACE_PART.fullmatch(piece) or _NOT_PLACE.match(piece):
                return False
            if piece not in SPRINGER_PLACES and (INSTITUTION.search(piece) or PUBLISHERISH.search(piece)):
                return False
    return True


def publisher_springer(segment: str) -> dict:
    """ "Publisher, Place" as Springer prints it; the place is the longest run of place-like trailing parts."""
    parts = [p.strip() for p in segment.split(",")]
    for i in range(1, len(parts)):
        if _is_place(parts[i:]) and not re.fullmatch(r"[A-Z]{2}|[A-Z]\.[A-Z]\.?", parts[i]):
            return {"publisher": ", ".join(parts[:i]), "publisher-place": ", ".join(parts[i:])}
    return {"publisher": segment}


def publisher_apa(segment: str) -> dict:
    """ "Place: Publisher" (APA 6) or "Publisher" (APA 7)."""
    m = PLACE.fullmatch(segment.strip().rstrip("."))
    if m:
        return {"publisher-place": m.group("place").strip(), "publisher": m.group("publisher").strip().rstrip(".")}
    return {"publisher": segment.strip().rstrip(".")}


def split_place_publisher(text: str) -> tuple[str, dict] | None:
    """Find a trailing "Place: Publisher" after a sentence end (APA 6)."""
    colon = text.rfind(": ")
    if colon < 0:
        return None
    for end, start in reversed(boundaries(text[:colon])):
        seg = text[start:]
        m = PLACE.fullmatch(seg.rstrip("."))
        if m and len(m.group("place").split()) <= 5:
            return text[:end], {
                "publisher-place": m.group("place").strip(),
                "publisher": m.group("publisher").strip().rstrip("."),
            }
        break
    return None
