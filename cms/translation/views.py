from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from cms.core.locales import language_name, target_locales

from .report import module_statuses, summarise


def report_view(request: HttpRequest) -> HttpResponse:
    locales = target_locales()
    statuses = module_statuses(locales)
    return TemplateResponse(
        request,
        "translation/report.html",
        {
            "locales": [(locale.language_code, language_name(locale)) for locale in locales],
            "summary": summarise(statuses, locales),
            "statuses": statuses,
        },
    )
