"""citeproc-js's "undefined" before a number in a macro sort key.

citeproc-js renders a numeric variable whose value is a plain number ("12", "S1", "3-4", "3, 5"; not "12a", "II",
"0", "007") as a number blob that is joined to what precedes it with a delimiter read from the layout of the area it
was built in; a sort key has no layout, so the delimiter is undefined and JavaScript writes it as "undefined"
(CSL.Output.Queue.renderBlobs: splice_prefix of a blob that is not the first of its list). A number blob is rendered
in the list of the nearest enclosing level that has a suffix or decorations, or a string after it, else in the whole
key: "undefined" goes before it (and before its prefix) when something precedes it in that list, except another
number blob. The number's own suffix or decorations make it a level of its own, where it is first. So
"x|undefined12|" sorts after "x|12a|" and after "x|abc|". cs:number renders every numeric variable so, cs:text
only some (CSL.Node.text: page, volume, issue, number, edition…; not part-number, section, version…). A level's
prefix wraps its list, it is not before its first blob ("(2)"). Only in macro sort keys (sort_options).
"""

from __future__ import annotations

import re

from citeproc.string import String

from litsite.csl.elements import extend
from litsite.csl.fixes.numbers import embedded_page_label
from litsite.csl.number_labels import page_label
from litsite.csl.sort_levels import BRANCH_CUT, CUT, has_marks, join_level, marks_only, strip
from litsite.csl.sort_levels import visible as output
from litsite.csl.sort_number_parts import PART_END, mark_parts

NUMBER_KEY = ("\ue1b4", "\ue1b5")  # around a number blob's output in a macro's sort text (resolved per level)
# a plain number, or numbers joined as citeproc-js's processNumber splits them ("3, 5", "3 & 5", "3-5"; not "3,5")
# each number with its particle as processNumber's composeNumberInfo reads it: letters after optional digits, and the
# zeros after them ("S1", "e0130140", "fqac083", "08JJ03"); "12a", "0", "007", "II" are no numbers
_PARTICLE_NUMBER = r"(?:[0-9]*[a-zA-Z]+0*)?[1-9][0-9]*"
_BLOB_VALUE = re.compile(rf"^{_PARTICLE_NUMBER}(?:(?:\s*&\s*|,?\s+and\s+|[,;]\s+|\s*[-–]+\s*){_PARTICLE_NUMBER})*$")
_NUMS = re.compile(r"(?:[0-9]*[a-zA-Z]+0*)?([1-9][0-9]*)")
_NUMERIC = frozenset(
    "call_number chapter_number collection_number division edition page issue locator number number_of_pages "
    "number_of_volumes part_number printing_number section supplement_number version volume supplement".split()
)  # CSL.NUMERIC_VARIABLES: cs:number renders each of them as number blobs
# cs:text sends only these through CSL.Util.outputNumericField; its other numeric variables ("part-number",
# "section", "version"…) are plain strings, with no "undefined" before them
_TEXT_NUMERIC = frozenset(
    "page page_first chapter_number collection_number edition issue number number_of_pages number_of_volumes "
    "volume".split()
)
_DECORATIONS = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align", "quotes")
_SEGMENT = re.compile(NUMBER_KEY[0] + "([^" + NUMBER_KEY[1] + "]*)" + NUMBER_KEY[1])
_WORD = re.compile(r"\w")
_PLACEHOLDERS = "".join(chr(c) for c in range(0xE100, 0xE1FF))
_PART = re.compile("([0-9]+)" + PART_END)


def _own_level(element: object) -> bool:
    """Whether the element renders its content as a level of its own: a suffix or a decoration."""
    return bool(element.get("suffix")) or any(element.get(name) not in (None, "normal") for name in _DECORATIONS)


def _affixes(element: object) -> str:
    """The characters of an element's prefix and suffix."""
    return (element.get("prefix") or "") + (element.get("suffix") or "")


def resolve(text: str, here: bool = True) -> str:
    """The number blobs of `text` rendered in this list, "undefined" before those citeproc-js joins with its
    undefined delimiter. With `here` False, only those followed by a string (a word character outside number blobs)
    are rendered; the others stay marked for the enclosing level.

    Each number of a value ("3, 5–7") is a blob of its own; blobs with no string between them form a run
    (CSL.Output.Queue.renderBlobs): the first of a run gets "undefined" when output precedes it in the list; a
    later one that does not continue its predecessor (5 after 3) is "seen" and gets it too, except the last seen of
    the run, which checkLast makes a successor: "3,|5", "3,|undefined5,|7", "3,|4,|5"."""
    chosen: list[tuple[re.Match, bool]] = []  # the blobs rendered here, each with "adjacent to the one before"
    previous_end = -1
    for match in _SEGMENT.finditer(text):
        if not here and not _WORD.search(strip(_SEGMENT.sub("", text[match.end() :]))):
            continue  # rendered further up
        adjacent = previous_end >= 0 and not _WORD.search(strip(text[previous_end : match.start()]))
        chosen.append((match, adjacent))
        previous_end = match.end()
    undefined = _undefined_numbers(chosen)
    out: list[str] = []
    pos = 0
    for n, (match, adjacent) in enumerate(chosen):
        out.append(text[pos : match.start()])
        value = match.group(1)
        starts = sorted(undefined.get(n, set()))
        if not adjacent and output(_SEGMENT.sub("", "".join(out))):  # output before the run (not marks)
            starts = [0, *starts]
        for offset in reversed(starts):
            value = value[:offset] + "undefined" + value[offset:]
        out.append(value.replace(PART_END, ""))
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def _undefined_numbers(chosen: list[tuple[re.Match, bool]]) -> dict:
    """For each chosen blob (by index), the offsets of its "seen" numbers (citeproc-js's checkNext / checkLast)."""
    found: dict = {}
    run: list[list] = []  # [blob index, offset, number, seen]

    def close() -> None:
        for entry in reversed(run[1:]):
            if entry[3]:
                entry[3] = False  # checkLast: the last seen number of the run is a successor
                break
        for n, offset, _, seen in run:
            if seen:
                found.setdefault(n, set()).add(offset)

    for n, (match, adjacent) in enumerate(chosen):
        if not adjacent:
            close()
            run = []
        part = _PART.search(match.group(1))  # one number of a value read part by part (its particle before it)
        for number in [part] if part else _NUMS.finditer(match.group(1)):
            value, start = int(number.group(1)), 0 if part else number.start()
            run.append([n, start, value, bool(run) and value != run[-1][2] + 1])
    close()
    return found


def _level(element: object, out: object, kwargs: dict) -> object:
    """A group's or macro call's output with the number blobs it renders resolved; a level with no output but the
    marks of an empty date (a literal one) without its affixes."""
    if kwargs.get("sort_options") and out is not None and not output(str(out)).strip(_affixes(element)):
        marks = marks_only(str(out))
        # only the cut of a level taken out: no output, so no delimiter before what follows it (citeproc-js)
        return String("" if not marks.strip(CUT + BRANCH_CUT) else marks) if str(out) else out
    if not kwargs.get("sort_options") or out is None or NUMBER_KEY[0] not in str(out):
        return out
    text, prefix, own = str(out), element.get("prefix") or "", _own_level(element)
    if own and prefix and text.startswith(prefix):
        text = prefix + resolve(text[len(prefix) :])  # a level's prefix wraps its list, it is not in it: "(2)"
    elif own or not prefix:  # a level with a prefix only renders nothing from its first blob on (citeproc-js)
        text = resolve(text, here=own)
    if prefix and text.startswith(prefix + NUMBER_KEY[0]):
        text = NUMBER_KEY[0] + prefix + text[len(prefix) + 1 :]  # the level's prefix joins the first blob's
    return String(text)


@extend("group")
class GroupNumberKeys:
    """cs:group: a level of number blobs, and of the levels dates leave open, in a macro sort key."""

    def join(self, strings: list, default_delimiter: str = "") -> object:
        """The children's texts joined; in a sort key where a date left a level open, as citeproc-js's levels."""
        if has_marks(strings):
            return String(join_level(strings, self.get("delimiter", default_delimiter)))
        return super().join(strings, default_delimiter)  # type: ignore[misc]

    def render(self, *args: object, **kwargs: object) -> object:
        """The group's output, its number blobs resolved where citeproc-js renders them."""
        return _level(self, super().render(*args, **kwargs), kwargs)  # type: ignore[misc]


class NumberKeys:
    """cs:text and cs:number: a plain number marked as a number blob in a macro sort key; cs:text macro=…: a level."""

    def render(self, *args: object, **kwargs: object) -> object:
        """The element's output; in a macro sort key a number blob marked, a macro's blobs resolved."""
        out = super().render(*args, **kwargs)  # type: ignore[misc]
        if not kwargs.get("sort_options") or out is None or not str(out):
            return out
        if self.get("macro"):
            return _level(self, out, kwargs)
        variable = (self.get("variable") or "").replace("-", "_")
        numeric = _NUMERIC if str(self.tag).endswith("}number") else _TEXT_NUMERIC
        if variable not in numeric:
            return out
        item = args[0] if args else kwargs.get("item")
        value = getattr(item, "reference", {}).get(variable)
        if variable == "number" and value is not None and getattr(item.reference, "type", "") == "legal_case":
            value = str(value).replace("-", "\\-")  # processNumber escapes a legal case's hyphens: no ranges
        if value is None:
            return out
        head = embedded_page_label(self, item.reference) if variable == "page" and page_label(item.reference) else ""
        if head and head in str(out):  # another variable's label written in page: output before the blob
            at = str(out).find(head) + len(head)
            before, out = String(str(out)[:at]), String(str(out)[at:])
        else:
            before = String("")
        parts = self._parts(variable, value, str(out))
        if parts is not None:  # read part by part: the number parts are blobs, the others strings
            if self.get("prefix") and not _own_level(self):
                return String(str(before) + parts)  # a prefix's level renders nothing from its first blob on
            return String(resolve(str(before) + parts, here=_own_level(self)))
        if not _BLOB_VALUE.match(str(value).strip()):
            return out
        if _own_level(self):  # first in a list of its own: only its seen numbers ("3,|undefined5,|7;")
            return String(resolve(str(before) + NUMBER_KEY[0] + str(out) + NUMBER_KEY[1]))
        return before + String(NUMBER_KEY[0]) + out + String(NUMBER_KEY[1])

    def _parts(self, variable: str, value: object, out: str) -> str | None:
        """The element's output with its number parts marked as blobs (sort_number_parts), its prefix joining the
        first; None when the parts are not read so (a form other than numeric, labels, affixes not found)."""
        if self.get("form", "numeric") != "numeric" or any(self.get(name) for name in _DECORATIONS):
            return None
        prefix, suffix = self.get("prefix") or "", self.get("suffix") or ""
        core = out[len(prefix) :]
        body = core.rstrip(_PLACEHOLDERS)  # the marks after a number or a suffix (markup) stay where they are
        if not out.startswith(prefix) or not body.endswith(suffix):
            return None
        shown = body[: len(body) - len(suffix)].rstrip(_PLACEHOLDERS)
        term = self.get_term("and")
        and_term = str(getattr(term, "single", None) or "") if term is not None else ""
        fmt = bool(self.get_root().get("page-range-format"))
        marked = mark_parts(variable, value, shown, and_term, fmt)
        if marked is None:
            return None
        if marked.startswith(NUMBER_KEY[0]):
            return NUMBER_KEY[0] + prefix + marked[1:] + core[len(shown) :]
        return prefix + marked + core[len(shown) :]


for _tag in ("text", "number"):
    extend(_tag)(NumberKeys)
