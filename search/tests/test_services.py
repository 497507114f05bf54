import datetime

import pytest
from wagtail.models import Page

from home.factories import DocumentFactory
from search import services
from search.engines.base import SearchQuery
from search.engines.database import DatabaseEngine
from search.models import SearchEntry, SearchFacetValue, SearchQueryDay

pytestmark = pytest.mark.django_db


def found(text, locale="vi"):
    return [hit.page_id for hit in DatabaseEngine().search(SearchQuery(text=text, locale=locale)).hits]


def test_publishing_writes_the_entry_and_its_facets(publish_article, topic_drugs):
    article = publish_article(title="Phòng chống ma tuý", topics=[topic_drugs], audiences=["parents"])

    entry = SearchEntry.objects.get(page=article)

    assert (entry.title, entry.url, entry.locale, entry.kind) == ("Phòng chống ma túy", article.url, "vi", "article")
    assert entry.text.title_folded == "phong chong ma tuy"
    assert entry.text.title_normalized == "phòng chống ma túy"
    assert set(SearchFacetValue.objects.filter(entry=entry).values_list("facet", "value")) == {
        ("kind", "article"),
        ("topic", "drugs"),
        ("audience", "parents"),
    }


def test_document_number_terms_are_stored(publish_resource):
    resource = publish_resource(title="Công văn", document_number="2935/GDĐT-CTTT")

    assert SearchEntry.objects.get(page=resource).text.numbers == "2935gddtcttt 2935 gddt cttt"


def test_moving_a_page_updates_its_url(publish_article, article_index, home_page):
    from resources.factories import ArticleIndexPageFactory

    article = publish_article(title="Ma túy")
    other_index = ArticleIndexPageFactory(parent=home_page, title="Khác", slug="khac")
    other_index.save_revision().publish()

    article.move(other_index, pos="last-child")

    assert SearchEntry.objects.get(page=article).url == "/khac/ma-tuy/"


def test_renaming_a_parent_updates_the_urls_of_its_pages(publish_article, article_index):
    article = publish_article(title="Ma túy")
    article_index.slug = "phap-luat"
    article_index.save_revision().publish()

    assert SearchEntry.objects.get(page=article).url == "/phap-luat/ma-tuy/"


def test_new_file_text_reaches_the_index(publish_resource):
    document = DocumentFactory(title="Tệp")
    resource = publish_resource(title="Tài liệu", files=[document])
    assert found("heroin") == []

    document.extracted_text = "Thông tin về heroin."
    document.save()

    assert found("heroin") == [resource.pk]


def test_index_all_rebuilds_and_drops_stale_entries(publish_article):
    article = publish_article(title="Ma túy")
    SearchEntry.objects.all().delete()
    stale = publish_article(title="Cũ", slug="cu")
    Page.objects.filter(pk=stale.pk).update(live=False)  # unpublished behind the signals' back

    assert services.index_all() == 1
    assert list(SearchEntry.objects.values_list("page_id", flat=True)) == [article.pk]


def test_indexing_failure_never_breaks_publishing(publish_article, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("index down")

    monkeypatch.setattr(services, "index_page", broken)

    article = publish_article(title="Vẫn xuất bản được")

    assert Page.objects.get(pk=article.pk).live


def test_record_query_counts_per_day_and_forgets_old_days():
    today = datetime.date(2026, 3, 10)
    services.record_query(text="Ma  TÚY", locale="vi", found=True, day=today)
    services.record_query(text="ma túy", locale="vi", found=False, day=today)
    services.record_query(text="ma túy", locale="en", found=True, day=today)
    services.record_query(text="   ", locale="vi", found=False, day=today)
    SearchQueryDay.objects.create(day=today - datetime.timedelta(days=200), locale="vi", query="cũ", searches=1)

    services.forget_old_queries(today=today)

    row = SearchQueryDay.objects.get(locale="vi", day=today)
    assert (row.query, row.searches, row.searches_without_results) == ("ma túy", 2, 1)
    assert SearchQueryDay.objects.count() == 2
