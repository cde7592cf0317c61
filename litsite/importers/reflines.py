"""Free-text reference lines (APA 6, APA 7, Springer author-date) to CSL-JSON items.

Ids are ``{stem}{year}{suffix}``: stem is the first author's (or editor's) family name ASCII-folded to lower-case
letters and digits (``Coatsworth-Puspoky`` -> ``coatsworthpuspoky``), or for an organisation its first word that is
not an article or preposition (``Royal College of Psychiatrists`` -> ``royal``), or for no name the first significant
word of the title; year is the four-digit year or ``nd``; suffix is the printed year suffix (``2006a``). Repeats
within one list get ``-2``, ``-3``, ... in input order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from litsite.importers.names import id_stem, is_apa_given, looks_like_org, parse_names
from litsite.importers.refbody import Body, parse_body
from litsite.importers.refmarkers import clean_line, marker_only, strip_markers
from litsite.importers.refwords import BOOK_PUBLISHER

__all__ = ["ParsedReference", "guess_style", "marker_only", "parse_reference", "parse_references", "strip_markers"]


@dataclass(frozen=True)
class ParsedReference:
    """One parsed line: CSL item, doubts, publisher link markers and the cleaned line."""

    item: dict
    warnings: tuple[str, ...]
    markers: tuple[str, ...]
    line: str


_YEAR = re.compile(
    r"\((?P<year>\d{4})(?P<suffix>[a-z])?(?:[,/]\s*(?P<rest>[^)]{1,30}))?\)"
    r"|\((?P<nd>n\.\s?d\.)(?:-?(?P<ndsuffix>[a-z]))?\)"
    r"|\((?P<press>[Ii]n press|[Ff]orthcoming)(?:-?(?P<psuffix>[a-z]))?\)"
)
_MONTHS = {
    m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
}
_EDITOR_MARK = re.compile(r"\s*\((?:Eds?\.|eds?\.?|Ed|Eds)\)\.?\s*$")


def repair_scrape(text: str) -> str:
    """Undo scrape artefacts: a line-end hyphen leaves "Coatsworth- Puspoky" for "Coatsworth-Puspoky"."""
    return re.sub(r"(?<=\w)- (?!(?:and|or|to|und|et)\b)(?=\w)", "-", text)


def guess_style(line: str) -> str:
    """Guess the style a line was printed in: "apa-6th-edition", "apa" (7th) or "springer-basic-author-date"."""
    text = repair_scrape(clean_line(line)[0])
    m = _YEAR.search(text)
    after = text[m.end() :] if m else text
    # "Place: Publisher." at the end is APA 6 even when the date lacks its period ("Royal College … (2008) …").
    place_end = re.search(r"[.?!] [A-Z][\w .,;'’-]{1,40}: [^:]+\.$", text)
    if m and not after.startswith(".") and not place_end:
        return "springer-basic-author-date"
    # APA 6 shows "Retrieved [date,] from", "doi:", "(Doctoral dissertation)", ". . ." and "Place: Publisher".
    if re.search(r"\bRetrieved\b[^:]*\bfrom\b|\bdoi:\s?10\.|https?://dx\.doi|\((?:Doctoral|Master)|\. \. \.", text):
        return "apa-6th-edition"
    if re.search(r"(?:^|[.?!] )[A-Z][\w .,;'’-]{1,40}: [^:]+\.?$", text):
        return "apa-6th-edition"
    return "apa"
    if re.search(r"(?:^|\. )[A-Z][\w .,'’-]{1,40}: [^:]+\.?$", text):
        return "apa-6th-edition"
    if re.search(r"\)\. In [A-Z]", text) and re.search(r"\. [A-Z][\w ,]+: ", text):
        return "apa-6th-edition"
    return "apa"


def _date(m: re.Match[str] | None) -> tuple[dict, list[str]]:
    """CSL date fields from the printed date."""
    if m is None:
        return {}, ["no year found"]
    if m.group("nd"):
        return ({"year-suffix": m.group("ndsuffix")} if m.group("ndsuffix") else {}), ["no date (n.d.)"]
    if m.group("press"):
        out = {"status": "in press"}
        if m.group("psuffix"):
            out["year-suffix"] = m.group("psuffix")
        return out, []
    parts = [int(m.group("year"))]
    rest = (m.group("rest") or "").strip()
    md = re.match(r"([A-Za-z]{3})[a-z]*\.?(?:\s+(\d{1,2}))?", rest)
    if md and md.group(1).lower() in _MONTHS:
        parts.append(_MONTHS[md.group(1).lower()])
        if md.group(2):
            parts.append(int(md.group(2)))
    out: dict = {"issued": {"date-parts": [parts]}}
    if m.group("suffix"):
        out["year-suffix"] = m.group("suffix")
    return out, []


def _accessed(text: str) -> dict | None:
    """CSL date of "14 Mar 2022" or "March 14, 2022" (access dates)."""
    m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})", text) or re.fullmatch(
        r"([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})", text
    )
    if not m:
        return None
    day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(1).isdigit() else m.group(2, 1, 3)
    if month.lower() not in _MONTHS:
        return None
    return {"date-parts": [[int(year), _MONTHS[month.lower()], int(day)]]}


# Vancouver (NLM): "Berry C, Hayward M. Title. J Public Ment Health. 2011;10(4):238-50. doi:…"
_VANCOUVER = re.compile(
    r"^(?P<names>.+?)\.\s(?P<title>.+?[.?!])\s(?P<container>[A-Z][^.;]+?)\.?\s"
    r"(?P<year>(?:19|20)\d{2})(?:\s[A-Z][a-z]{2}(?:\s\d{1,2})?)?;\s?(?P<volume>\w+)?(?:\s?\((?P<issue>[^)]+)\))?"
    r"(?::\s?(?P<page>[A-Za-z]?\d+[A-Za-z]?(?:[-–][A-Za-z]?\d+[A-Za-z]?)?))?\.?$"
)
_TRAILING_IDS = re.compile(
    r"(?:\s*(?:(?:doi:\s*|https?://(?:dx\.)?doi\.org/)(?P<doi>10\.\S+?)|PMID:\s*\d+|PMCID:\s*PMC\d+)\.?)+$", re.I
)


def _vancouver(text: str) -> dict | None:
    """Fields of a Vancouver-style journal line, or None when the line is not one."""
    ids = _TRAILING_IDS.search(text)
    core = text[: ids.start()].strip() if ids else text
    m = _VANCOUVER.match(core)
    if not m:
        return None
    names, _ = parse_names(m.group("names"))
    out: dict = {"type": "article-journal"}
    if names:
        out["author"] = names
    out["issued"] = {"date-parts": [[int(m.group("year"))]]}
    out["title"] = m.group("title").rstrip(".")
    out["container-title"] = m.group("container").strip()
    for key in ("volume", "issue", "page"):
        if m.group(key):
            out[key] = m.group(key)
    if ids and ids.group("doi"):
        out["DOI"] = ids.group("doi").rstrip(".")
    return out


def _fallback_year(text: str) -> re.Match[str] | None:
    """A year printed without parentheses (other styles): ", 2011." or " 2011;"."""
    return re.search(
        r"(?<=[ ,.;])(?P<year>(?:19|20)\d{2})(?P<suffix>[a-z])?(?=[.;,:) ]|$)"
        r"(?P<rest>)(?P<nd>)(?P<ndsuffix>)(?P<press>)(?P<psuffix>)",
        text,
    )


def parse_reference(line: str) -> ParsedReference:
    """Parse one printed reference line into a CSL item (id not yet made unique across a list)."""
    shown, markers = clean_line(line)
    text = repair_scrape(shown)
    warnings: list[str] = []
    item: dict = {"id": "", "type": "article-journal"}
    m = _YEAR.search(text)
    vancouver = _vancouver(text) if m is None else None
    if vancouver:
        item.update(vancouver)
        if markers:
            item["x-links"] = list(markers)
        item["id"] = make_id(item)
        return ParsedReference(item=item, warnings=tuple(warnings), markers=markers, line=shown)
    if m is None:
        fb = _fallback_year(text)
        date, dw = _date(fb)
        warnings += ["no year in parentheses; guessed from the text"] if fb else dw
        pre, rest, springer = _split_no_year(text)
    else:
        date, dw = _date(m)
        warnings += dw
        pre = text[: m.start()].strip()
        rest = text[m.end() :]
        springer = not rest.startswith(".")
        rest = rest.lstrip(". ").strip()
    role, names_text, title_first = _names_part(pre, rest)
    names, cut = parse_names(names_text) if names_text else ([], False)
    if names:
        item[role] = names
    if cut:
        warnings.append(f"{role} list cut (et al.); only printed names kept")
    body = parse_body(rest, springer)
    fields = body.fields
    _settle_type(body, title_first, bool(names) and role == "author" and all("literal" in n for n in names), markers)
    item["type"] = body.type or "article-journal"
    for key in ("editor",):
        if key in fields:
            item[key] = fields.pop(key)
    item.update(date)
    for key, value in fields.items():
        if value not in ("", None) and not key.startswith("x-"):
            item[key] = value
    if "x-accessed" in fields:
        accessed = _accessed(fields["x-accessed"])
        if accessed:
            item["accessed"] = accessed
    if markers:
        item["x-links"] = list(markers)
    warnings += body.warnings
    if not item.get("title"):
        warnings.append("no title found")
    if item["type"] == "article-journal" and not item.get("container-title"):
        warnings.append("journal article without a journal name")
    item["id"] = make_id(item)
    return ParsedReference(item=item, warnings=tuple(warnings), markers=markers, line=shown)


def _names_part(pre: str, rest: str) -> tuple[str, str, str]:
    """(role, the names' text, a title printed first): what stands before the date is authors, editors ("(Eds.)"),
    or, in APA without an author, the title."""
    names_text = pre
    role = "author"
    if _EDITOR_MARK.search(names_text):
        role = "editor"
        names_text = _EDITOR_MARK.sub("", names_text)
    names_text = names_text.strip().rstrip(",")
    if names_text.endswith(".") and not is_apa_given(names_text.split(",")[-1]):
        names_text = names_text[:-1]
    if names_text and not re.search(r",\s*[A-Z]", names_text) and _no_author(names_text, rest):
        return role, "", names_text
    return role, names_text, ""


def _settle_type(body: Body, title_first: str, org_only: bool, markers: tuple[str, ...]) -> None:
    """The body's type corrected by what stands before the date and by the link markers."""
    fields = body.fields
    if title_first:
        # APA without author: the title comes first, what follows the date is the site or publisher.
        if fields.get("title") and not fields.get("container-title"):
            fields["container-title"] = fields.pop("title")
        fields["title"] = title_first.rstrip(".")
        if body.type == "report" and "URL" in fields:
            body.type = "webpage"
    # An organisation's own publication is a report, unless a book publisher issued it (the DSM).
    book_like = BOOK_PUBLISHER.search(fields.get("publisher", "")) or "edition" in fields
    if body.type == "book" and org_only and not book_like:
        body.type = "report"
    if "Book" in markers and body.type in ("report", "webpage", "thesis"):
        # The newer Springer layout links books with a "Book" marker.
        body.type = "book"
    if markers and body.type in ("book", "report", "webpage"):
        by_markers = _journal_by_markers(markers, fields)
        if by_markers:
            body.type = by_markers
            body.warnings.append("type guessed: article (PubMed/CrossRef links, no volume)")


def _journal_by_markers(markers: tuple[str, ...], fields: dict) -> str:
    """PubMed (or CrossRef without a book publisher) links mark "Title. Name." as a journal article, not a book."""
    publisher = fields.get("publisher", "")
    if not publisher or "publisher-place" in fields or "URL" in fields or BOOK_PUBLISHER.search(publisher):
        return ""
    if not any(m.startswith("PubMed") for m in markers) and ("CrossRef" not in markers or looks_like_org(publisher)):
        return ""
    fields["container-title"] = fields.pop("publisher")
    return "article-journal"


def _no_author(pre: str, rest: str) -> bool:
    """True when the text before the date is the title (APA puts the title first when there is no author)."""
    body = re.sub(r"https?://\S+", "", rest).strip()
    if re.match(r"Retrieved\b", body) or not body:
        return True
    # "Separation anxiety. (2020). Nhs.Uk. https://…": one segment and a URL means the site, not a title.
    if "http" in rest and "," not in pre and not re.search(r"[.?!] ", body.rstrip(". ")):
        return True
    if looks_like_org(pre) and len(pre.split()) <= 8:
        return False
    # A title is long or ends with ?/!; an organisation name is short and capitalised.
    words = pre.split()
    lower = sum(1 for w in words if w[:1].islower())
    return pre.endswith(("?", "!")) or (len(words) > 3 and lower >= 2 and not looks_like_org(pre))


_SPRINGER_NAME = r"[A-Z\u00c0-\u024f][\w'’-]+(?: [\w'’-]+){0,2} [A-Z\u00c0-\u00de]{1,3}(?:-[A-Z])?"
_SPRINGER_NAMES = re.compile(rf"^((?:{_SPRINGER_NAME}, )*{_SPRINGER_NAME}(?:, et al)?) (?=[A-Z0-9“‘\"'])")


def _split_no_year(text: str) -> tuple[str, str, bool]:
    """Lines without a parenthesised date: names up to the first sentence end, the rest is the body."""
    # Springer prints nothing for a missing date: "Gillard S, Holley J Peer workers …. Journal".
    sm = _SPRINGER_NAMES.match(text)
    if sm:
        return sm.group(1), text[sm.end() :], True
    m = re.search(r"(?<=[a-z\u00e0-\u024f]{2})\. |(?<=[A-Z]\.) (?=[A-Z][a-z]+ [a-z])", text)
    if not m:
        return "", text, False
    return text[: m.start()], text[m.end() :], False


def make_id(item: dict) -> str:
    """Stable id ``{stem}{year}{suffix}`` as described in the module docstring."""
    names = item.get("author") or item.get("editor") or []
    stem = id_stem(names)
    if not stem:
        for word in re.findall(r"\w+", item.get("title", "")):
            if word.lower() not in {"the", "a", "an", "of", "on", "in", "and", "for"}:
                stem = id_stem([{"literal": word}])
                break
    parts = item.get("issued", {}).get("date-parts", [[]])
    year = str(parts[0][0]) if parts and parts[0] else ("inpress" if item.get("status") else "nd")
    return f"{stem or 'ref'}{year}{item.get('year-suffix', '')}"


def parse_references(lines: Iterable[str]) -> list[ParsedReference]:
    """Parse lines in order, skipping blank ones; marker-only lines join the reference above; ids made unique."""
    grouped: list[str] = []
    for raw in lines:
        if not raw.strip():
            continue
        if marker_only(raw) is not None:
            if grouped:
                # Spaced like the newer Springer layout prints them, so strip_markers takes them as markers.
                grouped[-1] = f"{grouped[-1].rstrip()}  {raw.strip()}"
            continue
        grouped.append(raw)
    out: list[ParsedReference] = []
    seen: dict[str, int] = {}
    for raw in grouped:
        ref = parse_reference(raw)
        base = ref.item["id"]
        seen[base] = seen.get(base, 0) + 1
        if seen[base] > 1:
            ref = ParsedReference(
                item=dict(ref.item, id=f"{base}-{seen[base]}"),
                warnings=ref.warnings,
                markers=ref.markers,
                line=ref.line,
            )
        out.append(ref)
    return out


def parse_guarded(text: str, where: str, warnings: list[str]) -> dict | None:
    """A free-text reference's CSL item, its warnings added under `where`; None, with a warning, when the parser
    fails on the line (a parser bug must not lose a whole import)."""
    try:
        parsed = parse_reference(text)
    except Exception as e:
        warnings.append(f"{where}: cannot parse the reference ({type(e).__name__}: {e})")
        return None
    warnings += [f"{where}: {w}" for w in parsed.warnings]
    return dict(parsed.item)
