"""What the learners app tells other apps when something happens to a learner.

Apps above learners may read its models (certificates read a learner's completions and display
name); what they must not do is act on a learner's events except through these signals.

``module_completed``
    Sent inside the transaction that records a learner's first pass of a module's evaluation:
    work that must not be undone with it (issuing certificates) waits for its commit.
    Arguments: ``learner``, ``completion`` (the new ``ModuleCompletion``), ``groups`` (the
    category and pathway pages, source locale, that this completion finished) and
    ``all_modules`` (True when every module of the course is now complete).

``learner_erasing``
    Sent inside the erasure transaction, before the learner's account is deleted. Receivers
    remove or anonymise what they hold about ``learner``.

``personal_data_requested``
    Sent when a learner downloads their data. Each receiver returns ``(section, data)``: a
    section name and JSON-serialisable data about ``learner``, added to the export.
"""

from django.dispatch import Signal

module_completed = Signal()
learner_erasing = Signal()
personal_data_requested = Signal()
