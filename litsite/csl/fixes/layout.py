"""cs:layout: second-field-align, cite order in clusters, suppress-author and author-only cites.

CSL 1.0.2 "Whitespace": with second-field-align the first field (e.g. the citation number) is set apart from the
rest of the entry (text: separated by a space; HTML: csl-left-margin / csl-right-inline blocks).
CSL 1.0.2 "Sorting": without cs:sort in cs:citation, cites keep the order the author gave.
"""

from __future__ import annotations

from collections.abc import Callable

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import MixedString, String, join

from litsite.csl.elements import extend
from litsite.csl.fixes.collapse import collapse_numbers, collapse_years
from litsite.csl.fixes.positions import first_note_number
from litsite.csl.markup import CLOSE, HOLD, OPEN, PLACEHOLDERS, TERM, UNREPLACED
from litsite.csl.punctuation import LEFT_MARGIN_SPACE, last_mark, without_number_suffix
from litsite.csl.substitute_author import replaced_names


def _render_child(child: model.CitationStylesElement, item: object, delimiter: str = "") -> object:
    try:
        if isinstance(child, model.Choose):
            return child.render(item, delimiter=delimiter)
        return child.render(item)
    except VariableError:
        return None


NO_PRINTED_FORM = "[CSL STYLE ERROR: reference with no printed form.]"


_AFFIX_PUNCTUATION = ",.;:!?"


def _starts_sentence(prefix: object) -> bool:
    """Whether a cite's prefix ends a sentence, so that what follows starts one: "This has been said." and "Why?" do,
    "See" and a one-word abbreviation such as "Cf." do not (as citeproc-js reads them)."""
    text = str(prefix or "").strip().rstrip("”’\"')]" + "".join(PLACEHOLDERS))
    if not text:
        return True
    return text[-1] in "!?" or (text[-1] == "." and len(text.split()) > 1)


def capitalize_term_start(text: object, prefix: object, opening: bool = True) -> object:
    """A note style's cite that begins with a term ("ibid.") starts with a capital, unless a prefix that does not end
    a sentence comes before it (citeproc-js; the suite's magic_TermCapitalizationWithPrefix). A cite after the
    cluster's first (opening=False) follows what the first printed: only a prefix that ends a sentence makes its term
    start with a capital (citeproc-js's term_predecessor, reset only at the cluster's start and by such a prefix)."""
    value = str(text)
    first = next((i for i, c in enumerate(value) if c not in PLACEHOLDERS or c == TERM), None)
    if first is None or value[first] != TERM or not _starts_sentence(prefix):
        return text
    if not opening and not str(prefix or "").strip():
        return text
    letter = next((i for i in range(first, len(value)) if value[i] not in PLACEHOLDERS), None)
    if letter is None:
        return text
    return String(value[:letter] + value[letter].upper() + value[letter + 1 :])


def capitalize_entry_term(text: object, number: object = None) -> object:
    """A bibliography entry whose first content is a term starts it with a capital ("(No date)", "1. In: …"):
    citeproc-js capitalizes a term that nothing but affixes and the citation number come before."""
    value = str(text)
    at = value.find(TERM)
    if at < 0:
        return text
    before = "".join(c for c in value[:at] if c not in PLACEHOLDERS)
    if number is not None:
        before = before.replace(str(number), "", 1)
    if any(c.isalnum() for c in before):
        return text
    letter = next((i for i in range(at, len(value)) if value[i] not in PLACEHOLDERS), None)
    if letter is None:
        return text
    return String(value[:letter] + value[letter].upper() + value[letter + 1 :])


_DISPLAY = {"block": "block", "left-margin": "lm", "right-inline": "ri", "indent": "indent"}
_BLOCK_CLOSES = frozenset(CLOSE[tag] for tag in _DISPLAY.values())
_BLOCK_OPENS = frozenset(OPEN[tag] for tag in _DISPLAY.values())


_BRANCHES = frozenset({"choose", "if", "else-if", "else"})


def _local(element: object) -> str:
    return str(getattr(element, "tag", "")).rsplit("}", 1)[-1]


def top_display(element: model.CitationStylesElement) -> str:
    """The display an element gets: citeproc-js applies it only to an element at the top of the layout (cs:choose
    branches between them do not count) and ignores it on a nested one (inside a group, a macro, names)."""
    display = element.get("display", "")
    parent = element.getparent()
    while parent is not None and _local(parent) in _BRANCHES:
        parent = parent.getparent()
    return display if parent is not None and _local(parent) == "layout" else ""


def _aligned(element: model.CitationStylesElement) -> bool:
    """Whether the element is in a bibliography with second-field-align (whose first field Layout sets apart)."""
    parent = element.getparent()
    while parent is not None and _local(parent) != "bibliography":
        parent = parent.getparent()
    return parent is not None and bool(parent.get("second-field-align"))


class Display:
    """The display attribute: in HTML the element's output (affixes included) is a block, as citeproc-js writes it
    (`<div class="csl-block">`, csl-left-margin, csl-right-inline, csl-indent); in text a block or an indented block
    starts on a new line and a left-margin field is followed by a space (citeproc-js's text format)."""

    def render(self, *args: object, **kwargs: object) -> object:
        out = super().render(*args, **kwargs)  # type: ignore[misc]
        tag = _DISPLAY.get(top_display(self)) if self.get("display") else None
        if tag is None or out is None or not str(out):
            return out
        if getattr(self.get_formatter(), "fmt", "") != "html":
            if tag == "lm" and not _aligned(self):  # built, not added: + would fold it into a suffix's space
                return MixedString([*(out if isinstance(out, MixedString) else [out]), String(LEFT_MARGIN_SPACE)])
            lead = {"block": "\n", "indent": "\n    "}.get(tag)
            return String(lead) + out if lead else out
        return MixedString([String(OPEN[tag])]) + out + String(CLOSE[tag])


for _tag in ("text", "group", "names", "date", "number", "label"):
    extend(_tag)(Display)


@extend("text")
class TermStart:
    """cs:text term: mark where the term's text starts (see capitalize_term_start, capitalize_entry_term)."""

    def _term(self, item: object) -> object:
        text = super()._term(item)  # type: ignore[misc]
        # a note style's cite and every bibliography entry capitalize a term they start with, unless names or a
        # number variable were rendered (even empty) before it (citeproc-js's term_predecessor); lowercase: its
        # text-case comes after
        if text and self.get("text-case") != "lowercase" and not item.get("_predecessor"):
            return String(TERM + str(text))
        return text


@extend("layout")
class Layout:
    """Our bibliography entry and citation cluster rendering."""

    def render_bibliography(self, citation_items: list, entry: Callable[..., tuple] | None = None) -> list:
        """Render entries in order, substituting repeated authors (subsequent-author-substitute).

        entry(item, substituted=False) -> (text, names) renders one entry (default: litsite_entry; the engine
        passes one that takes renderings from its memo).
        """
        entry = entry or self.litsite_entry
        substitute = self.getparent().get("subsequent-author-substitute")
        rule = self.getparent().get("subsequent-author-substitute-rule", "complete-all")
        out = []
        previous = None
        for item in citation_items:
            text, names = entry(item)
            if substitute is not None:
                count = replaced_names(rule, names, previous)
                if count:
                    text, _ = entry(item, substituted=count)
                if not (names and names.startswith(UNREPLACED)):
                    previous = names  # an entry never replaced leaves the comparison as it was (citeproc-js)
            out.append(text)
        return out

    def litsite_entry(self, item: object, substituted: bool = False) -> tuple[object, str | None]:
        """One entry and the names it starts with (compared with the next entry's for substitution).

        With second-field-align the first field is kept apart.
        """
        align = self.getparent().get("second-field-align")
        delimiter = self.get("delimiter", "")
        substitute = self.getparent().get("subsequent-author-substitute") if substituted else None
        per_name = self.getparent().get("subsequent-author-substitute-rule", "complete-all") != "complete-all"
        parts = self._entry_parts(item, delimiter, substitute, int(substituted) if per_name else 0)
        names = item.get("_first_names")
        lost = self._suffix_lost(parts)
        parts = [p for p in parts if p is not None and str(p) != ""]
        if not parts:
            return String(""), names
        parts[-1] = without_number_suffix(parts[-1])  # the layout's suffix is a parent's: not merged
        number = getattr(item, "number", None)
        if align and len(parts) > 1:
            parts[1] = capitalize_entry_term(parts[1], number)
        if align and len(parts) == 1:  # the first field alone: citeproc-js gives the layout's affixes to the rest
            first = str(parts[0])
            if getattr(self.get_formatter(), "fmt", "text") == "html":
                return String(f"{OPEN['lm']}{first.rstrip()}{CLOSE['lm']}"), names
            return String(first.strip()), names
        if align and len(parts) > 1:
            # as citeproc-js's text output: the first field with its affixes, a space, the rest
            left = str(parts[0]).lstrip()
            right = str(self.format(self.wrap(join(parts[1:], delimiter)))).rstrip()  # its leading spaces stay
            fmt = getattr(self.get_formatter(), "fmt", "text")
            if fmt == "html":  # as citeproc-js: the fields keep their own affixes and spaces, the entry ends trimmed
                left, right = str(parts[0]), str(self.format(self.wrap(join(parts[1:], delimiter)))).rstrip()
                return String(f"{OPEN['lm']}{left}{CLOSE['lm']}{OPEN['ri']}{right}{CLOSE['ri']}"), names
            return String(f"{left} {right}"), names
        return capitalize_entry_term(self._joined(parts, delimiter, lost), number), names

    def _using_display(self) -> bool:
        """citeproc-js's using_display: the layout's first child has a display attribute (it sets the option only
        while it reads the first element of the bibliography's layout)."""
        first = next(iter(self.iterchildren()), None)
        return first is not None and bool(first.get("display")) and self.getparent().tag.endswith("bibliography")

    def _suffix_lost(self, parts: list) -> bool:
        """Whether the layout's suffix is not written: with display in use citeproc-js puts it on the last output
        of the layout's children, and a display element or a macro that renders nothing still leaves one (an
        empty right-inline block after a left-margin one), which takes the suffix with it."""
        if not self.get("suffix") or not self._using_display():
            return False
        for child, part in zip(reversed(list(self.iterchildren())), reversed(parts), strict=True):
            if part is not None and str(part) != "":
                return False
            if child.get("display") or child.get("macro"):
                return True
        return False

    def _joined(self, parts: list, delimiter: str, lost: bool = False) -> object:
        """The entry's parts joined inside the layout's affixes and formatting, display blocks as citeproc-js."""
        joined = join(parts, delimiter)
        if lost:
            prefix = self.get("prefix")
            return self.format(MixedString([String(prefix), joined]) if prefix else joined)
        value = str(joined)
        # without display in use the suffix is the entry's, after the field's space (but not a mark the field ends
        # with: that one is written once)
        own = value.endswith(LEFT_MARGIN_SPACE) and last_mark(value[:-1]) != (self.get("suffix") or "")[:1]
        if own and not self._using_display():
            joined = MixedString([joined, String(HOLD)])
        value = str(joined)
        if len(value) > 1 and value[0] in _BLOCK_OPENS and value[1] == " " and not self.get("prefix"):
            # a block that opens the entry starts trimmed, its leading space before it (citeproc-js: " N.d." when a
            # block precedes it, " <div …>N.d." when it opens the entry)
            value = " " + value[0] + value[1:].lstrip(" ")
            joined = String(value)
        if value and value[-1] in _BLOCK_CLOSES and self.get("suffix"):
            # citeproc-js puts the layout's suffix inside the last display block ("…Here.</div>")
            inner = self.wrap(String(value[:-1]))
            return self.format(MixedString([inner, String(value[-1])]))
        return self.format(self.wrap(joined))

    def _entry_parts(self, item: object, delimiter: str, substitute: str | None = None, count: int = 0) -> list:
        self.repressed = {}
        item["_substitute_count"] = count  # how many names the substitute replaces one by one (0: the whole list)
        item["_used"] = set()
        item["_names_seen"] = False
        item["_predecessor"] = False
        item["_first_names"] = None
        item["_first_person"] = None
        item["_suffix_done"] = False
        item["_author_substitute"] = substitute
        return [_render_child(child, item, delimiter) for child in self.iterchildren()]

    def render_citation(self, citation: object, callback: object) -> object:
        """Render a cluster: cites in the given order (or the style's citation sort)."""
        cites = [cite for cite in citation.cites if not cite.is_bad()]
        bad = [cite for cite in citation.cites if cite.is_bad()]
        if self.getparent().sort is not None and len(cites) > 1:  # one cite needs no sorting (its keys are costly)
            cites = self.getparent().sort.sort(cites, self)
        tracker = citation.get("litsite_positions")
        if tracker is not None:  # a cluster of a document: positions from the note numbers
            tracker.assign(cites, citation.get("litsite_note", 0))
        out = []
        affixes: list[tuple[str, str]] = []
        rendered = []
        for cite in cites:
            self.repressed = {}
            cite.pop("_names_done", None)
            cite["_used"] = set()
            cite["_names_seen"] = False
            cite["_predecessor"] = False
            cite["_first_names_obj"] = None
            cite["_first_names"] = None
            cite["_suffix_done"] = False
            with first_note_number(cite):
                text = self.render_children(cite, delimiter="")
            if cite.get("author_only"):
                names = cite.get("_first_names_obj")
                if names is not None:
                    out.append(names)
                    self.getparent().cites.append(cite)
                continue
            if text is None or not str(text).strip():
                text = String(NO_PRINTED_FORM)  # what citeproc-js prints for a cite that renders nothing
            if text is not None:
                if self.getparent().getparent().get("class") == "note":
                    text = capitalize_term_start(text, cite.get("prefix"), not rendered)
                text = MixedString([cite.get("prefix") or String("")]) + text + (cite.get("suffix") or String(""))
                out.append(text)
                affixes.append((str(cite.get("prefix") or ""), str(cite.get("suffix") or "")))
                rendered.append((cite, text))
                self.getparent().cites.append(cite)
        for cite in bad:
            out.append(callback(cite) or f"{cite.key}?")
            affixes.append(("", ""))
        if not out:
            return String("")
        if all(cite.get("author_only") for cite in cites):
            return self.join(out)
        collapse = self.getparent().get("collapse")
        if collapse and len(rendered) > 1 and not bad:
            joined = self._collapsed(rendered, collapse)
            if joined is not None:
                return self.format(self.wrap(joined))
        group_delimiter = self.getparent().get("cite-group-delimiter")
        if group_delimiter is not None and not collapse and len(rendered) > 1 and not bad:
            return self.format(self.wrap(self._grouped(rendered, group_delimiter)))
        if len(out) != len(affixes):  # author-only cites among others: the plain join
            return self.format(self.wrap(self.join(out)))
        return self.format(self.wrap(self._join_cites(out, affixes)))

    def _join_cites(self, texts: list, affixes: list[tuple[str, str]]) -> object:
        """The cites joined by the layout's delimiter, which gives way to the punctuation of an affix (citeproc-js):
        a prefix that starts with punctuation replaces the delimiter (", and Jones"), and after a suffix that ends
        with punctuation only the delimiter's space remains ("is one source, Jones")."""
        delimiter = self.get("delimiter", "")
        out = MixedString()
        for n, text in enumerate(texts):
            if n:
                prefix, suffix = affixes[n][0].lstrip(), affixes[n - 1][1].rstrip()
                if prefix[:1] in _AFFIX_PUNCTUATION and prefix:
                    pass
                elif suffix[-1:] in _AFFIX_PUNCTUATION and suffix:
                    out = out + String(delimiter[len(delimiter.rstrip()) :] if delimiter.strip() else delimiter)
                else:
                    out = out + String(delimiter)
            out = out + text
        return out

    def _grouped(self, rendered: list, group_delimiter: str) -> object:
        """Cite grouping without collapsing (CSL 1.0.2): cites with the same names follow the first of them, joined
        by cite-group-delimiter; the groups by the layout delimiter."""
        groups: dict[object, list] = {}
        for cite, text in rendered:
            key = cite.get("_first_names") if not (cite.get("prefix") or cite.get("suffix")) else None
            groups.setdefault(key if key else id(cite), []).append(text)
        out = MixedString()
        for n, texts in enumerate(groups.values()):
            if n:
                out = out + String(self.get("delimiter", ""))
            for m, text in enumerate(texts):
                out = out + (String(group_delimiter) if m else String("")) + text
        return out

    def _collapsed(self, rendered: list, collapse: str) -> object:
        delimiter = self.get("delimiter", "")
        citation = self.getparent()
        after = citation.get("after-collapse-delimiter", delimiter)
        if collapse == "citation-number":
            pieces = collapse_numbers(rendered, delimiter, after)
        else:
            # as citeproc-js: ", " for collapse="year", the layout delimiter for the year-suffix modes; ", " only
            # in in-text styles (a note style's collapsed cites keep the layout delimiter)
            comma = ", " if self.get_root().get("class") == "in-text" else delimiter
            group = citation.get("cite-group-delimiter", comma if collapse == "year" else delimiter)
            opts = {
                "delimiter": delimiter,
                "after": after,
                "group": group,
                # without a cite-group-delimiter, years without suffixes are joined by ", " (citeproc-js)
                "plain_group": citation.get("cite-group-delimiter", comma),
                "year_suffix": citation.get("year-suffix-delimiter", group),
                "explicit_after": "after-collapse-delimiter" in citation.attrib,
                "adjacent": citation.sort is None,  # citeproc-js regroups cites only when it sorts them
            }
            pieces = collapse_years(self, rendered, collapse, opts)
        out = MixedString()
        for n, (text, delim) in enumerate(pieces):
            out = out + text
            if n + 1 < len(pieces):
                out = out + String(delim)
        return out

    def litsite_render_short(self, cite: object) -> object:
        """A cite rendered again without its names (for collapsing)."""
        self.repressed = {}
        cite["suppress_author"] = True
        cite["_suffix_done"] = False
        cite.pop("_names_done", None)
        cite["_used"] = set()
        try:
            return self.render_children(cite, delimiter="") or String("")
        finally:
            cite.pop("suppress_author", None)
