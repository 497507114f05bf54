"""Admin users for tests that read Wagtail's admin in English.

Without a preferred language Wagtail's admin follows LANGUAGE_CODE, Vietnamese.
"""

from wagtail.users.models import UserProfile


def prefer_english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save(update_fields=["preferred_language"])
    return user
