"""Visitors' journeys through the demo site in Chromium, each with the mouse and with the keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from portal.tests.browser.support import (
    DEMO_BUNDLE,
    DESKTOP,
    MODES,
    PHONE,
    Visitor,
    demo_entries,
    demo_entry,
    translation_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

E_CIGARETTES_ARTICLE = "thuoc-la-dien-tu-tac-hai-va-quy-dinh-cam"
LIBRARY_TITLE = "Thư viện tài liệu"
FETCH_BYTES = "async url => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer()))"


def result_titles(page):
    return page.locator("main .card__title").all_inner_texts()


@pytest.mark.parametrize("mode", MODES)
def test_parent_on_a_phone_finds_an_article_with_an_accentless_query(open_page, mode):
    article = demo_entry("article", E_CIGARETTES_ARTICLE)
    page = open_page(PHONE)
    visitor = Visitor(page, mode)
    page.goto("/")

    visitor.type_into(page.locator("main #site-search"), "thuoc la dien tu")
    if mode == "keyboard":
        page.keyboard.press("Enter")
    else:
        page.locator("main form[role=search] button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/search/\?q=thuoc\+la\+dien\+tu"))
    assert result_titles(page)[0] == article["title"]
    visitor.activate(page.get_by_role("link", name=article["title"], exact=True))
    expect(page).to_have_url(re.compile(f"/{E_CIGARETTES_ARTICLE}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(article["title"])


@pytest.mark.parametrize("mode", MODES)
def test_teacher_filters_the_library_and_downloads_the_pdf(open_page, mode):
    level, resource_type = "lower-secondary", "guide"
    expected = [
        entry
        for entry in demo_entries("resource")
        if level in entry["school_levels"] and entry["resource_type"] == resource_type
    ]
    assert len(expected) == 1, "the demo bundle should hold one lower-secondary guide"
    resource = expected[0]
    page = open_page(DESKTOP)
    visitor = Visitor(page, mode)
    page.goto("/")

    visitor.activate(page.get_by_role("navigation", name="Chính").get_by_role("link", name=LIBRARY_TITLE))
    expect(page.get_by_role("heading", level=1)).to_have_text(LIBRARY_TITLE)
    filters = page.locator("form#filters")
    visitor.toggle(filters.locator(f"input[name=level][value={level}]"))
    visitor.toggle(filters.locator(f"input[name=type][value={resource_type}]"))
    visitor.activate(filters.locator("button[type=submit]"))

    expect(page).to_have_url(re.compile(f"level={level}"))
    assert re.search(f"type={resource_type}", page.url)
    assert result_titles(page) == [resource["title"]]
    visitor.activate(page.get_by_role("link", name=resource["title"], exact=True))
    expect(page.get_by_role("heading", level=1)).to_have_text(resource["title"])
    uploaded = (DEMO_BUNDLE / resource["file"]).read_bytes()
    with page.expect_response(re.compile(r"/documents/\d+/")) as document:
        visitor.activate(page.locator("a.download__link").first)
    assert document.value.status == 200
    assert document.value.header_value("content-type") == "application/pdf"
    assert int(document.value.header_value("content-length")) == len(uploaded)
    # Chromium shows a PDF served inline in its viewer, which replaces the
    # response's body: the page fetches the same URL again to read the bytes.
    assert bytes(page.evaluate(FETCH_BYTES, document.value.url)) == uploaded


@pytest.mark.parametrize("mode", MODES)
def test_reader_switches_to_english_and_back(open_page, mode):
    article = demo_entry("article", E_CIGARETTES_ARTICLE)
    english = translation_of("article", E_CIGARETTES_ARTICLE)
    page = open_page(PHONE if mode == "keyboard" else DESKTOP)
    visitor = Visitor(page, mode)
    page.goto(f"/tim-hieu-phap-luat/{E_CIGARETTES_ARTICLE}/")
    switcher = page.locator(".language-switcher")

    visitor.activate(switcher.get_by_role("link", name="English"))
    expect(page).to_have_url(re.compile(f"/en/[^/]+/{english['slug']}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(english["title"])

    visitor.activate(switcher.get_by_role("link", name="Tiếng Việt"))
    expect(page).to_have_url(re.compile(f"127.0.0.1:\\d+/tim-hieu-phap-luat/{E_CIGARETTES_ARTICLE}/$"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("heading", level=1)).to_have_text(article["title"])
