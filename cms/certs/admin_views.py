"""The admin's "Certificates" screens: a read-only listing, and revocation by a moderator.

Certificates are never edited or deleted here. Revoking records who, when and why; the public
verification then says so.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import Certificate
from .verification import verification_url, verify

PAGE_SIZE = 50
REVOKE_PERMISSION = "certs.revoke_certificate"


class RevocationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Shown to anyone who checks this certificate."),
    )


class CertificatesAdminMixin(PermissionRequiredMixin, WagtailAdminTemplateMixin):
    permission_required = "certs.view_certificate"
    header_icon = "clipboard-list"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": reverse_lazy("certificates:index"), "label": _("Certificates")},
    ]

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.breadcrumbs_items[:1] + [{"url": "", "label": self.get_page_title()}]


class CertificateListView(CertificatesAdminMixin, TemplateView):
    template_name = "certs/admin/index.html"
    page_title = _("Certificates")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        certificates = Certificate.objects.all()
        if query:
            certificates = certificates.filter(
                Q(pk=query) | Q(title__icontains=query) | Q(holder_name__icontains=query)
            )
        page = Paginator(certificates, PAGE_SIZE).get_page(self.request.GET.get("p"))
        # The same word for a status here as on the certificate's own screen and public page.
        rows = [(certificate, verify(certificate).status) for certificate in page]
        context.update(page=page, rows=rows, query=query)
        return context


class CertificateDetailView(CertificatesAdminMixin, TemplateView):
    template_name = "certs/admin/detail.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.certificate = get_object_or_404(Certificate, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return str(self.certificate)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        may_revoke = self.request.user.has_perm(REVOKE_PERMISSION)
        context.update(
            certificate=self.certificate,
            verification=verify(self.certificate),
            public_url=verification_url(self.certificate),
            form=kwargs.get("form") or (RevocationForm() if may_revoke else None),
            confirming=kwargs.get("confirming", False),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm(REVOKE_PERMISSION) or self.certificate.is_revoked:
            return HttpResponseForbidden()
        form = RevocationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if request.POST.get("confirmed") != "yes":
            # Revoking cannot be undone: the moderator sees what will happen and confirms.
            return self.render_to_response(self.get_context_data(form=form, confirming=True))
        Certificate.objects.filter(pk=self.certificate.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(),
            revocation_reason=form.cleaned_data["reason"],
            revoked_by=request.user,
        )
        # Translated now, in the moderator's admin language: the message is stored after the
        # view has returned, when that language is no longer active.
        messages.success(request, gettext("The certificate is revoked."))
        return redirect("certificates:detail", pk=self.certificate.pk)
