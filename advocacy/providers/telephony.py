"""The one way in to telephony: Twilio's REST API, its webhook signatures and its TwiML vocabulary.

No other module imports the twilio SDK. Business code calls `get_telephony()`, which answers an object
implementing `Telephony`:
- TwilioTelephony: the real Twilio REST API through the `twilio` client. `TWILIO_API_BASE_URL` replaces
  https://api.twilio.com, so a Twilio-compatible endpoint (or the test suite's fake) can stand in.
- SimulatorTelephony: with no TWILIO_ACCOUNT_SID, a simulator plays the call against our own webhooks. The
  provider does not know who that is: an app registers a runner with `register_simulator()` at start-up
  (the calls app registers its TwiML interpreter), so this module imports no app.

Several accounts can be pooled (TWILIO_ACCOUNTS, providers/twilio_accounts.py): `get_telephony(account_sid)`
places and looks up calls with that account. Webhook signatures (`signature_is_valid`, `sign`) use the auth
token of the account that placed the call or, for the simulator, a token derived from SECRET_KEY.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from django.conf import settings
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

from advocacy.providers.twilio_accounts import twilio_account, twilio_accounts
from common.errors import PermanentDeliveryError, TransientDeliveryError

__all__ = ["CallInfo", "Dial", "Gather", "SimulatorTelephony", "Telephony", "TwilioTelephony", "VoiceResponse",
           "get_telephony", "has_account_pool", "register_simulator", "sign", "signature_is_valid",
           "webhook_auth_token"]

# Twilio's AnsweredBy values that mean nobody is there to press a key.
MACHINE_ANSWERS = frozenset({"machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax"})


@dataclass(frozen=True)
class CallInfo:
    sid: str
    status: str  # Twilio's call status: queued, ringing, in-progress, completed, busy, no-answer, failed, canceled


@runtime_checkable
class Telephony(Protocol):
    def create_call(self, *, to: str, from_: str, url: str, status_callback: str, time_limit: int,
                    machine_detection: bool = False) -> CallInfo:
        """Ask for an outbound call that fetches `url` when answered; raises Transient/PermanentDeliveryError."""

    def find_call(self, *, to: str, created_after: datetime) -> CallInfo | None:
        """The newest call to `to` created after `created_after`, queued ones included."""

    def fetch_call(self, *, sid: str) -> CallInfo | None:
        """The call's current status, or None when the provider does not know the sid."""


def webhook_auth_token(account_sid: str = "") -> str:
    """The token Twilio signs a webhook with: that of the account which placed the call (the pool's primary
    account for "" and for inbound calls); for the simulator, a token derived from SECRET_KEY."""
    if not is_simulated():
        return twilio_account(account_sid).token
    return hmac.new(settings.SECRET_KEY.encode(), b"call-simulator", hashlib.sha256).hexdigest()


def sign(url: str, params: dict, auth_token: str | None = None) -> str:
    """The X-Twilio-Signature Twilio would send for a POST of `params` to `url`."""
    return RequestValidator(auth_token or webhook_auth_token()).compute_signature(url, params)


def signature_is_valid(*, url: str, params: dict, signature: str, account_sid: str = "") -> bool:
    return bool(signature) and RequestValidator(webhook_auth_token(account_sid)).validate(url, params, signature)


def is_simulated() -> bool:
    return not twilio_accounts()[0].sid


def has_account_pool() -> bool:
    """More than one account places calls: a webhook's signature is checked with its own call's account."""
    return len(twilio_accounts()) > 1


class TwilioTelephony:
    def __init__(self, account_sid: str = "") -> None:
        from twilio.http.http_client import TwilioHttpClient
        from twilio.rest import Client

        account = twilio_account(account_sid)
        self.account_sid = account.sid
        # A bounded request: the placing lease (CALL_PLACING_LEASE_SECONDS) must outlast any one request.
        http = TwilioHttpClient(timeout=settings.TWILIO_REQUEST_TIMEOUT_SECONDS)
        self.client = Client(account.sid, account.token, http_client=http)
        self.client.api.base_url = settings.TWILIO_API_BASE_URL

    @staticmethod
    def _error(exc: Exception) -> Exception:
        from twilio.base.exceptions import TwilioRestException

        if isinstance(exc, TwilioRestException):
            if exc.status == 429 or exc.status >= 500:
                return TransientDeliveryError(f"Twilio {exc.status}: {exc.msg}")
            return PermanentDeliveryError(f"Twilio {exc.status} (code {exc.code}): {exc.msg}")
        return TransientDeliveryError(f"Twilio unreachable: {exc}")

    def create_call(self, *, to: str, from_: str, url: str, status_callback: str, time_limit: int,
                    machine_detection: bool = False) -> CallInfo:
        options = {"machine_detection": "Enable"} if machine_detection else {}
        try:
            call = self.client.calls.create(
                to=to, from_=from_, url=url, method="POST", status_callback=status_callback,
                status_callback_method="POST", status_callback_event=["initiated", "ringing", "answered", "completed"],
                time_limit=time_limit, **options,
            )
        except Exception as exc:  # noqa: BLE001 - every failure is classified as transient or permanent
            raise self._error(exc) from exc
        return CallInfo(sid=call.sid, status=call.status)

    def find_call(self, *, to: str, created_after: datetime) -> CallInfo | None:
        # Not start_time: a call that is only queued has none yet, but it has date_created.
        try:
            calls = [c for c in self.client.calls.list(to=to, limit=20)
                     if c.date_created is not None and c.date_created >= created_after.replace(microsecond=0)]
        except Exception as exc:  # noqa: BLE001
            raise self._error(exc) from exc
        newest = max(calls, key=lambda c: c.date_created, default=None)
        return CallInfo(sid=newest.sid, status=newest.status) if newest else None

    def fetch_call(self, *, sid: str) -> CallInfo | None:
        from twilio.base.exceptions import TwilioRestException

        try:
            call = self.client.calls(sid).fetch()
        except TwilioRestException as exc:
            if exc.status == 404:
                return None
            raise self._error(exc) from exc
        except Exception as exc:  # noqa: BLE001
            raise self._error(exc) from exc
        return CallInfo(sid=call.sid, status=call.status)


SimulatorRunner = Callable[..., None]  # (sid=, to=, from_=, url=, status_callback=, machine_detection=)
_simulator: dict[str, SimulatorRunner] = {}


def register_simulator(runner: SimulatorRunner) -> None:
    """Who plays simulated calls; the calls app registers its runner when Django starts."""
    _simulator["runner"] = runner


class SimulatorTelephony:
    """Hands each call to the registered simulator runner; the simulator's calls are over when it returns."""

    def __init__(self, runner: SimulatorRunner) -> None:
        self.runner = runner

    def create_call(self, *, to: str, from_: str, url: str, status_callback: str, time_limit: int,
                    machine_detection: bool = False) -> CallInfo:
        sid = "CA" + uuid.uuid4().hex
        self.runner(sid=sid, to=to, from_=from_, url=url, status_callback=status_callback,
                    machine_detection=machine_detection)
        return CallInfo(sid=sid, status="queued")

    def find_call(self, *, to: str, created_after: datetime) -> CallInfo | None:
        return None  # a simulated call lives only inside its runner

    def fetch_call(self, *, sid: str) -> CallInfo | None:
        return None


def get_telephony(account_sid: str = "") -> Telephony:
    """The adapter placing calls from `account_sid` of TWILIO_ACCOUNTS ("" for the primary account)."""
    if not is_simulated():
        return TwilioTelephony(account_sid)
    if "runner" not in _simulator:
        raise PermanentDeliveryError("no call simulator is registered and Twilio is not configured")
    return SimulatorTelephony(_simulator["runner"])
