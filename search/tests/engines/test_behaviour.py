"""What every search engine must do, run once per available engine (see the `engine` fixture).

Pages reach the engines the way they do in production: through the publish signals.
"""

import datetime
import unicodedata

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from search.engines.base import SearchQuery
from search.tests.conftest import days_ago, publish

pytestmark = pytest.mark.django_db


def ids(results):
    return [hit.page_id for hit in results.hits]


def search(engine, text="", **kwargs):
    kwargs.setdefault("page_size", 50)
    return engine.search(SearchQuery(text=text, **kwargs))


def test_accentless_query_finds_the_accented_article_first(engine, publish_article, filler_articles):
    target = publish_article(
        title="Phòng, chống ma túy trong trường học",
        text="Hướng dẫn công tác phòng, chống ma túy cho nhà trường và cha mẹ học sinh.",
    )
    publish_article(title="Tùy cơ ứng biến khi đi học", text="Mà tùy trường hợp, phòng học có thể chống nóng.")

    for typed in ["phong chong ma tuy", "PHONG CHONG MA TUY", "phòng chống ma tuý", "phòng chống ma túy"]:
        assert ids(search(engine, typed))[0] == target.pk, typed
    nfd = unicodedata.normalize("NFD", "phòng chống ma túy")
    assert ids(search(engine, nfd))[0] == target.pk


def test_exact_accents_rank_above_folded_matches(engine, publish_article, filler_articles):
    drugs = publish_article(title="Bài viết số một", slug="mot", text="Câu chuyện về ma túy ở trường.")
    whatever = publish_article(title="Bài viết số hai", slug="hai", text="Câu chuyện về mà tùy ở trường.")

    assert ids(search(engine, "ma túy"))[:2] == [drugs.pk, whatever.pk]
    assert ids(search(engine, "mà tùy"))[:2] == [whatever.pk, drugs.pk]


def test_document_number_whole_compact_and_in_parts(engine, publish_resource, filler_articles):
    dispatch = publish_resource(
        title="Hướng dẫn thực hiện nhiệm vụ công tác chính trị tư tưởng",
        document_number="2935/GDĐT-CTTT",
        issuer="Sở Giáo dục và Đào tạo",
    )
    other = publish_resource(title="Kế hoạch năm học mới", document_number="1024/GDĐT-CTTT")

    assert ids(search(engine, "2935/GDĐT-CTTT"))[0] == dispatch.pk
    assert ids(search(engine, "2935/gddt-cttt"))[0] == dispatch.pk
    assert ids(search(engine, "2935gddtcttt"))[0] == dispatch.pk
    assert ids(search(engine, "2935"))[0] == dispatch.pk
    assert set(ids(search(engine, "GDĐT CTTT"))) >= {dispatch.pk, other.pk}
    assert ids(search(engine, "1024/GDĐT-CTTT"))[0] == other.pk


def test_phrase_ranks_above_the_same_words_scattered(engine, publish_article, filler_articles):
    scattered = publish_article(
        title="Một ngày ở trường",
        slug="scattered",
        text="Bạo dạn phát biểu, lực học khá, đường đến trường xa nhưng em vẫn đi học đều.",
        published_at=days_ago(1),
    )
    phrase = publish_article(
        title="Một buổi sinh hoạt",
        slug="phrase",
        text="Buổi sinh hoạt bàn về bạo lực học đường, em phát biểu dạn dĩ, đường xa vẫn đến.",
        published_at=days_ago(60),
    )

    assert ids(search(engine, "bạo lực học đường"))[:2] == [phrase.pk, scattered.pk]
    assert ids(search(engine, "bao luc hoc duong"))[:2] == [phrase.pk, scattered.pk]


def test_title_ranks_above_body(engine, publish_article, filler_articles):
    in_body = publish_article(
        title="Sức khỏe tuổi học trò",
        text="Thuốc lá điện tử gây hại cho phổi; thuốc lá điện tử không an toàn.",
        published_at=days_ago(1),
    )
    in_title = publish_article(
        title="Tác hại của thuốc lá điện tử", text="Nhiều học sinh tò mò muốn thử.", published_at=days_ago(90)
    )

    assert ids(search(engine, "thuoc la dien tu"))[:2] == [in_title.pk, in_body.pk]


def test_newer_ranks_above_older_when_otherwise_equal(engine, publish_article, filler_articles):
    text = "Kỹ năng phòng tránh xâm hại cho học sinh."
    older = publish_article(title="Phòng tránh xâm hại", slug="older", text=text, published_at=days_ago(400))
    newer = publish_article(title="Phòng tránh xâm hại", slug="newer", text=text, published_at=days_ago(3))

    assert ids(search(engine, "phong tranh xam hai"))[:2] == [newer.pk, older.pk]


def test_synonyms_expand_the_query(engine, publish_article, filler_articles):
    vaping = publish_article(title="Học sinh và thuốc lá điện tử", text="Cảnh báo về thuốc lá điện tử.")
    bullying = publish_article(title="Nói không với bạo lực học đường", text="Cách ứng xử khi bị bạo lực học đường.")

    assert ids(search(engine, "vape"))[0] == vaping.pk
    assert ids(search(engine, "bat nat"))[0] == bullying.pk


def test_locales_are_kept_apart(engine, publish_article, article_index_en):
    vietnamese = publish_article(title="An toàn trường học", text="Trường học an toàn, school safety.")
    english = publish_article(title="School safety", text="Safe schools for every child.", parent=article_index_en)

    assert ids(search(engine, "school safety", locale="vi")) == [vietnamese.pk]
    assert ids(search(engine, "school safety", locale="en")) == [english.pk]
    assert ids(search(engine, "", locale="en")) == [english.pk]
    assert ids(search(engine, "school", locale="fr")) == []


def test_drafts_private_and_expired_pages_never_appear(engine, publish_article, article_index):
    from resources.factories import ArticlePageFactory
    from search.tests.conftest import body

    public = publish_article(title="Ma túy đá nguy hiểm thế nào", slug="public")
    draft = ArticlePageFactory(parent=article_index, title="Ma túy đá bản nháp", slug="draft", live=False)
    draft.save_revision()
    private = publish_article(title="Ma túy đá nội bộ", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    expired = ArticlePageFactory(parent=article_index, title="Ma túy đá hết hạn", slug="expired", body=body("x"))
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    publish(expired)

    assert ids(search(engine, "ma tuy da")) == [public.pk]
    assert ids(search(engine, "")) == [public.pk]


def test_a_restriction_on_an_ancestor_hides_its_descendants(engine, publish_article, article_index):
    article = publish_article(title="Ma túy học đường")
    assert ids(search(engine, "ma tuy")) == [article.pk]

    restriction = PageViewRestriction.objects.create(page=article_index, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.first())
    assert ids(search(engine, "ma tuy")) == []

    restriction.delete()
    assert ids(search(engine, "ma tuy")) == [article.pk]


def test_unpublishing_and_deleting_remove_the_page(engine, publish_article):
    kept = publish_article(title="Ma túy và pháp luật", slug="kept")
    unpublished = publish_article(title="Ma túy và sức khỏe", slug="unpublished")
    deleted = publish_article(title="Ma túy và gia đình", slug="deleted")

    unpublished.unpublish()
    deleted.delete()

    assert ids(search(engine, "ma tuy")) == [kept.pk]


def test_republishing_updates_the_entry(engine, publish_article):
    article = publish_article(title="Ngày xưa", text="Nội dung về ma túy.")
    article.title = "Hôm nay"
    publish(article)

    assert ids(search(engine, "hom nay")) == [article.pk]
    assert ids(search(engine, "xua")) == []


def test_a_typo_at_the_end_of_a_word_still_finds_the_page(engine, publish_article, filler_articles):
    article = publish_article(title="Cảnh báo bóng cười", text="Tác hại của bóng cười với học sinh.")

    assert ids(search(engine, "bong cuoj"))[0] == article.pk
    assert ids(search(engine, "bóng cườii"))[0] == article.pk


def test_pages_with_some_of_the_words_when_none_has_them_all(engine, publish_article, filler_articles):
    article = publish_article(title="Phòng chống ma túy", text="Cách phòng chống ma túy cho con.")

    results = search(engine, "phong chong ma tuy cho con gai toi")

    assert ids(results)[0] == article.pk
    assert search(engine, "khung long ky jura").count == 0  # a few common words are not enough
    assert search(engine, "zzzz qqqq").count == 0


def test_filters_and_disjunctive_facets(
    engine, publish_article, publish_resource, publish_campaign, topic_drugs, topic_violence
):
    publish_article(title="Ma túy bài một", slug="a1", topics=[topic_drugs], audiences=["parents"])
    publish_article(title="Ma túy bài hai", slug="a2", topics=[topic_drugs, topic_violence], audiences=["students"])
    publish_resource(title="Ma túy tài liệu", topics=[topic_drugs], school_levels=["primary"], resource_type="poster")
    publish_campaign(title="Ma túy chiến dịch", topics=[topic_violence], audiences=["parents", "students"])

    everything = search(engine, "ma tuy")
    assert everything.count == 4
    assert everything.facets["kind"] == {"article": 2, "campaign": 1, "resource": 1}
    assert everything.facets["topic"] == {"drugs": 3, "school-violence": 2}

    articles = search(engine, "ma tuy", filters={"kind": ("article",)})
    assert articles.count == 2
    assert articles.facets["kind"] == {"article": 2, "campaign": 1, "resource": 1}  # its own filter is left out
    assert articles.facets["topic"] == {"drugs": 2, "school-violence": 1}
    assert articles.facets["audience"] == {"parents": 1, "students": 1}
    assert articles.facets["resource_type"] == {}

    both = search(engine, "ma tuy", filters={"kind": ("article",), "topic": ("school-violence",)})
    assert both.count == 1
    assert both.facets["kind"] == {"article": 1, "campaign": 1}
    assert both.facets["topic"] == {"drugs": 2, "school-violence": 1}

    any_of = search(engine, "", filters={"kind": ("article", "campaign"), "audience": ("parents",)})
    assert any_of.count == 2
    assert search(engine, "", filters={"school_level": ("primary",)}).count == 1
    assert search(engine, "", filters={"resource_type": ("poster",)}).count == 1
    assert search(engine, "", filters={"topic": ("no-such-topic",)}).count == 0


def test_empty_query_lists_newest_first_and_paginates(engine, publish_article):
    pages = [publish_article(title=f"Bài số {n}", slug=f"bai-{n}", published_at=days_ago(n)) for n in range(1, 6)]

    first = search(engine, "", page=1, page_size=2)
    second = search(engine, "", page=2, page_size=2)
    third = search(engine, "", page=3, page_size=2)

    assert first.count == 5
    assert ids(first) + ids(second) + ids(third) == [page.pk for page in pages]
    assert ids(search(engine, "", page=4, page_size=2)) == []


def test_sort_by_date(engine, publish_article):
    old = publish_article(title="Ma túy ma túy ma túy", slug="old", published_at=days_ago(300))
    new = publish_article(title="Bàn về ma túy", slug="new", published_at=days_ago(2))

    assert ids(search(engine, "ma tuy", sort="date")) == [new.pk, old.pk]


def test_highlights_mark_the_words_and_escape_the_rest(engine, publish_article):
    publish_article(title="Phòng chống ma túy", text="Tuyên truyền <b>phòng, chống ma túy</b> & tác hại.")

    highlight = search(engine, "phong chong ma tuy").hits[0].highlight

    assert "<mark>" in highlight
    assert "<b>" not in highlight
    assert "ma túy</mark>" in highlight


def test_queries_made_of_search_syntax_are_plain_words(engine, publish_article):
    article = publish_article(title="AND NEAR OR NOT", text='Cú pháp "tìm kiếm" * ( ) : ^ -')

    for query in ['"', '"ma', "AND", "NEAR(", "*", "OR NOT", "a:b", "^", "-", "(", "')", "\\", "\x00"]:
        search(engine, query)  # never raises
    assert ids(search(engine, "AND NEAR")) == [article.pk]


def test_suggest_titles_accent_insensitively(engine, publish_article, filler_articles, article_index_en):
    target = publish_article(title="Phòng chống ma túy học đường")
    publish_article(title="Phòng chống ma túy", slug="x", parent=article_index_en)

    suggestions = engine.suggest(text="phong chong ma", locale="vi")

    assert suggestions[0]["title"] == target.title
    assert suggestions[0]["url"] == target.url
    assert all(s["title"] != "Phòng chống ma túy" for s in suggestions)
    assert len(engine.suggest(text="h", locale="vi", limit=8)) <= 8
    assert engine.suggest(text="", locale="vi") == []
    assert engine.suggest(text='"*', locale="vi") == []
