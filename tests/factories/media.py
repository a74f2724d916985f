"""Images and documents (files of any kind: video, sound, subtitles, templates) in the root
collection, as editors upload them."""

import factory
import wagtail_factories
from wagtail.models import Collection


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Picture {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(filename="picture.png", width=120, height=80)


class DocumentFactory(wagtail_factories.DocumentFactory):
    """``DocumentFactory(file__filename="clip.webm", file__data=b"…")`` for a given kind of file."""

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.FileField(filename="template.pdf", data=b"%PDF-1.4\n%%EOF\n")
