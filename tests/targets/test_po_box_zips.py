"""A PO-box-only ZIP has no ZCTA, but its 3-digit prefix belongs to one state: the state's senators are answered
and the House member waits for a street address."""

import pytest

from targets.lookup import LookupRefused, lookup

pytestmark = pytest.mark.django_db


def test_a_po_box_zip_answers_with_its_states_senators(targets, client):
    result = lookup(zip_code="10099")  # no ZCTA; every ZCTA under 100 is in New York

    assert result.po_box and result.needs_address and result.states == ["NY"]
    assert result.house_members == [] and {t.key for t in result.senators} == {"S000148", "G000555"}
    body = client.get("/api/v1/lookup", {"zip": "10099"}).json()
    assert body["po_box"] is True and body["unmapped_states"] == ["NY"]
    page = client.get("/lookup/", {"zip": "10099"}).content.decode()
    assert "is for PO boxes only" in page and "Senator Charles Schumer" in page


def test_a_zip_whose_prefix_is_unknown_or_shared_is_still_refused(targets):
    with pytest.raises(LookupRefused) as unknown:
        lookup(zip_code="12399")
    assert unknown.value.status == 404 and "PO-box-only" in unknown.value.message


def test_an_ordinary_zip_is_not_a_po_box(targets):
    assert lookup(zip_code="10002").po_box is False


def test_a_po_box_zip_can_send_the_email_to_its_senators(email_campaign, django_capture_on_commit_callbacks):
    from advocacy.emails import services

    with django_capture_on_commit_callbacks(execute=True):
        action = services.submit_email_action(campaign=email_campaign, name="Ana Ruiz", email="ana@example.org",
                                              zip_code="10099")
    assert action.state == "NY"
    assert {d.target.key for d in action.deliveries.select_related("target")} == {"S000148", "G000555", "dhs_main"}
