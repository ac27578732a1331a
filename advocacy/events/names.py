"""ICE publishes facility names and addresses in capitals; we show them cleaned by rule, never by title-case.

"BROOKLYN MDC" → "Brooklyn MDC", "CCA, FLORENCE CORRECTIONAL CENTER" → "CCA, Florence Correctional Center",
"CASCADE COUNTY JAIL, MT" → "Cascade County Jail, MT". Names already in mixed case are kept as published.
"""

from __future__ import annotations

import re

ACRONYMS = {"ICE", "MDC", "CCA", "SSM", "ERO", "CDF", "IPC", "SPC", "DHS", "US", "USA", "USP", "FCI", "FDC", "MCC",
            "CBP", "ICDC", "II", "III", "IV", "DC", "PO", "GEO", "NE", "NW", "SE", "SW", "LLC", "JTC", "IAH", "DOC",
            "CI", "CJC", "RPC", "ORR", "ICA"}
ABBREVIATIONS = {"CTR", "DR", "RD", "ST", "BLVD", "HWY", "PKWY", "CT", "LN", "FWY", "STE", "CNTY", "CRT", "PL", "SQ",
                 "MT", "FT", "CR", "TPKE", "JCT"}
SMALL_WORDS = {"OF", "THE", "AND", "FOR", "AT", "IN", "ON", "DE", "DEL", "LA"}
VOWELS = set("AEIOUY")
WORD = re.compile(r"[0-9]*[A-Z][A-Z'.]*")


def _clean_word(word: str, *, first: bool, in_parens: bool, after_comma_at_end: bool) -> str:
    if word[0].isdigit():  # "29TH" → "29th"
        return word.lower()
    bare = word.strip(".'")
    if after_comma_at_end and len(bare) == 2:  # a trailing state code: "…, MT"
        return word
    if bare in ACRONYMS or in_parens or (bare not in ABBREVIATIONS and len(bare) > 1 and not VOWELS & set(bare)):
        return word
    if bare.startswith("MC") and len(bare) > 3:
        return "Mc" + word[2] + word[3:].lower()
    if bare in SMALL_WORDS and not first:
        return word.lower()
    return word[0] + word[1:].lower()


def clean_name(text: str) -> str:
    """Mixed-case text as published; all-capitals text cleaned word by word (acronyms and state codes kept)."""
    if not text or text != text.upper() or not any(c.isalpha() for c in text):
        return text
    matches = list(WORD.finditer(text))
    out, last = [], 0
    for index, match in enumerate(matches):
        before = text[:match.start()]
        out.append(text[last:match.start()])
        out.append(_clean_word(
            match.group(), first=index == 0, in_parens=before.count("(") > before.count(")"),
            after_comma_at_end=index == len(matches) - 1 and before.rstrip().endswith(",")))
        last = match.end()
    out.append(text[last:])
    return "".join(out)
