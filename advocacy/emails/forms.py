from django import forms
from django.utils.translation import gettext_lazy as _

from advocacy.emails.services import MAX_NOTE
from advocacy.honeypot import HoneypotForm

PREFIXES = [("", "—"), ("Mx.", "Mx."), ("Ms.", "Ms."), ("Mr.", "Mr."), ("Mrs.", "Mrs."), ("Dr.", "Dr.")]


class EmailActionForm(HoneypotForm):
    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(label=_("Your email"), max_length=254)
    zip = forms.CharField(label=_("Your ZIP code"), max_length=10)
    address = forms.CharField(label=_("Street address"), max_length=200, required=False)
    prefix = forms.ChoiceField(label=_("Title"), required=False, choices=PREFIXES)
    city = forms.CharField(label=_("Your town or city"), max_length=60, required=False)
    personal_note = forms.CharField(label=_("Add a personal note (optional)"), max_length=MAX_NOTE, required=False,
                                    widget=forms.Textarea(attrs={"rows": 4}))
    bot_message = _("Your message could not be sent.")
