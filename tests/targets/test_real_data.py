"""The real shared/data files, when this checkout sits beside them: everything loads and every ZIP resolves."""

import csv
import os
import time
from collections import defaultdict
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db.models import Count

from targets.lookup import lookup
from targets.models import Target, ZipDistrict

DATA = Path(os.environ.get("SHARED_DATA_DIR") or Path(__file__).resolve().parents[3] / "shared" / "data")
VACANT_IN_SNAPSHOT = {("CA", 14), ("FL", 20), ("GA", 13), ("TX", 23)}  # per shared/data/README.md

pytestmark = [pytest.mark.django_db, pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} is not here")]


def districts_in_files() -> dict[str, set]:
    zips: dict[str, set] = defaultdict(set)
    for name in ("zccd.csv", "zccd_territories_supplement.csv"):
        for row in csv.DictReader((DATA / "zip-district" / name).open()):
            zips[row["zcta"].zfill(5)].add((row["state_abbr"], int(row["cd"])))
    return zips


def test_the_real_data_loads_in_well_under_a_minute_and_every_zip_resolves():
    began = time.monotonic()
    call_command("sync_targets", "--data-dir", str(DATA), stdout=StringIO())
    elapsed = time.monotonic() - began
    second = StringIO()
    call_command("sync_targets", "--data-dir", str(DATA), stdout=second)

    assert elapsed < 45
    assert "no changes" in second.getvalue()
    assert Target.objects.filter(kind="member", is_active=True).count() == 537
    assert Target.objects.filter(kind="member", chamber="senate").count() == 100
    expected = districts_in_files()
    per_zip = dict(ZipDistrict.objects.values("zcta").annotate(n=Count("id")).values_list("zcta", "n"))
    assert len(per_zip) == len(expected) > 33_700
    assert sum(1 for n in per_zip.values() if n > 1) == sum(1 for d in expected.values() if len(d) > 1)
    assert sum(1 for n in per_zip.values() if n == 1) == sum(1 for d in expected.values() if len(d) == 1)
    # Every district any ZIP points to has its member, or is one of the snapshot's vacant seats:
    seats = set(ZipDistrict.objects.values_list("state", "district").distinct())
    members = set(Target.objects.filter(kind="member", chamber="house", is_active=True)
                  .values_list("state", "district"))
    assert seats - members == VACANT_IN_SNAPSHOT
    manhattan = lookup(zip_code="10001")
    assert {d.label for d in manhattan.districts} >= {"NY-12"}
    assert [t.title for t in manhattan.senators] == ["Senator", "Senator"]
    assert [t.title for t in lookup(zip_code="96910").members] == ["Delegate"]
    assert lookup(zip_code="05401").districts[0].label == "VT-AL"
    assert lookup(zip_code="20001").members[0].title == "Delegate" and not lookup(zip_code="20001").senators
