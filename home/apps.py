from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = _("Portal foundation")

    def ready(self):
        from home import (
            admin_auth_hooks,  # noqa: F401  (two-factor sign-in page)
            auth,  # noqa: F401  (admin sign-in lockout receivers)
            editorial_hooks,  # noqa: F401  (out-of-date translations report)
            page_cache_receivers,  # noqa: F401  (invalidate cached pages)
            receivers_privacy,  # noqa: F401  (privacy shared by all locales)
            signals,  # noqa: F401  (connects the receivers)
        )
        from home.engagement import hooks  # noqa: F401  (reader feedback report)
        from home.mailbox import counselling_hooks  # noqa: F401  (counsellors' admin views)
