"""Pass rate of litsite.csl.engine on the official CSL test suite; `--known` rewrites the ratchet list."""

from __future__ import annotations

import datetime
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from csl.suite_runner import fixtures, passes  # noqa: E402

KNOWN = ROOT / "tests" / "csl" / "suite_known_failures.txt"
README = Path(__file__).resolve().parent / "README.md"


def main(argv: list[str]) -> None:
    """Run every fixture, print the pass rate, write it into the README."""
    start = time.time()
    paths = fixtures()
    failed = [p.stem for p in paths if not passes(p)]
    if not paths:
        sys.exit("CSL test suite not found")
    passed = len(paths) - len(failed)
    line = (
        f"CSL test suite: {passed}/{len(paths)} fixtures pass ({100 * passed / len(paths):.1f}%), "
        f"measured {datetime.date.today().isoformat()} in {time.time() - start:.0f} s "
        "(citeproc-py 0.11.1 as shipped: about 504/845, 60%)."
    )
    print(line)
    text = README.read_text(encoding="utf-8")
    block = f"<!-- suite -->\n{line}\n<!-- /suite -->"
    if "<!-- suite -->" in text:
        text = re.sub(r"<!-- suite -->.*<!-- /suite -->", lambda _: block, text, flags=re.S)
    else:
        text += f"\n## CSL test suite\n\n{block}\n"
    README.write_text(text, encoding="utf-8")
    if "--known" in argv:
        KNOWN.write_text("\n".join(sorted(failed)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
