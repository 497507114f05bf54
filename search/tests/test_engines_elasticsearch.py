"""The Elasticsearch engine without a server: the bodies it sends and a fake cluster behind a real client.

`FakeCluster` is an in-memory stand-in for the few index/alias/document APIs the
engine uses, plugged in as the client's transport node, so requests go through
the real `elasticsearch` client (URL building, serialisation, error mapping).
"""

import fnmatch
import io
import json
from datetime import UTC, datetime
from urllib.parse import parse_qs, unquote, urlsplit

import elastic_transport
import pytest
from django.core.management import CommandError, call_command
from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elastic_transport._node._base import NodeApiResponse
from elasticsearch import Elasticsearch

from resources.factories import ArticlePageFactory, GuidancePageFactory
from search.engines import elasticsearch as es_engine
from search.engines.base import EngineUnavailable, IndexDocument, SearchQuery
from search.engines.elasticsearch import ElasticsearchEngine, best_highlight, build_search_body, build_suggest_body
from search.engines.es_mapping import index_body, to_source

SYNONYMS = [["ma túy", "chất gây nghiện"], ["bắt nạt", "bạo lực học đường"]]
EMPTY_RESPONSE = {"hits": {"total": {"value": 0}, "hits": []}, "aggregations": {"unfiltered": {"doc_count": 0}}}


class FakeCluster:
    """Indices, aliases and documents in memory; `search_response` answers every _search."""

    def __init__(self, *, failure=None):
        self.failure = failure
        self.fail_bulk = False
        self.indices = {}  # name -> {id: source}
        self.settings = {}
        self.aliases = {}  # alias -> set of index names
        self.requests = []
        self.search_responses = []  # answers to the next _search requests, in order; then EMPTY_RESPONSE

    def client(self):
        cluster = self

        class Node(BaseNode):
            def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
                return cluster.handle(self.config, method, target, body)

        return Elasticsearch("http://es.test:9200", node_class=Node, max_retries=0)

    def handle(self, node, method, target, body):
        if self.failure:
            raise self.failure
        url = urlsplit(target)
        parts = [unquote(part) for part in url.path.strip("/").split("/")]
        params = {key: values[0] for key, values in parse_qs(url.query).items()}
        payload = self.decode(body)
        self.requests.append((method, "/" + "/".join(parts), params, payload))
        status, response = self.route(method, parts, params, payload)
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders({"x-elastic-product": "Elasticsearch", "content-type": "application/json"}),
            duration=0.0,
            node=node,
        )
        return NodeApiResponse(meta, json.dumps(response).encode() if method != "HEAD" else b"")

    @staticmethod
    def decode(body):
        if not body:
            return None
        lines = body.decode().strip().split("\n")
        return [json.loads(line) for line in lines] if len(lines) > 1 else json.loads(lines[0])

    def resolve(self, name):
        return sorted(self.aliases.get(name, ())) or ([name] if name in self.indices else [])

    def matching(self, pattern):
        return [name for name in self.indices if any(fnmatch.fnmatch(name, p) for p in pattern.split(","))]

    def route(self, method, parts, params, payload):
        missing = {"error": {"type": "index_not_found_exception", "root_cause": [{"reason": "no such index"}]}}
        if parts == ["_bulk"]:
            items = []
            for action, source in zip(payload[::2], payload[1::2], strict=True):
                target = action["index"]
                if self.fail_bulk:
                    error = {"type": "mapper_parsing_exception", "reason": "bad document"}
                    items.append(
                        {"index": {"_index": target["_index"], "_id": target["_id"], "status": 400, "error": error}}
                    )
                    continue
                self.indices[target["_index"]][target["_id"]] = source
                items.append({"index": {"_index": target["_index"], "_id": target["_id"], "status": 201}})
            return 200, {"errors": self.fail_bulk, "items": items}
        if parts == ["_aliases"]:
            for action in payload["actions"]:
                ((kind, spec),) = action.items()
                if kind == "add":
                    self.aliases.setdefault(spec["alias"], set()).add(spec["index"])
                elif kind == "remove":
                    self.aliases[spec["alias"]].discard(spec["index"])
                elif kind == "remove_index":
                    del self.indices[spec["index"]]
            return 200, {"acknowledged": True}
        if parts[0] == "_alias":
            found = {index: {"aliases": {parts[1]: {}}} for index in self.aliases.get(parts[1], ())}
            return (200, found) if found else (404, {"error": "alias missing", "status": 404})
        if len(parts) == 1:
            name = parts[0]
            if method == "PUT":
                self.indices[name] = {}
                self.settings[name] = payload
                return 200, {"acknowledged": True, "index": name}
            if method == "HEAD":
                return (200 if self.resolve(name) else 404), {}
            if method == "GET":
                found = {index: {} for index in self.matching(name)}
                return (200, found) if found else (404, missing)
            if method == "DELETE":
                for index in self.matching(name):
                    del self.indices[index]
                    for members in self.aliases.values():
                        members.discard(index)
                return 200, {"acknowledged": True}
        name, operation = parts[0], parts[1]
        targets = self.resolve(name)
        if not targets:
            return 404, missing
        if operation == "_refresh":
            return 200, {}
        if operation == "_search":
            return 200, self.search_responses.pop(0) if self.search_responses else EMPTY_RESPONSE
        if operation == "_doc":
            if params.get("require_alias") == "true" and name not in self.aliases:
                return 404, missing
            documents = self.indices[targets[0]]
            if method == "DELETE":
                found = documents.pop(parts[2], None)
                return (200, {"result": "deleted"}) if found else (404, {"result": "not_found"})
            documents[parts[2]] = payload
            return 201, {"result": "created"}
        raise AssertionError(f"unexpected request {method} {parts}")


@pytest.fixture
def cluster(db, settings, monkeypatch):
    settings.ELASTICSEARCH_URL = "http://es.test:9200"
    settings.ELASTICSEARCH_INDEX_PREFIX = "test_"
    monkeypatch.setattr(es_engine, "synonym_groups", lambda: SYNONYMS)
    fake = FakeCluster()
    monkeypatch.setattr(es_engine, "default_client", fake.client)
    return fake


def make_document(page_id=1, **overrides):
    values = {
        "page_id": page_id,
        "kind": "resource",
        "locale": "vi",
        "slug": f"tai-lieu-{page_id}",
        "url": f"/thu-vien-tai-lieu/tai-lieu-{page_id}/",
        "title": "Phòng, chống ma túy trong trường học",
        "summary": "Hướng dẫn cho nhà trường.",
        "body": "Nội dung <b>hướng dẫn</b> chi tiết.",
        "published_at": datetime(2024, 9, 5, 1, 0, tzinfo=UTC),
        "topics": ("drugs",),
        "audiences": ("teachers",),
        "school_levels": ("primary",),
        "resource_type": "legal-document",
        "document_number": "2935/GDĐT-CTTT",
        "issuer": "Sở Giáo dục và Đào tạo",
    }
    values.update(overrides)
    return IndexDocument(**values)


def find(node, key):
    """Every value stored under `key` anywhere in a nested JSON body."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name == key:
                yield value
            yield from find(value, key)
    elif isinstance(node, list):
        for item in node:
            yield from find(item, key)


# Settings and mappings


def test_index_settings_define_accented_folded_and_shingle_analyzers():
    analysis = index_body(synonym_groups=[])["settings"]["analysis"]

    assert analysis["analyzer"]["vi_accented"] == {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}
    assert analysis["analyzer"]["vi_folded"]["filter"] == ["lowercase", "asciifolding"]
    assert analysis["analyzer"]["vi_folded"]["char_filter"] == ["vi_d_to_ascii"]
    assert analysis["char_filter"]["vi_d_to_ascii"] == {"type": "mapping", "mappings": ["đ => d", "Đ => D"]}
    assert analysis["analyzer"]["vi_shingles"]["filter"][-1] == "vi_word_pairs"
    assert analysis["filter"]["vi_word_pairs"]["type"] == "shingle"
    assert analysis["filter"]["vi_word_pairs"]["output_unigrams"] is False


def test_synonyms_are_a_search_time_graph_filter_with_accented_and_folded_rules():
    body = index_body(synonym_groups=SYNONYMS)
    analysis = body["settings"]["analysis"]

    assert analysis["filter"]["vi_synonyms_accented"] == {
        "type": "synonym_graph",
        "synonyms": ["ma túy, chất gây nghiện", "bắt nạt, bạo lực học đường"],
        "lenient": True,
    }
    assert analysis["filter"]["vi_synonyms_folded"]["synonyms"] == [
        "ma tuy, chat gay nghien",
        "bat nat, bao luc hoc duong",
    ]
    assert analysis["analyzer"]["vi_folded_search"]["filter"][-1] == "vi_synonyms_folded"
    title = body["mappings"]["properties"]["title"]
    assert (title["analyzer"], title["search_analyzer"]) == ("vi_accented", "vi_accented_search")
    # Indexing never expands synonyms: editing them needs no re-analysis of stored text, only new settings.
    assert "synonym" not in json.dumps(analysis["analyzer"]["vi_folded"])


def test_without_synonyms_the_search_analyzers_have_no_synonym_filter():
    analysis = index_body(synonym_groups=[["lonely"]])["settings"]["analysis"]

    assert "filter" not in analysis or not any("synonym" in name for name in analysis["filter"])
    assert analysis["analyzer"]["vi_accented_search"]["filter"] == ["lowercase"]


def test_mapping_has_text_subfields_keyword_facets_and_dates():
    properties = index_body(synonym_groups=SYNONYMS)["mappings"]["properties"]

    for name in ("title", "summary", "body"):
        assert properties[name]["fields"]["folded"]["analyzer"] == "vi_folded"
        assert properties[name]["fields"]["folded"]["search_analyzer"] == "vi_folded_search"
        assert properties[name]["fields"]["shingles"]["analyzer"] == "vi_shingles"
    for name in ("kind", "locale", "topics", "audiences", "school_levels", "resource_type"):
        assert properties[name] == {"type": "keyword"}
    assert properties["published_at"] == {"type": "date"}
    assert properties["document_number"]["type"] == "keyword"
    assert properties["document_number"]["normalizer"] == "vi_folded_keyword"
    assert properties["document_number"]["fields"]["text"]["analyzer"] == "vi_folded"


def test_every_source_field_is_mapped_because_the_mapping_is_strict():
    mappings = index_body(synonym_groups=[])["mappings"]

    assert mappings["dynamic"] == "strict"
    assert set(to_source(make_document())) == set(mappings["properties"])


def test_title_completion_is_folded_with_a_locale_context():
    suggest = index_body(synonym_groups=[])["mappings"]["properties"]["title_suggest"]

    assert suggest["type"] == "completion"
    assert suggest["analyzer"] == "vi_folded"
    assert suggest["contexts"] == [{"name": "locale", "type": "category", "path": "locale"}]


def test_source_is_normalized_and_carries_every_facet_and_suggest_inputs():
    from search.text import document_number_terms, normalize

    decomposed_title = "Phòng, chống ma túy".replace("ò", "o\u0300")
    source = to_source(make_document(title=decomposed_title))

    assert source["title"] == normalize(decomposed_title)
    assert source["display_title"] == decomposed_title
    assert source["topics"] == ["drugs"]
    assert source["school_levels"] == ["primary"]
    assert source["resource_type"] == "legal-document"
    assert source["document_number_terms"] == list(document_number_terms("2935/GDĐT-CTTT"))
    assert source["published_at"] == "2024-09-05T01:00:00+00:00"
    inputs = source["title_suggest"]["input"]
    assert inputs[0] == normalize(decomposed_title)
    assert "ma túy" in inputs
    assert inputs[-1] == "2935/GDĐT-CTTT"


# Query bodies


def text_clauses(body):
    return body["query"]["function_score"]["query"]["bool"]["must"][0]["bool"]


def test_accentless_query_matches_folded_fields_and_ranks_accented_higher():
    body = build_search_body(SearchQuery(text="phong chong ma tuy"))
    clauses = text_clauses(body)
    recall = clauses["must"][0]["bool"]["should"]
    ranking = clauses["should"]

    assert recall[0]["multi_match"]["fields"][:4] == [
        "title.folded^3",
        "summary.folded^2",
        "body.folded",
        "issuer.folded",
    ]
    assert recall[0]["multi_match"]["operator"] == "and"
    assert recall[1]["multi_match"]["fuzziness"] == "AUTO"
    assert ranking[0]["multi_match"]["fields"] == ["title^3", "summary^2", "body", "issuer"]
    assert ranking[0]["multi_match"]["boost"] == 3
    assert ranking[1]["multi_match"]["boost"] == 1
    assert body["query"]["function_score"]["query"]["bool"]["filter"] == [{"term": {"locale": "vi"}}]
    assert body["query"]["function_score"]["query"]["bool"]["must_not"] == [{"range": {"expire_at": {"lte": "now"}}}]


def test_query_text_is_normalized_before_it_is_sent():
    from search.text import normalize

    decomposed = "pho\u0300ng cho\u0302\u0301ng"
    body = build_search_body(SearchQuery(text=decomposed))

    assert normalize(decomposed) in list(find(body["query"], "query"))
    assert decomposed not in json.dumps(body, ensure_ascii=False)


def test_adjacent_words_get_a_shingle_phrase_bonus_and_quoted_phrases_are_required():
    body = build_search_body(SearchQuery(text='"bạo lực học đường" ở trường'))
    clauses = text_clauses(body)

    assert clauses["should"][2]["multi_match"]["fields"] == ["title.shingles^3", "summary.shingles^2", "body.shingles"]
    assert clauses["should"][2]["multi_match"]["boost"] == 2
    phrases = [clause["multi_match"] for clause in clauses["must"][1:]]
    assert phrases == [
        {
            "query": "bạo lực học đường",
            "type": "phrase",
            "fields": ["title.folded^3", "summary.folded^2", "body.folded", "issuer.folded"],
        }
    ]


def test_document_number_query_looks_up_number_terms():
    from search.text import document_number_terms

    body = build_search_body(SearchQuery(text="công văn 2935/GDĐT-CTTT"))
    recall = text_clauses(body)["must"][0]["bool"]["should"]

    whole_and_compact = document_number_terms("2935/GDĐT-CTTT")[:2]
    assert {"terms": {"document_number_terms": whole_and_compact, "boost": 10}} in recall
    assert any("document_number.text" in clause.get("match", {}) for clause in recall)
    assert "document_number.text^4" in recall[0]["multi_match"]["fields"]


def test_plain_words_and_years_are_not_document_numbers():
    recall = text_clauses(build_search_body(SearchQuery(text="ma túy năm 2024")))["must"][0]["bool"]["should"]

    assert not any("terms" in clause for clause in recall)


def test_filters_go_to_post_filter_and_each_facet_counts_with_the_other_filters():
    query = SearchQuery(
        text="an toàn",
        locale="en",
        filters={"kind": ("article", "resource"), "topic": ("drugs",), "audience": ("parents",)},
    )
    body = build_search_body(query)

    assert body["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"kind": ["article", "resource"]}},
                {"terms": {"topics": ["drugs"]}},
                {"terms": {"audiences": ["parents"]}},
            ]
        }
    }
    aggs = body["aggs"]
    assert set(aggs) == {"kind", "topic", "audience", "school_level", "resource_type", "unfiltered"}
    assert aggs["unfiltered"] == {"filter": {"match_all": {}}}  # before post_filter: the words alone
    assert aggs["kind"]["filter"] == {
        "bool": {"filter": [{"terms": {"topics": ["drugs"]}}, {"terms": {"audiences": ["parents"]}}]}
    }
    assert aggs["topic"]["filter"]["bool"]["filter"] == [
        {"terms": {"kind": ["article", "resource"]}},
        {"terms": {"audiences": ["parents"]}},
    ]
    assert len(aggs["school_level"]["filter"]["bool"]["filter"]) == 3
    assert aggs["topic"]["aggs"]["values"]["terms"]["field"] == "topics"
    assert aggs["school_level"]["aggs"]["values"]["terms"]["field"] == "school_levels"
    assert {"term": {"locale": "en"}} in body["query"]["function_score"]["query"]["bool"]["filter"]


def test_without_filters_facets_count_the_whole_query():
    aggs = build_search_body(SearchQuery(text="an toàn"))["aggs"]

    assert all(agg["filter"] == {"match_all": {}} for agg in aggs.values())
    assert len(aggs) == 6
    assert "post_filter" not in build_search_body(SearchQuery(text="an toàn"))


def test_empty_query_with_filters_lists_newest_first():
    body = build_search_body(SearchQuery(text="  ", filters={"topic": ("drugs",)}, page=3, page_size=20))

    assert body["query"] == {
        "bool": {
            "must": [{"match_all": {}}],
            "filter": [{"term": {"locale": "vi"}}],
            "must_not": [{"range": {"expire_at": {"lte": "now"}}}],
        }
    }
    assert body["sort"][0] == {"published_at": {"order": "desc"}}
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"topics": ["drugs"]}}]}}
    assert (body["from"], body["size"]) == (40, 20)
    assert "highlight" not in body


def test_sort_by_date_puts_published_at_before_score():
    assert build_search_body(SearchQuery(text="ma túy", sort="date"))["sort"][:2] == [
        {"published_at": {"order": "desc"}},
        "_score",
    ]
    assert build_search_body(SearchQuery(text="ma túy"))["sort"][0] == "_score"


def test_recency_is_a_gentle_multiplier():
    function_score = build_search_body(SearchQuery(text="ma túy"))["query"]["function_score"]

    assert function_score["boost_mode"] == "multiply"
    assert function_score["score_mode"] == "sum"
    weights = [function["weight"] for function in function_score["functions"]]
    assert weights == [0.8, 0.2]  # a page never loses more than a fifth of its score to age
    assert function_score["functions"][1]["gauss"]["published_at"]["origin"] == "now"


def test_highlight_marks_accented_text_and_escapes_everything_else():
    highlight = build_search_body(SearchQuery(text="ma túy"))["highlight"]

    assert highlight["pre_tags"] == ["<mark>"]
    assert highlight["post_tags"] == ["</mark>"]
    assert highlight["encoder"] == "html"
    assert list(highlight["fields"])[:2] == ["body", "body.folded"]


def test_suggest_body_uses_the_completion_field_in_the_locale():
    body = build_suggest_body(text="phong ch", locale="en", limit=8)

    completion = body["suggest"]["titles"]["completion"]
    assert body["suggest"]["titles"]["prefix"] == "phong ch"
    assert completion["field"] == "title_suggest"
    assert completion["contexts"] == {"locale": ["en"]}
    assert build_suggest_body(text="   ", locale="vi", limit=8) is None
    assert build_suggest_body(text='"*', locale="vi", limit=8) is None


# A real client talking to the fake cluster


def test_index_document_creates_the_aliased_index_on_first_write(cluster):
    engine = ElasticsearchEngine()

    engine.index_document(make_document(7))

    assert engine.alias == "test_pages"
    (index,) = cluster.aliases["test_pages"]
    assert index.startswith("test_pages_")
    assert cluster.indices[index]["7"]["title"] == "Phòng, chống ma túy trong trường học"
    assert "vi_synonyms_folded" in json.dumps(cluster.settings[index])


def test_remove_document_deletes_and_ignores_missing_pages(cluster):
    engine = ElasticsearchEngine()
    engine.index_document(make_document(7))
    (index,) = cluster.aliases["test_pages"]

    engine.remove_document(page_id=7)
    engine.remove_document(page_id=7)

    assert cluster.indices[index] == {}


@pytest.fixture
def live_alias(cluster):
    cluster.aliases["test_pages"] = {"test_pages_1"}
    cluster.indices["test_pages_1"] = {}
    return cluster


def search_requests(cluster):
    return [payload for _method, path, _params, payload in cluster.requests if path.endswith("/_search")]


def test_search_parses_hits_highlights_and_facets(live_alias):
    live_alias.search_responses = [
        {
            "hits": {
                "total": {"value": 2},
                "hits": [
                    {"_id": "7", "_score": 3.5, "highlight": {"body.folded": ["… <mark>ma túy</mark> …"]}},
                    {"_id": "9", "_score": 1.0, "highlight": {"summary": ["a &lt;b&gt; <mark>túy</mark>"]}},
                ],
            },
            "aggregations": {
                "kind": {"doc_count": 2, "values": {"buckets": [{"key": "resource", "doc_count": 2}]}},
                "topic": {"doc_count": 2, "values": {"buckets": [{"key": "drugs", "doc_count": 1}]}},
                "unfiltered": {"doc_count": 2},
            },
        }
    ]

    results = ElasticsearchEngine().search(SearchQuery(text="ma tuy"))

    assert results.count == 2
    assert results.partial is False
    assert [(hit.page_id, hit.highlight) for hit in results.hits] == [
        (7, "… <mark>ma túy</mark> …"),
        (9, "a &lt;b&gt; <mark>túy</mark>"),
    ]
    assert results.facets == {
        "kind": {"resource": 2},
        "topic": {"drugs": 1},
        "audience": {},
        "school_level": {},
        "resource_type": {},
    }
    method, path, _params, payload = live_alias.requests[-1]
    assert (method, path) == ("POST", "/test_pages/_search")
    assert payload["highlight"]["encoder"] == "html"
    assert len(search_requests(live_alias)) == 1


def test_adjacent_marks_are_merged_into_one():
    assert best_highlight({"body.folded": ["Tuyên <mark>phòng</mark>, <mark>chống</mark> <mark>ma</mark> x"]}) == (
        "Tuyên <mark>phòng, chống ma</mark> x"
    )
    assert best_highlight({"body": ["<mark>a</mark>. <mark>b</mark>"], "body.folded": ["other"]}) == (
        "<mark>a</mark>. <mark>b</mark>"
    )
    assert best_highlight({}) == ""


def test_when_no_page_has_every_word_pages_with_some_of_them_come_back_as_partial(live_alias):
    hit = {"_id": "7", "_score": 1.0}
    live_alias.search_responses = [
        EMPTY_RESPONSE,
        {"hits": {"total": {"value": 1}, "hits": [hit]}, "aggregations": {"unfiltered": {"doc_count": 1}}},
    ]

    results = ElasticsearchEngine().search(SearchQuery(text="phong chong ma tuy cho con gai toi"))

    assert (results.count, results.partial, [hit.page_id for hit in results.hits]) == (1, True, [7])
    strict, loose = search_requests(live_alias)
    assert next(find(strict["query"], "operator")) == "and"
    assert set(find(loose["query"], "operator")) == {"or"}


def test_no_looser_query_when_the_filters_are_what_leaves_nothing(live_alias):
    live_alias.search_responses = [
        {"hits": {"total": {"value": 0}, "hits": []}, "aggregations": {"unfiltered": {"doc_count": 3}}}
    ]

    results = ElasticsearchEngine().search(SearchQuery(text="ma tuy", filters={"kind": ("campaign",)}))

    assert (results.count, results.partial) == (0, False)
    assert len(search_requests(live_alias)) == 1


@pytest.mark.parametrize("text", ['"', "*", "\x00", "( ) ^"])
def test_a_query_without_words_finds_nothing_without_asking(live_alias, text):
    results = ElasticsearchEngine().search(SearchQuery(text=text))

    assert (results.count, results.hits) == (0, [])
    assert results.facets == {facet: {} for facet in ("kind", "topic", "audience", "school_level", "resource_type")}
    assert search_requests(live_alias) == []


def test_suggest_returns_one_title_per_page(live_alias):
    options = [
        {
            "_id": "7",
            "text": "ma túy",
            "_source": {"display_title": "Phòng, chống ma túy", "url": "/a/", "kind": "article"},
        },
        {
            "_id": "7",
            "text": "Phòng, chống",
            "_source": {"display_title": "Phòng, chống ma túy", "url": "/a/", "kind": "article"},
        },
        {
            "_id": "8",
            "text": "ma túy học",
            "_source": {"display_title": "Ma túy học đường", "url": "/b/", "kind": "resource"},
        },
    ]
    live_alias.search_responses = [
        {"hits": {"total": {"value": 0}, "hits": []}, "suggest": {"titles": [{"options": options}]}}
    ]

    suggestions = ElasticsearchEngine().suggest(text="ma tu", locale="vi")

    assert suggestions == [
        {"title": "Phòng, chống ma túy", "url": "/a/", "kind": "article"},
        {"title": "Ma túy học đường", "url": "/b/", "kind": "resource"},
    ]


def test_suggest_without_words_asks_nothing(live_alias):
    assert ElasticsearchEngine().suggest(text='"*', locale="vi") == []
    assert ElasticsearchEngine().suggest(text="   ", locale="vi") == []
    assert search_requests(live_alias) == []


@pytest.mark.parametrize(
    "failure",
    [elastic_transport.ConnectionError("connection refused"), elastic_transport.ConnectionTimeout("timed out")],
)
def test_transport_failures_become_engine_unavailable(db, settings, monkeypatch, failure):
    settings.ELASTICSEARCH_URL = "http://es.test:9200"
    monkeypatch.setattr(es_engine, "default_client", FakeCluster(failure=failure).client)
    engine = ElasticsearchEngine()

    with pytest.raises(EngineUnavailable):
        engine.search(SearchQuery(text="ma túy"))
    with pytest.raises(EngineUnavailable):
        engine.suggest(text="ma", locale="vi")
    with pytest.raises(EngineUnavailable):
        engine.index_document(make_document())


def test_missing_index_becomes_engine_unavailable(cluster):
    with pytest.raises(EngineUnavailable):
        ElasticsearchEngine().search(SearchQuery(text="ma túy"))


def test_engine_is_unavailable_without_a_url(settings):
    settings.ELASTICSEARCH_URL = ""

    with pytest.raises(EngineUnavailable):
        ElasticsearchEngine().search(SearchQuery(text="ma túy"))


def test_default_client_uses_the_configured_timeout(settings):
    settings.ELASTICSEARCH_URL = "http://es.test:9200"
    settings.ELASTICSEARCH_TIMEOUT = 1.5

    client = es_engine.default_client()

    assert client.transport.node_pool.get().config.host == "es.test"
    assert client._request_timeout == 1.5


# manage.py search_reindex


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def live_pages(article_index, guidance_index):
    article = publish(ArticlePageFactory(parent=article_index, title="Phòng, chống ma túy học đường"))
    resource = publish(
        GuidancePageFactory(parent=guidance_index, title="Công văn an ninh", document_number="1520/SGDĐT-CTTT")
    )
    ArticlePageFactory(parent=article_index, title="Bản nháp chưa đăng", live=False)
    return [article, resource]


def test_reindex_fills_a_new_index_then_swaps_the_alias_and_deletes_the_old_one(cluster, live_pages):
    (first_index,) = cluster.aliases["test_pages"]  # created by the first publish
    cluster.indices["test_pages_20000101000000000000"] = {}  # left over by a failed run

    call_command("search_reindex", stdout=(output := io.StringIO()))

    (live_index,) = cluster.aliases["test_pages"]
    assert live_index not in (first_index, "test_pages_20000101000000000000")
    assert set(cluster.indices) == {live_index}
    assert set(cluster.indices[live_index]) == {str(page.pk) for page in live_pages}
    resource_source = cluster.indices[live_index][str(live_pages[1].pk)]
    assert resource_source["kind"] == "resource"
    assert resource_source["document_number"] == "1520/SGDĐT-CTTT"
    paths = [path for _method, path, _params, _payload in cluster.requests]
    created, loaded = paths.index(f"/{live_index}"), paths.index("/_bulk")
    swapped = len(paths) - 1 - paths[::-1].index("/_aliases")
    assert created < loaded < swapped
    assert cluster.requests[swapped][3]["actions"] == [
        {"remove": {"index": first_index, "alias": "test_pages"}},
        {"add": {"index": live_index, "alias": "test_pages"}},
    ]
    assert f"Elasticsearch index {live_index}: 2 pages indexed" in output.getvalue()
    assert "Database index: 2 pages indexed." in output.getvalue()


def test_reindex_keeps_the_live_index_when_bulk_loading_fails(cluster, live_pages):
    (live_index,) = cluster.aliases["test_pages"]
    cluster.fail_bulk = True

    with pytest.raises(CommandError, match="live index is unchanged"):
        call_command("search_reindex", "--only", "elasticsearch", stdout=io.StringIO())

    assert cluster.aliases["test_pages"] == {live_index}
    assert set(cluster.indices) == {live_index}


def test_reindex_replaces_a_concrete_index_squatting_the_alias_name(cluster, live_pages):
    cluster.aliases.clear()
    cluster.indices = {"test_pages": {}}

    call_command("search_reindex", "--only", "elasticsearch", stdout=io.StringIO())

    (live_index,) = cluster.aliases["test_pages"]
    assert set(cluster.indices) == {live_index}


def test_reindex_without_elasticsearch_rebuilds_the_database_index(settings, live_pages):
    from search.models import SearchEntry

    settings.ELASTICSEARCH_URL = ""
    SearchEntry.objects.all().delete()

    call_command("search_reindex", stdout=(output := io.StringIO()))

    assert set(SearchEntry.objects.values_list("page_id", flat=True)) == {page.pk for page in live_pages}
    assert "Elasticsearch" not in output.getvalue()
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL is not set"):
        call_command("search_reindex", "--only", "elasticsearch")


def test_elasticsearch_is_an_available_engine_only_with_a_url(settings):
    from search.engines import available_engines

    settings.ELASTICSEARCH_URL = ""
    assert available_engines() == ["database"]
    settings.ELASTICSEARCH_URL = "http://es.test:9200"
    assert available_engines() == ["database", "elasticsearch"]


def test_scheduled_expiry_is_indexed_so_searches_hide_the_page_once_it_passes(cluster, live_pages):
    from django.utils import timezone
    from wagtail.models import Page

    expiry = timezone.now() + timezone.timedelta(days=2)
    Page.objects.filter(pk=live_pages[0].pk).update(expire_at=expiry)

    call_command("search_reindex", "--only", "elasticsearch", stdout=io.StringIO())

    (live_index,) = cluster.aliases["test_pages"]
    assert cluster.indices[live_index][str(live_pages[0].pk)]["expire_at"] == expiry.isoformat()
    assert cluster.indices[live_index][str(live_pages[1].pk)]["expire_at"] is None
