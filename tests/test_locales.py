"""Locale negotiation as real clients ask: region tags, aliases and q-values, in ``?locale=`` and
``Accept-Language`` alike.

Which content locale a single language tag means is checked against langcodes, an independent
implementation of CLDR's language matching; the headers are the ones browsers send for the
languages our learners speak (Chrome, Firefox and Safari with the system language set).
"""

import langcodes
import pytest

from cms.core.locales import (
    UnknownLocale,
    content_locale,
    from_accept_language,
    locale_codes,
    negotiate,
)
from tests.api_helpers import fresh_json, get, translate

from .factories import ModulePageFactory

TAGS_CLIENTS_SEND = [
    "ar", "ar-MA", "ar-SY", "ar-EG", "ar-IQ", "ary", "arz", "apc",
    "fa", "fa-AF", "fa-IR", "prs", "prs-AF", "pes",
    "pt", "pt-BR", "pt-PT", "pt-AO", "fr", "fr-FR", "fr-BE", "fr-CA", "nl", "nl-BE", "nl-NL",
    "tr", "tr-TR", "uk", "uk-UA", "en", "en-US", "en-GB",
    "de", "de-DE", "ru", "ru-UA", "ps", "ps-AF", "ku", "so", "ti", "zh-CN", "zh-Hant-TW",
]  # fmt: skip


@pytest.mark.parametrize("tag", TAGS_CLIENTS_SEND)
def test_a_language_tag_means_the_locale_cldr_matching_gives(tag):
    expected = langcodes.closest_supported_match(tag, locale_codes())
    assert content_locale(tag) == expected
    assert content_locale(tag.upper().replace("-", "_")) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # Chrome on Android in Morocco, Arabic first.
        ("ar-MA,ar;q=0.9,fr-FR;q=0.8,fr;q=0.7,en-US;q=0.6,en;q=0.5", "ar"),
        # Chrome with Dari (Afghanistan) as the Windows display language.
        ("prs-AF,prs;q=0.9,en-US;q=0.8,en;q=0.7", "fa"),
        # Firefox in Persian (Iran).
        ("fa-IR,fa;q=0.8,en-US;q=0.5,en;q=0.3", "fa"),
        # Safari on an iPhone set to Brazilian Portuguese.
        ("pt-BR,pt;q=0.9", "pt"),
        # Chrome in Ukrainian with Russian as a second language we do not have.
        ("uk-UA,uk;q=0.9,ru-RU;q=0.8,ru;q=0.7,en-US;q=0.6,en;q=0.5", "uk"),
        # Pashto first (not a content locale), then Dari.
        ("ps-AF,ps;q=0.9,prs;q=0.8,en;q=0.5", "fa"),
        # Order of preference is the q-values', not the header's.
        ("en;q=0.3, tr;q=0.9", "tr"),
        # q=0 means "not this one", even alone.
        ("fa;q=0, ar;q=0", None),
        ("fa;q=0, ar;q=0.5", "ar"),
        ("ar-MA;q=0, fr;q=0.4", "fr"),
        # A wildcard accepts anything that is not refused: the source first.
        ("*", "en"),
        ("en;q=0, *;q=0.5", "fr"),
        # Nothing we serve, malformed q-values and empty entries.
        ("de-DE, ja;q=0.8", None),
        ("ar;q=abc, tr;q=2, nl;q=0.5", "nl"),
        (" , ;q=1, uk", "uk"),
        ("", None),
    ],
)
def test_accept_language_as_browsers_send_it(header, expected):
    assert from_accept_language(header) == expected


def test_an_explicit_locale_accepts_regions_and_aliases_and_refuses_the_rest():
    assert negotiate("ar-MA") == "ar"
    assert negotiate("pt-BR", "fr") == "pt"
    assert negotiate("prs") == "fa"
    assert negotiate(None, "fa;q=0, ar;q=0") == "en"
    with pytest.raises(UnknownLocale) as refused:
        negotiate("xx", "ar")
    assert refused.value.valid == locale_codes()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "header"),
    [("?locale=fa-AF", ""), ("?locale=prs", "en"), ("", "prs-AF,prs;q=0.9,en;q=0.8")],
)
def test_the_api_serves_dari_to_dari_tags(
    client, django_capture_on_commit_callbacks, query, header
):
    page = ModulePageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, "fa", prefix="[T]")
    body = fresh_json(client, f"modules/{page.pk}/{query}", HTTP_ACCEPT_LANGUAGE=header)
    assert body["locale"] == "fa" and body["fallback"] is False


@pytest.mark.django_db
def test_the_api_honours_a_refusal_and_explains_an_unknown_locale_in_the_asked_language(
    client, django_capture_on_commit_callbacks
):
    page = ModulePageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        translate(page, "fa", prefix="[T]")
    body = fresh_json(client, "modules/", HTTP_ACCEPT_LANGUAGE="fa;q=0, ar;q=0")
    assert [(item["id"], item["locale"]) for item in body["results"]] == [(page.pk, "en")]
    response = get(client, "modules/?locale=xx-MA", HTTP_ACCEPT_LANGUAGE="ar-MA,ar;q=0.9")
    assert response.status_code == 400
    problem = response.json()
    assert problem["valid_locales"] == locale_codes()
    assert "xx-MA" in problem["detail"] and problem["title"] == "معامل غير صالح"
