"""The graded evaluation questionnaire as learners receive it: questions without their answers.

This shape lists what a learner may see, field by field; nothing else of the stored question is
read, so the correct options, true/false answers, blanks' answers, the right order, the right
pairs and the explanations cannot leak, whatever is added to the question blocks later.

Items a learner picks from get opaque ids (an HMAC of the question and item ids under the site's
secret key), so the ids give away neither the stored order nor which left and right items pair
up. Options come in the order of those ids; so do items to put in order and the right-hand side
of a matching question, rotated if that happens to be the right order. The grader maps answers
back with ``public_item_id``.
"""

from typing import Any

from django.utils.crypto import salted_hmac
from wagtail import blocks

from cms.core.blocks.activities import EvaluationQuestionnaireBlock
from cms.core.blocks.questions import BLANK_PATTERN

from .blocks import Ref, object_schema, register_shape
from .references import References

ID_SALT = "cms.core.api.questions.public-item-id"


def public_item_id(question_id: str, item_id: str, side: str = "") -> str:
    """The id under which a learner sees one option, step or matching item."""
    return salted_hmac(ID_SALT, f"{question_id}:{item_id}:{side}").hexdigest()[:16]


def _items(raw: Any) -> list[tuple[str, Any]]:
    """(item id, value) of a ListBlock's raw items; older data without ids uses positions."""
    items = []
    for position, item in enumerate(raw or []):
        if isinstance(item, dict) and item.get("type") == "item":
            items.append((item.get("id") or str(position), item["value"]))
        else:
            items.append((str(position), item))
    return items


def _shuffled(entries: list[dict]) -> list[dict]:
    """Entries in the order of their opaque ids, rotated if that happens to be the stored one."""
    ordered = sorted(entries, key=lambda entry: entry["id"])
    if len(ordered) > 1 and ordered == entries:
        ordered = ordered[1:] + ordered[:1]
    return ordered


def _choices(question_id: str, raw: dict) -> dict:
    options = [
        {"id": public_item_id(question_id, item_id), "text": option.get("text", "")}
        for item_id, option in _items(raw.get("options"))
    ]
    # Editors tend to write the right option first: the stored order would hint at it.
    return {"options": sorted(options, key=lambda option: option["id"])}


def _fill_in_blank(question_id: str, raw: dict) -> dict:
    text = raw.get("text", "")
    return {"text": text, "blanks": len(BLANK_PATTERN.findall(text))}


def _ordering(question_id: str, raw: dict) -> dict:
    steps = [
        {"id": public_item_id(question_id, item_id), "text": text}
        for item_id, text in _items(raw.get("items"))
    ]
    return {"items": _shuffled(steps)}


def _matching(question_id: str, raw: dict) -> dict:
    pairs = _items(raw.get("pairs"))
    left = [
        {"id": public_item_id(question_id, item_id, "left"), "text": pair.get("left", "")}
        for item_id, pair in pairs
    ]
    right = [
        {"id": public_item_id(question_id, item_id, "right"), "text": pair.get("right", "")}
        for item_id, pair in pairs
    ]
    return {"left": left, "right": _shuffled(right)}


def _nothing_more(question_id: str, raw: dict) -> dict:
    return {}


_ITEM = object_schema({"id": {"type": "string"}, "text": {"type": "string"}})
_ITEMS = {"type": "array", "items": _ITEM}

QUESTION_TYPES: dict[str, tuple[Any, dict[str, dict], str]] = {
    "single_choice": (_choices, {"options": _ITEMS}, "Pick exactly one option."),
    "multiple_choice": (_choices, {"options": _ITEMS}, "Pick every option that is right."),
    "true_false": (_nothing_more, {}, "Say whether the prompt is true or false."),
    "fill_in_blank": (
        _fill_in_blank,
        {
            "text": {"type": "string", "description": "The sentence; ___ marks each blank."},
            "blanks": {"type": "integer", "description": "How many blanks to fill."},
        },
        "Write the missing word in each blank.",
    ),
    "ordering": (_ordering, {"items": _ITEMS}, "Put the items in the right order."),
    "matching": (
        _matching,
        {"left": _ITEMS, "right": _ITEMS},
        "Match each left item with one right item.",
    ),
}


def public_question(question_type: str, question_id: str, raw: dict) -> dict:
    build, _schema, _help = QUESTION_TYPES[question_type]
    return {
        "prompt": raw.get("prompt", ""),
        "points": raw.get("points") or 1,
        **build(question_id, raw),
    }


def public_evaluation(raw: Any) -> dict:
    """An evaluation questionnaire without its answers, as the content API shows it."""
    raw = raw or {}
    questions = [
        {
            "type": item["type"],
            "id": item.get("id") or "",
            "value": public_question(item["type"], item.get("id") or "", item.get("value") or {}),
        }
        for item in raw.get("questions") or []
        if item.get("type") in QUESTION_TYPES
    ]
    return {
        "title": raw.get("title") or "",
        "instructions": raw.get("instructions") or "",
        "pass_mark": raw.get("pass_mark") or 0,
        "time_limit_minutes": raw.get("time_limit_minutes"),
        "total_points": sum(question["value"]["points"] for question in questions),
        "questions": questions,
    }


@register_shape(EvaluationQuestionnaireBlock)
class EvaluationShape:
    def to_api(self, block: blocks.StructBlock, raw: Any, refs: References) -> dict:
        return public_evaluation(raw)

    def schema(self, block: blocks.StructBlock, ref: Ref) -> dict:
        questions = []
        for name, (_build, extra, instruction) in QUESTION_TYPES.items():
            value = object_schema(
                {"prompt": {"type": "string"}, "points": {"type": "integer"}, **extra}
            )
            item = object_schema(
                {"type": {"const": name}, "id": {"type": "string"}, "value": value}
            )
            questions.append({**item, "title": name, "description": instruction})
        return object_schema(
            {
                "title": {"type": "string"},
                "instructions": {"type": "string"},
                "pass_mark": {"type": "integer", "description": "Percent of points to pass."},
                "time_limit_minutes": {
                    "type": ["integer", "null"],
                    "description": "Minutes allowed; null for no limit.",
                },
                "total_points": {"type": "integer"},
                "questions": {"type": "array", "items": {"oneOf": questions}},
            }
        )
