"""The one way in to a geocoder: a street address to its congressional district(s).

The US Census geocoder is the default (free, no key; `CENSUS_GEOCODER_URL`); Geocodio is used when
`GEOCODIO_API_KEY` is set. Both are asked for one Congress's districts, the one the caller names (the one in
effect): the Census geocoder with that Congress's vintage (`CENSUS_GEOCODER_VINTAGES`) and only its layer
("120th Congressional Districts") read; Geocodio with the `cd120` field and only entries of that Congress
read. A missing layer, a failure (timeout, error) or no match returns None, and the caller falls back to the
ZIP-only answer and says so.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass

import requests
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

STATE_FIPS = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC",
    "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY",
    "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT",
    "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH",
    "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT",
    "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI", "56": "WY", "60": "AS", "66": "GU", "69": "MP",
    "72": "PR", "78": "VI",
}
AT_LARGE_CODES = {"00", "98", "0", "ZZ"}


@dataclass(frozen=True)
class GeocodedDistrict:
    state: str
    district: int  # 0 = at-large


def _district_number(code: str) -> int | None:
    code = str(code).strip()
    if code in AT_LARGE_CODES or code.lower() in {"at large", "at-large"}:
        return 0
    return int(code) if code.isdigit() else None


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def census_layer(congress: int) -> str:
    return f"{ordinal(congress)} Congressional Districts"


def _census(address: str, congress: int) -> list[GeocodedDistrict] | None:
    layer = census_layer(congress)
    response = requests.get(
        f"{settings.CENSUS_GEOCODER_URL}/geographies/onelineaddress",
        params={"address": address, "benchmark": settings.CENSUS_GEOCODER_BENCHMARK,
                "vintage": settings.CENSUS_GEOCODER_VINTAGES.get(str(congress), "Current_Current"),
                "layers": layer, "format": "json"},
        timeout=settings.GEOCODER_TIMEOUT,
    )
    response.raise_for_status()
    matches = response.json().get("result", {}).get("addressMatches", [])
    if not matches:
        return None
    found = []
    for area in matches[0].get("geographies", {}).get(layer, []):  # only that Congress's layer; absent = unknown
        code = area.get(f"CD{congress}", area.get("BASENAME", ""))
        state, number = STATE_FIPS.get(str(area.get("STATE", ""))), _district_number(code)
        if state and number is not None:
            found.append(GeocodedDistrict(state, number))
    return found or None


def _geocodio(address: str, congress: int) -> list[GeocodedDistrict] | None:
    response = requests.get(
        settings.GEOCODIO_URL,
        params={"q": address, "fields": f"cd{congress}", "api_key": settings.GEOCODIO_API_KEY},
        timeout=settings.GEOCODER_TIMEOUT,
    )
    response.raise_for_status()
    results = response.json().get("results", [])
    if not results:
        return None
    best = results[0]
    state = best.get("address_components", {}).get("state", "")
    found = []
    for cd in best.get("fields", {}).get("congressional_districts", []):
        if int(cd.get("congress_number") or 0) != congress:
            continue
        number = _district_number(cd.get("district_number", ""))
        if state and number is not None:
            found.append(GeocodedDistrict(state, number))
    return found or None


def districts_for_address(address: str, *, congress: int) -> list[GeocodedDistrict] | None:
    """The district(s) of a street address in `congress`'s plan, or None when the geocoder cannot say. Answers
    are cached per Congress (by a hash of the normalised address, so no address is stored); failures are not."""
    digest = hashlib.sha256(" ".join(address.lower().split()).encode()).hexdigest()
    key = f"geocode:{congress}:{digest}"
    cached = cache.get(key)
    if cached is not None:
        return [GeocodedDistrict(*pair) for pair in cached] or None
    try:
        found = _geocodio(address, congress) if settings.GEOCODIO_API_KEY else _census(address, congress)
    except (requests.RequestException, ValueError) as exc:
        logger.warning("geocoder failed for an address: %s", exc)
        return None
    cache.set(key, [(d.state, d.district) for d in found or []], settings.GEOCODER_CACHE_SECONDS)
    return found
