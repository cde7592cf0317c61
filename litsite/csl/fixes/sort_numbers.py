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
from litsite.csl.sort_levels import has_marks, join_level, strip
from litsite.csl.sort_levels import visible as output

NUMBER_KEY = ("\ue1b4", "\ue1b5")  # around a number blob's output in a macro's sort text (resolved per level)
_BLOB_VALUE = re.compile(r"^([A-Za-z]*)[1-9][0-9]*(?:\s*(?:[-–,&]|and)\s*\1?[0-9]+)*$")
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


def _own_level(element: object) -> bool:
    """Whether the element renders its content as a level of its own: a suffix or a decoration."""
    return bool(element.get("suffix")) or any(element.get(name) not in (None, "normal") for name in _DECORATIONS)


def resolve(text: str, here: bool = True) -> str:
    """The number blobs of `text` rendered in this list: "undefined" before each that has output before it (other
    than a number blob just before it). With `here` False, only those followed by a string (a word character
    outside number blobs) are rendered; the others stay marked for the enclosing level."""
    out: list[str] = []
    pos = 0
    previous_blob_end = -1  # where the last blob kept in this list ended, in `out`'s text
    for match in _SEGMENT.finditer(text):
        before = text[pos : match.start()]
        after = strip(_SEGMENT.sub("", text[match.end() :]))  # the marks of open levels are no output
        out.append(before)
        if not here and not _WORD.search(after):
            out.append(match.group(0))  # rendered further up
            pos = match.end()
            continue
        so_far = "".join(out)
        visible = output(_SEGMENT.sub("", so_far))  # without the marks of blobs, dates and open levels
        adjacent = previous_blob_end >= 0 and not _WORD.search(strip(so_far[previous_blob_end:]))
        out.append(("undefined" if visible and not adjacent else "") + match.group(1))
        previous_blob_end = len("".join(out))
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def _level(element: object, out: object, kwargs: dict) -> object:
    """A group's or macro call's output with the number blobs it renders resolved."""
    if not kwargs.get("sort_options") or out is None or NUMBER_KEY[0] not in str(out):
        return out
    text, prefix, own = str(out), element.get("prefix") or "", _own_level(element)
    if own and prefix and text.startswith(prefix):
        text = prefix + resolve(text[len(prefix) :])  # a level's prefix wraps its list, it is not in it: "(2)"
    else:
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
        if variable not in numeric or _own_level(self):
            return out
        item = args[0] if args else kwargs.get("item")
        value = getattr(item, "reference", {}).get(variable)
        if value is None or not _BLOB_VALUE.match(str(value).strip()):
            return out
        return String(NUMBER_KEY[0]) + out + String(NUMBER_KEY[1])


for _tag in ("text", "number"):
    extend(_tag)(NumberKeys)
