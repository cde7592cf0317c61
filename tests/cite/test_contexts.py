"""Citation anchors and contexts: ids unique in a page and stable, the sentence around each citation, bounds."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from litsite.cite.anchors import assign_anchors, cluster_attributes
from litsite.cite.contexts import MAX_CHARS, MAX_OTHERS, OPEN, Context, find_contexts
from litsite.cite.mdparse import nonce_of, parse_markdown
from litsite.cite.syntax import find_clusters

DOC = Path("study.md")


def contexts(body: str, slugs: dict[str, str] | None = None) -> list[Context]:
    """The contexts of one document, as the cite stage finds them."""
    found = find_clusters(body)
    parsed = parse_markdown(body, [(s, e) for s, e, _ in found])
    claimed = [found[k] for k in parsed.claimed]
    anchors = assign_anchors((c for _, _, c in claimed), slugs or {})
    clusters = [dataclasses.replace(c, anchor=a) for (_, _, c), a in zip(claimed, anchors, strict=True)]
    spans = [(s, e, i) for i, (s, e, _) in enumerate(claimed)]
    marked = (parsed.html, nonce_of(body), spans, parsed.headings, parsed.sections)
    return list(find_contexts({DOC: marked}, clusters))


def sentence(ctx: Context) -> str:
    """A context as text, its own cluster as [[n]] and the others as [n]."""
    return "".join(p if isinstance(p, str) else f"[[{p}]]" if p == ctx.cluster else f"[{p}]" for p in ctx.parts)


def test_anchors_count_per_first_work_and_are_unique():
    body = "A [@a]. B [@b; @a]. C [@a, p. 2]. D @b says. E [@a-1]."
    got = [c.anchor for c in contexts(body)]
    assert got == ["cite-a-1", "cite-b-1", "cite-a-2", "cite-b-2", "cite-a-1-1"]
    assert len(set(got)) == len(got)


def test_anchors_of_one_work_do_not_move_when_others_are_cited():
    before = [c.anchor for c in contexts("X [@a]. Y [@a].")]
    after = [c.anchor for c in contexts("New [@b]. X [@a]. More [@c]. Y [@a].")]
    assert [a for a in after if a.startswith("cite-a-")] == before


def test_anchor_uses_the_reference_pages_slug():
    assert [c.anchor for c in contexts("X [@Evans2012n].", {"Evans2012n": "evans2012n-2"})] == ["cite-evans2012n-2-1"]


def test_cluster_attributes_escape_and_carry_the_switchers_index():
    (_, _, cluster), *_ = find_clusters('See [@{a"b}].')
    cluster = dataclasses.replace(cluster, anchor='cite-"x"')
    html = str(cluster_attributes(cluster, 7))
    assert html == ' id="cite-&#34;x&#34;" data-cites="a&#34;b" data-cluster="7"'


def test_sentence_section_and_part():
    body = (
        "Before any heading [@a].\n\n# Methods\n\n## Interviews\n\nWe asked *ninety* people [@b]. "
        "The guide, e.g. by Dr. J. Smith et al. in Fig. 2, is long [@c]. Risk was high. [@d]\n\n"
        "## Analysis\n\n- an item [@e]\n\n| a | b |\n|---|---|\n| cell [@f] | 1 |\n"
    )
    got = [(c.part, c.section, sentence(c)) for c in contexts(body)]
    assert got == [
        ("", "", "Before any heading [[0]]."),
        ("Methods", "Interviews", "We asked ninety people [[1]]."),
        ("Methods", "Interviews", "The guide, e.g. by Dr. J. Smith et al. in Fig. 2, is long [[2]]."),
        ("Methods", "Interviews", "Risk was high. [[3]]"),  # a citation after the full stop belongs to it
        ("Methods", "Analysis", "an item [[4]]"),
        ("Methods", "Analysis", "cell [[5]]"),
    ]


def test_markup_is_dropped_and_text_kept_as_written():
    body = 'A <b>bold</b> <script>alert(1)</script> [link](https://x.org "t") `co<de>` &amp; ![alt](i.png) [@a].'
    (ctx,) = contexts(body)
    assert sentence(ctx) == "A bold alert(1) link co<de> & alt [[0]]."  # plain text: the template escapes it


def test_citations_in_a_heading_name_no_section():
    (ctx,) = contexts("## Results of [@a]\n\nText.\n")
    assert ctx.section == "Results of" and sentence(ctx) == "Results of [[0]]"


def test_marker_characters_in_the_text_are_dropped():
    (ctx,) = contexts(f"Odd {OPEN}12\ue001 text [@a].")
    assert sentence(ctx) == "Odd 12 text [[0]]."


def test_a_long_sentence_is_cut_around_the_citation():
    words = " ".join(f"word{i}" for i in range(400))
    (ctx,) = contexts(f"{words} [@a] {words}.")
    text = sentence(ctx)
    assert text.startswith("…word") and text.endswith("…") and "[[0]]" in text
    assert len(text) <= MAX_CHARS + 10


def test_a_sentence_of_many_citations_keeps_the_nearest():
    body = "Many " + " ".join(f"[@r{i}]" for i in range(60)) + "."
    ctxs = contexts(body)
    ctx = ctxs[30]
    kept = [p for p in ctx.parts if isinstance(p, int)]
    assert 30 in kept and len(kept) == MAX_OTHERS + 1 and kept == sorted(kept)
    assert max(kept) - min(kept) == MAX_OTHERS  # the nearest on both sides


def test_a_cut_without_spaces_leaves_no_part_of_a_marker():
    body = "x" * 1000 + "[@a]" + "y" * 1000 + "."
    (ctx,) = contexts(body)
    assert ctx.parts[1] == 0 and all(OPEN not in p and "\ue001" not in p for p in ctx.parts if isinstance(p, str))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40),
            st.sampled_from(["[@a]", "[@b; @a]", "@c says", "# H\n\n", ". ", "\n\n- ", "*x*", "<b>", "`[@d]`"]),
        ),
        max_size=30,
    )
)
def test_every_cluster_has_a_bounded_context_holding_it(pieces: list[str]):
    body = "".join(pieces)
    found = contexts(body)
    # every cluster Markdown reads as running text (not one in code, as "\t[@a]" is) has its context
    assert len(found) == len(parse_markdown(body, [(s, e) for s, e, _ in find_clusters(body)]).claimed)
    assert len({c.anchor for c in found}) == len(found)
    for i, ctx in enumerate(found):
        assert ctx.cluster == i and i in ctx.parts
        text = "".join(p for p in ctx.parts if isinstance(p, str))
        assert len(text) <= MAX_CHARS + 2 and not re.search("[\ue000\ue001]", text)


def test_a_footnotes_citation_stands_in_the_section_that_calls_the_note():
    body = "# One\n\nText.[^n] Then [@b].\n\n# Two\n\nMore text.\n\n[^n]: As shown before [@a].\n"
    in_text, in_note = contexts(body)
    assert in_note.section == "One" and sentence(in_note) == "As shown before [[1]]."  # (no "↩")
    assert sentence(in_text) == "Then [[0]]."  # (the note's number dropped: "Text.1 Then" would be one sentence)
