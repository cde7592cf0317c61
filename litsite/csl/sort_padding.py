"""citeproc-js's key of a numeric variable (CSL.Util.padding), with JavaScript's number arithmetic.

The key is the first run of digits anywhere in the value, with the minus sign before it ("bk. 3" → 3, "TR-2004-12"
→ -2004), read by parseInt into a double; a negative number becomes 99999999999999999999 + n, which is 1e20 in
doubles for any n above -16384 (so "A-3", "A-5" and "-1" tie), and the number is written as JavaScript writes it
(shortest digits, then zeros: 123456789012345678901 → "123456789012345680000"; from 1e21 on in exponent form,
"1.2345678901234569e+23", which collates as text). Zero-padded to 20 characters.
"""

from __future__ import annotations

import re
from decimal import Decimal

_FIRST_NUMBER = re.compile(r"\s*(-?[0-9]+)")
_OFFSET = float(99999999999999999999)  # the constant as a double: 1e20


def js_number(number: float) -> str:
    """A double as JavaScript's Number.prototype.toString writes an integral value."""
    if abs(number) >= 1e21:
        return repr(number)  # "1.2345678901234569e+23", "1e+21": the same shortest digits and form as JavaScript
    return str(int(Decimal(repr(number))))  # the shortest digits, then zeros


def padded_number(value: str) -> str | None:
    """citeproc-js's padded key of a numeric variable's value, or None when it has no digits (the text sorts)."""
    match = _FIRST_NUMBER.search(value)
    if match is None:
        return None
    number = float(int(match.group(1)))  # parseInt: the nearest double
    if number < 0:
        number = _OFFSET + number
    return js_number(number).rjust(20, "0")
