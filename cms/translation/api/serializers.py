from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.translation.status import Asset, PageStatus

ASSET_CHOICES = [asset.value for asset in Asset]


class AssetsSerializer(serializers.Serializer):
    text = serializers.ChoiceField(choices=ASSET_CHOICES)
    subtitles = serializers.ChoiceField(
        choices=ASSET_CHOICES, help_text="A WebVTT track in this locale for every video."
    )
    transcripts = serializers.ChoiceField(choices=ASSET_CHOICES)
    audio = serializers.ChoiceField(
        choices=ASSET_CHOICES, help_text="A recording in this locale for every audio block."
    )
    questionnaire = serializers.ChoiceField(choices=ASSET_CHOICES)


class LocaleStatusSerializer(serializers.Serializer):
    locale = serializers.CharField()
    translated = serializers.BooleanField(
        help_text="A real translation exists (not an alias or a fallback)."
    )
    percent = serializers.IntegerField(min_value=0, max_value=100)
    out_of_date = serializers.BooleanField(
        help_text="The English source changed since; not yet synchronised and reviewed."
    )
    awaiting_review = serializers.BooleanField()
    assets = AssetsSerializer()


class ModuleStatusSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="page.pk")
    slug = serializers.CharField(source="page.slug")
    title = serializers.CharField(source="page.title")
    locales = serializers.SerializerMethodField()

    @extend_schema_field(LocaleStatusSerializer(many=True))
    def get_locales(self, status: PageStatus) -> list[dict]:
        # The stubs type a serializer's data as a dict, even with many=True, which gives a list.
        return LocaleStatusSerializer(status.locales.values(), many=True).data  # type: ignore[return-value]


class LocaleSummarySerializer(serializers.Serializer):
    locale = serializers.CharField()
    average_percent = serializers.IntegerField()
    out_of_date = serializers.IntegerField()
    awaiting_review = serializers.IntegerField()


class TranslationStatusSerializer(serializers.Serializer):
    summary = LocaleSummarySerializer(many=True)
    modules = ModuleStatusSerializer(many=True)
