"""Grading an evaluation questionnaire on the server, one plain function per question type.

Each question gets all its points or none: a multiple choice is right with exactly the right
options, an ordering in exactly the right order, a matching with every pair right, a
fill-in-the-blank with every blank right. Blanks forgive case, accents and spacing ("Échéance "
is "echeance"), never spelling. Answers name options, steps and matching items by the opaque ids
learners receive (``cms.core.api.questions``); the answer formats are:

==================  =================================================================
single_choice       ``"<option id>"``
multiple_choice     ``["<option id>", …]``
true_false          ``true`` or ``false``
fill_in_blank       ``["<word for blank 1>", …]``, one string per blank
ordering            ``["<item id>", …]``, every item once, first to last
matching            ``{"<left id>": "<right id>", …}``
==================  =================================================================

A question left out of the answers counts as wrong. With each mistake comes the right answer as
text a learner can read, in the questionnaire's language, and the explanation.
"""

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext

from cms.core.api.questions import _items as stored_items
from cms.core.api.questions import public_item_id
from cms.core.blocks.questions import BLANK_PATTERN

VARIANT_SEPARATOR = "|"


class AnswerError(ValueError):
    """An answer the grader cannot read, or one for a question the questionnaire lacks."""

    def __init__(self, question_id: str, message: str) -> None:
        super().__init__(f"{question_id}: {message}")
        self.question_id = question_id
        self.message = message


@dataclass
class QuestionResult:
    id: str
    type: str
    points: int
    earned: int
    right: bool
    prompt: str
    correct_answer: dict[str, Any]
    explanation: str


@dataclass
class Result:
    score: int
    total_points: int
    pass_mark: int
    questions: list[QuestionResult] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return round(100 * self.score / self.total_points, 1) if self.total_points else 0.0

    @property
    def passed(self) -> bool:
        # Whole numbers only: 3 of 5 points is exactly 60 %, never 59.999…
        return self.score * 100 >= self.pass_mark * self.total_points

    @property
    def mistakes(self) -> list[QuestionResult]:
        return [question for question in self.questions if not question.right]


def normalised_word(text: str) -> str:
    """``text`` without case, accents (NFKD, combining marks removed) or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(character for character in decomposed if not unicodedata.combining(character))
    return " ".join(bare.casefold().split())


def _entries(question_id: str, raw_items: Any, side: str = "") -> list[tuple[str, Any]]:
    """(public id, stored value) of a question's options, steps or pairs, in stored order."""
    return [
        (public_item_id(question_id, item_id, side), value)
        for item_id, value in stored_items(raw_items)
    ]


def _string_list(question_id: str, answer: Any, what: str) -> list[str]:
    if not isinstance(answer, list) or not all(isinstance(item, str) for item in answer):
        raise AnswerError(question_id, gettext("give a list of %(what)s.") % {"what": what})
    return answer


def _known_ids(question_id: str, given: list[str], known: set[str]) -> None:
    if unknown := [item for item in given if item not in known]:
        raise AnswerError(
            question_id,
            gettext("these ids are not in this question: %(ids)s.") % {"ids": ", ".join(unknown)},
        )


def _right_options(question_id: str, raw: dict) -> dict[str, Any]:
    options = _entries(question_id, raw.get("options"))
    right = [{"id": pk, "text": opt.get("text", "")} for pk, opt in options if opt.get("correct")]
    return {"text": "; ".join(option["text"] for option in right), "options": right}


def _chosen_options(question_id: str, raw: dict, chosen: list[str]) -> bool:
    options = _entries(question_id, raw.get("options"))
    _known_ids(question_id, chosen, {pk for pk, _option in options})
    return set(chosen) == {pk for pk, option in options if option.get("correct")}


def grade_single_choice(question_id: str, raw: dict, answer: Any) -> bool:
    if not isinstance(answer, str):
        raise AnswerError(question_id, gettext("give the id of one option."))
    return _chosen_options(question_id, raw, [answer])


def grade_multiple_choice(question_id: str, raw: dict, answer: Any) -> bool:
    chosen = _string_list(question_id, answer, gettext("option ids"))
    return _chosen_options(question_id, raw, chosen)


def _stored_truth(raw: dict) -> bool:
    return str(raw.get("answer")).lower() == "true"


def grade_true_false(question_id: str, raw: dict, answer: Any) -> bool:
    if not isinstance(answer, bool):
        raise AnswerError(question_id, gettext("answer true or false."))
    return answer is _stored_truth(raw)


def right_true_false(question_id: str, raw: dict) -> dict[str, Any]:
    truth = _stored_truth(raw)
    return {"text": gettext("True") if truth else gettext("False"), "value": truth}


def accepted_words(raw: dict) -> list[list[str]]:
    """For each blank, the words an editor accepts (variants separated by ``|``)."""
    return [
        [variant.strip() for variant in str(words).split(VARIANT_SEPARATOR) if variant.strip()]
        for _item_id, words in stored_items(raw.get("answers"))
    ]


def grade_fill_in_blank(question_id: str, raw: dict, answer: Any) -> bool:
    accepted = accepted_words(raw)
    blanks = len(BLANK_PATTERN.findall(raw.get("text", "")))
    words = _string_list(question_id, answer, gettext("words, one per blank"))
    if len(words) != blanks:
        raise AnswerError(
            question_id, gettext("give %(count)d word(s), one per blank.") % {"count": blanks}
        )
    return len(words) == len(accepted) and all(
        normalised_word(word) in {normalised_word(variant) for variant in variants}
        for word, variants in zip(words, accepted, strict=True)
    )


def right_fill_in_blank(question_id: str, raw: dict) -> dict[str, Any]:
    accepted = accepted_words(raw)
    return {"text": " … ".join(" / ".join(words) for words in accepted), "blanks": accepted}


def grade_ordering(question_id: str, raw: dict, answer: Any) -> bool:
    ids = [pk for pk, _text in _entries(question_id, raw.get("items"))]
    order = _string_list(question_id, answer, gettext("item ids, first to last"))
    _known_ids(question_id, order, set(ids))
    if sorted(order) != sorted(ids):
        raise AnswerError(question_id, gettext("put every item in the list exactly once."))
    return order == ids


def right_ordering(question_id: str, raw: dict) -> dict[str, Any]:
    items = [{"id": pk, "text": text} for pk, text in _entries(question_id, raw.get("items"))]
    return {"text": " → ".join(str(item["text"]) for item in items), "items": items}


def _pairs(question_id: str, raw: dict) -> list[tuple[str, str, dict]]:
    """(left id, right id, stored pair) of a matching question, in stored order."""
    return [
        (
            public_item_id(question_id, item_id, "left"),
            public_item_id(question_id, item_id, "right"),
            pair,
        )
        for item_id, pair in stored_items(raw.get("pairs"))
    ]


def grade_matching(question_id: str, raw: dict, answer: Any) -> bool:
    pairs = _pairs(question_id, raw)
    if not isinstance(answer, dict) or not all(isinstance(v, str) for v in answer.values()):
        raise AnswerError(question_id, gettext("give an object from left ids to right ids."))
    _known_ids(question_id, list(answer), {left for left, _right, _pair in pairs})
    _known_ids(question_id, list(answer.values()), {right for _left, right, _pair in pairs})
    return answer == {left: right for left, right, _pair in pairs}


def right_matching(question_id: str, raw: dict) -> dict[str, Any]:
    pairs = [
        {"left": {"id": left, "text": pair["left"]}, "right": {"id": right, "text": pair["right"]}}
        for left, right, pair in _pairs(question_id, raw)
    ]
    text = "; ".join(f"{pair['left']['text']} – {pair['right']['text']}" for pair in pairs)
    return {"text": text, "pairs": pairs}


Check = Callable[[str, dict, Any], bool]
RightAnswer = Callable[[str, dict], dict[str, Any]]

QUESTION_TYPES: dict[str, tuple[Check, RightAnswer]] = {
    "single_choice": (grade_single_choice, _right_options),
    "multiple_choice": (grade_multiple_choice, _right_options),
    "true_false": (grade_true_false, right_true_false),
    "fill_in_blank": (grade_fill_in_blank, right_fill_in_blank),
    "ordering": (grade_ordering, right_ordering),
    "matching": (grade_matching, right_matching),
}


def graded_questions(questionnaire: dict) -> list[dict]:
    """The stored questions of a questionnaire that the grader knows how to grade."""
    return [q for q in questionnaire.get("questions") or [] if q.get("type") in QUESTION_TYPES]


def _has_an_answer_shape(answer: Any) -> bool:
    """One of the shapes the contract documents for any answer (checked even when ignored)."""
    if isinstance(answer, str | bool):
        return True
    if isinstance(answer, list):
        return all(isinstance(item, str) for item in answer)
    if isinstance(answer, dict):
        return all(isinstance(item, str) for item in answer.values())
    return False


def grade(questionnaire: dict, answers: dict[str, Any]) -> Result:
    """The result of ``answers`` (by question id) to a stored questionnaire's raw value.

    Raises ``AnswerError`` naming the first question whose answer cannot be read. Answers to
    questions the questionnaire does not have are ignored: they change nothing, and a client
    cannot know from the contract which ids are valid before it starts. Call it with the
    questionnaire's language active: "True" and "False" are shown in it.
    """
    for question_id, answer in answers.items():
        if not _has_an_answer_shape(answer):
            raise AnswerError(
                question_id,
                gettext(
                    "an answer is a text, true or false, a list of texts, or an object of texts."
                ),
            )
    questions = graded_questions(questionnaire)
    result = Result(score=0, total_points=0, pass_mark=questionnaire.get("pass_mark") or 0)
    for question in questions:
        question_id, raw = question["id"], question.get("value") or {}
        check, right_answer = QUESTION_TYPES[question["type"]]
        given = answers.get(question_id)
        right = given is not None and check(question_id, raw, given)
        points = raw.get("points") or 1
        result.total_points += points
        result.score += points if right else 0
        result.questions.append(
            QuestionResult(
                id=question_id,
                type=question["type"],
                points=points,
                earned=points if right else 0,
                right=right,
                prompt=raw.get("prompt", ""),
                correct_answer=right_answer(question_id, raw),
                explanation=raw.get("explanation", ""),
            )
        )
    return result
