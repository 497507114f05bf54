from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Portal foundation")

    def ready(self):
        from home import signals  # noqa: F401  (connects the receivers)
