"""The upload page: several files at once, each through the one ingest path."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from .. import ingest
from ..forms import UploadForm


@login_required
@permission_required("filings.add_filing", raise_exception=True)
def upload(request):
    results = []
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            limit = settings.MAX_UPLOAD_MB * 1024 * 1024
            for f in form.cleaned_data["files"]:
                if f.size > limit:
                    results.append(
                        ingest.IngestResult(
                            name=f.name,
                            status=ingest.REFUSED,
                            message=(
                                f"{f.name}: {f.size / 1048576:.1f} MB is over the "
                                f"{settings.MAX_UPLOAD_MB} MB limit for one file; "
                                "use `manage.py ingest` for larger files."
                            ),
                        )
                    )
                    continue
                results.append(ingest.ingest(f.read(), f.name, user=request.user))
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
