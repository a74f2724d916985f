"""The curriculum as the API shows it: categories, pathways, module summaries and details."""

from rest_framework import serializers

from cms.core.api.canonical import CanonicalURLField
from cms.core.api.fields import ConstantField, StreamBlocksField, TextListField
from cms.core.api.serializers import PageItemSerializer, SnippetItemSerializer
from cms.modules.blocks import ModuleBodyBlock
from cms.project.models import Competence


class PartnerRefSerializer(SnippetItemSerializer):
    short_name = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField()


class CompetenceRefSerializer(SnippetItemSerializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Competence.Kind.choices)


class GroupingRefSerializer(serializers.Serializer):
    """A category or pathway a module belongs to, in the asked locale."""

    id = serializers.IntegerField(source="api_id")
    slug = serializers.CharField()
    url = CanonicalURLField()
    title = serializers.CharField()
    colour = serializers.CharField(
        help_text="A dark colour (#rrggbb); white text is readable on it."
    )


class ModuleSummarySerializer(PageItemSerializer):
    type = ConstantField("module")
    summary = serializers.CharField()
    duration_hours = serializers.FloatField()
    language_level = serializers.CharField(help_text="CEFR level of the module's language.")
    partner = PartnerRefSerializer(source="api_partner", allow_null=True)
    category = GroupingRefSerializer(source="api_category", allow_null=True)


class ModuleDetailSerializer(ModuleSummarySerializer):
    trainers = serializers.ListField(child=serializers.CharField(), source="api_trainers")
    objectives = TextListField()
    outcomes = TextListField(help_text="Learning outcomes and acquired competences.")
    competences = CompetenceRefSerializer(many=True, source="api_competences")
    pathways = GroupingRefSerializer(many=True, source="api_pathways")
    body = StreamBlocksField(ModuleBodyBlock())


class GroupingSerializer(PageItemSerializer):
    description = serializers.CharField()
    colour = serializers.CharField(
        help_text="A dark colour (#rrggbb); white text is readable on it."
    )
    duration_hours = serializers.FloatField(
        source="api_duration_hours", help_text="Total of its modules' durations."
    )
    modules = ModuleSummarySerializer(many=True, source="api_modules")


class CategorySerializer(GroupingSerializer):
    type = ConstantField("category")


class PathwaySerializer(GroupingSerializer):
    type = ConstantField("pathway")


class CatalogueSerializer(serializers.Serializer):
    locale = serializers.CharField(help_text="The locale asked for.")
    categories = CategorySerializer(many=True)
    pathways = PathwaySerializer(many=True)
