"""The content API serves every published resource, in every locale, with stable ids."""

import pytest
from wagtail.models import Locale

from cms.modules.models import ModulePage
from tests.api_helpers import (
    consistent_tree,
    fresh_json,
    get,
    get_json,
    translate,
)

from .factories import (
    CategoryPageFactory,
    CertificationToolPageFactory,
    CompetenceFactory,
    GoodPracticePageFactory,
    InfographicPageFactory,
    LearningGuidePageFactory,
    ModulePageFactory,
    PartnerFactory,
    PathwayPageFactory,
    ProjectPageFactory,
    TrainerFactory,
    section,
)

pytestmark = pytest.mark.django_db

PAGE_ITEM_FIELDS = {
    "type",
    "id",
    "slug",
    "locale",
    "title",
    "translations",
    "last_published_at",
    "fallback",
}


@pytest.fixture
def content():
    """A small curriculum: Soft skills (Teamwork 1 by AMSED, 3 hours, A2, with two competences,
    and Teamwork 2, 2 hours, B1) and Digital skills (E-reputation by Factor Social, 4 hours), a
    pathway of two modules, a good practice, a certification tool, an infographic, the learning
    guide and the project page."""
    amsed = PartnerFactory(slug="amsed", short_name="AMSED")
    factor = PartnerFactory(slug="factor-social", short_name="Factor Social")
    soft_skills = CategoryPageFactory(slug="soft-skills", title="Soft skills")
    digital = CategoryPageFactory(parent=soft_skills.get_parent(), title="Digital skills")
    teamwork = ModulePageFactory(
        parent=soft_skills,
        slug="teamwork-1",
        title="Teamwork 1",
        partner=amsed,
        duration_hours=3,
        language_level="A2",
        objectives=[("item", "To understand what teamwork is.")],
        competences=[CompetenceFactory(slug="collaboration"), CompetenceFactory()],
        trainers=[TrainerFactory(partner=amsed)],
        body=[section("What you will learn"), section("Roles in a team")],
    )
    second = ModulePageFactory(
        parent=soft_skills, partner=amsed, duration_hours=2, language_level="B1"
    )
    reputation = ModulePageFactory(parent=digital, partner=factor, duration_hours=4)
    PathwayPageFactory(parent=soft_skills.get_parent(), modules=[reputation, teamwork])
    GoodPracticePageFactory(identified_by=factor)
    CertificationToolPageFactory(slug="ecvet", scope="european")
    InfographicPageFactory()
    LearningGuidePageFactory()
    ProjectPageFactory()
    return {"teamwork": teamwork, "second": second, "reputation": reputation}


def module(slug="teamwork-1"):
    return ModulePage.objects.get(slug=slug, locale__language_code="en")


def test_the_catalogue_lists_every_category_and_pathway_with_module_summaries(client, content):
    catalogue = fresh_json(client, "catalogue/")
    assert [c["title"] for c in catalogue["categories"]] == ["Soft skills", "Digital skills"]
    assert [c["duration_hours"] for c in catalogue["categories"]] == [5, 4]
    assert len(catalogue["pathways"]) == 1
    in_categories = [m for category in catalogue["categories"] for m in category["modules"]]
    assert len(in_categories) == 3
    for category in catalogue["categories"]:
        assert set(category) >= PAGE_ITEM_FIELDS
        assert category["colour"].startswith("#")
        assert all(m["category"]["id"] == category["id"] for m in category["modules"])
    ordered = [content["reputation"].pk, content["teamwork"].pk]
    assert [m["id"] for m in catalogue["pathways"][0]["modules"]] == ordered


@pytest.mark.parametrize(
    "path",
    [
        "modules/",
        "categories/",
        "pathways/",
        "library/good-practices/",
        "library/certification-tools/",
        "infographics/",
    ],
)
def test_every_list_item_carries_the_page_item_fields(client, path, content):
    body = fresh_json(client, path)
    assert body["count"] == len(body["results"]) or body["next"]
    for item in body["results"]:
        assert set(item) >= PAGE_ITEM_FIELDS, item
        detail = get_json(client, f"{path}{item['id']}/")
        assert detail["id"] == item["id"] and detail["title"] == item["title"]


@pytest.mark.parametrize("path", ["learning-guide/", "project/"])
def test_single_pages_are_served_whole(client, path, content):
    body = fresh_json(client, path)
    assert set(body) >= PAGE_ITEM_FIELDS


def test_the_project_page_names_the_project_and_its_partners(client, content):
    project = fresh_json(client, "project/")
    assert project["reference"] == "2020-1-FR01-KA204-080342"
    assert {p["short_name"] for p in project["partners"]} == {"AMSED", "Factor Social"}


def test_a_module_detail_has_its_body_objectives_and_relations(client, content):
    page = module()
    body = fresh_json(client, f"modules/{page.pk}/")
    assert body["title"] == "Teamwork 1"
    assert body["category"]["id"] == page.get_parent().pk
    assert body["partner"]["slug"] == "amsed"
    assert body["objectives"] == ["To understand what teamwork is."]
    assert {c["slug"] for c in body["competences"]} == {c.slug for c in page.competences.all()}
    assert "collaboration" in {c["slug"] for c in body["competences"]}
    assert len(body["competences"]) == 2
    assert [block["type"] for block in body["body"]] == ["section", "section"]
    assert all(set(block) == {"type", "id", "locale", "value"} for block in body["body"])


def test_locales_name_themselves_and_give_their_direction(client):
    locales = {locale["code"]: locale for locale in fresh_json(client, "locales/")}
    assert locales["ar"] == {
        "code": "ar",
        "name": "العربية",
        "direction": "rtl",
        "is_source": False,
    }
    assert locales["fa"]["direction"] == "rtl"
    assert locales["en"]["is_source"] and locales["fr"]["name"] == "Français"


def test_an_unknown_locale_is_a_400_listing_the_valid_ones(client):
    response = get(client, "modules/?locale=xx")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 400 and "xx" in problem["detail"]
    assert set(problem["valid_locales"]) == {"en", "fr", "nl", "pt", "tr", "ar", "fa", "uk"}


def test_a_missing_translation_serves_the_source_with_fallback(client, content):
    page = module()
    code = "uk"
    body = fresh_json(client, f"modules/{page.pk}/?locale={code}")
    assert body["id"] == page.pk
    assert body["fallback"] is True
    assert body["locale"] == "en"
    assert body["title"] == "Teamwork 1"


def test_a_translation_is_served_under_the_same_id_and_listed_in_translations(
    client, django_capture_on_commit_callbacks, content
):
    page = module()
    code = "fa"
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(page, code, prefix="[T]")
    body = fresh_json(client, f"modules/{page.pk}/?locale={code}")
    assert body["id"] == page.pk
    assert body["fallback"] is False and body["locale"] == code
    assert body["title"] == "[T] Teamwork 1" == translated.title
    assert body["slug"] == translated.slug
    assert {"locale": "en", "slug": page.slug} in body["translations"]
    source = fresh_json(client, f"modules/{page.pk}/")
    assert code in {t["locale"] for t in source["translations"]}
    by_header = fresh_json(
        client, f"modules/{page.pk}/", HTTP_ACCEPT_LANGUAGE=f"{code};q=0.9, en;q=0.5"
    )
    assert by_header["locale"] == code
    in_list = fresh_json(client, f"modules/?locale={code}&page_size=100")["results"]
    assert next(m for m in in_list if m["id"] == page.pk)["title"] == translated.title


def test_the_locale_parameter_wins_over_accept_language(client, content):
    page = module()
    body = fresh_json(client, f"modules/{page.pk}/?locale=en", HTTP_ACCEPT_LANGUAGE="fr")
    assert body["locale"] == "en" and body["fallback"] is False


def test_an_unsatisfiable_accept_language_falls_back_to_english(client, content):
    body = fresh_json(client, "modules/", HTTP_ACCEPT_LANGUAGE="de-DE, ja;q=0.8")
    assert len(body["results"]) == 3
    assert all(item["fallback"] is False and item["locale"] == "en" for item in body["results"])


def test_an_alias_does_not_count_as_a_translation(client, content):
    page = module()
    code = "nl"
    locale = Locale.objects.get(language_code=code)
    consistent_tree()
    alias = page.copy_for_translation(locale, copy_parents=True, alias=True)
    assert alias.live and alias.alias_of_id == page.pk
    body = fresh_json(client, f"modules/{page.pk}/?locale={code}")
    assert body["fallback"] is True and body["locale"] == "en"
    assert code not in {t["locale"] for t in body["translations"]}


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("modules/?level=Z9", 400, "CEFR"),
        ("modules/?category=abc", 400, "positive whole number"),
        ("modules/?category=999999", 404, "no category"),
        ("modules/?partner=nobody", 404, "no partner"),
        ("modules/?competence=flying", 404, "no competence"),
        ("modules/?page=0", 400, "whole number"),
        ("modules/?page=999", 404, "does not exist"),
        ("modules/?page_size=1000", 400, "at most 100"),
        ("modules/abc/", 400, "positive whole number"),
        ("modules/99999999/", 404, "No published e-module"),
        ("library/good-practices/?type=film", 400, "unknown value film"),
        ("library/good-practices/?certification=maybe", 400, "unknown value maybe"),
        ("search/", 400, "words to search"),
        ("partners/99999/", 404, "No partner"),
        ("no-such-thing/", 404, "Nothing exists"),
    ],
)
def test_every_client_error_is_a_problem_with_a_human_message(client, path, status, words):
    response = get(client, path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    assert problem["type"].startswith("https://") and problem["title"]
    assert words in problem["detail"]


def test_the_page_size_has_a_hard_maximum(client, content):
    assert len(fresh_json(client, "modules/?page_size=100")["results"]) == 3
    assert get(client, "modules/?page_size=101").status_code == 400


def ids(results):
    return {m["id"] for m in results}


def test_module_filters(client, content):
    teamwork, second, reputation = content["teamwork"], content["second"], content["reputation"]
    category = teamwork.get_parent()
    in_category = fresh_json(client, f"modules/?category={category.pk}&page_size=100")["results"]
    assert ids(in_category) == {teamwork.pk, second.pk}

    pathway = fresh_json(client, "pathways/")["results"][0]
    on_pathway = fresh_json(client, f"modules/?pathway={pathway['id']}&page_size=100")["results"]
    assert ids(on_pathway) == {teamwork.pk, reputation.pk}

    by_partner = fresh_json(client, "modules/?partner=amsed&page_size=100")["results"]
    assert ids(by_partner) == {teamwork.pk, second.pk}

    by_competence = fresh_json(client, "modules/?competence=collaboration&page_size=100")
    assert ids(by_competence["results"]) == {teamwork.pk} and by_competence["count"] == 1

    by_level = fresh_json(client, "modules/?level=b1&page_size=100")["results"]
    assert ids(by_level) == {second.pk}


def test_good_practice_and_certification_tool_details_carry_every_section(client, content):
    practice = fresh_json(client, "library/good-practices/")["results"][0]
    body = fresh_json(client, f"library/good-practices/{practice['id']}/")
    for part in ("objectives_and_target_group", "content_and_modalities", "propositions"):
        assert body[part].startswith("<"), part
    assert body["strengths"] and body["weaknesses"]
    assert body["identified_by"]["slug"] == "factor-social"
    tool = fresh_json(client, "library/certification-tools/")["results"][0]
    body = fresh_json(client, f"library/certification-tools/{tool['id']}/")
    assert body["scope"] == "european" and body["description"]
