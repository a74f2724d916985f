"""Template tags for the translation screens."""

from django import template
from django.contrib.auth.models import AbstractBaseUser

from cms.core.permissions import is_moderator

register = template.Library()


@register.filter
def moderates(user: AbstractBaseUser) -> bool:
    """Whether ``user`` moderates the whole catalogue (and may, say, convert pages to aliases)."""
    return is_moderator(user)
