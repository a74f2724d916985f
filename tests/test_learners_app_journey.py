"""A learner's whole journey in the learners' app, in Arabic on a 360×740 phone, in headless
Chromium on a real server: sign up, download a module, read it and check themself offline, pass
the graded evaluation online, get the type 1 certificate, open its public check, erase themself.
And an editor's draft of the showcase module in the app as the admin's preview."""

import re

import pytest

from cms.learners.questionnaires import questionnaire_in
from cms.modules.models import ModulePage
from tests import app_browser, live_server
from tests.app_browser import PHONE, answer_rightly, new_context, open_app
from tests.test_api_e2e_preview import preview_reader, sign_in_editor

live_api_server = live_server.live_api_server
browser = app_browser.browser
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]
CONTROLLED = (
    "navigator.serviceWorker.ready.then(() => navigator.serviceWorker.controller || new Promise("
    "r => navigator.serviceWorker.addEventListener('controllerchange', r)))"
)
NO_THROTTLING = {"latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}


@pytest.fixture
def showcase(db):
    """Read before the browser starts: the ORM refuses to run beside Playwright's event loop."""
    module = ModulePage.objects.get(slug="teamwork-1", locale__language_code="en")
    served = questionnaire_in(module, "ar")
    return module.pk, served.raw


def test_an_arabic_learner_goes_from_sign_up_to_certificate_and_erasure(
    live_api_server, showcase, browser
):
    module_id, questionnaire = showcase
    # A browser set to a regional variant (Accept-Language: ar-SA,…): the offline start must not
    # depend on which language the browser asks for.
    context = new_context(browser, "ar-SA", viewport=PHONE, service_workers="allow")
    page = context.new_page()
    url = live_api_server.url

    # Sign up with a name only; the recovery code is shown to be kept.
    open_app(page, url, "#/me")
    page.locator("form.card-form input[type=text]").first.fill("أمينة يوسف")
    page.locator("form.card-form button.primary").click()
    code = page.locator(".recovery .code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){5}", code)
    assert "رمز الاسترداد" in page.locator(".recovery").inner_text()
    page.locator(".recovery button.primary").click()
    page.locator("progress").first.wait_for()

    # Download the module once the service worker controls the page.
    open_app(page, url, f"#/module/{module_id}")
    page.evaluate(CONTROLLED)
    page.locator(".download-offline button").click()
    page.locator(".download-offline .meta", has_text="متاح دون اتصال").wait_for()
    title = page.locator("#title").inner_text()

    # Offline (the whole browser, service worker included): the module opens again.
    context.set_offline(True)
    page.evaluate("location.hash = '#/settings'")
    page.locator("#title", has_text="الإعدادات").wait_for()
    page.evaluate(f"location.hash = '#/module/{module_id}'")
    page.locator("#title", has_text=title).wait_for()
    # And the app itself starts offline, from its service worker. (Playwright's offline context
    # also fails service-worker-served navigations; this is the page's own network going away.)
    context.set_offline(False)
    network = context.new_cdp_session(page)
    network.send("Network.enable")
    network.send("Network.emulateNetworkConditions", {**NO_THROTTLING, "offline": True})
    page.reload()
    page.locator("#title", has_text=title).wait_for()
    assert page.locator("#connection").is_visible()
    image = page.locator(".block-image img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    quiz = page.locator(".block-self_evaluation")
    quiz.locator("input[value=true]").first.check()
    quiz.locator("button[type=submit]").click()
    assert quiz.locator(".feedback").count() == quiz.locator("fieldset").count()
    assert quiz.locator("fieldset.right").count() >= 1
    # The graded evaluation says plainly that it needs a connection.
    page.locator(".block-evaluation a.primary").click()
    assert "يحتاج التقييم إلى اتصال" in page.locator("[role=alert]").inner_text()

    # Back online: pass the graded evaluation, with its timer running.
    network.send("Network.emulateNetworkConditions", {**NO_THROTTLING, "offline": False})
    page.reload()
    page.locator(".timer").wait_for()
    answer_rightly(page, questionnaire)
    page.locator("form.evaluation button[type=submit]").click()
    page.locator(".result .score").wait_for()
    assert page.locator("#title").inner_text() == "لقد نجحت!"

    # The type 1 certificate, and its public verification page.
    page.locator(".result a.primary").click()
    certificate = page.locator(".certificate").first
    certificate.wait_for()
    assert "1" in certificate.locator(".meta").first.inner_text().translate(
        str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")
    )
    with context.expect_page() as opened:
        certificate.locator("a[target=_blank]").click()
    verification = opened.value
    verification.wait_for_load_state()
    assert "/certificates/" in verification.url
    assert "أمينة يوسف" in verification.locator("body").inner_text()
    verification.close()

    # Erase: a plain-words confirmation, then nothing is left.
    token = page.evaluate("localStorage.getItem('mt-token')")
    open_app(page, url, "#/settings")
    page.locator("button.danger").click()
    assert page.locator(".card-form [role=alert]").is_visible()  # the box is not ticked yet
    page.locator("#erase-understood").check()
    page.locator("button.danger").click()
    page.locator("#title", has_text="تم حذفك").wait_for()
    status = page.evaluate(
        "t => fetch('/api/v1/learners/me/', {headers: {Authorization: 'Bearer ' + t}})"
        ".then(r => r.status)",
        token,
    )
    assert status == 401
    context.close()


DRAFT_TITLE = "Teamwork 1 — every block in a draft"


def test_an_editors_draft_previews_every_block_type(live_api_server, showcase, browser):
    module_id, _questionnaire = showcase
    context = new_context(browser, "en")
    page = context.new_page()
    sign_in_editor(page, live_api_server)
    page.goto(f"{live_api_server.url}/admin/pages/{module_id}/edit/")
    page.fill("#id_title", DRAFT_TITLE)
    page.click("[data-side-panel-toggle='preview']")
    frame = preview_reader(page)
    frame.locator("#title", has_text=DRAFT_TITLE).wait_for()
    assert "draft" in frame.locator(".notice.draft").inner_text().lower()
    for block_type in app_browser.BLOCK_TYPES:
        assert frame.locator(f".block-{block_type}").count() >= 1, block_type
    assert "[object" not in frame.locator("body").inner_text()
    context.close()
