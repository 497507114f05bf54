"""Visitors' journeys through the demo site in Chromium, each with the mouse and with the keyboard alone."""

import re
import uuid

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

pytestmark = pytest.mark.browser

E_CIGARETTES_ARTICLE = "thuoc-la-dien-tu-tac-hai-va-quy-dinh-cam"
LIBRARY_TITLE = "Thư viện tài liệu"
HOME_TITLE = "Trang chủ"
ARTICLE_INDEX_TITLE = "Tìm hiểu pháp luật"
PARAGRAPH_BLOCK = "Đoạn văn"


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
    # response's body: the same browser context asks for the URL again to read
    # the bytes (an in-page fetch races with the viewer's navigation).
    assert page.context.request.get(document.value.url).body() == uploaded


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


def sign_in(visitor, username, password):
    page = visitor.page
    page.goto("/admin/login/")
    visitor.type_into(page.locator("#id_username"), username)
    visitor.type_into(page.locator("#id_password"), password)
    visitor.activate(page.locator("form button[type=submit]"))
    expect(page).to_have_url(re.compile(r"/admin/$"))


def explore_link(page, title):
    """The page explorer's link to the children of the page called `title`."""
    return page.locator(f"a[aria-label*=\"'{title}'\"][href^='/admin/pages/']:not([href$='/add_subpage/'])")


def write_article(visitor, *, title, summary, paragraph):
    """In the admin: go to the article index, add an article and submit it for review."""
    page = visitor.page
    page.goto("/admin/pages/")
    visitor.activate(explore_link(page, HOME_TITLE))
    visitor.activate(explore_link(page, ARTICLE_INDEX_TITLE))
    visitor.activate(page.locator("a[href$='/add_subpage/']").first)
    visitor.type_into(page.locator("#id_title"), title)
    visitor.type_into(page.locator("#id_summary"), summary)
    visitor.activate(page.locator("#body-root .c-sf-add-button").first)
    if visitor.mode == "keyboard":
        # The block chooser's search box follows the button; arrow keys pick an option.
        page.keyboard.press("Tab")
        page.keyboard.type(PARAGRAPH_BLOCK)
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
    else:
        page.get_by_role("option", name=PARAGRAPH_BLOCK).click()
    paragraph_editor = page.locator("#body-root [contenteditable=true]").first
    expect(paragraph_editor).to_be_focused()
    page.keyboard.type(paragraph)
    # Wagtail autosaves the new page as a draft and turns the form into its edit
    # form: submitting before that would create the page a second time.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    visitor.activate(page.get_by_role("button", name="More actions"))
    visitor.activate(page.locator("button[name=action-submit]"))
    expect(page.locator(".messages")).to_contain_text(title)


def approve(visitor, title):
    """On the reviewer's dashboard: approve `title`, which publishes it."""
    page = visitor.page
    awaiting = page.locator("#awaiting-review-section")
    row = awaiting.locator("tr", has=page.get_by_role("link", name=title, exact=True))
    visitor.activate(row.get_by_role("button", name="Thao tác"))
    visitor.activate(row.get_by_role("button", name="Phê chuẩn", exact=True))
    expect(awaiting.get_by_role("link", name=title, exact=True)).to_have_count(0)


@pytest.mark.parametrize("mode", MODES)
def test_editor_writes_an_article_a_reviewer_approves_and_readers_find_it(open_page, live_site, mode):
    marker = uuid.uuid4().hex[:8]
    title = f"Phòng tránh đuối nước khi đi bơi mùa hè ({mode} {marker})"

    editor = Visitor(open_page(DESKTOP), mode)
    sign_in(editor, live_site.editor, live_site.password)
    write_article(
        editor,
        title=title,
        summary="Những điều cha mẹ cần dặn con trước khi cho con đi bơi ở sông, hồ và bể bơi.",
        paragraph="Luôn có người lớn biết bơi đi cùng; không bơi khi vừa ăn no.",
    )
    reader = Visitor(open_page(PHONE), mode)
    reader.page.goto("/")
    expect(reader.page.get_by_role("link", name=title)).to_have_count(0)

    reviewer = Visitor(open_page(DESKTOP), mode)
    sign_in(reviewer, live_site.reviewer, live_site.password)
    approve(reviewer, title)

    reader.page.goto("/")
    visitor_link = reader.page.locator("main").get_by_role("link", name=title, exact=True)
    reader.activate(visitor_link)
    expect(reader.page.get_by_role("heading", level=1)).to_have_text(title)
    reader.page.goto("/")
    reader.type_into(reader.page.locator("main #site-search"), f"phong tranh duoi nuoc {marker}")
    reader.page.keyboard.press("Enter")
    expect(reader.page).to_have_url(re.compile(r"/search/\?q="))
    assert title in result_titles(reader.page)
