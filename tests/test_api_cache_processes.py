"""The response cache across web processes: each keeps its own copy of what it served and learns
of a publication through Redis, so a publish in one process shows in every other on its next
request. Two real gunicorn processes share the test database and Redis; the publish goes through
the admin of one of them."""

import re

import pytest
import requests
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client
from wagtail.models import Page

from cms.modules.models import ModulePage

from .factories import ModulePageFactory, home_page
from .live_server import _database_url
from .web_processes import web_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def _django_db_helper(django_db_setup, django_db_blocker):
    """Database access without the per-test transaction: the other processes see commits only."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def module():
    """A live module, committed; removed afterwards with the pages made for it."""
    had_home = Page.objects.filter(depth=2).exists()
    page = ModulePageFactory(title="Teamwork")
    yield page
    page.get_parent().get_parent().delete()  # the curriculum, its category and the module
    page.partner.delete()
    if not had_home:
        home_page().delete()


@pytest.fixture
def processes(module, tmp_path):
    database_url = _database_url(tmp_path)
    # Only the announcement can tell them: neither reads the generation again on its own.
    trusting = {"API_GENERATION_RECHECK_SECONDS": "3600"}
    with (
        web_process(database_url, tmp_path / "a.log", **trusting) as first,
        web_process(database_url, tmp_path / "b.log", **trusting) as second,
    ):
        yield first, second


def title(url: str, page: Page) -> str:
    """The title served; requests asks for gzip and urllib3 unzips what the cache gzipped."""
    answer = requests.get(f"{url}/api/v1/modules/{page.pk}/", timeout=30)
    assert answer.status_code == 200, answer.text[:500]
    assert answer.headers["Content-Encoding"] == "gzip"
    return answer.json()["title"]


def publish_in_the_admin(url: str, page: Page) -> None:
    """Publish the page's latest revision with the admin's bulk action, as an editor would."""
    editor, _ = User.objects.get_or_create(
        username="cache-editor", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(editor)
    session = requests.Session()
    session.cookies.set(
        settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value
    )
    action = f"{url}/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
    form = session.get(action, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert token, form.text[-2000:]
    answer = session.post(
        action,
        data={"csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": action},
        allow_redirects=False,
        timeout=60,
    )
    assert answer.status_code == 302, answer.text[-2000:]
    editor.delete()


def test_a_publish_in_one_process_shows_in_another_on_its_next_request(module, processes):
    first, second = processes
    for url in (first.url, second.url):
        assert title(url, module) == title(url, module) == "Teamwork"  # built, then stored
    draft = ModulePage.objects.get(pk=module.pk)
    draft.title = "Teamwork, revised"
    draft.save_revision()
    assert title(first.url, module) == "Teamwork"  # a draft is not published content

    publish_in_the_admin(second.url, module)

    assert title(first.url, module) == "Teamwork, revised"
    assert title(second.url, module) == "Teamwork, revised"
