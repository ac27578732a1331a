from django import template

from targets.titles import display_name

register = template.Library()


@register.filter
def office_name(target) -> str:
    """A target's title and name in the visitor's language: "Senador/a Charles Schumer"."""
    return display_name(target) if target is not None else ""
