"""What an organizer configures: the campaign, its demands, whom it reaches, its day, its posts.

Texts a supporter reads come in English and Spanish (`*_es` fields); `translated()` picks the
visitor's language and falls back to English where no Spanish text was written.
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.db import models
from django.utils import timezone, translation

from advocacy.embed.origins import validate_origin_list
from targets.models import Target

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones()) if "/" in name]


def translated(obj: models.Model, field: str, language: str | None = None) -> str:
    language = language or translation.get_language() or "en"
    if language.startswith("es"):
        spanish = getattr(obj, f"{field}_es", "")
        if spanish:
            return spanish
    return getattr(obj, field)


class Campaign(models.Model):
    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        SPANISH = "es", "Español"

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    title_es = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    summary_es = models.TextField(blank=True)
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.ENGLISH)
    time_zone = models.CharField(max_length=64, choices=TIME_ZONE_CHOICES, default="America/New_York")
    is_published = models.BooleanField(default=False, help_text="Unpublished campaigns are seen by organizers only")

    # The action window: calls and emails are accepted only inside it (None = open-ended).
    window_start = models.DateTimeField(null=True, blank=True)
    window_end = models.DateTimeField(null=True, blank=True)
    goal_calls = models.PositiveIntegerField(default=0)
    goal_emails = models.PositiveIntegerField(default=0)

    # Calls
    phone_number = models.CharField(max_length=32, blank=True, help_text="Caller ID and inbound number, E.164")
    call_intro = models.TextField(blank=True, help_text="Spoken first on a patch-through call")
    call_intro_es = models.TextField(blank=True)
    call_script = models.TextField(blank=True, help_text="What the supporter says to each office")
    call_script_es = models.TextField(blank=True)
    call_script_audio_url = models.URLField(blank=True, help_text="A recorded script played instead of text-to-speech")
    # Scheduled call-backs are offered inside these hours, in the offices' time zone (Eastern: the offices we dial
    # are the members' Washington offices and the fixed targets).
    office_hours_start = models.TimeField(default=datetime.time(9, 0), help_text="Offices open (Eastern time)")
    office_hours_end = models.TimeField(default=datetime.time(17, 0), help_text="Offices close (Eastern time)")
    detect_answering_machines = models.BooleanField(
        default=False, help_text="Ask Twilio to detect voicemail: a machine hears a short message, never the targets")

    # Emails
    from_email = models.EmailField(blank=True, help_text="Sending address; the supporter is the Reply-To")
    require_email_confirmation = models.BooleanField(default=True)

    # Social
    hashtag = models.CharField(max_length=100, blank=True)
    toolkit_url = models.URLField(blank=True)
    closed_message = models.TextField(blank=True, help_text="Said and shown once the window has closed")
    closed_message_es = models.TextField(blank=True)
    embed_allowed_origins = models.TextField(
        blank=True, validators=[validate_origin_list],
        help_text="Partner sites allowed to frame the embed, one origin a line (https://partner.example); "
                  "empty lets any site frame it")

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-window_start", "title"]

    def __str__(self) -> str:
        return self.title

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        if self.window_start and at < self.window_start:
            return False
        if self.window_end and at >= self.window_end:
            return False
        return True

    def has_closed(self, at=None) -> bool:
        at = at or timezone.now()
        return bool(self.window_end and at >= self.window_end)


class Ordered(models.Model):
    """A row of one of a campaign's lists, shown by position, then in the order entered (the admin numbers new
    rows after the existing ones: campaigns/admin.py number_new_rows)."""

    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class Demand(Ordered):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="demands")
    text = models.CharField(max_length=300)
    text_es = models.CharField(max_length=300, blank=True)

    def __str__(self) -> str:
        return self.text


class CampaignTarget(Ordered):
    """One line of whom a campaign reaches, in the order the supporter is connected."""

    class Source(models.TextChoices):
        OWN_HOUSE = "own_house", "The supporter's House member or delegate"
        OWN_SENATORS = "own_senators", "The supporter's two senators"
        FIXED = "fixed", "A fixed target"
        ROLE = "role", "Everyone holding a role (e.g. leadership, committee:HSAP15)"
        CUSTOM = "custom", "The organizer's own targets (CSV, role custom:<group>) matching the supporter"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="target_lines")
    source = models.CharField(max_length=16, choices=Source.choices)
    target = models.ForeignKey(Target, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=100, blank=True, help_text="Role path prefix, see TargetRole")
    radius_miles = models.PositiveSmallIntegerField(
        default=25, help_text="Custom targets with coordinates reach supporters whose ZIP lies within this distance")
    reason = models.CharField(max_length=200, blank=True,
                              help_text="Why supporters contact this office, e.g. \"Runs ICE and CBP\" "
                                        "(default: its role titles, or a general line for fixed targets)")
    reason_es = models.CharField(max_length=200, blank=True)

    def __str__(self) -> str:
        if self.source == self.Source.FIXED and self.target_id:
            return str(self.target)
        if self.source == self.Source.ROLE:
            return f"role {self.role}"
        return self.get_source_display()


class MessageTemplate(models.Model):
    """The email subject and body (Django template syntax) for one kind of target."""

    class TargetKind(models.TextChoices):
        MEMBER = "member", "Member of Congress"
        EXECUTIVE = "executive", "Executive office"
        LEADERSHIP = "leadership", "Congressional leadership"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="message_templates")
    target_kind = models.CharField(max_length=16, choices=TargetKind.choices)
    subject = models.CharField(max_length=200)
    subject_es = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    body_es = models.TextField(blank=True)
    call_script = models.TextField(blank=True, help_text="Overrides the campaign's call script for this kind")
    call_script_es = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "target_kind"], name="unique_template_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign}: {self.get_target_kind_display()}"


class ScheduleItem(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="schedule")
    title = models.CharField(max_length=200)
    title_es = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    description_es = models.TextField(blank=True)
    starts_at = models.DateTimeField()  # stored in UTC
    ends_at = models.DateTimeField(null=True, blank=True)
    url = models.URLField(blank=True)
    link_label = models.CharField(max_length=100, blank=True)
    link_label_es = models.CharField(max_length=100, blank=True)
    recording_url = models.URLField(blank=True)

    class Meta:
        ordering = ["starts_at", "id"]

    def __str__(self) -> str:
        return self.title


class SamplePost(Ordered):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="sample_posts")
    text = models.TextField(max_length=500)
    text_es = models.TextField(max_length=500, blank=True)

    def __str__(self) -> str:
        return self.text[:60]
