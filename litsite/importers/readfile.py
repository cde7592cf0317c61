"""Reading a record file: its bytes once, then its text (UTF-8 or UTF-16 with a BOM), with clear errors."""

from __future__ import annotations

import codecs
from pathlib import Path

from litsite.errors import UserError


def read_bytes(path: Path) -> bytes:
    """The record's bytes; UserError if it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as e:
        raise UserError(path, None, f"cannot read the record: {e.strerror or e}") from None


def record_text(path: Path, data: bytes) -> str:
    """The text of a record's bytes; UserError if they are empty, binary or not UTF-8 (UTF-16 with a BOM is read)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise UserError(path, None, "not a text file (broken UTF-16)") from None
    if not data.strip():
        raise UserError(path, None, "empty record")
    if b"\x00" in data:
        raise UserError(path, data[: data.index(b"\x00")].count(b"\n") + 1, "binary file, not a text record")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise UserError(path, line, f"not UTF-8 text (byte 0x{data[e.start]:02x}): save the record as UTF-8") from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def read_record(path: Path) -> str:
    """The record's text; UserError if it is missing, empty, binary or not UTF-8."""
    return record_text(path, read_bytes(path))
