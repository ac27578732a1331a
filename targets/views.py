"""/lookup/: who represents a ZIP code, for anyone (the action pages show the same per campaign)."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render

from targets.lookup import LookupRefused, lookup


def lookup_page(request):
    zip_code = request.GET.get("zip", "").strip()
    address = request.GET.get("address", "").strip()
    result, error = None, ""
    if zip_code:
        try:
            result = lookup(zip_code=zip_code, address=address or None)
        except LookupRefused as exc:
            error = exc.message
    return render(request, "targets/lookup.html",
                  {"zip_code": zip_code, "address": address, "result": result, "error": error,
                   "switchboard": settings.CAPITOL_SWITCHBOARD})
