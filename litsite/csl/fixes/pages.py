"""Page ranges as citeproc-js formats them (its number parser and PageRangeMangler), for `page` and page locators.

The value is split at "&", ", ", "; " and hyphens. Two parts joined by a hyphen are a range when both are numbers,
or numbers behind the same letter prefix ("N110-N115", "8n11564-8n1568"): the range takes the page-range delimiter
(en dash) and the style's page-range-format (expanded, minimal, minimal-two, chicago, chicago-16), the abbreviated
end expanded first ("321-8" → "321–328") — without a format, a range whose end is below its start stays as written
("321–8"). Two Roman numerals make a range too ("i–ix"). Anything else keeps its hyphen, without the spaces around
it: different prefixes ("N110-P5", "110-N6"), a prefix on one end only ("R583-6"), decimals ("406.3-406.3"), words
("Michaelson-Morley", "3-B"). A hyphen escaped with a backslash ("3\\-B") is written as a hyphen. Two or more dashes
in a row are no range: citeproc-js makes a page's en dashes hyphens and reads a range only at a single one, so
"285--300" and "285––300" print "285--300" (the spaces before the first dash dropped: "285 -- 300" → "285-- 300").
"""

from __future__ import annotations

import re

from litsite.csl.number_segments import label_segments

_JOINER = re.compile(r"(\s*&\s*|,\s+|;\s+|\s*[\-\u2013]+\s*)")
_PARTICLE = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+)$")
_ROMAN = re.compile(r"^(?:[ivxlcdm]+|[IVXLCDM]+)$")
_WORD = re.compile(r"^[a-zA-Z]+$")
_ROMAN_WORD = re.compile(r"^[ivxlcmIVXLCM]+$")
_NUMERAL = re.compile(r"^(?:[0-9]+|[ivxlcmIVXLCM]+)$")
_FIRST_DASH = re.compile(r"\s*-\s*")  # processNumber's joiningSuffix.replace(/\s*-\s*/, "-"): the first one only
_MAX_PARTS = 400  # a page field longer than this many parts is left as written (bounded work per value)


def _minimize(begin: str, end: str, minchars: int = 0) -> str:
    """citeproc-js's minimize_internal: drop the leading digits the end shares with the begin."""
    if len(begin) != len(end):
        return end
    kept = list(end)
    for b, e in zip(begin, end, strict=True):
        if b == e and len(kept) > minchars:
            kept.pop(0)
        else:
            break
    return "".join(kept)


def _chicago(begin: int, end: int, sixteen: bool) -> str:
    if sixteen:
        if begin > 100 and begin % 100:
            for i in range(2, len(str(end))):
                divisor = 10**i
                if begin // divisor == end // divisor:
                    return str(end % divisor)
        return str(end)
    if begin > 100 and begin % 100 and begin // 100 == end // 100:
        return str(end % 100)
    if begin >= 10000:
        return str(end % 1000)
    return str(end)


def format_range(prefix: str, begin: str, end: str, fmt: str | None, delimiter: str) -> str:
    """One range of pages with the same prefix (or none), as the page-range-format wants it."""
    written = end
    if len(end) < len(begin):
        end = begin[: len(begin) - len(end)] + end
    if int(begin) >= int(end):
        return f"{prefix}{begin}{delimiter}{prefix}{written}"  # not a range to citeproc-js: as written
    if fmt in ("minimal", "minimal-two"):
        last = _minimize(begin, end, 2 if fmt == "minimal-two" else 0)
    elif fmt in ("chicago", "chicago-15", "chicago-16"):
        last = _chicago(int(begin), int(end), fmt == "chicago-16")
    else:
        return f"{prefix}{begin}{delimiter}{prefix}{end}"
    return f"{prefix}{begin}{delimiter}{last}"


def _pair(first: str, second: str, fmt: str | None, delimiter: str) -> str:
    a, b = _PARTICLE.match(first), _PARTICLE.match(second)
    if a and b and (a.group(1) or "") == (b.group(1) or ""):
        if not fmt and int(a.group(2)) > int(b.group(2)):
            return f"{first}{delimiter}{second}"  # an abbreviated end without a format: as written
        mangled = format_range(a.group(1) or "", a.group(2), b.group(2), fmt, delimiter)
        # manglePageNumbers keeps the mangled range only if it still reads as two numbers: a particle with digits
        # ("222ra19-222ra20", Science's article numbers) fails that, and the hyphen stays as written
        return mangled if _SPLIT.match(mangled) else f"{first}-{second}"
    if _ROMAN.match(first) and _ROMAN.match(second):
        return f"{first}{delimiter}{second}"
    if _NUMERAL.match(first) and _NUMERAL.match(second):  # manglePageNumbers: a Roman numeral and a number ("ii–3")
        return f"{first}{delimiter}{second}"
    if first[:1].isdigit() and second[:1].isdigit():
        return _lettered(first, second, fmt, delimiter)
    return f"{first}-{second}"


_LISTED = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+[a-z]*)$")  # what PageRangeMangler's listify reads as a page
_SPLIT = re.compile(r"^((?:[0-9]*[a-zA-Z]+0*))?([0-9]+[a-z]*)(\s*[^0-9]+\s*)([-,a-zA-Z]?0*)([0-9]+[a-z]*)$")
_LEAD = re.compile(r"^[0-9]+")


_VALUE = re.compile(r"^([0-9]*[a-zA-Z]+0*)?([0-9]+(?:[a-zA-Z]*|[-,a-zA-Z]+))$")  # processNumber's particle + value


def _particle(piece: str) -> str:
    found = _VALUE.match(piece)
    return (found.group(1) or "") if found else ""


def _lettered(first: str, second: str, fmt: str | None, delimiter: str) -> str:
    """Two pages that start with digits but are not plain numbers ("380B-381", "12a-14b"), as citeproc-js's
    manglePageNumbers writes them: "first - second" through PageRangeMangler, kept only if it still reads as two
    numbers; a page with an upper-case letter after its digits is no page to the mangler, whose en dash then keeps its
    spaces ("380B – 381")."""
    if _particle(first) != _particle(second):
        return f"{first}-{second}"  # not mangled: the values' particles differ ("000c23-22")
    lead_a, lead_b = _LEAD.match(first), _LEAD.match(second)
    if not fmt and lead_a and lead_b and int(lead_a.group(0)) > int(lead_b.group(0)):
        return f"{first}{delimiter}{second}"  # an end below the start, without a format: only the delimiter
    a, b = _LISTED.match(first), _LISTED.match(second)
    if a and b and (not b.group(1) or a.group(1) == b.group(1)):
        prefix, begin, end = a.group(1) or "", a.group(2), b.group(2)
        if len(end) < len(begin):
            end = begin[: len(begin) - len(end)] + end
        if int(_LEAD.match(begin).group(0)) < int(_LEAD.match(end).group(0)):  # type: ignore[union-attr]
            last = _minimize(begin, end, 2 if fmt == "minimal-two" else 0) if fmt in ("minimal", "minimal-two") else end
            mangled = f"{prefix}{begin}{delimiter}{'' if last != end else prefix}{last}"
        else:
            mangled = f"{first}{delimiter}{second}"
    else:
        mangled = f"{first} {delimiter} {second}"
    return mangled if _SPLIT.match(mangled) else f"{first}-{second}"


def _dashes(joiner: str) -> str:
    """A joiner of several dashes as citeproc-js prints it (no range): hyphens, the first without spaces before."""
    if len(joiner.strip()) < 2 or not set(joiner.strip()) <= {"-", "\u2013"}:
        return joiner
    return _FIRST_DASH.sub("-", joiner.replace("\u2013", "-"), count=1)


def format_pages(value: str, fmt: str | None, delimiter: str = "\u2013", ampersand: str = "&") -> str:
    """A page value (or page locator) with its ranges formatted as citeproc-js formats them."""
    if re.match(r"^\s*[-\u2013]+\s*(?=\S)", value):  # an empty first value: its joiner goes, the rest as written
        return re.sub(r"^\s*[-\u2013]+\s*", "", value, count=1).strip()
    groups = label_segments(value.strip(), "page")
    if groups is not None:  # labels inside the value ("6-1 to 6-20"): each group of pages formatted on its own
        return "".join(g if n % 2 else format_pages(g, fmt, delimiter, ampersand) for n, g in enumerate(groups))
    if "\\-" in value:  # an escaped hyphen is a hyphen; the other hyphens of the value become en dashes
        return "-".join(part.replace("-", "\u2013") for part in value.strip().split("\\-"))
    pieces = _JOINER.split(value.strip())
    if len(pieces) > _MAX_PARTS:
        return value
    # a word before a hyphen ("S-1, 2-3"): citeproc-js reads no range in the value
    worded = (
        len(pieces) > 2 and pieces[1].strip() == "-" and _WORD.match(pieces[0]) and not _ROMAN_WORD.match(pieces[0])
    )
    out: list[str] = []
    i = 0
    while i < len(pieces):
        part = pieces[i]
        joiner = pieces[i + 1] if i + 1 < len(pieces) else ""
        if len(joiner.strip()) > 1 and set(joiner.strip()) <= {"-", "\u2013"}:
            out += [part, _dashes(joiner)]
            i += 2
            continue
        if joiner.strip() == "-" and worded:
            out.append(part + "-")
            i += 2
            continue
        if joiner.strip() in ("-", "\u2013"):
            if i + 3 < len(pieces) and pieces[i + 3].strip() in ("-", "\u2013"):
                out.append(part + "-")  # citeproc-js: a hyphen pairs with the range it ends ("12-14–16")
                i += 2
                continue
            if i + 2 < len(pieces) and part and pieces[i + 2]:
                out.append(_pair(part, pieces[i + 2], fmt, delimiter))
                out.append(_dashes(pieces[i + 3]) if i + 3 < len(pieces) else "")
                i += 4
                continue
            out.append(part + "-")
            i += 2
            continue
        out.append(part)
        out.append(f" {ampersand} " if joiner.strip() == "&" else joiner)
        i += 2
    return "".join(out)
