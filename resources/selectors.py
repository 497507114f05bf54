def article_index_context(*, index_page, params):
    return {}


def library_context(*, index_page, params):
    return {}
