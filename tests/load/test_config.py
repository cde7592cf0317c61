from pathlib import Path

import pytest

from litsite.errors import UserErrors
from litsite.load.config import load_config


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


def test_command_line_base_url_is_checked_as_site_yaml_s(tmp_path: Path):
    path = write(tmp_path, "title: T\nbase_url: https://u.github.io/repo/\n")
    assert load_config(path, " https://example.org/site").base_url == "https://example.org/site/"
    with pytest.raises(UserErrors) as exc:
        load_config(path, "example.org")
    assert [str(e) for e in exc.value.errors] == [
        "--base-url: must be an absolute URL such as https://user.github.io/repo/ or a path such as /repo/"
    ]


def test_styles_are_resolved_once_with_their_digest(tmp_path: Path):
    cfg = load_config(write(tmp_path, "title: T\nstyle: vancouver-nlm\nstyles: [apa, vancouver-nlm]\n"))
    assert [r.name for r in cfg.style_refs] == ["vancouver-nlm", "apa"]
    assert [r.uses_position for r in cfg.style_refs] == [True, False]
    assert all(len(r.digest) == 64 and r.path.is_file() for r in cfg.style_refs)


def test_default_style_comes_first_even_when_listed_later(tmp_path: Path):
    cfg = load_config(write(tmp_path, "title: T\nstyle: vancouver-nlm\nstyles: [apa, vancouver-nlm]\n"))
    assert cfg.styles == ("vancouver-nlm", "apa")


def test_style_labels_for_the_menu(tmp_path: Path):
    text = "title: T\nstyles:\n  - apa\n  - {name: vancouver-nlm, label: '  Vancouver '}\n"
    cfg = load_config(write(tmp_path, text))
    assert cfg.styles == ("apa", "vancouver-nlm")
    assert cfg.style_label("vancouver-nlm", "Vancouver - NLM (citation-sequence)") == "Vancouver"
    assert cfg.style_label("apa", "APA Style 7th edition") == "APA Style 7th edition"


def test_style_entry_unknown_key_and_bad_label_are_named(tmp_path: Path):
    p = write(tmp_path, "title: T\nstyles:\n  - name: apa\n    lable: APA\n  - name: ieee\n    label: 3\n")
    assert errors_of(p) == [
        f"{p}:4: styles: unknown key 'lable'; did you mean 'label'?",
        f"{p}:6: styles: label must be a non-empty string",
    ]


def test_style_entry_without_name(tmp_path: Path):
    p = write(tmp_path, "title: T\nstyles:\n  - label: APA\n")
    (err,) = errors_of(p)
    assert err.startswith(f"{p}:3: styles: must be a list of CSL style names")
