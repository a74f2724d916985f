"""The e-library's facet vocabularies, shared by the models, the loader and the API filters.

Labels are interface texts, translated in locale/ like every other: the API shows them in the
language of the request.
"""

from django.utils.translation import gettext_lazy as _

RESOURCE_TYPE_CHOICES = [
    ("mooc", _("MOOC")),
    ("app", _("Mobile app")),
    ("platform", _("E-learning platform")),
    ("programme", _("Programme")),
    ("guide", _("Guide")),
    ("game", _("Game")),
    ("policy", _("Policy")),
    ("test", _("Test")),
]
OBJECTIVE_CHOICES = [
    ("social_inclusion", _("Social inclusion")),
    ("language_learning", _("Language learning")),
    ("employment", _("Employment")),
    ("educator_training", _("Training of educators")),
    ("personal_support", _("Personal support")),
]
COUNTRY_CHOICES = [
    ("FR", _("France")),
    ("BE", _("Belgium")),
    ("PT", _("Portugal")),
    ("TR", _("Turkey")),
    ("DE", _("Germany")),
    ("ES", _("Spain")),
    ("IT", _("Italy")),
    ("NL", _("Netherlands")),
    ("GB", _("United Kingdom")),
    ("GR", _("Greece")),
    ("FI", _("Finland")),
    ("SE", _("Sweden")),
    ("JO", _("Jordan")),
    ("US", _("United States")),
    ("EU", _("European Union")),
    ("INT", _("International")),
]
COST_CHOICES = [("free", _("Free")), ("paid", _("Paid")), ("mixed", _("Free under conditions"))]
LANGUAGE_CHOICES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("nl", _("Dutch")),
    ("de", _("German")),
    ("pt", _("Portuguese")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
    ("fa", _("Persian / Dari")),
    ("ps", _("Pashto")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("el", _("Greek")),
    ("sv", _("Swedish")),
    ("mt", _("Maltese")),
    ("pl", _("Polish")),
    ("da", _("Danish")),
    ("no", _("Norwegian")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("ku", _("Kurdish")),
    ("ur", _("Urdu")),
    ("zh", _("Chinese")),
]
