"""The real shared/data files, when this checkout sits beside them."""

from pathlib import Path

import pytest
from django.core.management import call_command

from targets.lookup import lookup
from targets.models import Target

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"

pytestmark = [pytest.mark.django_db, pytest.mark.skipif(not DATA.is_dir(), reason=f"{DATA} is not here")]


def test_real_data_imports_and_answers_known_zips():
    call_command("sync_targets", "--data-dir", str(DATA), stdout=open("/dev/null", "w"))

    assert Target.objects.filter(kind="member", chamber="senate", is_active=True).count() == 100
    manhattan = lookup(zip_code="10001")
    assert {d.label for d in manhattan.districts} >= {"NY-12"}
    assert [t.title for t in manhattan.senators] == ["Senator", "Senator"]
    assert [t.title for t in lookup(zip_code="96910").members] == ["Delegate"]
    assert lookup(zip_code="05401").districts[0].label == "VT-AL"
