"""Import an article record (saved page or structured file) and write it as litsite content."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import yaml

from litsite.errors import UserError
from litsite.importers import bibtex, reflines, ris, structured
from litsite.importers.crossref import load_crossref
from litsite.importers.cslmap import buildable
from litsite.importers.detect import KINDS, detect_format
from litsite.importers.htmlpage import HTML_SUFFIXES, import_html, read_page
from litsite.importers.htmltext import HTML_RE
from litsite.importers.ids import assign_ids
from litsite.importers.jats import load_jats
from litsite.importers.mdtext import escape_markdown
from litsite.importers.medline import load_medline
from litsite.importers.page import RefLine, parse_page
from litsite.importers.pubmed import load_pubmed
from litsite.importers.readfile import read_bytes, read_record, record_text
from litsite.importers.replace import dangling_citations, library_note, replace_study
from litsite.importers.result import ImportResult
from litsite.importers.xmltext import decode_xml
from litsite.importers.xmltext import is_xml as xml_like
from litsite.safety import clean_data, normal_id

STUDY_ORDER = (
    "type",
    "title",
    "container-title",
    "container-title-short",
    "volume",
    "issue",
    "number",
    "page",
    "issued",
    "author",
    "editor",
    "DOI",
    "PMID",
    "PMCID",
    "ISSN",
    "URL",
    "submitted",
    "accepted",
    "available-date",
    "keywords",
    "affiliations",
    "copyright",
    "genre",
    "source-record",
    "added-by-hand",
)
REFERENCE_ORDER = (
    "id",
    "type",
    "author",
    "editor",
    "issued",
    "title",
    "container-title",
    "volume",
    "issue",
    "page",
    "publisher",
    "publisher-place",
    "DOI",
    "URL",
)
_NAME_KEYS = {"family", "given", "literal", "non-dropping-particle", "dropping-particle", "suffix"}
_DATE_KEYS = {"date-parts", "literal", "raw", "season", "circa"}


# --- reading


# --- references from page lines


def references_from_lines(refs: list[RefLine] | list[str]) -> tuple[list[dict], list[str]]:
    """CSL items for reference lines via litsite.importers.reflines, with link markers and source lines kept."""
    lines = [r if isinstance(r, RefLine) else RefLine(r, (), 0) for r in refs]
    warnings: list[str] = []
    try:
        parsed = list(reflines.parse_references([r.glued for r in lines]))
    except Exception as e:  # a parser bug must not lose the whole import
        warnings.append(f"the reference-line parser failed ({type(e).__name__}: {e}): parsing line by line")
        parsed = []
        for r in lines:
            try:
                parsed.append(reflines.parse_reference(r.glued))
            except Exception as e2:
                warnings.append(f"line {r.line}: cannot parse the reference ({type(e2).__name__}: {e2})")
                parsed.append(None)
    if len(parsed) != len(lines):
        warnings.append("the reference-line parser returned a different number of references")
        parsed = (parsed + [None] * len(lines))[: len(lines)]
    items = []
    for n, (r, p) in enumerate(zip(lines, parsed, strict=True), start=1):
        item = dict(p.item) if p is not None and isinstance(getattr(p, "item", None), dict) else {}
        item.setdefault("id", f"ref{n}")
        item.setdefault("type", "document")
        markers = list(getattr(p, "markers", ()) or ()) or list(r.markers)
        if markers and "x-links" not in item:
            item["x-links"] = list(dict.fromkeys(markers))
        item.setdefault("x-source-line", r.text)
        where = f"line {r.line}" if r.line else f"reference {n}"
        warnings += [f"{where}: {w}" for w in getattr(p, "warnings", ()) or ()]
        items.append(item)
    assign_ids(items, warnings)
    return items, warnings


# --- importing


# The page parser's warnings that citation_* meta tags of an HTML page can settle.
_SETTLED_BY = {
    "author": ("no authors found", "authors taken from the citation line"),
    "DOI": ("no DOI found",),
    "issue": ("no issue number",),
    "volume": ("no volume",),
    "page": ("no page range",),
    "container-title": ("no journal name", "journal name taken from"),
    "issued": ("no date of issue", "year of issue taken from"),
    "keywords": ("no keywords", "keywords split at capital letters"),
}


def import_page(text: str, path: Path, meta: dict | None = None) -> ImportResult:
    """Import a saved page (meta: fields known for sure, e.g. from HTML meta tags); UserError if no references."""
    rec = parse_page(text)
    if not rec.references:
        raise UserError(path, None, "no references found in the record: is this a saved article page?")
    refs, ref_warnings = references_from_lines(rec.references)
    study = {**rec.study, **(meta or {})}
    study["source-record"] = f"records/{path.name}"
    settled = tuple(w for key in (meta or {}) for w in _SETTLED_BY.get(key, ()))
    warnings = [w for w in rec.warnings if not w.startswith(settled)] if settled else rec.warnings
    return ImportResult(study, refs, warnings + ref_warnings)


# Loaders by kind (see detect.py); XML records are read from their bytes, the rest from UTF-8 text.
_XML_LOADERS: dict[str, Callable[[bytes, Path], ImportResult]] = {"jats": load_jats, "pubmed-xml": load_pubmed}
_TEXT_LOADERS: dict[str, Callable[[str, Path], ImportResult]] = {
    "medline": load_medline,
    "crossref-json": load_crossref,
    "csl-json": structured.load_csl_json,
    "csl-yaml": structured.load_csl_yaml,
    "bibtex": bibtex.load_bibtex,
    "ris": ris.load_ris,
}


@buildable
def import_record(path: Path) -> ImportResult:
    """Import a record of any kind in KINDS, recognised by its content (see detect_format).

    Control and private-use characters are dropped from every value, and ids are NFC (as the build does)."""
    result = _import_any(Path(path))
    refs = [clean_data(item) for item in result.references]
    for item in refs:
        if isinstance(item.get("id"), str):
            item["id"] = normal_id(item["id"])
    return dataclasses.replace(result, study=clean_data(result.study), references=refs, body=clean_data(result.body))


def _import_any(path: Path) -> ImportResult:
    if path.suffix.lower() in HTML_SUFFIXES:  # saved pages come in the encoding they declare
        return import_html(read_page(path), path)
    data = read_bytes(path)
    # XML declares its own encoding (SciELO's ISO-8859-1, for one): it is read from the bytes.
    text = decode_xml(data, path) if xml_like(data) else record_text(path, data)
    fmt = detect_format(path, text)
    if fmt in _XML_LOADERS:
        return _XML_LOADERS[fmt](data, path)
    if fmt == "unknown-xml":
        raise UserError(path, None, f"an XML record of a kind not known here; accepted: {KINDS}")
    text = record_text(path, data) if xml_like(data) else text
    if fmt in _TEXT_LOADERS:
        return _TEXT_LOADERS[fmt](text, path)
    try:
        if HTML_RE.match(text):
            return import_html(text, path)
        return import_page(text, path)
    except UserError as e:
        if "no references found" in e.message:
            raise UserError(e.path, e.line, f"{e.message} The kinds accepted: {KINDS}.") from None
        raise


# --- writing


class _Dumper(yaml.SafeDumper):
    """Block-style YAML; names and date-parts in flow style; multi-line strings as literal blocks."""

    def ignore_aliases(self, data: object) -> bool:
        """Write repeated values out in full: the file is for people to edit, not &id001/*id001 references."""
        return True


class _Flow(dict):
    pass


class _FlowList(list):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True))
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _styled(value: object) -> object:
    if isinstance(value, dict):
        if value and (set(value) <= _NAME_KEYS or set(value) <= _DATE_KEYS):
            return _Flow(value)
        return {k: _styled(v) for k, v in value.items()}
    if isinstance(value, list):
        if value and all(isinstance(v, int | str) for v in value) and sum(len(str(v)) + 2 for v in value) < 100:
            return _FlowList(value)
        return [_styled(v) for v in value]
    return value


def ordered(item: dict, order: tuple[str, ...]) -> dict:
    """The item's keys in the given order, then the rest sorted, `x-` extras last."""
    rest = sorted((k for k in item if k not in order), key=lambda k: (k.startswith("x-"), k))
    return {k: item[k] for k in (*[k for k in order if k in item], *rest)}


def dump_yaml(data: object) -> str:
    """Deterministic, readable YAML: block style, unicode kept, no line folding."""
    return yaml.dump(_styled(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)


def study_markdown(study: dict, body: str = "") -> str:
    """content/study.md: YAML front matter (keys in a fixed order) and the abstract as the body.

    With body (Markdown of the abstract and the full text, already escaped), the abstract stays in the front
    matter as plain text (for meta tags and JSON-LD) and the body is the article's text.
    """
    front = dict(study)
    if body.strip():
        front.pop("keyword", None)
        return "---\n" + dump_yaml(ordered(front, STUDY_ORDER)) + "---\n" + body.strip() + "\n"
    abstract = str(front.pop("abstract", "") or "")
    keyword = front.pop("keyword", None)
    if keyword and "keywords" not in front:
        front["keywords"] = [k.strip() for k in str(keyword).split(",") if k.strip()]
    body = escape_markdown(abstract.strip()) + "\n" if abstract.strip() else ""
    return "---\n" + dump_yaml(ordered(front, STUDY_ORDER)) + "---\n" + body


def references_yaml(references: list[dict]) -> str:
    """content/references.yaml: the CSL items as CSL-YAML, keys in a stable order."""
    return dump_yaml([ordered(item, REFERENCE_ORDER) for item in references])


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_content(
    result: ImportResult, content_dir: Path, record_path: Path, force: bool, notes: list[str] | None = None
) -> list[Path]:
    """Write study.md, references.yaml and a copy of the record under content_dir; refuse to overwrite.

    With force, an article replaces the old study entirely, except the fields the old study.md lists under
    `added-by-hand` when it is the same article (see replace.py); a library (no study) replaces only the references
    and leaves study.md as it was. notes receives what was kept, dropped and left, for the user.
    """
    content_dir, record_path = Path(content_dir), Path(record_path)
    notes = [] if notes is None else notes
    outputs: list[tuple[Path, bytes]] = []
    stale, same = None, False
    if result.study:
        study = dict(result.study)
        if force and (content_dir / "study.md").exists():
            replacement = replace_study(study, content_dir, record_path.name)
            study, stale, same = replacement.study or study, replacement.stale_record, replacement.same
            notes.extend(replacement.notes)
        outputs.append((content_dir / "study.md", study_markdown(study, result.body).encode("utf-8")))
    else:
        old_refs = (content_dir / "references.yaml").exists()
        notes.extend(library_note(content_dir, len(result.references), old_refs))
        dangling = dangling_citations(content_dir, {str(r.get("id")) for r in result.references})
        if dangling:  # the build would stop at each: say so now, where they are
            notes.append(f"{len(dangling)} citation(s) name ids the new references lack: " + "; ".join(dangling[:5]))
    if result.references or not result.study or not same or not (content_dir / "references.yaml").exists():
        # an article's record without a reference list gives an empty list (the build asks for the file), except
        # when it is the same article again: its references may come from elsewhere (a library import)
        outputs.append((content_dir / "references.yaml", references_yaml(result.references).encode("utf-8")))
    copy = content_dir / "records" / record_path.name
    same = copy.exists() and record_path.exists() and copy.resolve() == record_path.resolve()
    if not same:
        outputs.append((copy, record_path.read_bytes()))
    if not force:
        for target, _ in outputs:
            if target.exists():
                raise UserError(target, None, "already exists: not overwritten (use --force to replace it)")
    for target, data in outputs:
        _write(target, data)
    if stale is not None:
        stale.unlink(missing_ok=True)
    return [target for target, _ in outputs]


# --- command-line entry points (wired into litsite.cli by the `import` and `parse-references` sub-commands)


def run_import(
    record: Path, content_dir: Path, force: bool, as_json: bool, out: TextIO, err: TextIO | None = None
) -> int:
    """`build.py import RECORD [--force] [--json]`: write the content (or print it as JSON); 0 on success."""
    result = import_record(Path(record))
    if as_json:
        doc = {"study": result.study, "references": result.references, "warnings": result.warnings}
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
        return 0
    notes: list[str] = []
    for path in write_content(result, Path(content_dir), Path(record), force, notes):
        out.write(f"{path}\n")
    for note in notes:
        out.write(f"{note}\n")
    for warning in result.warnings:
        print(f"{record}: warning: {warning}", file=err or sys.stderr)
    return 0


def run_parse_references(path: Path, fmt: str, out: TextIO, err: TextIO | None = None, check: bool = True) -> int:
    """`build.py parse-references FILE [--format yaml|json]`: one reference per non-empty line → CSL items."""
    from litsite.importers.roundtrip import engine_renderer, round_trip_mismatches

    path = Path(path)
    err = err or sys.stderr
    text = read_record(path)
    # Marker-only lines (the newer Springer layout) belong to the reference above, as parse_references joins them.
    lines = text.split("\n")
    numbered = [no for no, line in enumerate(lines, start=1) if line.strip() and reflines.marker_only(line) is None]
    parsed = reflines.parse_references(lines)
    items = []
    for no, p in zip(numbered, parsed, strict=True):
        item = clean_data(dict(p.item))
        if p.markers and "x-links" not in item:
            item["x-links"] = list(p.markers)
        items.append(item)
        for w in p.warnings:
            print(f"{path}:{no}: warning: {w}", file=err)
    if check:
        for index, _line, rendered in round_trip_mismatches(parsed, "auto", engine_renderer):
            print(f"{path}:{numbered[index]}: warning: does not round-trip; re-rendered as: {rendered}", file=err)
    if fmt == "json":
        out.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(references_yaml(items))
    return 0
