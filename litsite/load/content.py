"""content/ → frozen Content: the study (front matter + Markdown), its references (CSL-YAML) and extra pages."""

from __future__ import annotations

import difflib
import re
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from litsite.csl.schema import DATE_VARIABLES, ITEM_TYPES, NAME_VARIABLES, VARIABLES
from litsite.errors import ErrorCollector, InputWarning, UserError
from litsite.load.dates import to_csl_date
from litsite.load.notes import Note, Theme, load_notes, load_themes, theme_names
from litsite.load.typenames import suggest_type
from litsite.load.yamlfile import ItemCache, Lines, load_yaml, parse_yaml, read_text
from litsite.safety import bad_id, clean_text, normal_id
from litsite.slugs import slugify

# Keys of the study's front matter that are not CSL variables.
STUDY_EXTRAS = frozenset(
    {"id", "type", "keywords", "affiliations", "copyright", "accepted", "source-record", "added-by-hand", "toc"}
)
TOC_MESSAGE = "toc must be true or false (shown by default when the text has three headings or more)"
NAME_KEYS = frozenset(
    {"family", "given", "literal", "dropping-particle", "non-dropping-particle", "suffix", "comma-suffix"}
    | {"static-ordering", "parse-names"}
)
# The top-level folders a build makes itself (site/routes.py, templates/static/): no page may take them.
GENERATED_DIRS = frozenset({"references", "authors", "keywords", "themes", "data", "static"})
NO_REFERENCES = "file not found: the site needs its references (write `[]` in it for a site without any)"
# CSL's spelling of each name by its case-folded form: `url`, `Url` and `URL` are one variable, as citeproc-py (which
# lower-cases every name) and pandoc read them.
SPELLING = {name.casefold(): name for name in (*VARIABLES, "id", "type")}
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$\n?", re.S | re.M)


@dataclass(frozen=True)
class Page:
    """A Markdown document: its front matter, body and where the body starts."""

    path: Path
    meta: dict[str, Any]
    body: str
    body_line: int
    lines: Lines

    @property
    def slug(self) -> str:
        """The output name of the page."""
        return self.path.stem


@dataclass(frozen=True)
class Study:
    """The article the site is about: a CSL item plus what CSL has no variable for."""

    item: dict[str, Any]
    page: Page
    keywords: tuple[str, ...]
    affiliations: tuple[str, ...]
    copyright: str
    accepted: dict[str, Any] | None
    added_by_hand: dict[str, Any]
    # False for a bibliography site: no content/study.md, or one without a title (its body, if any, introduces the
    # references on the home page). Templates then claim no study.
    present: bool = True


@dataclass(frozen=True)
class Reference:
    """One CSL item of content/references.yaml, with the line it starts on."""

    id: str
    item: dict[str, Any]
    line: int

    @property
    def csl(self) -> dict[str, Any]:
        """The item as CSL-JSON: without the project's own `x-` keys."""
        return csl_only(self.item)


def csl_only(item: dict[str, Any]) -> dict[str, Any]:
    """A copy of a CSL item without the project's own `x-` keys, for CSL processors and exports."""
    return {k: v for k, v in item.items() if not k.startswith("x-")}


@dataclass(frozen=True)
class Content:
    """Everything under content/."""

    root: Path
    study: Study
    references: tuple[Reference, ...]
    pages: tuple[Page, ...]
    references_path: Path
    notes: tuple[Note, ...] = ()  # the reviewer's notes (content/notes/ID.md), one per reference at most
    themes: tuple[Theme, ...] = ()  # the reviewer's themes (content/themes/SLUG.md)

    def reference(self, ref_id: str) -> Reference | None:
        """The reference with this id, if any."""
        return next((r for r in self.references if r.id == ref_id), None)


def read_page(path: Path, data: bytes | None = None) -> Page:
    """Split a Markdown file (data: its bytes, already read) into YAML front matter and body."""
    text = read_text(path, data)
    # Control and private-use characters are dropped (the line count stays); NFC makes citation keys compare as ids.
    text = unicodedata.normalize("NFC", clean_text(text, keep_cr=True))
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return Page(path, {}, text, 1, Lines(path))
    meta, lines = parse_yaml(m.group(1), path, offset=1)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise UserError(path, 2, "front matter must be a mapping of keys to values")
    return Page(path, meta, text[m.end() :], text[: m.end()].count("\n") + 1, lines)


PAGE_KEYS = ("title", "nav_order", "toc")  # front matter of content/pages/*.md (and keys of one's own, prefixed x-)


def check_page(page: Page, errors: ErrorCollector) -> None:
    """Validate an extra page's front matter: title (text), nav_order (a whole number placing it in the navigation)."""
    for key, value in page.meta.items():
        line = page.lines.of(key)
        if isinstance(key, str) and key.startswith("x-"):
            continue
        if key not in PAGE_KEYS:
            close = difflib.get_close_matches(str(key), PAGE_KEYS, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            errors.add(page.path, line, f"unknown front matter key {key!r}; {hint}(a page has title, nav_order, toc)")
        elif key == "title" and (not isinstance(value, str | int | float) or isinstance(value, bool)):
            errors.add(page.path, line, "title must be text")
        elif key == "nav_order" and (not isinstance(value, int) or isinstance(value, bool)):
            errors.add(page.path, line, "nav_order must be a whole number (pages are listed by it, then by title)")
        elif key == "toc" and not isinstance(value, bool):
            errors.add(page.path, line, TOC_MESSAGE)


def spelled(item: dict[Any, Any], extras: frozenset[str] = frozenset()) -> dict[Any, str]:
    """The keys of an item that are CSL variables written in another case (`url`, `Container-Title`), each with CSL's
    spelling; none whose CSL spelling the item also has."""
    out = {}
    for var in item:
        if isinstance(var, str) and var not in VARIABLES and var not in extras and not var.startswith("x-"):
            name = SPELLING.get(var.casefold())
            if name and name not in item:
                out[var] = name
    return out


def warn_spelled(path: Path, found: dict[str, tuple[str, int]]) -> None:
    """One warning for a file whose CSL variable names are written in another case, at the first of them."""
    if found:
        pairs = ", ".join(f"{var!r} as {name!r}" for var, (name, _) in sorted(found.items()))
        line = min(n for _, n in found.values())
        warnings.warn(InputWarning(path, line, f"CSL variable names in another case, read as {pairs}"), stacklevel=2)


def check_item(
    item: Any,
    lines: Lines,
    key: tuple[Any, ...],
    errors: ErrorCollector,
    extras: frozenset[str] = frozenset(),
    respelled: dict[str, tuple[str, int]] | None = None,
) -> dict[str, Any]:
    """Validate one CSL item (types, variables, names, dates); record errors and return it normalised. A variable
    name in another case is read as CSL spells it and recorded in `respelled` (name → (CSL's name, line))."""
    path = lines.path
    if not isinstance(item, dict):
        errors.add(path, lines.of(*key), "expected a mapping of CSL variables (id, type, title, …)")
        return {}
    out: dict[str, Any] = {}
    renames = spelled(item, extras)
    for var, name in renames.items():
        if respelled is not None:
            respelled.setdefault(var, (name, lines.of(*key, var)))

    written = {name: var for var, name in renames.items()}

    def bad(var: Any, message: str) -> None:
        errors.add(path, lines.of(*key, written.get(var, var)), message)  # the line is looked up only for an error

    for raw, value in item.items():
        var = renames.get(raw, raw)
        if not isinstance(var, str):
            bad(var, f"key {var!r} must be a string")
            continue
        if var.startswith("x-") or var in extras:
            out[var] = value
        elif var == "id":
            if not isinstance(value, str | int) or isinstance(value, bool) or not str(value).strip():
                bad(var, "id must be a non-empty string")
            elif bad_id(str(value).strip()):
                bad(var, f'id {str(value).strip()!r} may not hold spaces or any of {{ }} ( ) , " \\')
            out[var] = normal_id(str(value).strip())
        elif var == "type":
            if value not in ITEM_TYPES:
                bad(var, f"unknown CSL type {value!r}{suggest_type(value)}")
            out[var] = value
        elif var in NAME_VARIABLES:
            out[var] = _names(value, lines, (*key, raw), errors)
        elif var in DATE_VARIABLES:
            try:
                out[var] = to_csl_date(value)
            except ValueError as exc:
                bad(var, f"{var}: {exc}")
        elif var in VARIABLES:
            if isinstance(value, list) and var == "keyword":
                value = ", ".join(str(v) for v in value)
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                bad(var, f"{var} must be text or a number, not {type(value).__name__}")
                continue
            out[var] = value if isinstance(value, str) else str(value)
        elif SPELLING.get(var.casefold()) in item:
            bad(var, f"{var!r} and {SPELLING[var.casefold()]!r} are the same CSL variable, given twice")
        else:
            close = difflib.get_close_matches(var, VARIABLES | extras, n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            bad(var, f"unknown CSL variable {var!r}; {hint}(prefix your own keys with 'x-')")
    if "type" not in out:
        errors.add(path, lines.of(*key), "missing 'type' (e.g. article-journal, book, chapter, report)")
    return out


def _names(value: Any, lines: Lines, key: tuple[Any, ...], errors: ErrorCollector) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        errors.add(lines.path, lines.of(*key), "names must be a list like [{family: Berry, given: C.}]")
        return []
    names = []
    for i, name in enumerate(value):
        if isinstance(name, str):
            name = {"literal": name}
        if not isinstance(name, dict) or not ({"family", "literal"} & set(name)):
            errors.add(lines.path, lines.of(*key, i), "a name needs 'family' (and 'given') or 'literal'")
            continue
        for k in name:
            if k not in NAME_KEYS:
                errors.add(lines.path, lines.of(*key, i, k), f"unknown name part {k!r}; use family, given, literal")
        names.append(
            {k: str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v for k, v in name.items()}
        )
    return names


def load_study(path: Path, errors: ErrorCollector, bibliography: bool = False) -> Study:
    """Load content/study.md (bibliography: the site has references, so a study.md without title is allowed)."""
    page = read_page(path)
    lines = page.lines
    meta = page.meta
    if bibliography and not meta.get("title"):
        meta = {"type": "document", **meta}  # no article, so no type to require
    item = check_item(meta, lines, (), errors, extras=STUDY_EXTRAS)
    item.setdefault("id", "study")
    if not isinstance(item.pop("toc", False), bool):  # the page's, not the article's (render/markdown.shows_toc)
        errors.add(path, lines.of("toc"), TOC_MESSAGE)
    present = bool(item.get("title"))
    article_fields = sorted(set(item) - {"id", "type", "abstract", "added-by-hand", "source-record"})
    if not present and (article_fields or not bibliography):
        hint = f" (it sets {', '.join(article_fields)})" if article_fields else ""
        errors.add(
            path,
            lines.of(article_fields[0]) if article_fields else 1,
            f"the study needs a 'title'{hint}; a study.md without title and article fields makes a bibliography site",
        )
    keywords = item.pop("keywords", None) or []
    affiliations = item.pop("affiliations", None) or []
    for key, value in (("keywords", keywords), ("affiliations", affiliations)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            errors.add(path, lines.of(key), f"{key} must be a list of strings")
    accepted = item.pop("accepted", None)
    if accepted is not None:
        try:
            accepted = to_csl_date(accepted)
        except ValueError as exc:
            errors.add(path, lines.of("accepted"), f"accepted: {exc}")
            accepted = None
    if keywords and "keyword" not in item and isinstance(keywords, list):
        item["keyword"] = ", ".join(keywords)
    if page.body.strip() and "abstract" not in item:
        item["abstract"] = page.body.strip()
    hand = item.pop("added-by-hand", None) or {}
    copyright_ = item.pop("copyright", "") or ""
    item.pop("source-record", None)
    return Study(
        item,
        page,
        tuple(keywords),
        tuple(affiliations),
        str(copyright_),
        accepted,
        hand if isinstance(hand, dict) else {},
        present,
    )


def no_study(path: Path) -> Study:
    """The Study of a bibliography site without content/study.md: no fields, no text."""
    page = Page(path, {}, "", 1, Lines(path))
    return Study({"id": "study"}, page, (), (), "", None, {}, present=False)


def load_references(path: Path, errors: ErrorCollector, items: ItemCache | None = None) -> tuple[Reference, ...]:
    """Load content/references.yaml (a list of CSL items); ids must be unique, also ignoring case. items: parsed
    items kept from earlier loads (see yamlfile.ItemCache)."""
    data, lines = load_yaml(path, items)
    if data is None:
        return ()
    if not isinstance(data, list):
        if isinstance(data, dict) and isinstance(data.get("references"), list):
            data = data["references"]
            lines = Lines(path, {k[1:]: v for k, v in lines.lines.items() if k[:1] == ("references",)})
        else:
            raise UserError(path, 1, "references.yaml must be a list of CSL items (- id: ..., type: ...)")
    refs: list[Reference] = []
    seen: dict[str, int] = {}
    respelled: dict[str, tuple[str, int]] = {}
    for i, raw in enumerate(data):
        item = check_item(raw, lines, (i,), errors, respelled=respelled)
        ref_id = item.get("id")
        line = lines.of(i)
        if not ref_id:
            errors.add(path, line, "missing 'id' (a short key such as berry2011)")
            continue
        folded = ref_id.casefold()  # (ids are NFC already: composed and decomposed accents are one id)
        if folded in seen:
            errors.add(
                path,
                lines.of(i, "id"),
                f"duplicate id {ref_id!r} (ids are compared ignoring case; first used on line {seen[folded]})",
            )
            continue
        seen[folded] = lines.of(i, "id")
        refs.append(Reference(ref_id, item, line))
    warn_spelled(path, respelled)
    return tuple(refs)


def load_content(root: Path, items: ItemCache | None = None, read: Callable[[Path], Page] = read_page) -> Content:
    """Load study, references and pages from a content directory; raise UserErrors listing every problem (read: how
    the pages, notes and themes are read, e.g. load.pagememo's PageMemo)."""
    if not root.is_dir():
        raise UserError(root, None, "content directory not found; create it or run `python build.py import RECORD`")
    errors = ErrorCollector()
    study_path = root / "study.md"
    refs_path = root / "references.yaml"
    study = refs = None
    has_refs = refs_path.exists()
    refs_ok = True
    try:
        if study_path.exists() or not has_refs:
            study = load_study(study_path, errors, bibliography=has_refs)
        else:
            study = no_study(study_path)
    except UserError as exc:
        errors.extend([exc])
    try:
        if has_refs:
            before = len(errors.errors)
            load = lambda: load_references(refs_path, errors, items)  # noqa: E731
            refs = items.whole(refs_path, errors, load) if items is not None else load()
            if len(errors.errors) > before:
                refs_ok = False
        else:  # a review without its references is a mistake; an empty list says "none" on purpose
            raise UserError(refs_path, None, NO_REFERENCES)
    except UserError as exc:
        errors.extend([exc])
    pages = []
    for path in sorted((root / "pages").glob("*.md")) if (root / "pages").is_dir() else ():
        if slugify(path.stem) in GENERATED_DIRS:
            errors.add(path, 1, f"this page would replace the site's own {slugify(path.stem)}/; rename the file")
            continue
        try:
            pages.append(read(path))
            check_page(pages[-1], errors)
        except UserError as exc:
            errors.extend([exc])
    themes = load_themes(root / "themes", read, errors)
    # Notes are checked against the references once these load without mistakes (else a note on an item that failed
    # would be a second, misleading error).
    ids = [r.id for r in refs or ()]
    slugs = theme_names(root / "themes")
    notes = load_notes(root / "notes", read, ids, slugs, errors) if refs is not None and refs_ok else ()
    errors.raise_if_any()
    assert study is not None
    return Content(root, study, refs or (), tuple(pages), refs_path, notes, themes)
