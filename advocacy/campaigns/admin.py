"""Organizers configure a campaign on one admin page: demands, targets, scripts, schedule and posts."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.html import format_html

from advocacy.campaigns.models import (
    Campaign,
    CampaignTarget,
    Demand,
    MessageTemplate,
    SamplePost,
    ScheduleItem,
)
from advocacy.campaigns.scripts import ScriptError, compile_text

TEMPLATE_FIELDS = ("subject", "subject_es", "body", "body_es", "call_script", "call_script_es")


def _check_template_syntax(form: forms.ModelForm, fields: tuple[str, ...]) -> None:
    for name in fields:
        value = form.cleaned_data.get(name)
        if value:
            try:
                compile_text(value)
            except ScriptError as exc:
                form.add_error(name, f"Template error: {exc}")


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        exclude: tuple = ()

    def clean(self):
        cleaned = super().clean()
        _check_template_syntax(self, ("call_intro", "call_intro_es", "call_script", "call_script_es"))
        start, end = cleaned.get("window_start"), cleaned.get("window_end")
        if start and end and end <= start:
            self.add_error("window_end", "The window must end after it starts.")
        return cleaned


TEMPLATE_VARIABLES = (
    "Variables: {{ target_name }} (\"Senator Alex Padilla\"), {{ target.name }}, {{ target.title }}, "
    "{{ supporter.name }}, {{ supporter.first_name }}, {{ supporter.city }} (their town), {{ supporter.state }}, "
    "{{ supporter.zip_code }}, {{ signature }} (name, then \"town, ST ZIP\"), {% for d in demands %}{{ d }}"
    "{% endfor %}, {{ campaign.title }}. A body that does not carry the supporter's name gets {{ signature }} "
    "appended. CWC offices receive the body as the campaign's letter and the supporter's note apart.")


class MessageTemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        exclude: tuple = ()
        help_texts = {"body": TEMPLATE_VARIABLES, "body_es": TEMPLATE_VARIABLES}

    def clean(self):
        cleaned = super().clean()
        _check_template_syntax(self, TEMPLATE_FIELDS)
        return cleaned


class CampaignTargetForm(forms.ModelForm):
    class Meta:
        model = CampaignTarget
        exclude: tuple = ()

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source")
        if source == CampaignTarget.Source.FIXED and not cleaned.get("target"):
            self.add_error("target", "Choose the fixed target.")
        if source == CampaignTarget.Source.ROLE and not cleaned.get("role"):
            self.add_error("role", "Give a role path, e.g. leadership:house or committee:HSAP15.")
        return cleaned


class DemandInline(admin.TabularInline):
    model = Demand
    extra = 0


class CampaignTargetInline(admin.TabularInline):
    model = CampaignTarget
    form = CampaignTargetForm
    extra = 0
    autocomplete_fields = ("target",)


class MessageTemplateInline(admin.StackedInline):
    model = MessageTemplate
    form = MessageTemplateForm
    extra = 0


class ScheduleItemInline(admin.StackedInline):
    model = ScheduleItem
    extra = 0


class SamplePostInline(admin.TabularInline):
    model = SamplePost
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    form = CampaignForm
    list_display = ("title", "slug", "window_start", "window_end", "is_published", "links")
    prepopulated_fields = {"slug": ("title",)}
    search_fields = ("title", "slug")
    inlines = [DemandInline, CampaignTargetInline, MessageTemplateInline, ScheduleItemInline, SamplePostInline]

    @admin.display(description="Pages")
    def links(self, campaign: Campaign):
        return format_html('<a href="/c/{0}/">action page</a> · <a href="/organize/{0}/">dashboard</a> · '
                           '<a href="/c/{0}/embed/">embed</a>', campaign.slug)
