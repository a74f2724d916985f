"""Blocks that carry reading matter: sections, vocabulary, cards, case studies, resources."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.core.localize_workarounds import OptionalCharBlock, OptionalTextBlock

from .base import RICH_TEXT_FEATURES, ValidatedStructBlock, language_choices
from .media import AudioFileBlock


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, help_text="A short heading, in plain words.")
    body = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        help_text="Short sentences and short paragraphs; one idea per paragraph.",
    )

    class Meta:
        template = "blocks/section.html"
        icon = "doc-full"
        label = "Text section"


class VocabularyTermBlock(ValidatedStructBlock):
    term = blocks.CharBlock(max_length=80)
    definition = blocks.TextBlock(max_length=400, help_text="Explain the word in simple words.")
    example = blocks.CharBlock(max_length=240, help_text="A sentence that uses the word.")
    image = ImageChooserBlock(required=False, help_text="Optional picture of the word.")
    image_alt_text = OptionalCharBlock(max_length=200, help_text="Needed if you add a picture.")
    audio = AudioFileBlock(required=False, help_text="Optional recording of the word.")

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if value["image"] and not value["image_alt_text"].strip():
            return {"image_alt_text": "Describe the picture for people who cannot see it."}
        return {}

    class Meta:
        icon = "tag"


class VocabularyBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, default="Vocabulary")
    terms = blocks.ListBlock(VocabularyTermBlock(), min_num=1)

    class Meta:
        template = "blocks/vocabulary.html"
        icon = "list-ul"
        label = "Vocabulary list"


class CardBlock(ValidatedStructBlock):
    title = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=280, help_text="At most 280 characters: one idea per card.")
    image = ImageChooserBlock(required=False)
    image_alt_text = OptionalCharBlock(max_length=200, help_text="Needed if you add a picture.")

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if value["image"] and not value["image_alt_text"].strip():
            return {"image_alt_text": "Describe the picture for people who cannot see it."}
        return {}


class CardDeckBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    cards = blocks.ListBlock(CardBlock(), min_num=2, max_num=12)

    class Meta:
        template = "blocks/card_deck.html"
        icon = "copy"
        label = "Card deck"
        help_text = "Short cards a learner swipes through, one idea each."


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    situation = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="The real-life story.")
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=240), min_num=1, help_text="Questions to think about."
    )
    takeaway = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, help_text="What to remember.")

    class Meta:
        template = "blocks/case_study.html"
        icon = "user"
        label = "Case study"


class TemplateDownloadBlock(ValidatedStructBlock):
    title = blocks.CharBlock(max_length=120)
    description = blocks.TextBlock(max_length=400)
    document = DocumentChooserBlock(help_text="The file to download, e.g. a CV template.")

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        size = value["document"].get_file_size() if value["document"] else None
        if size and size > 5 * 1024 * 1024:
            return {"document": "Choose a file under 5 MB: many learners pay for their data."}
        return {}

    class Meta:
        template = "blocks/template_download.html"
        icon = "download"
        label = "Downloadable template"


class ExternalResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    url = blocks.URLBlock()
    language = blocks.ChoiceBlock(choices=language_choices, help_text="Language of the resource.")
    country = OptionalCharBlock(max_length=60, help_text="Country it applies to, if any.")
    description = OptionalTextBlock(max_length=400)


class FurtherResourcesBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, default="To go further")
    resources = blocks.ListBlock(ExternalResourceBlock(), min_num=1)

    class Meta:
        template = "blocks/further_resources.html"
        icon = "link"
        label = "To go further"
