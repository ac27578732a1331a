"""Every letter is signed with the supporter's name and town, whether or not the organizer's template signs it."""

import pytest
from django.core import mail

from advocacy.campaigns.models import MessageTemplate
from advocacy.emails import services
from tests.emails.conftest import GOLDMAN_EMAIL

pytestmark = pytest.mark.django_db


def goldman_body(campaign, capture) -> str:
    with capture(execute=True):
        action = services.submit_email_action(campaign=campaign, name="Ana Ruiz", email="ana@example.org",
                                              zip_code="10002", city="New York")
        services.confirm_action(action=action)
    [message] = [m for m in mail.outbox if m.to == [GOLDMAN_EMAIL]]
    return message.body


def test_a_template_without_a_signature_gets_the_supporters_name_and_town(
        email_campaign, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    MessageTemplate.objects.filter(campaign=email_campaign).update(body="Dear {{ target_name }},\n\nFree them all.")
    body = goldman_body(email_campaign, django_capture_on_commit_callbacks)
    assert body.endswith("Free them all.\n\nAna Ruiz\nNew York, NY 10002")


def test_the_signature_variable_signs_with_name_and_town(
        email_campaign, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    MessageTemplate.objects.filter(campaign=email_campaign).update(body="Free them all.\n\nSincerely,\n{{ signature }}")
    body = goldman_body(email_campaign, django_capture_on_commit_callbacks)
    assert body == "Free them all.\n\nSincerely,\nAna Ruiz\nNew York, NY 10002"
