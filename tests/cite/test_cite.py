"""The cite stage: narrative citations as pandoc renders them, in author-date and numeric styles."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from litsite.cite.stage import DocCitations, cite, document_notes, short_names
from litsite.csl.engine import Cite
from litsite.csl.styles import resolve_style
from litsite.errors import UserErrors
from litsite.pipeline import load_sources


@pytest.mark.parametrize(
    ("style", "want"),
    [
        (
            "apa",
            ["Berry et al. (2011)", "(Chinman et al., 2010, p. 240; Mason, 2002)", "Davidson et al. (2006a, p. 3)"],
        ),
        ("vancouver-nlm", ["Berry et al. (1)", "(2,3)", "Davidson et al. (4)"]),
        (
            "modern-language-association",
            ["Berry et al.", "(Chinman et al. 240; Mason)", "Davidson, Chinman, et al. (3)"],
        ),
    ],
)
def test_narrative_and_bracketed_citations(project: Path, style: str, want: list[str]):
    study = project / "content" / "study.md"
    text = "\nAs @berry2011 says, and [@chinman2010, p. 240; @mason2002]. @davidson2006a [p. 3] too.\n"
    study.write_text(study.read_text(encoding="utf-8") + text, encoding="utf-8")
    config, content = load_sources(project)
    cited = cite(dataclasses.replace(config, styles=(style,), style_refs=(resolve_style(style, config.root),)), content)
    in_study = [i for _, _, i in cited.docs[study].spans]  # (the example's notes and themes cite too, after it)
    assert [cited.default.citations[i] for i in in_study] == want


def test_short_names():
    assert short_names({"author": [{"family": "Berry"}]}) == "Berry"
    assert short_names({"author": [{"family": "Berry"}, {"family": "Hayward"}]}) == "Berry and Hayward"
    assert short_names({"editor": [{"literal": "WHO"}, {"family": "A"}, {"family": "B"}]}) == "WHO et al."


def test_key_differing_only_in_case_is_named_with_its_case(project: Path):
    refs = project / "content" / "references.yaml"
    refs.write_text(refs.read_text(encoding="utf-8").replace("id: berry2011", "id: Berry2011"), encoding="utf-8")
    study = project / "content" / "study.md"
    study.write_text(study.read_text(encoding="utf-8") + "\nAs shown [@berry2011].\n", encoding="utf-8")
    config, content = load_sources(project)
    with pytest.raises(UserErrors) as exc:
        cite(config, content)
    (err,) = [str(e) for e in exc.value.errors]
    assert err.startswith(f"{study}:")
    assert err.endswith(
        "citation key @berry2011 is not in references.yaml; did you mean '@Berry2011' (keys are case-sensitive)?"
    )


NOTE_STYLE = """<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">
<info><id/><title/><updated>2020-01-01T00:00:00+00:00</updated></info>
<citation><layout delimiter="; "><choose><if position="ibid ibid-with-locator"><text value="ibid"/></if>
<else-if position="subsequent"><text value="again "/><text variable="first-reference-note-number"/></else-if>
<else><names variable="author"><name form="short"/></names></else></choose></layout></citation></style>"""


def test_a_note_style_numbers_the_notes_of_each_document(project: Path):
    (project / "note.csl").write_text(NOTE_STYLE, encoding="utf-8")
    study = project / "content" / "study.md"
    text = "\nOne [@mason2002]. Two [@berry2011]. @mason2002 says [p. 3], and [@mason2002, p. 3] too.\n"
    study.write_text(study.read_text(encoding="utf-8") + text, encoding="utf-8")
    config, content = load_sources(project)
    ref = resolve_style("note.csl", project)
    assert ref.note_class
    cited = cite(dataclasses.replace(config, styles=("note.csl",), style_refs=(ref,)), content)
    texts = [cited.default.citations[i] for _, _, i in cited.docs[study].spans]
    # the narrative citation's names stand in the text, its rest is the next note (a backreference to the first note)
    n = len(texts) - 4
    assert texts[n + 2 :] == [f"Mason again {n + 1}", "ibid"]


def test_each_document_numbers_its_notes_from_one():
    cites = [[Cite("a")], [Cite("a", author_only=True)], [Cite("a", suppress_author=True)], [Cite("b")]]
    joins = [(0,), (1, 2), (3,)]  # our clusters → the engine's (a narrative one is two)
    docs = {Path("a.md"): DocCitations(None, ((0, 1, 0), (2, 3, 1))), Path("b.md"): DocCitations(None, ((0, 1, 2),))}
    assert document_notes(docs, joins, cites) == (1, 0, 2, 1)
