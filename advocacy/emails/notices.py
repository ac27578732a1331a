"""The system emails a supporter gets from the email action, each sent once: "confirm your address" and the
receipt listing their messages. Rendered in the supporter's language from templates/emails/*.txt."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from advocacy.campaigns.models import translated
from advocacy.delivery import send_system_email_once
from advocacy.emails import confirmation
from advocacy.emails.models import EmailAction, EmailDelivery
from advocacy.providers.email import build_message
from common.compiled import CompiledRead

# The receipt lists every message of the action: compiled once per process (common/compiled.py).
_DELIVERIES = CompiledRead(lambda action_id: EmailDelivery.objects.select_related("target").filter(action_id=action_id),
                           int)


def _compose(action: EmailAction, *, template: str, subject: str, link: str):
    with translation.override(action.language):
        body = render_to_string(template, {"action": action, "link": link, "deliveries": _DELIVERIES(action.pk)})
        subject = translation.gettext(subject) % {"campaign": translated(action.campaign, "title", action.language)}
    return build_message(subject=subject, body=body, to=[action.email],
                         from_email=action.campaign.from_email or settings.DEFAULT_FROM_EMAIL)


def _confirmation(action: EmailAction):
    # A fresh secret in the same locked transaction as the send: a retried send gets its own, a sent one stays.
    # Only its hash is stored, so the link exists nowhere but in this email.
    secret = confirmation.issue_secret(action)
    return _compose(action, template="emails/confirmation_email.txt",
                    subject=gettext_noop("Confirm your email to send your messages"),
                    link=settings.PUBLIC_BASE_URL + reverse("emails:confirm", args=[secret]))


def send_confirmation_email(*, action_id: int) -> bool:
    return send_system_email_once(EmailAction, action_id, sent_field="confirmation_sent_at", compose=_confirmation,
                                  related=("campaign",))


def send_receipt_email(*, action_id: int) -> bool:
    subject = gettext_noop("Your messages for %(campaign)s")
    return send_system_email_once(EmailAction, action_id, sent_field="receipt_sent_at", related=("campaign",),
                                  compose=lambda a: _compose(a, template="emails/receipt_email.txt", subject=subject,
                                                             link=settings.PUBLIC_BASE_URL
                                                             + reverse("emails:action", args=[a.token])))
