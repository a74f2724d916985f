from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_content_locales(**kwargs: Any) -> None:
    """One Wagtail Locale per content language in settings, so adding a language is config only."""
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "MigranTech core"

    def ready(self) -> None:
        post_migrate.connect(ensure_content_locales, sender=self)
