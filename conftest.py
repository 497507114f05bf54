import pytest
from wagtail.models import Locale

from home.factories import get_home_page
from home.services import ensure_home_page, ensure_index_page


@pytest.fixture
def locale_vi(db):
    return Locale.objects.get(language_code="vi")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_page(db):
    return get_home_page()


@pytest.fixture
def home_page_en(locale_en):
    return ensure_home_page(locale=locale_en)


@pytest.fixture
def article_index(home_page):
    return ensure_index_page(kind_name="article", locale=home_page.locale)


@pytest.fixture
def guidance_index(home_page):
    return ensure_index_page(kind_name="resource", locale=home_page.locale)


@pytest.fixture
def campaign_index(home_page):
    return ensure_index_page(kind_name="campaign", locale=home_page.locale)

# Reports, at the top and bottom of the run, when the browser tests cannot run.
pytest_plugins = ["portal.tests.browser.reporting"]
