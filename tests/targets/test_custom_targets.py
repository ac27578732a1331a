"""The organizer's own targets: a CSV imported in the admin, matched to supporters, emailed once over SMTP."""

import pytest

from advocacy.campaigns.models import CampaignTarget
from advocacy.emails.models import EmailAction, EmailDelivery
from targets.models import Target
from tests.conftest import confirm_url
from tests.emails.conftest import submit
from tests.fakes.smtp import FakeSMTPServer

pytestmark = pytest.mark.django_db

SHERIFF = "sheriff@county.example"
CSV = (
    "name,title,email,phone,state,district,latitude,longitude,role\n"
    f"Pat Doe,Sheriff of New York County,{SHERIFF},212-555-0100,NY,10,,,sheriff\n"
    "Lee Roe,Sheriff far away,lee@far.example,,CA,2,,,sheriff\n"
    "Kim Poe,Detention contractor,kim@near.example,,,,41.0,-73.0,contractor\n"
    "Broken Row,,not-an-email,,NY,,,,\n"
    "No Place,,x@y.example,,,,,,\n"
)


def upload(admin_client, text=CSV, group="ny-sheriffs"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return admin_client.post("/admin/targets/customtarget/import/", {
        "group": group, "csv_file": SimpleUploadedFile("targets.csv", text.encode(), content_type="text/csv")},
        follow=True)


def test_the_admin_imports_valid_rows_and_names_each_bad_line(admin_client, targets):
    page = upload(admin_client).content.decode()

    assert "3 targets created, 0 updated." in page
    assert "Line 5: email &#x27;not-an-email&#x27; is not an address" in page
    assert "Line 6: each target needs a state, or coordinates" in page
    sheriff = Target.objects.get(email=SHERIFF)
    assert (sheriff.kind, sheriff.state, sheriff.district, sheriff.phone) == ("custom", "NY", 10, "+12125550100")
    assert set(sheriff.roles.values_list("role", flat=True)) == {"custom:ny-sheriffs", "custom:ny-sheriffs:sheriff"}
    assert "3 targets created" not in upload(admin_client).content.decode()  # a second import updates
    assert Target.objects.filter(kind="custom").count() == 3


def test_a_custom_target_matched_by_district_receives_exactly_one_email_over_smtp(
        admin_client, client, email_campaign, settings, django_capture_on_commit_callbacks):
    upload(admin_client)
    CampaignTarget.objects.create(campaign=email_campaign, position=3, source=CampaignTarget.Source.CUSTOM,
                                  role="custom:ny-sheriffs", radius_miles=10)
    with FakeSMTPServer() as smtp:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", smtp.port, 10
        with django_capture_on_commit_callbacks(execute=True):
            submit(client, email_campaign, personal_note="End the 287(g) agreement.")
        action = EmailAction.objects.get()
        for _ in range(2):  # a second click changes nothing
            with django_capture_on_commit_callbacks(execute=True):
                client.post(confirm_url(action))

    [message] = smtp.to(SHERIFF)
    assert message["Subject"] == "Communities, not cages, Sheriff of New York County Pat Doe"
    assert "Reply-To" in message and "ana@example.org" in message["Reply-To"]
    body = message.get_payload(0).get_payload(decode=True).decode()
    assert "End the 287(g) agreement." in body and "Ana Ruiz, New York 10002" in body
    delivery = EmailDelivery.objects.get(target__email=SHERIFF)
    assert delivery.status == "sent" and delivery.provider_message_id == message["Message-ID"]
    keys = set(action.deliveries.values_list("target__key", flat=True))
    assert not smtp.to("lee@far.example") and not any("lee" in k for k in keys)  # another state's district
    assert not smtp.to("kim@near.example")  # matched by distance only, and 10002 has no ZIP point here


def test_a_custom_target_with_coordinates_reaches_supporters_within_the_radius(admin_client, client, email_campaign):
    upload(admin_client)
    line = CampaignTarget.objects.create(campaign=email_campaign, position=3, source=CampaignTarget.Source.CUSTOM,
                                         role="custom:ny-sheriffs:contractor", radius_miles=60)
    # ZIP 10001's point is (40.0, -73.0) in the fixtures; Kim Poe is at (41.0, -73.0), 69 miles north.
    assert "Kim Poe" not in client.get(f"/c/{email_campaign.slug}/?zip=10001").content.decode()
    line.radius_miles = 80
    line.save()
    page = client.get(f"/c/{email_campaign.slug}/?zip=10001").content.decode()
    assert "Kim Poe" in page and "Pat Doe" not in page
