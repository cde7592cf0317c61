"""Every type name of Crossref, BibTeX/BibLaTeX, RIS and Zotero suggests a CSL type (issue 17, item 5).

The lists are each system's whole documented list of types: Crossref's REST API (api.crossref.org/types), the
BibLaTeX manual (section 2.1, with BibTeX's aliases), the RIS format specification (Research Information Systems,
2011) and Zotero's item types (the Zotero schema). A few have no CSL counterpart and are left out on purpose."""

from __future__ import annotations

import re

import pytest

from litsite.csl.schema import ITEM_TYPES
from litsite.load.typenames import ALIASES, fold, suggest_type

CROSSREF = """book-section monograph report-component report peer-review book-track journal-article book-part other
book journal-volume book-set reference-entry proceedings-article journal component book-chapter proceedings-series
report-series proceedings database standard reference-book posted-content journal-issue dissertation dataset
book-series edited-book"""
BIBLATEX = """article book mvbook inbook bookinbook suppbook booklet collection mvcollection incollection
suppcollection dataset manual misc online patent periodical suppperiodical proceedings mvproceedings inproceedings
reference mvreference inreference report software thesis unpublished conference electronic mastersthesis phdthesis
techreport www artwork audio image jurisdiction legislation legal letter movie music performance review standard
video"""
RIS = """ABST ADVS AGGR ANCIENT ART BILL BLOG BOOK CASE CHAP CHART CLSWK COMP CONF CPAPER CTLG DATA DBASE DICT EBOOK
ECHAP EDBOOK EJOUR ELEC ENCYC FIGURE GEN GOVDOC HEAR ICOMM INPR JFULL JOUR LEGAL MANSCPT MAP MGZN MPCT MULTI MUSIC
NEWS PAMP PAT PCOMM RPRT SER SLIDE SOUND STAND STAT THES UNBILL UNPB VIDEO WEB"""
ZOTERO = """artwork audioRecording bill blogPost book bookSection case computerProgram conferencePaper dataset
dictionaryEntry document email encyclopediaArticle film forumPost hearing instantMessage interview journalArticle
letter magazineArticle manuscript map newspaperArticle patent podcast preprint presentation radioBroadcast report
standard statute thesis tvBroadcast videoRecording webpage"""
# no CSL type means these: Crossref's grant, RIS's EQUA (equation), BibLaTeX's set, xdata, bibnote, commentary


@pytest.mark.parametrize("names", [CROSSREF, BIBLATEX, RIS, ZOTERO], ids=["Crossref", "BibLaTeX", "RIS", "Zotero"])
def test_every_type_name_of_a_system_suggests_a_csl_type(names: str):
    for name in names.split():
        if name in ITEM_TYPES:
            continue
        assert fold(name) in ALIASES, name  # known, not a guess by spelling
        hint = suggest_type(name)
        m = re.match(r"; did you mean '([^']+)'\?(?: \(the CSL type for \w+'s '([^']+)'\))?$", hint)
        assert m and m.group(1) in ITEM_TYPES, (name, hint)
        assert m.group(2) is None or m.group(2).casefold() == name.casefold(), (name, hint)
