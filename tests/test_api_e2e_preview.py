"""End to end, in headless Chromium: an editor changes a module title without publishing, opens
the preview, and the learners' app (the default preview front end) shows the draft; the public API
still shows the published title."""

import json
import time
import urllib.request

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from cms.modules.models import ModulePage
from tests import live_server
from tests.browser import CHROMIUM, CHROMIUM_ARGS

live_api_server = live_server.live_api_server
# The server needs the test database, which is only set up for tests that ask for it.
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

DRAFT_TITLE = "Teamwork 1 — draft not yet published"


@pytest.fixture
def showcase(db):
    """Read before the browser starts: the ORM refuses to run beside Playwright's event loop."""
    module = ModulePage.objects.get(slug="teamwork-1", locale__language_code="en")
    return module.pk, module.title


@pytest.fixture
def browser_page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.set_default_timeout(30_000)
        yield page
        browser.close()


def sign_in_editor(page, server) -> None:
    page.goto(f"{server.url}/admin/login/")
    page.fill("input[name=username]", server.editor[0])
    page.fill("input[name=password]", server.editor[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{server.url}/admin/")


def preview_reader(page, seconds=30):
    """The learners' app's frame inside the admin's preview panel, once it has loaded.

    The panel swaps two iframes as it refreshes, so the frame is looked up, not located once.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for frame in page.frames:
            if "/app/?" in frame.url and not frame.is_detached():
                try:
                    if frame.locator("#title").count():
                        return frame
                except PlaywrightError:
                    pass
        page.wait_for_timeout(250)
    raise AssertionError("the preview panel never showed the learners' app")


def published_title(server, module_id):
    with urllib.request.urlopen(f"{server.url}/api/v1/modules/{module_id}/") as response:  # noqa: S310
        return json.load(response)["title"]


def test_an_editor_previews_a_draft_title_in_the_learners_app(
    live_api_server, showcase, browser_page
):
    server, page = live_api_server, browser_page
    module_id, title_published = showcase
    assert published_title(server, module_id) == title_published

    sign_in_editor(page, server)
    page.goto(f"{server.url}/admin/pages/{module_id}/edit/")
    page.fill("#id_title", DRAFT_TITLE)
    page.click("[data-side-panel-toggle='preview']")
    reader = preview_reader(page)
    assert reader.url.startswith(f"{server.url}/app/?content_type=modules.modulepage&token=")
    reader.locator("#title", has_text=DRAFT_TITLE).wait_for()
    assert "draft" in reader.locator(".notice.draft").inner_text().lower()

    assert published_title(server, module_id) == title_published
    page.goto(f"{server.url}/app/#/module/{module_id}")
    page.locator(".block-section").first.wait_for()
    assert page.locator("#title").inner_text() == title_published


def test_the_app_renders_a_right_to_left_locale(live_api_server, showcase, browser_page):
    server, page = live_api_server, browser_page
    page.goto(f"{server.url}/app/")
    page.locator(".group").first.wait_for()
    page.select_option("#language", "ar")
    page.locator("html[lang=ar]").wait_for()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    module_id, _title = showcase
    url = f"{server.url}/api/v1/modules/{module_id}/?locale=ar"
    with urllib.request.urlopen(url) as response:  # noqa: S310
        served_locale = json.load(response)["locale"]
    page.goto(f"{server.url}/app/#/module/{module_id}")
    page.locator(".block-evaluation").wait_for()
    expected = "rtl" if served_locale == "ar" else "ltr"
    assert page.evaluate("document.documentElement.dir") == "rtl"  # the interface
    assert page.locator("article.module").get_attribute("dir") == expected  # the content
    assert page.locator(".block-section").count() >= 1
