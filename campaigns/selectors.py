def campaign_index_context(*, index_page):
    return {}
