"""Small synthetic Forms 3, 4 and 5 (and amendments) written for the tests: a header with
REPORTING-OWNER and ISSUER sections, and the ownership XML document."""

from dataclasses import dataclass, field

ISSUER_CIK = "0000999001"
ISSUER = "ZEPHYR WIDGETS INC"


@dataclass
class Owner:
    cik: str = "0001000001"
    name: str = "Quill Harriet M"
    director: bool = False
    officer: str = ""  # the officer title; "" when not an officer
    ten_percent: bool = False
    entity: bool = False  # an organisation: the header gives it a state of incorporation


@dataclass
class Txn:
    code: str = "S"
    shares: str = "1000"
    price: str = "10.50"
    ad: str = "D"
    after: str = "9000"
    date: str = "2024-03-01"
    title: str = "Common Stock"
    di: str = "D"
    nature: str = ""
    footnotes: dict = field(default_factory=dict)  # element name -> footnote id
    derivative: bool = False
    holding: bool = False
    raw: str = ""  # the whole row's XML, written as given


def _value(tag: str, value: str, note: str = "") -> str:
    inner = f"<value>{value}</value>" if value != "" else ""
    if note:
        inner += f'<footnoteId id="{note}"/>'
    return f"<{tag}>{inner}</{tag}>"


def row_xml(t: Txn) -> str:
    if t.raw:
        return t.raw
    n = t.footnotes
    name = ("derivative" if t.derivative else "nonDerivative") + (
        "Holding" if t.holding else "Transaction"
    )
    parts = [_value("securityTitle", t.title, n.get("securityTitle", ""))]
    if t.derivative:
        parts.append(
            _value("conversionOrExercisePrice", "25.00", n.get("conversionOrExercisePrice", ""))
        )
    if not t.holding:
        parts += [
            _value("transactionDate", t.date, n.get("transactionDate", "")),
            "<transactionCoding><transactionFormType>4</transactionFormType>"
            f"<transactionCode>{t.code}</transactionCode>"
            "<equitySwapInvolved>0</equitySwapInvolved></transactionCoding>",
            "<transactionAmounts>"
            + _value("transactionShares", t.shares, n.get("transactionShares", ""))
            + _value("transactionPricePerShare", t.price, n.get("transactionPricePerShare", ""))
            + _value("transactionAcquiredDisposedCode", t.ad)
            + "</transactionAmounts>",
        ]
    if t.derivative:
        parts += [
            _value("exerciseDate", "", "F9")
            if "exerciseDate" in n
            else _value("exerciseDate", "2025-01-01"),
            _value("expirationDate", "2030-01-01"),
            "<underlyingSecurity>"
            + _value("underlyingSecurityTitle", "Common Stock")
            + _value("underlyingSecurityShares", t.shares or "0")
            + "</underlyingSecurity>",
        ]
    parts.append(
        "<postTransactionAmounts>"
        + _value(
            "sharesOwnedFollowingTransaction", t.after, n.get("sharesOwnedFollowingTransaction", "")
        )
        + "</postTransactionAmounts>"
    )
    nature = _value("natureOfOwnership", t.nature) if t.nature else ""
    parts.append(
        f"<ownershipNature>{_value('directOrIndirectOwnership', t.di)}{nature}</ownershipNature>"
    )
    return f"<{name}>{''.join(parts)}</{name}>"


def ownership_xml(
    form: str,
    period: str,
    owners: list[Owner],
    rows: list[Txn],
    footnotes: dict[str, str] | None = None,
    original: str = "",
) -> str:
    owner_xml = "".join(
        "<reportingOwner><reportingOwnerId>"
        f"<rptOwnerCik>{o.cik}</rptOwnerCik><rptOwnerName>{o.name}</rptOwnerName>"
        "</reportingOwnerId><reportingOwnerRelationship>"
        f"<isDirector>{int(o.director)}</isDirector><isOfficer>{int(bool(o.officer))}</isOfficer>"
        f"<isTenPercentOwner>{int(o.ten_percent)}</isTenPercentOwner><isOther>0</isOther>"
        f"<officerTitle>{o.officer}</officerTitle></reportingOwnerRelationship></reportingOwner>"
        for o in owners
    )
    plain = [r for r in rows if not r.derivative]
    derivative = [r for r in rows if r.derivative]
    notes = "".join(f'<footnote id="{k}">{v}</footnote>' for k, v in (footnotes or {}).items())
    return (
        '<?xml version="1.0"?>\n<ownershipDocument><schemaVersion>X0508</schemaVersion>'
        f"<documentType>{form}</documentType><periodOfReport>{period}</periodOfReport>"
        + (f"<dateOfOriginalSubmission>{original}</dateOfOriginalSubmission>" if original else "")
        + f"<issuer><issuerCik>{ISSUER_CIK}</issuerCik><issuerName>Zephyr Widgets, Inc.</issuerName>"
        "<issuerTradingSymbol>ZPHW</issuerTradingSymbol></issuer>"
        + owner_xml
        + f"<nonDerivativeTable>{''.join(row_xml(r) for r in plain)}</nonDerivativeTable>"
        + f"<derivativeTable>{''.join(row_xml(r) for r in derivative)}</derivativeTable>"
        + f"<footnotes>{notes}</footnotes><remarks></remarks></ownershipDocument>\n"
    )


def header_owner(o: Owner, form: str) -> str:
    state = "\t\tSTATE OF INCORPORATION:\t\t\tDE\n" if o.entity else ""
    return (
        "REPORTING-OWNER:\n\n\tOWNER DATA:\n"
        f"\t\tCOMPANY CONFORMED NAME:\t\t\t{o.name.upper()}\n"
        f"\t\tCENTRAL INDEX KEY:\t\t\t{o.cik}\n{state}\n"
        f"\tFILING VALUES:\n\t\tFORM TYPE:\t\t{form}\n\t\tSEC ACT:\t\t1934 Act\n"
        "\t\tSEC FILE NUMBER:\t001-55555\n\t\tFILM NUMBER:\t\t24000001\n\n"
    )


def form4(
    acc: str = "0001000001-24-000001",
    form: str = "4",
    filed: str = "20240304",
    period: str = "2024-03-01",
    owners: list[Owner] | None = None,
    rows: list[Txn] | None = None,
    footnotes: dict[str, str] | None = None,
    original: str = "",
    xml: str | None = None,
    accepted: str = "",
) -> bytes:
    """A complete Form 3, 4 or 5 submission. `xml` replaces the ownership document (None
    writes one from the arguments; "" leaves it out, as a filing before XML)."""
    owners = owners if owners is not None else [Owner()]
    rows = rows if rows is not None else [Txn()]
    if xml is None:
        xml = ownership_xml(form, period, owners, rows, footnotes, original)
    header = (
        f"<SEC-DOCUMENT>{acc}.txt : {filed}\n<SEC-HEADER>{acc}.hdr.sgml : {filed}\n"
        f"<ACCEPTANCE-DATETIME>{accepted or filed + '163000'}\n"
        f"ACCESSION NUMBER:\t\t{acc}\nCONFORMED SUBMISSION TYPE:\t{form}\n"
        f"PUBLIC DOCUMENT COUNT:\t\t1\nCONFORMED PERIOD OF REPORT:\t{period.replace('-', '')}\n"
        f"FILED AS OF DATE:\t\t{filed}\nDATE AS OF CHANGE:\t\t{filed}\n\n"
        + "".join(header_owner(o, form) for o in owners)
        + "ISSUER:\n\n\tCOMPANY DATA:\n"
        f"\t\tCOMPANY CONFORMED NAME:\t\t\t{ISSUER}\n\t\tCENTRAL INDEX KEY:\t\t\t{ISSUER_CIK}\n"
        "\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tMISC INDUSTRIAL [3590]\n"
        "\t\tSTATE OF INCORPORATION:\t\t\tDE\n\n"
        "</SEC-HEADER>\n"
    )
    if xml:
        body = f"<XML>\n{xml}</XML>\n"
        doc = (
            f"<DOCUMENT>\n<TYPE>{form}\n<SEQUENCE>1\n<FILENAME>ownership.xml\n<TEXT>\n{body}"
            "</TEXT>\n</DOCUMENT>\n"
        )
    else:
        doc = (
            f"<DOCUMENT>\n<TYPE>{form}\n<SEQUENCE>1\n<TEXT>\nFORM {form}\n"
            "Table I -- Non-Derivative Securities (typed on paper)\n</TEXT>\n</DOCUMENT>\n"
        )
    return (header + doc + "</SEC-DOCUMENT>\n").encode()
