"""Progress across a category: passing its six modules finishes it, tells the certificates
(module_completed with the category among the groups) and shows in the learner's progress."""

import pytest
from django.utils import timezone

from cms.learners.models import Learner, ModuleCompletion
from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from tests.learner_helpers import (  # noqa: F401 (fixtures: completions, autouse fresh_throttles)
    API,
    bearer,
    category_modules,
    completions_fixture,
    fresh_throttles,
    pass_module,
    register,
    source_module,
)

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]


def progress(client, token, query=""):
    response = client.get(f"{API}/learners/me/progress/{query}", **bearer(token))
    assert response.status_code == 200
    return response.json()


def test_passing_the_six_modules_of_a_category_finishes_it(client, completions):
    token = register(client)["token"]
    category = CategoryPage.objects.get(slug="digital-skills", locale__language_code="en")
    modules = category_modules("digital-skills")
    assert len(modules) == 6
    for page in modules:
        pass_module(client, token, page)
    assert len(completions) == 6
    assert all(category not in sent["groups"] for sent in completions[:5])
    assert category in completions[5]["groups"]
    assert not any(sent["all_modules"] for sent in completions)
    shown = progress(client, token)
    assert [m["id"] for m in shown["modules"]] == [page.pk for page in modules]
    digital = next(c for c in shown["categories"] if c["id"] == category.pk)
    assert (digital["done"], digital["total"]) == (6, 6)
    assert digital["completed_at"] == shown["modules"][-1]["completed_at"]
    others = [c for c in shown["categories"] if c["id"] != category.pk]
    assert all(c["done"] == 0 and c["completed_at"] is None for c in others)
    live = ModulePage.objects.live().filter(locale__language_code="en").count()
    assert shown["overall"] == {"done": 6, "read": 0, "total": live, "completed_at": None}


def test_pathways_count_their_modules_wherever_they_are(client):
    token = register(client)["token"]
    page = source_module("how-to-create-and-keep-a-schedule")
    pathway = PathwayPage.objects.get(slug="starting-a-business", locale__language_code="en")
    other = PathwayPage.objects.get(slug="first-steps-to-work", locale__language_code="en")
    pass_module(client, token, page)
    shown = {p["id"]: p for p in progress(client, token)["pathways"]}
    total = pathway.pathway_modules.count()
    assert shown[pathway.pk] == {
        "id": pathway.pk,
        "title": pathway.title,
        "done": 1,
        "read": 0,
        "total": total,
        "completed_at": None,
    }
    assert shown[other.pk]["done"] == 0


def test_progress_titles_follow_the_learner_or_the_asked_language(client):
    body = register(client, locale="fr")
    pass_module(client, body["token"], category_modules("digital-skills")[0])
    french = progress(client, body["token"])
    english = progress(client, body["token"], "?locale=en")
    assert french["locale"] == "fr" and english["locale"] == "en"
    category = CategoryPage.objects.get(slug="digital-skills", locale__language_code="en")
    assert (
        next(c for c in english["categories"] if c["id"] == category.pk)["title"] == category.title
    )
    assert (
        next(c for c in french["categories"] if c["id"] == category.pk)["title"] != category.title
    )


def test_the_last_module_finishes_the_course(client, completions):
    body = register(client)
    learner = Learner.objects.get(pk=body["learner"]["id"])
    last = source_module("how-to-create-and-keep-a-schedule")
    others = ModulePage.objects.live().filter(locale__language_code="en").exclude(pk=last.pk)
    ModuleCompletion.objects.bulk_create(
        ModuleCompletion(learner=learner, module=page, completed_at=timezone.now())
        for page in others
    )
    pass_module(client, body["token"], last)
    (sent,) = completions
    assert sent["all_modules"] is True
    category = CategoryPage.objects.get(slug="digital-skills", locale__language_code="en")
    pathway = PathwayPage.objects.get(slug="starting-a-business", locale__language_code="en")
    assert {category, pathway} <= set(sent["groups"])
    overall = progress(client, body["token"])["overall"]
    assert overall["done"] == overall["total"] and overall["completed_at"] is not None
