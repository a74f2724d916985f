"""Which module an attempt is about, and its evaluation questionnaire in the attempt's language.

Front ends know modules by any locale's page id (usually the English one, the API's stable id).
An attempt is always recorded against the source-locale module; its questionnaire is the one of
the real translation in the asked locale, or the English one where there is none. A translation
may still hold some questions in English (partners publish half-translated modules): each
question, and the questionnaire's title and instructions, is marked with the locale its text is
in, as the content API marks blocks and fields (``cms.core.translated_parts``).
"""

from dataclasses import dataclass, field

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
    question_locales: dict[str, str] = field(default_factory=dict)
    """Each question's id → the locale its text is in (``locale``, or the source's where the
    question is not wholly translated yet)."""
    field_locales: dict[str, str] = field(default_factory=dict)
    """The questionnaire's ``title`` and ``instructions`` where not in ``locale``: their locale."""


def source_module(page_id: int) -> ModulePage | None:
    """The live source-locale module of which ``page_id`` is any locale's version."""
    page = ModulePage.objects.filter(pk=page_id).only("translation_key", "locale").first()
    if page is None:
        return None
    return live_sources(ModulePage).filter(translation_key=page.translation_key).first()


def page_locale(page_id: int) -> str:
    return ModulePage.objects.filter(pk=page_id).values_list("locale__language_code", flat=True)[0]


def evaluation_block(page: ModulePage) -> dict | None:
    """The module's evaluation block as stored: ``{"type", "id", "value"}``."""
    for block in page.body.raw_data:
        if block.get("type") == EVALUATION_BLOCK:
            return block
    return None


def evaluation_of(page: ModulePage) -> dict | None:
    block = evaluation_block(page)
    return None if block is None else block.get("value") or {}


def questionnaire_in(module: ModulePage, locale: str) -> ServedQuestionnaire | None:
    """``module``'s questionnaire as learners of ``locale`` see it; None if it has none."""
    (served,) = localize([module], locale, parts=True)
    block = evaluation_block(served.item)
    if block is None:
        return None
    raw = block.get("value") or {}
    block_id = block.get("id") or ""
    questions = {
        question["id"]: served.lang_of(f"body.{block_id}.questions.{question['id']}")
        for question in raw.get("questions") or []
        if question.get("id")
    }
    fields = {
        name: locale_of
        for name in ("title", "instructions")
        if (locale_of := served.lang_of(f"body.{block_id}.{name}")) != served.lang
    }
    return ServedQuestionnaire(module, served.lang, served.fallback, raw, questions, fields)


def public_questionnaire(served: ServedQuestionnaire) -> dict:
    """The questionnaire without its answers as the content API shows it, each question marked
    with its ``locale`` and the questionnaire with its ``field_locales``."""
    questionnaire = public_evaluation(served.raw)
    for question in questionnaire["questions"]:
        question["locale"] = served.question_locales.get(question["id"], served.locale)
    questionnaire["field_locales"] = served.field_locales
    return questionnaire
