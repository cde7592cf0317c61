"""A saved article page as HTML → the plain text the page parser reads, plus its citation_* meta tags."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from litsite.records import textutil as tu

_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "section", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "svg", "template", "head", "button", "select"}
HTML_RE = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.meta: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = dict(attrs)
            name = (a.get("name") or a.get("property") or "").strip().lower()
            if name.startswith(("citation_", "dc.")) and a.get("content"):
                self.meta.append((name, tu.clean(a["content"] or "")))
            return
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCK:
            self.out.append("\n• " if tag == "li" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> tuple[str, list[tuple[str, str]]]:
    """The page's visible text, one block per line (list items as '• ' bullets), and its citation_* meta tags."""
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # html.parser is lenient; keep what was read
        pass
    lines = [ln.strip(" ") for ln in "".join(parser.out).split("\n")]
    lines = [ln for ln in lines if ln and ln != "•"]
    return "\n\n".join(lines) + "\n", parser.meta


def meta_study(meta: list[tuple[str, str]]) -> dict:
    """CSL fields from Highwire citation_* meta tags (authoritative when a page has them)."""
    first: dict[str, str] = {}
    authors: list[dict] = []
    keywords: list[str] = []
    for name, value in meta:
        if not value:
            continue
        if name == "citation_author":
            authors.append(tu.person(value))
        elif name == "citation_keywords":
            keywords += [k.strip() for k in re.split(r"[;,]", value) if k.strip()]
        else:
            first.setdefault(name, value)
    study: dict = {}
    for key, csl in (
        ("citation_title", "title"),
        ("citation_journal_title", "container-title"),
        ("citation_journal_abbrev", "container-title-short"),
        ("citation_volume", "volume"),
        ("citation_issue", "issue"),
        ("citation_publisher", "publisher"),
        ("citation_issn", "ISSN"),
        ("citation_pmid", "PMID"),
        ("citation_article_type", "genre"),
    ):
        if key in first:
            study[csl] = first[key]
    if "citation_doi" in first:
        study["DOI"] = tu.clean_doi(first["citation_doi"])
    if "citation_firstpage" in first:
        last = first.get("citation_lastpage", "")
        study["page"] = first["citation_firstpage"] + (
            f"–{last}" if last and last != first["citation_firstpage"] else ""
        )
    for key in ("citation_publication_date", "citation_date", "citation_cover_date"):
        if key in first and (iso := tu.parse_date(first[key])):
            study["issued"] = iso
            break
    if "citation_online_date" in first and (iso := tu.parse_date(first["citation_online_date"])):
        study["available-date"] = iso
    if authors:
        study["author"] = authors
    if keywords:
        study["keywords"] = list(dict.fromkeys(keywords))
        study["keyword"] = ", ".join(study["keywords"])
    return study
