"""The one lookup service: from a ZIP (and, when needed, a street address) to districts and members.

Web pages, the JSON API, the phone keypad flow and the email flow all call `lookup()`.
Errors a supporter can cause come back as LookupRefused (a common Refused) with a message, never a 500.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from advocacy.providers import geocoder
from common.refusals import Refused
from targets.models import Target, ZipDistrict

LOOKUP_VERSION_KEY = "lookup-version"
ZIP_PATTERN = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")


@dataclass(frozen=True, order=True)
class District:
    state: str
    district: int  # 0 = at-large

    @property
    def label(self) -> str:
        return f"{self.state}-{'AL' if self.district == 0 else self.district}"


@dataclass
class LookupResult:
    zip_code: str
    districts: list[District]
    needs_address: bool
    members: list[Target] = field(default_factory=list)  # House member(s), then senators, deduplicated
    vacancies: list[District] = field(default_factory=list)  # House seats with nobody sitting
    matched_by: str = "zip"  # "zip", "address", or "zip_fallback" when the geocoder failed

    @property
    def house_members(self) -> list[Target]:
        return [t for t in self.members if t.chamber == Target.Chamber.HOUSE]

    @property
    def senators(self) -> list[Target]:
        return [t for t in self.members if t.chamber == Target.Chamber.SENATE]


class LookupRefused(Refused):
    """A supporter's input we cannot look up. `code` is "invalid" (400) or "not_found" (404); the message belongs
    to the ZIP field."""

    def __init__(self, code: str, message: str):
        super().__init__(code, message, status=404 if code == "not_found" else 400, field="zip")


def normalize_zip(raw: str | None) -> str:
    match = ZIP_PATTERN.match(raw or "")
    if not raw or not raw.strip():
        raise LookupRefused("invalid", _("Enter a 5-digit ZIP code."))
    if not match:
        raise LookupRefused("invalid", _("A ZIP code is 5 digits, like 10001."))
    return match.group(1)


def districts_for_zip(zip_code: str) -> list[District]:
    rows = ZipDistrict.objects.filter(zcta=zip_code).values_list("state", "district")
    return sorted({District(state, district) for state, district in rows})


def members_for_districts(districts: list[District]) -> tuple[list[Target], list[District]]:
    """House members of each district, then the senators of each state, and the vacant House seats."""
    states = sorted({d.state for d in districts})
    seats = Q()
    for district in districts:
        seats |= Q(chamber=Target.Chamber.HOUSE, state=district.state, district=district.district)
    active = Target.objects.filter(kind=Target.Kind.MEMBER, is_active=True).filter(
        seats | Q(chamber=Target.Chamber.SENATE, state__in=states))
    house: dict[tuple[str, int], Target] = {}
    senators: list[Target] = []
    for target in active:
        if target.chamber == Target.Chamber.HOUSE:
            house[(target.state, target.district)] = target
        else:
            senators.append(target)
    members: list[Target] = []
    vacancies: list[District] = []
    for district in districts:
        member = house.get((district.state, district.district))
        if member is None:
            vacancies.append(district)
        elif member not in members:
            members.append(member)
    senators.sort(key=lambda t: (states.index(t.state), t.name))
    return members + senators, vacancies


def _narrow_by_address(zip_code: str, address: str, districts: list[District]) -> tuple[list[District], str]:
    """The ZIP's districts that the address lies in; all of them, flagged, when the geocoder cannot tell."""
    located = geocoder.districts_for_address(f"{address.strip()}, {zip_code}")
    if not located:
        return districts, "zip_fallback"
    narrowed = [d for d in districts if (d.state, d.district) in {(g.state, g.district) for g in located}]
    if not narrowed:  # the address geocoded outside this ZIP's districts: trust the address
        narrowed = sorted({District(g.state, g.district) for g in located})
    return narrowed, "address"


def lookup(*, zip_code: str, address: str | None = None) -> LookupResult:
    zip_code = normalize_zip(zip_code)
    districts = districts_for_zip(zip_code)
    if not districts:
        raise LookupRefused(
            "not_found",
            _("We could not find ZIP code %(zip)s. PO-box-only ZIP codes have no district; "
              "try the ZIP code of your home address.") % {"zip": zip_code},
        )
    matched_by = "zip"
    if address and address.strip() and len(districts) > 1:
        if len(address) > 200:
            raise LookupRefused("invalid", _("That address is too long."))
        districts, matched_by = _narrow_by_address(zip_code, address, districts)
    members, vacancies = members_for_districts(districts)
    return LookupResult(
        zip_code=zip_code,
        districts=districts,
        needs_address=len(districts) > 1,
        members=members,
        vacancies=vacancies,
        matched_by=matched_by,
    )
