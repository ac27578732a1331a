"""JSON answers every API endpoint shares: errors look the same everywhere."""

from __future__ import annotations

from django.http import JsonResponse


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
