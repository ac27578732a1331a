"""The pre-flight check: every target a campaign can reach, where its data came from and when, and what is
wrong before the action window opens (vacant seats, members with no phone or no district office, role seats
nobody holds, fixed targets past `valid_until` or unverified for 90 days, states with no district plan for the
Congress in effect). `check_campaign <slug>` prints it; the organizer page shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from advocacy.campaigns.models import Campaign, CampaignTarget
from advocacy.campaigns.selectors import targets_for_role
from targets.congress import congress_in_effect
from targets.models import DistrictOffice, DistrictPlan, SourceLoad, Target, ZipDistrict

UNVERIFIED_AFTER = timedelta(days=90)


@dataclass
class PreflightRow:
    line: str  # the campaign line that reaches it
    label: str  # the target, or the seat nobody holds
    source: str = ""
    data_date: str = ""  # when its data was loaded or last verified
    problems: list[str] = field(default_factory=list)
    target: Target | None = None


@dataclass
class Preflight:
    campaign: Campaign
    congress: int
    rows: list[PreflightRow]

    @property
    def problems(self) -> list[PreflightRow]:
        return [row for row in self.rows if row.problems]


def _loaded(name: str, loads: dict[str, SourceLoad]) -> tuple[str, str]:
    load = loads.get(name)
    if load is None:
        return name, "never loaded"
    return f"{name} {load.version}", f"{load.loaded_at:%Y-%m-%d}"


def _member_row(line: str, target: Target, offices: set[int], loads: dict) -> PreflightRow:
    source, loaded = _loaded("legislators", loads)
    row = PreflightRow(line=line, label=f"{target} ({target.state}"
                       f"{'' if target.district is None else f'-{target.district}'})", source=source,
                       data_date=loaded, target=target)
    if not target.phone:
        row.problems.append("no phone: reached through the Capitol switchboard")
    if target.pk not in offices:
        row.problems.append("no district office")
    return row


def _fixed_row(line: str, target: Target, today: date, loads: dict) -> PreflightRow:
    row = PreflightRow(line=line, label=str(target) or target.key, source=target.source[:120] or "fixed_targets",
                       data_date=f"verified {target.verified_on or 'never'}", target=target)
    if not target.is_active:
        row.problems.append("retired: no longer in the data")
    if not target.phone and not target.contact_form and not target.email:
        row.problems.append("no phone, form or email")
    if target.valid_until and target.valid_until < today:
        row.problems.append(f"past valid_until ({target.valid_until})")
    if target.verified_on is None or today - target.verified_on > UNVERIFIED_AFTER:
        row.problems.append("not verified in the last 90 days")
    return row


def _seat_rows(line: str, chamber: str, congress: int) -> list[PreflightRow]:
    """Vacant seats: House seats of the plan in effect with no member; states with fewer than two senators."""
    members = Target.objects.filter(kind=Target.Kind.MEMBER, is_active=True, chamber=chamber)
    if chamber == Target.Chamber.HOUSE:
        seats = set(ZipDistrict.objects.filter(congress=congress).values_list("state", "district").distinct())
        empty = sorted(seats - set(members.values_list("state", "district")))
        return [PreflightRow(line=line, label=f"{state}-{'AL' if n == 0 else n}", problems=["vacant seat"])
                for state, n in empty]
    states = set(ZipDistrict.objects.filter(congress=congress).exclude(
        state__in=["DC", "PR", "GU", "VI", "AS", "MP"]).values_list("state", flat=True).distinct())
    held = list(members.values_list("state", flat=True))
    return [PreflightRow(line=line, label=f"Senate, {state}", problems=[f"{2 - held.count(state)} vacant seat(s)"])
            for state in sorted(states) if held.count(state) < 2]


def _plan_rows(line: str, congress: int) -> list[PreflightRow]:
    older = set(ZipDistrict.objects.filter(congress__lt=congress).values_list("state", flat=True).distinct())
    planned = set(DistrictPlan.objects.filter(congress=congress).values_list("state", flat=True))
    missing = sorted(older - planned)
    if not missing:
        return []
    return [PreflightRow(line=line, label=f"district plans, {congress}th Congress", problems=[
        f"no plan loaded for {', '.join(missing)}: supporters there are asked for a street address"])]


def _line_rows(line: CampaignTarget, today: date, congress: int, offices: set[int], loads: dict) -> list:
    name = str(line)
    if line.source in (CampaignTarget.Source.OWN_HOUSE, CampaignTarget.Source.OWN_SENATORS):
        chamber = Target.Chamber.HOUSE if line.source == CampaignTarget.Source.OWN_HOUSE else Target.Chamber.SENATE
        members = Target.objects.filter(kind=Target.Kind.MEMBER, is_active=True, chamber=chamber)
        rows = [_member_row(name, t, offices, loads) for t in members.order_by("state", "district", "name")]
        plans = _plan_rows(name, congress) if chamber == Target.Chamber.HOUSE else []
        return plans + _seat_rows(name, chamber, congress) + rows
    if line.source == CampaignTarget.Source.FIXED and line.target is not None:
        if line.target.kind == Target.Kind.MEMBER:
            return [_member_row(name, line.target, offices, loads)]
        return [_fixed_row(name, line.target, today, loads)]
    holders = targets_for_role(line.role) if line.role else []
    if not holders:
        return [PreflightRow(line=name, label=line.role or "(no role)", problems=["nobody holds this role"])]
    return [_member_row(name, t, offices, loads) for t in holders]


def campaign_preflight(*, campaign: Campaign, today: date | None = None) -> Preflight:
    today = today or timezone.localdate()
    congress = congress_in_effect()
    loads = {load.name: load for load in SourceLoad.objects.all()}
    offices = set(DistrictOffice.objects.values_list("target_id", flat=True).distinct())
    rows: list[PreflightRow] = []
    for line in campaign.target_lines.select_related("target").all():
        rows += _line_rows(line, today, congress, offices, loads)
    return Preflight(campaign=campaign, congress=congress, rows=rows)
