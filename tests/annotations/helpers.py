"""People with roles and teams, a stored filing, and a note target on it."""

from filings import accounts, annotations, ingest
from filings.models import Document, Filing
from tests.fixtures import submission

ACC = "0001193125-04-218426"
SENTENCE = "On December 17, 2004, the Board elected Ms. Patricia L. Higgins as a director."


def store(data=None) -> Filing:
    result = ingest.ingest(data or submission(sentence=SENTENCE), "a.txt")
    assert result.ok, result.message
    return Filing.objects.get(accession=ACC)


def user(name, role, *teams):
    return accounts.add_user(name, role, password="a-long-password-1", teams=teams)


def main_document(filing) -> Document:
    return filing.documents.get(position=0)


def target(filing, quote="Patricia L. Higgins", doc=None, occurrence=0) -> annotations.Target:
    doc = doc or main_document(filing)
    text = doc.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return annotations.Target(filing, doc, start, start + len(quote), quote, doc.text_hash)
