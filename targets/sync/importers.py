"""One importer per source. Each runs in its own transaction (see sync.py), so a broken file leaves that
source's data as it was. Members who leave office are retired, never deleted."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import yaml
from django.utils import timezone

from targets.models import DistrictOffice, Target, TargetRole, ZipCentroid
from targets.sync.guards import refuse_shrink
from targets.sync.phones import to_e164
from targets.sync.upsert import Counts, replace_set, upsert

TERRITORIES = {"AS", "GU", "MP", "VI"}
ROW_ERRORS = (KeyError, ValueError, TypeError, IndexError, AttributeError)
SENATE_CHAIRS = {"chair", "chairman", "chairwoman"}
STALE_AFTER_DAYS = 90  # a fixed number nobody has checked for this long is flagged

try:  # the C loader reads the 1 MB legislators file several times faster
    YamlLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    YamlLoader = yaml.SafeLoader


def load_yaml(text: str):
    return yaml.load(text, Loader=YamlLoader)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _member_title(term: dict) -> str:
    if term["type"] == "sen":
        return "Senator"
    if term["state"] == "PR":
        return "Resident Commissioner"
    if term["state"] in TERRITORIES | {"DC"}:
        return "Delegate"
    return "Representative"


def _member_name(person: dict) -> str:
    name = person["name"]
    return name.get("official_full") or " ".join(p for p in (name.get("first"), name.get("last")) if p)


def _is_current(role: dict, today: date) -> bool:
    end = role.get("end")
    return not end or str(end) >= today.isoformat()


Roles = dict[tuple[int, str], tuple[str, int | None]]  # (target id, role path) -> (title, rank)


def import_legislators(text: str, counts: Counts) -> Roles:
    people = load_yaml(text)
    if not isinstance(people, list) or not people:
        raise ValueError("legislators file holds no list of people")
    today = timezone.now().date()
    seen: set[str] = set()
    leadership: Roles = {}
    for number, person in enumerate(people, start=1):
        try:
            target, term = _import_person(person, counts)
        except ROW_ERRORS as exc:
            counts.skip(f"person {number} ({_bioguide(person)})", exc)
            continue
        seen.add(target.key)
        for role in person.get("leadership_roles", []):
            if _is_current(role, today):
                path = f"leadership:{role.get('chamber', term['type'])}:{slug(role['title'])}"
                leadership[(target.pk, path)] = (role["title"], None)
    # a truncated file must not retire most of Congress (the transaction undoes this run's writes)
    refuse_shrink("members", len(seen), Target.objects.filter(kind=Target.Kind.MEMBER, is_active=True).count())
    gone = Target.objects.filter(kind=Target.Kind.MEMBER, is_active=True).exclude(key__in=seen)
    counts.retired += gone.update(is_active=False, retired_at=timezone.now())
    return leadership


def _bioguide(person) -> str:
    try:
        return person["id"]["bioguide"]
    except (KeyError, TypeError):
        return "no bioguide id"


def _import_person(person: dict, counts: Counts) -> tuple[Target, dict]:
    bioguide = person["id"]["bioguide"]
    term = person["terms"][-1]
    if term["type"] not in ("sen", "rep") or len(term["state"]) != 2:
        raise ValueError(f"unexpected term {term.get('type')!r} in {term.get('state')!r}")
    values = {
        "kind": Target.Kind.MEMBER,
        "name": _member_name(person),
        "title": _member_title(term),
        "chamber": Target.Chamber.SENATE if term["type"] == "sen" else Target.Chamber.HOUSE,
        "state": term["state"],
        "district": term.get("district") if term["type"] == "rep" else None,
        "party": term.get("party", ""),
        "phone": to_e164(term.get("phone")),
        "address": term.get("address", "") or "",
        "url": term.get("url", "") or "",
        "contact_form": term.get("contact_form", "") or "",
        "is_active": True,
        "retired_at": None,
        "source": "unitedstates/congress-legislators legislators-current",
    }
    return upsert(Target, {"key": bioguide}, values, counts), term


def committee_roles(membership_text: str, committees_text: str) -> Roles:
    membership = load_yaml(membership_text)
    if not isinstance(membership, dict):
        raise ValueError("the committee membership file holds no mapping of committees to seats")
    committees = load_yaml(committees_text) or []
    names: dict[str, str] = {}
    for committee in committees:
        names[committee["thomas_id"]] = committee["name"]
        for sub in committee.get("subcommittees", []):
            names[committee["thomas_id"] + sub["thomas_id"]] = f"{committee['name']}, {sub['name']} Subcommittee"
    targets = dict(Target.objects.filter(kind=Target.Kind.MEMBER).values_list("key", "pk"))
    wanted: Roles = {}
    for committee_id, seats in membership.items():
        for seat in seats:
            target_id = targets.get(seat.get("bioguide"))
            if target_id is None:
                continue
            title = (seat.get("title") or "").strip()
            kind = "chair" if title.lower() in SENATE_CHAIRS else slug(title) or "member"
            label = f"{title or 'Member'}, {names.get(committee_id, committee_id)}"
            wanted[(target_id, f"committee:{committee_id}:{kind}")] = (label[:300], seat.get("rank"))
    return wanted


def import_committee_roles(membership_text: str, committees_text: str, counts: Counts) -> Roles:
    roles = committee_roles(membership_text, committees_text)
    refuse_shrink("committee seats", len(roles), TargetRole.objects.filter(role__startswith="committee:").count())
    counts.notes.append(f"{len(roles)} committee seats found (written in the roles step)")
    return roles


def existing_roles(prefix: str) -> Roles:
    return {
        (t, r): (title, rank)
        for t, r, title, rank in TargetRole.objects.filter(role__startswith=prefix).values_list(
            "target_id", "role", "title", "rank")
    }


def replace_roles(wanted: Roles, counts: Counts) -> None:
    replace_set(TargetRole, key_fields=("target_id", "role"), value_fields=("title", "rank"), wanted=wanted,
                counts=counts)


def import_district_offices(text: str, counts: Counts) -> None:
    people = load_yaml(text) or []
    targets = dict(Target.objects.filter(kind=Target.Kind.MEMBER).values_list("key", "pk"))
    wanted: dict[tuple, tuple] = {}
    for number, person in enumerate(people, start=1):
        try:
            target_id = targets.get(person["id"]["bioguide"])
            if target_id is None:
                continue
            for office in person.get("offices", []):
                parts = (office.get("address"), office.get("suite"), office.get("building"))
                address = " ".join(str(p) for p in parts if p)
                latitude, longitude = office.get("latitude"), office.get("longitude")
                wanted[(office["id"],)] = (
                    target_id, address[:300], office.get("city", "") or "", office.get("state", "") or "",
                    str(office.get("zip", "") or ""), to_e164(office.get("phone")),
                    None if latitude is None else float(latitude), None if longitude is None else float(longitude),
                )
        except ROW_ERRORS as exc:
            counts.skip(f"entry {number} ({_bioguide(person)})", exc)
    refuse_shrink("district offices", len(wanted), DistrictOffice.objects.count())
    replace_set(DistrictOffice, key_fields=("office_id",),
                value_fields=("target_id", "address", "city", "state", "zip_code", "phone", "latitude", "longitude"),
                wanted=wanted, counts=counts)


def import_zip_centroids(text: str, counts: Counts) -> None:
    wanted = {}
    reader = csv.DictReader(io.StringIO(text))
    for row in reader:
        try:
            latitude, longitude = float(row["LAT"]), float(row["LONG"])
            if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                raise ValueError(f"not a coordinate: {latitude}, {longitude}")
            wanted[(row["GEOID"].strip().zfill(5),)] = (latitude, longitude)
        except ROW_ERRORS as exc:
            counts.skip(f"line {reader.line_num}", exc)
    if len(wanted) < 100:
        raise ValueError(f"the centroid file has only {len(wanted)} rows; refusing to replace the table")
    replace_set(ZipCentroid, key_fields=("zcta",), value_fields=("latitude", "longitude"), wanted=wanted,
                counts=counts)


def import_fixed_targets(text: str, counts: Counts) -> Roles:
    """Executive offices and the switchboard become targets; leadership and committee chairs become roles."""
    data = load_yaml(text) or {}
    today = timezone.now().date()
    for section, kind in (("executive", Target.Kind.EXECUTIVE), ("congress_general", Target.Kind.OTHER)):
        for entry in data.get(section, []):
            phone = to_e164(entry.get("phone"))
            url = entry.get("url") or entry.get("contact_page") or ""
            if not phone and not url:
                continue
            dates = _entry_dates(entry, data)
            upsert(Target, {"key": entry["id"]}, {
                "kind": kind, "name": entry["name"], "title": "", "chamber": "", "state": "", "district": None,
                "party": "", "phone": phone, "address": entry.get("mailing_address", "") or "", "url": url,
                "contact_form": entry.get("url", "") if not phone else "", "email": entry.get("email", "") or "",
                "is_active": True, "retired_at": None, "source": str(entry.get("source", ""))[:500], **dates,
            }, counts)
            _warn_if_stale(entry, dates, today, counts)
    members = dict(Target.objects.filter(kind=Target.Kind.MEMBER, is_active=True).values_list("key", "pk"))
    roles: Roles = {}
    for leader in data.get("congressional_leadership", []):
        target_id = members.get(leader.get("bioguide"))
        if target_id is None:
            counts.notes.append(f"leader {leader.get('name')} ({leader.get('bioguide')}) is not a current member")
            continue
        role = f"leadership:{leader['chamber']}:{slug(leader['role'])}"
        roles[(target_id, role)] = (leader["role"], None)
    for committee in data.get("committees", []):
        for rank, leader in enumerate(committee.get("leaders", []), start=1):
            target_id = members.get(leader.get("bioguide"))
            if target_id is None:
                counts.notes.append(f"{leader.get('name')} of {committee['committee_id']} is not a current member")
                continue
            title = leader.get("committee_title", "")
            kind = "chair" if title.lower() in SENATE_CHAIRS else slug(title)
            roles[(target_id, f"committee:{committee['committee_id']}:{kind}")] = (
                f"{title}, {committee['name']}"[:300], rank)
    return roles


def _as_date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _entry_dates(entry: dict, data: dict) -> dict:
    """An entry's `valid_until` and `verified_on`, or the file's own top-level ones."""
    return {name: _as_date(entry.get(name, data.get(name))) for name in ("valid_until", "verified_on")}


def _warn_if_stale(entry: dict, dates: dict, today: date, counts: Counts) -> None:
    if dates["valid_until"] and dates["valid_until"] < today:
        counts.notes.append(f"WARNING: fixed target {entry['id']} was valid until {dates['valid_until']}; "
                            "check it and update fixed_targets.yaml")
    if dates["verified_on"] is None or (today - dates["verified_on"]).days > STALE_AFTER_DAYS:
        counts.notes.append(f"WARNING: fixed target {entry['id']} not verified in the last {STALE_AFTER_DAYS} "
                            f"days (verified_on: {dates['verified_on'] or 'never'})")
