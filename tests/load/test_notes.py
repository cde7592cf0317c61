"""content/notes/ID.md and content/themes/SLUG.md: what loads, and every mistake as `path:line` with the closest
names."""

from __future__ import annotations

from pathlib import Path

import pytest

from litsite.errors import UserErrors
from litsite.load.content import load_content

REFS = """\
- id: berry2011
  type: article-journal
  title: Another rather than other
- id: walker2013
  type: article-journal
  title: Peer support in adult mental health services
"""


def make(tmp_path: Path, notes: dict[str, str], themes: dict[str, str] | None = None) -> Path:
    root = tmp_path / "content"
    (root / "notes").mkdir(parents=True)
    (root / "themes").mkdir()
    (root / "study.md").write_text("---\ntitle: S\ntype: article-journal\n---\nAbstract.\n", encoding="utf-8")
    (root / "references.yaml").write_text(REFS, encoding="utf-8")
    for name, text in notes.items():
        (root / "notes" / name).write_text(text, encoding="utf-8")
    for name, text in (themes or {"peer-support.md": "---\ntitle: Peer support\n---\nWhy.\n"}).items():
        (root / "themes" / name).write_text(text, encoding="utf-8")
    return root


def errors_of(root: Path) -> list[str]:
    with pytest.raises(UserErrors) as exc:
        load_content(root)
    return [str(e) for e in exc.value.errors]


def test_notes_and_themes_load(tmp_path: Path):
    root = make(tmp_path, {"berry2011.md": "---\nthemes: [peer-support]\nx-mine: 1\n---\nA study [@walker2013].\n"})
    content = load_content(root)
    (note,) = content.notes
    assert (note.ref_id, note.themes, note.page.body) == ("berry2011", ("peer-support",), "A study [@walker2013].\n")
    (theme,) = content.themes
    assert (theme.slug, theme.title, theme.page.body) == ("peer-support", "Peer support", "Why.\n")


def test_a_note_without_front_matter_and_a_single_theme_name(tmp_path: Path):
    root = make(tmp_path, {"berry2011.md": "Just text.\n", "walker2013.md": "---\nthemes: peer-support\n---\nX\n"})
    content = load_content(root)
    assert [(n.ref_id, n.themes) for n in content.notes] == [("berry2011", ()), ("walker2013", ("peer-support",))]


def test_a_note_for_an_unknown_id_names_the_closest_ids(tmp_path: Path):
    root = make(tmp_path, {"walker2031.md": "Text.\n", "Berry2011.md": "Text.\n"})
    errors = errors_of(root)
    assert len(errors) == 2
    assert errors[0].startswith(f"{root / 'notes' / 'Berry2011.md'}:1: no reference has the id 'Berry2011'")
    assert "did you mean 'berry2011'" in errors[0]
    assert errors[1].startswith(f"{root / 'notes' / 'walker2031.md'}:1: ")
    assert "did you mean 'walker2013'" in errors[1]


def test_a_note_naming_a_theme_without_a_file(tmp_path: Path):
    root = make(tmp_path, {"berry2011.md": "---\nx-a: 1\nthemes:\n  - peer-support\n  - peer-suport\n---\nText.\n"})
    (error,) = errors_of(root)
    assert error.startswith(f"{root / 'notes' / 'berry2011.md'}:5: theme 'peer-suport' has no file")
    assert "content/themes/peer-suport.md; did you mean 'peer-support'?" in error


def test_unknown_front_matter_keys_name_the_allowed_ones(tmp_path: Path):
    root = make(
        tmp_path,
        {"berry2011.md": "---\ntheme: [peer-support]\n---\nText.\n"},
        {"peer-support.md": "---\ntitle: Peer support\nnav_order: 2\n---\nWhy.\n"},
    )
    errors = sorted(errors_of(root))  # (notes/ sorts before themes/)
    assert f"{root / 'notes' / 'berry2011.md'}:2: unknown front matter key 'theme'; did you mean 'themes'?" in errors[0]
    assert "(a note has themes, and keys of your own prefixed 'x-')" in errors[0]
    assert errors[1].startswith(f"{root / 'themes' / 'peer-support.md'}:3: unknown front matter key 'nav_order'")
    assert "(a theme has title, and keys" in errors[1]


def test_theme_mistakes(tmp_path: Path):
    root = make(
        tmp_path,
        {"berry2011.md": "---\nthemes: [7]\n---\nText.\n"},
        {"Peer Support.md": "---\ntitle: P\n---\n", "risk.md": "No title.\n"},
    )
    errors = errors_of(root)
    bad_name = f"{root / 'themes' / 'Peer Support.md'}:1: a theme's file name is its address"
    assert any(e.startswith(bad_name) for e in errors)
    assert any("(e.g. peer-support.md)" in e for e in errors)
    assert f"{root / 'themes' / 'risk.md'}:1: a theme needs a title (text), e.g. title: Peer support" in errors
    assert f"{root / 'notes' / 'berry2011.md'}:2: themes must be a list of theme names, like [peer-support]" in errors


def test_a_page_may_not_take_the_themes_folder(tmp_path: Path):
    root = make(tmp_path, {})
    (root / "pages").mkdir()
    (root / "pages" / "themes.md").write_text("---\ntitle: T\n---\n", encoding="utf-8")
    (error,) = errors_of(root)
    assert "would replace the site's own themes/" in error


def test_the_cli_reports_a_bad_note_with_exit_status_2(project: Path, cli):  # type: ignore[no-untyped-def]
    (project / "content" / "notes" / "walker2031.md").write_text("Text.\n", encoding="utf-8")
    result = cli("--project", str(project), "build")
    assert result.status == 2
    assert "walker2031.md:1: no reference has the id 'walker2031'" in result.err
    assert "did you mean 'walker2013'" in result.err
    assert "Traceback" not in result.err


def test_notes_wait_for_references_without_mistakes(tmp_path: Path):
    """A references.yaml with a mistake is the one error: the notes are checked once it loads."""
    root = make(tmp_path, {"walker2013.md": "---\nthemes: [nope]\n---\nText.\n"})
    (root / "references.yaml").write_text(
        REFS.replace("- id: walker2013", "- id: walker2013\n  issued: 2013-13"), "utf-8"
    )
    (error,) = errors_of(root)
    assert error.startswith(f"{root / 'references.yaml'}:5: issued:")
