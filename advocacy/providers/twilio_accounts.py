"""The pool of Twilio accounts (or subaccounts) calls are placed from, each at its own pace.

`TWILIO_ACCOUNTS` lists them, either as JSON (`[{"sid": "AC…", "token": "…", "cps": 1}, …]`) or as
`sid:token:cps,sid:token:cps` (cps optional: TWILIO_CALLS_PER_SECOND). Unset, the pool is the one account of
TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN at TWILIO_CALLS_PER_SECOND; with neither, the pool is the simulator's
one pseudo-account "" (pace TWILIO_CALLS_PER_SECOND). Each account has its own calls-per-second limit at Twilio,
so a pool of N accounts places up to the sum of their rates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class TwilioAccount:
    sid: str
    token: str
    calls_per_second: float


def _parse(raw: str, default_rate: float) -> list[TwilioAccount]:
    try:
        return _accounts(raw.strip(), default_rate)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ImproperlyConfigured(f"TWILIO_ACCOUNTS: {exc}; expected sid:token:cps,… or a JSON list") from exc


def _accounts(raw: str, default_rate: float) -> list[TwilioAccount]:
    if raw.startswith("["):
        entries = [(e["sid"], e["token"], e.get("cps", default_rate)) for e in json.loads(raw)]
    else:
        entries = []
        for item in filter(None, (part.strip() for part in raw.split(","))):
            sid, token, *rate = item.split(":")
            entries.append((sid, token, rate[0] if rate else default_rate))
    accounts = [TwilioAccount(sid=sid.strip(), token=token.strip(), calls_per_second=float(rate))
                for sid, token, rate in entries]
    if not accounts or any(not a.sid or not a.token or a.calls_per_second <= 0 for a in accounts):
        raise ImproperlyConfigured("TWILIO_ACCOUNTS: each account needs a sid, a token and a positive rate")
    return accounts


def twilio_accounts() -> list[TwilioAccount]:
    """Every account calls may be placed from, the first one being the primary (inbound calls, the default)."""
    rate = settings.TWILIO_CALLS_PER_SECOND
    if getattr(settings, "TWILIO_ACCOUNTS", ""):
        return _parse(settings.TWILIO_ACCOUNTS, rate)
    return [TwilioAccount(sid=settings.TWILIO_ACCOUNT_SID, token=settings.TWILIO_AUTH_TOKEN, calls_per_second=rate)]


def twilio_account(sid: str = "") -> TwilioAccount:
    """The account `sid` of the pool; the primary one for "" (a session placed before the pool existed)."""
    pool = twilio_accounts()
    return next((a for a in pool if a.sid == sid), pool[0]) if sid else pool[0]


def total_calls_per_second() -> float:
    return sum(a.calls_per_second for a in twilio_accounts())
