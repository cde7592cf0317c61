"""Empty-group suppression and substituted-variable suppression, tracked while rendering.

CSL 1.0.2 "Group": a cs:group is suppressed if at least one rendering element in it calls a variable (directly or
via a macro) and all variables it calls are empty. "Substitute": a variable that substitutes for a name variable is
suppressed in the rest of the output.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from citeproc.source import VariableError
from citeproc.string import String

from litsite.csl.elements import children, extend
from litsite.csl.fixes.title_case import LANGUAGE_GATED, CaseLanguage, item_language
from litsite.csl.insertion import dotless_language
from litsite.csl.number_pieces import split_outputs
from litsite.csl.punctuation import unseal
from litsite.csl.sort_levels import suppressed_level

_FRAMES: list[list[bool]] = []  # [called, rendered] per open cs:group


_RECORDERS: list[set[str]] = []  # variables rendered while a cs:substitute child renders


def report(rendered: bool, variable: str | None = None) -> None:
    """Tell the innermost open group that a variable was called (and whether it rendered)."""
    if rendered and variable and _RECORDERS:
        _RECORDERS[-1].update(variable.replace("_", "-").split())
    if _FRAMES:
        _FRAMES[-1][0] = True
        if rendered:
            _FRAMES[-1][1] = True


def suppressed(element: object, item: object, variable: str) -> bool:
    """Whether `variable` was already used as a substitute in the entry being rendered, or earlier in the
    substitute being rendered (a macro that names the editor twice prints it once, as citeproc-js)."""
    name = variable.replace("_", "-")
    return name in item.get("_used", ()) or bool(_RECORDERS and name in _RECORDERS[-1])


def implicit_group(render: Callable[[], object]) -> object:
    """A macro's output, suppressed like a group's when it calls variables and all of them are empty (citeproc-js
    treats a macro as a group: "in" before an empty container title is not printed)."""
    _FRAMES.append([False, False])
    try:
        text = render()
        called, rendered = _FRAMES[-1]
    finally:
        _FRAMES.pop()
    kept = not (called and not rendered)
    if _FRAMES:  # a macro that printed something (a term: "n.d.") counts as content for the group around it
        _FRAMES[-1][0] = _FRAMES[-1][0] or called
        _FRAMES[-1][1] = _FRAMES[-1][1] or bool(kept and text is not None and str(text))
    if not kept and text is not None:
        open_level = suppressed_level(str(text))  # a date's level left open: only the last output goes
        return None if open_level is None else String(open_level)
    return text if kept else None


@extend("group")
class Group:
    """cs:group that is suppressed when all the variables it calls are empty."""

    def process(self, item: object, context: object = None, **kwargs: object) -> object:
        """Render the group, or raise VariableError when it is to be suppressed."""
        _FRAMES.append([False, False])
        predecessor = item.get("_predecessor")  # restored when the group is suppressed (citeproc-js)
        delimiter = self.get("delimiter", "")
        output, writers = [], []
        try:
            for child, choose in children(self):
                try:
                    if choose:
                        text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    continue
                if text is not None and str(text) != "":
                    output.append(text)
                    writers.append(None if choose else child)
            called, rendered = _FRAMES[-1]
        finally:
            _FRAMES.pop()
        output = split_outputs(writers, output, delimiter)  # a number's pieces as citeproc-js's blobs
        text = self.join(unseal(output, delimiter)) if output else None
        if _FRAMES:
            _FRAMES[-1][0] = _FRAMES[-1][0] or called
            if text is not None and (rendered or not called):
                # a nested group of terms only counts as content (citeproc-js: IEEE's "[Online]." group)
                _FRAMES[-1][1] = True
        if text is not None and called and not rendered:
            open_level = suppressed_level(str(text))  # a date's level left open: only the last output goes
            if open_level is not None:
                return String(open_level)
        if text is None or (called and not rendered):
            item["_predecessor"] = predecessor
            raise VariableError
        return text

    def calls_variable(self) -> bool:
        """Not used for suppression any more (see process)."""
        return False


def _candidates(parent: object, item: object, context: object) -> object:
    """The children of cs:substitute in order; a cs:choose gives the children of its branch that holds, each a
    candidate of its own (citeproc-js: the first element in the branch that renders ends the substitution)."""
    from litsite.csl.fixes.conditions import Condition

    for child in parent.iterchildren():
        if child.tag.rsplit("}", 1)[-1] != "choose":
            yield child
            continue
        for branch in child.iterchildren():
            if not isinstance(branch, Condition) or branch.litsite_holds(item, context):
                yield from _candidates(branch, item, context)
                break


class _NamesWith:
    """A cs:names as a substitute's context, with another cs:name (everything else is the cs:names's own)."""

    def __init__(self, names: object, name: object) -> None:
        self._names, self.name = names, name

    def __getattr__(self, attribute: str) -> object:
        return getattr(self._names, attribute)


def _names_present(names: object, item: object) -> bool:
    """Whether a cs:names has a variable with a name object (one that prints nothing too: names_limit.printing)."""
    variables = str(names.get("variable") or "").split()
    return any(item.reference.get(v.replace("-", "_")) for v in variables if v != "editor-translator")


def _through_names(child: object) -> bool:
    """Whether a substitute's output goes through the cs:names around it: a cs:names without a cs:name of its own (as
    citeproc-js's NameOutput.reinit), also inside a group; a text, a macro or a cs:names with its own cs:name do not."""
    from citeproc import model

    if isinstance(child, model.Names):
        return child.name is None
    return any(isinstance(el, model.Names) and el.name is None for el in child.iterdescendants())


@extend("substitute")
class Substitute:
    """cs:substitute: the first child that renders is used and its variables are suppressed afterwards."""

    def render(self, item: object, context: object = None, **kwargs: object) -> object:
        """Render the first non-empty substitute."""
        from citeproc import model

        names = self.getparent()
        named = False  # citeproc-js: after a cs:names with a cs:name of its own, no substitute string replaces
        for child in _candidates(self, item, context):
            if not kwargs.get("sort_options"):
                item["_substitute_plain"] = not named  # read by Names.process (variables.py)
            if isinstance(child, model.Names) and child.name is not None:
                # the cs:names after it without one take that cs:name, not the outer one's (its label stays the
                # outer one's): citeproc-js's build keeps the last cs:name it met ("John Smith, editor")
                names = _NamesWith(self.getparent(), child.name)
            named = named or (isinstance(child, model.Names) and child.name is not None)
            _RECORDERS.append(set())
            try:
                if isinstance(child, model.Names) and child.name is None:
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            finally:
                used = _RECORDERS.pop()
            if text:
                if not kwargs.get("sort_options"):
                    item["_used"] = set(item.get("_used", ())) | used
                if not _through_names(child):
                    # the outer cs:names (not its stand-in _NamesWith) puts no affixes around it (variables.py)
                    self.getparent().__dict__["_litsite_bare"] = text
                return text
            if isinstance(child, model.Text) and ("term" in child.attrib or "value" in child.attrib):
                return None  # a term or value ends the substitution even when empty (citeproc-js)
            if isinstance(child, model.Names) and _names_present(child, item):
                return None  # names that print nothing are present all the same: citeproc-js substitutes no further
        return None


@extend("text")
class TrackedText:
    """cs:text variable=…: reports to groups; substituted variables are suppressed; macros get sort options."""

    def process(self, item: object, context: object = None, **kwargs: object) -> object:
        """citeproc-py's Text.process (text and language), with sort options passed on to macros and the item's
        language read without raising an exception for each element of an item that has none."""
        attrib = self.attrib
        sort_options = kwargs.get("sort_options")
        language = item_language(dict.get(item.reference, "language"))
        if sort_options and "macro" in attrib:
            where = context if context is not None else self
            macro = self.get_macro(self.get("macro"))  # a group in a sort key too ("xb", not "xbww", citeproc-js)
            return implicit_group(lambda: macro.render(item, where, sort_options=sort_options)), language
        if language is None:  # the locale the style renders in decides (citeproc-js), else its default-locale
            language = getattr(self.get_root(), "litsite_lang", None) or self.get_root().get("default-locale", "en")
            language = language[:2]
        first = str(attrib.get("variable") or "").split()[:1]
        if not first or first[0] not in LANGUAGE_GATED:
            # citeproc-js title-cases other variables, macros and terms whatever the language, but cases their
            # letters by it (the item's language, else the locale's: "İçinde" under tr-TR)
            locale = str(getattr(self.get_root(), "litsite_lang", None) or "")
            raw = dict.get(item.reference, "language")
            language = CaseLanguage("tr" if dotless_language(raw, locale) else "und")
        if dict.get(item.reference, "jurisdiction"):
            language = "tlh"  # citeproc-js's @text-case: "title" is passthrough for an item with a jurisdiction
        context = self if context is None else context
        if "variable" in attrib:
            text = self._variable(item, context)
        elif "macro" in attrib:
            macro = self.get_macro(self.get("macro"))
            predecessor = item.get("_predecessor")
            text = implicit_group(lambda: macro.render(item, context))
            if text is None:
                item["_predecessor"] = predecessor
            if text is not None and str(text) != "":
                report(True)  # citeproc-js: a macro's output is content for the group, even a term ("(n.d.)")
        elif "term" in attrib:
            text = self._term(item)
        elif "value" in attrib:
            text = String(self.preformat(self.get("value")))
        else:
            text = None
        return text, language

    def _variable(self, item: object, context: object) -> object:
        variable = self.get("variable")
        if suppressed(context if context is not None else self, item, variable):
            report(False)
            return None
        try:
            text = super()._variable(item, context)
        except VariableError:
            if variable != "year-suffix":
                report(False)
            raise
        if variable == "citation-label" and text:
            text = String(str(text) + (dict.get(item.reference, "year_suffix") or ""))  # its suffix (citeproc-js)
        if text or variable != "year-suffix":
            report(bool(text), variable)
        return text


@extend("number")
class TrackedNumber:
    """cs:number: reports to groups; a variable used as a substitute is suppressed (citeproc-js suppresses every
    cs:names, cs:date, cs:text and cs:number of a variable a substitution rendered: "(5th ed.)" once)."""

    def process(self, item: object, context: object = None, **kwargs: object) -> object:
        variable = self.get("variable")
        if variable and suppressed(context if context is not None else self, item, variable):
            report(False)
            raise VariableError
        try:
            text = super().process(item, context=context, **kwargs)
        except (VariableError, KeyError):
            report(False)
            raise VariableError from None
        report(bool(text), self.get("variable"))
        return text


_PIECES = re.compile(r"\s*(?:[,&\-–—]|\band\b)\s*")
_ROMAN = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.I)


def several_locators(text: str) -> bool:
    """Whether a locator holds several numbers, Roman numerals counted ("iv, vi–xi", "33-35"): a plural label. An
    escaped hyphen ("327\\-30") joins, it does not separate (citeproc-js)."""
    pieces = _PIECES.split(text.strip().replace("\\-", "\0"))
    return len(pieces) > 1 and sum(1 for p in pieces if re.search(r"\d", p) or (p and _ROMAN.fullmatch(p))) > 1


# A locator that starts with a label of its own ("vol. 1, fol. 186"): citeproc-js prints it as written, without the
# style's label (its CSL.STATUTE_SUBDIV_PLAIN_REGEX_FRONT, the abbreviations it reads as labels).
EMBEDDED_LABEL = re.compile(
    r"^\s*[.,;]*\s*(?:vrs|sv|subpara|op|subch|add|amend|annot|app|art|bibliog|bk|ch|cl|col|cmt|dec|dept|div|ex|fig|"
    r"fld|fol|n|hypo|illus|intro|l|no|p|pp|para|pt|pmbl|princ|pub|r|rn|sched|sec|ser|subdiv|subsec|supp|tbl|tit|"
    r"vol)\. *"
)


@extend("label")
class Label:
    """cs:label of a locator renders only when the cite has one, of another variable always (singular when the item
    lacks it); a locator or page range of Roman numerals is plural as one of digits is ("pp. iv, vi–xi", as
    citeproc-js writes it), one with an escaped hyphen is not ("p. 3\\-B")."""

    def _is_plural(self, item: object) -> bool:
        variable = self.get("variable")
        if variable == "locator" and getattr(item, "has_locator", False):
            text = str(item.locator.identifier)
        elif variable == "page":
            text = str(item.reference.get("page") or "")
        else:
            return super()._is_plural(item)
        return several_locators(text) or ("\\-" not in text and super()._is_plural(item))

    def process(self, item: object, variable: str | None = None, plural: object = None, context: object = None,
                **kwargs: object) -> object:  # fmt: skip
        if variable:
            variable = variable.replace("_", "-")
        var = variable or self.get("variable")
        if variable is None and var:
            if var == "locator":
                if not item.get("locator") or EMBEDDED_LABEL.match(str(item.locator.identifier)):
                    return None
                variable = str(item.locator.label or "page").replace(" ", "-")  # "sub verbo": the sub-verbo term
            elif not item.reference.get(var.replace("-", "_")):
                # citeproc-js writes the singular term of a variable the item lacks ("(4 vol)" under
                # <label variable="volume"/> beside number-of-volumes); a group of only such labels and empty
                # variables is still left out
                return super().process(item, variable=variable, plural=False, context=context, **kwargs)
        return super().process(item, variable=variable, plural=plural, context=context, **kwargs)
