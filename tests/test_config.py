from pathlib import Path

import pytest

from litsite.config import load_config
from litsite.errors import UserErrors


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "site.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def errors_of(path: Path) -> list[str]:
    with pytest.raises(UserErrors) as exc:
        load_config(path)
    return [str(e) for e in exc.value.errors]


def test_defaults(tmp_path: Path):
    cfg = load_config(write(tmp_path, "title: T\n"))
    assert cfg.style == "apa" and cfg.styles == ("apa",) and cfg.locale == "en-US" and cfg.base_url == "/"


def test_style_always_offered_first(tmp_path: Path):
    cfg = load_config(write(tmp_path, "title: T\nstyle: ieee\nstyles: [apa, nature]\n"))
    assert cfg.styles == ("ieee", "apa", "nature")


def test_unknown_key_names_key_and_line(tmp_path: Path):
    p = write(tmp_path, "title: T\nstlye: apa\n")
    assert errors_of(p) == [f"{p}:2: unknown key 'stlye'; did you mean 'style'?"]


def test_bad_values_all_reported(tmp_path: Path):
    p = write(tmp_path, "title: T\nlocale: english\nbase_url: example.org\nstyles: 3\n")
    errs = errors_of(p)
    assert len(errs) == 3
    assert errs[0].startswith(f"{p}:2: locale:")
    assert errs[1].startswith(f"{p}:3: base_url:")
    assert errs[2].startswith(f"{p}:4: styles:")


def test_unknown_style_suggests(tmp_path: Path):
    p = write(tmp_path, "title: T\nstyle: vancouver\n")
    (err,) = errors_of(p)
    assert err.startswith(f"{p}:2: style: unknown CSL style 'vancouver'") and "vancouver-nlm" in err


def test_missing_title(tmp_path: Path):
    p = write(tmp_path, "style: apa\n")
    assert errors_of(p) == [f"{p}:1: missing required key 'title'"]


def test_local_csl_file(tmp_path: Path):
    (tmp_path / "mine.csl").write_text("<notcsl/>", encoding="utf-8")
    p = write(tmp_path, "title: T\nstyle: mine.csl\n")
    (err,) = errors_of(p)
    assert "is not a CSL style" in err and err.startswith(f"{p}:2:")


def test_base_url_gets_trailing_slash(tmp_path: Path):
    cfg = load_config(write(tmp_path, "title: T\nbase_url: https://u.github.io/repo\n"))
    assert cfg.base_url == "https://u.github.io/repo/"
