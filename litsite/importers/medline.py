"""PubMed MEDLINE text (.nbib, also saved as .txt or .ris): tagged lines → the study."""

from __future__ import annotations

import re
from pathlib import Path

from litsite.errors import UserError
from litsite.importers.mdtext import escape_inline, escape_markdown
from litsite.importers.pubmed import MAX_RECORDS, bibliography, expand_pages
from litsite.importers.result import ImportResult
from litsite.importers.textutil import month_number

_TAG = re.compile(r"^([A-Z][A-Z0-9]{1,3}) *- ?(.*)$")
# Labels of a structured abstract as MEDLINE prints them inline: "PURPOSE: …  METHODS: …".
_LABEL = re.compile(r"(?:(?<=^)|(?<=[.!?)\]] ))([A-Z][A-Z0-9 ,&/-]{2,60}): ")
MAX_LINES = 200_000  # bound the work one record can cause


def parse_tags(text: str, path: Path) -> list[list[tuple[str, str, int]]]:
    """The records of a MEDLINE file: each a list of (tag, value, line) with continuation lines joined."""
    records: list[list[tuple[str, str, int]]] = []
    current: list[tuple[str, str, int]] = []
    for no, line in enumerate(text.split("\n")[:MAX_LINES], start=1):
        if not line.strip():
            if current and current[-1][0] != "":
                records.append(current)
                current = []
            continue
        m = _TAG.match(line)
        if m and line[4:5] == "-":  # the tag is padded to four characters, then "- "
            current.append((m.group(1), m.group(2).strip(), no))
        elif current and line.startswith((" ", "\t")):
            tag, value, start = current[-1]
            current[-1] = (tag, f"{value} {line.strip()}".strip(), start)
        else:
            raise UserError(path, no, "not a MEDLINE line (expected 'TAG - value' or an indented continuation)")
    if current:
        records.append(current)
    return records


def medline_date(text: str) -> str:
    """An ISO date from MEDLINE's 'DP - 2012 Oct 5' or '20121008'."""
    text = text.strip()
    if m := re.fullmatch(r"(\d{4})(\d\d)(\d\d)", text):
        return "-".join(m.groups())
    m = re.match(r"(\d{4})(?:\s+([A-Za-z]{3,9})(?:\s+(\d{1,2}))?)?", text)
    if not m:
        return ""
    parts = [m.group(1)]
    month = month_number(m.group(2)) if m.group(2) else None
    if month:
        parts.append(f"{month:02d}")
        if m.group(3):
            parts.append(f"{int(m.group(3)):02d}")
    return "-".join(parts)


def _name(full: str) -> dict:
    if "," not in full:
        return {"literal": full}
    family, given = (p.strip() for p in full.split(",", 1))
    return {"family": family, "given": given} if given else {"family": family}


def _abstract_markdown(abstract: str) -> str:
    """The abstract with its inline labels ('PURPOSE: ') set bold, one paragraph per section."""
    parts = _LABEL.split(abstract)
    if len(parts) < 3:
        return ""
    md = [escape_markdown(parts[0].strip())] if parts[0].strip() else []
    for label, text in zip(parts[1::2], parts[2::2], strict=True):
        md.append(f"**{escape_inline(label.strip())}** {escape_markdown(text.strip())}")
    return "\n\n".join(md)


def load_medline(text: str, path: Path) -> ImportResult:
    """Import a MEDLINE / .nbib record as the study; a file of several records as references."""
    records = parse_tags(text, path)
    if not records:
        raise UserError(path, None, "no MEDLINE record in the file")
    if len(records) > 1:
        return bibliography([record_study(r)[0] for r in records[:MAX_RECORDS]], "records", [])
    study, md = record_study(records[0])
    study["source-record"] = f"records/{path.name}"
    warnings = [f"no {label} in the record" for key, label in (("title", "title"), ("container-title", "journal"))
                if key not in study]  # fmt: skip
    return ImportResult(study, [], warnings, body=f"## Abstract\n\n{md}\n" if md else "")


def record_study(record: list[tuple[str, str, int]]) -> tuple[dict, str]:
    """The study's fields of one MEDLINE record, and its abstract as Markdown ('' unless it has labels)."""
    tags: dict[str, list[str]] = {}
    for tag, value, _ in record:
        tags.setdefault(tag, []).append(value)

    def one(tag: str) -> str:
        """The first value of a tag, '' if the record lacks it."""
        return tags.get(tag, [""])[0]

    study: dict = {"type": "article-journal"}
    if title := one("TI") or one("BTI"):
        study["title"] = re.sub(r"(?<!\.\.)\.$", "", title)
    if one("JT") or one("TA"):
        study["container-title"] = one("JT") or one("TA")
    if one("TA") and one("TA") != study.get("container-title"):
        study["container-title-short"] = one("TA")
    for tag, key in (("VI", "volume"), ("IP", "issue")):
        if one(tag):
            study[key] = one(tag)
    if one("PG"):
        study["page"] = expand_pages(one("PG"))
    if issued := medline_date(one("DP")):
        study["issued"] = issued
    if online := medline_date(one("DEP")):
        study["available-date"] = online
    for value in tags.get("PHST", []):
        m = re.match(r"(\d{4})/(\d\d)/(\d\d).*\[(received|accepted)\]", value)
        if m:
            study["submitted" if m.group(4) == "received" else "accepted"] = "-".join(m.groups()[:3])
    names = [_name(n) for n in tags.get("FAU", [])] or [_name(n.replace(" ", ", ", 1)) for n in tags.get("AU", [])]
    names += [{"literal": n} for n in tags.get("CN", [])]
    if names:
        study["author"] = names
    ids = tags.get("LID", []) + tags.get("AID", [])
    if doi := next((v[: -len("[doi]")].strip() for v in ids if v.endswith("[doi]")), ""):
        study["DOI"] = doi
    if one("PMID"):
        study["PMID"] = one("PMID")
    if one("PMC"):
        study["PMCID"] = one("PMC")
    if issn := next((re.sub(r"\s*\(.*\)$", "", v) for v in tags.get("IS", [])), ""):
        study["ISSN"] = issn
    if keywords := list(dict.fromkeys(k for k in tags.get("OT", []) if k)):
        study["keywords"] = keywords
    if affiliations := list(dict.fromkeys(tags.get("AD", []))):
        study["affiliations"] = affiliations
    if one("CI"):
        study["copyright"] = one("CI")
    if one("AB"):
        study["abstract"] = one("AB")
    return study, _abstract_markdown(one("AB"))
