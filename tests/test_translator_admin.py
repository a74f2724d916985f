"""Translators and reviewers: a tree to translate in every locale, a report that names
languages, links each cell to its translation editor, filters, and is never green when out of
date; and no "Convert to alias page" for them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from cms.guide.models import InfographicPage, LearningGuidePage
from cms.library.models import CertificationToolIndexPage, LibraryIndexPage
from cms.project.models import ProjectPage
from cms.translation.setup import translators_group

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]


@pytest.fixture
def persian_translator(client, django_user_model):
    user = django_user_model.objects.create_user(username="motarjem", password="x")
    user.groups.add(translators_group(Locale.objects.get(language_code="fa")))
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "fa"})
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    "model",
    [LibraryIndexPage, CertificationToolIndexPage, LearningGuidePage, InfographicPage, ProjectPage],
)
def test_every_section_has_a_tree_in_every_locale_to_translate(model):
    for code in ("fa", "ar", "uk", "fr"):
        assert model.objects.filter(locale__language_code=code).exists(), (model, code)


def test_untranslated_sections_are_drafts_not_published():
    library = LibraryIndexPage.objects.get(locale__language_code="fa")
    assert (
        not library.live
        or library.title != LibraryIndexPage.objects.get(locale__language_code="en").title
    )


def test_the_report_covers_every_page_type_with_language_names_and_links(
    client, persian_translator
):
    html = client.get(reverse("translation_report")).content.decode()
    # Languages named in Persian, the reader's language: Persian, Arabic.
    assert ">فارسی</th>" in html and ">عربی</td>" in html
    assert ">fa<" not in html
    english_library = LibraryIndexPage.objects.get(locale__language_code="en")
    persian_library = english_library.get_translation(Locale.objects.get(language_code="fa"))
    assert reverse("wagtailadmin_pages:edit", args=[persian_library.pk]) in html
    assert str(LearningGuidePage._meta.verbose_name) in html or "راهنمای یادگیری" in html
    assert '<bdi dir="ltr"' in html


def test_the_report_filters_one_language_and_what_needs_work(client, persian_translator):
    one = client.get(reverse("translation_report"), {"locale": "fa"}).content.decode()
    assert 'data-locale="fa">فارسی</th>' in one
    assert 'data-locale="ar">' not in one
    needy = client.get(reverse("translation_report"), {"locale": "fa", "needs_work": "1"})
    assert needy.status_code == 200
    assert 'class="done"' not in needy.content.decode()


def test_a_cell_out_of_date_is_never_green():
    from cms.translation.status import LocaleStatus
    from cms.translation.views import Cell

    cell = Cell(
        Locale.objects.get(language_code="fa"),
        LocaleStatus("fa", translated=True, percent=100, out_of_date=True, awaiting_review=False),
        "",
    )
    assert cell.state == "out-of-date" and cell.needs_work


def test_translators_may_not_convert_a_translation_to_an_alias(client, persian_translator):
    page = LibraryIndexPage.objects.get(locale__language_code="fa")
    address = f"/admin/localize/page/{page.pk}/convert_to_alias/"
    refused = client.post(address)
    assert refused.status_code == 302
    assert Page.objects.get(pk=page.pk).alias_of_id is None
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'data-may-convert-to-alias="false"' in editor or "translation/editor.js" not in editor


def test_translators_may_not_stop_a_translation_following_its_source(client, persian_translator):
    from wagtail_localize.models import Translation

    page = LibraryIndexPage.objects.get(locale__language_code="fa")
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    refused = client.post(f"/admin/localize/translate/{translation.pk}/disable/")
    assert refused.status_code == 302
    translation.refresh_from_db()
    assert translation.enabled


def test_translator_groups_exist_per_language():
    assert Group.objects.filter(name__startswith="Translators: ").count() == 7
