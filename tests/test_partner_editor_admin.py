"""A partner editor (Factor Social, admin in Portuguese) finds her partner's modules, changes
only them, reads the e-library, and reads every refusal in Portuguese."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.library.models import GoodPracticePage, LibraryIndexPage
from cms.modules.models import CategoryPage, ModulePage, PathwayPage
from cms.project.models import Partner, Trainer

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]


def english(model, **filters):
    return model.objects.filter(locale__language_code="en", **filters)


@pytest.fixture
def factor_social():
    return english(Partner, slug="factor-social").get()


@pytest.fixture
def editor(client, django_user_model, factor_social):
    user = django_user_model.objects.create_user(username="editora", password="x")
    user.groups.add(factor_social.editors_group)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "pt"})
    client.force_login(user)
    return user


def test_her_stored_pt_preference_opens_the_admin_in_portuguese(client, editor):
    assert UserProfile.get_for_user(editor).preferred_language == "pt-pt"
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Painel de controlo" in page or "Início" in page
    assert "Os nossos módulos" in page


def test_the_dashboard_lists_her_partners_modules_with_their_states(client, editor, factor_social):
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    own = english(ModulePage, partner=factor_social)
    other = english(ModulePage).exclude(partner=factor_social).first()
    assert own.exists()
    for module in own:
        assert module.title in page
    assert other.title not in page
    assert "Publicado" in page
    assert ">Árabe</th>" in page  # a column per target language, named in Portuguese


def test_the_modules_listing_filters_and_shows_the_partner(client, editor, factor_social):
    address = reverse("modules:index")
    listing = client.get(address, {"partner": factor_social.pk, "locale": "en"})
    assert listing.status_code == 200
    text = listing.content.decode()
    own = list(english(ModulePage, partner=factor_social))
    assert all(module.title in text for module in own)
    assert english(ModulePage).exclude(partner=factor_social).first().title not in text
    assert "Parceiro" in text


def test_searching_the_partners_name_finds_its_modules(client, editor, factor_social):
    listing = client.get(reverse("modules:index"), {"q": "Factor Social", "locale": "en"})
    text = listing.content.decode()
    assert english(ModulePage, partner=factor_social).first().title in text


def test_shared_pages_are_for_moderators_only(client, editor):
    category = english(CategoryPage).first()
    pathway = english(PathwayPage).first()
    for page in (category, pathway):
        tester = page.permissions_for_user(editor)
        assert not tester.can_edit() and not tester.can_publish()
    assert category.permissions_for_user(editor).can_add_subpage()  # a new module
    refused = client.get(reverse("wagtailadmin_pages:edit", args=[category.pk]), follow=True)
    text = refused.content.decode()
    assert "Desculpe, não tem permissão" in text
    assert "Sorry, you do not have permission" not in text


def test_the_trainers_field_offers_her_partners_trainers_only(editor, factor_social):
    module = english(ModulePage, partner=factor_social).first()
    form_class = ModulePage.get_edit_handler().get_form_class()
    form = form_class(instance=module, for_user=editor)
    offered = set(form.fields["trainers"].queryset)
    assert offered
    assert offered <= set(Trainer.objects.filter(partner=factor_social))


def test_she_reads_the_e_library_but_changes_nothing_there(client, editor):
    library = english(LibraryIndexPage).get()
    explored = client.get(reverse("wagtailadmin_explore", args=[library.pk]))
    assert explored.status_code == 200
    practice = english(GoodPracticePage).first()
    assert practice.title in explored.content.decode()
    assert not practice.permissions_for_user(editor).can_edit()
    assert not library.permissions_for_user(editor).can_add_subpage()


def test_the_e_library_listing_filters_by_facets_and_searches_the_text(client, editor):
    address = reverse("e_library:index")
    portuguese = client.get(address, {"country": "PT", "locale": "en"}).content.decode()
    in_portugal = list(english(GoodPracticePage, country="PT"))
    assert in_portugal and all(practice.title in portuguese for practice in in_portugal)
    assert english(GoodPracticePage).exclude(country="PT").first().title not in portuguese
    assert "País" in portuguese  # the country column, in her language
    finnish = english(GoodPracticePage, country="FI").first()
    found = client.get(address, {"q": "Finnish", "locale": "en"}).content.decode()
    assert finnish.title in found  # "Finnish" is in its text, not in its title
    found = client.get(address, {"q": "Portugal", "locale": "en"}).content.decode()
    assert in_portugal[0].title in found
