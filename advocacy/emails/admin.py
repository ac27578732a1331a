from django.contrib import admin

from advocacy.emails.models import EmailAction, EmailDelivery
from advocacy.privacy.identity import mask_email


class EmailDeliveryInline(admin.TabularInline):
    model = EmailDelivery
    extra = 0
    fields = ("target", "channel", "status", "subject", "provider_message_id", "sent_at", "last_error",
              "provider_response")
    readonly_fields = fields
    can_delete = False


HIDDEN = ("email", "ip_address", "confirm_secret_hash")


@admin.register(EmailAction)
class EmailActionAdmin(admin.ModelAdmin):
    # The supporter's address is shown masked (advocacy.privacy); search by the full address still works.
    list_display = ("masked_email", "campaign", "status", "state", "district", "created_at")
    list_filter = ("campaign", "status")
    search_fields = ("=email", "name")
    readonly_fields = ["masked_email"] + [f.name for f in EmailAction._meta.fields
                                          if f.name != "status" and f.name not in HIDDEN]
    exclude = HIDDEN
    inlines = [EmailDeliveryInline]

    @admin.display(description="Email")
    def masked_email(self, obj):
        return mask_email(obj.email)
