"""How a provider adapter says an attempt failed; the delivery tasks retry the first and record the second."""

from __future__ import annotations


class TransientDeliveryError(Exception):
    """A provider error worth retrying: timeouts, 429s, 5xx, dropped connections."""


class PermanentDeliveryError(Exception):
    """A provider error that will not go away by retrying: bad address, rejected content, 4xx."""
