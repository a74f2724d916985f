"""Partner editors edit their own partner's modules only; moderators edit everything."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms.core.permissions import MODERATORS_GROUP
from cms.modules.models import ModulePage
from cms.project.models import Partner

pytestmark = [pytest.mark.django_db, pytest.mark.catalogue]


def make_user(django_user_model, username: str, *groups: Group):
    user = django_user_model.objects.create_user(username=username, password="x")
    user.groups.add(*groups)
    return user


def editors_of(slug: str) -> Group:
    return Partner.objects.get(slug=slug, locale__language_code="en").editors_group


def module_of(partner_slug: str) -> ModulePage:
    return ModulePage.objects.filter(partner__slug=partner_slug, locale__language_code="en").first()


@pytest.fixture
def amsed_editor(django_user_model):
    return make_user(django_user_model, "amsed-editor", editors_of("amsed"))


def test_an_amsed_editor_cannot_edit_a_factor_social_module(client, amsed_editor):
    client.force_login(amsed_editor)
    module = module_of("factor-social")
    assert not module.permissions_for_user(amsed_editor).can_edit()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    assert response.status_code in (302, 403)
    assert module.title.encode() not in response.content


def test_an_amsed_editor_edits_and_submits_an_amsed_module(client, amsed_editor):
    client.force_login(amsed_editor)
    module = module_of("amsed")
    tester = module.permissions_for_user(amsed_editor)
    assert tester.can_edit()
    assert not tester.can_publish(), "publishing goes through moderation"
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    assert response.status_code == 200


def test_an_editor_is_offered_only_their_own_partner(client, amsed_editor):
    client.force_login(amsed_editor)
    module = module_of("amsed")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    choices = list(response.context["form"].fields["partner"].queryset)
    assert {partner.slug for partner in choices} == {"amsed"}


def test_a_moderator_edits_and_publishes_any_module(django_user_model):
    moderator = make_user(django_user_model, "moderator", Group.objects.get(name=MODERATORS_GROUP))
    for slug in ("amsed", "factor-social", "familles-du-monde", "anatolia-youth"):
        tester = module_of(slug).permissions_for_user(moderator)
        assert tester.can_edit() and tester.can_publish()


def test_counsellors_reach_the_admin_but_edit_nothing(client, django_user_model):
    counsellor = make_user(django_user_model, "counsellor", Group.objects.get(name="Counsellors"))
    client.force_login(counsellor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert not module_of("amsed").permissions_for_user(counsellor).can_edit()
