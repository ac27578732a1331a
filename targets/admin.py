from django.contrib import admin

from targets.models import DistrictOffice, Target, TargetRole


class TargetRoleInline(admin.TabularInline):
    model = TargetRole
    extra = 0


class DistrictOfficeInline(admin.TabularInline):
    model = DistrictOffice
    extra = 0


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "state", "district", "party", "phone", "is_active")
    list_filter = ("kind", "chamber", "is_active", "state")
    search_fields = ("name", "key", "state")
    inlines = [TargetRoleInline, DistrictOfficeInline]


@admin.register(TargetRole)
class TargetRoleAdmin(admin.ModelAdmin):
    list_display = ("role", "target", "title", "rank")
    search_fields = ("role", "target__name", "title")
from targets import custom_admin  # noqa: E402,F401 - registers the custom-target (CSV) admin
