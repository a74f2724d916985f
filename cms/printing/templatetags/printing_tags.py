"""Template helpers for printed documents: blocks in their print layout, QR codes, short links,
direction per run (``ltr``, ``run``, ``bidi``: see ``cms.printing.bidi``)."""

from typing import Any

from django import template
from django.template.loader import select_template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from cms.printing import bidi, links
from cms.printing.locales import direction_of
from cms.printing.worksheets import WorksheetQuestion, worksheet_questions

register = template.Library()


@register.simple_tag(takes_context=True)
def print_block(context: template.Context, block: Any, page: Any = None) -> SafeString:
    """A StreamField block in its print layout (``blocks/print/<type>.html``) or its usual one.

    With ``page`` (what the block belongs to, with ``lang_of``): a block still in another
    language than the page around it is marked with its own language and direction."""
    chosen = select_template([f"blocks/print/{block.block_type}.html", block.block.meta.template])
    values = context.flatten() | {"value": block.value, "self": block.value, "block": block}
    rendered = mark_safe(chosen.render(values))  # noqa: S308 - our own templates, autoescaped
    if page is None or page.lang_of(block.id) == page.lang:
        return rendered
    return format_html('<div class="part"{}>{}</div>', lang_dir(page, block.id), rendered)


@register.simple_tag
def ui() -> SafeString:
    """`` lang="…" dir="…"`` of the interface's language, for interface text (instructions,
    labels) inside content printed in another language: an English block of an Arabic handout
    says "Tick one answer." in Arabic, right to left."""
    lang = translation.get_language()
    return format_html(' lang="{}" dir="{}"', lang, direction_of(lang))


@register.simple_tag
def lang_dir(item: Any, part: str = "") -> SafeString:
    """`` lang="…" dir="…"`` for ``item`` (a localized page, module, practice, a translatable
    snippet…) or one of its parts (a field's name, a block's id): the language it is printed in,
    and its direction."""
    if part:
        lang = item.lang_of(part)
    else:
        lang = item.lang if hasattr(item, "lang") else item.locale.language_code
    return format_html(' lang="{}" dir="{}"', lang, direction_of(lang))


@register.simple_tag
def qr_code(url: str) -> SafeString:
    """The link as a QR code (vector), to scan with a phone."""
    return format_html(
        '<span class="qr">{}</span>',
        mark_safe(links.qr_svg(url)),  # noqa: S308 - SVG made by segno, the URL escaped
    )


@register.simple_tag
def short_url(url: str) -> SafeString:
    """The link short enough to type by hand, left to right and on one line in any document."""
    return bidi.ltr(links.short_url(url))


register.filter("ltr", bidi.ltr, is_safe=True)
register.filter("run", bidi.run, is_safe=True)
register.filter("bidi", bidi.bidi, is_safe=True)


@register.filter
def absolute_url(path: str) -> str:
    return links.absolute_url(path)


@register.filter
def worksheet(questions: Any) -> list[WorksheetQuestion]:
    return worksheet_questions(questions)


class _IsolatedNode(template.Node):
    def __init__(self, nodelist: template.NodeList, always_ltr: bool) -> None:
        self.nodelist, self.always_ltr = nodelist, always_ltr

    def render(self, context: template.Context) -> SafeString:
        content = mark_safe(self.nodelist.render(context))  # noqa: S308 - rendered, autoescaped
        return bidi.ltr(content) if self.always_ltr else bidi.run(content)


@register.tag
def isolated(parser: template.base.Parser, token: template.base.Token) -> _IsolatedNode:
    """``{% isolated %}(1 point){% endisolated %}``: what it encloses, isolated and on one line;
    ``{% isolated ltr %}`` also left to right. For runs made of several template parts."""
    arguments = token.split_contents()[1:]
    if arguments not in ([], ["ltr"]):
        raise template.TemplateSyntaxError("{% isolated %} takes nothing or “ltr”.")
    nodelist = parser.parse(("endisolated",))
    parser.delete_first_token()
    return _IsolatedNode(nodelist, always_ltr=bool(arguments))
