"""The e-library's facet filters and counts, and site-wide search."""

import pytest
from django.conf import settings

from cms.library.models import GoodPracticePage
from cms.modules.models import ModulePage
from tests.api_helpers import fresh_json, new_module, translate

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]


def practices():
    return list(GoodPracticePage.objects.live().filter(locale__language_code="en"))


def counts(body, facet):
    return {entry["value"]: entry["count"] for entry in body["facets"][facet]}


def test_facet_counts_match_the_catalogue(client):
    body = fresh_json(client, "library/good-practices/?page_size=100")
    everything = practices()
    assert body["count"] == len(everything) == 40
    for value, count in counts(body, "resource_type").items():
        assert count == sum(1 for p in everything if p.resource_type == value)
    for value, count in counts(body, "objectives").items():
        assert count == sum(1 for p in everything if value in p.objectives)
    assert counts(body, "has_certification")["true"] == sum(p.has_certification for p in everything)


def test_filters_combine_and_counts_follow_the_other_facets(client):
    everything = practices()
    body = fresh_json(
        client, "library/good-practices/?objective=employment&cost=free&page_size=100"
    )
    expected = [p for p in everything if "employment" in p.objectives and p.cost == "free"]
    assert {item["id"] for item in body["results"]} == {p.pk for p in expected}
    # The cost counts ignore the cost filter but honour the objective one.
    employment = [p for p in everything if "employment" in p.objectives]
    assert counts(body, "cost")["paid"] == sum(1 for p in employment if p.cost == "paid")


def test_several_values_of_one_facet_are_alternatives(client):
    everything = practices()
    body = fresh_json(client, "library/good-practices/?type=app,mooc&page_size=100")
    repeated = fresh_json(client, "library/good-practices/?type=app&type=mooc&page_size=100")
    expected = {p.pk for p in everything if p.resource_type in {"app", "mooc"}}
    assert {i["id"] for i in body["results"]} == {i["id"] for i in repeated["results"]} == expected


def test_facets_filter_by_their_field_names_or_the_documented_aliases(client):
    by_field = fresh_json(client, "library/good-practices/?resource_type=app&page_size=100")
    by_alias = fresh_json(client, "library/good-practices/?type=app&page_size=100")
    combined = fresh_json(
        client, "library/good-practices/?resource_type=app&type=mooc&page_size=100"
    )
    apps = {p.pk for p in practices() if p.resource_type == "app"}
    moocs = {p.pk for p in practices() if p.resource_type == "mooc"}
    assert {i["id"] for i in by_field["results"]} == {i["id"] for i in by_alias["results"]} == apps
    assert {i["id"] for i in combined["results"]} == apps | moocs
    assert set(by_field["facets"]) == {
        "resource_type",
        "objectives",
        "country",
        "languages",
        "cost",
        "has_certification",
    }


def test_modules_filter_by_language_level_or_its_alias_level(client):
    by_field = fresh_json(client, "modules/?language_level=A2&page_size=100")["results"]
    by_alias = fresh_json(client, "modules/?level=A2&page_size=100")["results"]
    expected = {
        m.pk
        for m in ModulePage.objects.live().filter(locale__language_code="en")
        if m.language_level == "A2"
    }
    assert {m["id"] for m in by_field} == {m["id"] for m in by_alias} == expected
    assert all(m["url"] for m in by_field)


def test_language_and_country_facets(client):
    everything = practices()
    body = fresh_json(client, "library/good-practices/?language=fr&country=FR,BE&page_size=100")
    expected = {p.pk for p in everything if "fr" in p.languages and p.country in {"FR", "BE"}}
    assert {i["id"] for i in body["results"]} == expected


def test_search_finds_modules_practices_and_partners(client):
    found = fresh_json(client, "search/?q=teamwork&page_size=100")["results"]
    module = ModulePage.objects.get(slug="teamwork-1", locale__language_code="en")
    assert {"type": "module", "id": module.pk} in [
        {"type": r["type"], "id": r["id"]} for r in found
    ]
    assert all(r["api_url"].startswith("http://testserver/api/v1/") for r in found)
    hit = next(r for r in found if r["type"] == "module" and r["id"] == module.pk)
    assert hit["url"] == settings.FRONTEND_ITEM_URL.format(
        type="module", id=module.pk, slug=module.slug, locale="en"
    )
    partner = fresh_json(client, "search/?q=Anatolia")["results"]
    assert "partner" in {r["type"] for r in partner}


def test_search_serves_hits_in_the_asked_locale_with_fallback(
    client, django_capture_on_commit_callbacks
):
    source = new_module("searchable-module")
    with django_capture_on_commit_callbacks(execute=True):
        translated = translate(source, "pt", prefix="[pt]")
    results = fresh_json(client, "search/?q=teamwork&locale=pt&page_size=100")["results"]
    hit = next(r for r in results if r["id"] == source.pk)
    assert hit["locale"] == "pt" and hit["title"] == translated.title and not hit["fallback"]
    english_only = [r for r in results if r["locale"] == "en"]
    assert all(r["fallback"] for r in english_only)
