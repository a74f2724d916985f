"""Questions laid out for paper: boxes to tick, lines to write on, items to number or pair.

The learner's sheet never shows an answer. Options, items to put in order and the right-hand
column of a matching question are stored in the right order (editors write the right option
first), so they are printed shuffled, never in the stored order. The order comes from an HMAC
under a key derived from SECRET_KEY: the block ids are public (the content API shows them), so an
order seeded by them alone could be recomputed, and the stored order, hence the answers, read
back from any handout. The order is the same on every print, so an answer key matches.
"""

from dataclasses import dataclass, field
from string import ascii_uppercase
from typing import Any

from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue

from cms.core.blocks.questions import BLANK_PATTERN


@dataclass
class WorksheetQuestion:
    kind: str
    prompt: str
    points: int
    explanation: str
    options: list[str] = field(default_factory=list)
    sentence: list[str] = field(default_factory=list)
    """A fill-in sentence split at its blanks: text, blank, text…"""
    items: list[str] = field(default_factory=list)
    pairs_left: list[str] = field(default_factory=list)
    pairs_right: list[tuple[str, str]] = field(default_factory=list)
    """(letter, text) of the right-hand column, shuffled."""
    answer: list[str] = field(default_factory=list)
    """The right answer in words, for the answer key only."""


ORDER_SALT = "cms.printing.worksheets.order"


def shuffled(items: list[Any], seed: str) -> list[Any]:
    """A stable permutation of ``items`` that is never the original order (if one exists),
    which nobody can compute without the site's secret key."""

    def secret_rank(position: int) -> str:
        return salted_hmac(ORDER_SALT, f"{seed}:{position}").hexdigest()

    ranks = sorted(range(len(items)), key=secret_rank)
    order = [items[position] for position in ranks]
    if order == list(items) and len(set(map(str, items))) > 1:
        order = order[1:] + order[:1]
    return order


def worksheet_questions(questions: StreamValue) -> list[WorksheetQuestion]:
    return [_question(child.block_type, child.value, str(child.id)) for child in questions]


def _question(kind: str, value: Any, seed: str) -> WorksheetQuestion:
    question = WorksheetQuestion(
        kind=kind,
        prompt=value["prompt"],
        points=value["points"] or 1,
        explanation=value["explanation"],
    )
    if kind in {"single_choice", "multiple_choice"}:
        question.options = shuffled([option["text"] for option in value["options"]], seed)
        question.answer = [option["text"] for option in value["options"] if option["correct"]]
    elif kind == "true_false":
        question.options = [_("True"), _("False")]
        question.answer = [_("True") if value["answer"] == "true" else _("False")]
    elif kind == "fill_in_blank":
        question.sentence = BLANK_PATTERN.split(value["text"])
        question.answer = [answer.replace("|", " / ") for answer in value["answers"]]
    elif kind == "ordering":
        question.items = shuffled(list(value["items"]), seed)
        question.answer = list(value["items"])
    elif kind == "matching":
        _lay_out_matching(question, value["pairs"], seed)
    return question


def _lay_out_matching(question: WorksheetQuestion, pairs: list[Any], seed: str) -> None:
    rights = shuffled([pair["right"] for pair in pairs], seed)
    letters = dict(zip(rights, ascii_uppercase, strict=False))
    question.pairs_left = [pair["left"] for pair in pairs]
    question.pairs_right = [(letters[text], text) for text in rights]
    question.answer = [
        f"{number} – {letters[pair['right']]}" for number, pair in enumerate(pairs, start=1)
    ]
