"""Official contact forms from unitedstates/contact-congress (CC0): each member's form URL, the fields it
requires, and whether the office takes messages through CWC instead (`visit: stubforcwc`).

Also sets every member's CWC office code: House `H` + state + two-digit district (at-large and delegates
`00`, e.g. HAK00, HDC00), Senate `S` + state + two-digit (class - 1), e.g. SCA00 for a class 1 senator —
the convention of EFF's congress-forms, which delivered through CWC.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from django.conf import settings

from advocacy.providers.archives import ArchiveUnavailable, text_files_in_tarball
from targets.models import Target
from targets.sync.importers import ROW_ERRORS, load_yaml
from targets.sync.sources import SourceUnavailable, read_source
from targets.sync.upsert import Counts

MEMBERS_DIR = "contact-congress/members"
STUB_FOR_CWC = "stubforcwc"
VISIT = re.compile(r"""^\s*-\s*visit:\s*["']?([^"'\s]+)""", re.MULTILINE)


def available(data_dir: Path | None) -> bool:
    """A --data-dir without contact-congress/ skips this source (older copies of shared/data lack it)."""
    return data_dir is None or (Path(data_dir) / MEMBERS_DIR).is_dir()


def read_contact_forms(data_dir: Path | None) -> dict[str, str]:
    """{bioguide: YAML text} from `<data_dir>/contact-congress/members/`, or the live repository's tarball."""
    if data_dir is not None:
        folder = Path(data_dir) / MEMBERS_DIR
        if not folder.is_dir():
            raise SourceUnavailable(f"{folder} does not exist")
        return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.yaml"))}
    try:
        files = text_files_in_tarball(settings.CONTACT_CONGRESS_TARBALL_URL, under="members", suffix=".yaml",
                                      timeout=settings.SYNC_DOWNLOAD_TIMEOUT)
    except ArchiveUnavailable as exc:
        raise SourceUnavailable(str(exc)) from exc
    if not files:
        raise SourceUnavailable("the contact-congress archive holds no members/*.yaml")
    return {name.removesuffix(".yaml"): text for name, text in files.items()}


def _form_items(steps: list) -> list[dict]:
    items = []
    for step in steps[1:]:
        for kind in ("fill_in", "select", "check", "choose"):
            items.extend(i for i in (step.get(kind) or []) if isinstance(i, dict))
    return items


def parse_form(data: dict) -> tuple[str, list[str]]:
    """(the form's URL or "stubforcwc", the $VARIABLES its required fields ask for, in form order)."""
    steps = (data.get("contact_form") or {}).get("steps") or []
    visit = str(steps[0].get("visit") or "").strip() if steps else ""
    fields: list[str] = []
    for item in _form_items(steps):
        value = str(item.get("value") or "")
        if item.get("required") and value.startswith("$") and value not in fields:
            fields.append(value)
    return visit, fields


def senate_classes(legislators_text: str | None) -> dict[str, int]:
    if not legislators_text:
        return {}
    classes = {}
    for person in load_yaml(legislators_text) or []:
        term = (person.get("terms") or [{}])[-1]
        if term.get("type") == "sen" and term.get("class"):
            classes[person["id"]["bioguide"]] = int(term["class"])
    return classes


def office_code(target: Target, senate_class: int | None) -> str:
    if target.chamber == Target.Chamber.HOUSE and target.district is not None:
        return f"H{target.state}{target.district:02d}"
    if target.chamber == Target.Chamber.SENATE and senate_class:
        return f"S{target.state}{senate_class - 1:02d}"
    return ""


def read_form(text: str | None) -> tuple[str, list[str]]:
    """A file that is not valid YAML (one upstream file today) still gives its form URL, without the fields."""
    if not text:
        return "", []
    try:
        return parse_form(load_yaml(text) or {})
    except yaml.YAMLError:
        match = VISIT.search(text)
        return (match.group(1) if match else ""), []


def _wanted(target: Target, text: str | None, senate_class: int | None) -> dict:
    visit, fields = read_form(text)
    stub = visit == STUB_FOR_CWC
    return {"official_form_url": visit if visit.startswith(("https://", "http://")) else "",
            "official_form_fields": [] if stub else fields, "takes_cwc": stub,
            "cwc_office": office_code(target, senate_class)}


def import_contact_forms(files: dict[str, str], legislators_text: str | None, counts: Counts) -> None:
    classes = senate_classes(legislators_text)
    for target in Target.objects.filter(kind=Target.Kind.MEMBER, is_active=True):
        try:
            wanted = _wanted(target, files.get(target.key), classes.get(target.key))
        except ROW_ERRORS + (ValueError,) as exc:
            counts.skip(f"{MEMBERS_DIR}/{target.key}.yaml", exc)
            continue
        changed = [name for name, value in wanted.items() if getattr(target, name) != value]
        if not changed:
            counts.unchanged += 1
            continue
        for name in changed:
            setattr(target, name, wanted[name])
        target.save(update_fields=changed)
        counts.updated += 1
    missing = Target.objects.filter(kind=Target.Kind.MEMBER, is_active=True).exclude(key__in=list(files)).count()
    if missing:
        counts.notes.append(f"{missing} current members have no contact-congress file (recent arrivals)")
    counts.notes.append(summary())


def sync_contact_forms(data_dir: Path | None, counts: Counts) -> None:
    """The sync_targets step: the forms, and the legislators file again for the senators' classes."""
    if not available(data_dir):
        counts.notes.append(f"skipped: {data_dir} has no {MEMBERS_DIR}/")
        return
    files = read_contact_forms(data_dir)
    try:
        legislators = read_source("legislators", data_dir=data_dir)
    except SourceUnavailable as exc:
        counts.notes.append(f"no senate office codes: {exc}")
        legislators = None
    import_contact_forms(files, legislators, counts)


def summary() -> str:
    members = Target.objects.filter(kind=Target.Kind.MEMBER, is_active=True)
    with_form = members.exclude(official_form_url="")
    return (f"{with_form.filter(chamber='senate').count()} senators and {with_form.filter(chamber='house').count()} "
            f"House members have an official form; {members.filter(takes_cwc=True).count()} offices are stubforcwc")
