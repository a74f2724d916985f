"""Who may change what in the admin, for every content app: moderators and shared pages."""

from typing import TypeAlias

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AbstractUser, AnonymousUser
from wagtail.models import Page, PagePermissionTester

MODERATORS_GROUP = "Moderators"

AdminUser: TypeAlias = AbstractUser | AnonymousUser
"""Who an admin request comes from (its ``request.user``): a user, or the anonymous one."""


def is_moderator(user: AdminUser) -> bool:
    return user.is_superuser or user.groups.filter(name=MODERATORS_GROUP).exists()


class SharedPagePermissionTester(PagePermissionTester):
    """Pages every partner shares (the curriculum, its categories and pathways, the e-library):
    only moderators change them. Partner editors still file new modules under a category, and
    may open the e-library to read it."""

    def _moderates(self) -> bool:
        return self.page.locale.language_code != settings.LANGUAGE_CODE or is_moderator(self.user)

    def can_edit(self) -> bool:
        return super().can_edit() and self._moderates()

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        return super().can_delete(ignore_bulk) and self._moderates()

    def can_publish(self) -> bool:
        return super().can_publish() and self._moderates()

    def can_unpublish(self) -> bool:
        return super().can_unpublish() and self._moderates()

    def can_move(self) -> bool:
        return super().can_move() and self._moderates()

    def can_copy(self) -> bool:
        return super().can_copy() and self._moderates()

    def can_lock(self) -> bool:
        return super().can_lock() and self._moderates()

    def can_submit_for_moderation(self) -> bool:
        return super().can_submit_for_moderation() and self._moderates()

    def can_add_subpage(self) -> bool:
        # E.g. modules go under categories, while new categories are the moderators' call.
        if getattr(self.page.specific_class, "editors_add_children", False):
            return super().can_add_subpage()
        return super().can_add_subpage() and self._moderates()


class SharedPage(Page):
    """Mixin for page types whose source pages only moderators change.

    ``editors_add_children = True`` on a subclass lets editors file new pages under it.
    """

    editors_add_children = False

    class Meta:
        abstract = True

    def permissions_for_user(self, user: AbstractBaseUser) -> PagePermissionTester:
        return SharedPagePermissionTester(user, self)
