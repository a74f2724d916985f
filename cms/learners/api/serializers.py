"""What the learners' endpoints read and answer."""

from typing import Any

from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.core.api.openapi import MAX_ID
from cms.core.api.problems import BadParameter
from cms.core.api.questions import EvaluationShape
from cms.core.locales import locale_codes

from ..models import Learner

DISPLAY_NAME_HELP = "The name printed on certificates, as the learner wants it written."


def checked_locale(code: str) -> str:
    """``code`` if it is a content locale; else a problem listing the valid ones."""
    if code not in locale_codes():
        valid = locale_codes()
        raise BadParameter(
            "locale",
            gettext("“%(asked)s” is not a language of this course; use one of %(valid)s.")
            % {"asked": code, "valid": ", ".join(valid)},
            valid_locales=valid,
        )
    return code


class LearnerSerializer(serializers.ModelSerializer):
    email = serializers.CharField(
        read_only=True, help_text="The learner's email address; empty when they gave none."
    )

    class Meta:
        model = Learner
        fields = ["id", "display_name", "locale", "email", "created_at"]
        read_only_fields = fields


# Some visible character, no NUL; written the same in Python and ECMA regular expressions so
# that what the OpenAPI document allows is exactly what the API accepts.
VISIBLE_TEXT = r"^[^\x00]*[^ \t\n\r\f\v\x00][^\x00]*$"


NOT_A_STRING = serializers.CharField.default_error_messages["invalid"]


class TextOnlyRegexField(serializers.RegexField):
    """A string and nothing else: DRF would turn ``0`` or ``true`` into ``"0"`` or ``"True"``."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            raise serializers.ValidationError(NOT_A_STRING, code="invalid")
        return super().to_internal_value(data)


def visible_text(max_length: int, help_text: str) -> serializers.RegexField:
    return TextOnlyRegexField(
        VISIBLE_TEXT, max_length=max_length, trim_whitespace=False, help_text=help_text
    )


@extend_schema_field({"type": "string", "enum": locale_codes()})
class LocaleField(serializers.CharField):
    """A content locale; an unknown one is a problem that lists the valid ones."""

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            raise serializers.ValidationError(NOT_A_STRING, code="invalid")
        return checked_locale(str(super().to_internal_value(data)).strip().lower())


class LearnerInputSerializer(serializers.Serializer):
    """A learner's profile as they write it: only what certificates and sign-in need."""

    display_name = visible_text(120, DISPLAY_NAME_HELP)
    locale = LocaleField(
        required=False,
        help_text="Preferred language (a content locale); by default the one the client asks "
        "for with ?locale= or Accept-Language.",
    )
    email = serializers.EmailField(
        required=False,
        allow_blank=True,
        max_length=254,
        help_text="Optional; never required to take the course.",
    )

    def validate_display_name(self, value: str) -> str:
        return value.strip(" \t\n\r\f\v")


class RegistrationSerializer(serializers.Serializer):
    learner = LearnerSerializer()
    token = serializers.CharField(
        help_text="Send it as “Authorization: Bearer <token>”. Shown once; keep it on the device."
    )
    recovery_code = serializers.CharField(
        help_text="Signs the learner in on another device. Shown once: ask them to write it down."
    )


class RecoveryCodeSerializer(serializers.Serializer):
    recovery_code = serializers.CharField(
        help_text="Replaces the previous code, which stops working. Shown once."
    )


class SignInSerializer(serializers.Serializer):
    recovery_code = visible_text(
        64, "As the learner wrote it; spaces, dashes and case do not matter."
    )


class SignedInSerializer(serializers.Serializer):
    learner = LearnerSerializer()
    token = serializers.CharField(help_text="A new token for this device.")


QUESTION_LOCALE_SCHEMA = {
    "type": "string",
    "description": "The locale this question's text is in: the attempt's, or the source's where "
    "the question is not (wholly) translated yet. Set `lang` and `dir` from it.",
}
QUESTIONNAIRE_FIELD_LOCALES_SCHEMA = {
    "type": "object",
    "additionalProperties": {"type": "string"},
    "description": "`title` and `instructions` where their text is not in the attempt's "
    "`locale` (still in the source language), each with the locale it is in. Empty when both are.",
}


def _questionnaire_schema() -> dict:
    """The content API's questionnaire, each question with its ``locale``, and ``field_locales``."""
    schema = EvaluationShape().schema(None, lambda _name: {})
    for question in schema["properties"]["questions"]["items"]["oneOf"]:
        question["properties"]["locale"] = QUESTION_LOCALE_SCHEMA
        question["required"].append("locale")
    schema["properties"]["field_locales"] = QUESTIONNAIRE_FIELD_LOCALES_SCHEMA
    schema["required"].append("field_locales")
    return schema


@extend_schema_field(_questionnaire_schema())
class QuestionnaireField(serializers.JSONField):
    """The evaluation block's value as the content API shows it (no answers), with the locale of
    each question and of the title and instructions."""


class AttemptSerializer(serializers.Serializer):
    id = serializers.UUIDField(help_text="Submit the answers to /attempts/{id}/submit/.")
    module = serializers.IntegerField(help_text="The module's stable (English page) id.")
    locale = serializers.CharField(help_text="The language of the questions and corrections.")
    fallback = serializers.BooleanField(
        help_text="True when the module has no translation in the asked locale (English served)."
    )
    started_at = serializers.DateTimeField()
    deadline = serializers.DateTimeField(
        allow_null=True, help_text="Submit before this time; null when there is no time limit."
    )
    questionnaire = QuestionnaireField()


ANSWER_SCHEMA = {
    "description": "An option id (single choice), option ids (multiple choice), true/false, "
    "the words for the blanks, item ids in order, or an object from left ids to right ids.",
    "oneOf": [
        {"type": "string"},
        {"type": "boolean"},
        {"type": "array", "items": {"type": "string"}},
        {"type": "object", "additionalProperties": {"type": "string"}},
    ],
}


MAX_ANSWERS = 100
"""More answers than any questionnaire has questions."""
MAX_ANSWER_TEXT = 200
"""Longer than any id or word the answers hold: nothing longer is stored or repeated back."""


def _texts(value: Any) -> list[str]:
    """Every string in an answer (keys of a matching answer included)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [*value.keys(), *(t for v in value.values() for t in _texts(v))]
    if isinstance(value, list):
        return [t for item in value for t in _texts(item)]
    return []


@extend_schema_field({"type": "object", "additionalProperties": ANSWER_SCHEMA})
class AnswersField(serializers.JSONField):
    """Answers by question id; a question left out counts as wrong."""

    def to_internal_value(self, data: Any) -> dict:
        if not isinstance(data, dict):
            raise serializers.ValidationError(gettext("Send an object of answers by question id."))
        if len(data) > MAX_ANSWERS or any(len(text) > MAX_ANSWER_TEXT for text in _texts(data)):
            raise serializers.ValidationError(
                gettext(
                    "These answers are too long: at most %(count)d answers, and at most "
                    "%(length)d characters in each id or word."
                )
                % {"count": MAX_ANSWERS, "length": MAX_ANSWER_TEXT}
            )
        return data


class SubmissionSerializer(serializers.Serializer):
    answers = AnswersField(help_text="Answers by question id; a question left out is wrong.")


ITEM = {
    "type": "object",
    "properties": {"id": {"type": "string"}, "text": {"type": "string"}},
    "required": ["id", "text"],
}
CORRECT_ANSWER_SCHEMA = {
    "type": "object",
    "description": "The right answer in the questionnaire's language: `text` for anyone, and "
    "per type the options, true/false value, accepted words per blank, items in order or pairs.",
    "properties": {
        "text": {"type": "string", "description": "The whole right answer, as one line of text."},
        "options": {"type": "array", "items": ITEM},
        "value": {"type": "boolean"},
        "blanks": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
        "items": {"type": "array", "items": ITEM},
        "pairs": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"left": ITEM, "right": ITEM},
                "required": ["left", "right"],
            },
        },
    },
    "required": ["text"],
}


@extend_schema_field(CORRECT_ANSWER_SCHEMA)
class CorrectAnswerField(serializers.JSONField):
    pass


class QuestionOutcomeSerializer(serializers.Serializer):
    id = serializers.CharField()
    type = serializers.CharField()
    points = serializers.IntegerField()
    earned = serializers.IntegerField()
    right = serializers.BooleanField()


class MistakeSerializer(serializers.Serializer):
    id = serializers.CharField(help_text="The question's id.")
    type = serializers.CharField()
    locale = serializers.CharField(
        help_text="The locale the question's text was in when the attempt started: the "
        "attempt's, or the source's for a question not (wholly) translated then."
    )
    prompt = serializers.CharField()
    correct_answer = CorrectAnswerField()
    explanation = serializers.CharField(help_text="Why the right answer is right.")


class ResultSerializer(serializers.Serializer):
    attempt = serializers.UUIDField()
    score = serializers.IntegerField(help_text="Points earned.")
    total_points = serializers.IntegerField()
    percent = serializers.FloatField(help_text="Score in percent, one decimal.")
    pass_mark = serializers.IntegerField(help_text="Percent needed to pass.")
    passed = serializers.BooleanField()
    module_completed = serializers.BooleanField(
        help_text="True when this pass completed the module for the first time."
    )
    questions = QuestionOutcomeSerializer(
        many=True, help_text="Each question's outcome, after a pass only (empty after a failure)."
    )
    mistakes = MistakeSerializer(
        many=True,
        help_text="Each wrong or missing answer, corrected, after a pass only: corrections after "
        "a failure would give the next attempt its answers.",
    )


class CompletedModuleSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The module's stable id.")
    title = serializers.CharField()
    completed_at = serializers.DateTimeField()


class ReadModuleSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="The module's stable id.")
    title = serializers.CharField()
    read_at = serializers.DateTimeField(help_text="When the learner first opened it.")


READ_HELP = "Modules opened (see `learners/me/reading/`), passed or not."


class GroupProgressSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    done = serializers.IntegerField(help_text="Modules completed.")
    read = serializers.IntegerField(help_text=READ_HELP)
    total = serializers.IntegerField()
    completed_at = serializers.DateTimeField(
        allow_null=True, help_text="When the last of its modules was completed; null until then."
    )


class OverallProgressSerializer(serializers.Serializer):
    done = serializers.IntegerField()
    read = serializers.IntegerField(help_text=READ_HELP)
    total = serializers.IntegerField()
    completed_at = serializers.DateTimeField(allow_null=True)


class ProgressSerializer(serializers.Serializer):
    locale = serializers.CharField(help_text="The language of the titles.")
    modules = CompletedModuleSerializer(many=True)
    read_modules = ReadModuleSerializer(
        many=True, help_text="Every live module the learner opened, first read first."
    )
    categories = GroupProgressSerializer(many=True)
    pathways = GroupProgressSerializer(many=True)
    overall = OverallProgressSerializer()


class ReadingInputSerializer(serializers.Serializer):
    module = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        help_text="Any locale's page id of the module (usually its stable id).",
    )
    read_at = serializers.DateTimeField(
        required=False,
        help_text="When it was opened, for a reading made offline and sent later; now if left "
        "out. A time in the future counts as now.",
    )


class ReadingSerializer(serializers.Serializer):
    module = serializers.IntegerField(help_text="The module's stable id.")
    read_at = serializers.DateTimeField(help_text="When the learner first opened it.")
