"""A local CWC (Communicating with Congress) host: POST /v2/message and /v2/validate with ?apikey=, GET /offices.

It checks what the real host checks before accepting: the API key, well-formed XML, every required CWC 2.0
element, a DeliveryId of 32 alphanumerics, an office it serves, and a letter or a note. A bad message gets a
400 whose <Errors> say why. `fail_next(503, times=1)` makes the next posts fail like an overloaded host.
"""

from __future__ import annotations

import json
import re
import threading
import xml.etree.ElementTree as ET

from tests.fakes.http import FakeHTTPServer

# The CWC 2.0 elements a message must carry, by section (the optional ones are left out).
SECTIONS = {
    "Delivery": ["DeliveryId", "DeliveryDate", "DeliveryAgent", "DeliveryAgentAckEmailAddress", "CampaignId",
                 "DeliveryAgentContact/DeliveryAgentContactName", "DeliveryAgentContact/DeliveryAgentContactEmail",
                 "DeliveryAgentContact/DeliveryAgentContactPhone"],
    "Recipient": ["MemberOffice"],
    "Constituent": ["Prefix", "FirstName", "LastName", "Address1", "City", "StateAbbreviation", "Zip"],
    "Message": ["Subject", "LibraryOfCongressTopics/LibraryOfCongressTopic"],
}
REQUIRED = ["CWCVersion"] + [f"{section}/{name}" for section, names in SECTIONS.items() for name in names]


def _errors(*reasons: str) -> bytes:
    return ("<Errors>" + "".join(f"<Error>{r}</Error>" for r in reasons) + "</Errors>").encode()


class FakeCWC(FakeHTTPServer):
    def __init__(self, *, api_key: str, offices: list[str]):
        super().__init__(self._handle)
        self.api_key = api_key
        self.offices = list(offices)
        self.delivered: list[ET.Element] = []  # accepted by /v2/message
        self.validated: list[ET.Element] = []
        self.rejected: list[str] = []
        self._failures: list[int] = []
        self._lock = threading.Lock()

    def fail_next(self, status: int, *, times: int = 1) -> None:
        self._failures.extend([status] * times)

    def _handle(self, request):
        if request["query"].get("apikey") != [self.api_key]:
            return 401, _errors("invalid API key"), {"Content-Type": "application/xml"}
        if request["method"] == "GET" and request["path"] == "/offices":
            return 200, json.dumps(self.offices).encode(), None
        if request["method"] != "POST" or request["path"] not in ("/v2/message", "/v2/validate"):
            return 404, _errors("not found"), {"Content-Type": "application/xml"}
        with self._lock:
            if self._failures:
                return self._failures.pop(0), b"Service Unavailable", {"Content-Type": "text/plain"}
        problems, root = self.check(request["body"])
        if problems:
            self.rejected.extend(problems)
            return 400, _errors(*problems), {"Content-Type": "application/xml"}
        (self.delivered if request["path"] == "/v2/message" else self.validated).append(root)
        return 200, b"<Response><Status>Success</Status></Response>", {"Content-Type": "application/xml"}

    def check(self, body: bytes) -> tuple[list[str], ET.Element | None]:
        try:
            root = ET.fromstring(body)
        except ET.ParseError as exc:
            return [f"malformed XML: {exc}"], None
        if root.tag != "CWC" or root.findtext("CWCVersion") != "2.0":
            return ["root must be <CWC> with <CWCVersion>2.0</CWCVersion>"], root
        problems = [f"missing required element {path}" for path in REQUIRED if not (root.findtext(path) or "").strip()]
        if not re.fullmatch(r"[A-Za-z0-9]{32}", root.findtext("Delivery/DeliveryId") or ""):
            problems.append("DeliveryId must be 32 alphanumeric characters")
        if not re.fullmatch(r"\d{8}", root.findtext("Delivery/DeliveryDate") or ""):
            problems.append("DeliveryDate must be YYYYMMDD")
        office = root.findtext("Recipient/MemberOffice") or ""
        if office and office not in self.offices:
            problems.append(f"unknown office {office}")
        if not any((root.findtext(f"Message/{tag}") or "").strip()
                   for tag in ("OrganizationStatement", "ConstituentMessage")):
            problems.append("a message needs OrganizationStatement or ConstituentMessage")
        return problems, root
