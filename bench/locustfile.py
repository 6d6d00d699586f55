"""The users of `bench/load.py`: readers who open filing pages, switch documents and
search, and a few analysts who upload filings while they do.

FastHttpUser, locust's lower-overhead client: the load generator shares the machine's
cores with the server it measures, and every millisecond it spends on its own requests is
one the server waits for."""

import os
import random
import re
from pathlib import Path

from locust import FastHttpUser, between, task

ACCESSIONS = [a for a in os.environ.get("LOAD_ACCESSIONS", "").split(",") if a]
UPLOADS = sorted(Path(os.environ.get("LOAD_UPLOADS", "/nonexistent")).glob("*.txt"))
WORDS = [
    "director",
    "resigned",
    "merger agreement",
    "chief financial officer",
    "dividend",
    "internap",
    "apple",
    "10-K",
    "form:8-K",
    "exhibit 99.1",
]
_DOCUMENTS = re.compile(r'href="(/filings/[0-9-]+/[0-9p]+/)"')


class Reader(FastHttpUser):
    weight = 48
    wait_time = between(0.5, 2)

    @task(4)
    def filing_page(self):
        accession = random.choice(ACCESSIONS)
        page = self.client.get(f"/filings/{accession}/", name="/filings/<accession>/")
        documents = _DOCUMENTS.findall(page.text)
        if documents:
            # Switch to another document, and load its frame as the browser would.
            url = random.choice(documents)
            self.client.get(url, name="/filings/<accession>/<document>/")
            self.client.get(url + "content", name="/filings/<accession>/<document>/content")

    @task(2)
    def search(self):
        self.client.get("/search/", params={"q": random.choice(WORDS)}, name="/search/?q=")

    @task(1)
    def filings_list(self):
        self.client.get("/filings/", name="/filings/")


class Uploader(FastHttpUser):
    weight = 2
    wait_time = between(2, 5)

    def on_start(self):
        page = self.client.get("/accounts/login/", name="/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        self.client.post(
            "/accounts/login/",
            {"username": "loader", "password": "a-long-password-1", "csrfmiddlewaretoken": token},
            name="/accounts/login/",
        )

    @task
    def upload(self):
        if not UPLOADS:
            return
        page = self.client.get("/filings/upload/", name="/filings/upload/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        path = random.choice(UPLOADS)
        with path.open("rb") as f:
            self.client.post(
                "/filings/upload/",
                data={"csrfmiddlewaretoken": token},
                files={"files": (path.name, f, "text/plain")},
                name="/filings/upload/ (POST)",
            )
