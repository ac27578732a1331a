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


def test_the_api_answer_kept_in_process_follows_another_processs_sync(targets, client, monkeypatch):
    """A warm API answer comes from this process's memory, keyed by the data version: when another process's sync
    bumps the version in the shared cache, this process reads it on its next check and answers afresh."""
    from django.core.cache import cache

    from targets import lookup as lookup_module
    from targets import serializers

    def api_districts():
        answer = client.get("/api/v1/lookup?zip=10002").json()
        return [f"{d['state']}-{d['district']}" for d in answer["districts"]]

    assert api_districts() == ["NY-10"]
    ZipDistrict.objects.filter(zcta="10002").update(district=12)
    cache.clear()  # even with the shared cache gone, the warm answer is this process's own
    assert api_districts() == ["NY-10"] and len(serializers._local_bodies) == 1

    cache.set(lookup_module.LOOKUP_VERSION_KEY, 7, timeout=None)  # another process's sync
    monkeypatch.setattr(lookup_module, "LOOKUP_VERSION_SECONDS", 0.0)  # this process's next version check is due
    assert api_districts() == ["NY-12"]


def test_a_lookup_answer_kept_in_process_follows_another_processs_sync(targets, monkeypatch):
    """lookup() keeps the answers it read by the same versioned key: a warm one needs no shared cache, and one
    that another process's sync made stale is never answered once this process has read the new version."""
    from django.core.cache import cache

    from targets import lookup as lookup_module

    first = lookup(zip_code="10002")
    ZipDistrict.objects.filter(zcta="10002").update(district=12)
    cache.clear()  # the shared cache is gone: the warm answer is this process's own, the same object
    assert lookup(zip_code="10002") is first

    cache.set(lookup_module.LOOKUP_VERSION_KEY, 7, timeout=None)  # another process's sync
    monkeypatch.setattr(lookup_module, "LOOKUP_VERSION_SECONDS", 0.0)
    assert [d.label for d in lookup(zip_code="10002").districts] == ["NY-12"]
