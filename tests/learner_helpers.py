"""Helpers for the learners' tests: registering, signing requests, and answers read off the
stored questionnaires (right or wrong) the way a person would, without the grader's functions."""

from collections.abc import Iterator
from typing import Any

import pytest
from wagtail.models import Locale

from cms.core.api.questions import _items as stored_items
from cms.core.api.questions import public_item_id
from cms.learners.api.throttles import clear_throttles
from cms.learners.questionnaires import evaluation_of
from cms.learners.signals import module_completed
from cms.modules.models import CategoryPage, ModulePage

API = "/api/v1"


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Every test starts with the full rate-limit allowance, whatever ran before it."""
    clear_throttles()
    yield
    clear_throttles()


@pytest.fixture(name="completions")
def completions_fixture() -> Iterator[list[dict]]:
    """What every ``module_completed`` signal sent during the test carried."""
    received: list[dict] = []

    def receiver(sender, **kwargs):
        received.append(kwargs)

    module_completed.connect(receiver)
    yield received
    module_completed.disconnect(receiver)


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def post(client, path: str, data: Any = None, token: str | None = None, **extra):
    headers = bearer(token) if token else {}
    return client.post(
        f"{API}/{path}", data or {}, content_type="application/json", **headers, **extra
    )


def register(client, display_name: str = "Amina Yusuf", headers: dict | None = None, **fields):
    """A new learner's registration response: learner, token and recovery code."""
    response = post(
        client, "learners/", {"display_name": display_name, **fields}, **(headers or {})
    )
    assert response.status_code == 201, response.content[:500]
    return response.json()


def source_module(slug: str) -> ModulePage:
    return ModulePage.objects.get(slug=slug, locale__language_code="en")


def right_answer(question: dict) -> Any:
    """The right answer to a stored question, in the format the API takes."""
    question_id, raw = question["id"], question["value"]
    kind = question["type"]
    if kind in {"single_choice", "multiple_choice"}:
        right = [
            public_item_id(question_id, item_id)
            for item_id, option in stored_items(raw["options"])
            if option["correct"]
        ]
        return right[0] if kind == "single_choice" else right
    if kind == "true_false":
        return str(raw["answer"]).lower() == "true"
    if kind == "fill_in_blank":
        # Read as an editor writes it (the first of the "|"-separated words), not by the grader.
        return [item["value"].split("|")[0].strip() for item in raw["answers"]]
    if kind == "ordering":
        return [
            public_item_id(question_id, item_id) for item_id, _text in stored_items(raw["items"])
        ]
    return {
        public_item_id(question_id, item_id, "left"): public_item_id(question_id, item_id, "right")
        for item_id, _pair in stored_items(raw["pairs"])
    }


def wrong_answer(question: dict) -> Any:
    """A well-formed answer to a stored question that is not right."""
    right = right_answer(question)
    question_id, raw = question["id"], question["value"]
    kind = question["type"]
    if kind == "single_choice":
        options = [
            public_item_id(question_id, item_id) for item_id, _o in stored_items(raw["options"])
        ]
        return next(option for option in options if option != right)
    if kind == "multiple_choice":
        return []
    if kind == "true_false":
        return not right
    if kind == "fill_in_blank":
        return ["zzz"] * len(right)
    if kind == "ordering":
        return list(reversed(right))
    lefts, rights = list(right), list(right.values())
    return dict(zip(lefts, rights[1:] + rights[:1], strict=True))


def stored_questionnaire(page: ModulePage) -> dict:
    questionnaire = evaluation_of(page)
    assert questionnaire is not None, page.slug
    return questionnaire


def answers(page: ModulePage, build=right_answer) -> dict[str, Any]:
    return {q["id"]: build(q) for q in stored_questionnaire(page)["questions"]}


def category_modules(slug: str) -> list[ModulePage]:
    category = CategoryPage.objects.get(slug=slug, locale__language_code="en")
    return list(ModulePage.objects.live().child_of(category).order_by("path"))


def pass_module(client, token: str, page: ModulePage) -> dict:
    """Start and pass ``page``'s evaluation (in the learner's language); the result."""
    attempt = post(client, f"modules/{page.pk}/attempts/", token=token).json()
    served = page.get_translation(Locale.objects.get(language_code=attempt["locale"]))
    given = {"answers": answers(served)}
    response = post(client, f"attempts/{attempt['id']}/submit/", given, token)
    assert response.status_code == 200, response.content[:500]
    return response.json()
