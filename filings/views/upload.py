"""The upload page: several files at once, each through the one ingest path."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from .. import ingest
from ..forms import UploadForm
from ..uploads import unpack


@login_required
@permission_required("filings.add_filing", raise_exception=True)
def upload(request):
    results = []
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            replace_complete = form.cleaned_data["replace_complete"]
            for f in form.cleaned_data["files"]:
                results.append(store_upload(f, request.user, replace_complete))
            refused = sum(1 for r in results if not r.ok)
            if refused:
                messages.warning(request, f"{refused} of {len(results)} files were refused.")
            else:
                messages.success(request, f"{len(results)} files stored.")
    else:
        form = UploadForm()
    return render(
        request,
        "filings/upload.html",
        {"form": form, "results": results, "max_mb": settings.MAX_UPLOAD_MB},
    )


def store_upload(f, user, replace_complete: bool) -> ingest.IngestResult:
    """One file of the batch: its own result, whatever happens to the others."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if f.size > limit:
        return refused(
            f.name,
            f"{f.name}: {f.size / 1048576:.1f} MB is over the {settings.MAX_UPLOAD_MB} MB "
            "limit for one file; use `manage.py ingest` for larger files.",
        )
    try:
        data, name = unpack(f.read(), f.name, limit=limit)
    except ValueError as exc:
        return refused(f.name, str(exc))
    return ingest.ingest(data, name, user=user, replace_complete=replace_complete)


def refused(name: str, message: str) -> ingest.IngestResult:
    return ingest.IngestResult(name=name, status=ingest.REFUSED, message=message)
