"""Reading progress: a learner opens modules (online, or offline and sent later); each reading
is kept once, counts in their progress per category, pathway and course, is in their data
download and goes with their erasure."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.learners.models import ModuleReading
from cms.modules.models import CategoryPage, PathwayPage
from tests.learner_helpers import (  # noqa: F401 (fresh_throttles is an autouse fixture)
    API,
    bearer,
    category_modules,
    fresh_throttles,
    pass_module,
    post,
    register,
    source_module,
)

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]

SCHEDULE = "how-to-create-and-keep-a-schedule"


def read(client, token, module_id, **fields):
    return post(client, "learners/me/reading/", {"module": module_id, **fields}, token)


def progress(client, token):
    response = client.get(f"{API}/learners/me/progress/", **bearer(token))
    assert response.status_code == 200
    return response.json()


def test_a_reading_is_recorded_once_whatever_is_sent_again(client):
    token = register(client)["token"]
    page = source_module(SCHEDULE)
    first = read(client, token, page.pk)
    assert first.status_code == 201, first.content[:300]
    assert first["Cache-Control"] == "no-store"
    assert first.json()["module"] == page.pk
    again = read(client, token, page.pk)
    assert again.status_code == 200
    assert again.json() == first.json()
    assert ModuleReading.objects.filter(module=page).count() == 1


def test_a_translations_id_counts_for_the_module_and_the_earliest_time_is_kept(client):
    token = register(client)["token"]
    page = source_module(SCHEDULE)
    arabic = page.get_translation(Locale.objects.get(language_code="ar"))
    assert read(client, token, arabic.pk).json()["module"] == page.pk
    earlier = timezone.now() - timedelta(minutes=5)
    offline = read(client, token, page.pk, read_at=earlier.isoformat())
    assert offline.status_code == 200
    (reading,) = ModuleReading.objects.all()
    assert abs(reading.read_at - earlier) < timedelta(seconds=1)
    later = read(client, token, page.pk, read_at=timezone.now().isoformat())
    assert later.json()["read_at"] == offline.json()["read_at"]


def test_a_time_in_the_future_counts_as_now(client):
    body = register(client)
    read(client, body["token"], source_module(SCHEDULE).pk, read_at="2099-01-01T00:00:00Z")
    (reading,) = ModuleReading.objects.all()
    assert reading.read_at <= timezone.now()


@pytest.mark.parametrize(
    ("sent", "status"),
    [({}, 400), ({"module": "x"}, 400), ({"module": 0}, 400), ({"module": 999999}, 404)],
)
def test_bad_readings_are_problems(client, sent, status):
    token = register(client)["token"]
    response = post(client, "learners/me/reading/", sent, token)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    assert not ModuleReading.objects.exists()


def test_only_a_signed_in_learner_records_a_reading(client):
    response = post(client, "learners/me/reading/", {"module": source_module(SCHEDULE).pk})
    assert response.status_code == 401


def test_progress_counts_modules_read_per_category_pathway_and_course(client):
    token = register(client, locale="fr")["token"]
    modules = category_modules("digital-skills")
    for page in modules[:2]:
        read(client, token, page.pk)
    pass_module(client, token, modules[0])
    shown = progress(client, token)
    category = CategoryPage.objects.get(slug="digital-skills", locale__language_code="en")
    digital = next(c for c in shown["categories"] if c["id"] == category.pk)
    assert (digital["done"], digital["read"]) == (1, 2)
    assert all(c["read"] == 0 for c in shown["categories"] if c["id"] != category.pk)
    assert (shown["overall"]["done"], shown["overall"]["read"]) == (1, 2)
    assert [m["id"] for m in shown["read_modules"]] == [page.pk for page in modules[:2]]
    french = modules[0].get_translation(Locale.objects.get(language_code="fr"))
    assert shown["read_modules"][0]["title"] == french.title
    for pathway in PathwayPage.objects.filter(locale__language_code="en"):
        members = set(pathway.pathway_modules.values_list("module_id", flat=True))
        counted = next(p for p in shown["pathways"] if p["id"] == pathway.pk)
        assert counted["read"] == len(members & {page.pk for page in modules[:2]})


def test_readings_are_in_the_data_download_and_go_with_erasure(client):
    token = register(client)["token"]
    page = source_module(SCHEDULE)
    read(client, token, page.pk)
    data = client.get(f"{API}/learners/me/data/", **bearer(token)).json()
    assert [r["module"] for r in data["readings"]] == [page.pk]
    assert client.delete(f"{API}/learners/me/", **bearer(token)).status_code == 204
    assert not ModuleReading.objects.exists()
