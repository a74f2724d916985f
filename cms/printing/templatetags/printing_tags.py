"""Template helpers for printed documents: blocks in their print layout, QR codes, short links."""

from typing import Any

from django import template
from django.template.loader import select_template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from cms.printing import links
from cms.printing.worksheets import WorksheetQuestion, worksheet_questions

register = template.Library()


@register.simple_tag(takes_context=True)
def print_block(context: template.Context, block: Any) -> SafeString:
    """A StreamField block in its print layout (``blocks/print/<type>.html``) or its usual one."""
    chosen = select_template([f"blocks/print/{block.block_type}.html", block.block.meta.template])
    values = context.flatten() | {"value": block.value, "self": block.value, "block": block}
    return mark_safe(chosen.render(values))  # noqa: S308 - our own templates, autoescaped


@register.simple_tag
def qr_code(url: str) -> SafeString:
    """The link as a QR code (vector), to scan with a phone."""
    return format_html(
        '<span class="qr">{}</span>',
        mark_safe(links.qr_svg(url)),  # noqa: S308 - SVG made by segno, the URL escaped
    )


@register.simple_tag
def short_url(url: str) -> str:
    """The link short enough to type by hand."""
    return links.short_url(url)


@register.filter
def absolute_url(path: str) -> str:
    return links.absolute_url(path)


@register.filter
def worksheet(questions: Any) -> list[WorksheetQuestion]:
    return worksheet_questions(questions)
