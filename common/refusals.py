"""What a supporter can be refused, as an expected value with a message for them (house rule 5)."""

from __future__ import annotations

from django.http import Http404


class Refused(Exception):
    """A request we will not carry out. `status` is the HTTP status the JSON API answers with, `field` the
    form field the message belongs to, `retry_after` the seconds to wait when rate-limited."""

    def __init__(self, code: str, message: str, *, status: int = 400, field: str | None = None,
                 retry_after: int | None = None):
        super().__init__(message)
        self.code, self.message, self.status, self.field, self.retry_after = code, message, status, field, retry_after


class NotFound(Http404):
    """A 404 whose message is meant for the visitor, already translated (Django's own Http404 messages, such as
    get_object_or_404's, are not: the JSON API answers those with a generic message)."""
