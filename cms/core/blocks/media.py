"""Blocks for pictures, video and sound; every one carries a text alternative."""

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

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=200, help_text="Describe the picture for people who cannot see it."
    )
    caption = OptionalCharBlock(max_length=240)

    class Meta:
        template = "blocks/image.html"
        icon = "image"
        label = "Image"


class SubtitleTrackBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=language_choices)
    file = DocumentChooserBlock(
        validators=[FileExtensionValidator("vtt")], help_text="A WebVTT (.vtt) file."
    )

    class Meta:
        icon = "openquote"


def _one_source_error(value: blocks.StructValue, file_field: str, url_field: str) -> dict[str, str]:
    has_file, has_url = bool(value[file_field]), bool(value[url_field])
    if has_file == has_url:
        return {NON_FIELD: "Give either a file or a link, not both and not neither."}
    return {}


class VideoBlock(ValidatedStructBlock):
    title = blocks.CharBlock(max_length=120)
    video_file = DocumentChooserBlock(
        required=False, validators=[FileExtensionValidator(*VIDEO_EXTENSIONS)]
    )
    video_url = OptionalURLBlock(help_text="Or a link to the video, e.g. on a video platform.")
    subtitles = blocks.ListBlock(
        SubtitleTrackBlock(), default=[], help_text="One WebVTT subtitle file per language."
    )
    transcript = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, help_text="Everything said in the video, for reading or print."
    )

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        errors = _one_source_error(value, "video_file", "video_url")
        languages = [track["language"] for track in value["subtitles"]]
        if len(languages) != len(set(languages)):
            errors["subtitles"] = "Each language may have only one subtitle track."
        return errors

    class Meta:
        template = "blocks/video.html"
        icon = "media"
        label = "Video"


class DubbedRecordingBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=language_choices)
    file = AudioFileBlock()

    class Meta:
        icon = "microphone"


class AudioBlock(ValidatedStructBlock):
    title = blocks.CharBlock(max_length=120)
    audio_file = AudioFileBlock(required=False)
    audio_url = OptionalURLBlock(help_text="Or a link to the recording, e.g. a podcast episode.")
    other_languages = blocks.ListBlock(
        DubbedRecordingBlock(),
        default=[],
        help_text="The same recording spoken in other languages, one file per language.",
    )
    transcript = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        errors = _one_source_error(value, "audio_file", "audio_url")
        languages = [recording["language"] for recording in value["other_languages"]]
        if len(languages) != len(set(languages)):
            errors["other_languages"] = "Each language may have only one recording."
        return errors

    class Meta:
        template = "blocks/audio.html"
        icon = "microphone"
        label = "Audio or podcast"
