"""A logging filter that keeps full phone numbers and email addresses out of every log line."""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@([\w-]+\.)+[\w-]+")
# E.164 and the usual US spellings: +12025550123, (202) 555-0123, 202.555.0123, 2025550123.
PHONE = re.compile(r"(?<![\w])\+?1?[\s.-]?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)|\+\d{8,15}(?!\d)")


def redact(text: str) -> str:
    text = EMAIL.sub(lambda m: m.group(0)[:1] + "…@" + m.group(0).partition("@")[2], text)
    return PHONE.sub(lambda m: "…" + m.group(0)[-2:], text)


class RedactPersonalData(logging.Filter):
    """Formats the message once, redacted, so neither the text nor its arguments carry the data."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logged as it is, never dropped
            return True
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
