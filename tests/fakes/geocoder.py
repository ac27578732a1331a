"""A local stand-in for the US Census geocoder's /geographies/onelineaddress JSON answer."""

from __future__ import annotations

import time

from tests.fakes.http import FakeHTTPServer

FIPS = {"NY": "36", "CA": "06", "GU": "66", "VT": "50"}


class FakeCensusGeocoder(FakeHTTPServer):
    """`addresses` maps an address prefix (lower case) to (state, district); anything else has no match."""

    def __init__(self, addresses: dict[str, tuple[str, int]], *, delay: float = 0.0, status: int = 200):
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
        for prefix, (state, district) in self.addresses.items():
            if address.startswith(prefix):
                area = {"STATE": FIPS[state], "CD119": f"{district:02d}", "BASENAME": str(district),
                        "NAME": f"Congressional District {district}"}
                match = {"matchedAddress": address.upper(), "coordinates": {"x": -73.99, "y": 40.75},
                         "geographies": {"119th Congressional Districts": [area], "States": [{"STATE": FIPS[state]}]}}
                return 200, {"result": {"input": {"address": {"address": address}}, "addressMatches": [match]}}, None
        return 200, {"result": {"input": {"address": {"address": address}}, "addressMatches": []}}, None
