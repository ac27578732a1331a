"""Admin date-times in the object's own time zone: a campaign set to 9:00–21:00 Pacific is entered,
stored and shown as 9:00–21:00 Pacific, whatever the server's zone.
"""

from __future__ import annotations

import zoneinfo

from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format


def local_display(value, zone_name: str) -> str:
    if value is None:
        return "—"
    local = timezone.localtime(value, zoneinfo.ZoneInfo(zone_name))
    return date_format(local, "N j, Y, P T")


class LocalTimeZoneAdminMixin(admin.ModelAdmin):
    """Activates the object's `time_zone` (or the one being saved) while its form is built and saved."""

    time_zone_field = "time_zone"

    def _zone_for(self, request, object_id) -> zoneinfo.ZoneInfo | None:
        names = [request.POST.get(self.time_zone_field, "")] if request.method == "POST" else []
        if object_id:
            obj = self.model._default_manager.filter(pk=object_id).only(self.time_zone_field).first()
            if obj is not None:
                names.append(getattr(obj, self.time_zone_field))
        names.append(self.model._meta.get_field(self.time_zone_field).default)
        for name in names:
            try:
                return zoneinfo.ZoneInfo(name) if name else None
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                continue
        return None

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        zone = self._zone_for(request, object_id)
        extra_context = {**(extra_context or {}), "subtitle": f"Dates and times in {zone}" if zone else None}
        with timezone.override(zone):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()  # a TemplateResponse renders lazily: do it while the zone is active
            return response
