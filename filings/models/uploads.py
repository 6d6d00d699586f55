"""Uploads that ingest in the background: a batch (one upload page submission, or one
`ingest --background` run) and its files, each with the state a worker has brought it to.

The bytes are kept in storage from the moment the upload arrives (uploads/<batch>/<n>),
so a worker that dies loses nothing: the file is ingested again by the next attempt.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse

QUEUED, RUNNING, FAILED = "queued", "running", "failed"
# The ingest results (filings.ingest: created, updated, unchanged, kept, refused) are final
# states too; "failed" is a file whose worker died on every attempt.
FILE_STATES = (QUEUED, RUNNING, "created", "updated", "unchanged", "kept", "refused", FAILED)
UNFINISHED = (QUEUED, RUNNING)


class UploadBatch(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    replace_complete = models.BooleanField(default=False)
    source = models.CharField(max_length=20, default="upload", help_text="upload or command")

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"upload #{self.pk}"

    def get_absolute_url(self):
        return reverse("upload-batch", args=[self.pk])

    @property
    def finished(self) -> bool:
        return not self.files.filter(status__in=UNFINISHED).exists()


class UploadFile(models.Model):
    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    stored_as = models.CharField(max_length=255, help_text="Where the bytes wait in storage")
    status = models.CharField(
        max_length=10, choices=[(s, s) for s in FILE_STATES], default=QUEUED, db_index=True
    )
    message = models.TextField(blank=True)
    accession = models.CharField(max_length=20, blank=True)
    version = models.PositiveIntegerField(null=True, blank=True)
    findings = models.JSONField(default=list, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    # A running attempt holds the file until then; past it, the worker is taken for dead.
    lease_until = models.DateTimeField(null=True, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "position"]

    def __str__(self):
        return f"{self.name} ({self.status})"
