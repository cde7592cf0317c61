"""Dates written as text ("raw" in CSL-JSON, or a string) parsed into date-parts as citeproc-js's DateParser does.

"2015-12-26T22:30:36Z", "September 20, 2006", "Spring 1999/Summer 2001", "7月1964", "44 BC", "c. 1850" become
date-parts (with season and circa); a text with no year, or with a day but no month, stays a literal date. Numeric
dates are read month first ("5/6/2020" is May 6) unless the first number is above 12.
"""

from __future__ import annotations

import re

# months, then seasons (months 13-16 in CSL-JSON); matched on their first three letters anywhere in a word, as
# citeproc-js's default month expressions do (not anchored: "1st May 2000" is May 1, "2000, May" is May)
_MONTHS = (
    "january february march april may june july august september october november december spring summer fall winter"
).split()
_KANJI_MONTH_DAY = re.compile("[\u6708\u5e74]")
_EPOCHS = {"\u660e\u6cbb": 1867, "\u5927\u6b63": 1911, "\u662d\u548c": 1925, "\u5e73\u6210": 1988}
_EPOCH = re.compile("(" + "|".join(_EPOCHS) + r")([0-9]+)")
_MAX_LENGTH = 200  # a date written as text longer than this is not a date: kept as a literal, unparsed


def _splitter(numeric: str, range_delim: str) -> re.Pattern[str]:
    year_last = f"(?:[?0-9]{{1,2}}{numeric}){{0,2}}[?0-9]{{4}}(?![0-9])"
    year_first = f"[?0-9]{{4}}(?:{numeric}[?0-9]{{1,2}}){{0,2}}(?![0-9])"
    return re.compile(f"({year_first}|{year_last}|[?0-9]{{1,3}}|[{range_delim}]|[?~]|[^\\-/~?0-9]+)")


_DASH = _splitter("-", "-")
_DASH_SLASH = _splitter("-", "/")
_SLASH_DASH = _splitter("/", "-")
_TOKEN = re.compile(r"^\s*([\-/]|[^\-/~?0-9]+|[\-~?0-9]+)\s*$")


def _kanji(txt: str) -> str:
    """A Japanese date ("平成12年7月1日", "1964年7月") in the numeric form the rest of the parser reads."""
    txt = re.sub(r"\s+", "", txt).replace("\u65e5", "")
    txt = _KANJI_MONTH_DAY.sub("-", txt).replace("\u301c", "/").replace("-/", "/")
    txt = txt.rstrip("-")
    txt = _EPOCH.sub(lambda m: str(_EPOCHS[m.group(1)] + int(m.group(2))), txt)
    txt = re.sub(r"\s*-\s*$", "", txt)
    txt = re.sub(r"\s*-\s*/", "/", txt)
    txt = re.sub(r"\.\s*$", "", txt)
    return re.sub(r"\.(?! )", "", txt, count=1)


def _numeric(out: dict, delim: str, suffix: str, text: str) -> None:
    """A numeric date ("2006-09-20", "9/20/2006"): the four-digit part is the year, the rest month then day."""
    parts = text.split(delim)
    for i, part in enumerate(parts):
        if len(part) == 4:
            out["year" + suffix] = part.lstrip("0")
            parts = parts[1:] if i == 0 else parts[:i]
            break
    nums = [int(p) if p.isdigit() else 0 for p in parts]
    if len(nums) == 1 or (len(nums) == 2 and not nums[1]):
        if nums[0]:
            out["month" + suffix] = nums[0]
    elif len(nums) == 2:
        month, day = (nums[1], nums[0]) if nums[0] > 12 else (nums[0], nums[1])
        if month:
            out["month" + suffix] = month
            if day:
                out["day" + suffix] = day


def _tokens(txt: str) -> tuple[list[str], str, str]:
    slash, dash = "/" in txt, "-" in txt
    if slash and dash:
        if txt.count("/") > 2:
            range_delim, date_delim, splitter = "-", "/", _SLASH_DASH
            txt = txt.replace("_", "-")
        else:
            range_delim, date_delim, splitter = "/", "-", _DASH_SLASH
            txt = txt.replace("_", "/")
    else:
        txt = txt.replace("/", "-").replace("_", "-")
        range_delim, date_delim, splitter = "-", "-", _DASH
    tokens = []
    for piece in splitter.split(txt):
        match = _TOKEN.match(piece)
        if match:
            tokens.append(match.group(1))
    return tokens, range_delim, date_delim


def _side(out: dict, tokens: list[str], date_delim: str, suffix: str) -> None:
    """Read one side of a range."""
    number = note = ""
    for element in tokens:
        lower = element.lower()
        if date_delim in element:
            _numeric(out, date_delim, suffix, element)
            continue
        if re.search("[0-9]{4}", element):
            out["year" + suffix] = element.lstrip("0")
            continue
        if element in ("~", "?", "c") or lower.startswith("cir"):
            out["circa"] = True
        month = next((k for k, name in enumerate(_MONTHS) if name[:3] in lower), None)
        if month is not None:
            out["month" + suffix] = month + 1
            continue
        if element.isdigit():
            number = element
        if lower.startswith("bc") and number:
            out["year" + suffix] = str(-int(number))
            number = ""
            continue
        if lower.startswith("ad") and number:
            out["year" + suffix] = number
            number = ""
            continue
        if re.search("mic|tri|hil|eas", lower) and not out.get("season" + suffix):
            note = element
    if number:
        out["day" + suffix] = number
    if note and not out.get("season" + suffix):
        out["season" + suffix] = note.strip()


def parse_raw(text: str) -> dict:
    """A date written as text as a CSL-JSON date: {"date-parts": …} (with "season", "circa"), or {"literal": text}."""
    orig = text
    if len(text) > _MAX_LENGTH:
        return {"literal": orig}
    txt = re.sub(r"^(.*[0-9])T[0-9].*", r"\1", text, flags=re.S)
    negative = txt.startswith("-")
    if negative:
        txt = txt[1:]
    if re.fullmatch("[0-9]{1,3}", txt):
        txt = txt.zfill(4)
    txt = re.sub(r"\s*[0-9]{2}:[0-9]{2}(?::[0-9]+)", "", txt, count=1)
    if _KANJI_MONTH_DAY.search(txt):
        txt = _kanji(txt)
    txt = re.sub(r"([A-Za-z])\.", r"\1", txt)
    if len(txt) > 1 and txt.startswith('"') and txt.endswith('"'):
        return {"literal": txt[1:-1]}
    tokens, range_delim, date_delim = _tokens(txt)
    out: dict = {}
    sides = [tokens]
    if range_delim in tokens:
        at = tokens.index(range_delim)
        sides = [tokens[:at], tokens[at + 1 :]]
    for suffix, side in zip(("", "_end"), sides, strict=False):
        _side(out, side, date_delim, suffix)
    if len(sides) == 2:
        for part in ("year", "month", "day", "season"):
            if out.get(part) and not out.get(part + "_end"):
                out[part + "_end"] = out[part]
            elif not out.get(part) and out.get(part + "_end"):
                out[part] = out[part + "_end"]
    if not out.get("year") or (out.get("day") and not out.get("month")):
        return {"literal": orig}
    return _to_csl(out, negative)


def _given(value: object) -> bool:
    """Whether citeproc-js keeps a part: its digits are read as a number first, so a "0" day or month is none."""
    return bool(int(value) if isinstance(value, str) and value.isdigit() else value)


def _to_csl(found: dict, negative: bool) -> dict:
    """The parser's fields as CSL-JSON date-parts (the end only when it has as many parts as the start)."""
    begin: list[int] = []
    for part in ("year", "month", "day"):
        if not _given(found.get(part)):
            break
        begin.append(int(found[part]))
    end: list[int] = []
    for part in ("year_end", "month_end", "day_end")[: len(begin)]:
        if not _given(found.get(part)):
            break
        end.append(int(found[part]))
    if negative:
        begin[0] = -begin[0]
    out: dict = {"date-parts": [begin, end] if len(end) == len(begin) else [begin]}
    if found.get("season"):
        out["season"] = found["season"]
    if found.get("circa"):
        out["circa"] = True
    return out
