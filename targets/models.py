"""Who supporters can reach: members of Congress and other offices, and where ZIP codes lie."""

from __future__ import annotations

from django.db import models


class Target(models.Model):
    """A person or office a campaign can call or write to.

    Members of Congress are keyed by bioguide id; other targets by the id in fixed_targets.yaml.
    A target that leaves office is retired (is_active=False), never deleted, so the history of
    contacts to it stays intact.
    """

    class Kind(models.TextChoices):
        MEMBER = "member", "Member of Congress"
        EXECUTIVE = "executive", "Executive office"
        OTHER = "other", "Other office"
        CUSTOM = "custom", "Organizer's own target (CSV import)"

    class Chamber(models.TextChoices):
        HOUSE = "house", "House"
        SENATE = "senate", "Senate"
        NONE = "", "None"

    key = models.CharField(max_length=64, unique=True)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    name = models.CharField(max_length=200)
    title = models.CharField(max_length=200, blank=True)  # "Senator", "Representative", "Delegate", an office
    chamber = models.CharField(max_length=8, choices=Chamber.choices, blank=True)
    state = models.CharField(max_length=2, blank=True, db_index=True)
    district = models.PositiveSmallIntegerField(null=True, blank=True)  # 0 = at-large
    party = models.CharField(max_length=40, blank=True)
    phone = models.CharField(max_length=32, blank=True)  # E.164 when parseable, as dialed
    address = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=500, blank=True)
    contact_form = models.URLField(max_length=500, blank=True)
    email = models.EmailField(blank=True)
    # From unitedstates/contact-congress (targets/sync/contact_forms.py): the official web form, the fields it
    # requires ($NAME_FIRST, $ADDRESS_STREET…), and whether the office takes messages through CWC instead.
    official_form_url = models.URLField(max_length=500, blank=True)
    official_form_fields = models.JSONField(default=list, blank=True)
    takes_cwc = models.BooleanField(default=False)
    cwc_office = models.CharField(max_length=8, blank=True)  # HCA13, HAK00 (at-large), SCA01 (S + state + class-1)
    latitude = models.FloatField(null=True, blank=True)  # custom targets matched by distance
    longitude = models.FloatField(null=True, blank=True)
    is_active = models.BooleanField(default=True, db_index=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(max_length=500, blank=True)
    # Fixed targets only: the last day the entry is known to hold (e.g. the end of a Congress), and the day a
    # person last checked the number; sync_targets and check_campaign warn when either has passed.
    valid_until = models.DateField(null=True, blank=True)
    verified_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "state", "chamber", "district", "name"]
        indexes = [models.Index(fields=["state", "chamber", "district", "is_active"])]

    def __str__(self) -> str:
        return f"{self.title} {self.name}".strip()


class TargetRole(models.Model):
    """A leadership post or committee seat, as a colon path that campaigns select by prefix.

    Examples: "leadership:house:speaker", "leadership:senate:minority-whip",
    "committee:HSAP15:chair", "committee:SSAP14:ranking-member", "committee:HSAP15:member".
    A campaign that targets "committee:HSAP15" reaches whoever holds its seats after each sync.
    """

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=100, db_index=True)
    title = models.CharField(max_length=300)  # human words: "Chair, House Appropriations Homeland Security"
    rank = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["target", "role"], name="unique_target_role")]
        ordering = ["role", "rank"]

    def __str__(self) -> str:
        return f"{self.role}: {self.target}"


class DistrictOffice(models.Model):
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="district_offices")
    office_id = models.CharField(max_length=100, unique=True)
    address = models.CharField(max_length=300, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=2, blank=True)
    zip_code = models.CharField(max_length=10, blank=True)
    phone = models.CharField(max_length=32, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.target.name}, {self.city}"


class ZipDistrict(models.Model):
    """One (ZCTA, congressional district) pair of one Congress's district plan. A ZCTA may have several,
    even in two states; `share` is the district's part of the ZCTA (population or land area, 0-1) when the
    source says so."""

    congress = models.PositiveSmallIntegerField(default=119)
    zcta = models.CharField(max_length=5)
    state = models.CharField(max_length=2)
    district = models.PositiveSmallIntegerField()  # 0 = at-large
    share = models.FloatField(null=True, blank=True)

    class Meta:
        # zcta first: the lookup filters on the ZIP with this Congress, or with earlier ones
        constraints = [
            models.UniqueConstraint(fields=["zcta", "congress", "state", "district"], name="unique_zip_district"),
        ]

    def __str__(self) -> str:
        return f"{self.zcta} → {self.state}-{self.district} ({self.congress}th Congress)"


class DistrictPlan(models.Model):
    """That a state's district plan for a Congress is loaded, from where and which version. A state with no
    plan for the Congress in effect has no trustworthy ZIP answer: the lookup asks for the street address."""

    congress = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=2)
    source = models.CharField(max_length=500)
    version = models.CharField(max_length=100, blank=True)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["congress", "state"], name="unique_district_plan")]
        ordering = ["congress", "state"]

    def __str__(self) -> str:
        return f"{self.state} plan for the {self.congress}th Congress ({self.version or 'unversioned'})"


class SourceLoad(models.Model):
    """The version of each source the last successful sync loaded: shown by check_campaign and its page."""

    name = models.CharField(max_length=64, unique=True)
    url = models.CharField(max_length=500, blank=True)
    version = models.CharField(max_length=100, blank=True)
    loaded_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} {self.version} ({self.loaded_at:%Y-%m-%d})"


class ZipCentroid(models.Model):
    zcta = models.CharField(max_length=5, primary_key=True)
    latitude = models.FloatField()
    longitude = models.FloatField()

    def __str__(self) -> str:
        return f"{self.zcta} ({self.latitude}, {self.longitude})"


class CustomTarget(Target):
    """The organizer's own targets imported from a CSV (sheriffs, local officials, contractors): Kind.CUSTOM."""

    class Meta:
        proxy = True
        verbose_name = "custom target (CSV)"
