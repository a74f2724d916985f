"""The learning guide and the infographics as the API shows them."""

from rest_framework import serializers

from cms.core.api.fields import ConstantField, StreamBlocksField
from cms.core.api.serializers import PageItemSerializer
from cms.guide.models import InfographicPage, LearningGuidePage


class InfographicSummarySerializer(PageItemSerializer):
    type = ConstantField("infographic")
    introduction = serializers.CharField()
    colour = serializers.CharField(
        help_text="A dark colour (#rrggbb); white text is readable on it."
    )


class InfographicDetailSerializer(InfographicSummarySerializer):
    items = StreamBlocksField(InfographicPage.items.field.stream_block)


class LearningGuideSerializer(PageItemSerializer):
    type = ConstantField("learning_guide")
    introduction = serializers.CharField()
    chapters = StreamBlocksField(LearningGuidePage.chapters.field.stream_block)
