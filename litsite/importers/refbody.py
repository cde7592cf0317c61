"""The part of a reference line after the date: title, container, locators, publisher, links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from litsite.importers.names import parse_names
from litsite.importers.refsegments import (
    PLACE,
    publisher_apa,
    publisher_springer,
    split_last,
    split_place_publisher,
)
from litsite.importers.reftypes import guess_book_type
from litsite.importers.refwords import (
    JOURNAL_WORDS,
    PUBLISHERISH,
    SPRINGER_PLACES,
)

_DOI = re.compile(r"(?:https?://(?:dx\.)?doi\.org/|\bdoi:\s*|\bDOI:?\s+)(10\.\d{3,9}/\S+)", re.IGNORECASE)
_URL = re.compile(r"https?://\S+|www\.\S+")
_RETRIEVED = re.compile(
    r"\s*(?:Retrieved|Accessed|Available)(?: (?:on|at|from))?(?: (?P<date>[^:]*?\d{4}),?)?(?: from)?"
    r"(?: (?P<site>.+?) website)?:?\s*$",
    re.IGNORECASE,
)
_ACCESSED = re.compile(
    r"[.,]?\s*\(?\s*(?:Accessed|Retrieved|Last accessed)(?: on)? (\d{1,2} \w+\.? \d{4}|\w+\.? \d{1,2},? \d{4})"
    r"(?!,? from)\)?\.?"
)
_PAGES = r"[A-Za-z]{0,4}\d[\w.]*?(?:\s?[-–—]\s?[A-Za-z]{0,4}\d[\w.]*?)?"
_APA_JOURNAL = re.compile(
    rf",\s(?P<volume>\d+[A-Za-z]?|[A-Z]?\d+(?:[-–]\d+)?)(?:\s?\((?P<issue>[^)]{{1,20}})\))?"
    rf"(?:,\s(?P<article>Article\s)?(?:pp?\.\s)?(?P<page>{_PAGES}))?\.?$"
)
_APA_JOURNAL_NOVOL = re.compile(rf",\s(?:Article\s|pp?\.\s)?(?P<page>{_PAGES}|e\d+)\.?$")
_SPRINGER_JOURNAL = re.compile(
    rf"\s(?P<volume>\d+[A-Za-z]?)(?:\s?\((?P<issue>[^)]{{1,20}})\))?(?::\s?(?P<page>{_PAGES}))?:?\.?$"
)
_SPRINGER_PAGEONLY = re.compile(rf"\s?:\s?(?P<page>{_PAGES})\.?$")
# Thesis genres: "(Doctoral dissertation, Univ)", "PhD thesis, Univ", "[PhD Thesis]", "(Phd)", ". Ph.D., Univ".
_THESIS = re.compile(
    r"(?:(?<=[(\[])|(?<=[.,] )|^)(?P<genre>(?:Unpublished )?(?:doctoral|master['’]?s|PhD|Ph\.\s?D\.?|MSc|MA|MPhil|"
    r"honours|bachelor['’]s|diploma)? ?(?:dissertation|thesis|theses)|(?<=[(\[])(?:PhD|Ph\.\s?D\.?|MSc|MPhil)(?=[)\]])|"
    r"(?<=\. )(?:Ph\.\s?D\.?|PhD|MSc)(?=,))"
    r"(?:[,.]\s*(?P<inst>[^()\[\]]+))?[)\]]?\.?(?=\s|$)",
    re.IGNORECASE,
)
_ORDINALS = "First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Revised|Rev\\.|Updated|Expanded"
_ORDINAL_NUMBERS = {
    w: str(i)
    for i, w in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], 1
    )
}
_EDITION = re.compile(
    rf"\s?[(,]\s*(?:(?P<ed>\d+)(?:st|nd|rd|th)|(?P<words>{_ORDINALS})) (?:edition|edn\.?|ed\.?)\)?",
    re.IGNORECASE,
)
_GENRES = r"(?:Report|Paper|Brief|Series|Bulletin|Publication|Guideline|Guidance|Document|Note|Memo|Monograph)"
# A report's "(Research Report No. 12)", "(HHS Publication No. (SMA) 14-4884)", "(No. FHWA-SA-14-011)", "(LA-UR-13-24)".
_REPORT_NO = re.compile(
    r"\s?\((?:(?P<genre>(?:[A-Z][A-Za-z ]*?\s)?" + _GENRES + r")\s?|(?P<genre2>[A-Z][A-Za-z. ]*?)\s(?=No\.?\s))?"
    r"(?:(?P<no>No\.?|Number)\s)?(?:No\.?\s)?"
    r"(?P<number>(?:[^()]|\([^()]*\))*\d(?:[^()]|\([^()]*\))*)\)$",
    re.IGNORECASE,
)
_REPORT_SENTENCE = re.compile(
    r"^(?P<genre>[A-Z][\w ]*?(?:[Rr]eport|[Pp]aper|[Bb]rief|[Ss]eries|[Bb]ulletin|[Gg]uideline))(?: No\.?)? ?"
    r"(?P<number>[A-Z]*\s?\d[\w./-]*)$"
)
_EDS = re.compile(r"^(?P<eds>.+?)\s\((?:Eds?\.|eds?\.?|Hrsg\.?|Ed\.|Trans\.)\),?\s")
_PP = re.compile(rf",?\s\(?(?:pp?\.?)\s(?P<page>{_PAGES})\)?\.?$")


@dataclass
class Body:
    """Fields found after the date, with the type they suggest and any doubts."""

    fields: dict = field(default_factory=dict)
    type: str = ""
    warnings: list[str] = field(default_factory=list)


def clean_title(title: str) -> str:
    """Drop edge spaces and a trailing period (keep ? and ! and closing quotes' inner punctuation)."""
    title = title.strip().rstrip(",;: ")
    if title.endswith(".") and not title.endswith("..."):
        title = title[:-1].rstrip()
    # Harvard quotes the whole title: 'Title' or “Title”.
    if len(title) > 2 and title[0] in "‘'“\"" and title[-1] in "’'”\"" and not re.search(r"[’'”\"]", title[1:-1]):
        title = title[1:-1].strip()
    return title


def _take_links(text: str, body: Body) -> str:
    """Remove DOI, URL, "Retrieved from ... website:" and access dates from the text, storing them."""
    m = _DOI.search(text)
    if m:
        body.fields["DOI"] = m.group(1).rstrip(".,;)")
        text = (text[: m.start()] + text[m.end() :]).strip()
    m = _ACCESSED.search(text)
    if m:
        body.fields["x-accessed"] = m.group(1)
        text = (text[: m.start()] + text[m.end() :]).strip()
    urls = list(_URL.finditer(text))
    m = urls[-1] if urls else None
    if m and "DOI" not in body.fields:
        url = m.group(0).rstrip(".,;)")
        body.fields["URL"] = url
        before = text[: m.start()].rstrip()
        r = _RETRIEVED.search(before)
        if r and r.group(0).strip():
            if r.group("site"):
                body.fields["x-site"] = r.group("site").strip()
            if r.group("date"):
                body.fields.setdefault("x-accessed", r.group("date").strip(" ,"))
            before = before[: r.start()]
        text = (before + " " + text[m.end() :].strip().lstrip(".")).strip()
    elif m:
        text = (text[: m.start()] + text[m.end() :]).strip()
    return text.rstrip(" ,;").strip()


def _journal(text: str, springer: bool) -> tuple[str, dict] | None:
    """Recognise "…. Container, 10(3), 1–20" / "…. Container 10(3):1–20"; return (title part, fields)."""
    m = (_SPRINGER_JOURNAL if springer else _APA_JOURNAL).search(text)
    if not m and springer:
        m = _SPRINGER_PAGEONLY.search(text)
    if not m and not springer:
        m = _APA_JOURNAL_NOVOL.search(text)
    if not m:
        return None
    head, container = split_last(text[: m.start()])
    if not head:
        # Harvard: "'Title', Journal, 10(4), pp. 1–2".
        quoted = list(re.finditer(r"[’'”\"],\s", text[: m.start()]))
        if quoted:
            head, container = text[: quoted[-1].start() + 1], text[quoted[-1].end() : m.start()]
    # "Journal of the Royal Statistical Society. Series C, …": a series belongs to the journal name before it.
    while head and re.match(r"(?:Series|Section|Part|Sect\.)\s|[A-Z],\s", container):
        head2, more = split_last(head)
        if not head2:
            break
        head, container = head2, f"{more} {container}"
    container = container.strip().rstrip(",")
    if not head or not container:
        return None
    gd = m.groupdict()
    # A bare trailing number is a journal volume only when the name reads like a journal.
    bare = springer and not gd.get("page") and not gd.get("issue")
    if bare and (not JOURNAL_WORDS.search(container) or PUBLISHERISH.search(container)):
        return None
    if not springer and not gd.get("volume") and not JOURNAL_WORDS.search(container):
        return None
    if PUBLISHERISH.search(container) and not JOURNAL_WORDS.search(container):
        return None
    fields = {"container-title": container}
    for key in ("volume", "issue", "page"):
        if gd.get(key):
            fields[key] = gd[key].strip()
    if gd.get("article") and "page" in fields:
        # APA 7 prints an article number as "Article e0127"; CSL keeps it in "number".
        fields["number"] = fields.pop("page")
    return head, fields


def _extras(title: str, body: Body) -> str:
    """Pull edition, volume, report number and a bracketed description ("[Evaluation]") out of a title."""
    m = re.search(r"\s\[([^\]]{2,60})\]$", title)
    if m:
        body.fields.setdefault("genre", m.group(1))
        title = title[: m.start()]
    m = ([None, *_EDITION.finditer(title)])[-1]
    # Only an edition that closes the title ("(2nd ed.)", ", 2nd edn"); "…, Second Edition, revised" is the title.
    if m and not title[m.end() :].strip(" .)"):
        words = (m.group("words") or "").lower()
        # CSL wants a number where there is one, so "First edition" renders as the style prints editions.
        body.fields["edition"] = m.group("ed") or _ORDINAL_NUMBERS.get(words) or m.group("words")
        title = title[: m.start()] + title[m.end() :]
    m = re.search(r"\s\(Vol\. (\w+)\)", title)
    if m:
        body.fields["volume"] = m.group(1)
        title = title[: m.start()] + title[m.end() :]
    m = _REPORT_NO.search(title.rstrip(". "))
    if m and (
        m.group("genre")
        or m.group("genre2")
        or m.group("no")
        or re.fullmatch(r"[A-Z0-9]+(?:[-./][A-Z0-9]+)+", m.group("number"))
    ):
        body.fields["number"] = m.group("number")
        if m.group("genre") or m.group("genre2"):
            body.fields["genre"] = (m.group("genre") or m.group("genre2")).strip()
        body.type = body.type or "report"
        title = title[: m.start()] + title[m.end() :]
    return title


def parse_body(text: str, springer: bool) -> Body:
    """Parse what follows the date in an APA ("(2011). …") or Springer ("(2011) …") line."""
    body = Body()
    text = _take_links(text.strip(), body)
    chapter = _chapter_start(text)
    if chapter:
        return _chapter(text[: chapter.start()], text[chapter.end() :], springer, body)
    # Harvard-like lines print "(2011) 'Title', Journal, 10(4), pp. 1–2" with a Springer-like date.
    j = _journal(text, springer) or (_journal(text, False) if springer else None)
    if j:
        body.type = "article-journal"
        body.fields["title"] = clean_title(j[0])
        body.fields.update(j[1])
        return body
    m = _THESIS.search(text)
    if m and m.group("genre").strip():
        body.type = "thesis"
        body.fields["genre"] = m.group("genre")
        inst = (m.group("inst") or "").strip().rstrip(".")
        rest = text[m.end() :].strip().lstrip(".").strip()
        text = text[: m.start()].rstrip().rstrip("[(").rstrip()
        if inst:
            body.fields.update(publisher_springer(inst))
        elif rest:
            # "(Doctoral dissertation). University of Copenhagen, Copenhagen." names the place Springer-fashion.
            rest = rest.rstrip(".")
            body.fields.update(publisher_apa(rest) if PLACE.fullmatch(rest) else publisher_springer(rest))
        body.fields["title"] = clean_title(text)
        return body
    return _book(text, springer, body)


def _chapter_start(text: str) -> re.Match[str] | None:
    """Where " In " / " In: " opens a container, when editors, pages or Springer's "In:" show it is one."""
    for m in re.finditer(r"(?<=[.?!”’\"]) In:? (?=\S)", text):
        after = text[m.end() :]
        if ":" in m.group(0) or re.search(r"\((?:Eds?\.|eds?\.?|Hrsg\.?)\)|\([^()]*\bpp?\.\s|\bpp\.?\s\d", after):
            return m
        # "In Book title. CRC Press." (APA without editors or pages): a book publisher closes it.
        book, tail = split_last(after)
        tail = tail.strip().rstrip(".")
        if book and not _APA_JOURNAL.search(after) and (PUBLISHERISH.search(tail) or PLACE.fullmatch(tail)):
            return m
    return None


def _chapter(title: str, rest: str, springer: bool, body: Body) -> Body:
    """ "In R. Whittington & C. Logan (Eds.), Book (pp. 1–20). Place: Publisher." and Springer "In: … (eds) …"."""
    body.type = "chapter"
    body.fields["title"] = clean_title(title)
    m = _EDS.match(rest)
    if m:
        eds, _ = parse_names(m.group("eds"))
        if eds:
            body.fields["editor"] = eds
        rest = rest[m.end() :]
    if springer:
        pp = _PP.search(rest)
        if pp:
            body.fields["page"] = pp.group("page")
            rest = rest[: pp.start()]
        container, pub = split_last(rest)
        if not container:
            container, pub = rest, ""
        if not pub and "URL" in body.fields and "page" not in body.fields:
            body.type = "webpage"
        elif pub:
            body.fields.update(publisher_springer(pub.strip().rstrip(".")))
        body.fields["container-title"] = _extras(clean_title(container), body).strip()
        return body
    pp = re.search(
        rf"\s\((?:(?P<ed>[^()]*?ed\.?),?\s?)?(?:Vol\. (?P<vol>[^,()]+),?\s?)?pp?\.\s(?P<page>{_PAGES})\)", rest
    )
    if pp:
        body.fields["page"] = pp.group("page")
        if pp.group("vol"):
            body.fields["volume"] = pp.group("vol")
        container = rest[: pp.start()]
        pub = rest[pp.end() :].strip().lstrip(".").strip()
        if pp.group("ed"):
            container += f" ({pp.group('ed')})"
    else:
        pp2 = split_place_publisher(rest)
        if pp2:
            container, fields = pp2
            body.fields.update(fields)
            pub = ""
        else:
            container, pub = split_last(rest)
            if not container:
                container, pub = rest, ""
    if pub:
        body.fields.update(publisher_apa(pub))
    body.fields["container-title"] = _extras(clean_title(container), body).strip()
    return body


def _book(text: str, springer: bool, body: Body) -> Body:
    """Books, reports, theses and web pages: "Title (2nd ed.). Place: Publisher." and the like."""
    site = body.fields.pop("x-site", None)
    head, tail = "", ""
    # "Place: Publisher" is unambiguous, so it is tried in Springer-looking lines too ("Royal College … (2008) …").
    pp = split_place_publisher(text)
    if pp:
        head = pp[0]
        body.fields.update(pp[1])
    if not head and site:
        h2, t2 = split_last(text)
        if h2 and t2.strip(" .") == site.strip(" ."):
            # APA 6 "Title. Publisher. Retrieved from Publisher website: URL" is a document the publisher issued.
            head = h2
            body.fields["publisher"] = t2.strip(" .")
            body.type = body.type or "report"
            site = None
        else:
            # "Title. Retrieved from Site website: URL": all before the link is the title.
            head = text
    if not head:
        head, tail = split_last(text)
        if (
            not head
            or not tail.strip(". ")
            or (not springer and _REPORT_SENTENCE.match(tail.rstrip(".")) is None and tail[:1].islower())
        ):
            head, tail = text, ""
    # A separate sentence like "College report CR 150." names the report series and number.
    while True:
        h2, t2 = split_last(head)
        rs = _REPORT_SENTENCE.match(t2.rstrip(".")) if h2 else None
        if not rs:
            break
        body.fields["genre"] = rs.group("genre")
        body.fields["number"] = rs.group("number")
        body.type = "report"
        head = h2
    if tail:
        rs = _REPORT_SENTENCE.match(tail.rstrip("."))
        if rs:
            body.fields["genre"] = rs.group("genre")
            body.fields["number"] = rs.group("number")
            body.type = "report"
        elif "publisher" not in body.fields:
            if springer:
                body.fields.update(publisher_springer(tail.strip().rstrip(".")))
            else:
                body.fields.update(publisher_apa(tail))
    title = _extras(clean_title(head), body)
    body.fields["title"] = clean_title(title)
    if body.fields.get("publisher") in SPRINGER_PLACES and "publisher-place" not in body.fields:
        # "… New Zealand. Christchurch." prints only the place.
        body.fields["publisher-place"] = body.fields.pop("publisher")
    publisher = body.fields.get("publisher", "")
    if site and not publisher:
        body.type = body.type or "webpage"
        body.fields["container-title"] = site
    if not body.type:
        body.type = guess_book_type(body.fields, body.warnings)
    return body
