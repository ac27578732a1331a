"""Calls played by the built-in simulator instead of Twilio: the laptop default and the organizer's preview."""

from __future__ import annotations

import uuid

from django.db import transaction

from advocacy.calls.legs import add_legs
from advocacy.calls.links import webhook_url
from advocacy.calls.models import CallSession
from advocacy.calls.simulator import DjangoClientTransport, Scenario, Transcript, run_call
from advocacy.campaigns.models import Campaign
from advocacy.providers.telephony import webhook_auth_token
from targets.lookup import lookup

PREVIEW_PHONE = "+15005550006"  # Twilio's magic "valid number": nobody's phone


def play_simulated_call(*, sid: str, to: str, from_: str, url: str, status_callback: str,
                        machine_detection: bool = False) -> str:
    """Play the call against our own signed webhooks and keep what was said, for DEBUG pages."""
    params = {"CallSid": sid, "AccountSid": "ACsimulator", "From": from_, "To": to}
    transcript = run_call(url=url, params=params, auth_token=webhook_auth_token(), transport=DjangoClientTransport(),
                          scenario=Scenario(talk_seconds=30), status_callback=status_callback,
                          machine_detection=machine_detection)
    CallSession.objects.filter(twilio_sid=sid).update(transcript=transcript.to_text())
    return transcript.status


def preview_call(*, campaign: Campaign, zip_code: str, language: str) -> Transcript:
    """The exact call a supporter from `zip_code` would hear, played by the simulator; nobody is dialed and
    nothing is kept or counted. Raises targets.lookup.LookupRefused for a ZIP we cannot place."""
    location = lookup(zip_code=zip_code)
    with transaction.atomic():
        session = CallSession.objects.create(campaign=campaign, phone=PREVIEW_PHONE, is_preview=True,
                                             zip_code=location.zip_code, language=language,
                                             status=CallSession.Status.IN_PROGRESS)
        add_legs(session=session, location=location)
    try:
        return run_call(url=webhook_url("calls:answer", session),
                        params={"CallSid": "CApreview" + uuid.uuid4().hex[:23], "AccountSid": "ACpreview",
                                "From": PREVIEW_PHONE, "To": session.phone},
                        auth_token=webhook_auth_token(), transport=DjangoClientTransport(), scenario=Scenario(),
                        status_callback=webhook_url("calls:status", session))
    finally:
        session.delete()
