"""The content API serves every published resource, in every locale, with stable ids."""

import pytest
from wagtail.models import Locale

from cms.library.models import CertificationToolPage, GoodPracticePage
from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from tests.api_helpers import (
    consistent_tree,
    fresh_json,
    get,
    get_json,
    new_module,
    translate,
)

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

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


def module(slug="teamwork-1"):
    return ModulePage.objects.get(slug=slug, locale__language_code="en")


def test_the_catalogue_lists_every_category_and_pathway_with_module_summaries(client):
    catalogue = fresh_json(client, "catalogue/")
    assert (
        len(catalogue["categories"])
        == CategoryPage.objects.filter(locale__language_code="en").count()
        == 5
    )
    assert len(catalogue["pathways"]) == 2
    in_categories = [m for category in catalogue["categories"] for m in category["modules"]]
    assert len(in_categories) == 40
    for category in catalogue["categories"]:
        assert set(category) >= PAGE_ITEM_FIELDS
        assert category["colour"].startswith("#")
        assert category["duration_hours"] == sum(m["duration_hours"] for m in category["modules"])
        assert all(m["category"]["id"] == category["id"] for m in category["modules"])
    first_pathway = PathwayPage.objects.filter(locale__language_code="en").order_by("path")[0]
    ordered = [link.module.pk for link in first_pathway.pathway_modules.order_by("sort_order")]
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
def test_every_list_item_carries_the_page_item_fields(client, path):
    body = fresh_json(client, path)
    assert body["count"] == len(body["results"]) or body["next"]
    for item in body["results"]:
        assert set(item) >= PAGE_ITEM_FIELDS, item
        detail = get_json(client, f"{path}{item['id']}/")
        assert detail["id"] == item["id"] and detail["title"] == item["title"]


def test_the_counts_match_the_catalogue(client):
    assert fresh_json(client, "modules/?page_size=100")["count"] == 40
    assert fresh_json(client, "library/good-practices/?page_size=100")["count"] == 40
    assert fresh_json(client, "library/certification-tools/")["count"] == 11
    assert fresh_json(client, "infographics/")["count"] == 2
    assert len(fresh_json(client, "partners/")) == 4


@pytest.mark.parametrize("path", ["learning-guide/", "project/"])
def test_single_pages_are_served_whole(client, path):
    body = fresh_json(client, path)
    assert set(body) >= PAGE_ITEM_FIELDS


def test_the_project_page_names_the_project_and_its_partners(client):
    project = fresh_json(client, "project/")
    assert project["reference"] == "2020-1-FR01-KA204-080342"
    assert {p["short_name"] for p in project["partners"]} >= {"AMSED", "Factor Social"}


def test_a_module_detail_has_its_body_objectives_and_relations(client):
    page = module()
    body = fresh_json(client, f"modules/{page.pk}/")
    assert body["title"] == page.title
    assert body["category"]["id"] == page.get_parent().pk
    assert body["partner"]["slug"] == page.partner.slug
    assert body["objectives"] and all(isinstance(text, str) for text in body["objectives"])
    assert {c["slug"] for c in body["competences"]} == {c.slug for c in page.competences.all()}
    assert [block["type"] for block in body["body"]] == [b.block_type for b in page.body]
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


def test_a_missing_translation_serves_the_source_with_fallback(client):
    page = new_module()
    code = "uk"
    body = fresh_json(client, f"modules/{page.pk}/?locale={code}")
    assert body["id"] == page.pk
    assert body["fallback"] is True
    assert body["locale"] == "en"
    assert body["title"] == page.title


def test_a_translation_is_served_under_the_same_id_and_listed_in_translations(
    client, django_capture_on_commit_callbacks
):
    page = new_module()
    code = "fa"
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(page, code, prefix="[T]")
    body = fresh_json(client, f"modules/{page.pk}/?locale={code}")
    assert body["id"] == page.pk
    assert body["fallback"] is False and body["locale"] == code
    assert body["title"] == f"[T] {page.title}" == translated.title
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


def test_the_locale_parameter_wins_over_accept_language(client):
    page = module()
    body = fresh_json(client, f"modules/{page.pk}/?locale=en", HTTP_ACCEPT_LANGUAGE="fr")
    assert body["locale"] == "en" and body["fallback"] is False


def test_an_unsatisfiable_accept_language_falls_back_to_english(client):
    body = fresh_json(client, "modules/", HTTP_ACCEPT_LANGUAGE="de-DE, ja;q=0.8")
    assert all(item["fallback"] is False and item["locale"] == "en" for item in body["results"])


def test_an_alias_does_not_count_as_a_translation(client):
    page = new_module()
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


def test_the_page_size_has_a_hard_maximum(client):
    assert len(fresh_json(client, "modules/?page_size=100")["results"]) == 40
    assert get(client, "modules/?page_size=101").status_code == 400


def test_module_filters(client):
    category = CategoryPage.objects.get(slug="soft-skills", locale__language_code="en")
    in_category = fresh_json(client, f"modules/?category={category.pk}&page_size=100")["results"]
    assert in_category and {m["category"]["id"] for m in in_category} == {category.pk}
    assert len(in_category) == category.get_children().count()

    pathway = PathwayPage.objects.filter(locale__language_code="en").first()
    on_pathway = fresh_json(client, f"modules/?pathway={pathway.pk}&page_size=100")["results"]
    assert {m["id"] for m in on_pathway} == {
        link.module_id for link in pathway.pathway_modules.all()
    }

    by_partner = fresh_json(client, "modules/?partner=amsed&page_size=100")["results"]
    assert by_partner and {m["partner"]["slug"] for m in by_partner} == {"amsed"}

    teamwork = module()
    competence = teamwork.competences.first()
    by_competence = fresh_json(client, f"modules/?competence={competence.slug}&page_size=100")
    assert teamwork.pk in {m["id"] for m in by_competence["results"]}
    in_english = competence.modules.filter(live=True, locale__language_code="en")
    assert by_competence["count"] == in_english.count()

    level = teamwork.language_level
    by_level = fresh_json(client, f"modules/?level={level.lower()}&page_size=100")["results"]
    assert by_level and {m["language_level"] for m in by_level} == {level}


def test_good_practice_and_certification_tool_details_carry_every_section(client):
    practice = GoodPracticePage.objects.filter(locale__language_code="en").first()
    body = fresh_json(client, f"library/good-practices/{practice.pk}/")
    for section in ("objectives_and_target_group", "content_and_modalities", "propositions"):
        assert body[section].startswith("<"), section
    assert body["strengths"] and body["weaknesses"]
    assert body["identified_by"]["id"] == practice.identified_by_id
    tool = CertificationToolPage.objects.get(slug="ecvet", locale__language_code="en")
    body = fresh_json(client, f"library/certification-tools/{tool.pk}/")
    assert body["scope"] == tool.scope and body["description"]
