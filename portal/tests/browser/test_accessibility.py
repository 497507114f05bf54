"""axe-core finds no WCAG 2.1 A/AA violation on any page type, in both languages, on phones and desktops.

Each page is also saved as a screenshot under artifacts/screenshots/.
"""

import pytest

from portal.tests.browser.support import (
    VIEWPORTS,
    axe_violations,
    describe_violations,
    new_context,
    screenshot,
    translation_of,
)

pytestmark = pytest.mark.browser

ARTICLE = "thuoc-la-dien-tu-tac-hai-va-quy-dinh-cam"
GUIDANCE = "cam-nang-cha-me-phong-chong-xam-hai-tre-em"
CAMPAIGN = "truong-hoc-khong-khoi-thuoc-nam-hoc-2026-2027"

# page type -> (status, Vietnamese path, English path)
PAGES = {
    "home": (200, "/", "/en/"),
    "article-index": (200, "/tim-hieu-phap-luat/", "/en/know-the-law/"),
    "article": (
        200,
        f"/tim-hieu-phap-luat/{ARTICLE}/",
        f"/en/know-the-law/{translation_of('article', ARTICLE)['slug']}/",
    ),
    "library": (200, "/thu-vien-tai-lieu/", "/en/resources/"),
    "library-filtered": (
        200,
        "/thu-vien-tai-lieu/?level=primary&type=guide",
        "/en/resources/?level=primary&type=guide",
    ),
    "guidance": (
        200,
        f"/thu-vien-tai-lieu/{GUIDANCE}/",
        f"/en/resources/{translation_of('resource', GUIDANCE)['slug']}/",
    ),
    "campaign-index": (200, "/chien-dich/", "/en/campaigns/"),
    "campaign": (
        200,
        f"/chien-dich/{CAMPAIGN}/",
        f"/en/campaigns/{translation_of('campaign', CAMPAIGN)['slug']}/",
    ),
    "standard-page": (200, "/gioi-thieu/", "/en/about/"),
    "search-form": (200, "/search/", "/en/search/"),
    "search-results": (200, "/search/?q=thuoc+la+dien+tu", "/en/search/?q=e-cigarettes"),
    "search-no-results": (200, "/search/?q=khongcoketquanao", "/en/search/?q=nothingmatchesthis"),
    "not-found": (404, "/trang-khong-ton-tai/", "/en/no-such-page/"),
}
LOCALES = {"vi": 1, "en": 2}


@pytest.fixture(scope="module")
def page_per_viewport(browser, live_site):
    """One page per viewport, reused by every check: only anonymous visits, nothing to reset."""
    # The CSP forbids inline scripts, which is how Playwright injects axe-core.
    contexts = {
        name: new_context(browser, live_site, viewport, bypass_csp=True) for name, viewport in VIEWPORTS.items()
    }
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("viewport_name", VIEWPORTS)
@pytest.mark.parametrize("language", LOCALES)
@pytest.mark.parametrize("page_type", PAGES)
def test_page_type_has_no_accessibility_violations(page_per_viewport, page_type, language, viewport_name):
    status, path = PAGES[page_type][0], PAGES[page_type][LOCALES[language]]
    page = page_per_viewport[viewport_name]

    response = page.goto(path)

    assert response.status == status
    assert page.locator("html").get_attribute("lang") == language
    screenshot(page, f"{page_type}-{language}-{viewport_name}")
    violations = axe_violations(page)
    assert not violations, f"axe-core on {path} ({viewport_name}):\n{describe_violations(violations)}"
