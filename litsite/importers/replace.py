"""What `import --force` keeps of the content it replaces: only what the owner added by hand for the same article."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from litsite.errors import UserError
from litsite.load.yamlfile import safe_load


@dataclass(frozen=True)
class Replacement:
    """The study to write (None: leave study.md as it is), what was kept and dropped, and notes for the user."""

    study: dict | None
    kept: tuple[str, ...]
    dropped: tuple[str, ...]
    notes: tuple[str, ...]
    stale_record: Path | None = None  # the old article's record copy under content/records/, to remove
    same: bool = False  # the new record is the old study's article


def front_matter(study_path: Path) -> dict | None:
    """The front matter of an existing study.md (None if there is none or it cannot be read)."""
    try:
        text = study_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    m = re.match(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", text, re.S | re.M)
    try:
        meta = safe_load(m.group(1), study_path) if m else None  # no aliases, bounded depth
    except (yaml.YAMLError, UserError):
        return None
    return meta if isinstance(meta, dict) else None


def normalised_title(title: object) -> str:
    """A title compared ignoring case, accents, punctuation, spacing and markup: 'Peer worker roles…'."""
    text = unicodedata.normalize("NFKD", re.sub(r"<[^>]*>", "", str(title or "")))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[^\W_]+", text))


def _doi(study: dict) -> str:
    doi = str(study.get("DOI") or "").strip().casefold()
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi)


def same_article(old: dict, new: dict) -> bool:
    """Whether two studies are the same article: the same DOI (ignoring case) when both have one, else the same
    normalised title. A DOI the owner added by hand counts: the record it was added to lacked one."""
    old_doi, new_doi = _doi(old), _doi(new)
    if old_doi and new_doi:
        return old_doi == new_doi
    old_title, new_title = normalised_title(old.get("title")), normalised_title(new.get("title"))
    return bool(old_title) and old_title == new_title


def _hand_block(meta: dict) -> tuple[dict, list[str]]:
    block = meta.get("added-by-hand")
    if not isinstance(block, dict):
        return {}, []
    fields = block.get("fields") if isinstance(block.get("fields"), list) else []
    return block, [f for f in fields if isinstance(f, str) and f in meta]


def _label(meta: dict) -> str:
    title = str(meta.get("title") or "").strip()
    short = title if len(title) <= 70 else title[:67].rstrip() + "…"
    doi = str(meta.get("DOI") or "").strip()
    return (f"“{short}”" if short else "a study without title") + (f" (DOI {doi})" if doi else "")


def replace_study(new: dict, content_dir: Path, record_name: str) -> Replacement:
    """What a forced import of an article (new: its study) writes to study.md instead of the old one."""
    study_path = content_dir / "study.md"
    old = front_matter(study_path) if study_path.exists() else None
    if old is None:
        note = f"{study_path}: replaced (it could not be read as a study)" if study_path.exists() else None
        return Replacement(dict(new), (), (), (note,) if note else ())
    block, fields = _hand_block(old)
    if same_article(old, new):
        study = {**new, **{f: old[f] for f in fields}}
        if block:
            study["added-by-hand"] = block
        notes = [f"{study_path}: the same article ({_label(new)}): the study's fields come from the new record"]
        if fields:
            notes.append(f"kept what you added by hand for it: {', '.join(fields)}")
        return Replacement(study, tuple(fields), (), tuple(notes), same=True)
    notes = [
        f"{study_path}: replaced {_label(old)} by a different article, {_label(new)}: nothing of the old study is kept"
    ]
    if fields:
        notes.append(f"dropped what was added by hand for the old article: {', '.join(fields)}")
    if title := _site_title(content_dir.parent / "site.yaml"):
        notes.append(
            f"{content_dir.parent / 'site.yaml'}: the site's title is still {title!r}: set it for the new article"
        )
    stale = _old_record(old, content_dir, record_name)
    if stale is not None:
        notes.append(f"removed the old article's record copy {stale}")
    return Replacement(dict(new), (), tuple(fields), tuple(notes), stale)


def _site_title(site: Path) -> str | None:
    """The title site.yaml gives the site (None if there is no readable one): it named the old article's site."""
    try:
        meta = safe_load(site.read_text(encoding="utf-8"), site)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, UserError):
        return None
    title = meta.get("title") if isinstance(meta, dict) else None
    return str(title) if title else None


def _old_record(old: dict, content_dir: Path, record_name: str) -> Path | None:
    """The old study's record copy, if it is a file directly under content/records/ other than the new copy."""
    source = old.get("source-record")
    if not isinstance(source, str) or not re.fullmatch(r"records/[^/\\]+", source):
        return None
    path = content_dir / source
    if path.name == record_name or path.name.startswith(".") or not path.is_file() or path.is_symlink():
        return None
    return path


def dangling_citations(content_dir: Path, ids: set[str]) -> list[str]:
    """`file:line: cites @key` for each citation of study.md and content/pages/*.md to an id not in ids."""
    from litsite.cite.syntax import find_clusters

    folded = {i.casefold() for i in ids}
    found = []
    for doc in [content_dir / "study.md", *sorted((content_dir / "pages").glob("*.md"))]:
        try:
            text = doc.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        for _start, _end, cluster in find_clusters(text):
            found += [f"{doc}:{cluster.line}: @{c.id}" for c in cluster.cites if c.id.casefold() not in folded]
    return found


def library_note(content_dir: Path, n_references: int, old_references: bool) -> tuple[str, ...]:
    """What a library import (references only) tells the user about the study, which it leaves as it was."""
    study_path = content_dir / "study.md"
    refs_path = content_dir / "references.yaml"
    verb = "replaced" if old_references else "wrote"
    notes = [f"{refs_path}: {verb} with the library's {n_references} references"]
    old = front_matter(study_path) if study_path.exists() else None
    if old is not None and str(old.get("title") or "").strip():
        notes.append(
            f"{study_path}: the study stayed as it was ({_label(old)}), and the site lists these references as its "
            "references; delete content/study.md (or its title and article fields) to make a bibliography site"
        )
    else:
        notes.append("no study: this is a bibliography site (the references index is its home page)")
    return tuple(notes)
