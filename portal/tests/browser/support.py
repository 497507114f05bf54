"""Helpers of the browser tests: viewports, acting with mouse or keyboard alone, axe-core, the demo bundle."""

import json

from portal.tests.browser import site_server, tools

DEMO_BUNDLE = tools.REPOSITORY / site_server.DEMO_BUNDLE

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

MOUSE = "mouse"
KEYBOARD = "keyboard"
MODES = (MOUSE, KEYBOARD)

# Generous: the tests share a small machine with the rest of the suite.
ACTION_TIMEOUT_MS = 30_000
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_TAB_PRESSES = 400

_IS_FOCUSED = "element => element === document.activeElement"
# 1 when `element` comes after the focused element in the document, else -1.
_DIRECTION_FROM_FOCUS = """element => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return 1;
    return focused.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1;
}"""


def new_context(browser, live_site, viewport, **context_options):
    """A fresh browser context (no cookies) on the live site, sized and behaving like a phone or a desktop."""
    is_phone = viewport == PHONE
    context = browser.new_context(
        base_url=live_site.url,
        viewport=viewport,
        is_mobile=is_phone,
        has_touch=is_phone,
        locale="vi-VN",
        **context_options,
    )
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    # The site has no favicon: each page's request for one would cost the
    # single-threaded server a 404 page.
    context.route("**/favicon.ico", lambda route: route.abort())
    return context


class Visitor:
    """Acts on a page like a person using the mouse, or the keyboard alone.

    With the keyboard, every element is reached with Tab or Shift+Tab from
    where the focus is, links and buttons are activated with Enter and
    checkboxes with Space: no clicks at all.
    """

    def __init__(self, page, mode):
        self.page = page
        self.mode = mode

    def focus(self, locator):
        if self.mode == MOUSE:
            locator.click()
        else:
            tab_to(self.page, locator)

    def type_into(self, locator, text):
        self.focus(locator)
        self.page.keyboard.type(text)

    def activate(self, locator):
        """Follow a link or press a button."""
        if self.mode == MOUSE:
            locator.click()
        else:
            tab_to(self.page, locator)
            self.page.keyboard.press("Enter")

    def toggle(self, locator):
        """Tick or untick a checkbox or radio button."""
        if self.mode == MOUSE:
            locator.click()
        else:
            tab_to(self.page, locator)
            self.page.keyboard.press("Space")


def tab_to(page, locator):
    """Move the focus to `locator` with Tab (or Shift+Tab when it comes before the focus)."""
    locator.wait_for(state="visible")
    key = "Tab" if locator.evaluate(_DIRECTION_FROM_FOCUS) > 0 else "Shift+Tab"
    for _ in range(MAX_TAB_PRESSES):
        if locator.evaluate(_IS_FOCUSED):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{locator} was not reached with {MAX_TAB_PRESSES} presses of {key}")


def axe_violations(page):
    """Run axe-core on the page for WCAG 2.1 A and AA; returns its violations."""
    page.add_script_tag(path=str(tools.AXE_SCRIPT))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return results["violations"]


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def screenshot(page, name):
    tools.SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    # JPEG: several times faster than PNG for long pages, and good enough to look at.
    page.screenshot(path=str(tools.SCREENSHOTS_DIR / f"{name}.jpg"), full_page=True, type="jpeg", quality=80)


def demo_entries(kind, *, locale="vi"):
    """The demo bundle's entries of `kind` ("article", "resource"...) in `locale` (see content-format.md)."""
    with (DEMO_BUNDLE / "content.jsonl").open(encoding="utf-8") as bundle:
        entries = [json.loads(line) for line in bundle if line.strip() and not line.startswith("#")]
    return [entry for entry in entries if entry["kind"] == kind and entry.get("locale", "vi") == locale]


def demo_entry(kind, slug, *, locale="vi"):
    return next(entry for entry in demo_entries(kind, locale=locale) if entry["slug"] == slug)


def translation_of(kind, slug, *, locale="en"):
    return next(entry for entry in demo_entries(kind, locale=locale) if entry.get("translation_of") == slug)
