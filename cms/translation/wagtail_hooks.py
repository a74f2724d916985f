from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import review, views
from .dashboard import our_modules_panel
from .localize_gaps import translations_menu_label_per_request

hooks.register("construct_homepage_panels", our_modules_panel)
hooks.register("construct_reports_menu", translations_menu_label_per_request)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list:
    return [
        path("translation/report/", views.report_view, name="translation_report"),
        path(
            "translation/submit/<int:page_id>/",
            review.submit_view,
            name="translation_submit_for_review",
        ),
        # Before wagtail-localize's own address (its hooks are registered after ours).
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            review.convert_to_alias_view,
            name="translation_convert_to_alias",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/",
            review.stop_translation_view,
            name="translation_stop",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item() -> MenuItem:
    return MenuItem(
        _("Translation status"), reverse("translation_report"), icon_name="globe", order=50
    )
