"""Registry of the content kinds readers see: article, campaign, resource.

`home` is the foundation and must not import `resources` or `campaigns`;
those apps register their kinds here from `AppConfig.ready()`, and shared
code (the home page, import/export, search) looks kinds up by name.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ContentKind:
    name: str
    page_model: type
    index_model: type
    extra: dict = field(default_factory=dict, compare=False)


_kinds: dict[str, ContentKind] = {}


def register_kind(*, name, page_model, index_model, **extra):
    _kinds[name] = ContentKind(name=name, page_model=page_model, index_model=index_model, extra=extra)


def get_kind(name):
    return _kinds[name]


def all_kinds():
    return list(_kinds.values())


def kind_of_page(page):
    for kind in _kinds.values():
        if isinstance(page, kind.page_model):
            return kind
    return None
