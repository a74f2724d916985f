"""The learners' app's own texts inside content in another language, in headless Chromium on a
real server: on an Arabic screen, a block still in English is laid out left to right, but the
app's Arabic labels, feedback, scores and buttons inside it stay Arabic, right to left."""

import pytest

from cms.modules.models import ModulePage
from tests import app_browser, live_server
from tests.app_browser import PHONE, new_context, open_app

live_api_server = live_server.live_api_server
browser = app_browser.browser
pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

# The interface's texts a block may hold, by where they are once the block is used.
INTERFACE_TEXTS = [
    ".meter",  # "Employability meter: 65" and its bar
    ".stage > .meta",  # "Step 1 of 3"
    ".quiz .feedback strong",  # "Right." / "Not quite."
    ".quiz .result",  # "2 of 3 answers are right."
    ".quiz button[type=submit]",
    ".facts",  # the evaluation's questions, pass mark and time
    ".needs-network",
    "a.primary[href^='#/evaluation/']",  # "Start the evaluation"
    ".matching option[value='']",  # "Choose…"
    ".transcript summary",
    ".takeaway summary",
    ".hint",
]
LAID_OUT = """nodes => nodes.map(node => ({
    lang: node.closest('[lang]').lang,
    dir: getComputedStyle(node).direction,
    block: node.closest('section.block').lang,
}))"""


@pytest.fixture
def module_ids(db) -> list[int]:
    """Read before the browser starts: the ORM refuses to run beside Playwright's event loop."""
    slugs = ["teamwork-1", "looking-for-a-job-on-the-internet"]
    return [ModulePage.objects.get(slug=slug, locale__language_code="en").pk for slug in slugs]


def test_interface_texts_inside_english_blocks_stay_arabic(live_api_server, module_ids, browser):
    context = new_context(browser, "ar", viewport=PHONE)
    checked: set[str] = set()
    for module_id in module_ids:
        # A page of its own: a hash change would leave the last module on screen for a while.
        page = context.new_page()
        open_app(page, live_api_server.url, f"#/module/{module_id}")
        page.locator(".block").first.wait_for()
        page.wait_for_load_state("networkidle")
        english = page.locator("section.block[lang=en]")
        assert english.count() >= 1, "no block in English in Arabic: nothing to check"
        # Use the blocks, so that their feedback and scores are shown too.
        for i in range(english.count()):
            block = english.nth(i)
            # Clicked from the page (lazy images still loading move the buttons about).
            if block.locator(".choice-button").count():
                block.locator(".choice-button").first.evaluate("b => b.click()")
            if block.locator("form.quiz button[type=submit]").count():
                block.locator("form.quiz button[type=submit]").evaluate("b => b.click()")
        for selector in INTERFACE_TEXTS:
            for shown in page.locator(f"section.block[lang=en] {selector}").evaluate_all(LAID_OUT):
                assert shown == {"lang": "ar", "dir": "rtl", "block": "en"}, selector
                checked.add(selector)
        # The content itself keeps its own language and direction.
        for shown in page.locator("section.block[lang=en] h2").evaluate_all(LAID_OUT):
            assert shown == {"lang": "en", "dir": "ltr", "block": "en"}
    assert {".facts", "a.primary[href^='#/evaluation/']", ".quiz .result"} <= checked, checked
    # A disclosure's label ("What to remember") starts on the right of an English block.
    summary = page.locator("section.block[lang=en] .takeaway summary").first
    if summary.count():
        block = summary.evaluate("s => s.closest('section.block').getBoundingClientRect().right")
        text = summary.evaluate(
            "s => { const r = document.createRange(); r.selectNodeContents(s);"
            " return r.getBoundingClientRect().right; }"
        )
        assert text >= block - 12
    # The evaluation's facts have their bullets on the right: the list is indented from there.
    facts = page.locator("section.block[lang=en] .facts").last
    box = facts.bounding_box()
    item = facts.locator("li").first.bounding_box()
    assert (
        box
        and item
        and item["x"] == box["x"]
        and item["x"] + item["width"] < box["x"] + box["width"]
    )
    context.close()


def test_a_module_partly_in_english_says_so_in_the_learners_language(
    live_api_server, module_ids, browser
):
    _, partly_translated = module_ids
    context = new_context(browser, "ar", viewport=PHONE)
    page = context.new_page()
    url = live_api_server.url
    open_app(page, url, f"#/module/{partly_translated}")
    served = page.evaluate(
        f"fetch('/api/v1/modules/{partly_translated}/?locale=ar').then(r => r.json())"
        ".then(m => [m.fallback, m.completeness, m.body.filter(b => b.locale !== m.locale).length])"
    )
    fallback, completeness, english_blocks = served
    assert not fallback and completeness < 100 and english_blocks >= 1
    notice = page.locator(".module > .notice.partly-translated")
    notice.wait_for()
    assert notice.get_attribute("lang") == "ar" and notice.get_attribute("dir") == "rtl"
    text = notice.inner_text()
    assert "العربية" in text and "بالإنجليزية" in text
    # At the top: right under the title.
    assert page.locator(".module > #title + .notice.partly-translated").count() == 1
    # The catalogue marks it too, and not a module that is wholly in Arabic.
    open_app(page, url, "#/")
    card = page.locator(f"li:has(> a[href='#/module/{partly_translated}'])")
    assert card.locator(".badge.in-english").inner_text() == "بالإنجليزية جزئيًا"
    # In English, the source, there is nothing to say.
    english = new_context(browser, "en", viewport=PHONE).new_page()
    open_app(english, url, f"#/module/{partly_translated}")
    english.locator(".block").first.wait_for()
    assert english.locator(".module .notice").count() == 0
    open_app(english, url, "#/")
    assert english.locator(".badge.in-english").count() == 0
    context.close()
