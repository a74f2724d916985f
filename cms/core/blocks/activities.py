"""Interactive blocks: the scenario game, the self-evaluation quiz and the graded questionnaire."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import ValidatedStructBlock
from .questions import QuestionStreamBlock


class ScenarioChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Text"), max_length=200, help_text=_("What the learner can choose to do.")
    )
    consequence = blocks.TextBlock(
        label=_("Consequence"), max_length=400, help_text=_("What happens next.")
    )
    score_change = blocks.IntegerBlock(
        label=_("Score change"),
        min_value=-100,
        max_value=100,
        help_text=_("How the employability meter moves (−100 to 100)."),
    )
    feedback = blocks.TextBlock(
        label=_("Feedback"),
        max_length=400,
        help_text=_("Advice shown after the choice; required for a bad choice."),
    )


class ScenarioStepBlock(ValidatedStructBlock):
    situation = blocks.TextBlock(label=_("Situation"), max_length=600)
    choices = blocks.ListBlock(ScenarioChoiceBlock(), label=_("Choices"), min_num=2, max_num=4)

    def errors_for(self, value: blocks.StructValue) -> dict[str, str]:
        # A draft may leave a score empty (None): it does not raise the meter.
        if not any((choice["score_change"] or 0) > 0 for choice in value["choices"]):
            return {"choices": gettext("At least one choice must raise the employability meter.")}
        return {}


class ScenarioGameBlock(blocks.StructBlock):
    """A story where each choice moves an "employability meter" (the Get Bad News idea)."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    introduction = blocks.TextBlock(label=_("Introduction"), max_length=600)
    starting_score = blocks.IntegerBlock(
        label=_("Starting score"), default=50, min_value=0, max_value=100
    )
    steps = blocks.ListBlock(ScenarioStepBlock(), label=_("Steps"), min_num=1, max_num=12)

    class Meta:
        template = "blocks/scenario_game.html"
        icon = "pick"
        label = _("Scenario game")


class SelfEvaluationQuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default="Check yourself")
    questions = QuestionStreamBlock(label=_("Questions"))

    class Meta:
        template = "blocks/self_evaluation.html"
        icon = "help"
        label = _("Self-evaluation quiz (not graded)")


class EvaluationQuestionnaireBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120, default="Evaluation")
    instructions = blocks.TextBlock(label=_("Instructions"), max_length=600)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark"),
        default=60,
        min_value=1,
        max_value=100,
        help_text=_("Percent of points needed to pass."),
    )
    time_limit_minutes = blocks.IntegerBlock(
        label=_("Time limit minutes"),
        required=False,
        min_value=1,
        max_value=180,
        help_text=_("Leave empty for no time limit."),
    )
    questions = QuestionStreamBlock(label=_("Questions"))

    def get_searchable_content(self, value: blocks.StructValue) -> list[str]:
        # The search index would otherwise hold the right options, the blanks' words and the
        # explanations: a search for a hidden answer would name the module that holds it.
        return []

    class Meta:
        template = "blocks/evaluation.html"
        icon = "form"
        label = _("Evaluation questionnaire (graded)")
