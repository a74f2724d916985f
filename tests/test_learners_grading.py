"""The grader, called directly with questions and answers written out here: each type right and
wrong, tolerant blanks, malformed answers named by question.

The questions are stored data as the module body keeps it; the expected results are literal, so
the grader is checked against what a person reads off the question, not against its own helpers.
Only the opaque ids learners answer with come from ``public_item_id`` (they are how answers
address options, not part of the grading).
"""

import pytest
from django.utils import translation

from cms.core.api.questions import public_item_id
from cms.learners.grading import QUESTION_TYPES, AnswerError, grade, normalised_word


def items(*values):
    """A ListBlock's stored items, with the ids the editor gave them."""
    return [{"type": "item", "id": f"i{n}", "value": value} for n, value in enumerate(values)]


def option(text, correct=False):
    return {"text": text, "correct": correct}


QUESTIONS = {
    "single_choice": {
        "id": "q-single",
        "type": "single_choice",
        "value": {
            "prompt": "Which day is the team meeting?",
            "options": items(option("Monday"), option("Tuesday", correct=True), option("Friday")),
            "explanation": "The plan on the wall says Tuesday.",
            "points": 1,
        },
    },
    "multiple_choice": {
        "id": "q-multiple",
        "type": "multiple_choice",
        "value": {
            "prompt": "Which of these keep a password safe?",
            "options": items(
                option("A long phrase", correct=True),
                option("Your birthday"),
                option("A password manager", correct=True),
            ),
            "explanation": "Length and a manager help; dates are easy to guess.",
            "points": 2,
        },
    },
    "true_false": {
        "id": "q-true-false",
        "type": "true_false",
        "value": {
            "prompt": "A schedule can change.",
            "answer": "true",
            "explanation": "Plans move; check them every day.",
            "points": 1,
        },
    },
    "fill_in_blank": {
        "id": "q-blank",
        "type": "fill_in_blank",
        "value": {
            "prompt": "Complete the sentence.",
            "text": "The ___ is the last day to send the form, at the ___.",
            "answers": items("échéance|date limite", "mairie"),
            "explanation": "Une échéance est une date limite.",
            "points": 3,
        },
    },
    "ordering": {
        "id": "q-order",
        "type": "ordering",
        "value": {
            "prompt": "Put the steps in order.",
            "items": items("Open the browser", "Type the address", "Press Enter"),
            "explanation": "You type the address before you go there.",
            "points": 2,
        },
    },
    "matching": {
        "id": "q-match",
        "type": "matching",
        "value": {
            "prompt": "Match each word with its meaning.",
            "pairs": items(
                {"left": "Inbox", "right": "Where new mail arrives"},
                {"left": "Spam", "right": "Unwanted mail"},
                {"left": "Draft", "right": "Mail not sent yet"},
            ),
            "explanation": "These are the folders of every mail programme.",
            "points": 1,
        },
    },
}


def pid(question: str, item: str, side: str = "") -> str:
    return public_item_id(QUESTIONS[question]["id"], item, side)


RIGHT = {
    "single_choice": lambda: pid("single_choice", "i1"),
    "multiple_choice": lambda: [pid("multiple_choice", "i0"), pid("multiple_choice", "i2")],
    "true_false": lambda: True,
    "fill_in_blank": lambda: ["échéance", "mairie"],
    "ordering": lambda: [pid("ordering", "i0"), pid("ordering", "i1"), pid("ordering", "i2")],
    "matching": lambda: {
        pid("matching", f"i{n}", "left"): pid("matching", f"i{n}", "right") for n in range(3)
    },
}
WRONG = {
    "single_choice": lambda: pid("single_choice", "i0"),
    "multiple_choice": lambda: [pid("multiple_choice", "i0"), pid("multiple_choice", "i1")],
    "true_false": lambda: False,
    "fill_in_blank": lambda: ["échéance", "gare"],
    "ordering": lambda: [pid("ordering", "i1"), pid("ordering", "i0"), pid("ordering", "i2")],
    "matching": lambda: {
        pid("matching", "i0", "left"): pid("matching", "i1", "right"),
        pid("matching", "i1", "left"): pid("matching", "i0", "right"),
        pid("matching", "i2", "left"): pid("matching", "i2", "right"),
    },
}
CORRECTION_TEXT = {
    "single_choice": "Tuesday",
    "multiple_choice": "A long phrase; A password manager",
    "true_false": "True",
    "fill_in_blank": "échéance / date limite … mairie",
}


def questionnaire(*kinds, pass_mark=100):
    return {"pass_mark": pass_mark, "questions": [QUESTIONS[kind] for kind in kinds]}


def check(kind, answer):
    question = QUESTIONS[kind]
    grader, _right = QUESTION_TYPES[kind]
    return grader(question["id"], question["value"], answer)


def test_every_question_type_is_covered_here():
    assert set(QUESTIONS) == set(QUESTION_TYPES)


@pytest.mark.parametrize("kind", list(QUESTIONS))
def test_each_question_type_is_graded_right_and_wrong(kind):
    assert check(kind, RIGHT[kind]()) is True
    assert check(kind, WRONG[kind]()) is False


@pytest.mark.parametrize("kind", list(QUESTIONS))
def test_a_wrong_answer_comes_with_the_right_one_and_the_explanation(kind):
    with translation.override("en"):
        result = grade(questionnaire(kind), {QUESTIONS[kind]["id"]: WRONG[kind]()})
    (mistake,) = result.mistakes
    assert result.score == 0 and not result.passed
    assert mistake.explanation == QUESTIONS[kind]["value"]["explanation"]
    if kind in CORRECTION_TEXT:
        assert mistake.correct_answer["text"] == CORRECTION_TEXT[kind]
    assert grade(questionnaire(kind), {QUESTIONS[kind]["id"]: RIGHT[kind]()}).passed


def test_the_corrections_of_orderings_and_matchings_read_as_the_learner_would():
    correction = grade(questionnaire("ordering"), {}).mistakes[0].correct_answer
    assert [item["text"] for item in correction["items"]] == [
        "Open the browser",
        "Type the address",
        "Press Enter",
    ]
    correction = grade(questionnaire("matching"), {}).mistakes[0].correct_answer
    assert [(p["left"]["text"], p["right"]["text"]) for p in correction["pairs"]] == [
        ("Inbox", "Where new mail arrives"),
        ("Spam", "Unwanted mail"),
        ("Draft", "Mail not sent yet"),
    ]


def test_blanks_forgive_case_accents_and_spaces_never_spelling():
    assert normalised_word("  Échéance ") == normalised_word("echeance")
    assert normalised_word("date  LIMITE") == "date limite"
    assert normalised_word("İstanbul") == normalised_word("istanbul")
    assert check("fill_in_blank", ["  ECHEANCE ", "Mairie"]) is True
    assert check("fill_in_blank", ["date   limite", "MAIRIE"]) is True
    assert check("fill_in_blank", ["echeanc", "mairie"]) is False


def test_multiple_choice_is_all_or_nothing():
    first, third = pid("multiple_choice", "i0"), pid("multiple_choice", "i2")
    assert check("multiple_choice", [first]) is False
    assert check("multiple_choice", [third, first]) is True
    assert check("multiple_choice", [first, pid("multiple_choice", "i1"), third]) is False


def test_a_partial_matching_is_wrong():
    partial = {pid("matching", f"i{n}", "left"): pid("matching", f"i{n}", "right") for n in (0, 1)}
    assert check("matching", partial) is False


def test_scores_add_points_and_the_pass_mark_is_a_percentage():
    kinds = list(QUESTIONS)  # 1 + 2 + 1 + 3 + 2 + 1 = 10 points
    answers = {QUESTIONS[kind]["id"]: RIGHT[kind]() for kind in kinds}
    answers[QUESTIONS["fill_in_blank"]["id"]] = WRONG["fill_in_blank"]()  # 3 points lost
    result = grade(questionnaire(*kinds, pass_mark=70), answers)
    assert (result.total_points, result.score, result.percent) == (10, 7, 70.0)
    assert result.passed
    answers[QUESTIONS["true_false"]["id"]] = False
    result = grade(questionnaire(*kinds, pass_mark=70), answers)
    assert (result.score, result.percent, result.passed) == (6, 60.0, False)


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
    question_id = QUESTIONS[kind]["id"]
    with pytest.raises(AnswerError) as raised:
        grade(questionnaire(kind), {question_id: malformed})
    assert raised.value.question_id == question_id


def test_an_answer_to_an_unknown_question_is_ignored_unless_it_has_no_answer_shape():
    assert grade(questionnaire("true_false"), {"no-such-question": True}).score == 0
    with pytest.raises(AnswerError) as raised:
        grade(questionnaire("true_false"), {"no-such-question": {"left": ["not", "a", "text"]}})
    assert raised.value.question_id == "no-such-question"
