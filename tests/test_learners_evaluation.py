"""Evaluations through the API: start an attempt, submit, see corrections, pass; time limits,
duplicates and malformed answers; the first pass completes the module."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db.models import QuerySet
from django.test import override_settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Locale

from cms.learners.models import Attempt, ModuleCompletion
from tests.api_helpers import new_module
from tests.learner_helpers import (  # noqa: F401 (fixtures: completions, autouse fresh_throttles)
    answers,
    completions_fixture,
    fresh_throttles,
    pass_module,
    post,
    register,
    source_module,
    stored_questionnaire,
    wrong_answer,
)

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

SCHEDULE = "how-to-create-and-keep-a-schedule"


@pytest.fixture
def token(client):
    return register(client)["token"]


def start(client, token, page, query=""):
    response = post(client, f"modules/{page.pk}/attempts/{query}", token=token)
    assert response.status_code == 201, response.content[:500]
    return response.json()


def submit(client, token, attempt, given):
    return post(client, f"attempts/{attempt['id']}/submit/", {"answers": given}, token)


def completions_of(attempt) -> "QuerySet[ModuleCompletion]":
    """The completions of the attempt's learner: the browser tests that ran before in the same
    process committed completions of their own learners."""
    return ModuleCompletion.objects.filter(learner=Attempt.objects.get(pk=attempt["id"]).learner)


def test_an_attempt_shows_the_questions_without_answers_and_a_deadline(client, token):
    page = source_module(SCHEDULE)
    attempt = start(client, token, page)
    stored = stored_questionnaire(page)
    assert attempt["module"] == page.pk and attempt["locale"] == "en"
    assert [q["id"] for q in attempt["questionnaire"]["questions"]] == [
        q["id"] for q in stored["questions"]
    ]
    started, deadline = parse_datetime(attempt["started_at"]), parse_datetime(attempt["deadline"])
    assert deadline - started == timedelta(minutes=stored["time_limit_minutes"])
    text = str(attempt["questionnaire"])
    assert "correct" not in text and "explanation" not in text
    assert all(q["value"]["explanation"] not in text for q in stored["questions"])


def test_an_attempt_comes_in_the_asked_language(client, token):
    page = source_module(SCHEDULE)
    french_page = page.get_translation(Locale.objects.get(language_code="fr"))
    french = stored_questionnaire(french_page)
    by_query = start(client, token, page, "?locale=fr")
    by_page = start(client, token, french_page)
    for attempt in (by_query, by_page):
        assert attempt["locale"] == "fr" and attempt["module"] == page.pk
        assert attempt["questionnaire"]["title"] == french["title"]
    untranslated = start(client, token, new_module("attempt-without-translation"), "?locale=fr")
    assert untranslated["fallback"] is True and untranslated["locale"] == "en"


def test_a_failed_attempt_shows_the_score_alone(client, token, completions):
    page = source_module(SCHEDULE)
    attempt = start(client, token, page)
    questions = stored_questionnaire(page)["questions"]
    response = submit(client, token, attempt, answers(page, wrong_answer))
    assert response.status_code == 200
    result = response.json()
    assert (
        result["passed"] is False and result["score"] == 0 and result["module_completed"] is False
    )
    assert result["total_points"] == sum(q["value"]["points"] for q in questions)
    # Outcomes per question or corrections would hand the next attempt its answers.
    assert result["questions"] == [] and result["mistakes"] == []
    text = response.content.decode()
    assert "deadline" not in text
    assert all(q["value"]["explanation"] not in text for q in questions)
    assert not completions and not completions_of(attempt).exists()


def with_one_wrong(page, question_type):
    """Right answers to ``page``'s questions but the one of ``question_type`` (3 of 4: a pass)."""
    given = answers(page)
    wrong = next(q for q in stored_questionnaire(page)["questions"] if q["type"] == question_type)
    given[wrong["id"]] = wrong_answer(wrong)
    return given


def test_a_pass_shows_each_mistake_corrected(client, token):
    page = source_module(SCHEDULE)
    questions = stored_questionnaire(page)["questions"]
    result = submit(
        client, token, start(client, token, page), with_one_wrong(page, "fill_in_blank")
    )
    assert result.json()["passed"] is True
    result = result.json()
    assert [q["id"] for q in result["questions"]] == [q["id"] for q in questions]
    (blank,) = result["mistakes"]
    assert blank["type"] == "fill_in_blank" and blank["correct_answer"]["blanks"] == [["deadline"]]
    stored = next(q for q in questions if q["id"] == blank["id"])
    assert blank["explanation"] == stored["value"]["explanation"]


def test_a_pass_completes_the_module_once(client, token, completions):
    page = source_module(SCHEDULE)
    result = pass_module(client, token, page)
    assert result["passed"] is True and result["module_completed"] is True
    assert result["mistakes"] == [] and result["percent"] == 100.0
    (completion,) = ModuleCompletion.objects.filter(module=page)
    assert completions[0]["completion"] == completion and completions[0]["all_modules"] is False
    again = pass_module(client, token, page)
    assert again["passed"] is True and again["module_completed"] is False
    assert len(completions) == 1 and ModuleCompletion.objects.filter(module=page).count() == 1


def test_a_pass_in_another_language_completes_the_english_module(client, token, completions):
    page = source_module(SCHEDULE)
    french_page = page.get_translation(Locale.objects.get(language_code="fr"))
    attempt = start(client, token, page, "?locale=fr")
    given = answers(french_page)
    blank_id = next(
        q["id"]
        for q in stored_questionnaire(french_page)["questions"]
        if q["type"] == "fill_in_blank"
    )
    given[blank_id] = ["  ECHEANCE"]
    result = submit(client, token, attempt, given).json()
    assert result["passed"] is True
    assert completions_of(attempt).get().module_id == page.pk


def test_a_late_submission_is_kept_but_does_not_count(client, token, completions):
    page = source_module(SCHEDULE)
    attempt = start(client, token, page)
    grace = timedelta(seconds=settings.LEARNER_SUBMISSION_GRACE_SECONDS)
    Attempt.objects.filter(pk=attempt["id"]).update(
        deadline=timezone.now() - grace - timedelta(seconds=1)
    )
    response = submit(client, token, attempt, answers(page))
    assert response.status_code == 409
    assert response.json()["type"].endswith("/time-is-up")
    stored = Attempt.objects.get(pk=attempt["id"])
    assert stored.status == Attempt.Status.LATE and stored.answers and stored.score is None
    assert not completions and not completions_of(attempt).exists()


def test_a_submission_within_the_grace_period_counts(client, token):
    page = source_module(SCHEDULE)
    attempt = start(client, token, page)
    Attempt.objects.filter(pk=attempt["id"]).update(deadline=timezone.now() - timedelta(seconds=2))
    assert submit(client, token, attempt, answers(page)).json()["passed"] is True


def test_a_duplicate_submission_is_refused_and_counted_once(client, token, completions):
    page = source_module(SCHEDULE)
    attempt = start(client, token, page)
    assert submit(client, token, attempt, answers(page)).status_code == 200
    response = submit(client, token, attempt, answers(page))
    assert response.status_code == 409
    assert response.json()["type"].endswith("/already-submitted")
    assert len(completions) == 1 and Attempt.objects.get(pk=attempt["id"]).passed is True


def test_malformed_answers_are_named_and_answers_to_unknown_questions_ignored(client, token):
    page = source_module(SCHEDULE)
    attempt = start(client, token, page)
    shapeless = submit(client, token, attempt, {**answers(page), "no-such-question": {"a": {}}})
    assert shapeless.status_code == 400
    assert "no-such-question" in shapeless.json()["errors"]
    true_false = next(
        q["id"] for q in stored_questionnaire(page)["questions"] if q["type"] == "true_false"
    )
    malformed = submit(client, token, attempt, {**answers(page), true_false: "maybe"})
    assert malformed.status_code == 400
    assert true_false in malformed.json()["errors"] and true_false in malformed.json()["detail"]
    assert Attempt.objects.get(pk=attempt["id"]).status == Attempt.Status.OPEN
    extra = {**answers(page), "no-such-question": True}
    assert submit(client, token, attempt, extra).json()["passed"] is True


def test_a_learner_cannot_submit_someone_elses_attempt(client, token):
    page = source_module(SCHEDULE)
    attempt = start(client, token, page)
    other = register(client, "Someone Else")["token"]
    assert submit(client, other, attempt, answers(page)).status_code == 404


def test_starting_needs_a_token_and_a_module(client, token):
    page = source_module(SCHEDULE)
    assert post(client, f"modules/{page.pk}/attempts/").status_code == 401
    assert post(client, "modules/999999999/attempts/", token=token).status_code == 404


@override_settings(
    LEARNER_THROTTLE_RATES={**settings.LEARNER_THROTTLE_RATES, "submissions": "2/hour"}
)
def test_submissions_are_rate_limited_per_learner(client, token):
    page = source_module(SCHEDULE)
    for _ in range(2):
        submit(client, token, start(client, token, page), answers(page))
    response = submit(client, token, start(client, token, page), answers(page))
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    other = register(client, "Another learner")["token"]
    assert submit(client, other, start(client, other, page), answers(page)).status_code == 200


def test_corrections_speak_the_attempts_language(client, token):
    page = source_module(SCHEDULE)
    french_page = page.get_translation(Locale.objects.get(language_code="fr"))
    stored = {q["id"]: q for q in stored_questionnaire(french_page)["questions"]}
    attempt = start(client, token, page, "?locale=fr")
    result = submit(client, token, attempt, with_one_wrong(french_page, "true_false")).json()
    (true_false,) = result["mistakes"]
    truth = str(stored[true_false["id"]]["value"]["answer"]).lower() == "true"
    assert true_false["correct_answer"] == {"text": "Vrai" if truth else "Faux", "value": truth}
    attempt = start(client, token, page, "?locale=fr")
    result = submit(client, token, attempt, with_one_wrong(french_page, "fill_in_blank")).json()
    (blank,) = result["mistakes"]
    assert "échéance" in blank["correct_answer"]["blanks"][0]
    assert blank["explanation"] == stored[blank["id"]]["value"]["explanation"]


def test_an_unknown_attempt_id_is_not_found(client, token):
    for attempt_id in ("not-an-attempt", "00000000-0000-4000-8000-000000000000"):
        response = post(client, f"attempts/{attempt_id}/submit/", {"answers": {}}, token)
        assert response.status_code == 404
        assert response.json()["type"].endswith("/not-found")
