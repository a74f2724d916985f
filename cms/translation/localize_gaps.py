"""Gaps in wagtail-localize 1.14 that its users meet in their own language, filled here.

1. Its "Translations" report menu item is labelled with ``gettext`` when Wagtail first builds the
   reports menu, so the language of that first request stuck for everybody (a Portuguese
   "Traduções" for Persian and French users). ``translations_menu_label_per_request`` labels it
   again in each request's language. Delete it once wagtail-localize labels the item with
   ``gettext_lazy`` (``register_wagtail_localize2_report_menu_item`` in its wagtail_hooks.py).

2. Its translation editor's JavaScript texts ("Download PO file", "Translate", …) have no
   Persian or Turkish translation upstream, and a few are missing in Portuguese and Ukrainian.
   ``localize_js_locale/`` supplies them (see its README.md, which says when to delete it); it
   is on ``LOCALE_PATHS``, which Django's JavaScript catalogues merge after the apps' own, so
   wagtail-localize's catalogue (``/admin/localize/jsi18n/``) carries them.
"""

import copy

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin.menu import MenuItem


def translations_menu_label_per_request(request: HttpRequest, menu_items: list[MenuItem]) -> None:
    """``construct_reports_menu`` hook: wagtail-localize's "Translations" in today's language."""
    address = reverse("wagtail_localize:translations_report")
    for index, item in enumerate(menu_items):
        if item.url == address:
            # A copy: the registered item is shared by every request and thread.
            relabelled = copy.copy(item)
            relabelled.label = gettext("Translations")
            menu_items[index] = relabelled
