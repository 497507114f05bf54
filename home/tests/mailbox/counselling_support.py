"""Shared helpers of the counsellor tests: counsellors with assignments, outsiders of every kind."""

from django.contrib.auth import get_user_model

from home.mailbox.counselling import COUNSELLORS_GROUP
from home.tests.editorial_support import make_role_user, make_user
from home.tests.mailbox.factories import CounsellorAssignmentFactory

# Signed-in users who must never read a message: each editorial role, an administrator,
# and a "reader" with an account but no group (no admin access at all).
OUTSIDER_ROLES = ["reader", "editor", "reviewer", "content_manager", "superuser"]


def make_counsellor(username, *, schools=(), city_wide=False):
    user = make_user(username, COUNSELLORS_GROUP)
    for school in schools:
        CounsellorAssignmentFactory(user=user, school=school)
    if city_wide:
        CounsellorAssignmentFactory(user=user, school=None)
    return user


def make_outsider(role):
    if role == "superuser":
        return get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    if role == "reader":
        return make_user("reader")
    return make_role_user(role)
