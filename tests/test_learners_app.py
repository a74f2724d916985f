"""The learners' app (frontend_contract/app/) in headless Chromium on a real server: the showcase
module in four languages, the security of the app (no foreign API, no foreign script, a strict
CSP), accessibility (axe-core), and the errors a learner may meet, said in their language."""

import base64
import hashlib
import http.server
import json
import re
import threading
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from cms.learners.questionnaires import questionnaire_in
from cms.modules.models import ModulePage
from tests import app_browser, live_server
from tests.app_browser import (
    APP,
    BLOCK_TYPES,
    PHONE,
    answer_rightly,
    axe_serious,
    new_context,
    open_app,
)

live_api_server = live_server.live_api_server
browser = app_browser.browser
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]
SCREENSHOTS = Path(settings.BASE_DIR, "docs", "app")
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


@pytest.fixture
def showcase_id(db) -> int:
    """Read before the browser starts: the ORM refuses to run beside Playwright's event loop."""
    return ModulePage.objects.get(slug="teamwork-1", locale__language_code="en").pk


@pytest.mark.parametrize("language", ["en", "fr", "ar", "fa"])
def test_the_showcase_renders_every_block_type(live_api_server, showcase_id, browser, language):
    context = new_context(browser, language, viewport=PHONE)
    page = context.new_page()
    open_app(page, live_api_server.url, f"#/module/{showcase_id}")
    page.locator(".block-evaluation").wait_for()
    assert page.evaluate("document.documentElement.lang") == language
    assert page.evaluate("document.documentElement.dir") == (
        "rtl" if language in {"ar", "fa"} else "ltr"
    )
    text = page.locator("body").inner_text()
    assert "[object" not in text
    # The language the API marks each block with (the first block of each type).
    block_locales = page.evaluate(
        f"fetch('/api/v1/modules/{showcase_id}/?locale={language}').then(r => r.json())"
        ".then(m => Object.fromEntries(m.body.slice().reverse().map(b => [b.type, b.locale])))"
    )
    for block_type in BLOCK_TYPES:
        block = page.locator(f".block-{block_type}")
        assert block.count() >= 1, block_type
        assert block.first.is_visible(), block_type
        assert block.first.locator("h2, figure").first.is_visible(), block_type
        # Each block in the direction of its own text (an untranslated block in an Arabic
        # module is English, left to right), whatever the interface's direction.
        own_text = block.first.locator("h2, figcaption").first.inner_text()
        written_rtl = bool(ARABIC_LETTER.search(own_text))
        assert block.first.get_attribute("dir") == ("rtl" if written_rtl else "ltr"), block_type
        assert block.first.get_attribute("lang") == block_locales[block_type], block_type
    # And each field of the module in the language the API marks it with.
    item_locale, field_locales = page.evaluate(
        f"fetch('/api/v1/modules/{showcase_id}/?locale={language}').then(r => r.json())"
        ".then(m => [m.locale, m.field_locales])"
    )
    for field, selector in [("title", "#title"), ("summary", ".summary")]:
        shown = page.locator(selector).evaluate("e => e.closest('[lang]').lang")
        assert shown == field_locales.get(field, item_locale), field
    # 360 px wide: nothing sticks out sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("window.__violations") == []
    # Fonts by script: a Latin-script learner never downloads the Arabic one.
    page.wait_for_load_state("networkidle")
    fonts = page.evaluate(
        "performance.getEntriesByType('resource').map(r => r.name).filter(n => /woff2$/.test(n))"
    )
    assert any("noto-sans-latin" in font for font in fonts)
    assert any("naskh" in font for font in fonts) == (language in {"ar", "fa"})
    if language in {"en", "ar"}:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        for block_type in BLOCK_TYPES:
            page.locator(f".block-{block_type}").first.screenshot(
                path=SCREENSHOTS / f"{block_type}-{language}.png"
            )
    context.close()


def test_the_first_screen_is_asked_for_once_from_the_page_itself(
    live_api_server, showcase_id, browser
):
    """The page starts the module's request and the interface texts from its top, before the
    rest of it (the app's code) has arrived; the app takes that request over instead of sending
    its own (one round trip less on 3G)."""
    context = new_context(browser, "ar", viewport=PHONE)
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    open_app(page, live_api_server.url, f"#/module/{showcase_id}")
    page.locator(".block-section .rich p").first.wait_for()
    api = f"{live_api_server.url}/api/v1/modules/{showcase_id}/"
    assert [url for url in requested if url.startswith(api)] == [f"{api}?locale=ar"]
    texts = f"{live_api_server.url}{APP}i18n/ar.js"
    assert requested.count(texts) == 1
    assert page.evaluate("window.mtEarly") is None  # taken by the app
    assert page.evaluate("window.__violations") == []
    context.close()


def test_interactive_blocks_behave(live_api_server, showcase_id, browser):
    context = new_context(browser, "en", viewport=PHONE)
    page = context.new_page()
    open_app(page, live_api_server.url, f"#/module/{showcase_id}")
    # A card turns over to show its text.
    card = page.locator(".block-card_deck .card").first
    assert not card.locator(".back").is_visible()
    card.locator("button.card-face").click()
    assert card.locator(".back").is_visible()
    # A scenario's choice shows its consequence and moves the meter.
    game = page.locator(".block-scenario_game")
    before = game.locator("meter").get_attribute("value")
    game.locator(".choice-button").first.click()
    assert game.locator(".feedback").is_visible()
    assert game.locator("meter").evaluate("m => m.value") != float(before)
    # The self-evaluation gives feedback on every question.
    quiz = page.locator(".block-self_evaluation")
    quiz.locator("button[type=submit]").click()
    questions = quiz.locator("fieldset.question").count()
    assert quiz.locator(".feedback").count() == questions
    assert quiz.locator(".result").inner_text().strip()
    # The video has a subtitle track per language and a transcript.
    tracks = page.locator(".block-video track")
    assert tracks.count() >= 2
    assert {tracks.nth(i).get_attribute("srclang") for i in range(tracks.count())} >= {"en"}
    assert page.locator(".block-video details.transcript").count() == 1
    context.close()


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):
        _Recorder.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


HOSTILE_HTML = (
    '<p>Hello</p><img src="x" onerror="window.__pwned = 1">'
    "<script>window.__pwned = 2</script>"
    '<a href="javascript:window.__pwned = 3" id="evil">click</a>'
    '<p style="position:fixed" onclick="window.__pwned = 4">styled</p>'
)


# Browsers without the HTML Sanitizer API: the app sanitises with DOMPurify, loaded then only.
WITHOUT_SET_HTML = "delete Element.prototype.setHTML;"


def test_a_hostile_link_or_hostile_html_does_nothing(live_api_server, showcase_id, browser):
    attacker = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    evil = f"http://127.0.0.1:{attacker.server_address[1]}"
    try:
        # ?api= names another server: the app keeps talking to its own API only.
        context = new_context(browser, "en")
        page = context.new_page()
        page.goto(f"{live_api_server.url}{APP}?api={evil}/api/v1#/module/{showcase_id}")
        page.locator(".block-section").first.wait_for()
        assert _Recorder.hits == []

        # The API (or someone in its place) sends script in rich text. Under the page's CSP, and
        # without it, so that the app's own sanitising is proven alone; by the browser's
        # setHTML, and by DOMPurify where the browser has no setHTML.
        for bypass_csp, set_html in [(False, True), (True, True), (True, False)]:
            context = new_context(browser, "en", bypass_csp=bypass_csp)
            if not set_html:
                context.add_init_script(WITHOUT_SET_HTML)
            page = context.new_page()
            scripts: list[str] = []
            page.on("request", lambda r, seen=scripts: seen.append(r.url))

            def poison(route):
                module = route.fetch().json()
                for block in module["body"]:
                    if block["type"] == "section":
                        block["value"]["body"] = HOSTILE_HTML
                route.fulfill(json=module)

            page.route("**/api/v1/modules/*/**", poison)
            open_app(page, live_api_server.url, f"#/module/{showcase_id}")
            rich = page.locator(".block-section .rich").first
            expect(rich).to_contain_text("Hello")
            assert rich.locator("img, script, [onclick], [style]").count() == 0
            assert rich.locator("a", has_text="click").get_attribute("href") is None
            page.locator("text=styled").click()
            page.wait_for_timeout(300)
            assert page.evaluate("window.__pwned") is None
            # DOMPurify is downloaded where it sanitises, and only there.
            assert any("/chunks/purify" in url for url in scripts) is not set_html
            context.close()
    finally:
        attacker.shutdown()


def test_the_app_pages_carry_a_strict_content_security_policy(live_api_server):
    import urllib.request

    with urllib.request.urlopen(f"{live_api_server.url}{APP}") as response:  # noqa: S310
        policy = response.headers["Content-Security-Policy"]
        page = response.read().decode()
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    # The page's inline scripts (the early start of the first screen's requests, then the app)
    # and its inline style are allowed by their hashes; any other inline script or style is not.
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";")}

    def hashes(pattern: str) -> list[str]:
        found = re.findall(pattern, page, re.DOTALL)
        return [
            f"'sha256-{base64.b64encode(hashlib.sha256(c.encode()).digest()).decode()}'"
            for c in found
        ]

    scripts = hashes(r"<script(?: type=\"module\")?>(.*?)</script>")
    assert len(scripts) == 2 and directives["script-src"] == ["'self'", *scripts]
    styles = hashes(r"<style>(.*?)</style>")
    assert len(styles) == 1 and directives["style-src"] == ["'self'", *styles]
    assert page.count("<script") == 2 and page.count("<style") == 1
    with urllib.request.urlopen(f"{live_api_server.url}/reader/?token=x&content_type=y") as r:  # noqa: S310
        assert r.url == f"{live_api_server.url}{APP}?token=x&content_type=y"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_serious_accessibility_violation(live_api_server, showcase_id, browser, language):
    context = new_context(browser, language, viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    screens = {
        "catalogue": "",
        "module": f"#/module/{showcase_id}",
        "sign-up": "#/me",
        "settings": "#/settings",
        "evaluation (signed out)": f"#/evaluation/{showcase_id}",
    }
    problems = {}
    for name, route in screens.items():
        open_app(page, live_api_server.url, route)
        page.wait_for_load_state("networkidle")
        problems[name] = axe_serious(page)
    assert all(not found for found in problems.values()), problems
    context.close()


SIGN_UP = (
    "name => fetch('/api/v1/learners/', {method: 'POST', headers: {'Content-Type': "
    "'application/json'}, body: JSON.stringify({display_name: name})}).then(r => r.json())"
    ".then(b => localStorage.setItem('mt-token', b.token))"
)


@pytest.fixture
def questionnaires(showcase_id) -> dict[str, dict]:
    module = ModulePage.objects.get(pk=showcase_id)
    return {language: questionnaire_in(module, language).raw for language in ["en", "ar"]}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_no_serious_accessibility_violation_signed_in(
    live_api_server, showcase_id, questionnaires, browser, language
):
    """The signed-in screens: progress, an evaluation running, its result, the certificates
    (with the one the pass earned) and the settings with the learner's data and erasure."""
    context = new_context(browser, language, viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    open_app(page, live_api_server.url, "#/settings")
    page.evaluate(SIGN_UP, "Amina Yusuf")
    problems = {}

    def check(name, route, ready):
        open_app(page, live_api_server.url, route)
        page.locator(ready).first.wait_for()
        page.wait_for_load_state("networkidle")
        problems[name] = axe_serious(page)

    check("my learning", "#/me", "progress")
    check("evaluation", f"#/evaluation/{showcase_id}", ".timer")
    answer_rightly(page, questionnaires[language])
    page.locator("form.evaluation button[type=submit]").click()
    page.locator(".result .score").wait_for()
    problems["result"] = axe_serious(page)
    check("certificates", "#/certificates", ".certificate")
    check("settings", "#/settings", "button.danger")
    assert all(not found for found in problems.values()), problems
    context.close()


def _problem(route, status, kind, title, headers=None):
    route.fulfill(
        status=status,
        headers={"Content-Type": "application/problem+json", **(headers or {})},
        body=json.dumps({"type": f"https://migrantech.org/problems/{kind}", "title": title,
                         "status": status, "detail": title}),
    )  # fmt: skip


def test_errors_are_said_in_the_learners_language(live_api_server, showcase_id, browser):
    context = new_context(browser, "ar", viewport=PHONE)
    page = context.new_page()
    open_app(page, live_api_server.url)

    # An expired or revoked token: the real server answers 401.
    page.evaluate("localStorage.setItem('mt-token', 'expired-token')")
    open_app(page, live_api_server.url, "#/me")
    # A hash change re-renders in place: wait for the new screen's alert, not the last one's.
    expect(page.locator("[role=alert]")).to_contain_text("انتهت جلستك")
    assert page.evaluate("localStorage.getItem('mt-token')") is None

    # The server cannot be reached.
    page.route("**/api/v1/catalogue/**", lambda route: route.abort("connectionrefused"))
    open_app(page, live_api_server.url, "#/")
    expect(page.locator("[role=alert]")).to_contain_text("لا يمكن الوصول إلى الخادم")
    page.unroute("**/api/v1/catalogue/**")

    # Too many requests, with Retry-After.
    page.route("**/api/v1/catalogue/**", lambda route: _problem(
        route, 429, "rate-limited", "Too many requests", {"Retry-After": "30"}))  # fmt: skip
    open_app(page, live_api_server.url, "#/settings")
    open_app(page, live_api_server.url, "#/")
    expect(page.locator("[role=alert]")).to_contain_text("محاولات كثيرة جدًا")
    alert = page.locator("[role=alert]").inner_text()
    assert "محاولات كثيرة جدًا" in alert and ("٣٠" in alert or "30" in alert)
    page.unroute("**/api/v1/catalogue/**")

    # Time is up: the server's 409 time-is-up problem.
    page.evaluate("localStorage.setItem('mt-token', 'some-token')")
    page.route(f"**/api/v1/modules/{showcase_id}/attempts/**", lambda route: route.fulfill(
        status=201, json={"id": "a1", "module": showcase_id, "locale": "ar", "fallback": False,
                          "started_at": "2026-01-01T00:00:00Z", "deadline": "2026-01-01T00:01:00Z",
                          "questionnaire": {"title": "T", "instructions": "", "pass_mark": 60,
                                            "time_limit_minutes": 1, "total_points": 0,
                                            "questions": [], "field_locales": {}}}))  # fmt: skip
    page.route("**/api/v1/attempts/a1/submit/**", lambda route: _problem(
        route, 409, "time-is-up", "Time is up"))  # fmt: skip
    open_app(page, live_api_server.url, f"#/evaluation/{showcase_id}")
    page.locator("form.evaluation button[type=submit]").click()
    # The server's answer is the last alert (the timer's own warning may stand above it).
    assert "انتهى الوقت" in page.locator("form.evaluation [role=alert]").last.inner_text()
    context.close()
