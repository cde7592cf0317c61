"""Regenerate docs/screenshots/*.png: the example site in headless Chromium at desktop and phone widths.

python docs/screenshots/make.py [NAME ...]    # NAME: only these, e.g. theme-desktop note-desktop
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import browserkit as bk  # noqa: E402

from litsite.pipeline import build_site  # noqa: E402

PAGES = {"study": "", "references": "references/", "reference": "references/gillard2013/"}
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
ONLY = set(sys.argv[1:])  # the screenshots to write (file names without .png); none given: all
# A JATS article with a body (PLOS, CC BY), imported as a user would: its full text and where each work is cited.
JATS = REPO / "tests" / "data" / "records" / "jats" / "plos-ntd-jats" / "pntd.0002065.nxml"
VANCOUVER = [
    ("references", "references/", "desktop"),
    ("study", "#references", "desktop"),
    ("reference", PAGES["reference"], "phone"),
]


def shoot(drv: object, url: str, path: Path, width: int, height: int, dark: bool = False, scroll: str = "") -> None:
    """One viewport screenshot of url at width × height."""
    if ONLY and path.stem not in ONLY:
        return
    drv.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    scheme = "dark" if dark else "light"
    drv.execute_cdp_cmd(  # type: ignore[attr-defined]
        "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
    )
    drv.get(url)  # type: ignore[attr-defined]
    time.sleep(0.5)
    if scroll:
        drv.execute_script(f"document.querySelector('{scroll}').scrollIntoView()")  # type: ignore[attr-defined]
        time.sleep(0.2)
    drv.save_screenshot(str(path))  # type: ignore[attr-defined]
    print(f"wrote {path.relative_to(REPO)}")


def main() -> int:
    """Build the example site, serve it, and write the screenshots."""
    if bk.missing():
        print(f"cannot take screenshots: {bk.missing()}")
        return 1
    www = Path(tempfile.mkdtemp(prefix="litsite-shots-"))
    server = bk.Server(www)
    try:
        build_site(REPO, www / "repo", base_url=f"{server.origin}/repo/")
        with bk.browser() as drv:
            for name, path in PAGES.items():
                for size, (w, h) in SIZES.items():
                    shoot(drv, f"{server.origin}/repo/{path}", HERE / f"{name}-{size}.png", w, h)
            shoot(drv, f"{server.origin}/repo/", HERE / "study-phone-dark.png", 390, 844, dark=True)
            shoot(drv, f"{server.origin}/repo/references/", HERE / "charts-desktop.png", 1280, 900, scroll="#overview")
            # The reviewer's note on a reference page, and a theme page.
            origin = f"{server.origin}/repo/"
            shoot(drv, f"{origin}references/walker2013/", HERE / "note-desktop.png", 1280, 900)
            shoot(drv, f"{origin}themes/reviews-of-peer-support/", HERE / "theme-desktop.png", 1280, 900)
            # A numbered style (Vancouver), chosen as a reader would: the switcher's remembered choice.
            drv.execute_script("localStorage.setItem('litsite-style', 'vancouver-nlm')")  # type: ignore[attr-defined]
            for name, path, size in VANCOUVER:
                w, h = SIZES[size]
                shoot(drv, f"{server.origin}/repo/{path}", HERE / f"{name}-vancouver-{size}.png", w, h)
            drv.execute_script("localStorage.clear()")  # type: ignore[attr-defined]
            full_text(drv, www, server.origin)
    finally:
        server.close()
    return 0


def full_text(drv: object, www: Path, origin: str) -> None:
    """The JATS article imported and built: its study page (contents, linked citations) and a reference page with
    the sentences that cite the work."""
    project = www / "jats-project"
    project.mkdir()
    shutil.copy(REPO / "site.yaml", project / "site.yaml")
    shutil.copytree(REPO / "templates", project / "templates")
    cli = [sys.executable, str(REPO / "build.py"), "--project", str(project)]
    subprocess.run([*cli, "import", str(JATS)], check=True, capture_output=True)
    subprocess.run([*cli, "--out", str(www / "jats"), "--base-url", f"{origin}/jats/"], check=True, capture_output=True)
    shoot(drv, f"{origin}/jats/", HERE / "fulltext-desktop.png", 1280, 900, scroll=".toc")
    shoot(drv, f"{origin}/jats/references/dinap2002/", HERE / "contexts-desktop.png", 1280, 900, scroll="#in-study")


if __name__ == "__main__":
    sys.exit(main())
