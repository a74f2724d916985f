"""Blocks of the learning guide and the infographics."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.core.blocks import SectionBlock

from .icons import icon_choices


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    sections = blocks.ListBlock(SectionBlock(), label=_("Sections"), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Chapter")


class InfographicItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(
        label=_("Text"), max_length=280, help_text=_("One or two short sentences.")
    )
    icon = blocks.ChoiceBlock(
        label=_("Icon"), choices=icon_choices, help_text=_("A line icon shown beside the text.")
    )

    class Meta:
        icon = "pick"
        label = _("Item")
