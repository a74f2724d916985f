"""Question types shared by the graded evaluation and the ungraded self-evaluation.

The correct answer is structure (booleans, order, pairing), kept in step across translations;
only the wording is translated. Answers are never sent to learners before they answer: the API
strips them from the evaluation questionnaire (see ``cms.modules.api``).
"""

import re

from django.utils.text import format_lazy
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import ValidatedStructBlock

BLANK = "___"
BLANK_PATTERN = re.compile(r"_{3,}")


class QuestionBlock(ValidatedStructBlock):
    prompt = blocks.CharBlock(
        label=_("Prompt"), max_length=400, help_text=_("The question, in plain words.")
    )
    explanation = blocks.TextBlock(
        label=_("Explanation"),
        max_length=600,
        help_text=_("Shown after a mistake: why the right answer is right."),
    )
    points = blocks.IntegerBlock(label=_("Points"), default=1, min_value=1, max_value=10)


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=240)
    correct = blocks.BooleanBlock(
        label=_("Correct"), required=False, help_text=_("Tick if this option is right.")
    )


class SingleChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("Options"), min_num=2, max_num=8)

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            return {"options": gettext("Tick exactly one right option.")}
        return {}

    class Meta:
        icon = "radio-full"
        label = _("Single choice")


class MultipleChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), label=_("Options"), min_num=2, max_num=10)

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if not any(option["correct"] for option in value["options"]):
            return {"options": gettext("Tick at least one right option.")}
        return {}

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")


class TrueFalseQuestionBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(
        label=_("Answer"), choices=[("true", _("True")), ("false", _("False"))]
    )

    class Meta:
        icon = "check"
        label = _("True or false")


class FillInBlankQuestionBlock(QuestionBlock):
    text = blocks.CharBlock(
        label=_("Text"),
        max_length=400,
        help_text=format_lazy(
            _("The sentence, with {blank} where the learner writes a word."), blank=BLANK
        ),
    )
    answers = blocks.ListBlock(
        blocks.CharBlock(max_length=120),
        label=_("Answers"),
        min_num=1,
        help_text=_("One answer per blank, in order. Separate accepted variants with |."),
    )

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        blanks = len(BLANK_PATTERN.findall(value["text"] or ""))
        if blanks == 0:
            return {
                "text": gettext("Put %(blank)s where the learner writes the answer.")
                % {"blank": BLANK}
            }
        if blanks != len(value["answers"]):
            message = ngettext(
                "The sentence has %(count)d blank: give exactly one answer.",
                "The sentence has %(count)d blanks: give exactly one answer each.",
                blanks,
            )
            return {"answers": message % {"count": blanks}}
        return {}

    class Meta:
        icon = "edit"
        label = _("Fill in the blank")


class OrderingQuestionBlock(QuestionBlock):
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=240),
        label=_("Items"),
        min_num=2,
        max_num=10,
        help_text=_("Write the steps in the right order; learners see them shuffled."),
    )

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if len(set(value["items"])) != len(value["items"]):
            return {
                "items": gettext("Each step must be different, or the order cannot be checked.")
            }
        return {}

    class Meta:
        icon = "order"
        label = _("Put in order")


class MatchingPairBlock(blocks.StructBlock):
    left = blocks.CharBlock(label=_("Left"), max_length=160)
    right = blocks.CharBlock(label=_("Right"), max_length=160)


class MatchingQuestionBlock(QuestionBlock):
    pairs = blocks.ListBlock(MatchingPairBlock(), label=_("Pairs"), min_num=2, max_num=10)

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        lefts = [pair["left"] for pair in value["pairs"]]
        rights = [pair["right"] for pair in value["pairs"]]
        if len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
            return {"pairs": gettext("Each item may appear only once on each side.")}
        return {}

    class Meta:
        icon = "link"
        label = _("Matching")


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    fill_in_blank = FillInBlankQuestionBlock()
    ordering = OrderingQuestionBlock()
    matching = MatchingQuestionBlock()

    class Meta:
        min_num = 1
