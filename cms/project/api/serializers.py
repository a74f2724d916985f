"""The project, its partners and the competences as the API shows them."""

from rest_framework import serializers

from cms.core.api.fields import ConstantField, ImageObjectField, RichTextHTMLField, TextListField
from cms.core.api.serializers import PageItemSerializer, SnippetItemSerializer
from cms.project.models import Competence


class PartnerRefSerializer(SnippetItemSerializer):
    short_name = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField()


class CompetenceRefSerializer(SnippetItemSerializer):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=Competence.Kind.choices)


class PartnerSerializer(PartnerRefSerializer):
    website = serializers.URLField()
    description = serializers.CharField()
    logo = ImageObjectField(source="logo_id", alt_source="name", allow_null=True)


class CompetenceSerializer(CompetenceRefSerializer):
    description = serializers.CharField()


class ProjectSerializer(PageItemSerializer):
    type = ConstantField("project")
    reference = serializers.CharField(help_text="The Erasmus+ project number.")
    website = serializers.URLField()
    start_date = serializers.DateField()
    end_date = serializers.DateField()
    programme_explanation = RichTextHTMLField()
    target_group = RichTextHTMLField()
    objectives = TextListField()
    methodology = RichTextHTMLField()
    results = TextListField()
    contact = RichTextHTMLField()
    partners = PartnerSerializer(many=True, source="api_partners")
