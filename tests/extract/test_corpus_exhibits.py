"""Exhibits and organisation mentions read from real filings, scored against hand labels.

The labels were written by reading each filing: the rows of its exhibit list or index (number,
description, whether it is filed here, where an incorporated exhibit was filed), the
phrases in its text that point at one of its own exhibits, and the organisations its press
releases and 8-K text name with a company designator, by a name the header gives, or the SEC.
They are what the filings say, not what the code outputs.

Each document is read in every plain-text layout at hand: one line per table cell, one line
per table row with tab-separated cells, and the project's renderer once it exists. Run with
-s to see precision and recall.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache

import pytest

from filings.edgar import parse
from filings.extract.exhibits import (
    exhibit_index,
    exhibit_references,
    exhibits_from_documents,
    merge_exhibits,
)
from filings.extract.organizations import SEC, normalize_company_name, organization_mentions
from tests.corpus import corpus_available, read_corpus_file

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not corpus_available(), reason="EDGAR corpus not available"),
]

D = dt.date


# --- reading a filing in each layout ----------------------------------------------------------


def _fallback(kind: str, body: str, cells: str) -> str:
    """Until filings.render lands: a browser-like text, table cells on lines of their own
    ("lines") or tab-separated on one line per row ("tabs")."""
    if kind not in ("html", "ixbrl"):
        return body.replace("\r\n", "\n")
    import lxml.html

    if not body.strip():
        return ""
    root = lxml.html.document_fromstring(body)
    for el in root.xpath("//script|//style|//head"):
        el.drop_tree()
    for el in root.xpath('//*[contains(translate(@style, " ", ""), "display:none")]'):
        el.drop_tree()
    for el in root.iter():
        el.text = re.sub(r"\s+", " ", el.text) if el.text else el.text
        el.tail = re.sub(r"\s+", " ", el.tail) if el.tail else el.tail
    blocks = ("br", "p", "div", "tr", "table", "li", "h1", "h2", "h3", "h4", "h5", "h6", "hr")
    for el in root.iter(*blocks, "td", "th"):
        if el.tag in ("td", "th"):
            el.tail = ("\n" if cells == "lines" else "\t") + (el.tail or "")
            continue
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    text = root.text_content().replace("\xa0", " ")
    if cells == "lines":
        rows = [" ".join(line.split()) for line in text.split("\n")]
    else:
        rows = [
            re.sub(r"\t{2,}", "\t", "\t".join(" ".join(c.split()) for c in line.split("\t"))).strip(
                "\t "
            )
            for line in text.split("\n")
        ]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(rows)).strip()


def _layouts() -> list[str]:
    try:
        from filings.render import plain_text  # noqa: F401
    except ImportError:
        return ["lines", "tabs"]
    return ["render", "lines", "tabs"]


LAYOUTS = _layouts()


def plain_text(kind: str, body: str, layout: str) -> str:
    if layout == "render":
        from filings.render import plain_text as render

        return render(kind, body)
    return _fallback(kind, body, layout)


@cache
def submission(accession: str):
    return parse(read_corpus_file(f"{accession}.txt"), name=f"{accession}.txt")


@cache
def document_text(accession: str, sequence: str, layout: str) -> str:
    for doc in submission(accession).documents:
        if doc.sequence == sequence:
            return plain_text(doc.kind, doc.text, layout)
    raise KeyError(sequence)


def main_sequence(accession: str) -> str:
    return submission(accession).documents[0].sequence


# --- labels: exhibit lists and indexes ----------------------------------------------------------

S1_ANTERIX = ("S-1", D(2014, 12, 19))
CARMAX_8K = dict(ibr=True, form="8-K", date=D(2019, 7, 30), file="333-107925")
TO_BE_FILED = dict(here=False, ibr=False)
HEREWITH = dict(here=True, ibr=False)

# accession -> {number: facts}; facts: desc (description), here (filed_here as the index
# says; None when it does not), ibr, form, date, exhibit, file (source facts).
INDEX: dict[str, dict[str, dict]] = {
    # Internap 8-K, Item 9.01 "(c) Exhibits" and an EXHIBIT INDEX that repeats the row.
    "0001193125-04-218426": {
        "99.1": dict(desc="Press Release Dated December 22, 2004", here=None, ibr=False),
    },
    # TGFIN 10-K, Item 15 "(a)(3) Exhibits: The following are filed as part of this Annual
    # Report", written "Exhibit 31.1 ..." with a page number inside the list.
    "0001010412-10-000078": {
        "31.1": dict(
            desc="Certification of Scott Emerson Lybbert as Chief Executive Officer, pursuant "
            "to section 302 of the Sarbanes-Oxley act of 2002.",
            here=True,
            ibr=False,
        ),
        "31.2": dict(
            desc="Certification of Scott Emerson Lybbert as Chief Financial Officer, pursuant "
            "to section 301 of the Sarbanes-Oxley act of 2002.",
            here=True,
            ibr=False,
        ),
        "32": dict(
            desc="Certification of Scott Emerson Lybbert, pursuant to section 906 of the "
            "Sarbanes-Oxley Act of 2002",
            here=True,
            ibr=False,
        ),
    },
    # CarMax Auto Owner Trust 2019-3 10-K: markers *, **, *** whose legend names the filing.
    "0001779026-23-000027": {
        "3.1": dict(
            desc="Certificate of Formation of CarMax Auto Funding LLC.",
            here=False,
            ibr=True,
            form="S-3",
            date=D(2003, 9, 26),
            file="333-107925",
        ),
        "3.2": dict(
            desc="Amended and Restated Limited Liability Company Agreement of CarMax Auto "
            "Funding LLC dated as of December 1, 2004.",
            here=False,
            ibr=True,
            form="S-3",
            date=D(2005, 8, 4),
            file="333-127189",
        ),
        "4.1": dict(here=False, **CARMAX_8K),
        "4.2": dict(here=False, **CARMAX_8K),
        "31.1": dict(
            desc="Rule 13a-14(d)/15d-14(d) Certification of CarMax Auto Funding LLC "
            "(Section 302 Certification).",
            here=None,
            ibr=False,
        ),
        "33.1": dict(here=None, ibr=False),
        "33.2": dict(here=None, ibr=False),
        "34.1": dict(here=None, ibr=False),
        "34.2": dict(here=None, ibr=False),
        "35.1": dict(
            desc="Annual Servicing Compliance Statement of CarMax Business Services, LLC.",
            here=None,
            ibr=False,
        ),
        "99.1": dict(here=False, **CARMAX_8K),
        "99.2": dict(here=False, **CARMAX_8K),
        "99.3": dict(here=False, **CARMAX_8K),
        "99.4": dict(here=False, **CARMAX_8K),
    },
    # Anterix S-3, Item 16: "(filed as Exhibit 3.1 to the Registration Statement on Form S-1,
    # filed with the SEC on December 19, 2014 and incorporated herein by reference (File No.
    # 333-201156))"; the table breaks over a page and repeats its header.
    "0001193125-22-186192": {
        "3.1": dict(
            desc="Amended and Restated Certificate of Incorporation of the Company, as "
            "subsequently amended by certificates of amendment",
            here=False,
            ibr=True,
            form=S1_ANTERIX[0],
            date=S1_ANTERIX[1],
            exhibit="3.1",
            file="333-201156",
        ),
        "3.1.1": dict(ibr=True, form="8-K", date=D(2015, 11, 5), exhibit="3.1", file="001-36827"),
        "3.1.2": dict(ibr=True, form="8-K", date=D(2019, 8, 6), exhibit="3.1", file="001-36827"),
        "3.2.1": dict(
            desc="Amended and Restated Bylaws of the Company",
            ibr=True,
            form="S-1",
            date=D(2014, 12, 19),
            exhibit="3.2",
            file="333-201156",
        ),
        "3.2.2": dict(ibr=True, form="8-K", date=D(2020, 5, 8), exhibit="3.1", file="001-36827"),
        "4.1": dict(ibr=True, form="S-1", date=D(2014, 12, 19), exhibit="4.1", file="333-201156"),
        "4.2": dict(ibr=True, form="S-1", date=D(2014, 12, 19), exhibit="4.2", file="333-201156"),
        "5.1": dict(
            desc="Opinion of Gunderson Dettmer Stough Villeneuve Franklin & Hachigian, LLP.",
            here=None,
            ibr=False,
        ),
        "10.1": dict(
            ibr=True, form="S-1", date=D(2014, 12, 19), exhibit="10.20", file="333-201156"
        ),
        "23.1": dict(here=None, ibr=False),
        "23.2": dict(
            desc="Consent of Grant Thornton LLP, Independent Registered Public Accounting Firm.",
            here=None,
            ibr=False,
        ),
        "24.1": dict(desc="Power of Attorney (included on signature page).", ibr=False),
        "107": dict(desc="Filing Fee Table.", here=None, ibr=False),
    },
    # Dragonfly S-3, Item 16: Form | Exhibit | Filing Date columns and * / ** / *** legends.
    "0001493152-23-041369": {
        "1.1": dict(desc="Form of Underwriting Agreement.", **TO_BE_FILED),
        "3.1": dict(
            desc="Articles of Incorporation of Dragonfly Energy Holdings Corp.",
            here=False,
            ibr=True,
            form="8-K",
            exhibit="3.1",
            date=D(2023, 3, 31),
        ),
        "3.2": dict(ibr=True, form="8-K", exhibit="3.2", date=D(2023, 3, 31)),
        "4.1": dict(ibr=True, form="8-K", exhibit="4.1", date=D(2022, 10, 11)),
        "4.2": dict(**TO_BE_FILED),
        "4.3": dict(**TO_BE_FILED),
        "4.4": dict(**TO_BE_FILED),
        "4.5": dict(desc="Form of Senior Debt Indenture.", **HEREWITH),
        "4.6": dict(**HEREWITH),
        "4.7": dict(desc="Form of Senior Note (included in Exhibit 4.5).", **HEREWITH),
        "4.8": dict(**HEREWITH),
        "4.9": dict(**TO_BE_FILED),
        "4.10": dict(desc="Form of Subscription Agreement.", **TO_BE_FILED),
        "5.1": dict(desc="Opinion of Parsons Behle & Latimer.", **HEREWITH),
        "5.2": dict(**HEREWITH),
        "23.1": dict(desc="Consent of BDO USA, P.C.", **HEREWITH),
        "23.2": dict(**HEREWITH),
        "23.3": dict(**HEREWITH),
        "24.1": dict(**HEREWITH),
        "25.1": dict(**TO_BE_FILED),
        "25.2": dict(**TO_BE_FILED),
        "107": dict(desc="Filing Fee table", **HEREWITH),
    },
    # NVIDIA 8-K, Item 9.01 "(d) Exhibits".
    "0001045810-26-000024": {
        "10.1": dict(desc="Variable Compensation Plan - Fiscal Year 2027", here=None, ibr=False),
        "104": dict(
            desc="The cover page of this Current Report on Form 8-K, formatted in inline XBRL "
            "(included as Exhibit 101)",
            ibr=False,
        ),
    },
    # ABVC 8-K, Item 9.01, with page numbers around the table.
    "0001213900-25-032135": {
        "99.1": dict(desc="Press Release", here=None, ibr=False),
        "104": dict(desc="Cover Page Interactive Data File, formatted in Inline XBRL", ibr=False),
    },
    # Apple 8-K 2019: seven rows, two "included in Exhibit 4.1".
    "0001193125-19-292676": {
        "1.1": dict(ibr=False, here=None),
        "4.1": dict(desc="Officer’s Certificate of Apple Inc., dated November 15, 2019"),
        "4.2": dict(ibr=False),
        "4.3": dict(ibr=False),
        "5.1": dict(desc="Opinion of Latham & Watkins LLP"),
        "23.1": dict(
            desc="Consent of Latham & Watkins LLP (included in the opinion filed as Exhibit 5.1)"
        ),
        "104": dict(desc="Inline XBRL for the cover page of this Current Report on Form 8-K."),
    },
    # 3M 8-K 2024.
    "0000066740-24-000023": {
        "99.1": dict(desc="Press release, dated March 8, 2024, issued by 3M Company."),
        "104": dict(ibr=False),
    },
    # Ford 8-K 2017: "Exhibit 99 | News release ... | Furnished with this Report".
    "0000037996-17-000084": {
        "99": dict(desc="News release dated October 3, 2017", here=True, ibr=False),
    },
    # Apple 8-Ks of 1999 and 2000: fixed-width text, "99.1." and a page column.
    "0000320193-99-000010": {"99.1": dict(desc="Text of press release dated September 3, 1999.")},
    "0000912057-00-002128": {"99.1": dict(desc="Text of press release dated January 19, 2000.")},
}

# Filings read after the code was written, to score it on tables it was not tuned on.
HOLDOUT_INDEX: dict[str, dict[str, dict]] = {
    # S-3 2025: "*" to be filed by amendment, "+" to be filed under the Trust Indenture Act.
    "0001193125-25-012209": {
        "1.1": dict(desc="Form of Underwriting Agreement.", **TO_BE_FILED),
        "4.1": dict(desc="Form of Indenture relating to debt securities.", here=None, ibr=False),
        "4.2": dict(**TO_BE_FILED),
        "4.3": dict(
            desc="Specimen Common Stock Certificate",
            ibr=True,
            form="S-1",
            exhibit="4.1",
            file="333-252589",
            date=None,
        ),
        "4.4": dict(ibr=True, form="10-K", exhibit="4.7", date=None),
        **{n: dict(**TO_BE_FILED) for n in "4.5 4.6 4.7 4.8 4.9 25.1".split()},
        **{n: dict(here=None, ibr=False) for n in "5.1 23.1 23.2 24.1 107".split()},
    },
    # S-3 2025: the fee table listed as "EX-FILING FEES"; powers of attorney "incorporated by
    # reference to the signature page hereto".
    "0001213900-25-058997": {
        "1.1": dict(**TO_BE_FILED),
        "3.1": dict(ibr=True, form="8-K", date=D(2020, 11, 20), exhibit="3.1"),
        "3.2": dict(ibr=True, form="8-K", date=D(2020, 11, 20), exhibit="3.2"),
        "4.1": dict(desc="Form of Indenture.", here=None, ibr=False),
        **{n: dict(**TO_BE_FILED) for n in "4.2 4.3 4.4 4.5 4.6 4.7".split()},
        "5.1": dict(here=None, ibr=False),
        "10.1": dict(ibr=True, form="8-K", date=D(2020, 11, 20), exhibit="10.1"),
        "10.2": dict(ibr=True, form="10-K", date=D(2022, 2, 25), exhibit="10.4"),
        "10.3": dict(ibr=True, form="8-K", date=D(2020, 11, 20), exhibit="10.4"),
        "23.1": dict(here=None, ibr=False),
        "23.2": dict(desc="Consent of Ernst & Young LLP.", here=None, ibr=False),
        "24.1": dict(desc="Powers of Attorney", here=True, ibr=False),
        "25.1": dict(here=None, ibr=False),
        "107": dict(desc="Filing Fees.", here=None, ibr=False),
    },
    # S-3ASR 2025 (Welltower): "Set forth below are the exhibits included as part of this
    # Registration Statement"; a 4.4(a) incorporated from a Form 8-K12B.
    "0001193125-25-066253": {
        "1": dict(desc="Underwriting Agreement.", **TO_BE_FILED),
        "3.1": dict(ibr=True, form="8-K", date=D(2024, 5, 24), exhibit="3.2", file="001-08923"),
        "3.2": dict(ibr=True, form="8-K", date=D(2023, 11, 30), exhibit="3.1", file="001-08923"),
        "4.4": dict(ibr=True, form="8-K", date=D(2010, 3, 15), exhibit="4.1", file="001-08923"),
        "4.4(a)": dict(
            ibr=True, form="8-K12B", date=D(2022, 4, 1), exhibit="4.1", file="001-08923"
        ),
        "4.8": dict(**TO_BE_FILED),
        "4.9": dict(**TO_BE_FILED),
        **{
            n: dict(here=True, ibr=False)
            for n in (
                "4.1 4.2 4.3 4.5 4.6 4.7 5.1 8.1 23.1 23.2 24.1 25.1 25.2 25.3 25.4 25.5 25.6 "
                "25.7 107"
            ).split()
        },
    },
}

HOLDOUT_REFERENCES: dict[str, list[str]] = {
    "0001193125-25-012209": ["4.4", "5.1"],
    "0001213900-25-058997": ["5.1", "4.1"],
    "0001193125-25-066253": ["5.1", "8.1", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7"],
}

# accession -> {number: (exhibit document sequence, filed_here)} after merging documents and
# index; every exhibit number of the filing appears.
MERGED: dict[str, dict[str, tuple[str | None, bool | None]]] = {
    "0001193125-04-218426": {"99.1": ("2", True)},
    "0001010412-10-000078": {"31.1": ("2", True), "31.2": ("3", True), "32": ("4", True)},
    "0001779026-23-000027": {
        "3.1": (None, False),
        "3.2": (None, False),
        "4.1": (None, False),
        "4.2": (None, False),
        "31.1": ("2", True),
        "33.1": ("3", True),
        "33.2": ("4", True),
        "34.1": ("5", True),
        "34.2": ("6", True),
        "35.1": ("7", True),
        "99.1": (None, False),
        "99.2": (None, False),
        "99.3": (None, False),
        "99.4": (None, False),
    },
    "0001193125-22-186192": {
        **{n: (None, False) for n in "3.1 3.1.1 3.1.2 3.2.1 3.2.2 4.1 4.2 10.1".split()},
        "5.1": ("2", True),
        "23.1": (None, None),
        "23.2": ("3", True),
        "24.1": (None, None),
        "107": ("4", True),
    },
    "0001045810-26-000024": {
        "10.1": ("2", True),
        "101.SCH": ("3", True),
        "101.LAB": ("4", True),
        "101.PRE": ("5", True),
        "104": (None, None),
    },
    "0001213900-25-032135": {
        "99.1": ("2", True),
        "101.SCH": ("4", True),
        "101.PRE": ("5", True),
        "101.LAB": ("6", True),
        "104": (None, None),
    },
}

# accession -> exhibit numbers that the main document's text points at as exhibits of this
# filing (a number named twice counts twice); "(included in Exhibit 5.1)" in an index row
# counts, "Exhibit 4.1 to the Registration Statement" does not.
REFERENCES: dict[str, list[str]] = {
    "0001193125-04-218426": ["99.1"],
    "0001010412-10-000078": [],
    "0001779026-23-000027": [],
    "0001193125-22-186192": ["5.1"],
    "0001493152-23-041369": ["4.5", "4.6", "5.1", "5.2"],
    "0001045810-26-000024": ["10.1", "101"],
    "0001213900-25-032135": ["99.1", "99.1"],
    "0000066740-24-000023": ["99.1"],
    "0000037996-17-000084": ["99"],
    "0001193125-19-292676": ["1.1", "4.1", "4.2", "4.3", "5.1", "23.1", "5.1", "4.1", "4.1", "5.1"],
    "0000320193-99-000010": [],
    "0000912057-00-002128": [],
}

FIELDS = {
    "desc": "description",
    "here": "filed_here",
    "ibr": "incorporated_by_reference",
    "form": "source_form",
    "date": "source_date",
    "exhibit": "source_exhibit",
    "file": "source_file_number",
}


def _same_description(a: str | None, b: str | None) -> bool:
    def key(s):
        return " ".join((s or "").replace("’", "'").split()).casefold().rstrip(".")

    return key(a) == key(b)


def index_rows(accession: str, layout: str):
    seq = main_sequence(accession)
    text = document_text(accession, seq, layout)
    rows = exhibit_index(text, sequence=seq)
    for row in rows:
        assert text[row.start : row.end] == row.evidence
    return rows


def index_score(layout: str, labels: dict[str, dict[str, dict]] = INDEX):
    tp = fp = fn = 0
    fields_right = fields_total = 0
    wrong = []
    for accession, expected in labels.items():
        found = {r.number: r for r in index_rows(accession, layout)}
        tp += len(found.keys() & expected.keys())
        fp += len(found.keys() - expected.keys())
        fn += len(expected.keys() - found.keys())
        wrong += [(accession, n, "extra") for n in found.keys() - expected.keys()]
        wrong += [(accession, n, "missed") for n in expected.keys() - found.keys()]
        for number, facts in expected.items():
            row = found.get(number)
            if row is None:
                continue
            for short, value in facts.items():
                got = getattr(row, FIELDS[short])
                ok = _same_description(got, value) if short == "desc" else got == value
                fields_total += 1
                fields_right += ok
                if not ok:
                    wrong.append((accession, number, short, got, value))
    return tp, fp, fn, fields_right, fields_total, wrong


@pytest.mark.parametrize("layout", LAYOUTS)
def test_exhibit_index_precision_recall(layout):
    tp, fp, fn, right, total, wrong = index_score(layout)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(
        f"\nexhibit index [{layout}]: rows P={precision:.3f} R={recall:.3f} "
        f"(tp={tp} fp={fp} fn={fn}); fields {right}/{total} = {right / total:.3f}"
    )
    for w in wrong:
        print("   ", w)
    assert precision >= 0.97 and recall >= 0.97
    assert right / total >= 0.95


@pytest.mark.parametrize("layout", LAYOUTS)
def test_exhibit_index_holdout(layout):
    tp, fp, fn, right, total, wrong = index_score(layout, HOLDOUT_INDEX)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    print(
        f"\nexhibit index, holdout [{layout}]: rows P={precision:.3f} R={recall:.3f} "
        f"(tp={tp} fp={fp} fn={fn}); fields {right}/{total} = {right / total:.3f}"
    )
    for w in wrong:
        print("   ", w)
    assert precision >= 0.95 and recall >= 0.95
    assert right / total >= 0.9


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(
    "accession",
    [
        "0001193125-04-218426",
        "0001010412-10-000078",
        "0001779026-23-000027",
        "0001193125-22-186192",
        "0001493152-23-041369",
        "0001045810-26-000024",
        "0001213900-25-032135",
    ],
)
def test_index_rows_of_the_named_filings(accession, layout):
    found = {r.number: r for r in index_rows(accession, layout)}
    assert list(found) == list(INDEX[accession])
    for number, facts in INDEX[accession].items():
        for short, value in facts.items():
            got = getattr(found[number], FIELDS[short])
            if short == "desc":
                assert _same_description(got, value), (number, got, value)
            else:
                assert got == value, (number, short, got, value)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("accession", list(MERGED))
def test_merged_exhibits(accession, layout):
    docs = exhibits_from_documents(submission(accession).documents)
    merged = merge_exhibits(docs, index_rows(accession, layout))
    assert {m.number: (m.document_sequence, m.filed_here) for m in merged} == MERGED[accession]
    numbers = [m.number for m in merged]
    assert len(numbers) == len(set(numbers))


def test_internap_press_release_is_exhibit_99_1_filed_here():
    accession = "0001193125-04-218426"
    (doc,) = exhibits_from_documents(submission(accession).documents)
    assert (doc.number, doc.document_sequence, doc.description) == ("99.1", "2", "PRESS RELEASE")
    text = document_text(accession, "1", LAYOUTS[0])
    (ref,) = exhibit_references(text, sequence="1")
    assert ref.evidence == "attached hereto as Exhibit 99.1"
    assert text[ref.sentence_start : ref.sentence_end] == (
        "A copy of the Company’s press release is attached hereto as Exhibit 99.1 and is "
        "incorporated herein by reference."
    )


def test_anterix_filing_fee_document_is_exhibit_107():
    docs = exhibits_from_documents(submission("0001193125-22-186192").documents)
    assert [(d.number, d.document_sequence) for d in docs] == [
        ("5.1", "2"),
        ("23.2", "3"),
        ("107", "4"),
    ]


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("labels", ["development", "holdout"])
def test_exhibit_references_precision_recall(layout, labels):
    tp = fp = fn = 0
    chosen = REFERENCES if labels == "development" else HOLDOUT_REFERENCES
    for accession, expected in chosen.items():
        seq = main_sequence(accession)
        text = document_text(accession, seq, layout)
        refs = exhibit_references(text, sequence=seq)
        for r in refs:
            assert text[r.start : r.end] == r.evidence
        got = Counter(r.number for r in refs)
        want = Counter(expected)
        tp += sum((got & want).values())
        fp += sum((got - want).values())
        fn += sum((want - got).values())
        if got != want:
            print(f"\n    {accession}: extra {dict(got - want)} missed {dict(want - got)}")
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(
        f"\nexhibit references, {labels} [{layout}]: P={precision:.3f} R={recall:.3f} (tp={tp} fp={fp} fn={fn})"
    )
    assert precision >= 0.95 and recall >= 0.95


# --- labels: organisations ----------------------------------------------------------------------

INTERNAP = 1056386
ABVC = 1173313
MMM = 66740
FORD = 37996

# (accession, document sequence) -> organisations named with a designator, by the filer's
# header name (with its CIK), or the SEC, each occurrence once, as written.
ORGS: dict[tuple[str, str], list[tuple[str, int | None]]] = {
    # Internap EX-99.1 press release. Also named there without a designator, so out of
    # scope: Alcoa, Unisys, Verizon, Lucent, AT&T, Switch and Data, Research Board,
    # Montclair State University, Harvard University, and "Internap" on its own.
    ("0001193125-04-218426", "2"): [
        ("Internap Network Services Corporation", INTERNAP),
        ("SpectraSite, Inc.", None),
        ("Visteon Corporation", None),
    ],
    # Internap 8-K: cover, Item 5.02 and signature.
    ("0001193125-04-218426", "1"): [
        ("SECURITIES AND EXCHANGE COMMISSION", None),
        ("Internap Network Services Corporation", INTERNAP),
        ("Internap Network Services Corporation", INTERNAP),
        ("INTERNAP NETWORK SERVICES CORPORATION", INTERNAP),
    ],
    # ABVC EX-99.1 (out of scope: Stanford University, University of California at San
    # Francisco, Cedars-Sinai Medical Center, NASDAQ, "ABVC" alone).
    ("0001213900-25-032135", "2"): [
        ("ABVC BioPharma, Inc.", ABVC),
        ("AiBtl BioPharma Inc.", None),
        ("ForSeeCon Eye Corporation", None),
        ("OncoX BioPharma Inc.", None),
        ("Securities and Exchange Commission", None),
        ("SEC", None),
        ("SEC", None),
    ],
    ("0001213900-25-032135", "1"): [
        ("SECURITIES AND EXCHANGE COMMISSION", None),
        ("ABVC BIOPHARMA, INC.", ABVC),
        ("The Nasdaq Stock Market LLC", None),
        ("ABVC BioPharma, Inc.", ABVC),
        ("U.S. Securities and Exchange Commission", None),
        ("ABVC Biopharma, Inc.", ABVC),
        ("Simon & Edward, LLP", None),
        ("ABVC BioPharma, Inc.", ABVC),
    ],
    # 3M EX-99.1 (out of scope: 3M, Solventum alone, NYSE, EQ Shareowner Services).
    ("0000066740-24-000023", "2"): [
        ("Solventum Corporation", None),
        ("New York Stock Exchange", None),
    ],
    # Ford EX-99 (out of scope: Ford alone, Lyft, Mahindra without "Group").
    ("0000037996-17-000084", "2"): [
        ("Ford Motor Company", FORD),
        ("Mahindra Group", None),
        ("Ford Motor Company", FORD),
        ("Ford Motor Company", FORD),
        ("Ford Motor Credit Company", None),
        ("Ford Motor Credit Company", None),
    ],
    ("0000037996-17-000084", "1"): [
        ("SECURITIES AND EXCHANGE COMMISSION", None),
        ("FORD MOTOR COMPANY", FORD),
        ("Ford Motor Company", FORD),
        ("FORD MOTOR COMPANY", FORD),
        ("Securities and Exchange Commission", None),
    ],
    # Apple 2000 EX-99.1 names only "Apple".
    ("0000912057-00-002128", "2"): [],
}


# Read after the code was written: a tender-offer press release (EX-99.(A)(5)(C)) and a
# 1995 law-firm opinion in fixed-width text.
HOLDOUT_ORGS: dict[tuple[str, str], list[tuple[str, int | None]]] = {
    # Out of scope there: "CVR Energy" and "IEP"/"IEH" alone, NASDAQ, NYSE.
    ("0001104659-25-002604", "2"): [
        ("ICAHN ENTERPRISES L.P.", None),
        ("ICAHN ENTERPRISES HOLDINGS L.P.", 1034563),
        ("Icahn Enterprises L.P.", None),
        ("Icahn Enterprises Holdings L.P.", 1034563),
        ("CVR Energy, Inc.", 1376139),
        ("Broadridge Corporate Issuer Solutions, LLC", None),
        ("D.F. King & Co., Inc.", None),
        ("CVR Partners, LP", None),
        ("CVR Partners, LP", None),
        ("Icahn Enterprises L.P.", None),
        ("Icahn Enterprises Holdings L.P.", 1034563),
        ("SEC", None),
    ],
    # Out of scope: "its Growth Fund" (a series named without its trust).
    ("0000950129-95-001652", "2"): [
        ("Common Sense Trust", 810271),
        ("Common Sense Trust", 810271),
        ("Securities and Exchange Commission", None),
        ("SULLIVAN & WORCESTER LLP", None),
        ("Sullivan & Worcester LLP", None),
    ],
}


def _known(accession: str) -> dict[str, int]:
    return {
        normalize_company_name(p.name): int(p.cik)
        for p in submission(accession).parties
        if p.cik and p.name
    }


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("labels", ["development", "holdout"])
def test_organization_mentions_precision_recall(layout, labels):
    tp = fp = fn = 0
    cik_right = cik_total = 0
    chosen = ORGS if labels == "development" else HOLDOUT_ORGS
    for (accession, seq), expected in chosen.items():
        text = document_text(accession, seq, layout)
        found = organization_mentions(text, sequence=seq, known=_known(accession))
        for m in found:
            assert text[m.start : m.end] == m.name
        got = Counter(" ".join(m.name.split()) for m in found)
        want = Counter(name for name, _ in expected)
        tp += sum((got & want).values())
        fp += sum((got - want).values())
        fn += sum((want - got).values())
        if got != want:
            print(f"\n    {accession}/{seq}: extra {dict(got - want)} missed {dict(want - got)}")
        ciks = {" ".join(m.name.split()): m.cik for m in found}
        for name, cik in expected:
            if name in ciks:
                cik_total += 1
                cik_right += ciks[name] == cik
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    print(
        f"\norganisations, {labels} [{layout}]: P={precision:.3f} R={recall:.3f} (tp={tp} fp={fp} "
        f"fn={fn}); CIK right {cik_right}/{cik_total}"
    )
    assert precision >= 0.95 and recall >= 0.95
    assert cik_right == cik_total


def test_internap_press_release_organizations():
    accession = "0001193125-04-218426"
    text = document_text(accession, "2", LAYOUTS[0])
    found = organization_mentions(text, sequence="2", known=_known(accession))
    assert [(m.name, m.normalized, m.cik) for m in found] == [
        ("Internap Network Services Corporation", "internap network services corp", INTERNAP),
        ("SpectraSite, Inc.", "spectrasite inc", None),
        ("Visteon Corporation", "visteon corp", None),
    ]
    sentence = text[found[1].sentence_start : found[1].sentence_end]
    assert sentence.startswith("She currently serves on the Board of Directors")


def test_sec_in_abvc_release_is_normalised():
    text = document_text("0001213900-25-032135", "2", LAYOUTS[0])
    found = organization_mentions(text, sequence="2")
    assert {m.normalized for m in found if m.source == "agency"} == {SEC}
