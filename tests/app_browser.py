"""Driving the learners' app (frontend_contract/app/) in headless Chromium: contexts, the app's
own storage, axe-core from the app's npm packages, and answering a stored questionnaire through
the app's forms (by the texts the learner sees, so any id scheme works)."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from cms.core.api.questions import _items as stored_items
from cms.learners.api.throttles import clear_throttles
from cms.learners.grading import accepted_words
from tests.browser import CHROMIUM, CHROMIUM_ARGS

APP = "/app/"
AXE = Path(settings.BASE_DIR, "frontend_contract/app/node_modules/axe-core/axe.min.js")
PHONE = {"width": 360, "height": 740}
BLOCK_TYPES = [
    "section", "image", "video", "audio", "vocabulary", "card_deck", "scenario_game",
    "case_study", "template_download", "further_resources", "self_evaluation", "evaluation",
]  # fmt: skip
CSP_WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture
def browser() -> Iterator[Browser]:
    """Per test: Playwright's event loop must not run while the test database is set up.

    Each starts with the learners' full allowance of sign-ups and sign-ins: the live server is
    shared by the tests of one process, and an earlier one (the contract's fuzzing) may have
    spent it."""
    clear_throttles()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def new_context(browser: Browser, language: str, **options: Any) -> BrowserContext:
    """A fresh browser whose first language is ``language`` (the app takes it from there).

    Without a service worker unless asked: requests a service worker makes are not seen by
    Playwright's routes, with which some tests play the server's part."""
    context = browser.new_context(locale=language, **{"service_workers": "block", **options})
    context.set_default_timeout(30_000)
    context.add_init_script(CSP_WATCH)
    return context


def open_app(page: Page, server_url: str, route: str = "") -> None:
    page.goto(f"{server_url}{APP}{route}")
    page.locator("#title").wait_for()


def axe_serious(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is (needs bypass_csp)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def answer_rightly(page: Page, questionnaire: dict) -> None:
    """Fill the app's evaluation form with the stored right answers, found by their texts."""
    for index, question in enumerate(questionnaire["questions"], start=1):
        raw, kind = question["value"], question["type"]
        box = page.locator("fieldset.question").nth(index - 1)
        if kind in {"single_choice", "multiple_choice"}:
            for _id, option in stored_items(raw["options"]):
                if option["correct"]:
                    box.locator("label.choice", has_text=option["text"]).locator("input").check()
        elif kind == "true_false":
            box.locator(f"input[value={str(raw['answer']).lower()}]").check()
        elif kind == "fill_in_blank":
            for blank, variants in zip(
                box.locator("input").all(), accepted_words(raw), strict=True
            ):
                blank.fill(variants[0])
        elif kind == "ordering":
            for target, (_id, text) in enumerate(stored_items(raw["items"])):
                row = box.locator("li", has_text=text)
                while box.locator("li").nth(target).inner_text() != row.inner_text():
                    row.locator("button.up").click()
        else:
            for _id, pair in stored_items(raw["pairs"]):
                select = box.locator(".pair", has_text=pair["left"]).locator("select")
                select.select_option(label=pair["right"])
