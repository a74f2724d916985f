"""POST a print request, GET the job, GET its PDF. Thin: the work is in ``cms.printing.jobs``."""

from django.http import FileResponse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from cms.core.api.language import negotiate_locale
from cms.core.api.openapi import problem
from cms.core.api.problems import PROBLEM_CONTENT_TYPE, BadParameter, NotFound, Problem
from cms.printing.documents import PrintOptions, PrintRequestError, is_private
from cms.printing.jobs import AnswerKeyNotAllowed, can_print_answer_key, request_print
from cms.printing.models import PrintJob

from .serializers import PrintJobSerializer, PrintRequestSerializer

UUID_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


class NewPrintJobThrottle(AnonRateThrottle):
    """Anonymous clients may start a bounded number of renderings (cached answers are cheap)."""

    scope = "print-jobs"
    rate = "100/hour"


@extend_schema_view(
    create=extend_schema(
        summary="Ask for a PDF",
        description=(
            "Starts rendering (202) or, when the same content was already printed with the same "
            "options, answers the finished job at once (200). Follow the job's `url` until "
            "`status` is `done`, then fetch `download_url`."
        ),
        request=PrintRequestSerializer,
        responses={
            200: OpenApiResponse(PrintJobSerializer, description="Already printed: ready."),
            202: OpenApiResponse(PrintJobSerializer, description="Accepted: being printed."),
            (400, PROBLEM_CONTENT_TYPE): problem("The request cannot be printed."),
            (403, PROBLEM_CONTENT_TYPE): problem("Answer keys are for counsellors only."),
            (429, PROBLEM_CONTENT_TYPE): problem("Too many new print jobs; wait a little."),
        },
    ),
    retrieve=extend_schema(
        summary="A print job: status and progress",
        responses={
            200: PrintJobSerializer,
            (404, PROBLEM_CONTENT_TYPE): problem("No such print job."),
        },
    ),
    download=extend_schema(
        summary="The finished PDF",
        responses={
            (200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY),
            (404, PROBLEM_CONTENT_TYPE): problem("No such print job."),
            (409, PROBLEM_CONTENT_TYPE): problem("The PDF is not ready (yet)."),
        },
    ),
)
class PrintJobViewSet(viewsets.GenericViewSet):
    queryset = PrintJob.objects.all()
    serializer_class = PrintJobSerializer
    permission_classes = [AllowAny]
    lookup_value_regex = UUID_PATTERN

    def get_throttles(self) -> list:
        return [NewPrintJobThrottle()] if self.action == "create" else []

    def create(self, request: Request) -> Response:
        incoming = PrintRequestSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        locale = data.get("locale") or negotiate_locale(request)
        try:
            job, _reused = request_print(
                data["kind"], data["targets"], locale, PrintOptions(**data["options"]), request.user
            )
        except AnswerKeyNotAllowed as refusal:
            raise Problem(
                refusal.message,
                status_code=status.HTTP_403_FORBIDDEN,
                problem_type="forbidden",
                title=gettext("Forbidden"),
            ) from None
        except PrintRequestError as error:
            raise BadParameter(error.field, error.message) from None
        body = self.get_serializer(job).data
        answer = (
            status.HTTP_200_OK if job.status == PrintJob.Status.DONE else status.HTTP_202_ACCEPTED
        )
        return Response(body, status=answer, headers={"Location": body["url"]})

    def retrieve(self, request: Request, pk: str) -> Response:
        return Response(self.get_serializer(self._job(pk)).data)

    @action(detail=True, methods=["get"])
    def download(self, request: Request, pk: str) -> FileResponse:
        job = self._job(pk)
        if job.status != PrintJob.Status.DONE or not job.result:
            raise Problem(
                gettext("This PDF is not ready yet. The job's status: %(status)s.")
                % {"status": job.get_status_display()},
                status_code=status.HTTP_409_CONFLICT,
                problem_type="not-ready",
                title=gettext("Not ready"),
            )
        return FileResponse(
            job.result.open("rb"),
            as_attachment=True,
            filename=job.file_name,
            content_type="application/pdf",
        )

    def _job(self, pk: str) -> PrintJob:
        job = PrintJob.objects.filter(pk=pk).first()
        # An answer key is for counsellors, a private document (a learner's certificate) for its
        # owner through its own endpoint: to anyone else here, that job does not exist.
        if (
            job is None
            or is_private(job.kind)
            or (job.has_answer_key and not can_print_answer_key(self.request.user))
        ):
            raise NotFound(gettext("No print job at this address."))
        return job
