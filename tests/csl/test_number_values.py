"""Number values of the shapes humanities libraries write ("XIII, 172 S.", "volume-1", "800-57 Part 1"), read as
citeproc-js's processNumber reads them: is-numeric, the plural of a label, the hyphens of a range.

Each expected entry is citeproc-js 2.4.63's for the same item under the same minimal style (bench/citeproc_js,
render.js; en-US), not taken from one corpus item.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .probe import probe_entry

# "NUM" when is-numeric holds, the label (short form), the value by cs:text, then by cs:number
_LAYOUT = (
    '<group delimiter=" "><choose><if is-numeric="{v}"><text value="NUM"/></if></choose>'
    '<label variable="{v}" form="short"/><text variable="{v}"/><text value="|"/><number variable="{v}"/></group>'
)


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        # the first value decides plural and numeric: a Roman numeral in capitals is collapsible but not numeric, so
        # its label is singular (fixNumericAndCount, then "if (!obj.numeric) obj.plural = 0")
        ("page", "XIII, 172 S.", "p. XIII, 172 S. | XIII, 172 S."),
        ("page", "XII, 345", "p. XII, 345 | XII, 345"),
        ("volume", "IV-2", "vol. IV–2 | IV–2"),
        ("volume", "X-1-2", "vol. X-1–2 | X-1–2"),
        ("volume", "iv-2", "NUM vols. iv–2 | iv–2"),
        # the first value as split at the hyphen: "volume" is a v with letters after it, numeric to citeproc-js, but
        # not collapsible (no number, no Roman numeral), so each of its hyphens takes the range delimiter
        ("volume", "volume-1", "NUM vol. volume–1 | volume–1"),
        ("volume", "vol-1", "NUM vol. vol–1 | vol–1"),
        ("volume", "issue-2", "NUM vol. issue–2 | issue–2"),
        ("issue", "number-1", "no. number-1 | number-1"),
        ("volume", "WP-2011-3", "vol. WP-2011-3 | WP-2011-3"),
        ("volume", "A-12", "vol. A-12 | A-12"),
        # a range whose end is below its start, without a page-range-format: only the delimiter is fixed, also when
        # the end has words after it (manglePageNumbers)
        ("number", "800-57 Part 1", "NUM nos. 800–57 Part 1 | 800–57 Part 1"),
        ("number", "57-800 Part 1", "NUM nos. 57-800 Part 1 | 57-800 Part 1"),
        ("issue", "5-4", "NUM nos. 5–4 | 5–4"),
        # German and other catalogue shapes, left as written
        ("volume", "Bd. 3", "vol. Bd. 3 | Bd. 3"),
        ("volume", "N.F. 12", "vol. N.F. 12 | N.F. 12"),
        ("volume", "12.1", "vol. 12.1 | 12.1"),
        ("volume", "3/4", "NUM vol. 3/4 | 3/4"),
        ("issue", "H. 2", "no. H. 2 | H. 2"),
        ("page", "S. 5-9", "p. S. 5-9 | S. 5-9"),
        ("page", "5 ff.", "p. 5 ff. | 5 ff."),
        ("page", "iv + 320", "p. iv + 320 | iv + 320"),
        ("page", "123-145 Taf. 12-14", "NUM pp. 123-145 Taf. 12–14 | 123-145 Taf. 12–14"),
        # another variable's label written in page: its term before the number, by cs:text and cs:number alike
        ("page", "vol. 7-44", "NUM vols. vols. 7–44 | vols. 7–44"),
        ("page", "ch. 3", "NUM chap. chap. 3 | chap. 3"),
        # a value starting with a dash: its first value is empty, printed without its joiner, the rest a string
        ("page", "-11", "p. 11 | 11"),
        ("page", "-11-15", "p. 11-15 | 11-15"),
        ("volume", "-3, 5", "vol. 3, 5 | 3, 5"),
        # a Roman numeral and a number make a page range too (manglePageNumbers: both numbers or numerals)
        ("page", "ii-3, 5", "NUM pp. ii–3, 5 | ii–3, 5"),
        ("page", "xi-12", "NUM pp. xi–12 | xi–12"),
    ],
)
def test_number_values_as_citeproc_js_reads_them(tmp_path: Path, variable: str, value: str, expected: str) -> None:
    """is-numeric, the label's plural and the range delimiters of one value, as citeproc-js prints them."""
    entry = probe_entry(tmp_path, _LAYOUT.replace("{v}", variable), {"title": "T", variable: value})
    assert entry == expected


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        # a label after the value's start begins a group of its own: its term, plural by that group
        ("volume", "3, pt. 2, 7", "NUM vol. 3, pts. 2, 7 | 3, pts. 2, 7"),
        ("volume", "2, pt. 1", "NUM vol. 2, pt. 1 | 2, pt. 1"),
        # each group's range read apart ("6-1" and "6-20", the first below its start: only the delimiter)
        ("page", "6-1 to 6-20", "NUM pp. 6–1 to 6–20 | 6–1 to 6–20"),
        # in a variable citeproc-js writes its own label before, a label between numbers of the first element is one
        ("volume", "4 bis 7", "NUM vol. 4 bis 7 | 4 bis 7"),
        ("volume", "4, 5 bis 7", "NUM vols. 4, 5 bis 7 | 4, 5 bis 7"),
        # elsewhere it joins the value: not numeric
        ("collection-number", "3rd ser. 14", "no. 3rd ser. 14 | 3rd ser. 14"),
    ],
)
def test_labels_inside_a_value(tmp_path: Path, variable: str, value: str, expected: str) -> None:
    """Labels inside a number value, as citeproc-js's parseString reads them (number_segments.py)."""
    entry = probe_entry(tmp_path, _LAYOUT.replace("{v}", variable), {"title": "T", variable: value})
    assert entry == expected
