"""The variables organizers may use in scripts and email templates, their help text, and a check for typos.

A misspelled `{{ suporter.name }}` renders as nothing; the admin refuses it on save instead.
"""

from __future__ import annotations

from django.template.base import FilterExpression, Node, NodeList, Variable
from django.template.defaulttags import ForNode, TemplateLiteral, WithNode
from django.template.smartif import TokenBase

from advocacy.campaigns.scripts import compile_text

# root → the attributes organizers may reach under it (None: any, e.g. loop items and the campaign)
VARIABLES: dict[str, set[str] | None] = {
    "target": {"name", "title", "state", "district", "chamber", "party", "phone", "address", "url"},
    "target_name": set(),
    "supporter": {"name", "first_name", "zip_code", "city", "state", "email"},
    "campaign": {"title", "title_es", "summary", "summary_es", "hashtag", "toolkit_url", "slug"},
    "demands": set(),
    "constituent": set(),
    "forloop": None,
}
HELP = (
    "Variables: {{ target_name }} (\"Senator Alex Padilla\"), {{ target.name }}, {{ target.title }}, "
    "{{ target.state }}, {{ supporter.name }}, {{ supporter.first_name }}, {{ supporter.zip_code }}, "
    "{{ supporter.city }}, {{ supporter.state }}, {{ campaign.title }}, {{ campaign.hashtag }}, and "
    "{% for demand in demands %}{{ demand }}{% endfor %}. Use {% if supporter.name %}…{% endif %} for "
    "optional parts, and {% if constituent %}…{% endif %} for words only the supporter's own members should "
    "hear (\"I live in ZIP code …\"); unknown variables are refused when you save."
)


def _walk(obj, found: list[list[str]], local: set[str], depth: int = 0) -> None:
    if depth > 60:
        return
    if isinstance(obj, FilterExpression):
        if isinstance(obj.var, Variable) and obj.var.lookups:
            found.append(list(obj.var.lookups))
        for _func, args in obj.filters:
            for is_var, arg in args:
                if is_var and isinstance(arg, Variable) and arg.lookups:
                    found.append(list(arg.lookups))
        return
    if isinstance(obj, ForNode):
        local.update(obj.loopvars)
    if isinstance(obj, WithNode):
        local.update(obj.extra_context)
    if isinstance(obj, list | tuple | NodeList):
        for item in obj:
            _walk(item, found, local, depth + 1)
    elif isinstance(obj, dict):
        for item in obj.values():
            _walk(item, found, local, depth + 1)
    elif isinstance(obj, Node | TemplateLiteral | TokenBase):
        for value in vars(obj).values():
            _walk(value, found, local, depth + 1)


def unknown_variables(text: str) -> list[str]:
    """The variable paths in `text` that no script context provides ("suporter.name", "target.nmae")."""
    found: list[list[str]] = []
    local: set[str] = set()
    _walk(compile_text(text).nodelist, found, local)
    unknown = []
    for lookups in found:
        root = lookups[0]
        if root in local:
            continue
        allowed = VARIABLES.get(root, "missing")
        if allowed == "missing" or (allowed is not None and len(lookups) > 1 and lookups[1] not in allowed):
            path = ".".join(lookups)
            if path not in unknown:
                unknown.append(path)
    return unknown
