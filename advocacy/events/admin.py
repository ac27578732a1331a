from django.contrib import admin, messages

from advocacy.campaigns.admin_timezone import LocalTimeZoneAdminMixin, local_display
from advocacy.events.models import Event, IceLocation, Rsvp
from advocacy.events.services import approve_event, reject_event


class RsvpInline(admin.TabularInline):
    model = Rsvp
    extra = 0
    readonly_fields = ("name", "email", "zip_code", "created_at")


@admin.register(Event)
class EventAdmin(LocalTimeZoneAdminMixin, admin.ModelAdmin):
    list_display = ("title", "campaign", "status", "starts", "place", "rsvp_count")
    list_filter = ("status", "campaign", "is_online")
    search_fields = ("title", "host_name", "host_email", "organization")
    inlines = [RsvpInline]
    actions = ["approve", "reject"]
    readonly_fields = ("manage_token", "approved_at", "created_at")

    @admin.display(description="Starts (local time)", ordering="starts_at")
    def starts(self, event: Event) -> str:
        return local_display(event.starts_at, event.time_zone)

    @admin.action(description="Approve the selected events (emails the hosts)")
    def approve(self, request, queryset):
        approved = sum(approve_event(event=event) for event in queryset)
        self.message_user(request, f"{approved} event(s) approved.", messages.SUCCESS)

    @admin.action(description="Reject the selected events")
    def reject(self, request, queryset):
        for event in queryset:
            reject_event(event=event)


@admin.register(IceLocation)
class IceLocationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "city", "state", "phone")
    list_filter = ("kind", "state")
    search_fields = ("name", "city")
