"""Local stand-ins for the geocoders: the US Census geocoder's /geographies/onelineaddress JSON answer and
Geocodio's /v1.7/geocode JSON answer, each from a table of address prefixes."""

from __future__ import annotations

import time

from tests.fakes.http import FakeHTTPServer

FIPS = {"NY": "36", "CA": "06", "GU": "66", "VT": "50", "OH": "39", "TX": "48"}


def _ordinal(number: int) -> str:
    return f"{number}{'st' if number % 10 == 1 and number % 100 != 11 else 'th'}"


def _plans(answer) -> dict[int, tuple[str, int]]:
    """An address's districts per Congress: (state, district) alone means the 119th's."""
    return answer if isinstance(answer, dict) else {119: answer}


class FakeCensusGeocoder(FakeHTTPServer):
    """`addresses` maps an address prefix (lower case) to (state, district) or {congress: (state, district)};
    the answer carries one "<n>th Congressional Districts" layer per Congress, as the Current vintage did
    while it alternated; anything else has no match."""

    def __init__(self, addresses: dict, *, delay: float = 0.0, status: int = 200):
        self.addresses = addresses
        self.delay = delay
        self.status = status
        super().__init__(self._answer)

    def _answer(self, request):
        time.sleep(self.delay)
        if self.status != 200:
            return self.status, {"errors": ["Internal error"]}, None
        if request["path"] != "/geographies/onelineaddress":
            return 404, {"errors": ["unknown path"]}, None
        address = request["query"].get("address", [""])[0].lower()
        for prefix, answer in self.addresses.items():
            if address.startswith(prefix):
                geographies = {"States": [{"STATE": FIPS[_plans(answer)[min(_plans(answer))][0]]}]}
                for congress, (state, district) in _plans(answer).items():
                    geographies[f"{_ordinal(congress)} Congressional Districts"] = [{
                        "STATE": FIPS[state], f"CD{congress}": f"{district:02d}", "BASENAME": str(district),
                        "NAME": f"Congressional District {district}"}]
                match = {"matchedAddress": address.upper(), "coordinates": {"x": -73.99, "y": 40.75},
                         "geographies": geographies}
                return 200, {"result": {"input": {"address": {"address": address}}, "addressMatches": [match]}}, None
        return 200, {"result": {"input": {"address": {"address": address}}, "addressMatches": []}}, None


class FakeGeocodio(FakeHTTPServer):
    """Geocodio's forward geocode with `fields=cdNNN`: `addresses` as for FakeCensusGeocoder. Like Geocodio, it
    answers only the Congress the `fields` parameter asks for (`cd` alone = the current one, `current`), and
    401 without the right api_key."""

    def __init__(self, addresses: dict, *, api_key: str = "test-key", current: int = 119, status: int = 200):
        self.addresses, self.api_key, self.current, self.status = addresses, api_key, current, status
        super().__init__(self._answer)

    def _answer(self, request):
        query = {name: values[0] for name, values in request["query"].items()}
        if query.get("api_key") != self.api_key:
            return 403, {"error": "Invalid API key"}, None
        if self.status != 200:
            return self.status, {"error": "Server error"}, None
        if request["path"] != "/v1.7/geocode":
            return 404, {"error": "Not found"}, None
        address = query.get("q", "").lower()
        field = next((f for f in query.get("fields", "").split(",") if f.startswith("cd")), "")
        congress = int(field[2:]) if field[2:].isdigit() else self.current
        answer = next((a for prefix, a in self.addresses.items() if address.startswith(prefix)), None)
        if answer is None:
            return 200, {"input": {"formatted_address": address}, "results": []}, None
        state = _plans(answer)[min(_plans(answer))][0]
        result = {"address_components": {"state": state, "zip": address[-5:]}, "formatted_address": address,
                  "location": {"lat": 40.75, "lng": -73.99}, "accuracy": 1, "accuracy_type": "rooftop",
                  "source": "fake"}
        if field:
            districts = []
            if congress in _plans(answer):
                number = _plans(answer)[congress][1]
                districts.append({"name": f"Congressional District {number}", "district_number": number,
                                  "congress_number": congress, "congress_years": "2025-2027", "proportion": 1,
                                  "current_legislators": []})
            result["fields"] = {"congressional_districts": districts}
        return 200, {"input": {"formatted_address": address}, "results": [result]}, None
