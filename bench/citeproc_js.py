"""Run citeproc-js (npm `citeproc`, the reference CSL implementation) from Python, for harnesses in bench/.

Never imported by the tests: they compare against golden files this produced.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "citeproc_js"
sys.path.insert(0, str(HERE.parent.parent))

from litsite.csl.styles import resolve_style  # noqa: E402


def ensure_installed() -> None:
    """Install the pinned citeproc-js into bench/citeproc_js/node_modules if it is missing."""
    if not (HERE / "node_modules" / "citeproc").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def locales_dir() -> Path:
    """citeproc-py's locale files, so both engines read the same locale data."""
    import citeproc

    return Path(citeproc.__file__).parent / "data" / "locales"


def render(items: list[dict], style: str, fmt: str = "text", citations: bool = False, lang: str = "en-US") -> dict:
    """Format items with citeproc-js: {"bibliography": [{"id", "entry"}], "citations": [{"id", "text"}]}."""
    ensure_installed()
    job = {
        "style": str(resolve_style(style).path),
        "locales_dir": str(locales_dir()),
        "lang": lang,
        "items": items,
        "format": fmt,
        "citations": citations,
    }
    proc = subprocess.run(
        ["node", str(HERE / "render.js")], input=json.dumps(job), capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"citeproc-js failed: {proc.stderr.strip()}")
    return json.loads(proc.stdout)


if __name__ == "__main__":
    # python bench/citeproc_js.py STYLE items.json [--citations] [--html]
    data = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    result = render(data, sys.argv[1], "html" if "--html" in sys.argv else "text", "--citations" in sys.argv)
    for entry in result["bibliography"]:
        print(entry["entry"])
    for cite in result["citations"]:
        print(cite["text"])
