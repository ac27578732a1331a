"""Phone numbers as dialed: E.164 via phonenumbers, or blank when a number cannot be parsed."""

from __future__ import annotations

import phonenumbers


def to_e164(raw: str | None, region: str = "US") -> str:
    if not raw:
        return ""
    try:
        number = phonenumbers.parse(str(raw), region)
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_valid_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
