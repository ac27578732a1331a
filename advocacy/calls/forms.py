from django import forms
from django.utils.translation import gettext_lazy as _

from advocacy.honeypot import HoneypotForm


class CallRequestForm(HoneypotForm):
    phone = forms.CharField(label=_("Your phone number"), max_length=32)
    zip = forms.CharField(label=_("Your ZIP code"), max_length=10)
    address = forms.CharField(label=_("Street address"), max_length=200, required=False)
    first_name = forms.CharField(label=_("Your first name (optional)"), max_length=40, required=False)
    call_at = forms.CharField(required=False, max_length=40)  # a call-back time (calls/callbacks.py); "" = now


class CallLaterForm(forms.Form):
    call_at = forms.CharField(max_length=40)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(choices=[])

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = choices
