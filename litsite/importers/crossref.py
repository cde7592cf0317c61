"""Crossref REST API `works` JSON (the message alone or in its envelope) → the study and its references."""

from __future__ import annotations

import html
import re
from pathlib import Path

from lxml import etree

from litsite.errors import UserError
from litsite.importers import reflines, structured
from litsite.importers.ids import assign_ids
from litsite.importers.jats_body import abstract_markdown
from litsite.importers.result import ImportResult
from litsite.importers.textutil import clean_doi

TYPES = {
    "journal-article": "article-journal", "book-chapter": "chapter", "book-section": "chapter",
    "book-part": "chapter", "proceedings-article": "paper-conference", "book": "book", "monograph": "book",
    "edited-book": "book", "reference-book": "book", "book-set": "book", "book-series": "book",
    "posted-content": "article", "report": "report", "report-series": "report", "dissertation": "thesis",
    "dataset": "dataset", "reference-entry": "entry", "standard": "standard", "peer-review": "review",
    "journal-issue": "periodical", "journal": "periodical", "component": "document", "other": "document",
}  # fmt: skip
_INITIALS = re.compile(r"^(?:[A-Z]\.?-?){1,4}$")  # "J", "JC", "T.", "G-W"
_OTHERS = re.compile(r"\s*(?:,\s*)?(?:and others|et al\.?|and colleagues)$", re.I)
MAX_REFERENCES = 20_000  # bound the work one record can cause


def _plain(text: object) -> str:
    """Text of a Crossref string that may carry JATS or HTML tags and entities."""
    text = str(text or "")
    if "<" in text:
        text = re.sub(r"<[^>]{0,200}>", "", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _first(value: object) -> str:
    if isinstance(value, list):
        return _plain(value[0]) if value else ""
    return _plain(value)


def _date(value: object) -> str:
    parts = value.get("date-parts") if isinstance(value, dict) else None
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]):
        return ""
    nums = [p for p in parts[0][:3] if isinstance(p, int) and not isinstance(p, bool)]
    if not nums or not 1000 <= nums[0] <= 2999:
        return ""
    return "-".join([f"{nums[0]:04d}", *(f"{n:02d}" for n in nums[1:])])


def _abstract(value: object) -> tuple[str, str]:
    """(Markdown, plain text) of a Crossref abstract (JATS-tagged, <jats:p>, or plain text)."""
    text = str(value or "").strip()
    if not text:
        return "", ""
    wrapped = f'<abstract xmlns:jats="http://www.ncbi.nlm.nih.gov/JATS1">{text}</abstract>'
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, recover=True)
    try:
        root = etree.fromstring(wrapped, parser)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        plain = _plain(text)
        return "", plain
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    for title in root.xpath("title[1]"):
        if title.text and title.text.strip().lower() in ("abstract", "summary"):
            root.remove(title)
    md, plain = abstract_markdown(root)
    return md, plain


def _names(people: object) -> tuple[list[dict], list[str]]:
    names, affiliations = [], {}
    for p in people if isinstance(people, list) else []:
        if not isinstance(p, dict):
            continue
        if p.get("family"):
            name = {"family": _plain(p["family"])}
            if p.get("given"):
                name["given"] = _plain(p["given"])
            if p.get("suffix"):
                name["suffix"] = _plain(p["suffix"])
            names.append(name)
        elif p.get("name"):
            names.append({"literal": _plain(p["name"])})
        for aff in p.get("affiliation") or []:
            if isinstance(aff, dict) and aff.get("name"):
                affiliations.setdefault(_plain(aff["name"]))
    return names, list(affiliations)


def _container(message: dict, kind: str) -> dict:
    titles = [_plain(t) for t in message.get("container-title") or [] if _plain(t)]
    out = {}
    if titles:
        # A chapter's container titles list the series first and the book last.
        out["container-title"] = titles[-1] if kind == "chapter" else titles[0]
        if kind == "chapter" and len(titles) > 1:
            out["collection-title"] = titles[0]
    if (short := _first(message.get("short-container-title"))) and short != out.get("container-title"):
        out["container-title-short"] = short
    return out


def study_of(message: dict) -> tuple[dict, str]:
    """The study's fields from a Crossref work message, and its abstract as Markdown."""
    kind = TYPES.get(str(message.get("type")), "article-journal")
    study: dict = {"type": kind}
    title = _first(message.get("title"))
    if subtitle := _first(message.get("subtitle")):
        title = f"{title.rstrip(':')}: {subtitle}" if title else subtitle
    if title:
        study["title"] = title
    study.update(_container(message, kind))
    for key in ("volume", "issue"):
        if message.get(key):
            study[key] = _plain(message[key])
    page = _plain(message.get("page")) or _plain(message.get("article-number"))
    if page:
        study["page"] = page.replace("-", "–") if re.fullmatch(r"\w+-\w+", page) else page
    issued = _date(message.get("issued")) or _date(message.get("published-print")) or _date(message.get("published"))
    if issued:
        study["issued"] = issued
    if online := _date(message.get("published-online")):
        study["available-date"] = online
    authors, affiliations = _names(message.get("author"))
    if authors:
        study["author"] = authors
    editors, _ = _names(message.get("editor"))
    if editors:
        study["editor"] = editors
    if message.get("DOI"):
        study["DOI"] = _plain(message["DOI"])
    for key, source in (("ISSN", "ISSN"), ("ISBN", "ISBN")):
        if value := _first(message.get(source)):
            study[key] = value
    for key, source in (("publisher", "publisher"), ("publisher-place", "publisher-location")):
        if message.get(source):
            study[key] = _plain(message[source])
    if affiliations:
        study["affiliations"] = affiliations
    licenses = [x.get("URL") for x in message.get("license") or [] if isinstance(x, dict)]
    if lic := next((str(u) for u in licenses if re.match(r"https?://", str(u or ""))), ""):
        study["license"] = lic
    md, plain = _abstract(message.get("abstract"))
    if plain:
        study["abstract"] = plain
    return study, md


def _author_name(text: str) -> dict:
    """Crossref's reference author string ('J Azzouni', 'W V O Quine', 'Azzouni J', 'Bonke') as a CSL name."""
    tokens = _OTHERS.sub("", text).replace(",", " ").split()
    lead = 0
    while lead < len(tokens) - 1 and _INITIALS.match(tokens[lead]):
        lead += 1
    if lead:
        return {"family": " ".join(tokens[lead:]), "given": " ".join(tokens[:lead])}
    trail = len(tokens)
    while trail > 1 and _INITIALS.match(tokens[trail - 1]):
        trail -= 1
    if trail < len(tokens):
        return {"family": " ".join(tokens[:trail]), "given": " ".join(tokens[trail:])}
    if len(tokens) == 1:
        return {"family": tokens[0]}
    return {"literal": " ".join(tokens)} if tokens else {}


def _structured(ref: dict) -> dict:
    fields: dict = {}
    simple = (("article-title", "title"), ("journal-title", "container-title"), ("volume", "volume"),
              ("issue", "issue"), ("first-page", "page"), ("series-title", "collection-title"),
              ("edition", "edition"))  # fmt: skip
    for key, csl in simple:
        if ref.get(key):
            fields[csl] = _plain(ref[key])
    if ref.get("volume-title"):
        fields["container-title" if "title" in fields else "title"] = _plain(ref["volume-title"])
    if ref.get("ISBN"):
        fields["ISBN"] = _first(ref["ISBN"]).rsplit("/", 1)[-1]
    if ref.get("DOI"):
        fields["DOI"] = clean_doi(str(ref["DOI"]))
    if m := re.search(r"\d{4}", str(ref.get("year") or "")):
        fields["issued"] = {"date-parts": [[int(m.group(0))]]}
    if ref.get("author") and (name := _author_name(_plain(ref["author"]))):
        fields["author"] = [name]
    if "container-title" in fields and ref.get("journal-title"):
        fields["type"] = "article-journal"
    elif ref.get("volume-title"):
        fields["type"] = "chapter" if "container-title" in fields else "book"
    return fields


def reference_item(ref: dict, warnings: list[str], n: int) -> dict:
    """One Crossref reference: its structured keys first, its `unstructured` text parsed, merged."""
    fields = _structured(ref)
    item: dict = {}
    text = _plain(ref.get("unstructured"))
    if text:
        # Some deposits put a space before punctuation ("Cheadle WB . The various …").
        text = re.sub(r"(?<=\w) +(?=[.,;:](?:\s|$))", "", text)
        item = reflines.parse_guarded(text, f"reference {n}", warnings) or {}
        item.pop("id", None)
    parsed_authors = item.get("author") or []
    given = fields.get("author", [{}])[0]
    family = str(given.get("family") or given.get("literal") or "").casefold()
    # Crossref names only the first author; the printed line names them all when it agrees on the first.
    if parsed_authors and family and family == str(parsed_authors[0].get("family", "")).casefold():
        fields.pop("author")
    item.update(fields)
    item.setdefault("type", "document" if not item.get("title") else "article-journal")
    if text:
        item["x-source-line"] = text
    if not (item.get("title") or item.get("author") or item.get("DOI")):
        warnings.append(f"reference {n}: no author, title or DOI")
    return item


def load_crossref(text: str, path: Path) -> ImportResult:
    """Import a saved Crossref works response: the work as the study, its `reference` array as references."""
    data = structured.parse_json(text, path)  # (bounded depth, as every record)
    message = data.get("message") if isinstance(data, dict) and isinstance(data.get("message"), dict) else data
    if not isinstance(message, dict):
        raise UserError(path, 1, "not a Crossref work")
    warnings: list[str] = []
    study, md = study_of(message)
    study["source-record"] = f"records/{path.name}"
    refs = [r for r in message.get("reference") or [] if isinstance(r, dict)][:MAX_REFERENCES]
    items = [reference_item(r, warnings, n) for n, r in enumerate(refs, start=1)]
    assign_ids(items, warnings)
    for key, label in (("title", "title"), ("issued", "date")):
        if key not in study:
            warnings.append(f"no {label} in the record")
    body = f"## Abstract\n\n{md}\n" if md and "**" in md else ""
    return ImportResult(study, items, warnings, body=body)
