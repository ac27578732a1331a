"""The one lookup service: from a ZIP (and, when needed, a street address) to districts and members.

Web pages, the JSON API, the phone keypad flow and the email flow all call `lookup()`, and all get its cached
ZIP answers. It answers for the Congress in effect at the request's moment (targets.congress): the ZIP table of
that Congress's district plan, and the geocoder asked for that Congress's layer. A state whose plan for that
Congress is not loaded has no ZIP answer: the supporter is asked for a street address instead of being matched
from an old map. Errors a supporter can cause come back as LookupRefused (a common Refused) with a code and a
message, never a 500.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.utils.translation import gettext as _

from advocacy.providers import geocoder
from common.local_copies import LocalCopies
from common.refusals import Refused
from targets.congress import congress_in_effect
from targets.models import DistrictPlan, Target, ZipDistrict

LOOKUP_VERSION_KEY = "lookup-version"
# The data version is read from the shared cache at most once a second per process: another process's sync is
# seen within a second; this process's own sync (bump_lookup_version) forgets it at once.
LOOKUP_VERSION_SECONDS = 1.0
_version: list = [None, 0.0]  # [version, when read (time.monotonic())]
# The answers this process read, by the same versioned key (common/local_copies.py): a warm lookup unpickles no
# members (a fifth of a call request's CPU on the local-memory cache) and, on Redis, makes no round trip.
_local_answers = LocalCopies(4096)
ZIP_PATTERN = re.compile(r"^\s*(\d{5})(?:-\d{4})?\s*$")


@dataclass(frozen=True, order=True)
class District:
    state: str
    district: int  # 0 = at-large
    share: float | None = field(default=None, compare=False)  # its part of the ZIP (0-1), when known

    @property
    def label(self) -> str:
        return f"{self.state}-{'AL' if self.district == 0 else self.district}"


@dataclass
class LookupResult:
    zip_code: str
    districts: list[District]  # the largest share first when shares are known
    needs_address: bool
    members: list[Target] = field(default_factory=list)  # House member(s), then senators, deduplicated
    vacancies: list[District] = field(default_factory=list)  # House seats with nobody sitting
    matched_by: str = "zip"  # "zip", "address", or "zip_fallback" when the geocoder failed
    congress: int = 0
    # States this ZIP reaches whose district plan for `congress` is not loaded: no House member is guessed
    # there; the senators are listed and the supporter is asked for a street address.
    unmapped_states: list[str] = field(default_factory=list)
    po_box: bool = False  # a ZIP with no ZCTA (PO boxes only): the state from its prefix, the House from an address

    @property
    def house_members(self) -> list[Target]:
        return [t for t in self.members if t.chamber == Target.Chamber.HOUSE]

    @property
    def senators(self) -> list[Target]:
        return [t for t in self.members if t.chamber == Target.Chamber.SENATE]

    @property
    def states(self) -> list[str]:
        """Every state this answer reaches (a PO-box ZIP: the state of its 3-digit prefix only)."""
        return sorted({d.state for d in self.districts} | set(self.unmapped_states))

    @property
    def senators_first(self) -> list[Target]:
        """For a choice on the phone keypad: the senators (always right for the state), then the House."""
        return self.senators + self.house_members

    @property
    def largest_district(self) -> District | None:
        """For a split ZIP with shares: the district holding most of it ("most of 43125 is in OH-15")."""
        if len(self.districts) > 1 and (self.districts[0].share or 0) > 0.5:
            return self.districts[0]
        return None


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


def _by_share(district: District) -> tuple:
    return (-(district.share or 0.0), district.state, district.district)


def districts_for_zip(zip_code: str, congress: int) -> tuple[list[District], list[str]]:
    """The ZIP's districts in `congress`'s plan, largest share first, and the states it reaches (in any
    earlier plan) whose plan for `congress` is not loaded."""
    rows = ZipDistrict.objects.filter(zcta=zip_code, congress=congress).values_list("state", "district", "share")
    districts = sorted({District(state, number, share) for state, number, share in rows}, key=_by_share)
    older = set(ZipDistrict.objects.filter(zcta=zip_code, congress__lt=congress)
                .values_list("state", flat=True).distinct())
    planned = set(DistrictPlan.objects.filter(congress=congress, state__in=older).values_list("state", flat=True))
    return districts, sorted(older - planned)


def members_for_districts(districts: list[District], extra_states: list[str] = ()) -> tuple[
        list[Target], list[District]]:
    """House members of each district, then the senators of each state, and the vacant House seats."""
    states = sorted({d.state for d in districts} | set(extra_states))
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


def _narrow_by_address(zip_code: str, address: str, districts: list[District], unmapped: list[str],
                       congress: int) -> tuple[list[District], list[str], str]:
    """The ZIP's districts that the address lies in (per the geocoder's layer for `congress`); all of them,
    flagged, when the geocoder cannot tell."""
    located = geocoder.districts_for_address(f"{address.strip()}, {zip_code}", congress=congress)
    if not located:
        return districts, unmapped, "zip_fallback"
    found = {(g.state, g.district) for g in located}
    narrowed = [d for d in districts if (d.state, d.district) in found]
    narrowed += sorted(District(state, number) for state, number in found if state in unmapped)
    if not narrowed:  # the address geocoded outside this ZIP's districts: trust the address
        narrowed = sorted(District(state, number) for state, number in found)
    return narrowed, [s for s in unmapped if s not in {state for state, _ in found}], "address"


def state_of_prefix(zip_code: str, congress: int) -> str:
    """The one state whose ZCTAs share this ZIP's 3-digit prefix ("100" → NY), "" when none or several: a
    PO-box-only ZIP has no ZCTA, but the Postal Service assigns each prefix to one sectional center in one state."""
    states = set(ZipDistrict.objects.filter(zcta__startswith=zip_code[:3], congress=congress)
                 .values_list("state", flat=True).distinct()[:2])
    return states.pop() if len(states) == 1 else ""


def _locate(zip_code: str, address: str | None, congress: int) -> LookupResult:
    districts, unmapped = districts_for_zip(zip_code, congress)
    po_box = not districts and not unmapped
    if po_box and (state := state_of_prefix(zip_code, congress)):
        unmapped = [state]  # a PO-box ZIP: the state's senators now, the House member once we have an address
    if not districts and not unmapped:
        raise LookupRefused(
            "not_found",
            _("We could not find ZIP code %(zip)s. PO-box-only ZIP codes have no district; "
              "try the ZIP code of your home address.") % {"zip": zip_code},
        )
    matched_by = "zip"
    if address and address.strip() and (len(districts) > 1 or unmapped):
        if len(address) > 200:
            raise LookupRefused("invalid", _("That address is too long."))
        districts, unmapped, matched_by = _narrow_by_address(zip_code, address, districts, unmapped, congress)
    members, vacancies = members_for_districts(districts, unmapped)
    return LookupResult(zip_code=zip_code, districts=districts, needs_address=len(districts) > 1 or bool(unmapped),
                        members=members, vacancies=vacancies, matched_by=matched_by, congress=congress,
                        unmapped_states=unmapped, po_box=po_box and matched_by == "zip")


def lookup_cache_key(zip_code: str, congress: int) -> str:
    """The cache key of a ZIP-only answer: sync_targets bumps the version when it changes anything."""
    return f"lookup:{lookup_version()}:{congress}:{zip_code}"


def lookup_version() -> int:
    version, read_at = _version
    if version is None or time.monotonic() - read_at > LOOKUP_VERSION_SECONDS:
        version = cache.get_or_set(LOOKUP_VERSION_KEY, 1, timeout=None)
        _version[:] = [version, time.monotonic()]
    return version


def forget_lookup_version() -> None:
    """Forget this process's copy of the version, and the answers it read under it."""
    _version[:] = [None, 0.0]
    _local_answers.clear()


def lookup(*, zip_code: str, address: str | None = None, at: datetime | None = None) -> LookupResult:
    """A supporter's districts and members for the Congress in effect at `at` (default: now). ZIP-only answers
    are cached per Congress until sync_targets changes the data (it bumps the version in the key)."""
    zip_code = normalize_zip(zip_code)
    congress = congress_in_effect(at)
    if address and address.strip():
        return _locate(zip_code, address, congress)
    return _local_answers.read_through(lookup_cache_key(zip_code, congress),
                                       lambda: _locate(zip_code, None, congress), settings.LOOKUP_CACHE_SECONDS)
