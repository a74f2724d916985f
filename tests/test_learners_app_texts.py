"""The learners' app asks only for interface texts that makemessages finds (and so that
tests/test_interface_translations.py holds translated in every language): the texts its source
uses, as its build reads them, all appear in cms/core/learners_app_texts.py."""

import ast
import json
import subprocess
from pathlib import Path

from django.conf import settings

APP = Path(settings.BASE_DIR, "frontend_contract", "app")
DECLARED = Path(settings.BASE_DIR, "cms", "core", "learners_app_texts.py")


def declared_texts() -> dict[str, str | None]:
    texts: dict[str, str | None] = {}
    for node in ast.walk(ast.parse(DECLARED.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            strings = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
            if node.func.id == "gettext_noop":
                texts[strings[0]] = None
            elif node.func.id == "ngettext_lazy":
                texts[strings[0]] = strings[1]
    return texts


def test_every_text_of_the_app_is_declared_for_the_translators():
    used = json.loads(
        subprocess.run(
            ["node", "messages.mjs"], cwd=APP, capture_output=True, text=True, check=True
        ).stdout
    )
    assert len(used) > 50, "the extraction found almost nothing"
    declared = declared_texts()
    missing = {msgid: plural for msgid, plural in used if declared.get(msgid, "?") != plural}
    assert not missing, f"add these to {DECLARED.name} (and translate them): {missing}"
    unused = set(declared) - {msgid for msgid, _ in used}
    assert not unused, f"no longer used by the app: {unused}"
