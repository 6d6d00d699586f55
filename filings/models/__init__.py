"""The store: filings, their documents and parties, companies and people, what
extraction found, and the analysts' notes and decisions. One module per area; the rest of
the app imports from here.

Every row but the analysts' is written by filings.ingest, the one write path.
"""

from .companies import (
    Company,
    Person,
    padded_cik,
)
from .extraction import (
    Event,
    Exhibit,
    ExhibitReference,
    IdentityChange,
    OrganizationMention,
    PersonOverride,
)
from .filings import (
    BINARY_KINDS,
    LIGHT_DOCUMENT,
    PRIMARY_ROLES,
    SAMPLE_PATH,
    Document,
    DocumentQuerySet,
    Filing,
    FilingParty,
    FilingQuerySet,
    Item,
    RawFile,
    VersionChange,
    document_slug,
    sample_sha256,
)

__all__ = [
    "padded_cik",
    "Company",
    "Person",
    "SAMPLE_PATH",
    "PRIMARY_ROLES",
    "BINARY_KINDS",
    "document_slug",
    "RawFile",
    "sample_sha256",
    "VersionChange",
    "FilingQuerySet",
    "Filing",
    "DocumentQuerySet",
    "Document",
    "LIGHT_DOCUMENT",
    "FilingParty",
    "Item",
    "Event",
    "PersonOverride",
    "IdentityChange",
    "OrganizationMention",
    "Exhibit",
    "ExhibitReference",
]
