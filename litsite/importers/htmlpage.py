"""Import a saved HTML article page: the study from its metadata (htmlmeta), its references from its structure.

Each reference is the page's own list entry (htmlrefs) parsed by the free-text reference parser (reflines) and then
overridden field by field by what is structured: fields the publisher marked up in the entry, the entry's link
targets (DOI, PMID, PMCID), and the page's ``citation_reference`` meta tags. The list the reader sees gives the
count; the tags stand in for it when the page's body has no list, and complete it in place when the body shows only
some of the tagged references, in their order.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from lxml import etree
from lxml import html as lhtml

from litsite.errors import UserError
from litsite.importers import htmlbody, htmlentry, htmlmeta, htmlrefs, reflines
from litsite.importers import textutil as tu
from litsite.importers.ids import assign_ids
from litsite.importers.names import looks_like_org
from litsite.importers.result import ImportResult

_STUDY_WARNINGS = (
    ("title", "no title found in the page"),
    ("author", "no authors found in the page"),
    ("issued", "no date of issue found in the page"),
    ("DOI", "no DOI found in the page"),
    ("abstract", "no abstract found in the page"),
)
_TAG_FIELDS = {
    "citation_title": "title", "citation_journal_title": "container-title", "citation_journal": "container-title",
    "citation_book_title": "container-title", "citation_conference_title": "container-title",
    "citation_volume": "volume", "citation_issue": "issue", "citation_publisher": "publisher",
    "citation_doi": "DOI", "citation_pmid": "PMID", "citation_year": "year", "citation_date": "year",
    "citation_publication_date": "year", "citation_firstpage": "fpage", "citation_lastpage": "lpage",
    "citation_pages": "page", "citation_isbn": "ISBN",
}  # fmt: skip
_HEAD_FAMILY_FIRST = re.compile(
    r"^(?P<f>(?:(?:van|von|de|der|den|da|del|della|di|du|la|le|ten|ter|al|el|dos|das)\s)*"
    r"[A-Z\u00c0-\u024f][\w'’\u00c0-\u024f-]*(?:\s[A-Z\u00c0-\u024f][\w'’\u00c0-\u024f-]+)?)"
    r"(?:,\s?(?:[A-Z]\.?\s?-?){1,4}(?=[,.;:\s&])"
    r"|\s(?:[A-Z]{1,4}|[A-Z]\.(?:\s?[A-Z]\.)*|[A-Z](?:\s[A-Z]){1,3})(?=[,.;:]|\s(?:et al|and|&|(?:1[5-9]|20)\d\d)))"
)
_HEAD_INITIALS_FIRST = re.compile(
    r"^(?:[A-Z]\.\s?-?){1,4}\s?(?P<f>(?:(?:[Vv]an|[Vv]on|[Dd]e|der|den|[Dd]a|[Dd]el|[Dd]i|[Dd]u|[Ll]a|[Ll]e)\s)*"
    r"[A-Z\u00c0-\u024f][\w'’\u00c0-\u024f-]+)"
    r"(?=[,.;:]|\s(?:et al|and|&))"
)

# Chicago notes and humanities lists: "Clay Shirky, “Title”", "Tim Berners-Lee with Mark Fischetti, …",
# "Barry D. Adam, Richard Elliott, …, 2014." (First Monday).
# A given name, never a particle of the family name ("E. Di Paolo" is Di Paolo).
_GIVEN = r"(?!(?:Di|De|Da|Du|Del|Della|Van|Von|Le|La|Dos|Das)\s)[A-Z][a-z\u00e0-\u024f]+(?:-[A-Z][a-z\u00e0-\u024f]+)?"
_INITIALS = r"[A-Z]\.?(?:[A-Z]\.)*"
_HEAD_GIVEN_FIRST = re.compile(
    rf"^(?:{_INITIALS}\s)?{_GIVEN}(?:\s(?:{_INITIALS}|{_GIVEN}))?\s"
    r"(?P<f>[A-Z](?=[\w'’\u00c0-\u024f-]*[a-z])[\w'’\u00c0-\u024f-]+)(?:,\s(?:Jr|Sr|II|III)\.?)?"
    r"(?=,\s*(?:[\"“‘]|(?:1[5-9]|20)\d\d\b|[A-Z][a-z]+\s(?:[A-Z]\.\s)?[A-Z][a-z])|\.\s(?:1[5-9]|20)\d\d\b"
    r"|\s(?:with|and|&|et al)\b)"
)


HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def read_page(path: Path) -> str:
    """A saved page's text in the encoding it declares (a BOM, <meta charset>, else UTF-8, else Windows-1252)."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UserError(path, None, f"cannot read the record: {e.strerror or e}") from None
    if not data.strip():
        raise UserError(path, None, "empty record")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data:
        raise UserError(path, data[: data.index(b"\x00")].count(b"\n") + 1, "binary file, not a text record")
    declared = _CHARSET.search(data[:4096])
    codecs_to_try = ["utf-8", declared.group(1).decode("ascii", "replace").lower()] if declared else ["utf-8"]
    for codec in [*codecs_to_try, "cp1252"]:
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def parse_html(text: str, path: Path) -> lhtml.HtmlElement:
    """The page's element tree; UserError if it is not HTML lxml can read."""
    text = re.sub(r"\A\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lhtml.document_fromstring(text)
    except (ValueError, etree.LxmlError) as e:
        raise UserError(path, None, f"cannot read the page as HTML ({e})") from None
    return root


def citation_reference_tags(meta: list[tuple[str, str]]) -> list[dict]:
    """The page's ``citation_reference`` tags as fields ("citation_title=…; citation_author=…; …")."""
    out = []
    for name, content in meta:
        if name != "citation_reference":
            continue
        fields: dict = {}
        authors: list[dict] = []
        for part in re.split(r";\s*(?=citation_\w+\s*=)", content):
            key, _, value = part.partition("=")
            key, value = key.strip().lower(), value.strip().rstrip(";").strip()
            if not value:
                continue
            if key in ("citation_author", "citation_authors"):
                authors += [htmlentry.printed_name(n) for n in _tag_names(value)]
            elif (field := _TAG_FIELDS.get(key)) and field not in fields:
                fields[field] = tu.clean_doi(value) if field == "DOI" else value
        if authors:
            fields["author"] = authors
        if fields:
            out.append(_normalised(fields))
    return out


def _tag_names(value: str) -> list[str]:
    """The names in one citation_author value: "Berry, C", or several ("Anker J N, Hall W P and Zhao J")."""
    names: list[str] = []
    value = re.sub(r",?\s+et\.?\s+al\.?\s*$", "", value)
    for part in re.split(r"\s*;\s*|\s+and\s+|\s*&\s*", value):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) == 2 and len(pieces[1].split()) == 1:
            names.append(part.strip())  # "Berry, C" / "Smith, John": one name, family first
        else:
            names += pieces
    return names


def _normalised(fields: dict) -> dict:
    """year/fpage/lpage of markup and tags as CSL issued and page."""
    fields = dict(fields)
    if y := re.search(r"(?:1[5-9]|20)\d\d", str(fields.pop("year", ""))):
        fields["issued"] = {"date-parts": [[int(y.group(0))]]}
    first, last = fields.pop("fpage", ""), fields.pop("lpage", "")
    if first and "page" not in fields:
        fields["page"] = first + (f"–{last}" if last and last != first else "")
    return fields


def head_family(text: str) -> str:
    """The first author's family name at the start of a printed reference ("O’Cathain A,", "P.A.R. Ade, et al.",
    "Clay Shirky, “Title”")."""
    text = re.sub(r"^\W+", "", text)
    # given names first only where the line shows it ("Barry D. Adam, Richard …"): "Barry D." alone reads as Vancouver
    if (m := _HEAD_GIVEN_FIRST.match(text)) and not looks_like_org(m.group(0)):
        return m.group("f")
    m = _HEAD_INITIALS_FIRST.match(text) or _HEAD_FAMILY_FIRST.match(text)
    return m.group("f") if m else ""


def _head_org(text: str) -> str:
    """An organisation printed as the author: "FAO, “Title”", "NNFCC (2009) Title", "U.S. Department of …, Title"."""
    head = re.split(r",|\s\((?:1[5-9]|20)\d\d[a-z]?\)|(?<=[a-z]{2})\.\s", text, maxsplit=1)[0].strip()
    if not head or len(head) > 100:
        return ""
    quoted = re.match(re.escape(head) + r",\s*[“\"‘]", text)
    if looks_like_org(head) or re.fullmatch(r"[A-Z][A-Z&-]{1,9}", head) or (quoted and len(head.split()) <= 4):
        return head
    return ""


def _usable_author(item: dict, text: str) -> bool:
    authors = item.get("author")
    if not isinstance(authors, list) or not authors or not isinstance(authors[0], dict):
        return False
    first = authors[0]
    name = str(first.get("family") or first.get("literal") or "")
    head = text.split(",", 1)[0].strip()
    if "literal" in first and head != name and head.startswith(name) and looks_like_org(head):
        return False  # "Center for HIV" of "Center for HIV Law & Policy, 2019."
    given_first = _HEAD_GIVEN_FIRST.match(text)
    if given_first and not looks_like_org(given_first.group(0)) and tu.fold(name) != tu.fold(given_first.group("f")):
        return False  # "Roberta Kwok, “…”": a person the line parser took for an organisation or a family name
    if not name or re.search(r"\d|:|^(?:[A-Z]\.\s?-?)+\s?\S", name) or len(name.split()) > 5:
        return False
    if re.search(r"\s[A-Z](?:\s|$)", name) or (name[:1].islower() and "literal" not in first):
        return False  # "Anker J N" (initials glued to the family), "al" (of "et al")
    if re.fullmatch(r"(?:[A-Z]\.?\s?-?)+", name):  # "J. M. Tarascon": the parser took an initial for the family
        return False
    return tu.fold(name).split()[0] in tu.fold(text[:120]) if tu.fold(name) else False


def _match_tag(text: str, fields: dict, tags: list[dict], used: set[int]) -> int | None:
    """The citation_reference tag of an entry: same DOI, else its title printed in the entry."""
    folded = tu.fold(text)
    for i, tag in enumerate(tags):
        if i in used:
            continue
        if fields.get("DOI") and str(tag.get("DOI", "")).lower() == fields["DOI"].lower():
            return i
        title = tu.fold(str(tag.get("title", "")))
        if len(title) >= 10 and f" {title} " in f" {folded} ":
            return i
    return None


def _item(text: str, structured_fields: dict, labels: list[str], warnings: list[str], where: str) -> dict:
    """One CSL item: the parsed text, then the structured fields over it."""
    item = reflines.parse_guarded(text, where, warnings) or {"type": "document"}
    fields = _normalised(structured_fields)
    names_text = fields.pop("x-authors-text", "")
    family = head_family(names_text.rstrip(" ,.") + ",") if names_text else ""
    if not fields.get("author") and family and not _usable_author(item, names_text):
        fields["author"] = [{"family": family}]
    if not fields.get("author") and not _usable_author(item, text):
        if family := head_family(text):
            fields["author"] = [{"family": family}]
        elif org := _head_org(text):
            fields["author"] = [{"literal": org}]  # "U.S. Department of Agriculture, Quick Stats. …"
    for key, value in fields.items():
        if value:
            item[key] = value
    if "container-title" in fields and item.get("type") in ("report", "book", "webpage", "document"):
        item["type"] = "article-journal"
    if labels:
        item["x-links"] = list(dict.fromkeys([*labels, *item.get("x-links", [])]))
    item["x-source-line"] = text
    if not item.get("title") and not item.get("container-title"):
        item["title"] = text[:300]  # an entry nothing could be read from still shows what the page printed
        warnings.append(f"{where}: no title found: the printed entry is kept as its title")
    item.pop("id", None)
    return item


def _tag_text(tag: dict) -> str:
    names = ", ".join(str(a.get("family") or a.get("literal") or "") for a in tag.get("author", []))
    year = tag.get("issued", {}).get("date-parts", [[""]])[0][0]
    parts = [names, f"({year})" if year else "", tag.get("title", ""), tag.get("container-title", "")]
    return tu.clean(". ".join(p for p in parts if p))


def references(root: lhtml.HtmlElement, meta: list[tuple[str, str]]) -> tuple[list[dict], list[str]]:
    """The page's references as CSL items (ids unique) and warnings."""
    warnings: list[str] = []
    tags = citation_reference_tags(meta)
    entries = htmlrefs.find_entries(root)
    items: list[dict] = []
    used: set[int] = set()
    order: list[int] = []  # the tag each entry matched
    for n, el in enumerate(entries, start=1):
        text, fields, labels = htmlentry.read_entry(el)
        if not text:
            continue
        where = f"line {el.sourceline}" if el.sourceline else f"reference {n}"
        t = _match_tag(text, fields, tags, used)
        if t is None and len(tags) == len(entries) and n - 1 not in used:
            t = n - 1
        if t is not None:
            used.add(t)
            order.append(t)
            fields = {**tags[t], **_normalised(fields)}
        items.append(_item(text, fields, labels, warnings, where))
    if not items and tags:
        warnings.append("the page shows no reference list: references taken from its citation_reference tags")
        items = [_item(_tag_text(tag), tag, [], warnings, f"citation_reference {n}") for n, tag in enumerate(tags, 1)]
    elif tags and len(tags) > len(items) and order == sorted(order) and len(order) == len(items):
        # Every entry shown is one of the tags, in order: the page shows part of its list (saved before the rest
        # loaded, or trimmed), so the tags give the rest, each in its place.
        warnings.append(
            f"the page shows {len(items)} of its {len(tags)} references: the rest from citation_reference tags"
        )
        shown = dict(zip(order, items, strict=True))
        items = [
            shown.get(i) or _item(_tag_text(tag), tag, [], warnings, f"citation_reference {i + 1}")
            for i, tag in enumerate(tags)
        ]
    elif tags and len(tags) != len(items):
        warnings.append(f"the page lists {len(items)} references but has {len(tags)} citation_reference tags")
    _ids(items)
    assign_ids(items, warnings)
    return items, warnings


def _ids(items: list[dict]) -> None:
    """Ids as the reference-line parser makes them: familyYEAR, repeats -2, -3 … in list order."""
    seen: dict[str, int] = {}
    for item in items:
        base = reflines.make_id(item)
        seen[base] = seen.get(base, 0) + 1
        item["id"] = base if seen[base] == 1 else f"{base}-{seen[base]}"


def import_html(text: str, path: Path) -> ImportResult:
    """Import a saved HTML article page; UserError if it shows neither an article nor references."""
    root = parse_html(text, path)
    meta = htmlmeta.meta_tags(root)
    study = htmlmeta.merge(htmlmeta.metadata_sources(root), htmlbody.body_study(root))
    refs, ref_warnings = references(root, meta)
    if not study.get("title") and not refs:
        raise UserError(path, None, "no article found in the page: no title, no metadata and no reference list")
    study.pop("x-description", None)
    study["type"] = "article-journal" if study.get("container-title") else "article"
    if keywords := study.get("keywords"):
        study["keyword"] = ", ".join(keywords)
    study["source-record"] = f"records/{path.name}"
    warnings = [w for key, w in _STUDY_WARNINGS if not study.get(key)]
    if not refs:
        warnings.append("no reference list found in the page (see README: when a page has no reference list)")
    return ImportResult(study, refs, warnings + ref_warnings)
