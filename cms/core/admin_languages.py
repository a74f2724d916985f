"""The admin's language for each user, named as Wagtail names it.

Wagtail ships Portuguese as ``pt-pt`` and ``pt-br`` while the content locales say ``pt``; a
preference stored as ``pt`` would show as "Use server language" and leave the admin in English.
``settings.ADMIN_LANGUAGE_ALIASES`` maps such codes; preferences are stored under Wagtail's name,
and ``content_language`` goes back from the admin's language to the content locale.
"""

from typing import Any

from django.conf import settings
from django.utils import translation
from wagtail.users.models import UserProfile


def admin_language(code: str) -> str:
    """Wagtail's name for a content language (``pt`` → ``pt-pt``); other codes unchanged."""
    return settings.ADMIN_LANGUAGE_ALIASES.get(code, code)


def content_language(code: str | None = None) -> str:
    """The content locale of an admin language (``pt-pt`` → ``pt``); the active one by default."""
    code = code or translation.get_language() or settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return settings.LANGUAGE_CODE


def store_admin_language(sender: type, instance: UserProfile, **kwargs: Any) -> None:
    """Before a profile is saved: its preferred language under Wagtail's name."""
    if instance.preferred_language:
        instance.preferred_language = admin_language(instance.preferred_language)
