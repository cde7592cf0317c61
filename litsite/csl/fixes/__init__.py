"""Corrections of citeproc-py's defects, one module per defect (see /work/shared/citeproc-py-defects.md).

Importing this package registers our element mixins with :mod:`litsite.csl.elements`.
"""

from litsite.csl.fixes import (  # noqa: F401
    conditions,
    dates,
    decorations,
    groups,
    layout,
    names,
    numbers,
    ordinals,
    positions,
    quotes,
    sorting,
    text_case,
    variables,
)
