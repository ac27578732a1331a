"""The one way in to telephony. Business code calls `get_telephony()` and never imports twilio.rest.

- TwilioTelephony: the real Twilio REST API through the `twilio` client. `TWILIO_API_BASE_URL` replaces
  https://api.twilio.com, so a Twilio-compatible endpoint (or the test suite's fake) can stand in.
- SimulatorTelephony: with no TWILIO_ACCOUNT_SID, the built-in simulator plays the call against our own
  webhooks in-process (advocacy/calls/simulator.py), so the whole flow runs on a laptop.

Webhook signatures use Twilio's RequestValidator with `webhook_auth_token()`: the account's auth token,
or, for the simulator, a token derived from SECRET_KEY.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from advocacy.delivery import PermanentDeliveryError, TransientDeliveryError


@dataclass(frozen=True)
class CreatedCall:
    sid: str
    status: str


def webhook_auth_token() -> str:
    if settings.TWILIO_AUTH_TOKEN:
        return settings.TWILIO_AUTH_TOKEN
    return hmac.new(settings.SECRET_KEY.encode(), b"call-simulator", hashlib.sha256).hexdigest()


def is_simulated() -> bool:
    return not settings.TWILIO_ACCOUNT_SID


class TwilioTelephony:
    def __init__(self) -> None:
        from twilio.rest import Client

        self.client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN)
        self.client.api.base_url = settings.TWILIO_API_BASE_URL

    def _errors(self, exc: Exception) -> Exception:
        from twilio.base.exceptions import TwilioRestException

        if isinstance(exc, TwilioRestException):
            if exc.status == 429 or exc.status >= 500:
                return TransientDeliveryError(f"Twilio {exc.status}: {exc.msg}")
            return PermanentDeliveryError(f"Twilio {exc.status} (code {exc.code}): {exc.msg}")
        return TransientDeliveryError(f"Twilio unreachable: {exc}")

    def create_call(self, *, to: str, from_: str, url: str, status_callback: str, time_limit: int) -> CreatedCall:
        try:
            call = self.client.calls.create(
                to=to, from_=from_, url=url, method="POST", status_callback=status_callback,
                status_callback_method="POST", status_callback_event=["initiated", "ringing", "answered", "completed"],
                time_limit=time_limit,
            )
        except Exception as exc:  # noqa: BLE001 - every failure is classified as transient or permanent
            raise self._errors(exc) from exc
        return CreatedCall(sid=call.sid, status=call.status)

    def find_call(self, *, to: str, since: datetime) -> CreatedCall | None:
        """A call to `to` created since `since`: how a redelivered task learns that its call was placed."""
        try:
            calls = self.client.calls.list(to=to, start_time_after=since, limit=1)
        except Exception as exc:  # noqa: BLE001
            raise self._errors(exc) from exc
        return CreatedCall(sid=calls[0].sid, status=calls[0].status) if calls else None


class SimulatorTelephony:
    """Plays the call through the simulator in a Celery task (inline in the embedded default)."""

    def create_call(self, *, to: str, from_: str, url: str, status_callback: str, time_limit: int) -> CreatedCall:
        from advocacy.calls.tasks import simulate_call

        sid = "CA" + uuid.uuid4().hex
        simulate_call.delay(sid=sid, to=to, from_=from_, url=url, status_callback=status_callback)
        return CreatedCall(sid=sid, status="queued")

    def find_call(self, *, to: str, since: datetime) -> CreatedCall | None:
        return None


def get_telephony() -> TwilioTelephony | SimulatorTelephony:
    return SimulatorTelephony() if is_simulated() else TwilioTelephony()
