"""The StreamField of an e-module: the shared block library, in the order editors meet it."""

from wagtail import blocks

from cms.core import blocks as shared


class ModuleBodyBlock(blocks.StreamBlock):
    section = shared.SectionBlock()
    image = shared.ImageFigureBlock()
    video = shared.VideoBlock()
    audio = shared.AudioBlock()
    vocabulary = shared.VocabularyBlock()
    card_deck = shared.CardDeckBlock()
    scenario_game = shared.ScenarioGameBlock()
    case_study = shared.CaseStudyBlock()
    template_download = shared.TemplateDownloadBlock()
    further_resources = shared.FurtherResourcesBlock()
    self_evaluation = shared.SelfEvaluationQuizBlock()
    evaluation = shared.EvaluationQuestionnaireBlock()

    class Meta:
        block_counts = {"evaluation": {"max_num": 1}}
