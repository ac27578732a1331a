"""Downloads go through advocacy/providers/downloads.py, tested against a real HTTP file host (tests/fakes)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from advocacy.events.models import IceLocation
from advocacy.providers.downloads import SourceUnavailable, read_text
from tests.fakes.downloads import FakeFileHost

pytestmark = pytest.mark.django_db

OFFICES = ("aor_code,field_office,office_name,address,city,state,zip,phone,outreach_email,area_of_responsibility,"
           "latitude,longitude,contact_source,address_source\n"
           "NEW,Newark,Newark Field Office,970 Broad St,Newark,NJ,07102,(973) 645-3666,x,NJ,40.73,-74.17,s,s\n")
FACILITIES = ("name,address,city,state,zip,aor_code,type_detailed,gender,fy26_adp_total,fy26_alos_days,"
              "guaranteed_minimum,last_inspection_type,last_inspection_end_date,last_inspection_standard,"
              "last_final_rating,zcta_centroid_lat,zcta_centroid_lon\n"
              "DELANEY HALL,451 DOREMUS AVE,NEWARK,NJ,07105,NEW,CDF,Male,900,30,1000,ODO,2025-01-01,NDS,Pass,40.72,"
              "-74.14\n")


@pytest.fixture
def ice_host(tmp_path):
    (tmp_path / "ice").mkdir()
    (tmp_path / "ice" / "ero_field_offices.csv").write_text(OFFICES)
    (tmp_path / "ice" / "ice_detention_facilities_fy26.csv").write_text(FACILITIES)
    with FakeFileHost(tmp_path) as host:
        yield host


def test_ice_locations_download_over_http(ice_host, settings):
    settings.ICE_DATA_URL = ice_host.url + "/"
    call_command("sync_ice_locations", stdout=open("/dev/null", "w"))
    assert IceLocation.objects.count() == 2
    assert [r["path"] for r in ice_host.requests] == ["/ice/ero_field_offices.csv",
                                                      "/ice/ice_detention_facilities_fy26.csv"]


def test_a_failed_download_is_reported_and_loads_nothing(ice_host, settings):
    settings.ICE_DATA_URL = ice_host.url
    ice_host.fail("/ice/ice_detention_facilities_fy26.csv", status=503)
    with pytest.raises(CommandError, match="503"):
        call_command("sync_ice_locations", stdout=open("/dev/null", "w"))
    assert IceLocation.objects.count() == 0  # the offices' rows rolled back with the failed facilities


def test_a_missing_file_is_a_clear_error(ice_host, settings):
    settings.ICE_DATA_URL = ice_host.url + "/nowhere"
    with pytest.raises(CommandError, match="404"):
        call_command("sync_ice_locations", stdout=open("/dev/null", "w"))


def test_the_adapter_reads_text_and_names_the_failure(tmp_path):
    (tmp_path / "zccd.csv").write_text("state_fips,state_abbr,zcta,cd\n36,NY,10001,12\n")
    with FakeFileHost(tmp_path) as host:
        assert read_text(relative_path="zccd.csv", url=f"{host.url}/zccd.csv").endswith("10001,12\n")
        host.fail("/zccd.csv", status=500)
        with pytest.raises(SourceUnavailable, match="500"):
            read_text(relative_path="zccd.csv", url=f"{host.url}/zccd.csv")
    with pytest.raises(SourceUnavailable, match="does not exist"):
        read_text(relative_path="missing.csv", data_dir=tmp_path)
