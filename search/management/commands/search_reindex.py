"""`manage.py search_reindex`: rebuild the search index from every live page.

The database entries are always rebuilt (they are the fallback and hold what
results show). With `ELASTICSEARCH_URL` set, a new Elasticsearch index
`<prefix>pages_<timestamp>` is filled in bulk, the alias `<prefix>pages` is
moved to it in one atomic call and the previous indices are deleted, so
search never sees an empty index. Run it after changing synonyms too: they
are part of the Elasticsearch index settings.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.kinds import all_kinds
from search.documents import build_index_document
from search.engines.base import EngineUnavailable

ENGINES = ("database", "elasticsearch")


def live_index_documents():
    """The `IndexDocument` of every live, public page of the registered kinds (articles, campaigns, resources)."""
    for kind in all_kinds():
        pages = kind.page_model.objects.live().order_by("pk").prefetch_related("topic_links__topic")
        for page in pages.iterator(chunk_size=500):
            document = build_index_document(page)
            if document is not None:
                yield document


def rebuild_database_index():
    """Every live page's database entry written again, stale entries removed; returns the count indexed."""
    from search.engines.registry import database_engine
    from search.services import index_all

    return index_all(engines=[database_engine()])


def rebuild_elasticsearch_index(*, engine=None, chunk_size=500):
    """(new index, documents indexed, deleted indices) after building and swapping in a new index."""
    from search.engines.elasticsearch import ElasticsearchEngine

    engine = engine or ElasticsearchEngine()
    return engine.rebuild(live_index_documents(), chunk_size=chunk_size)


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every live page: the database entries, and, when ELASTICSEARCH_URL "
        "is set, a new Elasticsearch index that replaces the live one atomically. Run it after changing synonyms."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", choices=ENGINES, help="Rebuild one engine's index only (default: every configured engine)."
        )
        parser.add_argument(
            "--chunk-size", type=int, default=500, help="Documents per Elasticsearch bulk request (default 500)."
        )

    def handle(self, *args, only=None, chunk_size=500, **options):
        if chunk_size < 1:
            raise CommandError("--chunk-size must be at least 1.")
        with_elasticsearch = bool(settings.ELASTICSEARCH_URL)
        if only == "elasticsearch" and not with_elasticsearch:
            raise CommandError("ELASTICSEARCH_URL is not set: there is no Elasticsearch index to rebuild.")
        if only in (None, "database"):
            count = rebuild_database_index()
            self.stdout.write(f"Database index: {count} pages indexed.")
        if with_elasticsearch and only in (None, "elasticsearch"):
            try:
                index, count, deleted = rebuild_elasticsearch_index(chunk_size=chunk_size)
            except EngineUnavailable as error:
                raise CommandError(f"Elasticsearch index not rebuilt, the live index is unchanged: {error}") from error
            self.stdout.write(f"Elasticsearch index {index}: {count} pages indexed, now live.")
            if deleted:
                self.stdout.write(f"Deleted previous indices: {', '.join(deleted)}.")
