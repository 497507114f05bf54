"""The share row of article, guidance and campaign pages: plain links, nothing loaded from elsewhere."""

import re
from urllib.parse import quote, urlsplit

import pytest
from django.contrib.staticfiles import finders

from campaigns.factories import CampaignPageFactory
from resources.factories import ArticlePageFactory, GuidancePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(article_index, guidance_index, campaign_index):
    return [
        ArticlePageFactory(parent=article_index),
        GuidancePageFactory(parent=guidance_index),
        CampaignPageFactory(parent=campaign_index),
    ]


def loaded_urls(html):
    """Every URL the browser fetches by itself: src/srcset/poster attributes and <link href>."""
    urls = re.findall(r'\s(?:src|poster|data)="([^"]*)"', html)
    urls += [part.split()[0] for srcset in re.findall(r'\ssrcset="([^"]*)"', html) for part in srcset.split(",")]
    urls += re.findall(r'<link\b[^>]*\shref="([^"]*)"', html)
    return urls


def test_share_row_has_facebook_and_zalo_links_to_the_page(client, pages):
    for page in pages:
        html = client.get(page.url).content.decode()
        encoded = quote(page.get_full_url(), safe="")

        assert f'href="https://www.facebook.com/sharer/sharer.php?u={encoded}"' in html
        assert f'href="https://sp.zalo.me/share_inline?url={encoded}"' in html
        for link in re.findall(r'<a [^>]*href="https://(?:www\.facebook\.com|sp\.zalo\.me)[^>]*>', html):
            assert 'target="_blank"' in link and 'rel="noopener noreferrer"' in link


def test_pages_load_nothing_from_third_parties(client, pages):
    for page in pages:
        html = client.get(page.url).content.decode()
        own_host = urlsplit(page.get_full_url()).hostname

        for url in loaded_urls(html):
            host = urlsplit(url).hostname
            assert host in (None, own_host), f"{page.url} loads {url}"
        assert "<iframe" not in html
        assert re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html) is None
        assert re.search(r"\sstyle=|<style", html) is None
        assert re.search(r"\son[a-z]+=", html) is None


def test_copy_button_waits_for_the_script(client, pages):
    html = client.get(pages[0].url).content.decode()

    assert re.search(r'<li class="share__copy-item" hidden><button type="button"[^>]*data-share-copy="http', html)
    assert re.search(r'<script src="[^"]*/js/share\.js" defer></script>', html)


def test_share_script_is_small():
    path = finders.find("js/share.js")

    with open(path, "rb") as file:
        assert len(file.read()) < 1024
