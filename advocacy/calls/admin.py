from django.contrib import admin

from advocacy.calls.models import CallLeg, CallSession


class CallLegInline(admin.TabularInline):
    model = CallLeg
    extra = 0
    fields = ("position", "is_district_office", "target", "number_dialed", "status", "duration_seconds", "outcome")
    readonly_fields = fields
    can_delete = False


@admin.register(CallSession)
class CallSessionAdmin(admin.ModelAdmin):
    list_display = ("id", "campaign", "status", "direction", "state", "district", "created_at")
    list_filter = ("campaign", "status", "direction")
    readonly_fields = [f.name for f in CallSession._meta.fields]
    inlines = [CallLegInline]

    def has_add_permission(self, request):
        return False
