"""The citeproc-py layer pinned: the order of our mixins in every CSL element class (elements.LAYERS), and the
methods more than one layer overrides on the same element, where that order decides the result.

A change of LAYERS, a new mixin or a new overlap fails here: update the expectation on purpose, and say in
litsite/csl/elements.py why the new order is right.
"""

from __future__ import annotations

import litsite.csl.engine  # noqa: F401  (imports every layer)
from litsite.csl import elements

# Each element's class from the top of its MRO down to citeproc-py's own class ("module.Class", litsite.csl. left
# off; mixins that have bases of their own are followed by them, as Python's MRO puts them).
EXPECTED_MRO: dict[str, tuple[str, ...]] = {
    "bibliography": (
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "citeproc.Bibliography",
    ),
    "choose": (
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.conditions.Choose",
        "citeproc.Choose",
    ),
    "citation": (
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "citeproc.Citation",
    ),
    "date": (
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.layout.Display",
        "fixes.decorations.PlainDecorations",
        "fixes.dates.Date",
        "citeproc.Date",
    ),
    "date-part": (
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.text_case.TextCased_date_part",
        "fixes.text_case.TextCased",
        "fixes.decorations.PlainDecorations",
        "fixes.dates.DatePart",
        "citeproc.Date_Part",
    ),
    "else": (
        "speed.KnownChildren",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "citeproc.Else",
    ),
    "else-if": (
        "speed.KnownChildren",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.positions.PositionElseIf",
        "fixes.positions.PositionCondition",
        "fixes.conditions.ElseIf",
        "fixes.conditions.Condition",
        "citeproc.Else_If",
    ),
    "et-al": (
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.decorations.PlainDecorations",
        "citeproc.Et_Al",
    ),
    "group": (
        "speed.KnownChildren",
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.sort_numbers.GroupNumberKeys",
        "fixes.layout.Display",
        "fixes.decorations.SealedMarks",
        "fixes.decorations.PlainDecorations",
        "fixes.groups.Group",
        "citeproc.Group",
    ),
    "if": (
        "speed.KnownChildren",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.positions.PositionIf",
        "fixes.positions.PositionCondition",
        "fixes.conditions.If",
        "fixes.conditions.Condition",
        "citeproc.If",
    ),
    "key": (
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.sorting.Key",
        "citeproc.Key",
    ),
    "label": (
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.text_case.TextCased_label",
        "fixes.text_case.TextCased",
        "fixes.quotes.QuotedLabel",
        "fixes.numbers.CountLabel",
        "fixes.layout.Display",
        "fixes.decorations.SealedMarks",
        "fixes.decorations.PlainDecorations",
        "fixes.labels.TermFormFallback",
        "fixes.groups.Label",
        "citeproc.Label",
    ),
    "layout": (
        "speed.KnownChildren",
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.layout.Layout",
        "fixes.decorations.PlainDecorations",
        "citeproc.Layout",
    ),
    "locale": (
        "speed.MemoisedTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.labels.LongFormTerms",
        "citeproc.Locale",
    ),
    "macro": (
        "speed.KnownChildren",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.sorting.Macro",
        "citeproc.Macro",
    ),
    "name": (
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.names.Name",
        "fixes.decorations.PlainDecorations",
        "citeproc.Name",
    ),
    "name-part": (
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.text_case.TextCased_name_part",
        "fixes.text_case.TextCased",
        "fixes.decorations.PlainDecorations",
        "citeproc.Name_Part",
    ),
    "names": (
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.variables.Names",
        "fixes.layout.Display",
        "fixes.decorations.PlainDecorations",
        "citeproc.Names",
    ),
    "number": (
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.text_case.TextCased_number",
        "fixes.text_case.TextCased",
        "fixes.sort_numbers.NumberKeys",
        "fixes.numbers.NumberPages",
        "fixes.numbers.PageRanges",
        "fixes.layout.Display",
        "fixes.decorations.NumberSuffix",
        "fixes.decorations.PlainDecorations",
        "fixes.ordinals.OrdinalNumber",
        "fixes.groups.TrackedNumber",
        "citeproc.Number",
    ),
    "sort": (
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.sorting.Sort",
        "citeproc.Sort",
    ),
    "style": (
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.positions.NearNoteOption",
        "citeproc.Style",
    ),
    "substitute": (
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.groups.Substitute",
        "citeproc.Substitute",
    ),
    "term": (
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "citeproc.Term",
    ),
    "text": (
        "speed.NoAffixes",
        "speed.PlainFormat",
        "speed.LocaleTreeTerms",
        "speed.RootLookup",
        "speed.MemoisedLookups",
        "fixes.text_case.TextCased_text",
        "fixes.text_case.TextCased",
        "fixes.sort_numbers.NumberKeys",
        "fixes.quotes.QuotedText",
        "fixes.quotes.QuotedValue",
        "fixes.numbers.TextNumbers",
        "fixes.numbers.PageRanges",
        "fixes.layout.TermStart",
        "fixes.layout.Display",
        "fixes.decorations.SealedMarks",
        "fixes.decorations.PlainDecorations",
        "fixes.labels.TermFormFallback",
        "fixes.groups.TrackedText",
        "citeproc.Text",
    ),
}

# (element, method): the layers overriding it, top first. Everywhere else, one layer at most overrides a method.
SHARED_METHODS: dict[tuple[str, str], tuple[str, ...]] = {
    ("group", "calls_variable"): ("speed.MemoisedLookups", "fixes.groups.Group"),
    ("group", "wrap"): ("speed.NoAffixes", "fixes.decorations.SealedMarks"),
    ("label", "wrap"): ("speed.NoAffixes", "fixes.decorations.SealedMarks"),
    ("text", "wrap"): ("speed.NoAffixes", "fixes.decorations.SealedMarks"),
    ("number", "wrap"): ("speed.NoAffixes", "fixes.decorations.NumberSuffix"),
    ("group", "render"): ("fixes.sort_numbers.GroupNumberKeys", "fixes.layout.Display"),
    ("label", "get_term"): ("speed.LocaleTreeTerms", "fixes.labels.TermFormFallback"),
    ("locale", "get_term"): ("speed.MemoisedTerms", "fixes.labels.LongFormTerms"),
    ("names", "get_term"): ("speed.LocaleTreeTerms", "fixes.variables.Names"),
    ("label", "process"): ("fixes.quotes.QuotedLabel", "fixes.numbers.CountLabel", "fixes.groups.Label"),
    ("number", "process"): ("fixes.numbers.NumberPages", "fixes.groups.TrackedNumber"),
    ("number", "render"): ("fixes.sort_numbers.NumberKeys", "fixes.layout.Display"),
    ("text", "get_term"): ("speed.LocaleTreeTerms", "fixes.labels.TermFormFallback"),
    ("text", "process"): ("fixes.quotes.QuotedValue", "fixes.groups.TrackedText"),
    ("text", "render"): ("fixes.sort_numbers.NumberKeys", "fixes.layout.Display"),
    ("text", "_variable"): ("fixes.numbers.TextNumbers", "fixes.groups.TrackedText"),
}


def _name(cls: type) -> str:
    module = cls.__module__.removeprefix("litsite.csl.")
    return f"citeproc.{cls.__qualname__}" if module.startswith("citeproc") else f"{module}.{cls.__qualname__}"


def _ours(cls: type) -> list[type]:
    return [k for k in cls.__mro__[1:] if k.__module__.startswith("litsite.")]


def test_every_element_class_has_its_pinned_order():
    classes = elements._element_classes()
    assert sorted(classes) == sorted(EXPECTED_MRO), "CSL elements with classes changed"
    for tag, cls in classes.items():
        base = next(k for k in cls.__mro__[1:] if k.__module__.startswith("citeproc"))
        found = (*(_name(k) for k in _ours(cls)), _name(base))
        assert found == EXPECTED_MRO[tag], f"cs:{tag}: MRO {found}, pinned {EXPECTED_MRO[tag]}"


def test_methods_shared_by_layers_are_the_known_ones():
    found = {}
    for tag, cls in elements._element_classes().items():
        owners: dict[str, list[str]] = {}
        for mixin in _ours(cls):
            for method, value in vars(mixin).items():
                if callable(value) and (not method.startswith("__") or method == "__getattr__"):
                    owners.setdefault(method, []).append(_name(mixin))
        found |= {(tag, method): tuple(names) for method, names in owners.items() if len(names) > 1}
    assert found == SHARED_METHODS


def test_order_is_the_layer_list_not_the_import_order():
    """Every mixin's module is a layer, and in each class the layers appear in LAYERS order (outermost first)."""
    for tag, cls in elements._element_classes().items():
        ranks = [elements.LAYERS.index(k.__module__) for k in _ours(cls) if k.__module__ in elements.LAYERS]
        assert ranks == sorted(ranks, reverse=True), f"cs:{tag}: layers out of order"
        assert all(k.__module__ in elements.LAYERS for k in _ours(cls)), f"cs:{tag}: a mixin outside LAYERS"


def test_a_module_outside_the_layers_cannot_extend():
    mixin = type("Stray", (), {"__module__": "litsite.csl.stray"})
    try:
        elements.extend("text")(mixin)
    except RuntimeError as exc:
        assert "elements.LAYERS" in str(exc)
    else:  # pragma: no cover - the failure this test exists for
        elements._MIXINS["text"].remove(mixin)
        elements._element_classes.cache_clear()
        raise AssertionError("a mixin from a module outside LAYERS was registered")
