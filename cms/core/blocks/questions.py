"""Question types shared by the graded evaluation and the ungraded self-evaluation.

The correct answer is structure (booleans, order, pairing), kept in step across translations;
only the wording is translated. Answers are never sent to learners before they answer: the API
strips them from the evaluation questionnaire (see ``cms.modules.api``).
"""

import re

from wagtail import blocks

from .base import ValidatedStructBlock

BLANK = "___"
BLANK_PATTERN = re.compile(r"_{3,}")


class QuestionBlock(ValidatedStructBlock):
    prompt = blocks.CharBlock(max_length=400, help_text="The question, in plain words.")
    explanation = blocks.TextBlock(
        max_length=600, help_text="Shown after a mistake: why the right answer is right."
    )
    points = blocks.IntegerBlock(default=1, min_value=1, max_value=10)


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=240)
    correct = blocks.BooleanBlock(required=False, help_text="Tick if this option is right.")


class SingleChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8)

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if sum(1 for option in value["options"] if option["correct"]) != 1:
            return {"options": "Tick exactly one right option."}
        return {}

    class Meta:
        icon = "radio-full"
        label = "Single choice"


class MultipleChoiceQuestionBlock(QuestionBlock):
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=10)

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if not any(option["correct"] for option in value["options"]):
            return {"options": "Tick at least one right option."}
        return {}

    class Meta:
        icon = "tasks"
        label = "Multiple choice"


class TrueFalseQuestionBlock(QuestionBlock):
    answer = blocks.ChoiceBlock(choices=[("true", "True"), ("false", "False")])

    class Meta:
        icon = "check"
        label = "True or false"


class FillInBlankQuestionBlock(QuestionBlock):
    text = blocks.CharBlock(
        max_length=400, help_text=f"The sentence, with {BLANK} where the learner writes a word."
    )
    answers = blocks.ListBlock(
        blocks.CharBlock(max_length=120),
        min_num=1,
        help_text="One answer per blank, in order. Separate accepted variants with |.",
    )

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        blanks = len(BLANK_PATTERN.findall(value["text"] or ""))
        if blanks == 0:
            return {"text": f"Put {BLANK} where the learner writes the answer."}
        if blanks != len(value["answers"]):
            return {"answers": f"The sentence has {blanks} blank(s): give exactly one answer each."}
        return {}

    class Meta:
        icon = "edit"
        label = "Fill in the blank"


class OrderingQuestionBlock(QuestionBlock):
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=240),
        min_num=2,
        max_num=10,
        help_text="Write the steps in the right order; learners see them shuffled.",
    )

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        if len(set(value["items"])) != len(value["items"]):
            return {"items": "Each step must be different, or the order cannot be checked."}
        return {}

    class Meta:
        icon = "order"
        label = "Put in order"


class MatchingPairBlock(blocks.StructBlock):
    left = blocks.CharBlock(max_length=160)
    right = blocks.CharBlock(max_length=160)


class MatchingQuestionBlock(QuestionBlock):
    pairs = blocks.ListBlock(MatchingPairBlock(), min_num=2, max_num=10)

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        lefts = [pair["left"] for pair in value["pairs"]]
        rights = [pair["right"] for pair in value["pairs"]]
        if len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
            return {"pairs": "Each item may appear only once on each side."}
        return {}

    class Meta:
        icon = "link"
        label = "Matching"


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()
    fill_in_blank = FillInBlankQuestionBlock()
    ordering = OrderingQuestionBlock()
    matching = MatchingQuestionBlock()

    class Meta:
        min_num = 1
