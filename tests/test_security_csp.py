"""A Content-Security-Policy on every page we serve: script only from our own files, never inline,
fetches only to our own origin (and those configured). In headless Chromium, the Wagtail admin's
dashboard and page editor work under it with no violation, and HTML injected into a page the way
the reader's injection did runs nothing."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from cms.modules.models import ModulePage
from tests import live_server
from tests.browser import CHROMIUM, CHROMIUM_ARGS

live_api_server = live_server.live_api_server
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

PAGES = [
    "/",
    "/admin/login/",
    "/api/v1/modules/",
    "/api/v1/docs/",
    "/api/v1/redoc/",
    "/certificates/not-a-certificate/",
    "/reader/",
    "/no-such-page/",
]


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in header.split(";"):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


@pytest.mark.parametrize("path", PAGES)
def test_every_page_carries_a_policy_without_inline_script(client, path):
    policy = directives(client.get(path)["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.fixture
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Violations:
    """Every CSP violation a page reports (console and the DOM's own event), and script errors."""

    def __init__(self, page: Page) -> None:
        self.messages: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.messages.append(f"script error: {error}"))
        page.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation', event => "
            "window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));"
        )

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.messages.append(message.text)

    def of(self, page: Page) -> list[str]:
        return self.messages + page.evaluate("window.__violations")


@pytest.fixture
def module_id() -> int:
    """A module to open in the page editor (read before the browser's event loop starts)."""
    return ModulePage.objects.filter(locale__language_code="en").order_by("path").first().pk


def test_the_admin_works_under_the_policy_and_injected_script_does_not_run(
    live_api_server, module_id, chromium
):
    page = chromium.new_context(viewport={"width": 1280, "height": 860}).new_page()
    page.set_default_timeout(30_000)
    violations = Violations(page)
    page.goto(f"{live_api_server.url}/admin/login/")
    page.fill("input[name=username]", live_api_server.editor[0])
    page.fill("input[name=password]", live_api_server.editor[1])
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_api_server.url}/admin/")
    page.wait_for_load_state("networkidle")
    assert page.locator("main").is_visible()
    assert violations.of(page) == []

    page.goto(f"{live_api_server.url}/admin/pages/{module_id}/edit/")
    page.wait_for_load_state("networkidle")
    # The editor's scripts ran: the StreamField's blocks were built in the browser.
    assert page.locator("[data-streamfield-stream-container]").first.is_visible()
    # Panels and date pickers Wagtail starts with inline scripts were started by our file.
    started = page.evaluate(
        "[...document.querySelectorAll('[data-csp-start]')].map(m => m.dataset.cspStarted)"
    )
    assert started and set(started) == {"true"}
    assert violations.of(page) == []

    # What the hostile server's `html` did through innerHTML: an inline handler and a script.
    page.evaluate(
        "document.body.insertAdjacentHTML('beforeend', "
        '\'<img src="data:," onerror="window.stolen = document.cookie">\');'
        "const script = document.createElement('script');"
        "script.textContent = 'window.stolen = document.cookie';"
        "document.body.append(script);"
    )
    page.wait_for_timeout(500)
    assert page.evaluate("window.stolen") is None
    assert any("script-src" in violation for violation in violations.of(page))
