"""End to end, in headless Chromium: a French translator retitles a module in the translation
editor and submits it for review; a French reviewer approves it from the admin's dashboard; the
public API then serves the new title to a front end that had the old one.

With ``UPDATE_DOCS_SCREENSHOTS=1`` the screens are also saved for the translators' guide
(docs/translation/*.png, docs/translators.md).
"""

import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests import live_server
from tests.browser import CHROMIUM, CHROMIUM_ARGS

live_api_server = live_server.live_api_server
# The server needs the test database, which is only set up for tests that ask for it.
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

MODULE = "use-of-the-cell-phone"
NEW_TITLE = "Bien utiliser son téléphone portable"
SCREENSHOTS = settings.BASE_DIR / "docs" / "translation"
VIEWPORT = {"width": 1280, "height": 860}


@pytest.fixture
def french_module(live_api_server, tmp_path) -> Iterator[dict[str, Any]]:
    """The module's ids and titles; its French page is put back as loaded afterwards."""
    state = tmp_path / "page-state.pickle"
    saved = json.loads(
        live_api_server.run_module("tests.page_state", "save", MODULE, "fr", str(state))
    )
    yield saved
    live_api_server.run_module("tests.page_state", "restore", str(state))
    restored = FrontEnd(live_api_server, saved["module_id"]).read()
    assert restored["title"] == saved["title"], "the API still serves the test's title"


@pytest.fixture
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def signed_in(browser: Browser, server: live_server.LiveServer, account: tuple[str, str]) -> Page:
    """A new browser window (its own cookies) signed in to the admin as ``account``."""
    page = browser.new_context(viewport=VIEWPORT, locale="en-GB").new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{server.url}/admin/login/")
    page.fill("input[name=username]", account[0])
    page.fill("input[name=password]", account[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{server.url}/admin/")
    return page


def document(page: Page, name: str) -> None:
    """Save the screen for the guide when asked; menus and badges as they look once settled."""
    if os.environ.get("UPDATE_DOCS_SCREENSHOTS"):
        page.screenshot(path=SCREENSHOTS / f"{name}.png", animations="disabled")


class FrontEnd:
    """Reads the French module as a front end with an HTTP cache: revalidating with its ETag."""

    def __init__(self, server: live_server.LiveServer, module_id: int) -> None:
        self.url = f"{server.url}/api/v1/modules/{module_id}/?locale=fr"
        self.etag = ""
        self.module: dict[str, Any] = {}

    def read(self) -> dict[str, Any]:
        headers = {"If-None-Match": self.etag} if self.etag else {}
        request = urllib.request.Request(self.url, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request) as response:  # noqa: S310
                self.module, self.etag = json.load(response), response.headers["ETag"]
        except urllib.error.HTTPError as error:
            if error.code != HTTPStatus.NOT_MODIFIED:
                raise
        return self.module


def test_a_translator_retitles_a_module_and_a_reviewer_publishes_it(
    live_api_server, french_module, chromium
):
    server, module = live_api_server, french_module
    front_end = FrontEnd(server, module["module_id"])
    served = front_end.read()
    assert (served["title"], served["fallback"]) == (module["title"], False)

    translator = signed_in(chromium, server, server.translator)
    translator.goto(f"{server.url}/admin/pages/{module['page_id']}/edit/")
    title = (
        translator.locator("li")
        .filter(has=translator.get_by_role("heading", name="Title", exact=True))
        .filter(has=translator.get_by_text(module["source_title"], exact=True))
    )
    title.get_by_role("button", name="Edit").click()
    title.locator("textarea").fill(NEW_TITLE)
    document(translator, "1-translator-edits-a-title")
    with translator.expect_response(re.compile(r"/strings/\d+/edit/$")) as saved:
        title.get_by_role("button", name="Save").click()
    assert saved.value.ok
    expect(title.get_by_text(NEW_TITLE, exact=True)).to_be_visible()

    translator.get_by_role("button", name="Submit for review").click()
    expect(translator.get_by_text(f"“{NEW_TITLE}” was sent to the reviewers.")).to_be_visible()
    expect(translator.get_by_text("This translation is waiting for review.")).to_be_visible()
    expect(translator.get_by_role("button", name="Submit for review")).to_have_count(0)
    document(translator, "2-translator-submits-for-review")
    served = front_end.read()
    assert served["title"] == module["title"], "learners keep the published title until approval"

    reviewer = signed_in(chromium, server, server.reviewer)
    awaiting = reviewer.locator("#awaiting-review-content tr").filter(
        has=reviewer.get_by_role("link", name=NEW_TITLE, exact=True)
    )
    expect(awaiting).to_contain_text("Traductrice")
    awaiting.get_by_role("button", name="Actions").click()
    approve = awaiting.get_by_role("button", name="Approve", exact=True)
    expect(approve).to_be_visible()
    document(reviewer, "3-reviewer-approves")
    with reviewer.expect_response(re.compile(r"/workflow/action/\d+/approve/\d+/$")) as approved:
        approve.click()
    assert approved.value.status < HTTPStatus.BAD_REQUEST  # back to the dashboard
    expect(awaiting).to_have_count(0)
    # Wagtail's "Approve" says nothing itself; the reviewer reads that the page is published.
    expect(
        reviewer.get_by_text(f"“{NEW_TITLE}” is approved and published (French).")
    ).to_be_visible()

    for served in (front_end.read(), FrontEnd(server, module["module_id"]).read()):
        assert (served["title"], served["fallback"], served["locale"]) == (NEW_TITLE, False, "fr")
