"""Errors every provider adapter raises, so callers can retry or give up without knowing the vendor."""

from __future__ import annotations


class TransientDeliveryError(Exception):
    """A provider error worth retrying: timeouts, 429s, 5xx, dropped connections."""


class PermanentDeliveryError(Exception):
    """A provider error that will not go away by retrying: bad address, rejected content, 4xx."""
