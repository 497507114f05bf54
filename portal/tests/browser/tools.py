"""What the browser tests need from the machine, and whether it is there.

Chromium comes from Debian (`/usr/bin/chromium`), never downloaded by
Playwright; axe-core comes from npm (`npm ci` installs package-lock.json).
When one is missing the browser tests skip, or fail when
`CI_REQUIRE_BROWSER=1` (as `.ci/run` sets).
"""

import importlib.util
import os
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
REPOSITORY = Path(__file__).resolve().parents[3]
AXE_SCRIPT = REPOSITORY / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS_DIR = REPOSITORY / "artifacts" / "screenshots"
REQUIRE_VARIABLE = "CI_REQUIRE_BROWSER"


def browser_required():
    return os.environ.get(REQUIRE_VARIABLE) == "1"


def missing_tools():
    """Human-readable descriptions of what is missing; empty when everything is there."""
    missing = []
    if importlib.util.find_spec("playwright") is None:
        missing.append("the playwright Python package (pip install -r requirements-dev.txt)")
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    if not AXE_SCRIPT.is_file():
        missing.append(f"{AXE_SCRIPT.relative_to(REPOSITORY)} (npm ci)")
    return missing


def missing_message(missing):
    return "browser and accessibility tests cannot run, missing: " + "; ".join(missing)
