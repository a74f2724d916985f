from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "cms.library"
    label = "library"
    verbose_name = "E-library"

    def ready(self) -> None:
        from .api.views import register_page_types

        register_page_types()
