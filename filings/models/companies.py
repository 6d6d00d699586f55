"""Companies and people: one row per CIK, or per resolved cluster of a person's name
mentions, with the newest facts the filings give."""

from django.db import models
from django.urls import reverse


def padded_cik(cik: int | None) -> str:
    return "" if cik is None else f"{cik:010d}"


class Company(models.Model):
    """A company is its CIK; the name and facts are the latest its filings state."""

    cik = models.PositiveBigIntegerField(primary_key=True)
    name = models.CharField(max_length=255)
    sic = models.CharField(max_length=8, blank=True)
    sic_description = models.CharField(max_length=255, blank=True)
    state_of_incorporation = models.CharField(max_length=8, blank=True)
    fiscal_year_end = models.CharField(max_length=4, blank=True)
    # The filing date the facts above come from: older filings never overwrite newer ones.
    facts_as_of = models.DateField(null=True, blank=True)
    # The name as organisation mentions in text are matched against (see extract.organizations).
    normalized_name = models.CharField(max_length=255, blank=True, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self):
        return f"{self.name} ({self.cik_padded})"

    def get_absolute_url(self):
        return reverse("company", args=[self.cik])

    @property
    def cik_padded(self) -> str:
        return padded_cik(self.cik)


class Person(models.Model):
    """A person: a reporting owner's CIK, or a resolved cluster of name mentions.

    An analyst merge points `merged_into` at the surviving person; undoing it clears
    the pointer, so a merge never rewrites the events themselves.
    """

    cik = models.PositiveBigIntegerField(null=True, blank=True, unique=True)
    name = models.CharField(max_length=255, help_text="Display name, e.g. 'Patricia L. Higgins'")
    raw_name = models.CharField(max_length=255, help_text="The name as first written")
    given = models.CharField(max_length=100, blank=True)
    middle = models.CharField(max_length=100, blank=True)
    family = models.CharField(max_length=100, blank=True, db_index=True)
    suffix = models.CharField(max_length=20, blank=True)
    nickname = models.CharField(max_length=100, blank=True)
    facts_as_of = models.DateField(null=True, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("person", args=[self.pk])

    def canonical(self) -> "Person":
        """The person this one is merged into (following chains), or itself."""
        person, seen = self, {self.pk}
        while person.merged_into_id and person.merged_into_id not in seen:
            seen.add(person.merged_into_id)
            person = person.merged_into
        return person

    def cluster_ids(self) -> list[int]:
        """This person and everyone merged into it, directly or through others."""
        ids, frontier = {self.pk}, [self.pk]
        while frontier:
            frontier = list(
                Person.objects.filter(merged_into_id__in=frontier)
                .exclude(pk__in=ids)
                .values_list("pk", flat=True)
            )
            ids.update(frontier)
        return sorted(ids)

    @property
    def cik_padded(self) -> str:
        return padded_cik(self.cik)
