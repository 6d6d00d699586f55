"""python -m filings.edgar: the readable summary, JSON lines and refusals."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from filings.edgar.__main__ import main

REPO = Path(__file__).resolve().parents[2]

FILING = (
    b"<SEC-DOCUMENT>0001193125-04-218426.txt : 20041222\n"
    b"<SEC-HEADER>0001193125-04-218426.hdr.sgml : 20041222\n"
    b"<ACCEPTANCE-DATETIME>20041222161352\n"
    b"ACCESSION NUMBER:\t\t0001193125-04-218426\n"
    b"CONFORMED SUBMISSION TYPE:\t8-K\n"
    b"PUBLIC DOCUMENT COUNT:\t\t3\n"
    b"CONFORMED PERIOD OF REPORT:\t20041214\n"
    b"ITEM INFORMATION:\t\tDeparture of Directors or Principal Officers; Election of "
    b"Directors; Appointment of Principal Officers\n"
    b"ITEM INFORMATION:\t\tFinancial Statements and Exhibits\n"
    b"FILED AS OF DATE:\t\t20041222\n"
    b"\n"
    b"FILER:\n"
    b"\n"
    b"\tCOMPANY DATA:\t\n"
    b"\t\tCOMPANY CONFORMED NAME:\t\t\tINTERNAP NETWORK SERVICES CORP\n"
    b"\t\tCENTRAL INDEX KEY:\t\t\t0001056386\n"
    b"\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSERVICES-BUSINESS SERVICES, NEC [7389]\n"
    b"\n"
    b"\tFILING VALUES:\n"
    b"\t\tFORM TYPE:\t\t8-K\n"
    b"\t\tSEC FILE NUMBER:\t001-31989\n"
    b"\n"
    b"\tBUSINESS ADDRESS:\t\n"
    b"\t\tCITY:\t\t\tSEATTLE\n"
    b"\n"
    b"\tFORMER COMPANY:\t\n"
    b"\t\tFORMER CONFORMED NAME:\tINTERNAP NETWORK SERVICES\n"
    b"\t\tDATE OF NAME CHANGE:\t19980320\n"
    b"</SEC-HEADER>\n"
    b"<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<FILENAME>d8k.htm\n<DESCRIPTION>FORM 8-K\n<TEXT>\n"
    b"<html><body>Item 5.02 Election of Directors</body></html>\n</TEXT>\n</DOCUMENT>\n"
    b"<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>dex991.htm\n<TEXT>\n"
    b"<html><body>Press release</body></html>\n</TEXT>\n</DOCUMENT>\n"
    b"</SEC-DOCUMENT>\n"
)
S3_ERROR = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code>'
    b"<Message>The specified key does not exist.</Message></Error>"
)

JSON_KEYS = {
    "file",
    "accession",
    "form",
    "public_document_count",
    "filed_date",
    "period_of_report",
    "date_as_of_change",
    "effectiveness_date",
    "acceptance_datetime",
    "items",
    "group_members",
    "item_codes",
    "parties",
    "documents",
    "findings",
    "dialect",
    "envelope",
    "pem",
    "series",
    "unknown_lines",
    "size",
}
PARTY_KEYS = {
    "role",
    "cik",
    "name",
    "sic",
    "sic_description",
    "irs_number",
    "state_of_incorporation",
    "fiscal_year_end",
    "relationships",
    "filing_values",
    "all_filing_values",
    "business_address",
    "mail_address",
    "former_names",
}
DOCUMENT_KEYS = {
    "type",
    "sequence",
    "filename",
    "description",
    "text_bytes",
    "kind",
    "encoding",
}


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "0001193125-04-218426.txt"
    good.write_bytes(FILING)
    packed = tmp_path / "packed.txt.gz"
    packed.write_bytes(gzip.compress(FILING))
    bad = tmp_path / "s3-error.txt"
    bad.write_bytes(S3_ERROR)
    return good, packed, bad


def test_readable_summary(files, capsys):
    good, _, _ = files
    assert main([str(good)]) == 0
    out = capsys.readouterr().out
    assert "0001193125-04-218426" in out
    assert "8-K" in out
    assert "filed 2004-12-22" in out and "accepted 2004-12-22T16:13:52" in out
    assert "filer" in out and "0001056386" in out and "INTERNAP NETWORK SERVICES CORP" in out
    assert "5.02" in out and "9.01" in out
    assert "d8k.htm" in out and "dex991.htm" in out
    assert "document-count-mismatch" in out


def test_json_lines_have_the_agreed_keys(files, capsys):
    good, packed, _ = files
    assert main([str(good), str(packed), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["file"] == str(good) and second["file"] == str(packed)
    assert JSON_KEYS <= set(first)
    assert first["accession"] == "0001193125-04-218426"
    assert first["acceptance_datetime"] == "2004-12-22T16:13:52"
    assert first["filed_date"] == "2004-12-22"
    assert first["effectiveness_date"] is None
    assert [c["code"] for c in first["item_codes"]] == ["5.02", "9.01"]
    assert first["item_codes"][0]["source"] == "header-title"
    (party,) = first["parties"]
    assert PARTY_KEYS <= set(party)
    assert party["filing_values"] == {
        "form_type": "8-K",
        "act": None,
        "file_number": "001-31989",
        "film_number": None,
    }
    assert party["business_address"]["city"] == "SEATTLE"
    assert party["mail_address"] is None
    assert party["former_names"] == [
        {"name": "INTERNAP NETWORK SERVICES", "date_of_change": "1998-03-20"}
    ]
    assert [set(d) >= DOCUMENT_KEYS for d in first["documents"]] == [True, True]
    assert first["documents"][0]["kind"] == "html"
    assert [f["code"] for f in first["findings"]] == ["document-count-mismatch"]
    # The .gz copy reads the same as the plain file.
    assert {k: v for k, v in second.items() if k != "file"} == {
        k: v for k, v in first.items() if k != "file"
    }


def test_refused_file_fails_the_run(files, capsys):
    good, _, bad = files
    assert main([str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{bad}: refused: ")
    assert "NoSuchKey" in captured.err
    assert "0001193125-04-218426" in captured.out


def test_refused_file_as_json(files, capsys):
    _, _, bad = files
    assert main(["--json", str(bad)]) == 1
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line) == {
        "file": str(bad),
        "error": {"code": "xml-error-page", "message": json.loads(line)["error"]["message"]},
    }
    assert "NoSuchKey" in json.loads(line)["error"]["message"]


def test_missing_file_is_refused(tmp_path, capsys):
    assert main([str(tmp_path / "nope.txt")]) == 1
    assert "refused" in capsys.readouterr().err


def test_module_entry_point(files):
    good, _, bad = files
    run = subprocess.run(
        [sys.executable, "-m", "filings.edgar", "--json", str(good), str(bad)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    ok, refused = (json.loads(line) for line in run.stdout.splitlines())
    assert ok["form"] == "8-K"
    assert refused["error"]["code"] == "xml-error-page"
