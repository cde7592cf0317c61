"""givenname-disambiguation-rule by-cite within one item (litsite/csl/disambig_item.py): persons of one item alike in
family name and initials are written with full given names. Every expected entry is citeproc-js 2.4.63's output for
the same items and style (bench/citeproc_js)."""

from __future__ import annotations

import pytest

import litsite.csl.engine  # noqa: F401  (the fixes package first: disambig_item is imported by fixes/names.py)
from litsite.csl.disambig_item import in_cite
from litsite.csl.engine import format_bibliography, format_first_citations
from litsite.csl.styles import resolve_style


def _person(given: str, family: str = "Collins") -> dict:
    return {"family": family, "given": given}


ITEMS = [
    # an editor alike with the author: only the one written after the other is seen alike (the registry grows as
    # citeproc-js renders: the cites and sort keys register the author first)
    {"id": "a", "type": "chapter", "author": [_person("Nick")], "editor": [_person("Nicholas")], "title": "T",
     "container-title": "B", "issued": {"date-parts": [[2007]]}},
    {"id": "b", "type": "book", "author": [_person("Nick")], "editor": [_person("Nicholas")], "title": "U",
     "issued": {"date-parts": [[2008]]}},
    # "N." and "Nick" are other given names with the same initials
    {"id": "c", "type": "book", "author": [_person("N."), _person("Nick")], "title": "V",
     "issued": {"date-parts": [[2009]]}},
    # a name et-al hides still counts; one of other initials does not
    {"id": "d", "type": "book", "title": "W", "issued": {"date-parts": [[2010]]},
     "author": [_person("Nick"), *[_person("A", f"X{i}") for i in range(8)], _person("Nicholas")]},
    {"id": "e", "type": "book", "author": [_person("Nick"), _person("Anne"), _person("Nicholas")], "title": "W",
     "issued": {"date-parts": [[2011]]}},
]  # fmt: skip


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("elsevier-harvard", [
            "Collins, N., 2007. T, in: Collins, Nicholas (Ed.), B.",
            "Collins, N., 2008. U.",
            "Collins, N., Collins, Nick, 2009. V.",
            "Collins, Nick, X0, A., X1, A., X2, A., X3, A., X4, A., X5, A., X6, A., X7, A., "
            "Collins, Nicholas, 2010. W.",
            "Collins, Nick, Collins, A., Collins, Nicholas, 2011. W.",
        ]),
        ("harvard-cite-them-right", [
            "Collins, N. (2007) “T,” in Nicholas Collins (ed.) B.",
            "Collins, N. (2008) U. Edited by Nicholas Collins.",
            "Collins, N. and Collins, Nick (2009) V.",
            "Collins, Nick et al. (2010) W.",
            "Collins, Nick, Collins, A. and Collins, Nicholas (2011) W.",
        ]),
    ],
)  # fmt: skip
def test_persons_of_one_item_alike_in_initials(style: str, expected: list[str]) -> None:
    entries = format_bibliography(ITEMS, resolve_style(style).path, "text", "en-US")
    assert sorted(entries) == sorted(expected)


def test_other_rules_and_short_forms_are_left() -> None:
    # apa (primary-name-with-initials): the registry is not keyed by item, nothing is expanded
    entries = format_bibliography(ITEMS[4:], resolve_style("apa").path, "text", "en-US")
    assert entries == ["Collins, N., Collins, A., & Collins, N. (2011). W."]


def test_a_list_the_cite_does_not_show_registers_nobody() -> None:
    parker = [{"family": "Parker", "given": "Sue Taylor"}, {"literal": "Inst"}]
    assert in_cite(parker, "(“Language and Intelligence,” 1990)") == []
    assert in_cite(parker, "(PARKER & Gibson, 1990)") == parker[:1]
    assert in_cite([{"literal": "Inst"}], "(Inst, 1990)") == []
    obrien = [{"family": "O'Brien", "given": "Ann"}]
    assert in_cite(obrien, "(O’Brien, 1990)") == obrien  # the cite's quotes are curly
    assert in_cite([{"family": "<i>Zed</i>", "given": "A"}], "(Zed, 1990)") != []


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("apa", ["(Author, 2018)", "(Author, 2019)", "(Smith & Jones, 2019)", "(Smith, 2017)"]),
        ("chicago-author-date", ["(Author 2018)", "(Author 2019)", "(Smith and Jones 2019)", "(Smith 2017)"]),
    ],
)
def test_a_person_without_given_name_makes_no_family_ambiguous(style: str, expected: list[str]) -> None:
    # citeproc-js's addname registers no initials for a person without a given name, so "Author" beside "A. Author"
    # (bbt-import) leaves the family with one form: no initials added (litsite wrote "(A. Author, 2019)")
    items = [
        {"id": "k", "type": "article-journal", "author": [{"family": "Author"}], "issued": {"date-parts": [[2018]]}},
        {"id": "r", "type": "article-journal", "author": [{"family": "Author", "given": "A."}],
         "issued": {"date-parts": [[2019]]}},
        {"id": "s", "type": "article-journal", "author": [{"family": "Smith"}, {"family": "Jones", "given": "B."}],
         "issued": {"date-parts": [[2019]]}},
        {"id": "t", "type": "article-journal", "author": [{"family": "Smith", "given": "Al"}],
         "issued": {"date-parts": [[2017]]}},
    ]  # fmt: skip
    assert format_first_citations(items, resolve_style(style).path) == expected


def test_family_names_alike_but_for_spaces_and_periods_are_one_family() -> None:
    # citeproc-js's registry key strips periods and runs of spaces ("Հակոբյան  [Hakobyan]" in zot-armenian), so
    # these are two persons of one family each and get initials; expected cites from citeproc-js
    def book(id_: str, family: str, given: str, year: int) -> dict:
        return {"id": id_, "type": "book", "author": [{"family": family, "given": given}],
                "issued": {"date-parts": [[year]]}}  # fmt: skip

    items = [
        book("a", "Mac  Donald", "Anne", 2001), book("b", "Mac Donald", "Bob", 2002),
        book("c", "St. John", "Carl", 2003), book("d", "St John", "Dora", 2004),
        book("e", "Hakobyan  [Hakobyan]", "N. G. [N. G.]", 1981),
        book("f", "Hakobyan [Hakobyan]", "Arman [Arman]", 2005),
    ]  # fmt: skip
    assert format_first_citations(items, resolve_style("apa").path) == [
        "(A. Mac  Donald, 2001)", "(B. Mac Donald, 2002)", "(C. St. John, 2003)", "(D. St John, 2004)",
        "(N. G. [N. G. ] Hakobyan  [Hakobyan], 1981)", "(A. [Arman] Hakobyan [Hakobyan], 2005)",
    ]  # fmt: skip
