"""Template tags for the translation screens."""

from django import template

from cms.core.permissions import AdminUser, is_moderator

register = template.Library()


@register.filter
def moderates(user: AdminUser) -> bool:
    """Whether ``user`` moderates the whole catalogue (and may, say, convert pages to aliases)."""
    return is_moderator(user)
