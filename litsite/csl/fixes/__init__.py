"""Corrections of citeproc-py's defects, one module per defect (docs/citeproc-py-defects.md lists them).

Importing this package registers our element mixins with :mod:`litsite.csl.elements`; the order in which they stack
on each element class is :data:`litsite.csl.elements.LAYERS`, whatever the order of the imports here.
"""

from litsite.csl.fixes import (  # noqa: F401
    conditions,
    dates,
    decorations,
    groups,
    labels,
    layout,
    names,
    numbers,
    ordinals,
    positions,
    quotes,
    sort_numbers,
    sorting,
    text_case,
    variables,
)
