import phonenumbers
from django import template

register = template.Library()


@register.filter
def phone_display(e164: str) -> str:
    """+12022257944 → (202) 225-7944; numbers outside the US in international form."""
    try:
        number = phonenumbers.parse(e164, "US")
    except phonenumbers.NumberParseException:
        return e164
    fmt = phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 1 else \
        phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, fmt)
