"""The e-library's facet filters and counts, and site-wide search."""

import pytest
from django.conf import settings

from tests.api_helpers import fresh_json, translate

from .factories import (
    GoodPracticePageFactory,
    LibraryIndexPageFactory,
    ModulePageFactory,
    PartnerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices():
    """Four good practices whose facets overlap in known ways."""
    library = LibraryIndexPageFactory()

    def practice(**facets):
        return GoodPracticePageFactory(parent=library, **facets)

    return {
        "app-fr": practice(
            resource_type="app",
            objectives=["employment"],
            cost="free",
            country="FR",
            languages=["fr", "en"],
            has_certification=True,
        ),
        "mooc-be": practice(
            resource_type="mooc",
            objectives=["employment", "language_learning"],
            cost="paid",
            country="BE",
            languages=["fr"],
        ),
        "platform-pt": practice(
            resource_type="platform",
            objectives=["social_inclusion"],
            cost="free",
            country="PT",
            languages=["pt"],
        ),
        "app-paid": practice(
            resource_type="app",
            objectives=["employment"],
            cost="paid",
            country="FR",
            languages=["en"],
        ),
    }


def counts(body, facet):
    return {entry["value"]: entry["count"] for entry in body["facets"][facet] if entry["count"]}


def ids(body):
    return {item["id"] for item in body["results"]}


def pks(practices, *names):
    return {practices[name].pk for name in names}


def test_facet_counts_match_the_practices(client, practices):
    body = fresh_json(client, "library/good-practices/?page_size=100")
    assert body["count"] == 4
    assert counts(body, "resource_type") == {"app": 2, "mooc": 1, "platform": 1}
    assert counts(body, "objectives") == {
        "employment": 3,
        "language_learning": 1,
        "social_inclusion": 1,
    }
    assert counts(body, "has_certification")["true"] == 1


def test_filters_combine_and_counts_follow_the_other_facets(client, practices):
    body = fresh_json(
        client, "library/good-practices/?objective=employment&cost=free&page_size=100"
    )
    assert ids(body) == pks(practices, "app-fr")
    # The cost counts ignore the cost filter but honour the objective one.
    assert counts(body, "cost") == {"free": 1, "paid": 2}


def test_several_values_of_one_facet_are_alternatives(client, practices):
    body = fresh_json(client, "library/good-practices/?type=app,mooc&page_size=100")
    repeated = fresh_json(client, "library/good-practices/?type=app&type=mooc&page_size=100")
    expected = pks(practices, "app-fr", "mooc-be", "app-paid")
    assert ids(body) == ids(repeated) == expected


def test_facets_filter_by_their_field_names_or_the_documented_aliases(client, practices):
    by_field = fresh_json(client, "library/good-practices/?resource_type=app&page_size=100")
    by_alias = fresh_json(client, "library/good-practices/?type=app&page_size=100")
    combined = fresh_json(
        client, "library/good-practices/?resource_type=app&type=mooc&page_size=100"
    )
    apps = pks(practices, "app-fr", "app-paid")
    assert ids(by_field) == ids(by_alias) == apps
    assert ids(combined) == apps | pks(practices, "mooc-be")
    assert set(by_field["facets"]) == {
        "resource_type",
        "objectives",
        "country",
        "languages",
        "cost",
        "has_certification",
    }


def test_modules_filter_by_language_level_or_its_alias_level(client):
    a2 = ModulePageFactory(language_level="A2")
    ModulePageFactory(language_level="B1")
    by_field = fresh_json(client, "modules/?language_level=A2&page_size=100")["results"]
    by_alias = fresh_json(client, "modules/?level=A2&page_size=100")["results"]
    assert {m["id"] for m in by_field} == {m["id"] for m in by_alias} == {a2.pk}
    assert all(m["url"] for m in by_field)


def test_language_and_country_facets(client, practices):
    body = fresh_json(client, "library/good-practices/?language=fr&country=FR,BE&page_size=100")
    assert ids(body) == pks(practices, "app-fr", "mooc-be")


def test_search_finds_modules_and_partners(client):
    module = ModulePageFactory(title="Teamwork in a kitchen", slug="teamwork-in-a-kitchen")
    ModulePageFactory(title="Writing a CV")
    PartnerFactory(name="Anatolia Youth Association", short_name="Anatolia Youth")
    found = fresh_json(client, "search/?q=teamwork&page_size=100")["results"]
    assert [{"type": r["type"], "id": r["id"]} for r in found] == [
        {"type": "module", "id": module.pk}
    ]
    assert all(r["api_url"].startswith("http://testserver/api/v1/") for r in found)
    assert found[0]["url"] == settings.FRONTEND_ITEM_URL.format(
        type="module", id=module.pk, slug="teamwork-in-a-kitchen", locale="en"
    )
    partner = fresh_json(client, "search/?q=Anatolia")["results"]
    assert "partner" in {r["type"] for r in partner}


def test_search_serves_hits_in_the_asked_locale_with_fallback(
    client, django_capture_on_commit_callbacks
):
    source = ModulePageFactory(title="Teamwork at work")
    english_only = ModulePageFactory(title="Teamwork on a building site")
    with django_capture_on_commit_callbacks(execute=True):
        translate(source, "pt", prefix="[pt]")
    results = fresh_json(client, "search/?q=teamwork&locale=pt&page_size=100")["results"]
    hit = next(r for r in results if r["id"] == source.pk)
    assert hit["locale"] == "pt" and hit["title"] == "[pt] Teamwork at work"
    assert not hit["fallback"]
    fallback = next(r for r in results if r["id"] == english_only.pk)
    assert fallback["locale"] == "en" and fallback["fallback"]
