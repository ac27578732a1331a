"""Refresh locale/es from the code and fill in the Spanish of scripts/i18n/es.py.

    .venv/bin/python manage.py makemessages -l es --ignore=.venv --ignore=tests --ignore=scripts
    .venv/bin/python scripts/i18n/apply.py        # needs polib: .venv/bin/pip install polib
    .venv/bin/python manage.py compilemessages

Prints the strings that still have no Spanish, so a new string is never silently left in English.
"""

import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from es import ES  # noqa: E402

PO = Path(__file__).resolve().parents[2] / "locale" / "es" / "LC_MESSAGES" / "django.po"

po = polib.pofile(str(PO))
missing = []
for entry in po:
    spanish = ES.get(entry.msgid)
    if spanish is None:
        if "fuzzy" in entry.flags:  # makemessages' guess from a similar string: never right here
            entry.flags.remove("fuzzy")
            entry.msgstr, entry.previous_msgid = "", None
        if not entry.msgstr and not entry.msgstr_plural.get(0):
            missing.append(entry.msgid)
        continue
    if entry.msgid_plural:
        singular, plural = spanish
        entry.msgstr_plural = {0: singular, 1: plural}
    else:
        entry.msgstr = spanish
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    entry.previous_msgid = None
po.metadata_is_fuzzy = False
po.metadata["Language"] = "es"
po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
po.save()
print(f"{len(po) - len(missing)} translated, {len(missing)} without Spanish:")
for msgid in missing:
    print("  ", repr(msgid))
