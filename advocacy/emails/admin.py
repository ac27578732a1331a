from django.contrib import admin

from advocacy.emails.models import EmailAction, EmailDelivery


class EmailDeliveryInline(admin.TabularInline):
    model = EmailDelivery
    extra = 0
    fields = ("target", "channel", "status", "subject", "provider_message_id", "sent_at", "last_error",
              "provider_response")
    readonly_fields = fields
    can_delete = False


@admin.register(EmailAction)
class EmailActionAdmin(admin.ModelAdmin):
    list_display = ("email", "campaign", "status", "state", "district", "created_at")
    list_filter = ("campaign", "status")
    search_fields = ("email", "name")
    readonly_fields = [f.name for f in EmailAction._meta.fields if f.name != "status"]
    inlines = [EmailDeliveryInline]
