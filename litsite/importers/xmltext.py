"""Safe XML reading for article records (JATS, PubMed): bytes → lxml tree without namespaces, text helpers."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from lxml import etree

from litsite.errors import UserError

_DECL = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"'][^>]*\?>")
_DECL_STR = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = re.compile(r"\s+")
# Bytes that Windows-1252 leaves undefined: decoded as Latin-1 (C1 controls) and then dropped.
_CP1252_HOLES = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
MAX_BYTES = 50_000_000  # bound the work one record can cause


def decode_xml(data: bytes, path: Path) -> str:
    """The XML's text, decoded as its declaration says; ISO-8859-1 read as Windows-1252, as browsers do."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    m = _DECL.match(data)
    name = (m.group(1).decode("ascii") if m else "utf-8").lower().replace("_", "-")
    if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"):
        return "".join(chr(b) if b in _CP1252_HOLES else bytes([b]).decode("cp1252") for b in data)
    try:
        codecs.lookup(name)
    except LookupError:
        raise UserError(path, 1, f"unknown XML encoding {name!r}") from None
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise UserError(path, line, f"not valid {name} text (byte 0x{data[e.start]:02x})") from None


def parse_xml(data: bytes, path: Path, warnings: list[str]) -> etree._Element:
    """The root element, namespaces removed; no DTD, no network, no entity expansion (safe on hostile input)."""
    if len(data) > MAX_BYTES:
        raise UserError(path, None, f"record too large ({len(data):,} bytes; at most {MAX_BYTES:,})")
    text = _DECL_STR.sub("", decode_xml(data, path), count=1)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    strict = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(text, strict)
    except etree.XMLSyntaxError as e:
        loose = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)
        root = etree.fromstring(text, loose) if text.strip() else None
        if root is None:
            raise UserError(path, e.lineno or None, f"not well-formed XML: {e.msg}") from None
        warnings.append(f"line {e.lineno}: XML not well-formed ({e.msg}): read what could be recovered")
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
    return root


def attr(el: etree._Element, name: str) -> str:
    """An attribute by local name (xlink:href → 'href'), '' if absent."""
    if name in el.attrib:
        return el.attrib[name]
    for key, value in el.attrib.items():
        if key.endswith("}" + name):
            return value
    return ""


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces, trimmed."""
    return _SPACE.sub(" ", text).strip()


def text_of(el: etree._Element | None, skip: tuple[str, ...] = ()) -> str:
    """The element's text, whitespace collapsed; children named in skip left out (their tail kept)."""
    if el is None:
        return ""
    return squash("".join(_texts(el, skip)))


def _texts(el: etree._Element, skip: tuple[str, ...]) -> list[str]:
    out = [el.text or ""] if isinstance(el.tag, str) else []
    for child in el:
        if isinstance(child.tag, str) and child.tag not in skip:
            out += _texts(child, skip)
        out.append(child.tail or "")
    return out


def first(el: etree._Element | None, path: str) -> etree._Element | None:
    """The first match of an XPath below el, or None."""
    if el is None:
        return None
    found = el.xpath(path)
    return found[0] if found and isinstance(found[0], etree._Element) else None


def first_text(el: etree._Element | None, path: str, skip: tuple[str, ...] = ()) -> str:
    """The text of the first match of an XPath below el, or ''."""
    return text_of(first(el, path), skip)


def is_xml(data: bytes) -> bool:
    """True if the bytes start like an XML document (declaration, doctype or a root element that is not HTML)."""
    head = data[:2048].lstrip(codecs.BOM_UTF8).lstrip()
    if head.startswith(b"<?xml"):
        return True
    m = re.match(rb"<!DOCTYPE\s+([A-Za-z-]+)|<([A-Za-z][\w:.-]*)", head)
    return bool(m) and (m.group(1) or m.group(2) or b"").lower() != b"html"
