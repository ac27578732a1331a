"""Target data and lookup: geocoders, district plans per Congress, pinned upstream sources, sync downloads."""

from advocacy.config.env import env, env_float, env_int, env_list

CENSUS_GEOCODER_URL = env("CENSUS_GEOCODER_URL", "https://geocoding.geo.census.gov/geocoder").rstrip("/")
GEOCODIO_API_KEY = env("GEOCODIO_API_KEY")
GEOCODIO_URL = env("GEOCODIO_URL", "https://api.geocod.io/v1.7/geocode")
GEOCODER_TIMEOUT = env_float("GEOCODER_TIMEOUT", 3.0)
LOOKUPS_PER_MINUTE_PER_IP = env_int("LOOKUPS_PER_MINUTE_PER_IP", 60)
LOOKUP_CACHE_SECONDS = env_int("LOOKUP_CACHE_SECONDS", 3600)  # ZIP answers; sync_targets invalidates them
GEOCODER_CACHE_SECONDS = env_int("GEOCODER_CACHE_SECONDS", 86400)
# District data per Congress (issue 18). The lookup answers for the Congress sitting at the request's moment
# (switching at noon ET on January 3 of odd years); CONGRESS_OVERRIDE pins it (tests, special cases).
CONGRESS_OVERRIDE = env_int("CONGRESS_OVERRIDE", 0) or None
# The Census geocoder vintage that carries each Congress's district layer ("119=Current_Current,...").
CENSUS_GEOCODER_VINTAGES = dict(pair.split("=", 1) for pair in env_list(
    "CENSUS_GEOCODER_VINTAGES", "119=Current_Current,120=Current_Current"))
CENSUS_GEOCODER_BENCHMARK = env("CENSUS_GEOCODER_BENCHMARK", "Public_AR_Current")
# Upstream sources pinned to a version (a commit in the URL); sync_targets reports what it loaded.
CONGRESS_LEGISLATORS_REF = env("CONGRESS_LEGISLATORS_REF", "dfa9622263dd4c8d08636926e498f1845704d7eb")
ZIP_DISTRICTS_REF = env("ZIP_DISTRICTS_REF", "1335b61ff36b6835a25fc63c754070a6148110e7")
ZIP_DISTRICTS_CONGRESS = env_int("ZIP_DISTRICTS_CONGRESS", 119)  # the plan zccd.csv at that ref describes
ZIP_CENTROIDS_REF = env("ZIP_CENTROIDS_REF", "53c521f2333c47589943351e29b3c4292902660f")
# More district plans, e.g. the next Congress's, built by build_zip_districts: "120=/path/or/url.csv,...".
DISTRICT_PLAN_FILES = dict(pair.split("=", 1) for pair in env_list("DISTRICT_PLAN_FILES", ""))
CAPITOL_SWITCHBOARD = env("CAPITOL_SWITCHBOARD", "+12022243121")

# Target data: sync_targets downloads the live sources; the coalition's own fixed targets (executive offices,
# leadership and committee chairs with sources) come from a file or URL of its own.
FIXED_TARGETS_URL = env("FIXED_TARGETS_URL")
SYNC_DOWNLOAD_TIMEOUT = env_float("SYNC_DOWNLOAD_TIMEOUT", 60.0)
CONTACT_CONGRESS_TARBALL_URL = env(
    "CONTACT_CONGRESS_TARBALL_URL", "https://codeload.github.com/unitedstates/contact-congress/tar.gz/refs/heads/main")
ICE_DATA_URL = env("ICE_DATA_URL")  # a base URL laid out like shared/data (ice/*.csv) for sync_ice_locations
