"""A local action at New York City's ICE field office, as several page tests need one."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from advocacy.events.models import Event, IceLocation
from targets.models import ZipCentroid


def nyc_field_office_event(campaign, **fields) -> Event:
    """An approved event two days ahead at the field office, findable from ZIP 10001; `fields` override."""
    ZipCentroid.objects.update_or_create(zcta="10001", defaults={"latitude": 40.750742, "longitude": -73.996530})
    site = IceLocation.objects.create(key="ero-nyc", kind="field_office", name="NEW YORK CITY FIELD OFFICE",
                                      address="26 FEDERAL PLAZA", city="NEW YORK", state="NY", zip_code="10278",
                                      latitude=40.71, longitude=-74.0)
    values = {"title": "Vigil", "description": "Candles.", "host_name": "Rosa", "host_email": "rosa@example.org",
              "starts_at": timezone.now() + dt.timedelta(days=2), "status": "approved", "zip_code": "10278",
              "latitude": 40.71, "longitude": -74.0, **fields}
    return Event.objects.create(campaign=campaign, ice_location=site, **values)
