"""Messages to Congress through CWC (Communicating with Congress) 2.0: which offices take it, the XML, the send.

The campaign's letter is the <OrganizationStatement>; the supporter's own note is the <ConstituentMessage>.
The HTTP side is advocacy/providers/cwc.py; this module decides and builds, and maps CWC's answers onto the
delivery errors every channel raises.
"""

from __future__ import annotations

import hashlib
import logging
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from advocacy.emails.models import EmailAction, EmailDelivery
from advocacy.providers import cwc as provider
from common.errors import PermanentDeliveryError, TransientDeliveryError
from targets.models import Target

logger = logging.getLogger(__name__)
OFFICES_RETRY_SECONDS = 300
OFFICE_CODE = re.compile(r"^[HS][A-Z]{2}\d{2}$")
REQUIRED = ("CWCVersion", "Delivery/DeliveryId", "Delivery/DeliveryDate", "Delivery/DeliveryAgent",
            "Delivery/DeliveryAgentAckEmailAddress", "Delivery/DeliveryAgentContact/DeliveryAgentContactName",
            "Delivery/DeliveryAgentContact/DeliveryAgentContactEmail",
            "Delivery/DeliveryAgentContact/DeliveryAgentContactPhone", "Delivery/CampaignId",
            "Recipient/MemberOffice", "Constituent/Prefix", "Constituent/FirstName", "Constituent/LastName",
            "Constituent/Address1", "Constituent/City", "Constituent/StateAbbreviation", "Constituent/Zip",
            "Message/Subject", "Message/LibraryOfCongressTopics/LibraryOfCongressTopic")


@dataclass(frozen=True)
class Chamber:
    host: str
    api_key: str


def chamber_config(chamber: str) -> Chamber | None:
    host, key = ((settings.CWC_SENATE_HOST, settings.CWC_SENATE_API_KEY) if chamber == Target.Chamber.SENATE
                 else (settings.CWC_HOUSE_HOST, settings.CWC_HOUSE_API_KEY))
    if not (host and key and settings.CWC_DELIVERY_AGENT and chamber in (Target.Chamber.HOUSE,
                                                                          Target.Chamber.SENATE)):
        return None
    return Chamber(host=host, api_key=key)


def offices_listed(config: Chamber) -> set[str]:
    """The host's GET /offices, cached. An unreachable list only means we rely on contact-congress for a few
    minutes (cached too, so a down host never slows every action page)."""
    key = f"cwc-offices:{hashlib.sha256(config.host.encode()).hexdigest()[:16]}"
    offices = cache.get(key)
    if offices is None:
        try:
            offices = provider.list_offices(host=config.host, api_key=config.api_key,
                                            timeout=min(settings.CWC_TIMEOUT, 5.0))
            cache.set(key, offices, settings.CWC_OFFICES_CACHE_SECONDS)
        except provider.CwcTransient as exc:
            logger.warning("CWC office list unavailable: %s", exc)
            offices = []
            cache.set(key, offices, OFFICES_RETRY_SECONDS)
    return set(offices)


def accepts_cwc(target: Target) -> bool:
    """House offices whose contact-congress file says stubforcwc, and any office the host lists."""
    config = chamber_config(target.chamber)
    if config is None or not OFFICE_CODE.match(target.cwc_office or ""):
        return False
    return target.takes_cwc or target.cwc_office in offices_listed(config)


def delivery_id(delivery: EmailDelivery) -> str:
    """32 alphanumerics, the same on every retry of the same delivery."""
    return hashlib.sha256(delivery.message_id.encode()).hexdigest()[:32]


def _add(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag)
    if text is not None:
        element.text = text
    return element


def split_name(name: str) -> tuple[str, str]:
    parts = name.split()
    return (" ".join(parts[:-1]), parts[-1]) if len(parts) > 1 else (name, name)


def _delivery(root: ET.Element, delivery: EmailDelivery) -> None:
    element = _add(root, "Delivery")
    _add(element, "DeliveryId", delivery_id(delivery))
    _add(element, "DeliveryDate", timezone.now().strftime("%Y%m%d"))
    _add(element, "DeliveryAgent", settings.CWC_DELIVERY_AGENT)
    _add(element, "DeliveryAgentAckEmailAddress", settings.CWC_DELIVERY_AGENT_ACK_EMAIL)
    contact = _add(element, "DeliveryAgentContact")
    _add(contact, "DeliveryAgentContactName", settings.CWC_DELIVERY_AGENT_CONTACT_NAME)
    _add(contact, "DeliveryAgentContactEmail", settings.CWC_DELIVERY_AGENT_CONTACT_EMAIL)
    _add(contact, "DeliveryAgentContactPhone", settings.CWC_DELIVERY_AGENT_CONTACT_PHONE)
    if settings.CWC_ORGANIZATION:
        _add(element, "Organization", settings.CWC_ORGANIZATION)
    _add(element, "CampaignId", delivery.campaign.slug)


def _constituent(root: ET.Element, action: EmailAction) -> None:
    first, last = split_name(action.name)
    element = _add(root, "Constituent")
    for tag, value in (("Prefix", action.prefix), ("FirstName", first), ("LastName", last),
                       ("Address1", action.street_address), ("City", action.city),
                       ("StateAbbreviation", action.state), ("Zip", action.zip_code), ("Email", action.email)):
        _add(element, tag, value)


def build_xml(delivery: EmailDelivery) -> bytes:
    root = ET.Element("CWC")
    _add(root, "CWCVersion", "2.0")
    _delivery(root, delivery)
    recipient = _add(root, "Recipient")
    _add(recipient, "MemberOffice", delivery.address)
    _add(recipient, "IsResponseRequested", "N")
    _add(recipient, "NewsletterOptIn", "N")
    _constituent(root, delivery.action)
    message = _add(root, "Message")
    _add(message, "Subject", delivery.subject)
    topics = _add(message, "LibraryOfCongressTopics")
    for topic in settings.CWC_TOPICS:
        _add(topics, "LibraryOfCongressTopic", topic)
    _add(message, "OrganizationStatement", delivery.body)
    if delivery.action.personal_note:
        _add(message, "ConstituentMessage", delivery.action.personal_note)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def missing_elements(xml: bytes) -> list[str]:
    """Required CWC 2.0 elements that are absent or empty: checked before anything is posted."""
    root = ET.fromstring(xml)
    missing = [path for path in REQUIRED if not (root.findtext(path) or "").strip()]
    if not re.fullmatch(r"[A-Za-z0-9]{32}", root.findtext("Delivery/DeliveryId") or ""):
        missing.append("Delivery/DeliveryId (32 alphanumerics)")
    message = root.find("Message")
    if message is None or not any((message.findtext(t) or "").strip()
                                  for t in ("OrganizationStatement", "ConstituentMessage")):
        missing.append("Message/OrganizationStatement or Message/ConstituentMessage")
    return missing


class CwcChannel:
    def send(self, delivery: EmailDelivery) -> str:
        config = chamber_config(delivery.target.chamber)
        if config is None:
            raise PermanentDeliveryError("CWC is not configured for this chamber")
        xml = build_xml(delivery)
        missing = missing_elements(xml)
        if missing:
            raise PermanentDeliveryError(f"CWC message incomplete: {', '.join(missing)}")
        try:
            answer = provider.post_message(host=config.host, api_key=config.api_key, xml=xml,
                                           timeout=settings.CWC_TIMEOUT)
        except provider.CwcTransient as exc:
            raise TransientDeliveryError(str(exc)) from exc
        except provider.CwcRejected as exc:
            raise PermanentDeliveryError(str(exc)) from exc
        delivery.provider_response = answer
        return delivery_id(delivery)
