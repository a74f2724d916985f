"""Which module an attempt is about, and its evaluation questionnaire in the attempt's language.

Front ends know modules by any locale's page id (usually the English one, the API's stable id).
An attempt is always recorded against the source-locale module; its questionnaire is the one of
the real translation in the asked locale, or the English one where there is none.
"""

from dataclasses import dataclass

from cms.core.api.questions import public_evaluation
from cms.core.locales import localize
from cms.modules.api.queries import live_sources
from cms.modules.models import ModulePage

EVALUATION_BLOCK = "evaluation"


@dataclass(frozen=True)
class ServedQuestionnaire:
    module: ModulePage
    """The source-locale module."""
    locale: str
    fallback: bool
    raw: dict
    """The evaluation block's stored value, answers included: for the grader only."""


def source_module(page_id: int) -> ModulePage | None:
    """The live source-locale module of which ``page_id`` is any locale's version."""
    page = ModulePage.objects.filter(pk=page_id).only("translation_key", "locale").first()
    if page is None:
        return None
    return live_sources(ModulePage).filter(translation_key=page.translation_key).first()


def page_locale(page_id: int) -> str:
    return ModulePage.objects.filter(pk=page_id).values_list("locale__language_code", flat=True)[0]


def evaluation_of(page: ModulePage) -> dict | None:
    for block in page.body.raw_data:
        if block.get("type") == EVALUATION_BLOCK:
            return block.get("value") or {}
    return None


def questionnaire_in(module: ModulePage, locale: str) -> ServedQuestionnaire | None:
    """``module``'s questionnaire as learners of ``locale`` see it; None if it has none."""
    (served,) = localize([module], locale)
    raw = evaluation_of(served.item)
    if raw is None:
        return None
    return ServedQuestionnaire(module, served.lang, served.fallback, raw)


def public_questionnaire(raw: dict) -> dict:
    """The questionnaire without its answers, exactly as the content API shows it."""
    return public_evaluation(raw)
