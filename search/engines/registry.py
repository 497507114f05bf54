"""Which engines answer queries and which keep an index.

The database engine always keeps its entries (they are the fallback and
hold what results show). The Elasticsearch engine is added when
`ELASTICSEARCH_URL` is set and its module imports.
"""

import logging

from django.conf import settings

from search.engines.database import DatabaseEngine

logger = logging.getLogger(__name__)


def database_engine():
    return DatabaseEngine()


def elasticsearch_engine():
    """The Elasticsearch engine, or None when not configured or not importable."""
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        return None
    try:
        from search.engines.elasticsearch import ElasticsearchEngine
    except ImportError as error:
        logger.warning("ELASTICSEARCH_URL is set but the Elasticsearch engine cannot be imported: %s", error)
        return None
    return ElasticsearchEngine()


def query_engine():
    """The engine that answers queries: Elasticsearch when configured, else the database."""
    return elasticsearch_engine() or database_engine()


def indexing_engines():
    """Every engine that keeps an index: the database first, then Elasticsearch when configured."""
    engines = [database_engine()]
    elasticsearch = elasticsearch_engine()
    if elasticsearch is not None:
        engines.append(elasticsearch)
    return engines
