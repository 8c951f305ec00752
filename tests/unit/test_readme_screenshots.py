"""Every screenshot the README shows is committed, and every one the script writes is shown:
whether they are fresh, no test asks (`make screenshots` rewrites them)."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IMAGE = re.compile(r"!\[[^\]]+\]\((docs/screenshots/[^)]+\.png)\)")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# A viewport-sized PNG of these plain pages is under 100 KB; more means a full page or a photo.
MOST_BYTES = 200_000


def shown() -> list[str]:
    return IMAGE.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_every_screenshot_the_readme_shows_is_a_committed_png():
    assert len(shown()) >= 8
    for path in shown():
        assert (ROOT / path).read_bytes()[:8] == PNG_SIGNATURE, path


def test_the_readme_shows_every_screenshot_the_script_writes():
    # run_name other than __main__: the script's module only, no server and no browser.
    script = runpy.run_path(str(ROOT / "scripts" / "screenshots.py"), run_name="screenshots")
    written = {f"docs/screenshots/{name}" for name, *_ in script["SHOTS"]}
    assert written == set(shown())


def test_the_screenshots_stay_small():
    sizes = {path: (ROOT / path).stat().st_size for path in shown()}
    assert max(sizes.values()) < MOST_BYTES, sizes
