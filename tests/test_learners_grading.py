"""The grader, called directly with the demo catalogue's own questions: each type right and
wrong, tolerant blanks, malformed answers named by question."""

import pytest
from django.utils import translation

from cms.learners.grading import QUESTION_TYPES, AnswerError, grade, normalised_word
from cms.learners.questionnaires import evaluation_of
from cms.modules.models import ModulePage
from tests.learner_helpers import right_answer, wrong_answer

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]


def catalogue_questions(kind, locale="en"):
    """Every stored evaluation question of ``kind`` in the demo catalogue (``locale`` pages)."""
    pages = ModulePage.objects.live().filter(locale__language_code=locale, alias_of__isnull=True)
    for page in pages:
        for question in (evaluation_of(page) or {}).get("questions", []):
            if question["type"] == kind:
                yield question


def one_question_questionnaire(question, pass_mark=100):
    return {"pass_mark": pass_mark, "questions": [question]}


@pytest.mark.parametrize("kind", list(QUESTION_TYPES))
def test_each_question_type_is_graded_right_and_wrong(kind):
    questions = list(catalogue_questions(kind))
    assert questions, f"the demo catalogue has no {kind} question"
    for question in questions:
        check, _right = QUESTION_TYPES[kind]
        raw = question["value"]
        assert check(question["id"], raw, right_answer(question)) is True, question["id"]
        assert check(question["id"], raw, wrong_answer(question)) is False, question["id"]


def test_a_wrong_answer_comes_with_the_right_one_and_the_explanation():
    for kind in QUESTION_TYPES:
        question = next(catalogue_questions(kind))
        questionnaire = one_question_questionnaire(question)
        result = grade(questionnaire, {question["id"]: wrong_answer(question)})
        (mistake,) = result.mistakes
        assert result.score == 0 and not result.passed
        assert mistake.explanation == question["value"]["explanation"]
        assert mistake.correct_answer["text"], kind
        assert grade(questionnaire, {question["id"]: right_answer(question)}).passed


def test_the_corrections_read_as_the_learner_would():
    single = next(catalogue_questions("single_choice"))
    right_text = next(
        option["value"]["text"]
        for option in single["value"]["options"]
        if option["value"]["correct"]
    )
    result = grade(one_question_questionnaire(single), {})
    assert result.mistakes[0].correct_answer["text"] == right_text
    ordering = next(catalogue_questions("ordering"))
    steps = [item["value"] for item in ordering["value"]["items"]]
    correction = grade(one_question_questionnaire(ordering), {}).mistakes[0].correct_answer
    assert [item["text"] for item in correction["items"]] == steps
    matching = next(catalogue_questions("matching"))
    correction = grade(one_question_questionnaire(matching), {}).mistakes[0].correct_answer
    expected = [(p["value"]["left"], p["value"]["right"]) for p in matching["value"]["pairs"]]
    assert [(p["left"]["text"], p["right"]["text"]) for p in correction["pairs"]] == expected
    true_false = next(catalogue_questions("true_false"))
    with translation.override("en"):
        correction = grade(one_question_questionnaire(true_false), {}).mistakes[0].correct_answer
    assert correction["text"] in {"True", "False"}


def test_blanks_forgive_case_accents_and_spaces():
    assert normalised_word("  Échéance ") == normalised_word("echeance")
    assert normalised_word("date  LIMITE") == "date limite"
    assert normalised_word("İstanbul") == normalised_word("istanbul")
    french = [
        question
        for question in catalogue_questions("fill_in_blank", "fr")
        if "échéance" in str(question["value"]["answers"])
    ]
    assert french, "the French demo translation accepts “échéance”"
    check, _right = QUESTION_TYPES["fill_in_blank"]
    question = french[0]
    assert check(question["id"], question["value"], ["  ECHEANCE "]) is True
    assert check(question["id"], question["value"], ["date   limite"]) is True
    assert check(question["id"], question["value"], ["echeanc"]) is False


def test_multiple_choice_is_all_or_nothing():
    question = next(
        q
        for q in catalogue_questions("multiple_choice")
        if sum(o["value"]["correct"] for o in q["value"]["options"]) > 1
    )
    right = right_answer(question)
    check, _right = QUESTION_TYPES["multiple_choice"]
    assert check(question["id"], question["value"], right[:1]) is False
    assert check(question["id"], question["value"], list(reversed(right))) is True


def test_a_partial_matching_is_wrong():
    question = next(catalogue_questions("matching"))
    right = right_answer(question)
    partial = dict(list(right.items())[:-1])
    check, _right = QUESTION_TYPES["matching"]
    assert check(question["id"], question["value"], partial) is False


def test_scores_add_points_and_the_pass_mark_is_a_percentage():
    page = ModulePage.objects.get(
        slug="how-to-create-and-keep-a-schedule", locale__language_code="en"
    )
    questionnaire = evaluation_of(page)
    questions = questionnaire["questions"]
    answers = {q["id"]: right_answer(q) for q in questions[:-1]}
    answers[questions[-1]["id"]] = wrong_answer(questions[-1])
    result = grade(questionnaire, answers)
    total = sum(q["value"]["points"] for q in questions)
    assert result.total_points == total
    assert result.score == total - questions[-1]["value"]["points"]
    assert result.percent == round(100 * result.score / total, 1)
    assert result.passed == (result.score * 100 >= questionnaire["pass_mark"] * total)


@pytest.mark.parametrize(
    ("kind", "malformed"),
    [
        ("single_choice", ["not", "one"]),
        ("single_choice", "no-such-option"),
        ("multiple_choice", "not-a-list"),
        ("true_false", "yes"),
        ("fill_in_blank", "deadline"),
        ("fill_in_blank", ["one", "too", "many", "words", "for", "these", "blanks"]),
        ("ordering", ["no-such-item"]),
        ("matching", ["not", "an", "object"]),
    ],
)
def test_a_malformed_answer_names_its_question(kind, malformed):
    question = next(catalogue_questions(kind))
    with pytest.raises(AnswerError) as raised:
        grade(one_question_questionnaire(question), {question["id"]: malformed})
    assert raised.value.question_id == question["id"]


def test_an_answer_to_an_unknown_question_is_ignored_unless_it_has_no_answer_shape():
    question = next(catalogue_questions("true_false"))
    questionnaire = one_question_questionnaire(question)
    assert grade(questionnaire, {"no-such-question": True}).score == 0
    with pytest.raises(AnswerError) as raised:
        grade(questionnaire, {"no-such-question": {"left": ["not", "a", "text"]}})
    assert raised.value.question_id == "no-such-question"
