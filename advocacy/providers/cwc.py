"""The only module that speaks CWC (Communicating with Congress) over HTTP.

Interface: `post_message(host=, api_key=, xml=, validate_only=, timeout=) -> str` (the answer's text) raises
CwcTransient (timeouts, connection errors, 429, 5xx: worth retrying) or CwcRejected (4xx, with CWC's reason);
`list_offices(host=, api_key=, timeout=) -> list[str]` (the office codes the host accepts). Imports no app.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import requests


class CwcTransient(Exception):
    pass


class CwcRejected(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(f"CWC {status}: {reason}")
        self.status = status
        self.reason = reason


def reason_from(body: str) -> str:
    """CWC answers errors in XML (<Error> elements) or plain text; keep every message it gives."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return body.strip()[:1000]
    errors = [" ".join(e.itertext()).strip() for e in root.iter() if e.tag.lower() == "error"]
    return ("; ".join(e for e in errors if e) or " ".join(root.itertext()).strip())[:1000]


def post_message(*, host: str, api_key: str, xml: bytes, validate_only: bool = False, timeout: float = 20.0) -> str:
    url = f"{host.rstrip('/')}/v2/{'validate' if validate_only else 'message'}"
    try:
        response = requests.post(url, params={"apikey": api_key}, data=xml, timeout=timeout,
                                 headers={"Content-Type": "application/xml; charset=utf-8"})
    except requests.RequestException as exc:
        raise CwcTransient(f"CWC unreachable: {type(exc).__name__}: {exc}") from exc
    if response.status_code == 429 or response.status_code >= 500:
        raise CwcTransient(f"CWC {response.status_code}: {reason_from(response.text)}")
    if response.status_code >= 400:
        raise CwcRejected(response.status_code, reason_from(response.text))
    return response.text[:2000]


def list_offices(*, host: str, api_key: str, timeout: float = 20.0) -> list[str]:
    try:
        response = requests.get(f"{host.rstrip('/')}/offices", params={"apikey": api_key}, timeout=timeout)
        response.raise_for_status()
        offices = json.loads(response.text)
    except (requests.RequestException, ValueError) as exc:
        raise CwcTransient(f"CWC office list unavailable: {exc}") from exc
    if not isinstance(offices, list):
        raise CwcTransient("CWC office list is not a JSON list")
    return [str(code).strip().upper() for code in offices if str(code).strip()]
