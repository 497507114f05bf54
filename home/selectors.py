def home_page_context(*, home_page):
    return {}
