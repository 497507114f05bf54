import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignPage
from campaigns.wagtail_hooks import dashboard_campaigns
from home.tests.admin_support import prefer_english_admin

TODAY = datetime.date(2026, 6, 15)


def days(count, *, since=TODAY):
    return since + datetime.timedelta(days=count)


@pytest.mark.django_db
def test_dashboard_campaigns_splits_running_and_upcoming_in_useful_order(campaign_index):
    ends_soon = CampaignPageFactory(parent=campaign_index, title="Sắp kết thúc", starts_on=days(-10), ends_on=days(2))
    open_ended = CampaignPageFactory(parent=campaign_index, title="Không thời hạn", starts_on=days(-30), ends_on=None)
    ends_today = CampaignPageFactory(parent=campaign_index, title="Kết thúc hôm nay", starts_on=days(-1), ends_on=TODAY)
    starts_today = CampaignPageFactory(parent=campaign_index, title="Bắt đầu hôm nay", starts_on=TODAY, ends_on=days(9))
    next_month = CampaignPageFactory(parent=campaign_index, title="Tháng sau", starts_on=days(30), ends_on=days(60))
    tomorrow = CampaignPageFactory(parent=campaign_index, title="Ngày mai", starts_on=days(1), ends_on=days(5))
    CampaignPageFactory(parent=campaign_index, title="Đã xong", starts_on=days(-60), ends_on=days(-1))

    result = dashboard_campaigns(campaigns=CampaignPage.objects.all(), today=TODAY)

    assert result["running"] == [ends_today, ends_soon, starts_today, open_ended]
    assert result["upcoming"] == [tomorrow, next_month]


@pytest.mark.django_db
def test_dashboard_campaigns_respects_the_limit(campaign_index):
    for index in range(4):
        CampaignPageFactory(parent=campaign_index, starts_on=days(index + 1), ends_on=None)
    assert len(dashboard_campaigns(campaigns=CampaignPage.objects.all(), today=TODAY, limit=3)["upcoming"]) == 3


@pytest.fixture
def admin_client(client, db):
    client.force_login(
        prefer_english_admin(get_user_model().objects.create_superuser("quantri", "qt@example.com", "x"))
    )
    return client


@pytest.mark.django_db
def test_dashboard_panel_lists_running_and_upcoming_campaigns_with_edit_links(admin_client, campaign_index):
    today = timezone.localdate()
    running = CampaignPageFactory(
        parent=campaign_index,
        title="Tháng hành động vì trẻ em",
        starts_on=days(-3, since=today),
        ends_on=days(3, since=today),
    )
    upcoming = CampaignPageFactory(
        parent=campaign_index, title="Tuần lễ an toàn giao thông", starts_on=days(7, since=today), ends_on=None
    )
    CampaignPageFactory(
        parent=campaign_index,
        title="Chiến dịch năm ngoái",
        starts_on=days(-400, since=today),
        ends_on=days(-300, since=today),
    )

    response = admin_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Running and upcoming campaigns" in content
    assert "Tháng hành động vì trẻ em" in content
    assert "Tuần lễ an toàn giao thông" in content
    assert "Chiến dịch năm ngoái" not in content
    assert reverse("wagtailadmin_pages:edit", args=[running.pk]) in content
    assert reverse("wagtailadmin_pages:edit", args=[upcoming.pk]) in content
    running_table = content[
        content.index('data-campaign-status="running"') : content.index('data-campaign-status="upcoming"')
    ]
    assert "Tháng hành động vì trẻ em" in running_table
    assert "Tuần lễ an toàn giao thông" not in running_table


@pytest.mark.django_db
def test_dashboard_panel_says_when_no_campaign_is_planned(admin_client, campaign_index):
    CampaignPageFactory(parent=campaign_index, starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2020, 2, 1))
    content = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "No campaign is running or planned." in content


@pytest.mark.django_db
def test_dashboard_panel_is_hidden_from_users_who_cannot_edit_pages(client, campaign_index):
    CampaignPageFactory(parent=campaign_index, title="Chiến dịch bí mật", starts_on=timezone.localdate(), ends_on=None)
    user = prefer_english_admin(get_user_model().objects.create_user("xem", "xem@example.com", "x"))
    group = Group.objects.create(name="Chỉ xem quản trị")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Running and upcoming campaigns" not in response.content.decode()
