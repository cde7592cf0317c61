"""BibTeX field values as written (bibtexparser's raw values) → text: braces and quotes removed, `#` concatenation
joined, @string macros replaced; a macro the file never defines is a warning, never a literal journal name."""

from __future__ import annotations

from typing import Any

from litsite.importers.bibinherit import BibEntry

# The macros every BibTeX style defines.
MONTHS = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "may": "May",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}


def split_concatenation(raw: str) -> list[str]:
    """The parts of a value joined by `#`, outside braces and quotes: 'jair # { 12}' → ['jair', '{ 12}']."""
    parts, depth, quoted, start = [], 0, False, 0
    for i, c in enumerate(raw):
        if c == "{":
            depth += 1
        elif c == "}":
            depth = max(0, depth - 1)
        elif c == '"' and depth == 0:
            quoted = not quoted
        elif c == "#" and depth == 0 and not quoted:
            parts.append(raw[start:i])
            start = i + 1
    parts.append(raw[start:])
    return [p.strip() for p in parts]


def resolve_value(raw: str, macros: dict[str, str]) -> tuple[str, list[str]]:
    """A raw value as text, and the names of the undefined macros it uses (then the text is "")."""
    out: list[str] = []
    undefined: list[str] = []
    for part in split_concatenation(raw):
        if len(part) >= 2 and (part[0], part[-1]) in (("{", "}"), ('"', '"')):
            out.append(part[1:-1])
        elif part.isdigit() or not part:
            out.append(part)
        elif part.casefold() in macros:
            out.append(macros[part.casefold()])
        elif part.casefold() in MONTHS:
            out.append(MONTHS[part.casefold()])
        else:
            undefined.append(part)
    return ("" if undefined else "".join(out)), undefined


def _macros(strings: list[Any], warnings: list[str]) -> dict[str, str]:
    """@string definitions in file order (a definition may use earlier ones)."""
    macros: dict[str, str] = {}
    for s in strings:
        value, undefined = resolve_value(str(s.value), macros)
        if undefined:
            warnings.append(f"line {s.start_line + 1}: @string {s.key} uses undefined macro {undefined[0]!r}")
        macros[str(s.key).casefold()] = value
    return macros


def read_entries(blocks: list[Any], strings: list[Any], warnings: list[str]) -> list[BibEntry]:
    """bibtexparser entries as BibEntry with text values; one warning per undefined macro, naming its entries."""
    macros = _macros(strings, warnings)
    undefined: dict[str, list[str]] = {}
    entries = []
    for block in blocks:
        fields: dict[str, str] = {}
        for f in block.fields:
            name = str(f.key).lower()
            if name in fields:
                continue
            value, missing = resolve_value(str(f.value), macros)
            for macro in missing:
                line = (f.start_line if isinstance(f.start_line, int) else block.start_line) + 1
                undefined.setdefault(macro, []).append(f"{block.key!r} ({name}, line {line})")
            if not missing:
                fields[name] = value
        entries.append(BibEntry(str(block.key), str(block.entry_type).lower(), fields, block.start_line + 1))
    for macro, uses in undefined.items():
        shown = ", ".join(uses[:3]) + (f" and {len(uses) - 3} more" if len(uses) > 3 else "")
        warnings.append(
            f"undefined @string macro {macro!r} in {shown}: the field is left out "
            f"(define it with @string{{{macro} = {{…}}}} or write the value in braces)"
        )
    return entries
