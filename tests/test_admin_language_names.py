"""The admin names content languages in the reader's language ("Inglês" for a Portuguese
editor, "انگلیسی" for a Persian translator), from Django's own translations of language names;
the API and language pickers keep each language's own name."""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from cms.core.locales import content_locales
from cms.printing.forms import PrintPackForm

pytestmark = pytest.mark.django_db

IN_EACH_LANGUAGE = {
    # admin language: (English, Persian) in that language
    "en": ("English", "Persian"),
    "pt-pt": ("Inglês", "Persa"),
    "fr": ("Anglais", "Perse"),
    "nl": ("Engels", "Perzisch"),
    "tr": ("İngilizce", "Farsça"),
    "ar": ("الإنجليزية", "الفارسيّة"),
    "fa": ("انگلیسی", "فارسی"),
    "uk": ("Англійська", "Перська"),
}


@pytest.mark.parametrize("language", IN_EACH_LANGUAGE)
def test_wagtail_names_locales_in_the_admin_language(language):
    english, persian = IN_EACH_LANGUAGE[language]
    with translation.override(language):
        assert Locale.objects.get(language_code="en").get_display_name() == english
        assert Locale.objects.get(language_code="fa").get_display_name() == persian


def test_the_print_form_names_languages_in_the_counsellors_language():
    with translation.override("fr"):
        form = PrintPackForm(may_print_answer_key=False)
        names = {code: str(name) for code, name in form.fields["locale"].choices}
    assert names["en"] == "Anglais" and names["ar"] == "Arabe"


def test_the_api_and_language_pickers_keep_each_languages_own_name():
    with translation.override("pt-pt"):
        names = {locale.code: locale.name for locale in content_locales()}
        pickers = dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES)
    assert names["en"] == "English" and names["fa"] == "دری / فارسی"
    assert pickers["pt-pt"] == "Português" and pickers["fr"] == "Français"


def test_wagtail_localizes_translations_menu_item_speaks_each_requests_language(rf, admin_user):
    """Built once, the reports menu kept the first request's language for everybody."""
    from django.urls import reverse
    from wagtail.admin.menu import reports_menu

    request = rf.get("/admin/")
    request.user = admin_user
    address = reverse("wagtail_localize:translations_report")
    labels = {}
    for language in ("pt-pt", "fa", "fr", "pt-pt"):
        with translation.override(language):
            items = reports_menu.menu_items_for_request(request)
            labels[language] = [str(item.label) for item in items if item.url == address]
    assert labels == {"pt-pt": ["Traduções"], "fa": ["ترجمه‌ها"], "fr": ["Traductions"]}


@pytest.mark.parametrize("language", ["fr", "nl", "pt-pt", "tr", "ar", "fa", "uk"])
def test_the_translation_editor_speaks_every_target_language(rf, language):
    """wagtail-localize's editor texts, its own or ours where upstream has none (Persian…)."""
    import json
    from pathlib import Path

    import polib
    import wagtail_localize
    from django.views.i18n import JSONCatalog

    source = Path(wagtail_localize.__file__).parent / "locale/en/LC_MESSAGES/djangojs.po"
    texts = {entry.msgid for entry in polib.pofile(str(source)) if entry.msgid}
    with translation.override(language):
        answer = JSONCatalog.as_view(packages=["wagtail_localize"])(rf.get("/"))
    catalogue = json.loads(answer.content)["catalog"]
    assert sorted(texts - set(catalogue)) == []
