"""JSON answers every API endpoint shares: errors look the same everywhere."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _

from common.refusals import Refused


def error_response(status: int, code: str, message: str, *, fields: dict | None = None,
                   retry_after: int | None = None) -> JsonResponse:
    body = {"error": {"code": code, "message": message}}
    if fields:
        body["error"]["fields"] = fields
    response = JsonResponse(body, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


def form_errors(form) -> dict[str, list[str]]:
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


class BadJSON(Exception):
    """A body we will not read: 415 for another content type, 400 for anything else."""

    def __init__(self, status: int = 400, code: str = "invalid_json",
                 message: str = "Send a JSON object, with Content-Type: application/json."):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _check_values(value, depth: int = 0) -> None:
    """Nesting no deeper than JSON_MAX_DEPTH, and no NUL character in any string (the database refuses them)."""
    if depth > settings.JSON_MAX_DEPTH:
        raise BadJSON(400, "invalid_json", "The JSON is nested too deeply.")
    if isinstance(value, str):
        if "\x00" in value:
            raise BadJSON(400, "invalid_json", "Text may not contain NUL characters.")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_values(key, depth + 1)
            _check_values(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_values(item, depth + 1)


def json_object(request) -> dict:
    """The request's JSON body as a dict; BadJSON when it is not a JSON object sent as application/json
    (a form post or text/plain from another site's page is refused, so no browser files one cross-site)."""
    content_type = request.content_type or ""
    if content_type != "application/json" and not (content_type.startswith("application/")
                                                   and content_type.endswith("+json")):
        raise BadJSON(415, "unsupported_media_type", "Send the body as JSON, with Content-Type: application/json.")
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, RecursionError) as exc:
        raise BadJSON from exc
    if not isinstance(body, dict):
        raise BadJSON
    _check_values(body)
    return body


def requested_language(body: dict, *, default: str) -> tuple[str, dict[str, list[str]]]:
    """The language a JSON body asks for (`default` when it names none), and the field error if we do not speak it."""
    language = body.get("language") or default
    if isinstance(language, str) and language in dict(settings.LANGUAGES):
        return language, {}
    return language, {"language": [_("Choose one of: %(codes)s.") % {"codes": ", ".join(dict(settings.LANGUAGES))}]}


def bad_json_response(exc: BadJSON | None = None) -> JsonResponse:
    exc = exc or BadJSON()
    return error_response(exc.status, exc.code, exc.message)


def refused_response(exc: Refused) -> JsonResponse:
    return error_response(exc.status, exc.code, exc.message, fields={exc.field: [exc.message]} if exc.field else None,
                          retry_after=exc.retry_after)

