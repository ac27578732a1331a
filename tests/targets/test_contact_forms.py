"""sync_targets imports the official contact forms (unitedstates/contact-congress) and the CWC office codes."""

import io
import tarfile

import pytest
import yaml
from django.core.management import call_command

from targets.models import Target
from targets.sync.contact_forms import read_contact_forms
from tests.emails.cwc_fixtures import SCHUMER_FORM, write_contact_forms
from tests.fakes.http import FakeHTTPServer
from tests.targets.fixtures import PEOPLE, write_data_dir

pytestmark = pytest.mark.django_db


def sync(data_dir) -> str:
    out = io.StringIO()
    call_command("sync_targets", "--data-dir", str(data_dir), stdout=out)
    return out.getvalue()


@pytest.fixture
def data_dir(tmp_path):
    people = [dict(p, terms=[dict(p["terms"][0], **({"class": 3} if p["id"]["bioguide"] == "S000148" else {}))])
              for p in PEOPLE]
    root = write_data_dir(tmp_path, people=people)
    write_contact_forms(root)
    (root / "contact-congress" / "members" / "N000002.yaml").write_text(
        'contact_form:\n  steps:\n    - visit: "https://nadler.house.gov/write"\n    - fill_in:\n  - broken: [\n')
    return root


def test_forms_fields_and_cwc_offices_are_imported(data_dir):
    output = sync(data_dir)

    schumer, goldman, nadler, balint = (Target.objects.get(key=k) for k in ("S000148", "G000599", "N000002",
                                                                            "B001288"))
    assert (schumer.official_form_url, schumer.takes_cwc, schumer.cwc_office) == (SCHUMER_FORM, False, "SNY02")
    assert schumer.official_form_fields == ["$NAME_FIRST", "$NAME_LAST", "$ADDRESS_STREET", "$EMAIL", "$MESSAGE",
                                            "$NAME_PREFIX"]  # the optional $ADDRESS_STREET_2 is left out
    assert (goldman.official_form_url, goldman.takes_cwc, goldman.cwc_office) == ("", True, "HNY10")
    assert (nadler.official_form_url, nadler.official_form_fields) == ("https://nadler.house.gov/write", [])
    assert (balint.cwc_office, balint.official_form_url) == ("HVT00", "")  # at-large is 00; no file for her
    assert "2 senators and 1 House members have an official form; 1 offices are stubforcwc" in output
    assert "contact_forms: 0 created, 0 updated, 7 unchanged" in sync(data_dir)  # a second run changes nothing


def test_without_a_data_dir_the_live_repository_tarball_is_read(settings, tmp_path):
    write_contact_forms(tmp_path)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        archive.add(tmp_path / "contact-congress" / "members", arcname="contact-congress-main/members")
        archive.add(tmp_path / "contact-congress", arcname="contact-congress-main/README.md", recursive=False)
    with FakeHTTPServer(lambda request: (200, buffer.getvalue(), {"Content-Type": "application/gzip"})) as fake:
        settings.CONTACT_CONGRESS_TARBALL_URL = f"{fake.url}/unitedstates/contact-congress/tar.gz/refs/heads/main"
        files = read_contact_forms(None)
    assert sorted(files) == ["G000555", "G000599", "S000148"]
    assert yaml.safe_load(files["G000599"])["contact_form"]["steps"][0]["visit"] == "stubforcwc"
