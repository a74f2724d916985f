"""The learners' app's forms say what is missing in the learner's language, in headless Chromium
on a real server: an empty name at sign-up gets the app's own message (not the browser's bubble,
which is in the browser's language), and an evaluation sent with nothing answered is confirmed
first, since it counts as an attempt."""

import pytest

from cms.modules.models import ModulePage
from tests import app_browser, live_server
from tests.app_browser import PHONE, new_context, open_app

live_api_server = live_server.live_api_server
browser = app_browser.browser
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]
SIGN_UP = (
    "name => fetch('/api/v1/learners/', {method: 'POST', headers: {'Content-Type': "
    "'application/json'}, body: JSON.stringify({display_name: name, locale: 'ar'})})"
    ".then(r => r.json()).then(r => localStorage.setItem('mt-token', r.token))"
)


@pytest.fixture
def module_id(db) -> int:
    """Read before the browser starts: the ORM refuses to run beside Playwright's event loop."""
    return ModulePage.objects.get(slug="teamwork-1", locale__language_code="en").pk


def test_an_empty_name_is_said_in_the_learners_language(live_api_server, browser):
    context = new_context(browser, "tr", viewport=PHONE)
    page = context.new_page()
    open_app(page, live_api_server.url, "#/me")
    assert page.locator("#title").inner_text() == "Öğrenimim"
    form = page.locator("form.card-form").first
    assert form.evaluate("f => f.noValidate")  # no browser bubble, in the browser's language
    form.locator("button.primary").click()
    assert form.locator("[role=alert]").inner_text() == "Önce adınızı yazın."
    assert form.locator("input[type=text]").evaluate("i => i === document.activeElement")
    # Spaces are no name either; a name goes through.
    form.locator("input[type=text]").fill("   ")
    form.locator("button.primary").click()
    assert form.locator("[role=alert]").inner_text() == "Önce adınızı yazın."
    form.locator("input[type=text]").fill("Ayşe")
    form.locator("button.primary").click()
    page.locator(".recovery .code").wait_for()
    context.close()


def test_an_evaluation_with_nothing_answered_is_confirmed_first(
    live_api_server, module_id, browser
):
    context = new_context(browser, "ar", viewport=PHONE)
    page = context.new_page()
    open_app(page, live_api_server.url, "#/settings")
    page.evaluate(SIGN_UP, "سارة")
    submitted = []
    page.on("request", lambda r: "/submit/" in r.url and submitted.append(r.url))
    open_app(page, live_api_server.url, f"#/evaluation/{module_id}")
    form = page.locator("form.evaluation")
    form.locator("button[type=submit]").click()
    confirm = form.locator(".confirm-empty[role=alert]")
    assert "لم تُجب عن أي سؤال" in confirm.inner_text()
    assert confirm.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert submitted == [] and page.locator(".result").count() == 0
    # Confirmed: sent, and counted.
    confirm.locator("button").click()
    page.locator(".result .score").wait_for()
    assert len(submitted) == 1
    assert page.locator("#title").inner_text() == "لم تنجح بعد"
    context.close()
