"""What every page-backed and snippet-backed item of the API carries."""

from rest_framework import serializers

from .canonical import CanonicalURLField
from .fields import ConstantField, FieldLocalesField


class TranslationSerializer(serializers.Serializer):
    locale = serializers.CharField(help_text="A locale this item really exists in.")
    slug = serializers.CharField()


class PageItemSerializer(serializers.Serializer):
    """The fields shared by every page-backed item; subclasses override ``type``."""

    type = ConstantField("page")
    id = serializers.IntegerField(
        source="api_id",
        help_text="Stable id: the same in every locale (the id of the English source).",
    )
    slug = serializers.CharField()
    locale = serializers.CharField(
        source="api_locale", help_text="Locale of the content served (the source on fallback)."
    )
    title = serializers.CharField()
    url = CanonicalURLField()
    translations = TranslationSerializer(
        many=True,
        source="api_translations",
        help_text="The other locales in which this item is really translated and published.",
    )
    last_published_at = serializers.DateTimeField(allow_null=True)
    fallback = serializers.BooleanField(
        source="api_fallback",
        help_text="True when the asked locale has no translation and the source is served.",
    )
    completeness = serializers.IntegerField(
        source="api_parts.completeness",
        min_value=0,
        max_value=100,
        help_text=(
            "Percent (0-100) of this item's text that is in the asked locale: 100 when all of it "
            "is translated (or the source locale was asked), 0 on fallback."
        ),
    )
    field_locales = FieldLocalesField(
        help_text=(
            "The fields of this item whose text is not in `locale` (still in the source "
            "language, wholly or partly), each with the locale it is in: set `lang` and `dir` "
            "from it. Empty when every field is in `locale`. Blocks of a stream carry their own "
            "`locale`."
        ),
    )


class SnippetItemSerializer(serializers.Serializer):
    """Partners and competences: translatable, identified by their English instance's id."""

    id = serializers.IntegerField(source="api_id")
    slug = serializers.CharField()
    url = CanonicalURLField()
    locale = serializers.CharField(source="api_locale")
    fallback = serializers.BooleanField(source="api_fallback")
