"""The content locales: the source (English) and the targets, all from settings."""

from django.conf import settings
from django.utils.translation import get_language_info
from wagtail.models import Locale


def ensure_content_locales(**kwargs: object) -> None:
    """One Wagtail Locale per content language in settings, so adding a language is config only."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def source_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def target_locales() -> list[Locale]:
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locales = Locale.objects.filter(language_code__in=codes).exclude(
        language_code=settings.LANGUAGE_CODE
    )
    return sorted(locales, key=lambda locale: codes.index(locale.language_code))


def language_name(locale: Locale) -> str:
    """The language's name in English, for admins (group and workflow names)."""
    code = locale.language_code
    if code == "fa":
        return "Dari / Persian"
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code
