"""The transaction codes of Forms 4 and 5 (Form 4 General Instructions, section 8), each
with the SEC's meaning and the short verb a one-line summary uses."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TransactionCode:
    code: str
    meaning: str  # the instruction's wording
    group: str  # the instruction's heading
    verb: str  # for summaries: "Sold 12,000 sh"


GENERAL = "General transaction codes"
RULE_16B3 = "Rule 16b-3 transaction codes"
DERIVATIVE = "Derivative securities codes (except transactions exempted under Rule 16b-3)"
EXEMPT = "Other Section 16(b) exempt transaction and small acquisition codes"
OTHER = "Other transaction codes"

CODES: dict[str, TransactionCode] = {
    c.code: c
    for c in (
        TransactionCode(
            "P",
            "Open market or private purchase of non-derivative or derivative security",
            GENERAL,
            "Bought",
        ),
        TransactionCode(
            "S",
            "Open market or private sale of non-derivative or derivative security",
            GENERAL,
            "Sold",
        ),
        TransactionCode(
            "V", "Transaction voluntarily reported earlier than required", GENERAL, "Reported early"
        ),
        TransactionCode(
            "A", "Grant, award or other acquisition pursuant to Rule 16b-3(d)", RULE_16B3, "Award"
        ),
        TransactionCode(
            "D",
            "Disposition to the issuer of issuer equity securities pursuant to Rule 16b-3(e)",
            RULE_16B3,
            "Disposed to issuer",
        ),
        TransactionCode(
            "F",
            "Payment of exercise price or tax liability by delivering or withholding securities "
            "incident to the receipt, exercise or vesting of a security issued in accordance "
            "with Rule 16b-3",
            RULE_16B3,
            "Withheld for tax or price",
        ),
        TransactionCode(
            "I",
            "Discretionary transaction in accordance with Rule 16b-3(f) resulting in acquisition "
            "or disposition of issuer securities",
            RULE_16B3,
            "Discretionary",
        ),
        TransactionCode(
            "M",
            "Exercise or conversion of derivative security exempted pursuant to Rule 16b-3",
            RULE_16B3,
            "Exercised or converted",
        ),
        TransactionCode("C", "Conversion of derivative security", DERIVATIVE, "Converted"),
        TransactionCode("E", "Expiration of short derivative position", DERIVATIVE, "Expired"),
        TransactionCode(
            "H",
            "Expiration (or cancellation) of long derivative position with value received",
            DERIVATIVE,
            "Expired with value",
        ),
        TransactionCode(
            "O", "Exercise of out-of-the-money derivative security", DERIVATIVE, "Exercised"
        ),
        TransactionCode(
            "X",
            "Exercise of in-the-money or at-the-money derivative security",
            DERIVATIVE,
            "Exercised",
        ),
        TransactionCode("G", "Bona fide gift", EXEMPT, "Gift"),
        TransactionCode("L", "Small acquisition under Rule 16a-6", EXEMPT, "Small acquisition"),
        TransactionCode(
            "W",
            "Acquisition or disposition by will or the laws of descent and distribution",
            EXEMPT,
            "By will or inheritance",
        ),
        TransactionCode(
            "Z", "Deposit into or withdrawal from voting trust", EXEMPT, "Voting trust"
        ),
        TransactionCode(
            "J", "Other acquisition or disposition (describe transaction)", OTHER, "Other"
        ),
        TransactionCode(
            "K",
            "Transaction in equity swap or instrument with similar characteristics",
            OTHER,
            "Equity swap",
        ),
        TransactionCode(
            "U",
            "Disposition pursuant to a tender of shares in a change of control transaction",
            OTHER,
            "Tendered",
        ),
    )
}


def meaning(code: str) -> str:
    """The code's meaning, or a plain statement that the code is not one of the SEC's."""
    known = CODES.get((code or "").strip().upper())
    if known is not None:
        return known.meaning
    return f"“{code}” is not a Form 4 transaction code" if code else ""


def groups() -> list[tuple[str, list[TransactionCode]]]:
    """The codes under their headings, in the instruction's order (for a legend)."""
    out: dict[str, list[TransactionCode]] = {}
    for c in CODES.values():
        out.setdefault(c.group, []).append(c)
    return list(out.items())
