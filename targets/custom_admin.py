"""Admin for the organizer's own targets: the list, and "Import a CSV" (see targets/custom.py for columns)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from targets.custom import COLUMNS, import_custom_targets
from targets.models import CustomTarget, Target

MAX_CSV_BYTES = 2 * 1024 * 1024


class CustomTargetCSVForm(forms.Form):
    group = forms.CharField(max_length=40, help_text="A short name for this list, e.g. sheriffs-287g. A campaign "
                                                     "line of source “custom” with role custom:<group> reaches it.")
    csv_file = forms.FileField(label="CSV file", help_text="Columns: " + ", ".join(COLUMNS))

    def clean_csv_file(self):
        upload = self.cleaned_data["csv_file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB.")
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError("Save the CSV as UTF-8.") from exc


@admin.register(CustomTarget)
class CustomTargetAdmin(admin.ModelAdmin):
    list_display = ("name", "title", "email", "phone", "state", "district", "latitude", "longitude", "is_active")
    list_filter = ("is_active", "state", "roles__role")
    search_fields = ("name", "title", "email", "key")
    exclude = ("kind", "official_form_url", "official_form_fields", "takes_cwc", "cwc_office", "chamber", "party")
    change_list_template = "admin/targets/customtarget/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).filter(kind=Target.Kind.CUSTOM)

    def save_model(self, request, obj, form, change):
        obj.kind = Target.Kind.CUSTOM
        super().save_model(request, obj, form, change)

    def get_urls(self):
        return [path("import/", self.admin_site.admin_view(self.import_csv), name="targets_customtarget_import"),
                *super().get_urls()]

    def import_csv(self, request):
        form = CustomTargetCSVForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            result = import_custom_targets(text=form.cleaned_data["csv_file"], group=form.cleaned_data["group"])
            messages.info(request, f"{result.created} targets created, {result.updated} updated.")
            for error in result.errors:
                messages.error(request, error)
            if not result.errors:
                return redirect("admin:targets_customtarget_changelist")
        context = {**self.admin_site.each_context(request), "form": form, "opts": self.model._meta,
                   "title": "Import custom targets from a CSV"}
        return TemplateResponse(request, "admin/targets/customtarget/import.html", context)
