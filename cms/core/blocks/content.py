"""Blocks that carry reading matter: sections, vocabulary, cards, case studies, resources."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.core.localize_workarounds import OptionalCharBlock, OptionalTextBlock

from .base import RICH_TEXT_FEATURES, ValidatedStructBlock, language_choices
from .media import AudioFileBlock


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, help_text=_("A short heading, in plain words.")
    )
    body = blocks.RichTextBlock(
        label=_("Body"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Short sentences and short paragraphs; one idea per paragraph."),
    )

    class Meta:
        template = "blocks/section.html"
        icon = "doc-full"
        label = _("Text section")


class VocabularyTermBlock(ValidatedStructBlock):
    term = blocks.CharBlock(label=_("Term"), max_length=80)
    definition = blocks.TextBlock(
        label=_("Definition"), max_length=400, help_text=_("Explain the word in simple words.")
    )
    example = blocks.CharBlock(
        label=_("Example"), max_length=240, help_text=_("A sentence that uses the word.")
    )
    image = ImageChooserBlock(
        label=_("Image"), required=False, help_text=_("Optional picture of the word.")
    )
    image_alt_text = OptionalCharBlock(
        label=_("Picture description"), max_length=200, help_text=_("Needed if you add a picture.")
    )
    audio = AudioFileBlock(
        label=_("Audio"), required=False, help_text=_("Optional recording of the word.")
    )

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if value["image"] and not value["image_alt_text"].strip():
            return {"image_alt_text": gettext("Describe the picture for people who cannot see it.")}
        return {}

    class Meta:
        icon = "tag"


class VocabularyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default="Vocabulary")
    terms = blocks.ListBlock(VocabularyTermBlock(), label=_("Terms"), min_num=1)

    class Meta:
        template = "blocks/vocabulary.html"
        icon = "list-ul"
        label = _("Vocabulary list")


class CardBlock(ValidatedStructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(
        label=_("Text"), max_length=280, help_text=_("At most 280 characters: one idea per card.")
    )
    image = ImageChooserBlock(label=_("Image"), required=False)
    image_alt_text = OptionalCharBlock(
        label=_("Picture description"), max_length=200, help_text=_("Needed if you add a picture.")
    )

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if value["image"] and not value["image_alt_text"].strip():
            return {"image_alt_text": gettext("Describe the picture for people who cannot see it.")}
        return {}


class CardDeckBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    cards = blocks.ListBlock(CardBlock(), label=_("Cards"), min_num=2, max_num=12)

    class Meta:
        template = "blocks/card_deck.html"
        icon = "copy"
        label = _("Card deck")
        help_text = _("Short cards a learner swipes through, one idea each.")


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    situation = blocks.RichTextBlock(
        label=_("Situation"), features=RICH_TEXT_FEATURES, help_text=_("The real-life story.")
    )
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=240),
        label=_("Questions"),
        min_num=1,
        help_text=_("Questions to think about."),
    )
    takeaway = blocks.RichTextBlock(
        label=_("Takeaway"), features=RICH_TEXT_FEATURES, help_text=_("What to remember.")
    )

    class Meta:
        template = "blocks/case_study.html"
        icon = "user"
        label = _("Case study")


class TemplateDownloadBlock(ValidatedStructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    description = blocks.TextBlock(label=_("Description"), max_length=400)
    document = DocumentChooserBlock(
        label=_("Document"), help_text=_("The file to download, e.g. a CV template.")
    )

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        size = value["document"].get_file_size() if value["document"] else None
        if size and size > 5 * 1024 * 1024:
            return {
                "document": gettext("Choose a file under 5 MB: many learners pay for their data.")
            }
        return {}

    class Meta:
        template = "blocks/template_download.html"
        icon = "download"
        label = _("Downloadable template")


class ExternalResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=160)
    url = blocks.URLBlock(label=_("Link"))
    language = blocks.ChoiceBlock(
        label=_("Language"), choices=language_choices, help_text=_("Language of the resource.")
    )
    country = OptionalCharBlock(
        label=_("Country"), max_length=60, help_text=_("Country it applies to, if any.")
    )
    description = OptionalTextBlock(label=_("Description"), max_length=400)


class FurtherResourcesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default="To go further")
    resources = blocks.ListBlock(ExternalResourceBlock(), label=_("Resources"), min_num=1)

    class Meta:
        template = "blocks/further_resources.html"
        icon = "link"
        label = _("To go further")
