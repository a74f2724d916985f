from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("MigranTech core")

    def ready(self) -> None:
        from wagtail.users.models import UserProfile

        from .admin_languages import store_admin_language
        from .locales import ensure_content_locales

        post_migrate.connect(ensure_content_locales, sender=self)
        pre_save.connect(store_admin_language, sender=UserProfile)

        from .api.endpoints import register_page_types

        register_page_types()
