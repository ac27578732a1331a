"""What an office's official web form will ask for, in words, from contact-congress's $VARIABLES."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

LABELS = {
    "$NAME_PREFIX": _("title (Mr., Ms.…)"),
    "$NAME_FIRST": _("first name"),
    "$NAME_LAST": _("last name"),
    "$NAME_FULL": _("full name"),
    "$ADDRESS_STREET": _("street address"),
    "$ADDRESS_STREET_2": _("address line 2"),
    "$ADDRESS_CITY": _("town or city"),
    "$ADDRESS_STATE_POSTAL_ABBREV": _("state"),
    "$ADDRESS_STATE_FULL": _("state"),
    "$ADDRESS_ZIP5": _("ZIP code"),
    "$ADDRESS_ZIP4": _("ZIP+4"),
    "$ADDRESS_ZIP_PLUS_4": _("ZIP+4"),
    "$ADDRESS_COUNTY": _("county"),
    "$EMAIL": _("email"),
    "$PHONE": _("phone number"),
    "$PHONE_PARENTHESES": _("phone number"),
    "$TOPIC": _("topic"),
    "$SUBJECT": _("subject"),
    "$MESSAGE": _("message"),
    "$CAPTCHA_SOLUTION": _("a CAPTCHA"),
}


def field_labels(variables: list[str]) -> list[str]:
    """Human words for the form's required fields, each once, in form order; unknown ones are left out."""
    labels: list[str] = []
    for variable in variables or []:
        label = LABELS.get(variable)
        if label is not None and str(label) not in labels:
            labels.append(str(label))
    return labels
