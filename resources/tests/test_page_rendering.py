"""Article and guidance pages as readers get them: content, languages, weight and cost."""

import datetime
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.rich_text import RichText

from home.factories import DocumentFactory, HotlineFactory, ImageFactory, TopicFactory
from home.models import PortalSettings, PortalSettingsHotline
from home.services import ensure_index_page
from resources.factories import ArticlePageFactory, GuidancePageFactory
from resources.models import ArticleRelatedLink, DocumentType, ResourceType

pytestmark = pytest.mark.django_db

PAGE_BUDGET_BYTES = 60 * 1024
ARTICLE_MAX_QUERIES = 26
GUIDANCE_MAX_QUERIES = 22

PARAGRAPH = (
    "Theo quy định của pháp luật, học sinh có quyền được bảo vệ khỏi mọi hình thức bạo lực "
    "và xâm hại trong môi trường giáo dục. Nhà trường, gia đình và xã hội cùng chịu trách nhiệm "
    "phòng ngừa, phát hiện sớm và can thiệp kịp thời khi có dấu hiệu nguy hiểm. "
)


def realistic_body(*, image, hotline, document):
    return [
        ("paragraph", RichText(f"<p>{PARAGRAPH * 3}</p>")),
        ("heading", {"text": "Pháp luật quy định những gì?", "level": "h2"}),
        ("paragraph", RichText(f"<p>{PARAGRAPH * 2}</p>")),
        ("paragraph", RichText("<ul><li>Không sử dụng</li><li>Không tàng trữ</li><li>Báo ngay cho thầy cô</li></ul>")),
        ("image", {"image": image, "alt_text": "Học sinh trong giờ ngoại khóa", "caption": "Một buổi ngoại khóa"}),
        ("heading", {"text": "Khi gặp nguy hiểm", "level": "h3"}),
        ("paragraph", RichText(f"<p>{PARAGRAPH * 3}</p>")),
        ("quote", {"text": "Phòng bệnh hơn chữa bệnh.", "attribution": "Tục ngữ"}),
        ("callout", {"style": "warning", "title": "Lưu ý", "text": RichText(f"<p>{PARAGRAPH}</p>")}),
        ("hotline", {"hotline": hotline}),
        ("document_link", {"document": document, "label": "Tải văn bản"}),
        ("paragraph", RichText(f"<p>{PARAGRAPH * 2}</p>")),
    ]


LEGAL_REFERENCES = [
    ("reference", {"title": "Luật Trẻ em 2016", "citation": "Điều 6", "url": "https://example.org/luat-tre-em"}),
    ("reference", {"title": "Nghị định 80/2017/NĐ-CP", "citation": "Điều 3, khoản 2", "url": ""}),
]


@pytest.fixture
def topics():
    return [TopicFactory(slug="violence", name="Bạo lực học đường"), TopicFactory(slug="drugs", name="Ma túy")]


@pytest.fixture
def site_hotlines(home_page):
    portal_settings = PortalSettings.for_site(home_page.get_site())
    hotlines = [
        HotlineFactory(number="111", name="Tổng đài quốc gia bảo vệ trẻ em"),
        HotlineFactory(number="113", name="Công an", sort_order=1),
    ]
    for order, hotline in enumerate(hotlines):
        PortalSettingsHotline.objects.create(settings=portal_settings, hotline=hotline, sort_order=order)
    return hotlines


@pytest.fixture
def article(article_index, topics, site_hotlines):
    page = ArticlePageFactory(
        parent=article_index,
        title="Phòng chống bạo lực học đường",
        summary="Những điều học sinh và phụ huynh cần biết.",
        author="Ban biên tập",
        audiences=["students", "parents"],
        body=realistic_body(image=ImageFactory(), hotline=site_hotlines[0], document=DocumentFactory()),
        legal_references=LEGAL_REFERENCES,
        topics=topics,
    )
    for title in ("Ứng xử khi bị bắt nạt", "Ma túy học đường", "Kỹ năng tự bảo vệ"):
        ArticlePageFactory(parent=article_index, title=title, topics=topics[:1])
    return page


@pytest.fixture
def guidance(guidance_index, topics, site_hotlines):
    return GuidancePageFactory(
        parent=guidance_index,
        title="Hướng dẫn phòng chống bạo lực học đường",
        summary="Hướng dẫn năm học mới.",
        resource_type=ResourceType.LEGAL_DOCUMENT,
        document_type=DocumentType.CONG_VAN,
        document_number="1234/BGDĐT-GDCTHSSV",
        issuer="Bộ Giáo dục và Đào tạo",
        issued_on=datetime.date(2024, 9, 5),
        school_levels=["primary", "lower-secondary"],
        audiences=["teachers"],
        topics=topics,
        files=[DocumentFactory(title="Công văn"), DocumentFactory(title="Phụ lục")],
    )


def referenced_static_bytes(html):
    """Sizes of the stylesheets and scripts the page links to, read through the staticfiles finders."""
    sizes = {}
    for url in re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="([^"]+)"', html):
        assert url.startswith(settings.STATIC_URL), f"{url} is not a local static file"
        path = finders.find(url.removeprefix(settings.STATIC_URL))
        assert path, f"{url} is referenced but not found"
        with open(path, "rb") as file:
            sizes[url] = len(file.read())
    return sizes


# --- Article -----------------------------------------------------------------


def test_article_shows_its_content_and_metadata(client, article):
    html = client.get(article.url).content.decode()

    assert '<html lang="vi">' in html
    assert "<h1>Phòng chống bạo lực học đường</h1>" in html
    assert '<p class="lead">Những điều học sinh và phụ huynh cần biết.</p>' in html
    assert "Ban biên tập" in html
    assert f"<dd>{article.reading_time} " in html
    assert '?topic=violence">Bạo lực học đường</a>' in html
    assert "<h2>Pháp luật quy định những gì?</h2>" in html
    assert "<h3>Khi gặp nguy hiểm</h3>" in html
    assert "<li>Báo ngay cho thầy cô</li>" in html
    assert 'alt="Học sinh trong giờ ngoại khóa"' in html
    assert 'loading="lazy"' in html
    assert re.search(r'<img[^>]+width="\d+"', html)
    assert '<aside class="callout callout--warning">' in html
    assert '<a class="hotline__number" href="tel:111">' in html
    assert 'class="download__type">PDF<' in html
    assert '<a href="https://example.org/luat-tre-em" rel="external noopener">Luật Trẻ em 2016</a>' in html
    assert "Điều 3, khoản 2" in html


def test_article_publication_date_is_in_the_visitors_language(client, article, locale_en):
    article.published_at = datetime.datetime(2025, 3, 8, 9, tzinfo=datetime.UTC)
    article.save_revision().publish()
    english_index = ensure_index_page(kind_name="article", locale=locale_en)
    english = article.copy_for_translation(locale_en)
    english.save_revision().publish()

    assert "Ngày 08 tháng 3 năm 2025" in client.get(article.url).content.decode()
    assert english_index.url == "/en/know-the-law/"
    english_html = client.get(english.get_url()).content.decode()
    assert '<html lang="en">' in english_html
    assert "March 8, 2025" in english_html


def test_article_head_has_description_canonical_and_open_graph(client, article):
    html = client.get(article.url).content.decode()

    assert '<meta name="description" content="Những điều học sinh và phụ huynh cần biết.">' in html
    assert f'<link rel="canonical" href="{article.full_url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Phòng chống bạo lực học đường">' in html
    assert '<meta property="og:locale" content="vi_VN">' in html


def test_article_breadcrumbs_lead_home_through_the_index(client, article, article_index):
    html = client.get(article.url).content.decode()
    trail = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)

    assert '<a href="/">' in trail
    assert f'<a href="{article_index.url}">{article_index.title}</a>' in trail
    assert '<span aria-current="page">Phòng chống bạo lực học đường</span>' in trail


def test_article_without_chosen_related_items_lists_articles_sharing_a_topic(client, article):
    html = client.get(article.url).content.decode()
    related = re.search(r'<section class="related".*?</section>', html, re.S).group(0)

    assert related.count('<li class="card">') == 3
    assert "Ứng xử khi bị bắt nạt" in related


def test_article_chosen_related_items_replace_the_topic_ones(client, article, guidance):
    ArticleRelatedLink.objects.create(article=article, page=guidance)
    html = client.get(article.url).content.decode()
    related = re.search(r'<section class="related".*?</section>', html, re.S).group(0)

    assert related.count('<li class="card">') == 1
    assert "Hướng dẫn phòng chống bạo lực học đường" in related


def test_article_ends_with_the_site_hotlines(client, article):
    html = client.get(article.url).content.decode()
    aside = re.search(r'<aside class="help-aside".*?</aside>', html, re.S).group(0)

    assert 'href="tel:111"' in aside
    assert 'href="tel:113"' in aside


def test_article_page_weighs_at_most_60_kb_with_its_css_and_javascript(client, article):
    response = client.get(article.url)
    html = response.content.decode()
    static_sizes = referenced_static_bytes(html)

    assert any(url.endswith(".css") for url in static_sizes)
    total = len(response.content) + sum(static_sizes.values())
    assert total <= PAGE_BUDGET_BYTES, (
        f"article page weighs {total} bytes: HTML {len(response.content)}, {static_sizes}"
    )


def test_article_page_works_without_inline_scripts_or_third_party_assets(client, article):
    html = client.get(article.url).content.decode()

    assert re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html) is None
    assert re.search(r"\son[a-z]+=", html) is None
    assert re.search(r'(?:src|href)="(?:https?:)?//[^"]+\.(?:css|js)', html) is None


def test_article_query_count_is_bounded(client, article, django_assert_max_num_queries):
    client.get(article.url)  # warm caches (site root paths, renditions) as in production
    with django_assert_max_num_queries(ARTICLE_MAX_QUERIES):
        assert client.get(article.url).status_code == 200


# --- Guidance ------------------------------------------------------------------


def test_guidance_shows_its_metadata_and_files(client, guidance):
    html = client.get(guidance.url).content.decode()
    metadata = re.search(r'<dl class="meta-list">.*?</dl>', html, re.S).group(0)

    assert "<h1>Hướng dẫn phòng chống bạo lực học đường</h1>" in html
    for expected in (
        "<dd>Văn bản pháp luật</dd>",
        "<dd>Công văn</dd>",
        "1234/BGDĐT-GDCTHSSV",
        "Bộ Giáo dục và Đào tạo",
        '<time datetime="2024-09-05">',
        "<dd>Tiểu học, Trung học cơ sở</dd>",
        "<dd>Giáo viên</dd>",
        '?topic=drugs">Ma túy</a>',
    ):
        assert expected in metadata, expected
    downloads = re.search(r'<ul class="download-list">.*?</ul>', html, re.S).group(0)
    assert downloads.count('<li class="download">') == 2
    assert "Công văn" in downloads
    assert "Phụ lục" in downloads


def test_guidance_renders_in_english(client, guidance, locale_en):
    ensure_index_page(kind_name="resource", locale=locale_en)
    english = guidance.copy_for_translation(locale_en)
    english.save_revision().publish()

    response = client.get(english.get_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Sept. 5, 2024" in html
    metadata = re.search(r'<dl class="meta-list">.*?</dl>', html, re.S).group(0)
    for expected in ("Legal document", "Official dispatch (công văn)", "Primary school, Lower secondary school"):
        assert expected in metadata, expected
    assert f'<a href="{guidance.url}" hreflang="vi" lang="vi">' in html


def test_guidance_query_count_is_bounded(client, guidance, django_assert_max_num_queries):
    client.get(guidance.url)
    with django_assert_max_num_queries(GUIDANCE_MAX_QUERIES):
        assert client.get(guidance.url).status_code == 200
