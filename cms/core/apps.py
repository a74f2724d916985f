from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "MigranTech core"

    def ready(self) -> None:
        from .locales import ensure_content_locales

        post_migrate.connect(ensure_content_locales, sender=self)

        from .api.endpoints import register_page_types

        register_page_types()
