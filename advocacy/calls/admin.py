from django.contrib import admin

from advocacy.calls.models import CallLeg, CallSession
from advocacy.privacy.identity import mask_phone


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
    # The supporter's number and address are shown masked (advocacy.privacy); search by the full number works.
    readonly_fields = ["masked_phone"] + [f.name for f in CallSession._meta.fields if f.name not in ("phone",
                                                                                                     "ip_address")]
    exclude = ("phone", "ip_address")
    search_fields = ("=phone",)
    inlines = [CallLegInline]

    @admin.display(description="Phone")
    def masked_phone(self, obj):
        return mask_phone(obj.phone)

    def has_add_permission(self, request):
        return False
