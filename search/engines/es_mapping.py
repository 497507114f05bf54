"""The Elasticsearch index of pages: analysis settings, field mappings, source documents.

Text is sent pre-normalized by `search.text.normalize` (NFC, one tone-mark
placement), so the analyzers need no ICU plugin:

- `vi_accented`: standard tokenizer + lowercase; exact Vietnamese words.
- `vi_folded`: `đ`→`d` char filter + lowercase + asciifolding; "phong chong"
  finds "phòng, chống".
- `vi_shingles`: folded word pairs, so adjacent query words (phrases) score higher.

Synonyms (`search.selectors.synonym_groups()`) are applied at search time only,
by a `synonym_graph` filter whose rules are written inline in the index
settings. Changing synonyms therefore takes effect at the next
`manage.py search_reindex`, which builds a new index and swaps the alias
without a moment of empty search (updating the settings in place would mean
closing the live index).
"""

from elasticsearch.dsl import (
    Completion,
    Date,
    Index,
    Integer,
    Keyword,
    Mapping,
    Text,
    analyzer,
    char_filter,
    normalizer,
    token_filter,
)

from search.engines.base import IndexDocument

ACCENTED_FIELDS = ("title", "summary", "body", "issuer")
FACET_FIELDS = {
    "kind": "kind",
    "topic": "topics",
    "audience": "audiences",
    "school_level": "school_levels",
    "resource_type": "resource_type",
}
SUGGEST_MAX_VARIANTS = 6

letter_d_to_ascii = char_filter("vi_d_to_ascii", type="mapping", mappings=["đ => d", "Đ => D"])
word_pairs = token_filter(
    "vi_word_pairs", type="shingle", min_shingle_size=2, max_shingle_size=2, output_unigrams=False
)

vi_accented = analyzer("vi_accented", tokenizer="standard", filter=["lowercase"])
vi_folded = analyzer(
    "vi_folded", tokenizer="standard", char_filter=[letter_d_to_ascii], filter=["lowercase", "asciifolding"]
)
vi_shingles = analyzer(
    "vi_shingles",
    tokenizer="standard",
    char_filter=[letter_d_to_ascii],
    filter=["lowercase", "asciifolding", word_pairs],
)
vi_folded_keyword = normalizer(
    "vi_folded_keyword", char_filter=[letter_d_to_ascii], filter=["lowercase", "asciifolding"]
)


def synonym_rules(groups, *, transform):
    """Solr-format equivalence rules ("a, b, c") from groups of words or phrases."""
    rules = []
    for group in groups:
        terms = []
        for term in group:
            cleaned = " ".join(transform(term.replace(",", " ").replace("=>", " ")).split())
            if cleaned and cleaned not in terms:
                terms.append(cleaned)
        if len(terms) > 1:
            rules.append(", ".join(terms))
    return rules


def search_analyzers(*, synonym_groups):
    """The query-side analyzers: the index analyzers plus a synonym graph when there are synonyms."""
    from search.text import fold, normalize

    accented_rules = synonym_rules(synonym_groups, transform=lambda term: normalize(term).lower())
    folded_rules = synonym_rules(synonym_groups, transform=lambda term: fold(term))
    accented_filters = ["lowercase"]
    folded_filters = ["lowercase", "asciifolding"]
    if accented_rules:
        accented_filters.append(
            token_filter("vi_synonyms_accented", type="synonym_graph", synonyms=accented_rules, lenient=True)
        )
    if folded_rules:
        folded_filters.append(
            token_filter("vi_synonyms_folded", type="synonym_graph", synonyms=folded_rules, lenient=True)
        )
    accented = analyzer("vi_accented_search", tokenizer="standard", filter=accented_filters)
    folded = analyzer("vi_folded_search", tokenizer="standard", char_filter=[letter_d_to_ascii], filter=folded_filters)
    return accented, folded


def text_field(*, accented_search, folded_search, shingles=True):
    subfields = {"folded": Text(analyzer=vi_folded, search_analyzer=folded_search)}
    if shingles:
        subfields["shingles"] = Text(analyzer=vi_shingles)
    return Text(analyzer=vi_accented, search_analyzer=accented_search, fields=subfields)


def page_mapping(*, synonym_groups):
    accented_search, folded_search = search_analyzers(synonym_groups=synonym_groups)
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    mapping.field("page_id", Integer())
    mapping.field("kind", Keyword())
    mapping.field("locale", Keyword())
    mapping.field("slug", Keyword())
    mapping.field("url", Keyword(index=False, doc_values=False))
    mapping.field("display_title", Keyword(index=False, doc_values=False))
    for name in ("title", "summary", "body"):
        mapping.field(name, text_field(accented_search=accented_search, folded_search=folded_search))
    mapping.field("issuer", text_field(accented_search=accented_search, folded_search=folded_search, shingles=False))
    mapping.field("published_at", Date())
    mapping.field("expire_at", Date())
    for name in ("topics", "audiences", "school_levels", "resource_type"):
        mapping.field(name, Keyword())
    mapping.field(
        "document_number",
        Keyword(normalizer=vi_folded_keyword, fields={"text": Text(analyzer=vi_folded, search_analyzer=folded_search)}),
    )
    mapping.field("document_number_terms", Keyword(normalizer=vi_folded_keyword))
    mapping.field(
        "title_suggest",
        Completion(
            analyzer=vi_folded,
            preserve_separators=True,
            preserve_position_increments=True,
            max_input_length=100,
            contexts=[{"name": "locale", "type": "category", "path": "locale"}],
        ),
    )
    return mapping


def index_definition(*, name, synonym_groups):
    """An `elasticsearch.dsl.Index` carrying the settings and mappings of a pages index."""
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0, max_result_window=10000)
    index.mapping(page_mapping(synonym_groups=synonym_groups))
    return index


def index_body(*, synonym_groups):
    """The JSON body of "create index": {"settings": ..., "mappings": ...}."""
    return index_definition(name="pages", synonym_groups=synonym_groups).to_dict()


def suggest_inputs(title, *, document_number=""):
    """Completion inputs: the title, the title from each later word on (so "ma tuy" suggests
    "Phòng, chống ma túy") and the document number. The field's folded analyzer makes every
    input accent-insensitive."""
    words = title.split()
    inputs = [" ".join(words[start:]) for start in range(min(len(words), SUGGEST_MAX_VARIANTS))]
    return [text for text in dict.fromkeys([*inputs, document_number]) if text]


def to_source(document: IndexDocument, *, expire_at=None) -> dict:
    """The `_source` of one page's index document (id: page_id); `expire_at`: when the page stops being public."""
    from search.text import document_number_terms, normalize

    title = normalize(document.title)
    return {
        "page_id": document.page_id,
        "kind": document.kind,
        "locale": document.locale,
        "slug": document.slug,
        "url": document.url,
        "display_title": document.title,
        "title": title,
        "summary": normalize(document.summary),
        "body": normalize(document.body),
        "issuer": normalize(document.issuer),
        "published_at": document.published_at.isoformat(),
        "expire_at": expire_at.isoformat() if expire_at else None,
        "topics": list(document.topics),
        "audiences": list(document.audiences),
        "school_levels": list(document.school_levels),
        "resource_type": document.resource_type or None,
        "document_number": document.document_number or None,
        "document_number_terms": list(document_number_terms(document.document_number))
        if document.document_number
        else [],
        "title_suggest": {
            "input": suggest_inputs(title, document_number=normalize(document.document_number)),
            # Newer pages first among equally good completions.
            "weight": max(1, int(document.published_at.timestamp() // 86400)),
        },
    }
