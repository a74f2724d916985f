"""Partner editors may edit and submit their own partner's e-modules, not the others'.

Wagtail grants page permissions by subtree, but modules are filed by category, and a category
holds modules of several partners. So editors get tree-wide add/edit rights from their group, and
this module narrows them to the modules whose partner is one of theirs.
"""

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import PagePermissionTester

from cms.core.permissions import AdminUser, is_moderator


def partners_edited_by(user: AdminUser) -> QuerySet:
    """The partners (all locales) whose modules ``user`` may edit, via their editors group."""
    from cms.project.models import Partner

    own = Partner.objects.filter(editors_group__in=user.groups.all())
    return Partner.objects.filter(translation_key__in=own.values("translation_key"))


def may_edit_partner_module(user: AdminUser, partner_id: int | None) -> bool:
    if is_moderator(user):
        return True
    return partner_id is not None and partners_edited_by(user).filter(pk=partner_id).exists()


class ModulePermissionTester(PagePermissionTester):
    """Narrows the English modules to their partner's editors.

    Translations live in their locale's tree, where the translators' and reviewers' own page
    permissions already decide (see ``cms.translation.setup``).
    """

    def _owns_module(self) -> bool:
        if self.page.locale.language_code != settings.LANGUAGE_CODE:
            return True
        return may_edit_partner_module(self.user, self.page.partner_id)

    def can_edit(self) -> bool:
        return super().can_edit() and self._owns_module()

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        return super().can_delete(ignore_bulk) and self._owns_module()

    def can_publish(self) -> bool:
        return super().can_publish() and self._owns_module()

    def can_unpublish(self) -> bool:
        return super().can_unpublish() and self._owns_module()

    def can_move(self) -> bool:
        return super().can_move() and self._owns_module()

    def can_copy(self) -> bool:
        return super().can_copy() and self._owns_module()

    def can_lock(self) -> bool:
        return super().can_lock() and self._owns_module()


class PartnerModuleForm(WagtailAdminPageForm):
    """Offers an editor only their own partners, so a new module cannot be filed for another."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.for_user is not None and not is_moderator(self.for_user):
            own = partners_edited_by(self.for_user)
            self.fields["partner"].queryset = own
            # Only the trainers of the editor's own partner (trainers hang off English partners).
            self.fields["trainers"].queryset = self.fields["trainers"].queryset.filter(
                partner__translation_key__in=own.values("translation_key")
            )
