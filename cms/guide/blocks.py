"""Blocks of the learning guide and the infographics."""

from wagtail import blocks

from cms.core.blocks import SectionBlock

from .icons import icon_choices


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    sections = blocks.ListBlock(SectionBlock(), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        label = "Chapter"


class InfographicItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=280, help_text="One or two short sentences.")
    icon = blocks.ChoiceBlock(choices=icon_choices, help_text="A line icon shown beside the text.")

    class Meta:
        icon = "pick"
        label = "Item"
