"""JSON answers every API endpoint shares: errors look the same everywhere."""

from __future__ import annotations

import json

from django.http import JsonResponse

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
    pass


def json_object(request) -> dict:
    """The request's JSON body as a dict; BadJSON when it is not a JSON object."""
    try:
        body = json.loads(request.body or b"{}")
    except ValueError as exc:
        raise BadJSON from exc
    if not isinstance(body, dict):
        raise BadJSON
    return body


def bad_json_response() -> JsonResponse:
    return error_response(400, "invalid_json", "Send a JSON object, with Content-Type: application/json.")


def refused_response(exc: Refused) -> JsonResponse:
    return error_response(exc.status, exc.code, exc.message, fields={exc.field: [exc.message]} if exc.field else None,
                          retry_after=exc.retry_after)

