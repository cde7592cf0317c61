"""What kind of record a file holds, by its content (the extension decides only what the content leaves open)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from litsite.importers.htmltext import HTML_RE

FORMATS = {".json": "csl-json", ".yaml": "csl-yaml", ".yml": "csl-yaml", ".bib": "bibtex", ".ris": "ris"}
KINDS = (
    "JATS XML (.xml, .nxml), PubMed XML (efetch), MEDLINE/.nbib text, Crossref REST API works JSON, "
    "CSL-JSON, CSL-YAML, BibTeX, RIS, a saved article page (.html or text), or doi:10.… / pmid:… to fetch one"
)
_XML_ROOT = re.compile(r"<(?!\?|!)([A-Za-z_][\w:.-]*)")
_MEDLINE = re.compile(r"\A(?:\s*\n)*(?:PMID|PMC|OWN|STAT)\s*-\s", re.ASCII)
_MEDLINE_TAG = re.compile(r"^(?:TI|AU|FAU|DP|TA|JT|AB|PG|VI|SO)\s*- ", re.M)


def _xml_root(text: str) -> str:
    """The local name of the root element of XML text ('' if none): skips the declaration, comments, DOCTYPE."""
    head = re.sub(r"<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>", "", text[:20000], flags=re.S)
    m = _XML_ROOT.search(head)
    return m.group(1).split(":")[-1] if m else ""


_WORK_KEYS = {"indexed", "deposited", "member", "prefix", "reference-count", "is-referenced-by-count", "created"}


def is_crossref(data: dict) -> bool:
    """True for a Crossref works response: {"status", "message-type": "work", "message"} or the bare message."""
    message = data.get("message") if isinstance(data.get("message"), dict) else data
    if data.get("message-type") == "work":
        return True
    return isinstance(message, dict) and (
        len(_WORK_KEYS & set(message)) >= 2
        or (isinstance(message.get("title"), list) and isinstance(message.get("container-title"), list))
    )


def _json_kind(text: str) -> str | None:
    """'crossref-json' for a Crossref works response (with or without its envelope), 'csl-json', or None."""
    try:
        data = json.loads(text)
    except ValueError:
        return None
    except RecursionError:  # nested too deep for anything but a list of items: the CSL-JSON reader says so
        return "csl-json"
    if isinstance(data, dict):
        return "crossref-json" if is_crossref(data) else "csl-json"
    return "csl-json" if isinstance(data, list) else None


def detect_format(path: Path, text: str) -> str:
    """The record's kind, by its content: 'jats', 'pubmed-xml', 'medline', 'crossref-json', 'csl-json',
    'csl-yaml', 'bibtex', 'ris' or 'page'; the extension decides only what the content leaves open."""
    head = text.lstrip()
    if head.startswith("<") and not HTML_RE.match(text):
        root = _xml_root(head)
        if root == "article" or (root == "pmc-articleset" and "<article" in head[:20000]):
            return "jats"
        if root in ("PubmedArticleSet", "PubmedArticle", "PubmedBookArticle", "PubmedBookArticleSet"):
            return "pubmed-xml"
        if root.lower() in ("html", "head", "body"):
            return "page"
        return "unknown-xml"
    if head.startswith(("[", "{")) and (kind := _json_kind(text)):
        return kind
    if _MEDLINE.match(text) and _MEDLINE_TAG.search(text[:50000]):
        return "medline"
    if re.search(r"^TY  - ", text[:20000], re.MULTILINE):
        return "ris"
    if re.search(r"^\s*@[A-Za-z]+\s*[{(]\s*[^\s,]*\s*,", text[:20000], re.MULTILINE) and not re.search(
        r"^\s*(?:References|Abstract)\s*$", text, re.MULTILINE
    ):
        return "bibtex"
    return FORMATS.get(path.suffix.lower(), "page")


__all__ = ["FORMATS", "KINDS", "detect_format"]
