"""Assigning counsellors to schools in the admin: content managers and administrators only."""

import pytest
from django.urls import reverse

from home.models import CounsellorAssignment
from home.tests.editorial_support import assert_refused, make_user
from home.tests.mailbox.counselling_support import make_counsellor, make_outsider
from home.tests.mailbox.factories import SchoolFactory

pytestmark = pytest.mark.django_db

ADD_URL_NAME = "wagtailsnippets_home_counsellorassignment:add"
LIST_URL_NAME = "wagtailsnippets_home_counsellorassignment:list"


@pytest.fixture
def school():
    return SchoolFactory(name="THCS Lê Lợi")


@pytest.mark.parametrize("role", ["content_manager", "superuser"])
def test_managers_assign_a_counsellor_to_a_school_and_to_the_city(client, school, role):
    counsellor = make_counsellor("tuvan_moi")
    client.force_login(make_outsider(role))

    to_school = client.post(reverse(ADD_URL_NAME), {"user": counsellor.pk, "school": school.pk})
    city_wide = client.post(reverse(ADD_URL_NAME), {"user": counsellor.pk, "school": ""})

    assert to_school.status_code == city_wide.status_code == 302
    assert set(CounsellorAssignment.objects.values_list("user", "school")) == {
        (counsellor.pk, school.pk),
        (counsellor.pk, None),
    }


def test_only_members_of_the_counsellors_group_can_be_assigned(client, school):
    editor = make_user("bientap", "Biên tập viên")
    client.force_login(make_outsider("content_manager"))

    form_page = client.get(reverse(ADD_URL_NAME)).content.decode()
    response = client.post(reverse(ADD_URL_NAME), {"user": editor.pk, "school": school.pk})

    assert f'value="{editor.pk}"' not in form_page
    assert response.status_code == 200
    assert response.context["form"].errors["user"]
    assert not CounsellorAssignment.objects.exists()


@pytest.mark.parametrize("school_given", [True, False])
def test_a_duplicate_assignment_is_a_form_error_not_a_crash(client, school, school_given):
    counsellor = make_counsellor("tuvan_lap", schools=[school] if school_given else [], city_wide=not school_given)
    client.force_login(make_outsider("content_manager"))

    response = client.post(reverse(ADD_URL_NAME), {"user": counsellor.pk, "school": school.pk if school_given else ""})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert CounsellorAssignment.objects.count() == 1


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_editors_reviewers_and_counsellors_cannot_assign(client, school, role):
    counsellor = make_counsellor("tuvan_tu_gan")
    for user in (make_outsider(role), counsellor):
        client.force_login(user)
        assert_refused(client.get(reverse(LIST_URL_NAME)))
        assert_refused(client.post(reverse(ADD_URL_NAME), {"user": counsellor.pk, "school": ""}))
    assert not CounsellorAssignment.objects.exists()
