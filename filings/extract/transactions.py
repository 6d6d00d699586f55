"""Every row of the ownership XML of Forms 3, 4 and 5 (and their amendments): the
non-derivative and derivative tables, transactions and holdings, with the footnotes each
value cites; and, for filings before XML (2003), the report as the header states it.

    for report in reports(submission): ...

Filer XML is untrusted and is parsed with the settings of `ownership` (no entities, no
DTD, no network). A value may be missing, empty or only a footnote: it is then None, and
the footnotes it cites are kept. Nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .model import OwnerCandidate
from .ownership import extract_owners, owners_from_header, parse_document
from .registry import form_family

NON_DERIVATIVE, DERIVATIVE = "non-derivative", "derivative"
TRANSACTION, HOLDING = "transaction", "holding"
XML, HEADER = "xml", "header"

# Larger than any count of shares or price a filing states; beyond it a value is refused.
NUMBER_LIMIT = Decimal(10) ** 18
# Real reports have at most a few hundred rows; a hostile one could have millions.
MAX_ROWS = 10_000
_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_TRUE, _FALSE = {"1", "true", "yes", "y", "x"}, {"0", "false", "no", "n"}


@dataclass(frozen=True, slots=True)
class Row:
    """One row of Table I (non-derivative) or Table II (derivative): a transaction or a
    holding. `footnotes` maps a field name to the footnote ids its value cites;
    `unparsed` keeps, per field, text that was there but is not a date or number."""

    position: int  # 0-based, in document order across both tables
    table: str  # NON_DERIVATIVE or DERIVATIVE
    kind: str  # TRANSACTION or HOLDING
    security_title: str | None = None
    transaction_date: dt.date | None = None
    deemed_execution_date: dt.date | None = None
    form_type: str | None = None  # transactionFormType: the form the row belongs to
    code: str | None = None
    equity_swap: bool | None = None
    timeliness: str | None = None  # E early, L late
    shares: Decimal | None = None
    total_value: Decimal | None = None  # derivatives stated as a value, not a count
    price: Decimal | None = None
    acquired_disposed: str | None = None  # A or D
    shares_owned_after: Decimal | None = None
    value_owned_after: Decimal | None = None
    direct_indirect: str | None = None  # D or I
    nature_of_ownership: str | None = None
    conversion_price: Decimal | None = None
    exercise_date: dt.date | None = None
    expiration_date: dt.date | None = None
    underlying_title: str | None = None
    underlying_shares: Decimal | None = None
    underlying_value: Decimal | None = None
    footnotes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unparsed: dict[str, str] = field(default_factory=dict)

    @property
    def footnote_ids(self) -> list[str]:
        """Every footnote the row cites, each once, in the order the fields cite them."""
        return list(dict.fromkeys(i for ids in self.footnotes.values() for i in ids))


@dataclass(frozen=True, slots=True)
class Report:
    """One ownership report: the XML document of a Form 3, 4 or 5, or the header of a
    filing from before XML (source HEADER: owners and dates, no rows)."""

    source: str  # XML or HEADER
    document_sequence: str  # "" for the header
    document_type: str  # "4", "4/A", "3", "5/A" ...
    period_of_report: dt.date | None
    date_of_original_submission: dt.date | None
    issuer_cik: str | None  # 10 digits
    issuer_name: str
    trading_symbol: str
    owners: tuple[OwnerCandidate, ...]
    rows: tuple[Row, ...] = ()
    footnotes: dict[str, str] = field(default_factory=dict)  # id -> text
    remarks: str = ""
    schema_version: str = ""
    not_subject_to_section16: bool | None = None
    aff10b5one: bool | None = None  # the Rule 10b5-1 box (2023 on)
    no_securities_owned: bool | None = None  # Form 3: nothing to report
    problems: tuple[str, ...] = ()

    @property
    def is_amendment(self) -> bool:
        return self.document_type.upper().endswith("/A")

    def footnote(self, footnote_id: str) -> str | None:
        return self.footnotes.get(footnote_id)


def reports(submission) -> list[Report]:
    """The ownership reports of a Form 3, 4 or 5 submission: one per ownership XML
    document, or one from the header when there is none."""
    if form_family(submission.form) != "ownership":
        return []
    found = []
    for i, doc in enumerate(submission.documents):
        if doc.kind in ("pdf", "image", "binary"):
            continue
        body = doc.text
        if "ownershipDocument" not in body:
            continue
        report = parse(body, sequence=doc.sequence or str(i + 1))
        if report is not None:
            found.append(report)
    if found:
        return found
    return [from_header(submission)]


def from_header(submission) -> Report:
    issuer = next((p for p in submission.parties if p.role in ("issuer", "subject-company")), None)
    return Report(
        source=HEADER,
        document_sequence="",
        document_type=submission.form or "",
        period_of_report=submission.period_of_report,
        date_of_original_submission=None,
        issuer_cik=_cik(issuer.cik) if issuer is not None else None,
        issuer_name=(issuer.name or "") if issuer is not None else "",
        trading_symbol="",
        owners=tuple(owners_from_header(submission.parties)),
    )


def parse(xml_text: str, *, sequence: str) -> Report | None:
    """One ownership XML document, or None when it is not one (or not XML at all)."""
    root = parse_document(xml_text)
    if root is None or _local(root) != "ownershipDocument":
        return None
    problems: list[str] = []
    footnotes = {}
    for note in _children(_child(root, "footnotes"), "footnote"):
        note_id = (note.get("id") or "").strip()
        if note_id:
            footnotes[note_id] = _words(note)
    rows: list[Row] = []
    skipped = 0
    for table_name, table, row_names in (
        (
            "nonDerivativeTable",
            NON_DERIVATIVE,
            ("nonDerivativeTransaction", "nonDerivativeHolding"),
        ),
        ("derivativeTable", DERIVATIVE, ("derivativeTransaction", "derivativeHolding")),
    ):
        for table_el in _children(root, table_name):
            for el in table_el:
                name = _local(el)
                if name in row_names:
                    if len(rows) == MAX_ROWS:
                        skipped += 1
                        continue
                    kind = TRANSACTION if name == row_names[0] else HOLDING
                    rows.append(_row(el, len(rows), table, kind))
    if skipped:
        problems.append(f"{skipped:,} rows after the first {MAX_ROWS:,} were not read")
    for row in rows:
        for cited in row.footnote_ids:
            if cited not in footnotes:
                problems.append(
                    f"row {row.position + 1} cites footnote {cited}, which is not given"
                )
    issuer = _child(root, "issuer")
    document_type = _words(_child(root, "documentType"))
    return Report(
        source=XML,
        document_sequence=sequence,
        document_type=document_type,
        period_of_report=_date(_words(_child(root, "periodOfReport")))[0],
        date_of_original_submission=_date(_words(_child(root, "dateOfOriginalSubmission")))[0],
        issuer_cik=_cik(_words(_child(issuer, "issuerCik"))),
        issuer_name=_words(_child(issuer, "issuerName")),
        trading_symbol=_words(_child(issuer, "issuerTradingSymbol")),
        owners=tuple(extract_owners(xml_text, sequence=sequence)),
        rows=tuple(rows),
        footnotes=footnotes,
        remarks=_words(_child(root, "remarks")),
        schema_version=_words(_child(root, "schemaVersion")),
        not_subject_to_section16=_bool(_words(_child(root, "notSubjectToSection16"))),
        aff10b5one=_bool(_words(_child(root, "aff10b5One"))),
        no_securities_owned=_bool(_words(_child(root, "noSecuritiesOwned"))),
        problems=tuple(dict.fromkeys(problems)),
    )


class _Reader:
    """Reads one row's values, collecting the footnotes and unparsed text as it goes."""

    def __init__(self, el):
        self.el = el
        self.footnotes: dict[str, tuple[str, ...]] = {}
        self.unparsed: dict[str, str] = {}

    def find(self, *path: str):
        el = self.el
        for name in path:
            el = _child(el, name)
            if el is None:
                return None
        return el

    def text(self, name: str, *path: str) -> str | None:
        el = self.find(*path)
        if el is None:
            return None
        ids = tuple((f.get("id") or "").strip() for f in _children(el, "footnoteId") if f.get("id"))
        if ids:
            self.footnotes[name] = ids
        value = _child(el, "value")
        if value is not None:
            text = _words(value)
        elif any(_local(c) not in ("footnoteId", "") for c in el):
            return None  # a container, not a value
        else:
            text = " ".join((el.text or "").split())
        return text or None

    def number(self, name: str, *path: str) -> Decimal | None:
        raw = self.text(name, *path)
        value = _decimal(raw)
        if raw is not None and value is None:
            self.unparsed[name] = raw[:200]
        return value

    def date(self, name: str, *path: str) -> dt.date | None:
        raw = self.text(name, *path)
        value, ok = _date(raw)
        if raw is not None and not ok:
            self.unparsed[name] = raw[:200]
        return value

    def flag(self, name: str, *path: str) -> bool | None:
        raw = self.text(name, *path)
        value = _bool(raw)
        if raw is not None and value is None:
            self.unparsed[name] = raw[:200]
        return value


def _row(el, position: int, table: str, kind: str) -> Row:
    r = _Reader(el)
    coding = r.find("transactionCoding")
    if coding is not None:
        # A footnote on the coding itself explains the code (a 10b5-1 plan, say).
        ids = tuple(f.get("id").strip() for f in _children(coding, "footnoteId") if f.get("id"))
        if ids:
            r.footnotes["code"] = ids
    code = r.text("_code", "transactionCoding", "transactionCode")
    values = dict(
        security_title=r.text("security_title", "securityTitle"),
        transaction_date=r.date("transaction_date", "transactionDate"),
        deemed_execution_date=r.date("deemed_execution_date", "deemedExecutionDate"),
        form_type=r.text("form_type", "transactionCoding", "transactionFormType"),
        code=code.upper() if code else None,
        equity_swap=r.flag("equity_swap", "transactionCoding", "equitySwapInvolved"),
        timeliness=r.text("timeliness", "transactionTimeliness"),
        shares=r.number("shares", "transactionAmounts", "transactionShares"),
        total_value=r.number("total_value", "transactionAmounts", "transactionTotalValue"),
        price=r.number("price", "transactionAmounts", "transactionPricePerShare"),
        acquired_disposed=_letter(
            r.text("acquired_disposed", "transactionAmounts", "transactionAcquiredDisposedCode")
        ),
        shares_owned_after=r.number(
            "shares_owned_after", "postTransactionAmounts", "sharesOwnedFollowingTransaction"
        ),
        value_owned_after=r.number(
            "value_owned_after", "postTransactionAmounts", "valueOwnedFollowingTransaction"
        ),
        direct_indirect=_letter(
            r.text("direct_indirect", "ownershipNature", "directOrIndirectOwnership")
        ),
        nature_of_ownership=r.text("nature_of_ownership", "ownershipNature", "natureOfOwnership"),
        conversion_price=r.number("conversion_price", "conversionOrExercisePrice"),
        exercise_date=r.date("exercise_date", "exerciseDate"),
        expiration_date=r.date("expiration_date", "expirationDate"),
        underlying_title=r.text(
            "underlying_title", "underlyingSecurity", "underlyingSecurityTitle"
        ),
        underlying_shares=r.number(
            "underlying_shares", "underlyingSecurity", "underlyingSecurityShares"
        ),
        underlying_value=r.number(
            "underlying_value", "underlyingSecurity", "underlyingSecurityValue"
        ),
    )
    r.footnotes.pop("_code", None)
    return Row(
        position=position,
        table=table,
        kind=kind,
        footnotes=r.footnotes,
        unparsed=r.unparsed,
        **values,
    )


def _local(el) -> str:
    if not isinstance(el.tag, str):
        return ""
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if "}" in tag else tag.rsplit(":", 1)[-1]


def _child(el, name: str):
    if el is None:
        return None
    for c in el:
        if _local(c) == name:
            return c
    return None


def _children(el, name: str) -> list:
    return [] if el is None else [c for c in el if _local(c) == name]


def _words(el) -> str:
    return "" if el is None else " ".join("".join(el.itertext()).split())


def _cik(value: str | None) -> str | None:
    value = (value or "").strip()
    return value.zfill(10) if value.isdigit() and len(value) <= 10 else None


def _letter(value: str | None) -> str | None:
    return value.strip().upper()[:1] if value and value.strip() else None


def _bool(value: str | None) -> bool | None:
    folded = (value or "").strip().casefold()
    return True if folded in _TRUE else False if folded in _FALSE else None


def _date(value: str | None) -> tuple[dt.date | None, bool]:
    """A date written YYYY-MM-DD (an XML date may carry a time-zone offset after it)."""
    if not value:
        return None, True
    m = _DATE.match(value)
    if not m:
        return None, False
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])), True
    except ValueError:
        return None, False


def _decimal(value: str | None) -> Decimal | None:
    if not value:
        return None
    text = value.replace(",", "").replace("$", "").strip()
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return number if abs(number) < NUMBER_LIMIT else None
