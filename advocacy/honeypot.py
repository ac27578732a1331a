"""One honeypot for every supporter form: a field people never see (hidden by CSS) and bots fill in."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

FIELD = "website"


class HoneypotForm(forms.Form):
    """A form whose hidden `website` field marks a bot. `bot_message` is what the bot is shown: it reads like an
    ordinary failure, so the bot learns nothing."""

    # Out of the tab order and hidden from screen readers as well as from sight: people never reach it.
    website = forms.CharField(required=False, widget=forms.TextInput(
        attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}))
    bot_message = _("Your request could not be sent.")

    def filled_by_bot(self) -> bool:
        return bool(self.is_valid() and self.cleaned_data.get(FIELD))


def api_fields(body: dict) -> dict:
    """A JSON body as form data. Partners' servers post the API, not people's browsers: there is no honeypot
    there, and a `website` key is ignored rather than taken for a bot."""
    return {key: value for key, value in body.items() if key != FIELD}
