"""Reading progress made offline in the learners' app, in headless Chromium on a real server: a
signed-in learner downloads a module, reopens it with the network off, and the reading the app
kept on the phone reaches the server when the connection returns."""

import pytest

from cms.modules.models import ModulePage
from tests import app_browser, live_server
from tests.app_browser import PHONE, new_context, open_app

live_api_server = live_server.live_api_server
browser = app_browser.browser
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]
CONTROLLED = (
    "navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller || new Promise("
    "r => navigator.serviceWorker.addEventListener('controllerchange', r)))"
)
QUEUE = "JSON.parse(localStorage.getItem('mt-reading-queue') || '[]')"
PROGRESS = (
    "t => fetch('/api/v1/learners/me/progress/', {headers: {Authorization: 'Bearer ' + t}})"
    ".then(r => r.json())"
)


@pytest.fixture
def module_id(db):
    """Read before the browser starts: the ORM refuses to run beside Playwright's event loop."""
    return ModulePage.objects.get(slug="teamwork-1", locale__language_code="en").pk


def test_a_module_read_offline_is_sent_when_the_connection_returns(
    live_api_server, module_id, browser
):
    context = new_context(browser, "en", viewport=PHONE, service_workers="allow")
    page = context.new_page()
    url = live_api_server.url
    open_app(page, url, "#/me")
    page.locator("form.card-form input[type=text]").first.fill("Amina Yusuf")
    page.locator("form.card-form button.primary").click()
    page.locator(".recovery .code").wait_for()
    token = page.evaluate("localStorage.getItem('mt-token')")

    # The module is downloaded on a connection too poor to send its reading: the phone keeps it.
    refused = []

    def refuse(route):
        refused.append(route.request.url)
        route.abort("internetdisconnected")

    context.route("**/api/v1/learners/me/reading/**", refuse)
    open_app(page, url, f"#/module/{module_id}")
    page.evaluate(CONTROLLED)
    page.locator(".download-offline button").click()
    page.locator(".download-offline .meta", has_text="Available offline").wait_for()
    title = page.locator("#title").inner_text()
    assert refused, "the app tried to send the reading at once"
    assert [r["module"] for r in page.evaluate(QUEUE)] == [module_id]
    context.unroute("**/api/v1/learners/me/reading/**")
    assert page.evaluate(PROGRESS, token)["read_modules"] == []

    # Offline, the downloaded module opens and its reading stays queued.
    context.set_offline(True)
    page.evaluate("location.hash = '#/settings'")
    page.locator("#title", has_text="Settings").wait_for()
    page.evaluate(f"location.hash = '#/module/{module_id}'")
    page.locator("#title", has_text=title).wait_for()
    assert page.locator("#connection").is_visible()
    queued = page.evaluate(QUEUE)
    assert [r["module"] for r in queued] == [module_id]

    # The connection returns: the queue is sent, without reloading or touching anything.
    context.set_offline(False)
    page.wait_for_function(f"() => {QUEUE}.length === 0")
    progress = page.evaluate(PROGRESS, token)
    (read,) = progress["read_modules"]
    assert read["id"] == module_id and read["title"] == title
    assert progress["overall"]["read"] == 1
    assert read["read_at"][:19] == queued[0]["read_at"][:19]  # when it was read on the phone
    # And the learner sees it beside their progress.
    page.evaluate("location.hash = '#/me'")
    opened = page.locator(".progress .read").first
    opened.wait_for()
    assert "Modules opened:" in opened.inner_text() and "1" in opened.inner_text()
    assert page.evaluate("window.__violations") == []
    context.close()
