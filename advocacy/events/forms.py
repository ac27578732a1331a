import datetime as dt
import zoneinfo

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from advocacy.campaigns.models import TIME_ZONE_CHOICES
from advocacy.events.models import MAX_DAYS_AHEAD, IceLocation
from advocacy.events.services import RADIUS_CHOICES
from advocacy.honeypot import HoneypotForm

US_ZONES = [(z, z) for z in ("America/New_York", "America/Chicago", "America/Denver", "America/Phoenix",
                             "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico",
                             "Pacific/Guam")]


class HostEventForm(HoneypotForm):
    host_name = forms.CharField(label=_("Your name"), max_length=100)
    host_email = forms.EmailField(label=_("Your email"))
    organization = forms.CharField(label=_("Organization (optional)"), max_length=200, required=False)
    title = forms.CharField(label=_("Event title"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    is_online = forms.BooleanField(label=_("This is an online event"), required=False)
    online_url = forms.URLField(label=_("Link to join (online events)"), required=False, assume_scheme="https")
    near = forms.CharField(required=False, max_length=10, widget=forms.HiddenInput)
    ice_location = forms.ModelChoiceField(label=_("ICE office or detention center"), required=False,
                                          queryset=IceLocation.objects.all(), widget=forms.RadioSelect,
                                          empty_label=_("None: I'll give an address"))
    address = forms.CharField(label=_("Address (if not at an ICE location)"), max_length=300, required=False)
    zip = forms.CharField(label=_("ZIP code of the place"), max_length=10, required=False)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("Ends (optional)"), required=False,
                               widget=forms.TimeInput(attrs={"type": "time"}))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=US_ZONES + TIME_ZONE_CHOICES,
                                  initial="America/New_York")
    capacity = forms.IntegerField(label=_("Capacity (optional)"), min_value=1, max_value=100000, required=False)
    def __init__(self, *args, nearby: list | None = None, **kwargs):
        """`nearby`: (IceLocation, miles) pairs near the host, offered as radio buttons (any site still validates)."""
        super().__init__(*args, **kwargs)
        choices = [("", _("None: I'll give an address"))]
        choices += [(location.pk, _("%(place)s · %(miles)s mi · %(address)s") % {
            "place": location, "miles": round(miles), "address": location.street_address})
            for location, miles in nearby or []]
        self.fields["ice_location"].widget.choices = choices
        if not nearby:
            self.fields["ice_location"].widget = forms.HiddenInput()

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > dt.date.today() + dt.timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(_("Pick a date within the next two years."))
        return day

    def times(self) -> tuple[dt.datetime, dt.datetime | None]:
        zone = zoneinfo.ZoneInfo(self.cleaned_data["time_zone"])
        day = self.cleaned_data["date"]
        starts = dt.datetime.combine(day, self.cleaned_data["start_time"], tzinfo=zone)
        end_time = self.cleaned_data.get("end_time")
        ends = dt.datetime.combine(day, end_time, tzinfo=zone) if end_time else None
        return starts, ends


class RsvpForm(HoneypotForm):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your email"))
    zip = forms.CharField(label=_("Your ZIP code"), max_length=10, required=False)


class SearchForm(forms.Form):
    zip = forms.CharField(label=_("Your ZIP code"), max_length=10, required=False)
    radius = forms.TypedChoiceField(label=_("Within"), coerce=int, initial=50, required=False,
                                    choices=[(r, str(r)) for r in RADIUS_CHOICES])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)  # the labels in the language of this request, not of the import
        self.fields["radius"].choices = [(r, gettext("%(n)s miles") % {"n": r}) for r in RADIUS_CHOICES]


class EditEventForm(forms.Form):
    """What a host may change on their private page."""

    title = forms.CharField(label=_("Event title"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label=_("Ends (optional)"), required=False,
                               widget=forms.TimeInput(attrs={"type": "time"}))
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=US_ZONES + TIME_ZONE_CHOICES)
    address = forms.CharField(label=_("Street address"), max_length=300, required=False)
    zip = forms.CharField(label=_("ZIP code of the place"), max_length=10, required=False)
    online_url = forms.URLField(label=_("Link to join (online events)"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(label=_("Capacity (optional)"), min_value=1, max_value=100000, required=False)

    times = HostEventForm.times

    @classmethod
    def initial_for(cls, event) -> dict:
        local = event.starts_at.astimezone(zoneinfo.ZoneInfo(event.time_zone))
        end = event.ends_at.astimezone(zoneinfo.ZoneInfo(event.time_zone)) if event.ends_at else None
        return {"title": event.title, "description": event.description, "date": local.date(),
                "start_time": local.time().replace(second=0, microsecond=0),
                "end_time": end.time().replace(second=0, microsecond=0) if end else None,
                "time_zone": event.time_zone, "address": event.address, "zip": event.zip_code,
                "online_url": event.online_url, "capacity": event.capacity}


class AttendeeMessageForm(forms.Form):
    body = forms.CharField(label=_("Message to everyone coming"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}))


class CancelEventForm(forms.Form):
    note = forms.CharField(label=_("A note for the people coming (optional)"), max_length=2000, required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))
