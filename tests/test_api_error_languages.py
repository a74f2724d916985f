"""API errors speak the client's language: ``?locale=`` first, then Accept-Language, then English.

Only the words change: the problem ``type``, the parameter names and the other members are the
same in every language, so that clients can act on them.
"""

import pytest

from tests.api_helpers import get

pytestmark = pytest.mark.django_db

UNKNOWN_PARTNER = "modules/?partner=nobody"


def problem(client, path, **headers):
    response = get(client, path, **headers)
    assert response["Content-Type"] == "application/problem+json"
    return response.status_code, response.json()


def test_a_problem_follows_the_locale_parameter(client):
    status, body = problem(client, f"{UNKNOWN_PARTNER}&locale=fr", HTTP_ACCEPT_LANGUAGE="ar")
    assert status == 404
    assert body["title"] == "Rien ne correspond à ce filtre"
    assert body["detail"] == "partner: aucun partenaire ne s'appelle « nobody »."
    assert body["errors"] == {"partner": "aucun partenaire ne s'appelle « nobody »."}
    assert body["type"] == "https://migrantech.org/problems/unknown-filter-value"
    assert "nobody" not in body["valid_values"]


def test_without_the_parameter_a_problem_follows_accept_language(client):
    _status, body = problem(client, UNKNOWN_PARTNER, HTTP_ACCEPT_LANGUAGE="ar-SY,ar;q=0.9,en;q=0.5")
    assert body["title"] == "لا شيء يطابق هذا المرشِّح"
    assert body["detail"] == "partner: لا يوجد شريك باسم «nobody»."
    assert body["type"] == "https://migrantech.org/problems/unknown-filter-value"


def test_a_language_the_catalogue_lacks_falls_back_to_english(client):
    _status, body = problem(client, UNKNOWN_PARTNER, HTTP_ACCEPT_LANGUAGE="de-DE,ja")
    assert body["detail"] == "partner: no partner is called “nobody”."
    _status, plain = problem(client, UNKNOWN_PARTNER)
    assert plain["title"] == "Nothing matches this filter"


def test_an_unknown_locale_parameter_is_explained_in_the_accepted_language(client):
    status, body = problem(client, "modules/?locale=xx", HTTP_ACCEPT_LANGUAGE="uk")
    assert status == 400
    assert body["title"] == "Неправильний параметр"
    assert body["detail"].startswith("locale: «xx» — не мова цього каталогу")
    assert set(body["valid_locales"]) >= {"en", "fr", "uk"}


@pytest.mark.parametrize(
    ("path", "language", "detail"),
    [
        ("modules/?page_size=1000", "tr", "page_size: sayfa başına en fazla 100 öğe"),
        ("modules/99999999/", "pt", "Nenhum elemento publicado do tipo “e-módulo”"),
        ("search/", "nl", "q: geef de woorden op waarnaar u wilt zoeken."),
        ("no-such-thing/", "fa", "در این نشانی چیزی وجود ندارد."),
    ],
)
def test_every_kind_of_problem_is_translated(client, path, language, detail):
    separator = "&" if "?" in path else "?"
    _status, body = problem(client, f"{path}{separator}locale={language}")
    assert body["detail"].startswith(detail)


def post_print_job(client, body, query=""):
    response = client.post(f"/api/v1/print-jobs/{query}", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def test_print_request_errors_are_translated_with_the_document_name(client):
    request = {"kind": "library", "options": {"answer_key": True}}
    body = post_print_job(client, request, "?locale=fr")
    assert body["detail"] == (
        "options: Catalogue de l'e-bibliothèque : il n'y a pas de corrigé à ajouter."
    )
    assert body["type"] == "https://migrantech.org/problems/invalid-parameter"


def test_a_nested_field_error_reads_as_a_sentence(client):
    body = post_print_job(
        client,
        {"kind": "module", "targets": [1], "options": {"paper": "A3"}},
        "?locale=fr",
    )
    assert body["errors"]["options"].startswith("paper: «\xa0A3\xa0» n'est pas un choix valide")
    assert "ErrorDetail" not in body["detail"]
