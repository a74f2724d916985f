"""Uploaded images are read whole before they are stored, and SVG is refused.

Wagtail checks an upload's extension and the format its first bytes name, then asks Pillow for
its size: a PNG whose header is damaged fails there with an exception Wagtail does not catch (a
server error). Here any file Pillow cannot read becomes a message for the editor. SVG is not
offered at all (``WAGTAILIMAGES_EXTENSIONS``): an SVG is a document that can carry script, and
served from our origin it would run with an editor's cookies.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DAMAGED = _(
    "This image is damaged or is not a picture. Open it, save it again as PNG, JPEG or WebP, "
    "and upload it again."
)


def decodes_whole(file: UploadedFile) -> bool:
    """Whether Pillow reads every pixel of ``file``."""
    position = file.tell()
    try:
        file.seek(0)
        with PILImage.open(file) as picture:
            picture.load()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        return False
    finally:
        file.seek(position)
    return True


class CheckedImageField(WagtailImageField):
    def to_python(self, data: Any) -> Any:
        try:
            file = super().to_python(data)
        except ValidationError:
            raise
        except (OSError, SyntaxError, ValueError):
            raise ValidationError(DAMAGED, code="damaged_image") from None
        if isinstance(file, UploadedFile) and not decodes_whole(file):
            raise ValidationError(DAMAGED, code="damaged_image")
        return file


class CheckedImageForm(BaseImageForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"] = CheckedImageField(
                label=capfirst(get_image_model()._meta.get_field("file").verbose_name),
                required=self.fields["file"].required,
                widget=self.fields["file"].widget,
            )
