import pytest

from home.demo import ensure_mailbox_lists, ensure_mailbox_page
from home.models import DangerPhrase, MailboxPage, School

pytestmark = pytest.mark.django_db


def test_the_demo_mailbox_exists_once_per_locale_and_is_translated(client, home_page, home_page_en):
    ensure_mailbox_page(home=home_page, home_translation=home_page_en)
    vi, en = ensure_mailbox_page(home=home_page, home_translation=home_page_en)

    assert MailboxPage.objects.count() == 2
    assert vi.translation_key == en.translation_key
    assert (vi.url, en.url) == ("/hop-thu-dieu-em-muon-noi/", "/en/help-mailbox/")
    assert client.get(vi.url).status_code == 200
    assert "Write to us" in client.get(en.url).content.decode()


def test_the_demo_lists_are_loaded_once():
    ensure_mailbox_lists()
    lists = ensure_mailbox_lists()

    assert School.objects.count() == len(lists["schools"]) == 5
    assert DangerPhrase.objects.filter(phrase__in=["tự tử", "kill myself"]).count() == 2
    assert DangerPhrase.objects.count() == len(lists["danger_phrases"])


def test_the_home_page_links_to_the_mailbox(client, home_page, home_page_en):
    vi, _en = ensure_mailbox_page(home=home_page, home_translation=home_page_en)

    assert f'href="{vi.url}"' in client.get(home_page.url).content.decode()
