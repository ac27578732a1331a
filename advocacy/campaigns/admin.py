"""Organizers configure a campaign on one admin page: demands, targets, scripts, schedule and posts."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html

from advocacy.campaigns.admin_timezone import LocalTimeZoneAdminMixin, local_display
from advocacy.campaigns.models import (
    Campaign,
    CampaignTarget,
    Demand,
    MessageTemplate,
    Ordered,
    SamplePost,
    ScheduleItem,
)
from advocacy.campaigns.scripts import ScriptError
from advocacy.campaigns.services import duplicate_campaign
from advocacy.campaigns.variables import HELP, unknown_variables
from targets.models import TargetRole

TEMPLATE_FIELDS = ("subject", "subject_es", "body", "body_es", "call_script", "call_script_es")


def _check_template_syntax(form: forms.ModelForm, fields: tuple[str, ...]) -> None:
    """Syntax errors and unknown variables ("suporter.name") become form errors before anyone reads them."""
    for name in fields:
        value = form.cleaned_data.get(name)
        if value:
            try:
                unknown = unknown_variables(value)
            except ScriptError as exc:
                form.add_error(name, f"Template error: {exc}")
                continue
            if unknown:
                form.add_error(name, f"Unknown variable(s): {', '.join(unknown)}. {HELP}")


def _with_variable_help(form: forms.ModelForm, fields: tuple[str, ...]) -> None:
    for name in fields:
        if name in form.fields:
            form.fields[name].help_text = " ".join(p for p in (form.fields[name].help_text, HELP) if p)


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        exclude: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _with_variable_help(self, ("call_script",))
        for name in ("window_start", "window_end"):
            self.fields[name].help_text = "In the campaign's time zone (the field above)."

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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _with_variable_help(self, ("body", "call_script"))

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
        role = (cleaned.get("role") or "").strip()
        if source == CampaignTarget.Source.ROLE and not role:
            self.add_error("role", "Give a role path, e.g. leadership:house or committee:HSAP15.")
        elif source == CampaignTarget.Source.ROLE and not (
                TargetRole.objects.filter(role=role).exists()
                or TargetRole.objects.filter(role__startswith=f"{role}:").exists()):
            near = TargetRole.objects.filter(role__startswith=role.split(":")[0]).values_list("role", flat=True)
            examples = ", ".join(sorted(set(near))[:8]) or "none synced yet: run sync_targets"
            self.add_error("role", f"Nobody holds the role {role!r}. Known roles include: {examples}.")
        return cleaned


def number_new_rows(formset) -> None:
    """New rows whose position the organizer left alone go after the existing ones, in the order entered."""
    if not issubclass(formset.model, Ordered):
        return
    instance = formset.instance
    existing = [f.instance.position for f in formset.forms if f.instance.pk and f.instance.position is not None]
    if instance.pk:
        related = formset.model._default_manager.filter(**{formset.fk.name: instance})
        existing += list(related.values_list("position", flat=True))
    next_position = max(existing, default=-1) + 1
    for form in formset.forms:
        if form.instance.pk or not form.has_changed() or "position" in form.changed_data:
            continue
        form.instance.position = next_position
        next_position += 1


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
class CampaignAdmin(LocalTimeZoneAdminMixin, admin.ModelAdmin):
    form = CampaignForm
    list_display = ("title", "slug", "opens", "closes", "is_published", "links")
    prepopulated_fields = {"slug": ("title",)}
    search_fields = ("title", "slug")
    inlines = [DemandInline, CampaignTargetInline, MessageTemplateInline, ScheduleItemInline, SamplePostInline]
    actions = ["duplicate"]

    @admin.display(description="Opens", ordering="window_start")
    def opens(self, campaign: Campaign) -> str:
        return local_display(campaign.window_start, campaign.time_zone)

    @admin.display(description="Closes", ordering="window_end")
    def closes(self, campaign: Campaign) -> str:
        return local_display(campaign.window_end, campaign.time_zone)

    @admin.action(description="Duplicate the selected campaigns (as unpublished copies)")
    def duplicate(self, request, queryset):
        copies = [duplicate_campaign(campaign=campaign) for campaign in queryset]
        self.message_user(request, "Created " + ", ".join(f"{c.title} (/{c.slug}/)" for c in copies)
                          + ": unpublished until you publish them.", messages.SUCCESS)

    def save_formset(self, request, form, formset, change):
        number_new_rows(formset)
        super().save_formset(request, form, formset, change)

    @admin.display(description="Pages")
    def links(self, campaign: Campaign):
        return format_html('<a href="/c/{0}/">action page</a> · <a href="/organize/{0}/">dashboard</a> · '
                           '<a href="/c/{0}/embed/">embed</a>', campaign.slug)
