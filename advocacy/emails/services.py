"""The email action, one function per step a supporter or a provider takes."""

from __future__ import annotations

import re
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from advocacy import ratelimit
from advocacy.campaigns.models import Campaign
from advocacy.campaigns.scripts import email_for
from advocacy.campaigns.selectors import campaign_targets
from advocacy.dashboard.counters import record_contact, record_partner_action, record_supporter
from advocacy.delivery import enqueue_on_commit
from advocacy.emails import queue
from advocacy.emails.models import EmailAction, EmailDelivery, Supporter
from advocacy.emails.routing import channel_for, signed
from common.refusals import Refused
from targets.lookup import LookupResult, lookup

MAX_NOTE = 2000
HOUR = 3600
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
SENT_BY_US = (EmailDelivery.Channel.EMAIL, EmailDelivery.Channel.CWC)


class EmailRefused(Refused):
    pass


def postal_address(*, messages: list[dict], address: str | None, city: str) -> str:
    """The street address to keep: none unless a CWC office is among the targets, since Congress's system
    only takes a message with the constituent's street address and town."""
    if not any(m["channel"] == EmailDelivery.Channel.CWC for m in messages):
        return ""
    if not (address or "").strip():
        raise EmailRefused("invalid", _("Enter your street address: Congress needs it to deliver your message."),
                           field="address")
    if not city:
        raise EmailRefused("invalid", _("Enter your town or city."), field="city")
    return one_line(address, 200)


def one_line(text: str, limit: int = 100) -> str:
    """Names and subjects go into headers: no newlines or control characters, ever."""
    return " ".join(CONTROL.sub(" ", text or "").split())[:limit]


def clean_note(text: str) -> str:
    text = CONTROL.sub("", (text or "").replace("\r\n", "\n")).strip()
    if len(text) > MAX_NOTE:
        raise EmailRefused("too_long", _("Keep your personal note under %(n)s characters.") % {"n": MAX_NOTE},
                           field="personal_note")
    return text


def _with_note(body: str, note: str) -> str:
    if not note:
        return body
    paragraphs = body.split("\n\n")
    if len(paragraphs) >= 2:
        return "\n\n".join(paragraphs[:-1] + [note, paragraphs[-1]])
    return f"{body}\n\n{note}"


def preview_messages(*, campaign: Campaign, location: LookupResult, supporter: dict, language: str,
                     note: str = "") -> list[dict]:
    """The messages a supporter would send, one per target that can receive one, in campaign order."""
    messages = []
    for entry in campaign_targets(campaign=campaign, location=location):
        if entry.target is None:
            continue
        channel = channel_for(entry.target)
        text = email_for(campaign=campaign, target=entry.target, template_kind=entry.template_kind,
                         language=language, supporter=supporter)
        if channel is None or text is None:
            continue
        body = signed(text.body, supporter)  # a CWC office gets the note apart, as <ConstituentMessage>
        messages.append({"target": entry.target, "reason": entry.reason, "channel": channel[0],
                         "address": channel[1], "subject": one_line(text.subject, 200),
                         "body": body if channel[0] == EmailDelivery.Channel.CWC else _with_note(body, note)})
    return messages


def _check_limits(email: str, ip_address: str | None) -> None:
    for scope, key, limit in (("emails-address", email, settings.EMAILS_PER_ADDRESS_PER_HOUR),
                              ("emails-ip", ip_address, settings.EMAILS_PER_IP_PER_HOUR)):
        if key:
            ratelimit.enforce(scope, key, ratelimit.Limit(limit, HOUR), refusal=EmailRefused,
                              message=_("Too many messages from you for now. Please try again later."))


def recent_action(*, campaign: Campaign, email: str, idempotency_key: str = "", ip_address: str | None = None,
                  partner_code: str = "") -> EmailAction | None:
    """The action this submission repeats: the one recorded under the same Idempotency-Key, or the same address's
    live action in this campaign within EMAIL_DUPLICATE_WINDOW_SECONDS (a double click, a retried POST) sent from
    the same client (the same address, or the same partner's server). Another client typing the same email gets
    an action of its own to confirm, never the first one's page with the supporter's personal note."""
    if idempotency_key:
        keyed = EmailAction.objects.filter(campaign=campaign, idempotency_key=idempotency_key).first()
        if keyed is not None and keyed.email != email:
            raise EmailRefused("idempotency_key_reused",
                               _("This Idempotency-Key was already used for a different submission."), status=422)
        if keyed is not None:
            return keyed
    since = timezone.now() - timedelta(seconds=settings.EMAIL_DUPLICATE_WINDOW_SECONDS)
    same_client = {"ip_address": ip_address} if ip_address else {"ip_address": None, "partner_code": partner_code}
    return (EmailAction.objects.filter(campaign=campaign, email=email, created_at__gte=since, **same_client)
            .exclude(status=EmailAction.Status.EXPIRED).order_by("-created_at").first())


def submit_email_action(*, campaign: Campaign, name: str, email: str, zip_code: str, address: str | None = None,
                        city: str = "", personal_note: str = "", ip_address: str | None = None,
                        language: str = "en", remembered_email: str | None = None, prefix: str = "",
                        partner_code: str = "", idempotency_key: str = "") -> EmailAction:
    """Record the supporter's messages, one delivery row per target, and ask them to confirm their address
    (unless this browser already confirmed it). A repeat of a recent submission returns the action already
    recorded. Raises EmailRefused or LookupRefused; nothing is kept then."""
    if not campaign.is_open():
        raise EmailRefused("campaign_closed", _("This action is not open right now."), status=409)
    name, email, city = one_line(name), (email or "").strip().lower(), one_line(city, 60)
    if not name:
        raise EmailRefused("invalid", _("Enter your name."), field="name")
    idempotency_key = one_line(idempotency_key, 100)
    if idempotency_key and (keyed := recent_action(campaign=campaign, email=email, idempotency_key=idempotency_key)):
        return keyed  # a partner's retried POST is answered as the first was, whatever the rate limits say now
    note = clean_note(personal_note)
    location = lookup(zip_code=zip_code, address=address)
    _check_limits(email, ip_address)  # before the repeat check, so repeats count against the limits too
    repeated = recent_action(campaign=campaign, email=email, idempotency_key=idempotency_key,
                             ip_address=ip_address or None, partner_code=partner_code)
    if repeated is not None:
        return repeated
    supporter_info = {"name": name, "email": email, "zip_code": location.zip_code, "city": city,
                      "state": location.states[0] if location.states else "", "states": location.states}
    messages = preview_messages(campaign=campaign, location=location, supporter=supporter_info, language=language,
                                note=note)
    if not messages:
        raise EmailRefused("no_targets", _("This campaign has no one to email for your ZIP code."), status=422)
    fields = {"campaign": campaign, "name": name, "email": email, "zip_code": location.zip_code,
              "state": supporter_info["state"], "language": language[:2], "personal_note": note,
              "district": location.districts[0].district if len(location.districts) == 1 else None,
              "ip_address": ip_address or None, "idempotency_key": idempotency_key, "partner_code": partner_code,
              "prefix": one_line(prefix, 10) or "Mx.", "city": city,
              "street_address": postal_address(messages=messages, address=address, city=city)}
    return _record_action(fields, messages, remembered_email=remembered_email)


def _record_action(fields: dict, messages: list[dict], *, remembered_email: str | None) -> EmailAction:
    campaign, email = fields["campaign"], fields["email"]
    with transaction.atomic():
        supporter, _created = Supporter.objects.get_or_create(email=email, defaults={"name": fields["name"]})
        # Writing the supporter's row first serialises two submissions from one address (a row lock on
        # PostgreSQL, the write lock on SQLite): the second then sees the first's action and returns it.
        Supporter.objects.filter(pk=supporter.pk).update(email=F("email"))
        repeated = recent_action(campaign=campaign, email=email, idempotency_key=fields["idempotency_key"],
                                 ip_address=fields["ip_address"], partner_code=fields["partner_code"])
        if repeated is not None:
            return repeated
        action = EmailAction.objects.create(supporter=supporter, **fields)
        record_partner_action(campaign_id=campaign.pk, partner_code=action.partner_code)
        EmailDelivery.objects.bulk_create(
            EmailDelivery(action=action, campaign=campaign, target=m["target"], channel=m["channel"],
                          address=m["address"], subject=m["subject"], body=m["body"],
                          message_id=f"<{action.token[:16]}.{m['target'].pk}@{settings.EMAIL_MESSAGE_ID_DOMAIN}>")
            for m in messages)
        confirmed_before = supporter.confirmed_at is not None and remembered_email == email
        if not campaign.require_email_confirmation or confirmed_before:
            confirm_action(action=action)
        else:
            enqueue_on_commit(queue.SEND_CONFIRMATION, action.pk)
    return action


def _count(action: EmailAction, metric: str, target_id: int | None = None) -> None:
    record_contact(campaign_id=action.campaign_id, metric=metric, target_id=target_id, state=action.state,
                   district=action.district, partner_code=action.partner_code)


def confirm_action(*, action: EmailAction) -> bool:
    """The supporter proved the address is theirs: queue the emails. A second click changes nothing."""
    with transaction.atomic():
        action = EmailAction.objects.select_for_update().get(pk=action.pk)
        now = timezone.now()
        if action.status == EmailAction.Status.CONFIRMED:  # clicked again: hand on what is stuck, nothing else
            queue.requeue_stuck_deliveries(cutoff=now - timedelta(seconds=queue.REQUEUE_ON_CONFIRM_SECONDS),
                                           now=now, action_id=action.pk)
            return False
        if action.status != EmailAction.Status.PENDING_CONFIRMATION:
            return False
        if action.created_at < _confirmation_cutoff(now):  # the hourly expiry job has not reached it yet
            _expire([action.pk])
            return False
        action.status, action.confirmed_at = EmailAction.Status.CONFIRMED, now
        action.save(update_fields=["status", "confirmed_at"])
        Supporter.objects.filter(pk=action.supporter_id, confirmed_at__isnull=True).update(confirmed_at=now)
        waiting = action.deliveries.filter(status=EmailDelivery.Status.WAITING)
        waiting.filter(channel=EmailDelivery.Channel.WEBFORM).update(status=EmailDelivery.Status.TO_REPORT)
        to_send = list(waiting.filter(channel__in=SENT_BY_US).values_list("pk", flat=True))
        queue.queue_deliveries(to_send, now=now)
        record_supporter(campaign_id=action.campaign_id, identity=action.email)
    return True


def _confirmation_cutoff(now):
    return now - timedelta(hours=settings.EMAIL_CONFIRMATION_HOURS)


def _expire(action_ids: list[int]) -> None:
    EmailDelivery.objects.filter(action_id__in=action_ids, status=EmailDelivery.Status.WAITING).update(
        status=EmailDelivery.Status.CANCELED)
    EmailAction.objects.filter(pk__in=action_ids).update(status=EmailAction.Status.EXPIRED)


def expire_unconfirmed(*, now=None) -> int:
    """Messages whose sender never confirmed within EMAIL_CONFIRMATION_HOURS are dropped, never sent."""
    stale = EmailAction.objects.filter(status=EmailAction.Status.PENDING_CONFIRMATION,
                                       created_at__lt=_confirmation_cutoff(now or timezone.now()))
    with transaction.atomic():
        ids = list(stale.select_for_update().values_list("pk", flat=True))
        _expire(ids)
    return len(ids)
