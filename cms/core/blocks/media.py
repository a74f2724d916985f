"""Blocks for pictures, video and sound; every one carries a text alternative."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from cms.core.localize_workarounds import OptionalCharBlock, OptionalURLBlock

from .base import (
    NON_FIELD,
    RICH_TEXT_FEATURES,
    FileExtensionValidator,
    ValidatedStructBlock,
    language_choices,
)

AUDIO_EXTENSIONS = ("mp3", "ogg")
VIDEO_EXTENSIONS = ("mp4", "webm")


class AudioFileBlock(DocumentChooserBlock):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(validators=[FileExtensionValidator(*AUDIO_EXTENSIONS)], **kwargs)


class ImageFigureBlock(blocks.StructBlock):
    """An image with its own alt text.

    Not Wagtail's ImageBlock: wagtail-localize cannot translate it (#839, #849, #935).
    """

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Picture description"),
        max_length=200,
        help_text=_("Describe the picture for people who cannot see it."),
    )
    caption = OptionalCharBlock(label=_("Caption"), max_length=240)

    class Meta:
        template = "blocks/image.html"
        icon = "image"
        label = _("Image")


class SubtitleTrackBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(label=_("Language"), choices=language_choices)
    file = DocumentChooserBlock(
        label=_("File"),
        validators=[FileExtensionValidator("vtt")],
        help_text=_("A WebVTT (.vtt) file."),
    )

    class Meta:
        icon = "openquote"


def _one_source_error(value: blocks.StructValue, file_field: str, url_field: str) -> dict[str, str]:
    has_file, has_url = bool(value[file_field]), bool(value[url_field])
    if has_file == has_url:
        return {NON_FIELD: gettext("Give either a file or a link, not both and not neither.")}
    return {}


class VideoBlock(ValidatedStructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    video_file = DocumentChooserBlock(
        label=_("Video file"),
        required=False,
        validators=[FileExtensionValidator(*VIDEO_EXTENSIONS)],
    )
    video_url = OptionalURLBlock(
        label=_("Video link"), help_text=_("Or a link to the video, e.g. on a video platform.")
    )
    subtitles = blocks.ListBlock(
        SubtitleTrackBlock(),
        label=_("Subtitles"),
        default=[],
        help_text=_("One WebVTT subtitle file per language."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Everything said in the video, for reading or print."),
    )

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        errors = _one_source_error(value, "video_file", "video_url")
        languages = [track["language"] for track in value["subtitles"]]
        if len(languages) != len(set(languages)):
            errors["subtitles"] = gettext("Each language may have only one subtitle track.")
        return errors

    class Meta:
        template = "blocks/video.html"
        icon = "media"
        label = _("Video")


class DubbedRecordingBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(label=_("Language"), choices=language_choices)
    file = AudioFileBlock(label=_("File"))

    class Meta:
        icon = "microphone"


class AudioBlock(ValidatedStructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    audio_file = AudioFileBlock(label=_("Audio file"), required=False)
    audio_url = OptionalURLBlock(
        label=_("Recording link"),
        help_text=_("Or a link to the recording, e.g. a podcast episode."),
    )
    other_languages = blocks.ListBlock(
        DubbedRecordingBlock(),
        label=_("Other languages"),
        default=[],
        help_text=_("The same recording spoken in other languages, one file per language."),
    )
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=RICH_TEXT_FEATURES)

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        errors = _one_source_error(value, "audio_file", "audio_url")
        languages = [recording["language"] for recording in value["other_languages"]]
        if len(languages) != len(set(languages)):
            errors["other_languages"] = gettext("Each language may have only one recording.")
        return errors

    class Meta:
        template = "blocks/audio.html"
        icon = "microphone"
        label = _("Audio or podcast")
