"""RSS and Atom feeds of the latest articles, one per language."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.services import ensure_index_page
from resources.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def published(day):
    return timezone.make_aware(datetime.datetime(2026, 3, 1, 9) + datetime.timedelta(days=day))


def rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


def test_rss_lists_the_20_newest_live_public_articles_of_the_language(client, article_index):
    articles = [
        ArticlePageFactory(
            parent=article_index, title=f"Bài {day:02d}", summary=f"Tóm tắt {day}", published_at=published(day)
        )
        for day in range(22)
    ]
    ArticlePageFactory(parent=article_index, title="Bản nháp", live=False, published_at=published(30))
    private = ArticlePageFactory(parent=article_index, title="Bài nội bộ", published_at=published(31))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    channel, items = rss_items(client, "/rss/articles/")

    assert channel.findtext("language") == "vi"
    assert channel.findtext("link") == article_index.get_full_url()
    assert [item.findtext("title") for item in items] == [f"Bài {day:02d}" for day in range(21, 1, -1)]
    newest = items[0]
    assert newest.findtext("link") == articles[21].get_full_url()
    assert newest.findtext("link").startswith("http")
    assert newest.findtext("description") == "Tóm tắt 21"
    assert newest.findtext("pubDate").startswith("Sun, 22 Mar 2026")


def test_english_feed_lists_only_english_articles(client, article_index, locale_en):
    article = ArticlePageFactory(parent=article_index, title="Bài tiếng Việt")
    ensure_index_page(kind_name="article", locale=locale_en)
    english = article.copy_for_translation(locale_en)
    english.title = "English article"
    english.save_revision().publish()

    channel, items = rss_items(client, "/en/rss/articles/")

    assert channel.findtext("language") == "en"
    assert channel.findtext("title").startswith("Articles")
    assert [item.findtext("title") for item in items] == ["English article"]
    assert "/en/" in items[0].findtext("link")
    assert [item.findtext("title") for item in rss_items(client, "/rss/articles/")[1]] == ["Bài tiếng Việt"]


def test_atom_feed_has_title_summary_link_and_dates(client, article_index):
    article = ArticlePageFactory(parent=article_index, title="Ma túy & học đường", summary="Tóm tắt <ngắn>")

    response = client.get("/atom/articles/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Ma túy & học đường"
    assert entry.findtext(f"{ATOM}summary") == "Tóm tắt <ngắn>"
    assert entry.find(f"{ATOM}link").get("href") == article.get_full_url()
    assert entry.findtext(f"{ATOM}published")
    assert entry.findtext(f"{ATOM}updated")
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith("/atom/articles/")


def test_empty_feed_is_valid(client, home_page):
    channel, items = rss_items(client, "/rss/articles/")

    assert channel.findtext("title").startswith("Bài viết")
    assert items == []


def test_article_pages_and_index_advertise_the_feeds(client, article_index):
    article = ArticlePageFactory(parent=article_index)

    for url in (article.url, article_index.url):
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in html
        assert 'href="/rss/articles/"' in html and 'href="/atom/articles/"' in html


def test_feed_query_count_does_not_grow_with_its_items(client, article_index, django_assert_max_num_queries):
    for day in range(20):
        ArticlePageFactory(parent=article_index, published_at=published(day))
    client.get("/rss/articles/")  # warm the site root paths, as in production

    with django_assert_max_num_queries(6):
        assert client.get("/rss/articles/").status_code == 200
