"""The e-library as the API shows it: good practices with their facets, certification tools."""

from collections.abc import Sequence

from rest_framework import serializers

from cms.core.api.fields import ConstantField, RichTextHTMLField, TextListField
from cms.core.api.serializers import PageItemSerializer
from cms.core.fields import StrOrPromise
from cms.library.facets import (
    COST_CHOICES,
    COUNTRY_CHOICES,
    LANGUAGE_CHOICES,
    OBJECTIVE_CHOICES,
    RESOURCE_TYPE_CHOICES,
)
from cms.library.models import CertificationToolPage
from cms.project.api.serializers import PartnerRefSerializer


def _codes(choices: Sequence[tuple[str, StrOrPromise]]) -> list[str]:
    return [code for code, _label in choices]


class GoodPracticeSummarySerializer(PageItemSerializer):
    type = ConstantField("good_practice")
    organisations = serializers.CharField()
    website = serializers.CharField(help_text="May be empty.")
    resource_type = serializers.ChoiceField(choices=_codes(RESOURCE_TYPE_CHOICES))
    objectives = serializers.ListField(
        child=serializers.ChoiceField(choices=_codes(OBJECTIVE_CHOICES))
    )
    country = serializers.ChoiceField(choices=_codes(COUNTRY_CHOICES))
    languages = serializers.ListField(
        child=serializers.ChoiceField(choices=_codes(LANGUAGE_CHOICES)),
        help_text="Languages the practice itself is offered in.",
    )
    cost = serializers.ChoiceField(choices=_codes(COST_CHOICES))
    has_certification = serializers.BooleanField()


class GoodPracticeDetailSerializer(GoodPracticeSummarySerializer):
    identified_by = PartnerRefSerializer(source="api_partner", allow_null=True)
    objectives_and_target_group = RichTextHTMLField()
    content_and_modalities = RichTextHTMLField()
    strengths = TextListField()
    weaknesses = TextListField()
    strengths_and_weaknesses_notes = RichTextHTMLField()
    propositions = RichTextHTMLField(help_text="Propositions to adapt it to MigranTech.")
    expert_comments = RichTextHTMLField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    # A declared field, which DRF's serializer metaclass takes out of the class: it does not
    # replace Field.label, as the stubs read it.
    label = serializers.CharField()  # type: ignore[assignment]
    count = serializers.IntegerField(
        help_text="Items with this value among those matching the other facets' filters."
    )


class FacetsSerializer(serializers.Serializer):
    """One entry per facet, named as the field it filters (and as its filter parameter)."""

    resource_type = FacetValueSerializer(many=True)
    objectives = FacetValueSerializer(many=True)
    country = FacetValueSerializer(many=True)
    languages = FacetValueSerializer(many=True)
    cost = FacetValueSerializer(many=True)
    has_certification = FacetValueSerializer(many=True)


class GoodPracticePageSerializer(serializers.Serializer):
    """The documented shape of the filtered list (paginated, with facet counts)."""

    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    facets = FacetsSerializer()
    results = GoodPracticeSummarySerializer(many=True)


class CertificationToolSummarySerializer(PageItemSerializer):
    type = ConstantField("certification_tool")
    scope = serializers.ChoiceField(choices=CertificationToolPage.Scope.values)
    country = serializers.ChoiceField(choices=_codes(COUNTRY_CHOICES))
    summary = serializers.CharField()


class CertificationToolDetailSerializer(CertificationToolSummarySerializer):
    description = RichTextHTMLField()
    strengths = TextListField()
    weaknesses = TextListField()
    references = TextListField(help_text="Addresses (URLs) of its documentation.")
