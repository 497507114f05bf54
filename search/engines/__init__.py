"""Search engines behind one contract (`base.py`): the database engine and Elasticsearch."""


def available_engines():
    """Names of the engines usable here: "database" always, "elasticsearch" when ELASTICSEARCH_URL is set.

    The behavioural engine suite runs once per name.
    """
    from django.conf import settings

    return ["database", *(["elasticsearch"] if getattr(settings, "ELASTICSEARCH_URL", "") else [])]
