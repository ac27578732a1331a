"""Who may be called: phone validation, rate limits and toll-fraud guards, checked before anything is recorded."""

from __future__ import annotations

import functools

import phonenumbers
from django.conf import settings
from django.utils.translation import gettext as _

from advocacy import ratelimit
from advocacy.calls.request_checks import RequestChecks, call_request_checks
from common.refusals import Refused

REFUSED_TYPES = {
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.UAN,
    phonenumbers.PhoneNumberType.VOICEMAIL,
    phonenumbers.PhoneNumberType.PAGER,
}
HOUR = 3600


class CallRefused(Refused):
    """A call request we will not place. `status` is the HTTP status the API answers with."""


@functools.lru_cache(maxsize=4096)
def _parsed(raw: str) -> tuple[str, str, bool, int] | None:
    """(E.164, region, valid, number type) of what was typed, or None when it is not a number: parsing is the
    costly part, and a double click or a retried request types the same thing."""
    try:
        number = phonenumbers.parse(raw, "US")
    except phonenumbers.NumberParseException:
        return None
    return (phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
            phonenumbers.region_code_for_number(number), phonenumbers.is_valid_number(number),
            phonenumbers.number_type(number))


def normalize_phone(raw: str) -> str:
    """The supporter's number in E.164, or CallRefused with a message they can act on."""
    parsed = _parsed((raw or "").strip())
    if parsed is None:
        raise CallRefused("invalid_phone", _("Enter a 10-digit US phone number."), field="phone")
    e164, region, valid, number_type = parsed
    if not valid:
        raise CallRefused("invalid_phone", _("That is not a valid phone number."), field="phone")
    if region not in settings.CALL_ALLOWED_REGIONS:
        raise CallRefused("unsupported_phone", _("We can only call phone numbers in the US and its territories."),
                          field="phone")
    if number_type in REFUSED_TYPES:
        raise CallRefused("unsupported_phone", _("We cannot call premium-rate or shared-cost numbers."),
                          field="phone")
    if any(e164.startswith(blocked) for blocked in settings.CALL_BLOCKLIST):
        raise CallRefused("blocked_phone", _("We cannot call this number."), status=403, field="phone")
    return e164


def clean_first_name(raw: str) -> str:
    """The optional first name the script says ("my name is Ana"): one line, letters as typed, at most 40."""
    return " ".join(str(raw or "").split())[:40]


def _check_many_numbers(phone: str, ip_address: str, checks: RequestChecks) -> None:
    """A phone-bank party or a carrier-NAT mobile network puts many honest supporters behind one address, so the
    toll-fraud guard counts what such fraud leaves behind: numbers we rang that never answered and pressed 1.
    A generous ceiling on different numbers per day stays as a backstop."""
    if (not checks.number_unanswered
            and checks.unanswered_numbers >= settings.CALL_MAX_UNANSWERED_PHONES_PER_IP_PER_DAY > 0):
        raise CallRefused("refused", _("Several numbers called from your connection today never answered, so we "
                                       "cannot call new numbers from it today. If you are at a phone bank, each "
                                       "caller must pick up and press 1."), status=403)
    verdict = ratelimit.distinct("calls-ip-phones", ip_address, phone,
                                 ratelimit.Limit(settings.CALL_MAX_PHONES_PER_IP_PER_DAY, 24 * HOUR))
    if not verdict.allowed:
        raise CallRefused("refused", _("Too many different phone numbers from your connection."), status=403)


def check_call_allowed(*, campaign, phone: str, ip_address: str | None,
                       checks: RequestChecks | None = None) -> RequestChecks:
    """Rate limits per phone and per IP, the many-numbers-from-one-IP pattern, and the campaign's capacity. The
    figures for the last two are read in one query (or come as `checks`, read by the caller with its own) and
    returned: the new call's place in line is among them."""
    if not campaign.is_open():
        raise CallRefused("campaign_closed", _("This action is not open for calls right now."), status=409)
    verdict = ratelimit.hit("calls-phone", phone, ratelimit.Limit(settings.CALLS_PER_PHONE_PER_HOUR, HOUR))
    if not verdict.allowed:
        raise CallRefused("rate_limited", _("This number has had several calls already. Please try later."),
                          status=429, retry_after=verdict.retry_after)
    if ip_address:
        verdict = ratelimit.hit("calls-ip", ip_address, ratelimit.Limit(settings.CALLS_PER_IP_PER_HOUR, HOUR))
        if not verdict.allowed:
            raise CallRefused("rate_limited", _("Too many calls from your connection. Please try later."),
                              status=429, retry_after=verdict.retry_after)
    checks = checks or call_request_checks(campaign=campaign, phone=phone, ip_address=ip_address)
    if ip_address:
        _check_many_numbers(phone, ip_address, checks)
    if checks.live_calls >= settings.CALL_MAX_CONCURRENT_PER_CAMPAIGN:
        raise CallRefused("busy", _("So many people are calling right now that the lines are full. "
                                    "Please try again in a minute."), status=429, retry_after=60)
    return checks
