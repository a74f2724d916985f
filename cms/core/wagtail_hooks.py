"""Upstream workaround: the Wagtail admin under a Content-Security-Policy without inline scripts.

Wagtail 8 starts inline panels, multiple-chooser panels, date/time widgets and chooser widgets
(pages, snippets, images, documents) with inline ``<script>`` elements, which our policy
(``CONTENT_SECURITY_POLICY``: script-src 'self') refuses, so the page editor's choosers, "Add"
buttons and date pickers would not work. The templates under ``cms/core/templates/wagtailadmin/``
and ``marked_chooser`` below put hidden markers holding the same arguments in their place, and
``core/admin-csp.js`` (a file of ours) starts them. Delete this module, those templates and the
script once Wagtail's admin runs under ``script-src 'self'`` on its own (tests/test_security_csp.py
opens the page editor and fails on any violation).
"""

import json
from typing import Any

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail import hooks
from wagtail.admin.widgets.chooser import BaseChooser


def marked_chooser(
    self: BaseChooser, name: str, value: Any, attrs: dict | None = None, renderer: Any = None
) -> SafeString:
    """``BaseChooser.render`` with a marker instead of its ``new <Chooser>(id, options)`` script."""
    id_ = (attrs or {})["id"]
    value_data = self.get_value_data(value)
    return format_html(
        '{}<span hidden data-csp-start="chooser" data-constructor="{}" data-id="{}" '
        'data-options="{}"></span>',
        self.render_html(name, value_data, attrs),
        self.js_constructor,
        id_,
        json.dumps(self.get_js_init_options(id_, name, value_data)),
    )


BaseChooser.render = marked_chooser


@hooks.register("insert_global_admin_js")
def start_widgets_without_inline_scripts() -> str:
    return format_html('<script src="{}"></script>', static("core/admin-csp.js"))
