"""Office titles and role words in the visitor's language (the data holds them in English)."""

from __future__ import annotations

from django.utils.translation import gettext, pgettext

from targets.models import Target

TITLES = {
    "Senator": lambda: gettext("Senator"),
    "Representative": lambda: gettext("Representative"),
    "Delegate": lambda: pgettext("member of Congress", "Delegate"),
    "Resident Commissioner": lambda: gettext("Resident Commissioner"),
}
SEATS = {
    "chair": lambda: gettext("Chair"),
    "chairman": lambda: gettext("Chair"),
    "chairwoman": lambda: gettext("Chair"),
    "vice chair": lambda: gettext("Vice Chair"),
    "ranking member": lambda: gettext("Ranking Member"),
    "member": lambda: gettext("Member"),
}
LEADERSHIP = {
    "speaker of the house": lambda: gettext("Speaker of the House"),
    "majority leader": lambda: gettext("Majority Leader"),
    "minority leader": lambda: gettext("Minority Leader"),
    "senate majority leader": lambda: gettext("Senate Majority Leader"),
    "senate minority leader": lambda: gettext("Senate Minority Leader"),
    "house majority leader": lambda: gettext("House Majority Leader"),
    "house minority leader": lambda: gettext("House Minority Leader"),
    "majority whip": lambda: gettext("Majority Whip"),
    "house majority whip": lambda: gettext("House Majority Whip"),
    "house minority whip": lambda: gettext("House Minority Whip"),
    "senate majority whip": lambda: gettext("Senate Majority Whip"),
    "senate minority whip": lambda: gettext("Senate Minority Whip"),
    "minority whip": lambda: gettext("Minority Whip"),
    "president pro tempore": lambda: gettext("President pro tempore"),
}


def office_title(title: str) -> str:
    """ "Senator" → "Senador/a" in Spanish; titles we do not know (an office's own name) stay as written."""
    known = TITLES.get(title)
    return known() if known else title


def display_name(target: Target) -> str:
    """The target as a supporter reads it: "Senator Charles Schumer", "Senador/a Charles Schumer"."""
    return f"{office_title(target.title)} {target.name}".strip()


def role_description(role_title: str) -> str:
    """A TargetRole title in words: "Chair, House Committee on X" → "Chair of the House Committee on X"."""
    leader = LEADERSHIP.get(role_title.strip().lower())
    if leader:
        return leader()
    seat, _, committee = role_title.partition(", ")
    seat_word = SEATS.get(seat.strip().lower())
    if not committee or seat_word is None:
        return role_title
    return gettext("%(seat)s of the %(committee)s") % {"seat": seat_word(), "committee": committee}
