"""The admin's "Printable packs" screen: choose, print, follow the progress, download."""

from typing import Any

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page

from .documents import PrintRequestError, document_kinds, private_kinds
from .forms import PrintPackForm
from .jobs import can_print_answer_key, request_print
from .models import PrintJob

RECENT_JOBS = 15


class PrintingAdminMixin(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    permission_required = "printing.print_packs"
    header_icon = "doc-full"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse_lazy("printing:packs"), "label": _("Printable packs")},
    ]

    def visible_jobs(self) -> Any:
        """Jobs this user may see: never a private kind (a learner's certificate, printed on
        the system's behalf), nor an answer key unless they may print answer keys."""
        jobs = PrintJob.objects.exclude(kind__in=private_kinds())
        if not can_print_answer_key(self.request.user):
            jobs = jobs.exclude(options__answer_key=True)
        return jobs


class PrintPacksView(PrintingAdminMixin, FormView):
    template_name = "printing/admin/packs.html"
    form_class = PrintPackForm
    page_title = _("Printable packs")

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.breadcrumbs_items[:1] + [{"url": "", "label": self.page_title}]

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["may_print_answer_key"] = can_print_answer_key(self.request.user)
        kwargs.setdefault("initial", {}).update(kind="module", paper="A4", locale="en")
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["recent_jobs"] = self.visible_jobs().select_related("requested_by")[:RECENT_JOBS]
        context["target_fields"] = context["form"].target_fields
        return context

    def form_valid(self, form: PrintPackForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            job, _reused = request_print(
                data["kind"], data["targets"], data["locale"], form.options(), self.request.user
            )
        except PrintRequestError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        return redirect("printing:job", pk=job.pk)


class PrintJobView(PrintingAdminMixin, TemplateView):
    template_name = "printing/admin/job.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.job = get_object_or_404(self.visible_jobs(), pk=kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return str(self.job)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["job"] = self.job
        offers = {document.kind: document.offer for document in document_kinds()}
        context["kind_label"] = offers.get(self.job.kind, self.job.kind)
        context["file_name"] = self.job.file_name
        context["status_labels"] = dict(PrintJob.Status.choices)
        context["status_url"] = reverse("print-job-detail", args=[self.job.pk])
        context["download_url"] = reverse("print-job-download", args=[self.job.pk])
        return context


class ReadBeforePrintingView(PrintingAdminMixin, View):
    """A published page (an e-module) as it reads, in the chosen language, before it is printed.

    Any page whose type offers the "layout" preview qualifies; printing names no content app.
    """

    def get(self, request: HttpRequest, page_id: int) -> HttpResponse:
        page = get_object_or_404(Page.objects.live(), pk=page_id).specific
        if "layout" not in dict(page.preview_modes):
            raise Http404
        asked = request.GET.get("locale", "")
        translated = page.get_translation_or_none(
            Locale.objects.filter(language_code=asked).first()
        )
        shown = translated if translated is not None and translated.live else page
        with translation.override(shown.locale.language_code):
            return shown.specific.serve_preview(request, "layout")
