"""Hyphenated CSL variables (container-author, collection-editor, ...) and cs:names suppress-author; the variables
citeproc-js reads that citeproc-py does not know.

CSL 1.0.2 "Appendix IV - Variables": variable names are hyphenated; citeproc-py stores them with underscores and
looks names up by the hyphenated name, so they never rendered. Cites with suppress-author skip the first cs:names.
citeproc-py's lists lack CSL 1.0.2's newer variables (director, reviewed-author, chair…, event-title, volume-title,
available-date): they are added, so items keep them. As citeproc-js does, `key: value` lines at the start of `note`
(Zotero's way to carry CSL variables) set the variables the item lacks (type and dates always) and leave the note.
"""

from __future__ import annotations

import re
from copy import deepcopy

import citeproc
from citeproc.source import VariableError
from citeproc.string import String
from lxml import etree

from litsite.csl.elements import CSL_NS, extend
from litsite.csl.markup import UNREPLACED
from litsite.csl.name_literal import falsy_literals_removed
from litsite.csl.number_labels import own_labels_removed
from litsite.csl.schema import DATE_VARIABLES, NAME_VARIABLES, VARIABLES

for _target, _names in (
    (citeproc.NAMES, NAME_VARIABLES),
    (citeproc.DATES, DATE_VARIABLES),
    (citeproc.VARIABLES, VARIABLES),
):
    _target.extend(sorted({n.replace("-", "_") for n in _names} - set(_target)))

_NOTE_FIELD = re.compile(r"^([\-_a-z]+|[A-Z]+):\s*([^}]+)$")
_NOTE_BRACED = re.compile(r"\{:(?:[\-_a-z]+|[A-Z]+):[^}]+\}")  # the older form: {:jurisdiction:nz}


def _braced_fields(note: str) -> str:
    """The note with each `{:key:value}` on a line of its own as `key:value` (citeproc-js's parseNoteFieldHacks),
    up to one that follows other text."""
    lines = note.split("\n")
    for i, line in enumerate(lines):
        fields = _NOTE_BRACED.findall(line)
        if not fields:
            continue
        texts = _NOTE_BRACED.split(line)
        elems = [part for pair in zip(texts, fields, strict=False) for part in pair] + [texts[-1]]
        for j in range(1, len(elems), 2):
            before = elems[j - 1]
            if before.strip() and (i > 0 or j > 1) and not _NOTE_FIELD.match(before):
                break
            elems[j] = "\n" + elems[j][2:-1].strip() + "\n"
        lines[i] = "".join(elems)
    return "\n".join(lines)


def note_fields(item: dict) -> dict:
    """The item with the `key: value` lines heading its note applied as citeproc-js applies them."""
    note = item.get("note")
    if not isinstance(note, str) or ":" not in note:
        return item
    out = dict(item)
    lines = (_braced_fields(note) if "{:" in note else note).split("\n")
    names: dict[str, list[dict]] = {}
    for i, line in enumerate(lines):
        match = _NOTE_FIELD.match(line)
        if not line.strip():
            continue
        if not match:
            if i == 0:
                continue
            break
        key, value = match.group(1), match.group(2).strip()
        if key == "type":
            out["type"] = value
        elif key in DATE_VARIABLES:
            out[key] = {"raw": value}  # read by the raw-date parser, as citeproc-js's parseDateToArray reads it
        elif out.get(key):
            continue
        elif key in NAME_VARIABLES:
            parts = re.split(r"\s*\|\|\s*", value)
            if len(parts) <= 2:
                names.setdefault(key, []).append(
                    {"literal": parts[0]} if len(parts) == 1 else {"family": parts[0], "given": parts[1]}
                )
        elif key in VARIABLES:
            out[key] = value
        lines[i] = ""
    out.update(names)
    out["note"] = "\n".join(lines).strip()
    return out


def input_rules(item: dict) -> dict:
    """What citeproc-js does to an item before rendering (the note fields, a number's own label in its value,
    empty literals of names)."""
    return own_labels_removed(note_fields(falsy_literals_removed(item)))


def lookup(item: object, variable: str) -> object:
    """A reference variable by its CSL name, or raise VariableError."""
    return item.reference[variable.replace("-", "_")]


@extend("names")
class Names:
    """cs:names over hyphenated variables; suppress-author for the first names of a cite."""

    def _substituted(self, item: object, substitute: str, names_context: object) -> object:
        """subsequent-author-substitute in place of the names; their label stays ("---, ed.", as citeproc-js)."""
        role = item.get("_first_role") if item.get("_first_person") else None
        holder = self if self.name is not None or names_context is None else names_context
        label = holder.find("cs:label", self.nsmap)
        text = label.render(item, role, len(item.reference.get(role) or ()) > 1) if role and label is not None else None
        if not substitute:
            return text
        return String(substitute) + text if text is not None else String(substitute)

    def get_term(self, name: str, form: str | None = None, *args: object, **kwargs: object) -> object:
        """A term; "editortranslator" written as a plain string (zh-TW's "編譯員") is still a term: citeproc-py joins
        the same editor and translator under it only when the term has single/multiple children, citeproc-js
        whenever the locale has it (NameOutput.checkCommonAuthor)."""
        term = super().get_term(name, form, *args, **kwargs)  # type: ignore[misc]
        if name != "editortranslator" or form is not None or term is None or len(term) or not (term.text or ""):
            return term
        memo = self.__dict__.setdefault("_litsite_common_terms", {})
        if id(term) not in memo:
            childful = deepcopy(term)
            etree.SubElement(childful, f"{{{CSL_NS}}}single").text = term.text
            memo[id(term)] = (term, childful)  # the term kept alive with its id
        return memo[id(term)][1]

    def _sort_key(self, item: object, names_context: object, context: object, **kwargs: object) -> object:
        """The names of a sort key, as citeproc-js writes them (None when there are none)."""
        holder = names_context if names_context is not None else self
        name_el = holder.name
        texts = []
        roles = self.get("variable").replace("-", "_").split()
        same = item.reference.get("editor") == item.reference.get("translator")
        if set(roles) == {"editor", "translator"} and same and holder.find("cs:label", holder.nsmap) is not None:
            # one list under the common label ("edited and translated by"), in citeproc-js's key too
            roles = ["editor"]
        for role in roles:
            if item.reference.get(role) and name_el is not None:
                text = name_el.process(item, role, context=context, **kwargs)
                if text:
                    texts.append(str(text))
        if not texts:
            return None
        # the lists joined with the names delimiter, none by default ("Hannes LudwigHannes Ludwig")
        root = self.get_root()
        bib = root.find("cs:bibliography", root.nsmap)
        inherited = [el.get("names-delimiter") for el in (bib, root) if el is not None]
        return String(self.get("delimiter", next((d for d in inherited if d is not None), "")).join(texts))

    def _bare(self) -> bool:
        """A cs:names without children inside cs:substitute: the cs:names around it formats, delimits and affixes its
        names, its own attributes are ignored (citeproc-js's NameOutput.reinit keeps the outer node)."""
        memo = self.__dict__
        if "_litsite_in_sub" not in memo:
            memo["_litsite_in_sub"] = len(self) == 0 and bool(self.xpath_search("./ancestor::cs:substitute"))
        return memo["_litsite_in_sub"]

    def join(self, strings: list, default_delimiter: str = "") -> object:
        """The variables' lists joined; a bare substitute cs:names uses the delimiter of the cs:names around it."""
        if self._bare():
            outer = self.xpath_search("./ancestor::cs:substitute/parent::cs:names")[-1]
            return outer.join(strings, default_delimiter)
        return super().join(strings, default_delimiter)  # type: ignore[misc]

    def markup(self, text: object) -> object:
        """Formatting and affixes, except of a bare substitute cs:names, and around a substitute that did not render
        names through this cs:names (a text, a macro, a cs:names with its own cs:name: citeproc-js prints those
        without this cs:names's affixes and formatting)."""
        if text is not None and (self.__dict__.pop("_litsite_bare", None) is text or self._bare()):
            return text
        return super().markup(text)  # type: ignore[misc]

    def process(self, item: object, names_context: object = None, context: object = None, **kwargs: object) -> object:
        """Render the names (or their substitute), honouring suppress-author."""
        if not kwargs.get("sort_options"):
            item["_predecessor"] = True  # a term after names starts with no capital, even after empty ones
        if names_context is None and self.name is None:
            outer = self.xpath_search("./ancestor::cs:substitute/parent::cs:names")
            if outer:
                names_context = outer[-1]
            else:
                self.insert(0, etree.SubElement(self, f"{{{CSL_NS}}}name"))
        if kwargs.get("sort_options") and "variable" in self.attrib:
            keyed = self._sort_key(item, names_context, context, **kwargs)
            if keyed is not None:
                from litsite.csl.fixes.groups import report

                report(True)  # content for the group around them, which is not suppressed (citeproc-js)
                return keyed
        if names_context is None and not kwargs.get("sort_options"):
            item["_substitute_plain"] = True  # cs:substitute of this cs:names sets it when it renders
        suppress = False
        if item.get("suppress_author") and not item.get("_names_done") and not kwargs.get("sort_options"):
            suppress = self.xpath_search("./ancestor::cs:citation") or (
                context is not None and context.xpath_search("./ancestor::cs:citation")
            )
        if "variable" in self.attrib and not kwargs.get("sort_options"):
            from litsite.csl.fixes.groups import report, suppressed

            where = context if context is not None else self
            if all(suppressed(where, item, v) for v in self.get("variable").split()):
                report(False)
                return None
        if "variable" in self.attrib:
            original = self.get("variable")
            wanted = original.split()
            if not kwargs.get("sort_options"):
                wanted = [v for v in wanted if not suppressed(context if context is not None else self, item, v)]
            try:
                if wanted != original.split() or "-" in original:
                    self.set("variable", " ".join(wanted).replace("-", "_"))
                    try:
                        text = super().process(item, names_context=names_context, context=context, **kwargs)
                    finally:
                        self.set("variable", original)
                else:
                    text = super().process(item, names_context=names_context, context=context, **kwargs)
            except VariableError:
                from litsite.csl.fixes.groups import report

                report(False)  # in a sort key too: a group of only empty variables and terms is left out
                raise
        else:
            raise VariableError
        from litsite.csl.fixes.groups import report

        report(text is not None, None if kwargs.get("sort_options") else self.get("variable"))
        if text is not None and not kwargs.get("sort_options") and not item.get("_names_seen"):
            item["_names_seen"] = True
            substitute = item.get("_author_substitute")
            where = context if context is not None else self
            per_name = item.get("_substitute_count") and item.get("_first_person")  # names replaced in names.py
            if substitute is not None and not per_name and where.xpath_search("./ancestor::cs:bibliography"):
                return self._substituted(item, substitute, names_context)
            item["_first_names"] = str(item.get("_first_person") or text)
            if not item.get("_substitute_plain", True) and where.xpath_search("./ancestor::cs:bibliography"):
                # never replaced by subsequent-author-substitute (Substitute.render), nor compared with the next
                # entry's names: those are compared with the entry before (citeproc-js)
                item["_first_names"] = UNREPLACED + item["_first_names"]
            item["_first_names_obj"] = text
        if suppress and text is not None:
            item["_names_done"] = True
            return None
        return text
