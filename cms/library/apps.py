from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "cms.library"
    label = "library"
    verbose_name = "E-library"
