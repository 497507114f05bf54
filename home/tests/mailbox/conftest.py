import pytest
from django.core.cache import cache

from home.demo import ensure_mailbox_page
from home.factories import HotlineFactory
from home.models import PortalSettings, PortalSettingsHotline


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def mailbox_pages(home_page, home_page_en):
    return ensure_mailbox_page(home=home_page, home_translation=home_page_en)


@pytest.fixture
def mailbox_page(mailbox_pages):
    return mailbox_pages[0]


@pytest.fixture
def mailbox_page_en(mailbox_pages):
    return mailbox_pages[1]


@pytest.fixture
def site_hotlines(home_page):
    portal_settings = PortalSettings.for_site(home_page.get_site())
    hotlines = [
        HotlineFactory(number="111", name="Tổng đài quốc gia bảo vệ trẻ em", sort_order=1),
        HotlineFactory(number="113", name="Cảnh sát", sort_order=2),
    ]
    for order, hotline in enumerate(hotlines):
        PortalSettingsHotline.objects.create(settings=portal_settings, hotline=hotline, sort_order=order)
    return hotlines
