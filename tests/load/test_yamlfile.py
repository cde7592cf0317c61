from pathlib import Path

import pytest

from litsite.errors import UserError
from litsite.load import yamlfile
from litsite.load.yamlfile import ItemCache, load_yaml, parse_yaml


def test_lines_of_nested_keys():
    data, lines = parse_yaml("a: 1\nb:\n  - x: 2015-05-01\n  - z: 3\n", Path("t.yaml"))
    assert data == {"a": 1, "b": [{"x": "2015-05-01"}, {"z": 3}]}
    assert lines.of("b", 1, "z") == 4
    assert lines.of("b", 0, "x") == 3
    assert lines.of("b", 0, "missing") == 3  # falls back to the nearest ancestor


def test_dates_stay_text():
    data, _ = parse_yaml("issued: 2015-05-18\n", Path("t.yaml"))
    assert data == {"issued": "2015-05-18"}


def test_duplicate_key_is_an_error():
    with pytest.raises(UserError) as exc:
        parse_yaml("a: 1\nb: 2\na: 3\n", Path("t.yaml"))
    assert str(exc.value) == "t.yaml:3: duplicate key 'a'"


def test_syntax_error_has_line():
    with pytest.raises(UserError) as exc:
        parse_yaml("a: 1\nb: [1, 2\nc: 3\n", Path("t.yaml"))
    assert exc.value.line is not None and exc.value.line >= 2
    assert "YAML syntax error" in exc.value.message


def test_offset_shifts_lines():
    _, lines = parse_yaml("a: 1\nb: 2\n", Path("t.md"), offset=1)
    assert lines.of("b") == 3


def test_not_utf8(tmp_path: Path):
    p = tmp_path / "x.yaml"
    p.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(UserError) as exc:
        load_yaml(p)
    assert exc.value.line == 2 and "UTF-8" in exc.value.message


REPO = Path(__file__).resolve().parents[2]


def test_item_by_item_equals_the_whole_file(tmp_path: Path):
    path = REPO / "content" / "references.yaml"
    whole = load_yaml(path)
    cache = ItemCache()
    for _ in range(2):  # parsed, then from the cache
        data, lines = load_yaml(path, cache)
        assert data == whole[0] and lines.lines == whole[1].lines
    assert len(cache.store) == len(data)


def test_an_edited_item_is_the_only_one_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "refs.yaml"
    path.write_text("# refs\n- id: a\n  title: A\n\n- id: b\n  title: B\n- id: c\n  title: C\n", "utf-8")
    cache = ItemCache()
    load_yaml(path, cache)
    parsed = []
    real = yamlfile._parse_item
    monkeypatch.setattr(yamlfile, "_parse_item", lambda chunk, p: parsed.append(chunk) or real(chunk, p))
    path.write_text(path.read_text("utf-8").replace("title: B", "title: Bee"), "utf-8")
    data, lines = load_yaml(path, cache)
    assert parsed == ["- id: b\n  title: Bee\n"]
    assert [d["title"] for d in data] == ["A", "Bee", "C"]
    assert lines.of(1, "title") == 6 and lines.of(2) == 7


@pytest.mark.parametrize(
    "text",
    [
        "- &x {id: a}\n- {id: b}\n",  # an anchor (aliases are refused: tests/test_hostile.py)
        "--- \n- id: a\n",  # a document marker
        "references:\n- id: a\n",  # not a top-level list
        "- id: a\n  t: !!str 1\n",  # a tag
        "- id: a\n  1: x\n",  # a key that JSON cannot keep
    ],
)
def test_anything_unusual_is_parsed_whole(text: str, tmp_path: Path):
    path = tmp_path / "refs.yaml"
    path.write_text(text, "utf-8")
    assert load_yaml(path, ItemCache()) == load_yaml(path)


def test_a_broken_item_is_reported_as_in_the_whole_file(tmp_path: Path):
    path = tmp_path / "refs.yaml"
    path.write_text("- id: a\n  title: A\n- id: b\n  title: [unclosed\n- id: c\n", "utf-8")
    with pytest.raises(UserError) as whole:
        load_yaml(path)
    with pytest.raises(UserError) as items:
        load_yaml(path, ItemCache())
    assert str(items.value) == str(whole.value)
