from pathlib import Path

import pytest

from litsite.errors import UserError
from litsite.yamlfile import load_yaml, parse_yaml


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
