"""The learners' app's interface texts (frontend_contract/app/src/), declared here so that
``makemessages`` puts them in locale/ beside the rest and translators find them in the same PO
files. The app's build turns their translations into its catalogues; a test fails when the app
asks for a text this list lacks."""

from django.utils.translation import gettext_noop, ngettext_lazy

TEXTS = [
    gettext_noop("Transcript"),
    gettext_noop("Subtitles"),
    gettext_noop("Download the video"),
    gettext_noop("Listen: %(word)s"),
    gettext_noop("Turn the card"),
    gettext_noop("Employability meter"),
    gettext_noop("End of the scenario. Your score: %(score)s"),
    gettext_noop("Play again"),
    gettext_noop("Continue"),
    gettext_noop("Step %(step)s of %(steps)s"),
    gettext_noop("Think about it"),
    gettext_noop("What to remember"),
    gettext_noop("Right."),
    gettext_noop("Not quite."),
    gettext_noop("Check my answers"),
    gettext_noop("To pass: %(mark)s %% of the points."),
    gettext_noop("Learners start the graded evaluation here."),
    gettext_noop("Start the evaluation"),
    gettext_noop("The evaluation needs a connection."),
    gettext_noop("Download the template"),
    ngettext_lazy(
        "%(right)s of %(count)s answer is right.", "%(right)s of %(count)s answers are right."
    ),
    ngettext_lazy("%(count)s question", "%(count)s questions"),
    ngettext_lazy("Time: %(count)s minute", "Time: %(count)s minutes"),
    gettext_noop("Not translated yet: shown in the original language."),
    ngettext_lazy(
        "%(count)s part of this module is not translated into your language yet: it is shown "
        "in English.",
        "%(count)s parts of this module are not translated into your language yet: they are "
        "shown in English.",
    ),
    gettext_noop("In English"),
    gettext_noop("Partly in English"),
    gettext_noop("Available offline"),
    gettext_noop("E-modules"),
    gettext_noop("Downloading…"),
    gettext_noop("The download did not finish. Check your connection and try again."),
    gettext_noop("Download for offline"),
    gettext_noop("You have opened this module before."),
    gettext_noop("Preview of a draft: not published."),
    gettext_noop("Open the preview again from the editor."),
    ngettext_lazy("%(count)s hour", "%(count)s hours"),
    gettext_noop("Something went wrong. Reload the page and try again."),
    gettext_noop("The server cannot be reached. Check your connection and try again."),
    gettext_noop(
        "You are signed out: your session has expired. Sign in again with your recovery code."
    ),
    gettext_noop(
        "Time is up: your answers were sent too late and do not count. Start the evaluation again."
    ),
    gettext_noop("Too many tries. Wait a little and try again."),
    gettext_noop("This page does not exist or is no longer published."),
    gettext_noop("Something went wrong on the server. Try again later."),
    gettext_noop("Sign in"),
    ngettext_lazy(
        "Too many tries. Wait %(count)s second and try again.",
        "Too many tries. Wait %(count)s seconds and try again.",
    ),
    gettext_noop("Welcome, %(name)s!"),
    gettext_noop(
        "This is your recovery code. Write it down or take a photo of it. "
        "With it you can open your account on another phone. "
        "Nobody else can give it to you again."
    ),
    gettext_noop("Print the code"),
    gettext_noop("I have saved my code"),
    gettext_noop("New here?"),
    gettext_noop("Only a name is needed. It is printed on your certificates."),
    gettext_noop("Your name"),
    gettext_noop("Create my account"),
    gettext_noop("Already have an account?"),
    gettext_noop("Your recovery code"),
    gettext_noop("My learning"),
    gettext_noop("Signed in as %(name)s."),
    gettext_noop("My progress"),
    gettext_noop("All the e-modules"),
    gettext_noop("Modules passed"),
    gettext_noop("No module passed yet."),
    gettext_noop("My certificates"),
    gettext_noop("Time left:"),
    gettext_noop("Right answer:"),
    gettext_noop("You passed!"),
    gettext_noop("Not passed yet"),
    gettext_noop(
        "Your score: %(score)s of %(total)s points (%(percent)s %%). To pass: %(mark)s %%."
    ),
    gettext_noop("Corrections"),
    gettext_noop("Back to the e-modules"),
    gettext_noop("Try again"),
    gettext_noop("Read the module again"),
    gettext_noop("Evaluation"),
    gettext_noop("Create an account or sign in to take the evaluation and get a certificate."),
    gettext_noop("The evaluation needs a connection. Connect to the internet and try again."),
    gettext_noop("Time is up. Send your answers now: they may not count."),
    gettext_noop("Send my answers"),
    gettext_noop("Preparing the PDF…"),
    gettext_noop("Downloaded."),
    gettext_noop("Certificate type %(type)s"),
    gettext_noop("Completed on %(date)s"),
    gettext_noop("Download the PDF"),
    gettext_noop("Check it online"),
    gettext_noop("Open Badge"),
    gettext_noop("No certificate yet. Pass the evaluation of a module to get one."),
    gettext_noop("Create an account or sign in"),
    gettext_noop("Download my data"),
    gettext_noop("Erase me"),
    gettext_noop(
        "This deletes your name, your results and your certificates from MigranTech, for ever. "
        "Your certificates will no longer be valid. This cannot be undone."
    ),
    gettext_noop("I understand. Delete everything about me."),
    gettext_noop("Tick the box first to confirm."),
    gettext_noop("Write your name first."),
    gettext_noop("Write your recovery code first."),
    gettext_noop("You have not answered any question. If you send now, it counts as an attempt."),
    gettext_noop("Send anyway"),
    gettext_noop("You are erased"),
    gettext_noop("Everything about you has been deleted."),
    gettext_noop("Sign out"),
    gettext_noop("My data"),
    gettext_noop("Language"),
    gettext_noop("MigranTech e-modules"),
    gettext_noop("Main menu"),
    gettext_noop("Certificates"),
    gettext_noop("Settings"),
    gettext_noop("You are offline. Downloaded modules still work."),
    gettext_noop("The app and the modules are shown in this language when a translation exists."),
    gettext_noop("Sorry"),
    gettext_noop("True"),
    gettext_noop("False"),
    gettext_noop("Blank %(number)s"),
    gettext_noop("Move up: %(item)s"),
    gettext_noop("Move down: %(item)s"),
    gettext_noop("Choose…"),
    # Translators: beside the progress of a group of modules: how many of them the learner has
    # opened (read), passed or not.
    gettext_noop("Modules opened: %(count)s"),
]
