"""Evaluation questions marked with the language their text is in: an Arabic evaluation whose
title and one question a partner left in English. The learners' API marks each question (and
each correction) with its ``locale`` and the questionnaire's title with ``field_locales``; in
headless Chromium the learners' app lays that question and the title out as English
(lang="en", dir="ltr") inside the Arabic evaluation, and the other questions right to left."""

import pytest

from cms.learners.questionnaires import evaluation_of
from cms.modules.models import ModulePage
from tests import app_browser, live_server
from tests.api_helpers import translate
from tests.app_browser import PHONE, new_context
from tests.factories import ModulePageFactory, evaluation, section
from tests.learner_helpers import (  # noqa: F401 (fixture: autouse fresh_throttles)
    fresh_throttles,
    post,
    register,
)

live_api_server = live_server.live_api_server
browser = app_browser.browser
pytestmark = pytest.mark.django_db

ARABIC = "بالعربية"


def true_false(prompt: str, answer: bool) -> dict:
    value = {"prompt": prompt, "answer": str(answer).lower(), "explanation": "So it is."}
    return {"type": "true_false", "value": value | {"points": 1}}


@pytest.fixture
def module() -> tuple[ModulePage, list[str]]:
    """The module, in English and in Arabic but for its evaluation's title and second question;
    and its questions' ids."""
    questions = [
        true_false("Plans change.", True),
        true_false("Nobody needs a plan.", False),
        true_false("A plan helps the team.", True),
    ]
    page = ModulePageFactory(body=[section(), evaluation(questions, pass_mark=30)])
    ids = [q["id"] for q in evaluation_of(ModulePage.objects.get(pk=page.pk))["questions"]]
    block_id = next(b["id"] for b in page.body.raw_data if b["type"] == "evaluation")
    arabic = translate(page, "ar", ARABIC, leave=(f"{block_id}.title", ids[1]))
    # The factory's pages go through no workflow: their translations are published here.
    for translated in [*arabic.get_ancestors().filter(live=False), arabic]:
        translated.specific.latest_revision.publish()
    return page, ids


def start(client, page: ModulePage) -> tuple[str, dict]:
    token = register(client)["token"]
    response = post(client, f"modules/{page.pk}/attempts/?locale=ar", token=token)
    assert response.status_code == 201, response.content[:500]
    return token, response.json()


def test_the_api_marks_each_question_and_correction_with_its_locale(client, module):
    page, ids = module
    token, attempt = start(client, page)
    assert attempt["locale"] == "ar" and not attempt["fallback"]
    questionnaire = attempt["questionnaire"]
    assert [(q["id"], q["locale"]) for q in questionnaire["questions"]] == [
        (ids[0], "ar"),
        (ids[1], "en"),
        (ids[2], "ar"),
    ]
    assert [q["value"]["prompt"].startswith(ARABIC) for q in questionnaire["questions"]] == [
        True,
        False,
        True,
    ]
    assert questionnaire["field_locales"] == {"title": "en"}
    assert questionnaire["title"] == "Evaluation"
    # One of three right passes (30 %); each correction says which language it is in.
    answers = {ids[0]: True, ids[1]: True, ids[2]: False}
    result = post(client, f"attempts/{attempt['id']}/submit/", {"answers": answers}, token).json()
    assert result["passed"]
    assert [(m["id"], m["locale"]) for m in result["mistakes"]] == [(ids[1], "en"), (ids[2], "ar")]


def test_in_english_every_question_is_english(client, module):
    page, _ids = module
    token = register(client)["token"]
    attempt = post(client, f"modules/{page.pk}/attempts/?locale=en", token=token).json()
    assert {q["locale"] for q in attempt["questionnaire"]["questions"]} == {"en"}
    assert attempt["questionnaire"]["field_locales"] == {}


@pytest.fixture
def served_attempt(client, module) -> tuple[int, list[str], dict]:
    """The API's answer to an Arabic learner starting the evaluation, made before the browser
    starts (the ORM refuses to run beside Playwright's event loop). The module lives in this
    test's transaction, which the live server does not see: the app gets this answer from it."""
    page, ids = module
    _token, attempt = start(client, page)
    return page.pk, ids, attempt


LAID_OUT = "node => [node.closest('[lang]').lang, getComputedStyle(node).direction]"


def test_the_app_lays_an_english_question_out_as_english_in_arabic(
    live_api_server, served_attempt, browser
):
    module_id, ids, attempt = served_attempt
    context = new_context(browser, "ar", viewport=PHONE)
    context.add_init_script("localStorage.setItem('mt-token', 'a-learner')")
    page = context.new_page()
    page.route(
        f"**/api/v1/modules/{module_id}/attempts/**",
        lambda route: route.fulfill(status=201, json=attempt),
    )
    page.goto(f"{live_api_server.url}{app_browser.APP}#/evaluation/{module_id}")
    page.locator("form.evaluation fieldset").first.wait_for()
    prompts = [page.locator(f"fieldset[data-question='{i}'] legend") for i in ids]
    assert [p.inner_text().startswith(f"{n}. {ARABIC}") for n, p in enumerate(prompts, 1)] == [
        True,
        False,
        True,
    ]
    assert [p.evaluate(LAID_OUT) for p in prompts] == [["ar", "rtl"], ["en", "ltr"], ["ar", "rtl"]]
    assert page.locator("#title").evaluate(LAID_OUT) == ["en", "ltr"]
    # The form's own texts stay the interface's, Arabic.
    submit = page.locator("form.evaluation button[type=submit]")
    assert submit.evaluate(LAID_OUT) == ["ar", "rtl"]
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.evaluate("window.__violations") == []
    context.close()
