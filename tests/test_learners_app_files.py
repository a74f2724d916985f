"""The learners' app's files as the server sends them: the same in every language, so that the
app's service worker finds its precached shell offline whatever language the browser asks for."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from cms.core.learners_app import AppFilesSameInEveryLanguage


@pytest.mark.parametrize(
    "path", ["/app/", "/app/sw.js", "/app/i18n/ar.js", "/app/manifest.webmanifest"]
)
@pytest.mark.parametrize("accept_language", ["", "en-US,en;q=0.9", "ar-SA,ar;q=0.9", "uk-UA"])
def test_the_apps_files_do_not_vary_on_the_browsers_language(client, path, accept_language):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 200
    assert "accept-language" not in response.get("Vary", "").lower()


def test_other_vary_headers_are_kept():
    def view(request):
        response = HttpResponse()
        response["Vary"] = "Accept-Language, Accept-Encoding"
        return response

    app_file = AppFilesSameInEveryLanguage(view)(RequestFactory().get("/app/sw.js"))
    assert app_file["Vary"] == "Accept-Encoding"
    page = AppFilesSameInEveryLanguage(view)(RequestFactory().get("/"))
    assert page["Vary"] == "Accept-Language, Accept-Encoding"
