"""`{% callback_times campaign as times %}`: the call-back times a call form offers (calls/callbacks.py)."""

from django import template

from advocacy.calls.callbacks import callback_times as offered_times

register = template.Library()


@register.simple_tag
def callback_times(campaign):
    return offered_times(campaign)
