from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "resources"
    verbose_name = _("Articles and guidance")

    def ready(self):
        from home.kinds import register_kind
        from resources.exchange import ArticleExchange, ResourceExchange
        from resources.models import ArticleIndexPage, ArticlePage, GuidanceIndexPage, GuidancePage

        register_kind(
            name="article",
            page_model=ArticlePage,
            index_model=ArticleIndexPage,
            index_defaults={"title": _("Know the law"), "slugs": {"vi": "tim-hieu-phap-luat", "en": "know-the-law"}},
            exchange=ArticleExchange(),
        )
        register_kind(
            name="resource",
            page_model=GuidancePage,
            index_model=GuidanceIndexPage,
            index_defaults={"title": _("Resource library"), "slugs": {"vi": "thu-vien-tai-lieu", "en": "resources"}},
            exchange=ResourceExchange(),
        )
