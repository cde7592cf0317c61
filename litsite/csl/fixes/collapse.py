"""Cite collapsing in clusters (CSL 1.0.2 "Citation-specific options", collapse).

collapse="citation-number": runs of three or more consecutive numbers become a range ("1–3").
collapse="year" / "year-suffix" / "year-suffix-ranged": cites by the same names are grouped; later ones drop the
names ("Doe 2000, 2001"), with year-suffix also the repeated year ("Doe 2000a, b"), ranged as "a–c".
Delimiters (as citeproc-js): inside a group, a year follows a year without suffix after cite-group-delimiter
(default ", ") and a year with a suffix after the cite-group-delimiter or, for the year-suffix modes, the layout
delimiter; year-suffix-delimiter (default: that delimiter) joins suffixes; after-collapse-delimiter (default: the
layout delimiter) follows a collapsed group, the layout delimiter a cite that was not collapsed. Cites with a prefix
or suffix are not collapsed; cites with a locator are not part of number ranges.
"""

from __future__ import annotations

from citeproc.string import String

from litsite.csl.markup import PLACEHOLDERS

_DASH = "–"


def _plain(cite: object) -> bool:
    return not (cite.get("prefix") or cite.get("suffix"))


def collapse_numbers(entries: list[tuple[object, object]], delimiter: str, after: str) -> list[tuple[object, str]]:
    """[(cite, text)] → [(text, delimiter after it)] with number runs as ranges."""
    out: list[tuple[object, str]] = []
    i = 0
    while i < len(entries):
        j = i
        while (
            j + 1 < len(entries)
            and _plain(entries[j][0])
            and _plain(entries[j + 1][0])
            and not entries[j][0].get("locator")
            and not entries[j + 1][0].get("locator")
            and entries[j + 1][0].number == entries[j][0].number + 1
        ):
            j += 1
        if j - i >= 2:
            out.append((String(str(entries[i][1]) + _DASH + str(entries[j][1])), after))
        else:
            out += [(text, delimiter) for _, text in entries[i : j + 1]]
        i = j + 1
    return out


def collapse_years(layout: object, entries: list[tuple[object, object]], mode: str, opts: dict[str, str]):
    """Group cites by their names; later cites in a group render without names (and repeated years)."""
    groups: dict[str, list[tuple[object, object]]] = {}
    order: list[str] = []
    for cite, text in entries:
        # the names as shown, "et al." included: "Smith" and "Smith et al." are not collapsed (citeproc-js)
        shown = cite.get("_first_names_obj")
        key = (str(shown) if shown is not None else cite.get("_first_names")) if _plain(cite) else None
        key = key or f"\x00{id(cite)}"
        if opts.get("adjacent") and order:  # without a citation sort only neighbours group (citeproc-js)
            key = order[-1] if order[-1].split("\x01")[0] == key else f"{key}\x01{len(order)}"
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append((cite, text))
    out: list[tuple[object, str]] = []
    for key in order:
        members = groups[key]
        if len(members) == 1 or key.startswith("\x00"):
            # not collapsed: the layout delimiter, or an explicit after-collapse-delimiter (citeproc-js's
            # getSpliceDelimiter: also between two cites that are not collapsed, except for collapse="year-suffix")
            explicit = opts.get("explicit_after") and (mode != "year-suffix" or members[-1][0].get("locator"))
            out += [(text, opts["after"] if explicit else opts["delimiter"]) for _, text in members]
            continue
        pieces: list[tuple[str, str]] = []  # (text, year)
        for n, (cite, text) in enumerate(members):
            if n == 0:
                suffixed = mode != "year" and (cite.reference.get("_dis") or {}).get("suffix")
                pieces.append((str(text), "suffixed" if suffixed else ""))
                continue
            short = str(layout.litsite_render_short(cite))
            year = _year(cite)
            suffix = (cite.reference.get("_dis") or {}).get("suffix", "")
            prev_year = _year(members[n - 1][0])
            bare = "".join(c for c in short if c not in PLACEHOLDERS)  # a suffix may carry formatting marks
            if mode != "year" and suffix and year and year == prev_year and bare.endswith(f"{year}{suffix}"):
                pieces.append((suffix, "suffix"))
            elif short.strip():
                # after a cite with a locator, an explicit after-collapse-delimiter ("Wong 1999, 328; 2000, 475")
                after_locator = opts.get("explicit_after") and members[n - 1][0].get("locator")
                pieces.append((short, "after-locator" if after_locator else ""))
        texts = _join_group(pieces, mode, opts)
        out.append((String(texts), opts["after"]))
    return out


def _year(cite: object) -> str:
    issued = cite.reference.get("issued")
    try:
        return str(issued.year)
    except (AttributeError, KeyError, TypeError):
        try:
            return str(issued.begin.year)
        except (AttributeError, KeyError, TypeError):
            return ""


def _join_group(pieces: list[tuple[str, str]], mode: str, opts: dict[str, str]) -> str:
    text = pieces[0][0]
    k = 1
    while k < len(pieces):
        piece, kind = pieces[k]
        if kind == "suffix" and mode == "year-suffix-ranged":
            m = k
            while m + 1 < len(pieces) and pieces[m + 1][1] == "suffix" and _next(pieces[m][0], pieces[m + 1][0]):
                m += 1
            if m - k >= 1 and _next(pieces[k - 1][0], piece):
                text += _DASH + pieces[m][0]
                k = m + 1
                continue
        if kind == "suffix":
            joiner = opts["year_suffix"]
        elif kind == "after-locator":
            joiner = opts["after"]
        elif pieces[k - 1][1] in ("suffix", "suffixed"):
            joiner = opts["group"]  # after a year with a suffix
        else:
            joiner = opts.get("plain_group", opts["group"])
        text += joiner + piece
        k += 1
    return text


def _next(before: str, after: str) -> bool:
    """Whether `after` ends in the letter following the last letter of `before`."""
    return bool(before and after) and ord(after[-1]) == ord(before[-1]) + 1
