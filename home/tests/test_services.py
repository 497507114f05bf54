import pytest

from resources.factories import ArticlePageFactory


@pytest.mark.django_db
def test_article_renders_under_vietnamese_root(client, article_index):
    article = ArticlePageFactory(parent=article_index, title="Ma túy và pháp luật")
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Ma túy và pháp luật" in response.content.decode()


@pytest.mark.django_db
def test_english_index_is_translation_of_vietnamese(article_index, locale_en):
    from home.services import ensure_index_page

    english = ensure_index_page(kind_name="article", locale=locale_en)
    assert english.translation_key == article_index.translation_key
    assert english.url == "/en/know-the-law/"


@pytest.mark.django_db
def test_translated_index_leaves_no_redirect(article_index, locale_en):
    from wagtail.contrib.redirects.models import Redirect

    from home.services import ensure_index_page

    ensure_index_page(kind_name="article", locale=locale_en)
    assert not Redirect.objects.exists()
