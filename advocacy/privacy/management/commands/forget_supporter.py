"""manage.py forget_supporter --phone 202-555-0123 --email someone@example.org: a deletion request."""

from __future__ import annotations

import phonenumbers
from django.core.management.base import BaseCommand, CommandError

from advocacy.privacy.retention import forget_supporter


def e164(raw: str) -> str:
    try:
        number = phonenumbers.parse(raw.strip(), "US")
    except phonenumbers.NumberParseException as exc:
        raise CommandError(f"Not a phone number: {exc}") from exc
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class Command(BaseCommand):
    help = "Replace a supporter's phone number and/or email by its keyed hash in every record, now."

    def add_arguments(self, parser):
        parser.add_argument("--phone", default="", help="the phone number, any US spelling")
        parser.add_argument("--email", default="", help="the email address")

    def handle(self, *args, phone: str, email: str, **options):
        if not phone and not email:
            raise CommandError("Give --phone and/or --email.")
        result = forget_supporter(phone=e164(phone) if phone else "", email=email)
        self.stdout.write(f"Forgotten: {result.calls} call(s), {result.email_actions} email action(s), "
                          f"{result.supporters} remembered address(es).")
