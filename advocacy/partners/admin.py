from django.contrib import admin, messages
from django.utils import timezone

from advocacy.partners.models import PartnerKey


@admin.register(PartnerKey)
class PartnerKeyAdmin(admin.ModelAdmin):
    list_display = ("name", "partner_code", "key_prefix", "calls_per_hour", "emails_per_hour", "last_used_at",
                    "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("name", "partner_code", "key_prefix")
    readonly_fields = ("key_prefix", "created_at", "last_used_at")
    actions = ["revoke", "reissue"]

    def save_model(self, request, obj, form, change):
        key = obj.issue_key() if not change else None
        super().save_model(request, obj, form, change)
        if key:
            self._show_once(request, obj, key)

    @staticmethod
    def _show_once(request, obj, key: str) -> None:
        messages.warning(request, f"The API key for {obj.name} is {key} — copy it now: it is stored only as a "
                                  "hash and will not be shown again.")

    @admin.action(description="Revoke the selected keys (they stop working at once)")
    def revoke(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, f"{count} key(s) revoked.", messages.SUCCESS)

    @admin.action(description="Issue a new key for each selected partner (the old key stops working)")
    def reissue(self, request, queryset):
        for obj in queryset:
            key = obj.issue_key()
            obj.revoked_at = None
            obj.save()
            self._show_once(request, obj, key)
