from pathlib import Path

import pytest

from litsite.errors import UserError
from litsite.write import MARKER, SiteFiles, write_site


def files(**kw: str) -> SiteFiles:
    f = SiteFiles()
    for k, v in kw.items():
        f.add(k.replace("__", "/").replace("_", "."), v)
    return f


@pytest.mark.parametrize("bad", ["../x", "/abs", "a/../../b", "", ".", "a//b", "a\\b", "./a"])
def test_unsafe_paths_refused(bad: str):
    with pytest.raises(ValueError):
        SiteFiles().add(bad, "x")


def test_one_path_written_once():
    f = SiteFiles()
    f.add("index.html", "a")
    with pytest.raises(ValueError, match="two pages"):
        f.add("index.html", "b")


def test_write_and_replace(tmp_path: Path):
    proj = tmp_path / "p"
    proj.mkdir()
    out = proj / "output"
    write_site(files(index_html="one", a__b_html="two"), out, proj)
    assert (out / "index.html").read_text() == "one" and (out / "a/b.html").read_text() == "two"
    assert (out / MARKER).exists()
    write_site(files(index_html="three"), out, proj)
    assert (out / "index.html").read_text() == "three" and not (out / "a").exists()
    assert sorted(p.name for p in proj.iterdir()) == ["output"]  # no temp dirs left behind


def test_refuses_project_root_and_sources(tmp_path: Path):
    proj = tmp_path / "p"
    (proj / "content").mkdir(parents=True)
    for bad in (proj, tmp_path, proj / "content"):
        with pytest.raises(UserError):
            write_site(files(index_html="x"), bad, proj)


def test_refuses_foreign_non_empty_dir(tmp_path: Path):
    proj = tmp_path / "p"
    proj.mkdir()
    other = tmp_path / "photos"
    other.mkdir()
    (other / "cat.jpg").write_text("meow")
    with pytest.raises(UserError, match="did not create"):
        write_site(files(index_html="x"), other, proj)
    assert (other / "cat.jpg").read_text() == "meow"


def test_failure_keeps_previous_output(tmp_path: Path):
    proj = tmp_path / "p"
    proj.mkdir()
    out = proj / "output"
    write_site(files(index_html="good"), out, proj)

    class Boom(SiteFiles):
        def __iter__(self):
            yield ("index.html", b"partial")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_site(Boom(), out, proj)
    assert (out / "index.html").read_text() == "good"
    assert sorted(p.name for p in proj.iterdir()) == ["output"]
