"""The graded questionnaire reaches learners without its answers; self-evaluation keeps them."""

import pytest

from cms.core.api.questions import public_item_id
from cms.modules.models import ModulePage
from tests.api_helpers import fresh_json, translate

from .factories import ModulePageFactory, evaluation, every_block, section

pytestmark = pytest.mark.django_db


def question(kind: str, number: int, **value) -> dict:
    return {
        "type": kind,
        "id": f"q-{number}",
        "value": {
            "prompt": f"Question {number}",
            "explanation": f"Why answer {number} is right.",
            "points": 1,
            **value,
        },
    }


EVERY_KIND = [
    question(
        "single_choice",
        1,
        options=[{"text": "Ask again", "correct": True}, {"text": "Guess", "correct": False}],
    ),
    question(
        "multiple_choice",
        2,
        options=[
            {"text": "Listen", "correct": True},
            {"text": "Help", "correct": True},
            {"text": "Shout", "correct": False},
        ],
    ),
    question("true_false", 3, answer="true"),
    question("fill_in_blank", 4, text="Start work at ___ sharp.", answers=["eight|8 o'clock"]),
    question("ordering", 5, items=["Arrive", "Change clothes", "Start the shift"]),
    question(
        "matching",
        6,
        pairs=[
            {"left": "Chef", "right": "Plans the menu"},
            {"left": "Waiter", "right": "Serves the guests"},
            {"left": "Porter", "right": "Carries the luggage"},
        ],
    ),
]


@pytest.fixture(autouse=True)
def modules(django_capture_on_commit_callbacks):
    """A module with every question type in its evaluation, translated into French, and the
    module with every block type (and a self-evaluation), left in English."""
    every_kind = ModulePageFactory(
        title="Punctuality at work", body=[section(), evaluation(EVERY_KIND)]
    )
    ModulePageFactory(title="Teamwork 1", body=every_block())
    with django_capture_on_commit_callbacks(execute=True):
        translate(every_kind, "fr", prefix="[fr]")


ANSWER_KEYS = {"correct", "answer", "answers", "explanation", "pairs"}


def strings_in(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        for child in value:
            yield from strings_in(child)
    elif isinstance(value, str):
        yield value


def keys_in(value):
    if isinstance(value, dict):
        for key, child in value.items():
            yield key
            yield from keys_in(child)
    elif isinstance(value, list):
        for child in value:
            yield from keys_in(child)


LOCALES = ["en", "fr"]
"""English and one translated locale."""


def stored_evaluations(locale="en"):
    """(English module, raw evaluation value as served in ``locale``) for every questionnaire.

    The value is the real translation's where one is live, else the English one (fallback).
    """
    translations = {
        page.translation_key: page
        for page in ModulePage.objects.live().filter(
            locale__language_code=locale, alias_of__isnull=True
        )
    }
    for page in ModulePage.objects.filter(locale__language_code="en", live=True):
        served = translations.get(page.translation_key, page)
        for block in served.body.raw_data:
            if block["type"] == "evaluation":
                yield page, block


def explanations_of(raw_evaluation):
    return {q["value"]["explanation"] for q in raw_evaluation["value"]["questions"]} - {""}


def blank_answers_of(raw_question):
    """The accepted answers of a fill-in-the-blank question."""
    answers = set()
    for answer in raw_question["value"].get("answers", []):
        answer = answer["value"] if isinstance(answer, dict) else answer
        answers.update(variant.strip() for variant in answer.split("|"))
    return answers - {""}


def public_responses(client, page, locale="en"):
    yield fresh_json(client, f"modules/{page.pk}/?locale={locale}")
    yield fresh_json(client, f"catalogue/?locale={locale}")
    yield fresh_json(client, f"modules/?page_size=100&locale={locale}")
    yield fresh_json(client, f"search/?q={page.title.split()[0]}&locale={locale}")


def without_self_evaluation(value):
    """The response minus self-evaluation quizzes, which may show their answers."""
    if isinstance(value, dict):
        if value.get("type") == "self_evaluation":
            return {}
        return {key: without_self_evaluation(child) for key, child in value.items()}
    if isinstance(value, list):
        return [without_self_evaluation(child) for child in value]
    return value


def test_there_are_evaluations_to_check():
    checked = {page.title: len(raw["value"]["questions"]) for page, raw in stored_evaluations()}
    assert checked == {"Punctuality at work": 6, "Teamwork 1": 2}


def test_a_translated_questionnaire_is_checked_too():
    english = dict(stored_evaluations("en"))
    french = dict(stored_evaluations("fr"))
    assert any(french[page] != english[page] for page in english)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_public_response_carries_an_answer_or_explanation(client, locale):
    for page, raw in stored_evaluations(locale):
        for response in public_responses(client, page, locale):
            assert not ANSWER_KEYS & set(keys_in(without_self_evaluation(response))), page.slug
        detail = fresh_json(client, f"modules/{page.pk}/?locale={locale}")
        evaluation = next(b for b in detail["body"] if b["type"] == "evaluation")
        served_text = " ".join(strings_in(evaluation))
        for explanation in explanations_of(raw):
            assert explanation not in served_text, (page.slug, explanation)
        served_questions = {q["id"]: q for q in evaluation["value"]["questions"]}
        for question in raw["value"]["questions"]:
            served = " ".join(strings_in(served_questions[question["id"]]["value"])).lower()
            shown = (question["value"]["prompt"] + question["value"].get("text", "")).lower()
            for answer in blank_answers_of(question):
                if answer.lower() not in shown:
                    assert answer.lower() not in served, (page.slug, answer)


def test_the_questionnaire_keeps_what_a_learner_needs(client):
    page, raw = next(stored_evaluations())
    detail = fresh_json(client, f"modules/{page.pk}/")
    evaluation = next(b["value"] for b in detail["body"] if b["type"] == "evaluation")
    stored = raw["value"]
    assert evaluation["pass_mark"] == stored["pass_mark"]
    assert evaluation["total_points"] == sum(q["value"]["points"] for q in stored["questions"])
    for served, kept in zip(evaluation["questions"], stored["questions"], strict=True):
        assert served["type"] == kept["type"] and served["id"] == kept["id"]
        assert served["value"]["prompt"] == kept["value"]["prompt"]
        if "options" in kept["value"]:
            texts = sorted(o["value"]["text"] for o in kept["value"]["options"])
            assert sorted(o["text"] for o in served["value"]["options"]) == texts


@pytest.mark.parametrize("locale", LOCALES)
def test_ordering_and_matching_do_not_come_in_the_right_order(client, locale):
    checked = 0
    for page, raw in stored_evaluations(locale):
        detail = fresh_json(client, f"modules/{page.pk}/?locale={locale}")
        evaluation = next(b["value"] for b in detail["body"] if b["type"] == "evaluation")
        for served, kept in zip(evaluation["questions"], raw["value"]["questions"], strict=True):
            if kept["type"] == "ordering":
                right_order = [item["value"] for item in kept["value"]["items"]]
                assert [i["text"] for i in served["value"]["items"]] != right_order
                checked += 1
            if kept["type"] == "matching":
                pairs = kept["value"]["pairs"]
                rights = [pair["value"]["right"] for pair in pairs]
                assert [i["text"] for i in served["value"]["right"]] != rights
                left_ids = {i["id"] for i in served["value"]["left"]}
                right_ids = {i["id"] for i in served["value"]["right"]}
                assert not left_ids & right_ids
                assert public_item_id(kept["id"], pairs[0]["id"], "right") in right_ids
                checked += 1
    assert checked


def test_the_self_evaluation_quiz_may_show_its_answers(client):
    page = ModulePage.objects.get(title="Teamwork 1")
    detail = fresh_json(client, f"modules/{page.pk}/")
    quiz = next(b["value"] for b in detail["body"] if b["type"] == "self_evaluation")
    assert {"explanation"} <= set(keys_in(quiz))
