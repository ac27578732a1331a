"""Small source files laid out like shared/data, written by the tests that need them."""

from __future__ import annotations

from pathlib import Path

import yaml


def person(bioguide, first, last, term_type, state, district=None, phone="202-225-0001", leadership=None,
           official=True):
    term = {"type": term_type, "start": "2025-01-03", "end": "2027-01-03", "state": state, "party": "Democrat",
            "url": f"https://{last.lower()}.house.gov", "address": "1 Capitol", "phone": phone}
    if district is not None:
        term["district"] = district
    name = {"first": first, "last": last}
    if official:
        name["official_full"] = f"{first} {last}"
    data = {"id": {"bioguide": bioguide}, "name": name, "terms": [term]}
    if leadership:
        data["leadership_roles"] = [{"title": leadership, "chamber": "house", "start": "2025-01-03"}]
    return data


PEOPLE = [
    person("N000002", "Jerrold", "Nadler", "rep", "NY", 12, leadership="House Minority Whip"),
    person("G000599", "Daniel", "Goldman", "rep", "NY", 10),
    person("S000148", "Charles", "Schumer", "sen", "NY"),
    person("G000555", "Kirsten", "Gillibrand", "sen", "NY"),
    person("B001288", "Becca", "Balint", "rep", "VT", 0),
    person("M001233", "James", "Moylan", "rep", "GU", 0, official=False),
    person("X000001", "No", "Phone", "rep", "CA", 1, phone=None),
]

ZCCD = "state_fips,state_abbr,zcta,cd\n36,NY,10001,10\n36,NY,10001,12\n50,VT,05401,0\n06,CA,96001,1\n" + "".join(
    f"06,CA,9{i:04d},2\n" for i in range(200))  # CA-2 is vacant in these fixtures


def write_data_dir(root: Path, *, people=None, zccd=ZCCD) -> Path:
    legislators = root / "congress-legislators"
    legislators.mkdir(parents=True, exist_ok=True)
    (legislators / "legislators-current.yaml").write_text(yaml.safe_dump(PEOPLE if people is None else people))
    (legislators / "committees-current.yaml").write_text(yaml.safe_dump([
        {"thomas_id": "HSAP", "name": "House Committee on Appropriations",
         "subcommittees": [{"thomas_id": "15", "name": "Homeland Security"}]}]))
    (legislators / "committee-membership-current.yaml").write_text(yaml.safe_dump({
        "HSAP15": [{"name": "Daniel Goldman", "party": "majority", "rank": 1, "title": "Chair",
                    "bioguide": "G000599"},
                   {"name": "Becca Balint", "party": "minority", "rank": 1, "title": "Ranking Member",
                    "bioguide": "B001288"}]}))
    (legislators / "legislators-district-offices.yaml").write_text(yaml.safe_dump([
        {"id": {"bioguide": "N000002"}, "offices": [
            {"id": "N000002-nyc", "address": "201 Varick St", "suite": 660, "city": "New York", "state": "NY",
             "zip": "10014", "phone": "212-367-7350", "latitude": 40.72, "longitude": -74.0}]}]))
    zip_dir = root / "zip-district"
    zip_dir.mkdir(exist_ok=True)
    (zip_dir / "zccd.csv").write_text(zccd)
    (zip_dir / "zccd_territories_supplement.csv").write_text(
        "state_fips,state_abbr,zcta,cd\n66,GU,96910,0\n36,NY,99999,3\n")
    geo = root / "geo"
    geo.mkdir(exist_ok=True)
    (geo / "zcta_centroids_2023.csv").write_text("GEOID,LAT,LONG,COUNTRY\n" + "".join(
        f"{z},40.{i},-73.{i},US\n" for i, z in enumerate(["10001", "05401", "96910", "96001"] +
                                                          [f"9{i:04d}" for i in range(120)])))
    (root / "fixed_targets.yaml").write_text(yaml.safe_dump({
        "executive": [{"id": "dhs_main", "name": "Department of Homeland Security", "phone": "202-282-8000",
                       "source": "usa.gov"},
                      {"id": "white_house_contact_form", "name": "White House contact form",
                       "url": "https://www.whitehouse.gov/contact/", "source": "usa.gov"}],
        "congressional_leadership": [{"bioguide": "N000002", "name": "Jerrold Nadler", "chamber": "house",
                                      "role": "House Minority Whip"}],
        "committees": [{"committee_id": "HSAP15", "name": "House Appropriations Homeland Security",
                        "leaders": [{"bioguide": "G000599", "name": "Daniel Goldman", "committee_title": "Chair"}]}],
    }))
    return root


# The 120th Congress's plan as build_zip_districts writes it: 10001 lies wholly in NY-12, 43125 is split with
# most of it in OH-15; Vermont's plan is not in the file (not loaded). CA filler keeps the file plausible.
PLAN_120 = ("state_fips,state_abbr,zcta,cd,share\n36,NY,10001,12,1.0000\n39,OH,43125,15,0.7200\n"
            "39,OH,43125,3,0.2800\n06,CA,96001,1,1.0000\n" + "".join(f"06,CA,9{i:04d},2,1.0000\n" for i in range(200)))


def write_plan(root: Path, congress: int = 120, text: str = PLAN_120) -> Path:
    plans = root / "zip-district" / "plans"
    plans.mkdir(parents=True, exist_ok=True)
    (plans / f"cd{congress}.csv").write_text(text)
    return root
