"""Telephony has one way in: only advocacy/providers/telephony.py imports the twilio SDK (REST client, signature
validation, TwiML), and the real client and the simulator answer the same stated interface."""

import ast
from pathlib import Path

from advocacy.providers import telephony

ROOT = Path(__file__).resolve().parents[2]


def twilio_importers() -> set[str]:
    found = set()
    for folder in ("advocacy", "targets", "common", "scripts", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
                if any(name == "twilio" or name.startswith("twilio.") for name in names):
                    found.add(str(path.relative_to(ROOT)))
    return found


# The comparison benchmark's CallPower side runs in CallPower's own virtualenv and builds CallPower's Twilio client
# (pointed at a local fake): the peer's code, not ours.
PEER_BENCH = "scripts/bench/callpower.py"


def test_only_the_telephony_provider_imports_the_twilio_sdk():
    assert twilio_importers() - {PEER_BENCH} == {"advocacy/providers/telephony.py"}


def test_the_real_client_and_the_simulator_implement_one_interface(settings):
    settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "AC" + "3" * 32, "token"
    assert isinstance(telephony.get_telephony(), telephony.TwilioTelephony)
    assert isinstance(telephony.get_telephony(), telephony.Telephony)

    settings.TWILIO_ACCOUNT_SID = ""
    simulator = telephony.get_telephony()  # the runner the calls app registered when Django started
    assert isinstance(simulator, telephony.SimulatorTelephony) and isinstance(simulator, telephony.Telephony)


def test_a_request_twilio_never_answers_ends_within_the_timeout_as_transient(settings):
    """A hung request must not outlive the placing lease: TWILIO_REQUEST_TIMEOUT_SECONDS bounds it."""
    import socket
    import time

    import pytest

    from common.errors import TransientDeliveryError

    with socket.socket() as silent:  # accepts the connection, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN = "AC" + "3" * 32, "token"
        settings.TWILIO_API_BASE_URL = f"http://127.0.0.1:{silent.getsockname()[1]}"
        settings.TWILIO_REQUEST_TIMEOUT_SECONDS = 0.5
        started = time.monotonic()
        with pytest.raises(TransientDeliveryError):
            telephony.get_telephony().fetch_call(sid="CA" + "4" * 32)
        assert time.monotonic() - started < 5
