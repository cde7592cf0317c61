"""Whole-list and per-reference downloads parse back with bibtexparser, rispy and json; COinS per type."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from litsite.pipeline import load_sources
from litsite.site import exports

REPO = Path(__file__).resolve().parents[2]


def references() -> dict[str, dict]:
    _, content = load_sources(REPO)
    return {r.id: r.item for r in content.references}


def test_bibtex_download_has_49_entries_with_fields(example_site: Path):
    text = (example_site / "references.bib").read_text(encoding="utf-8")
    assert "pages = {238--250}" in text
    lib = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not lib.failed_blocks
    entries = {e.key: e for e in lib.entries}
    assert len(entries) == 49
    refs = references()
    assert set(entries) == set(refs)
    berry = entries["berry2011"]
    assert berry.entry_type == "article"
    assert berry["author"] == "Berry, C. and Hayward, M. and Chandler, R."
    assert berry["journal"] == "Journal of Public Mental Health"
    assert (berry["year"], berry["volume"], berry["pages"]) == ("2011", "10", "238–250")  # '--' decoded
    chapter = entries["clifford2011"]
    assert chapter.entry_type == "incollection"
    assert chapter["booktitle"].startswith("Self-harm and violence")
    assert chapter["publisher"] == "John Wiley & Sons Ltd"
    for key, entry in entries.items():
        assert entry["title"].replace("{", "").replace("}", "") == refs[key]["title"], key
        if refs[key].get("DOI"):
            assert entry["doi"] == refs[key]["DOI"]
    # an organisation as author stays one name
    assert "author = {{Royal College of Psychiatrists}}" in text


def test_ris_download_has_49_records_with_fields(example_site: Path):
    records = rispy.loads((example_site / "references.ris").read_text(encoding="utf-8"))
    assert len(records) == 49
    refs = references()
    by_id = {r["id"]: r for r in records}
    assert set(by_id) == set(refs)
    berry = by_id["berry2011"]
    assert berry["type_of_reference"] == "JOUR"
    assert berry["authors"] == ["Berry, C.", "Hayward, M.", "Chandler, R."]
    assert berry["journal_name"] == "Journal of Public Mental Health"
    assert (berry["year"], berry["start_page"], berry["end_page"]) == ("2011", "238", "250")
    assert by_id["clifford2011"]["type_of_reference"] == "CHAP"
    assert by_id["clifford2011"]["secondary_authors"] == ["Whittington, R.", "Logan, C."]
    assert by_id["creswell2013"]["type_of_reference"] == "BOOK"
    assert by_id["royal2008"]["type_of_reference"] == "RPRT"
    for ref_id, rec in by_id.items():
        assert rec["title"] == refs[ref_id]["title"]


def test_csl_json_download_is_the_references_without_x_keys(example_site: Path):
    data = json.loads((example_site / "references.json").read_text(encoding="utf-8"))
    assert len(data) == 49
    refs = references()
    for item in data:
        want = {k: v for k, v in refs[item["id"]].items() if not k.startswith("x-")}
        assert item == want


def test_each_reference_page_offers_its_own_downloads(example_site: Path):
    for ext, parse in (("bib", bibtexparser.parse_string), ("ris", rispy.loads), ("json", json.loads)):
        text = (example_site / "references" / "gillard2013" / f"gillard2013.{ext}").read_text(encoding="utf-8")
        parsed = parse(text)
        assert len(parsed.entries if ext == "bib" else parsed) == 1


def kev(item: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in parse_qsl(exports.coins(item)):
        out.setdefault(k, []).append(v)
    return out


def test_coins_formats_per_type():
    refs = references()
    journal = kev(refs["berry2011"])
    assert journal["ctx_ver"] == ["Z39.88-2004"]
    assert journal["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:journal"]
    assert journal["rft.genre"] == ["article"]
    assert journal["rft.jtitle"] == ["Journal of Public Mental Health"]
    assert journal["rft.au"] == ["Berry, C.", "Hayward, M.", "Chandler, R."]
    assert (journal["rft.spage"], journal["rft.epage"], journal["rft.date"]) == (["238"], ["250"], ["2011"])
    book = kev(refs["creswell2013"])
    assert book["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"]
    assert book["rft.genre"] == ["book"]
    assert book["rft.btitle"] == [refs["creswell2013"]["title"]]
    chapter = kev(refs["clifford2011"])
    assert chapter["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"]
    assert chapter["rft.genre"] == ["bookitem"]
    assert chapter["rft.atitle"] == [refs["clifford2011"]["title"]]
    assert chapter["rft.btitle"] == [refs["clifford2011"]["container-title"]]
    doi = next(r for r in refs.values() if r.get("DOI"))
    assert kev(doi)["rft_id"] == [f"info:doi/{doi['DOI']}"]


def test_exports_keep_markup_like_text_as_data():
    item = {"id": "x", "type": "book", "title": "A & B <i>not</i> {tex} 50%", "author": [{"family": "O'Brien"}]}
    lib = bibtexparser.parse_string(exports.bibtex([item]), append_middleware=[LatexDecodingMiddleware()])
    assert len(lib.entries) == 1
    assert rispy.loads(exports.ris([item]))[0]["title"] == item["title"]
    assert json.loads(exports.csl_json([item]))[0]["title"] == item["title"]


def test_whole_files_join_the_per_reference_texts_byte_for_byte():
    """The downloads of all references are joined from each reference's own text (kept between builds); the joins
    must give exactly what the libraries write for the whole list."""
    items = list(references().values())
    assert exports.join_bibtex([exports.bibtex([i]) for i in items]) == exports.bibtex(items)
    assert exports.join_ris([exports.ris([i]) for i in items]) == exports.ris(items)
    assert exports.join_csl_json([exports.csl_json([i]) for i in items]) == exports.csl_json(items)
    assert exports.join_csl_json([]) == exports.csl_json([]) and exports.join_bibtex([]) == exports.bibtex([])
    assert exports.join_ris([]) == exports.ris([])


def test_latex_skips_the_encoder_only_for_text_it_leaves_unchanged():
    """Plain ASCII text is its own LaTeX; anything with a character the encoder rewrites still goes through it."""
    texts = [
        "Peer worker roles and risk",
        "A & B 50% x #1 $5 a_b ^ ~ \\ <i>",
        "Café Müller – “quoted” ß",
        "O'Brien, J.-P. (ed.); pp. 1--2?!",
        "",
        "tab\there\nnewline",
    ]
    texts += [chr(c) for c in range(0, 0x250) if chr(c) not in "{}"]
    for text in texts:
        # (on one line and without control characters: see test_hostile_fields_cannot_forge_export_records)
        assert exports._latex(text) == exports._LATEX.unicode_to_latex(exports._one_line(text)), repr(text)
    assert exports._latex("50% & more") != "50% & more"  # the encoder did run
