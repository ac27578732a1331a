"""Host → approve → find → RSVP, through the pages, the admin action and the API."""

import datetime as dt
import math

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from advocacy.events.models import Event, IceLocation, Rsvp
from advocacy.events.services import approve_event
from targets.models import ZipCentroid

pytestmark = pytest.mark.django_db

# Hand-computed: the haversine distance between the two ZIP points below, R = 3958.8 miles.
HOME = ("10001", 40.750742, -73.996530)
NEWARK = ("07102", 40.735657, -74.172367)
PHILADELPHIA = ("19106", 39.947240, -75.147640)


def hand_distance(a, b) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[1], a[2], b[1], b[2]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 3958.8 * math.asin(math.sqrt(h))


@pytest.fixture
def places(campaign):
    for zcta, lat, lon in (HOME, NEWARK, PHILADELPHIA):
        ZipCentroid.objects.update_or_create(zcta=zcta, defaults={"latitude": lat, "longitude": lon})
    return IceLocation.objects.create(key="ero-new", kind="field_office", name="Newark Field Office",
                                      address="970 Broad St", city="Newark", state="NJ", zip_code="07102",
                                      latitude=NEWARK[1], longitude=NEWARK[2])


def host_form(**overrides):
    day = (timezone.now() + dt.timedelta(days=3)).date().isoformat()
    data = {"host_name": "Rosa", "host_email": "rosa@example.org", "organization": "Cosecha", "title": "Vigil",
            "description": "Bring candles.", "date": day, "start_time": "18:00", "end_time": "20:00",
            "time_zone": "America/New_York", "zip": "", "address": "", "capacity": "2"}
    data.update(overrides)
    return data


def test_host_approve_find_and_rsvp(client, campaign, places, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "anymail.backends.test.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/c/{campaign.slug}/events/host/", host_form(ice_location=str(places.pk)))
    event = Event.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/events/manage/{event.manage_token}/"
    assert event.status == "pending" and event.zip_code == "07102"
    assert mail.outbox[-1].to == ["rosa@example.org"] and "received" in mail.outbox[-1].subject
    assert client.get(f"/c/{campaign.slug}/events/{event.pk}/").status_code == 404  # not listed before approval

    with django_capture_on_commit_callbacks(execute=True):
        approve_event(event=event)
        approve_event(event=event)
    assert [m.subject for m in mail.outbox].count("Your event is approved: Vigil") == 1

    page = client.get(f"/c/{campaign.slug}/events/", {"zip": "10001", "radius": "25"}).content.decode()
    assert "Vigil" in page and f"{hand_distance(HOME, NEWARK):.1f} miles away" in page

    with django_capture_on_commit_callbacks(execute=True):
        ok = client.post(f"/c/{campaign.slug}/events/{event.pk}/", {"name": "Ana", "email": "ana@example.org",
                                                                   "zip": "10001"})
    assert ok.status_code == 200 and "You're going!" in ok.content.decode()
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["ana@example.org"]
    assert confirmation.attachments[0][0] == "event.ics" and "BEGIN:VEVENT" in confirmation.attachments[0][1]

    manage = client.get(f"/events/manage/{event.manage_token}/").content.decode()
    assert "ana@example.org" in manage
    csv_body = b"".join(client.get(f"/events/manage/{event.manage_token}/rsvps.csv").streaming_content).decode()
    assert csv_body.splitlines()[1].startswith("Ana,ana@example.org,10001,")
    public = client.get(f"/c/{campaign.slug}/events/{event.pk}/").content.decode()
    assert "ana@example.org" not in public and "rosa@example.org" not in public


def approved(campaign, **fields) -> Event:
    starts = timezone.now() + dt.timedelta(days=2)
    defaults = {"campaign": campaign, "title": "Rally", "description": "x", "host_name": "H",
                "host_email": "h@example.org", "starts_at": starts, "status": "approved"}
    defaults.update(fields)
    return Event.objects.create(**defaults)


def test_distance_search_matches_hand_computed_distances_and_radius(client, campaign, places):
    approved(campaign, title="Newark", zip_code="07102", latitude=NEWARK[1], longitude=NEWARK[2])
    approved(campaign, title="Philly", zip_code="19106", latitude=PHILADELPHIA[1], longitude=PHILADELPHIA[2])
    approved(campaign, title="Zoom", is_online=True, online_url="https://meet.example/x")
    approved(campaign, title="Pending", zip_code="07102", latitude=NEWARK[1], longitude=NEWARK[2], status="pending")

    near = client.get(f"/api/v1/campaigns/{campaign.slug}/events", {"zip": "10001", "radius": "25"}).json()
    far = client.get(f"/api/v1/campaigns/{campaign.slug}/events", {"zip": "10001", "radius": "100"}).json()

    assert [(e["title"], e["miles"]) for e in near["events"]] == [("Newark", round(hand_distance(HOME, NEWARK), 1))]
    assert [(e["title"], e["miles"]) for e in far["events"]] == [
        ("Newark", round(hand_distance(HOME, NEWARK), 1)), ("Philly", round(hand_distance(HOME, PHILADELPHIA), 1))]
    assert 9.0 < hand_distance(HOME, NEWARK) < 9.5 and 82 < hand_distance(HOME, PHILADELPHIA) < 82.5
    assert [e["title"] for e in near["online"]] == ["Zoom"]
    assert "host_email" not in str(near) and "h@example.org" not in str(near)


def test_capacity_duplicates_and_bad_input(client, campaign, places):
    event = approved(campaign, capacity=1, zip_code="07102", latitude=NEWARK[1], longitude=NEWARK[2])
    url = f"/api/v1/campaigns/{campaign.slug}/events/{event.pk}/rsvps"

    first = client.post(url, {"name": "A", "email": "a@example.org"}, content_type="application/json")
    again = client.post(url, {"name": "A", "email": "A@example.org"}, content_type="application/json")
    full = client.post(url, {"name": "B", "email": "b@example.org"}, content_type="application/json")
    bad = client.post(url, {"name": "", "email": "nope"}, content_type="application/json")

    assert first.status_code == 201
    assert again.status_code == 409 and again.json()["error"]["code"] in {"duplicate", "full"}
    assert full.status_code == 409 and full.json()["error"]["code"] == "full"
    assert bad.status_code == 400 and set(bad.json()["error"]["fields"]) == {"name", "email"}
    assert Rsvp.objects.count() == 1
    assert client.get(f"/api/v1/campaigns/{campaign.slug}/events", {"zip": "00000"}).status_code == 404
    assert client.get(f"/api/v1/campaigns/{campaign.slug}/events", {"zip": "1"}).status_code == 400


def test_hosting_refuses_past_dates_unknown_zips_and_bots(client, campaign, places):
    past = host_form(date=(timezone.now() - dt.timedelta(days=1)).date().isoformat(), address="1 Main St",
                     zip="10001")
    unknown = host_form(address="1 Main St", zip="00000")
    nowhere = host_form()
    bot = host_form(address="1 Main St", zip="10001", website="http://spam")

    responses = [client.post(f"/c/{campaign.slug}/events/host/", data) for data in (past, unknown, nowhere, bot)]

    assert [r.status_code for r in responses] == [400, 400, 400, 400]
    assert "Pick a date and time in the future." in responses[0].content.decode()
    assert "We could not find ZIP code 00000." in responses[1].content.decode()
    assert "Choose an ICE location or give an address." in responses[2].content.decode()
    assert not Event.objects.exists()


def test_the_calendar_file(client, campaign, places):
    event = approved(campaign, title="Vigil, with candles; all welcome", zip_code="07102", latitude=NEWARK[1],
                     longitude=NEWARK[2], ice_location=places, description="A long description " * 10)
    body = client.get(f"/c/{campaign.slug}/events/{event.pk}/event.ics").content.decode()

    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert "SUMMARY:Vigil\\, with candles\\; all welcome" in body
    assert f"DTSTART:{event.starts_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_sync_ice_locations_from_a_data_dir(tmp_path):
    (tmp_path / "ice").mkdir()
    (tmp_path / "ice" / "ero_field_offices.csv").write_text(
        "aor_code,field_office,office_name,address,city,state,zip,phone,outreach_email,area_of_responsibility,"
        "latitude,longitude,contact_source,address_source\n"
        "NEW,Newark,Newark Field Office,970 Broad St,Newark,NJ,07102,(973) 645-3666,x,NJ,40.73,-74.17,s,s\n")
    (tmp_path / "ice" / "ice_detention_facilities_fy26.csv").write_text(
        "name,address,city,state,zip,aor_code,type_detailed,gender,fy26_adp_total,fy26_alos_days,"
        "guaranteed_minimum,last_inspection_type,last_inspection_end_date,last_inspection_standard,"
        "last_final_rating,zcta_centroid_lat,zcta_centroid_lon\n"
        "DELANEY HALL,451 DOREMUS AVE,NEWARK,NJ,07105,NEW,CDF,Male,900,30,1000,ODO,2025-01-01,NDS,Pass,40.72,-74.14\n")
    for _ in range(2):
        call_command("sync_ice_locations", "--data-dir", str(tmp_path), stdout=open("/dev/null", "w"))

    office = IceLocation.objects.get(key="ero-new")
    assert IceLocation.objects.count() == 2 and office.phone == "+19736453666"
    assert str(IceLocation.objects.get(kind="detention")) == "Delaney Hall (Newark, NJ)"
