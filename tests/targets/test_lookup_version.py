"""The lookup data version is read from the cache at most once a second per process (targets/lookup.py), yet a
sync in this process is seen by the next lookup at once: bump_lookup_version forgets the copy it kept."""

import pytest

from targets.lookup import lookup
from targets.models import ZipDistrict
from targets.sync.run import bump_lookup_version

pytestmark = pytest.mark.django_db


def test_a_data_change_this_process_syncs_is_answered_at_once(targets):
    assert [d.label for d in lookup(zip_code="10002").districts] == ["NY-10"]
    ZipDistrict.objects.filter(zcta="10002").update(district=12)
    assert [d.label for d in lookup(zip_code="10002").districts] == ["NY-10"]  # cached until a sync says otherwise

    bump_lookup_version()
    assert [d.label for d in lookup(zip_code="10002").districts] == ["NY-12"]
