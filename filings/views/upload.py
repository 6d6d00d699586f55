"""The upload page: several files at once, each through the one ingest path; several
files or a large one go to a background worker, with a progress page per batch and the
user's list of batches."""

from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from .. import background, ingest
from ..forms import UploadForm
from ..models import UNFINISHED, UploadBatch, UploadFile
from ..uploads import unpack
from . import htmx_fragment, paged


@login_required
@permission_required("filings.add_filing", raise_exception=True)
def upload(request):
    results = []
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            replace_complete = form.cleaned_data["replace_complete"]
            files = form.cleaned_data["files"]
            if background.wants_background([f.size for f in files]):
                batch = queue_upload(files, request.user, replace_complete)
                return redirect(batch)
            for f in files:
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


def read_upload(f) -> tuple[bytes, str]:
    """An uploaded file's bytes and name (a .gz unpacked), or ValueError with the reason."""
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    if f.size > limit:
        raise ValueError(
            f"{f.name}: {f.size / 1048576:.1f} MB is over the {settings.MAX_UPLOAD_MB} MB "
            "limit for one file; use `manage.py ingest` for larger files."
        )
    return unpack(f.read(), f.name, limit=limit)


def store_upload(f, user, replace_complete: bool) -> ingest.IngestResult:
    """One file of the batch: its own result, whatever happens to the others."""
    try:
        data, name = read_upload(f)
    except ValueError as exc:
        return refused(f.name, str(exc))
    return ingest.ingest(data, name, user=user, replace_complete=replace_complete)


def queue_upload(files, user, replace_complete: bool) -> UploadBatch:
    """The files for a worker; one that cannot be read is refused at once, in the batch."""
    readable, refusals = [], []
    for f in files:
        try:
            readable.append(read_upload(f)[::-1])
        except ValueError as exc:
            refusals.append((f.name, str(exc)))
    batch = background.queue(readable, user, replace_complete=replace_complete)
    for offset, (name, message) in enumerate(refusals, start=len(readable)):
        UploadFile.objects.create(
            batch=batch,
            position=offset,
            name=name[:255],
            size=0,
            stored_as="",
            status=ingest.REFUSED,
            message=message,
        )
    return batch


def visible_batch(request, pk) -> UploadBatch:
    """A batch its uploader, or an admin, may follow; anyone else gets a 404."""
    batch = get_object_or_404(UploadBatch.objects.select_related("user"), pk=pk)
    if batch.user_id != request.user.pk and not request.user.has_perm("filings.change_filing"):
        raise Http404("No such upload.")
    return batch


@login_required
@permission_required("filings.add_filing", raise_exception=True)
@require_GET
def upload_batch(request, pk):
    """A batch's progress: each file queued, running, or its result (htmx polls the
    table while any file is unfinished; without JavaScript the page refreshes itself)."""
    batch = visible_batch(request, pk)
    background.recover()
    files = list(batch.files.all())
    counts = Counter(f.status for f in files)
    context = {
        "batch": batch,
        "files": files,
        "counts": sorted(counts.items()),
        "unfinished": any(f.status in UNFINISHED for f in files),
    }
    return htmx_fragment(request, "filings/upload_batch.html", "batch-files", context)


@login_required
@permission_required("filings.add_filing", raise_exception=True)
@require_GET
def upload_list(request):
    """The user's upload batches, newest first, with what became of their files."""
    batches = UploadBatch.objects.filter(user=request.user).prefetch_related("files")
    page, _ = paged(request, batches)
    rows = [(b, sorted(Counter(f.status for f in b.files.all()).items())) for b in page]
    return render(request, "filings/upload_list.html", {"page": page, "rows": rows})


def refused(name: str, message: str) -> ingest.IngestResult:
    return ingest.IngestResult(name=name, status=ingest.REFUSED, message=message)
