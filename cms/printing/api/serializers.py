"""Print requests in, print jobs out."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from rest_framework import serializers

from cms.printing.documents import MAX_TARGETS, PAPER_SIZES, document_kinds
from cms.printing.models import PrintJob


class PrintOptionsSerializer(serializers.Serializer):
    paper = serializers.ChoiceField(choices=PAPER_SIZES, default="A4")
    answer_key = serializers.BooleanField(
        default=False, help_text="Add the answer key (counsellors and moderators only)."
    )
    good_practices = serializers.BooleanField(
        default=False,
        help_text="Add the e-library sheets of the good practices linked from the modules.",
    )


class PrintRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=[],
        help_text="module, category, pathway, selection (of modules), library, poster or guide.",
    )
    targets = serializers.ListField(
        # Ids beyond a database integer would fail in the query, not in validation.
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        default=list,
        max_length=MAX_TARGETS,
        help_text="Page ids, in print order; none for the e-library and the learning guide.",
    )
    locale = serializers.CharField(
        required=False, help_text="Locale of the document; else ?locale= or Accept-Language."
    )
    options = PrintOptionsSerializer(default=dict)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kind_field = self.fields["kind"]
        assert isinstance(kind_field, serializers.ChoiceField)
        kind_field.choices = sorted(kind.kind for kind in document_kinds())


class PrintJobSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text="Where to follow this job.")
    download_url = serializers.SerializerMethodField(help_text="The PDF, once status is done.")
    error = serializers.SerializerMethodField(help_text="Why it failed, in plain words.")

    class Meta:
        model = PrintJob
        fields = [
            "id",
            "url",
            "kind",
            "title",
            "targets",
            "locale",
            "options",
            "status",
            "progress",
            "error",
            "page_count",
            "download_url",
            "created_at",
            "started_at",
            "finished_at",
        ]
        read_only_fields = fields

    def _absolute(self, path: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_url(self, job: PrintJob) -> str:
        return self._absolute(reverse("print-job-detail", args=[job.pk]))

    def get_download_url(self, job: PrintJob) -> str | None:
        if job.status != PrintJob.Status.DONE:
            return None
        return self._absolute(reverse("print-job-download", args=[job.pk]))

    def get_error(self, job: PrintJob) -> str:
        return gettext(job.error) if job.error else ""
