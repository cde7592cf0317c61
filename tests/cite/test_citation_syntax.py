"""Pandoc's citation syntax, rendered: the README's examples literally, and the same clusters as pandoc renders them
(when pandoc is installed: `apt-get install pandoc`)."""

from __future__ import annotations

import dataclasses
import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from litsite.cite.stage import cite
from litsite.cite.syntax import replace_clusters
from litsite.csl.styles import resolve_style
from litsite.pipeline import load_sources

REPO = Path(__file__).resolve().parents[2]
ROW = re.compile(r"^\s*\| `(?P<md>[^`]+)` \| (?P<shown>.+?) \|\s*$")


def readme_examples() -> list[tuple[str, str]]:
    """The README's table of citation examples: (Markdown, what the page shows)."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- citation examples")[1].split("<!-- /citation examples -->")[0]
    return [(m.group("md"), m.group("shown")) for m in map(ROW.match, block.splitlines()) if m]


def render(project: Path, paragraphs: list[str], style: str = "apa") -> list[str]:
    """Each paragraph of Markdown with its citations as the style renders them (plain text)."""
    study = project / "content" / "study.md"
    head = study.read_text(encoding="utf-8").split("\n---\n")[0]
    study.write_text(head + "\n---\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    config, content = load_sources(project)
    cited = cite(dataclasses.replace(config, styles=(style,), style_refs=(resolve_style(style, config.root),)), content)
    doc = cited.docs[study]
    texts = [html.unescape(re.sub(r"<[^>]+>", "", cited.default.citations[i])) for _, _, i in doc.spans]
    spans = [(s, e, None) for s, e, _ in doc.spans]
    body = replace_clusters(doc.page.body, spans, texts)  # type: ignore[arg-type]
    return [p.strip() for p in body.strip().split("\n\n")]


def test_the_readme_examples_render_as_written(project: Path):
    examples = readme_examples()
    assert len(examples) >= 10
    got = render(project, [md for md, _ in examples])
    assert [(md, g) for (md, _), g in zip(examples, got, strict=True)] == examples


# Clusters whose parsing (prefix, locator, label, suffix, spacing) pandoc and litsite must agree on. Left out: what
# the two renderers (pandoc's citeproc and citeproc-js, which litsite follows) print differently from the same cite:
# APA's `is-numeric="locator"` ("Chapter 3", "Lines 3–4"; pandoc 2.17: "3", "3–4") and its own locale's "no.".
SYNTAX = [
    "[@berry2011]",
    "[see @berry2011; @chinman2010]",
    "[see also @berry2011, p. 33]",
    "[@berry2011, pp. 33-35, 38]",
    "[@berry2011 and passim]",
    "[-@berry2011]",
    "@berry2011 [p. 33] says",
    "@berry2011 says",
    "[@berry2011 p. 33]",
    "[@berry2011, p. 33, emphasis added]",
    "[@berry2011; see @mason2002, p. 4]",
    "[@berry2011, 33]",
    "[@berry2011, sec. 4.2; @mason2002, para. 3]",
    "[*see* @berry2011, p. 33]",
    "[@berry2011, p. 33 and passim]",
    "[@berry2011, pp. iv, vi-xi]",
    "[@berry2011, ch. 3]",
    "[@berry2011, p 33]",
    "[@berry2011, § 3]",
    "[@berry2011, ¶ 3]",
    "[@berry2011, vol. 2]",
    "[@berry2011, iv]",
    "[@berry2011, p. iv]",
    "[@berry2011, p. 33, 35 and passim]",
    "[@berry2011,p. 33]",
    "[@berry2011, fig. 2]",
    "[@berry2011, 33 and passim]",
    "[@berry2011, p. 3.2]",
    "[@berry2011, {pp. 33-35, 38}]",
    "[@berry2011, p. 33a]",
    "[see @berry2011 p. 33 and passim; also @mason2002]",
    "[@berry2011, para 3]",
    "[@berry2011, P. 33]",
    "[@berry2011, s.v. foo]",
    "[@berry2011, bk. 3]",
    "[@berry2011, and elsewhere]",
    "[e.g., @berry2011; @chinman2010, pp. 1-2]",
]


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is not installed (apt-get install pandoc)")
@pytest.mark.parametrize("style", ["apa", "chicago-author-date"])
def test_clusters_render_as_pandoc_renders_them(project: Path, tmp_path: Path, style: str):
    _, content = load_sources(project)
    refs = tmp_path / "refs.json"
    refs.write_text(json.dumps([r.csl for r in content.references]), encoding="utf-8")
    source = tmp_path / "in.md"
    source.write_text("\n\n".join(SYNTAX) + "\n", encoding="utf-8")
    csl = resolve_style(style).path
    args = ["pandoc", str(source), "-f", "markdown-smart", "--citeproc", "--bibliography", str(refs), "--csl", str(csl)]
    out = subprocess.run([*args, "-t", "plain", "--wrap=none"], capture_output=True, text=True, check=True).stdout
    pandoc = [p.strip() for p in out.split("\n\n")[: len(SYNTAX)]]
    assert render(project, SYNTAX, style) == pandoc
