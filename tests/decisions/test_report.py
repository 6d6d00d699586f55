"""The extractor's accuracy report: counted by hand over a small set of decisions, as
filings.accuracy computes it, as `manage.py extraction-report` prints it and as the
admin's page shows it."""

import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from filings import accuracy, decisions, ingest
from filings.decisions import Facts
from filings.models import Event, Filing
from tests.annotations.helpers import target
from tests.decisions.helpers import event_of, reviewer, store_two, two_events

pytestmark = pytest.mark.django_db

A2, A3, A4 = "0001193125-05-000002", "0001193125-05-000003", "0001193125-05-000004"
REPORT_URL = "admin:filings_eventdecision_report"


def stored(acc, form="8-K") -> Filing:
    result = ingest.ingest(two_events(acc=acc, form=form), f"{acc}.txt")
    assert result.ok, result.message
    return Filing.objects.get(pk=acc)


@pytest.fixture
def decided():
    """Four filings, each with Higgins elected (director) and Smith resigned (CFO):

    8-K   A1  Higgins accepted: TP. Smith corrected to another role: TP and a role miss.
              A committee seat recorded: FN (named-to-committee).
    8-K/A A2  Higgins accepted, withdrawn, then rejected: FP. Smith accepted, and then
              no longer extracted: FN.
    8-K   A3  Higgins rejected, and then no longer extracted: counts for nothing. Smith
              recorded as the extractor has him: matched to his event, a TP.
    8-K   A4  nothing decided: two events unreviewed.
    """
    alice, bob = reviewer("alice"), reviewer("bob")
    a1, a2, a3 = store_two(), stored(A2, "8-K/A"), stored(A3)
    stored(A4)

    decisions.decide(alice, event_of(a1, "Higgins"), "accepted")
    corrected = Facts("resigned", "John Smith", role="Chief Accounting Officer")
    decisions.decide(bob, event_of(a1, "Smith"), "corrected", facts=corrected)
    seat = Facts("named-to-committee", "Patricia L. Higgins", role="Audit Committee")
    decisions.record_event(alice, target(a1, "Patricia L. Higgins"), seat)

    withdrawn = decisions.decide(alice, event_of(a2, "Higgins"), "accepted")
    decisions.withdraw(alice, withdrawn)
    decisions.decide(bob, event_of(a2, "Higgins"), "rejected", reason="She was re-elected")
    decisions.decide(alice, event_of(a2, "Smith"), "accepted")
    event_of(a2, "Smith").delete()

    decisions.decide(alice, event_of(a3, "Higgins"), "rejected", reason="Not in this filing")
    event_of(a3, "Higgins").delete()
    smith = Facts("resigned", "John Smith", role="chief financial  officer")
    recorded = decisions.record_event(
        bob, target(a3, "John Smith resigned as Chief Financial Officer"), smith
    )
    assert recorded.event == event_of(a3, "Smith")  # the extractor has it too
    assert Event.objects.filter(filing_id=A4).count() == 2


def figures(tp, fp, fn, role_misses, p, r, f1, rp, rr, rf1):
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "role_misses": role_misses,
        "precision": p,
        "recall": r,
        "f1": f1,
        "role_precision": rp,
        "role_recall": rr,
        "role_f1": rf1,
    }


# Counted by hand from the fixture's table. F1 = 2PR / (P + R).
EXPECTED = {
    "decisions": {"accepted": 2, "corrected": 1, "rejected": 2, "recorded": 2},
    "unreviewed": 2,
    # TP: A1 Higgins, A1 Smith, A3 Smith; FP: A2 Higgins; FN: A1 seat, A2 Smith.
    # P 3/4, R 3/5, F1 2/3; with the role (A1 Smith no hit): P 2/4, R 2/5, F1 4/9.
    "overall": figures(3, 1, 2, 1, 0.75, 0.6, 2 / 3, 0.5, 0.4, 4 / 9),
    "by_event_type": {
        # A1 Higgins found; A2 Higgins wrong.
        "elected": figures(1, 1, 0, 0, 0.5, 1.0, 2 / 3, 0.5, 1.0, 2 / 3),
        # A1 Smith (a role miss) and A3 Smith found; A2 Smith missed.
        "resigned": figures(2, 0, 1, 1, 1.0, 2 / 3, 0.8, 0.5, 1 / 3, 0.4),
        # Nothing extracted, so no precision; one missed.
        "named-to-committee": figures(0, 0, 1, 0, None, 0.0, None, None, 0.0, None),
    },
    "by_form": {
        # A1 and A3: P 3/3, R 3/4, F1 6/7; with the role P 2/3, R 2/4, F1 4/7.
        "8-K": figures(3, 0, 1, 1, 1.0, 0.75, 6 / 7, 2 / 3, 0.5, 4 / 7),
        "8-K/A": figures(0, 1, 1, 0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
    },
}


def test_the_figures_counted_by_hand(decided):
    found = accuracy.report().as_dict()
    assert found == expected_approx()
    assert list(found["by_event_type"]) == ["elected", "resigned", "named-to-committee"]
    assert list(found["by_form"]) == ["8-K", "8-K/A"]


def expected_approx():
    """pytest.approx compares flat mappings only: nest it by hand."""

    def approx(value):
        if isinstance(value, dict):
            return {k: approx(v) for k, v in value.items()}
        return value if value is None else pytest.approx(value)

    return approx(EXPECTED)


def test_json_output(decided):
    out = io.StringIO()
    call_command("extraction-report", "--json", stdout=out)
    assert json.loads(out.getvalue()) == expected_approx()


def test_the_text_table(decided):
    out = io.StringIO()
    call_command("extraction-report", stdout=out)
    text = out.getvalue()
    assert text.startswith(
        "7 live decisions (2 accepted, 1 corrected, 2 rejected, 2 recorded); "
        "2 extracted events unreviewed, not counted.\n"
    )
    lines = text.splitlines()
    header = next(line for line in lines if line.lstrip().startswith("TP "))
    assert header.split() == "TP FP FN role miss precision recall F1 role P role R role F1".split()
    rows = {
        line.split()[0]: line.split()[1:] for line in lines if line.startswith(("overall", "  "))
    }
    assert rows["overall"] == "3 1 2 1 0.750 0.600 0.667 0.500 0.400 0.444".split()
    assert rows["elected"] == "1 1 0 0 0.500 1.000 0.667 0.500 1.000 0.667".split()
    assert rows["resigned"] == "2 0 1 1 1.000 0.667 0.800 0.500 0.333 0.400".split()
    assert rows["named-to-committee"] == "0 0 1 0 - 0.000 - - 0.000 -".split()
    assert rows["8-K"] == "3 0 1 1 1.000 0.750 0.857 0.667 0.500 0.571".split()
    assert rows["8-K/A"] == "0 1 1 0 0.000 0.000 0.000 0.000 0.000 0.000".split()
    # Aligned: every figure of a column ends where its heading ends.
    table = lines[lines.index(header) :]
    ends = {len(line.rstrip()) for line in table if line.startswith(("overall", "  "))}
    assert ends == {len(header)}
    assert lines.index(header) < [i for i, x in enumerate(lines) if x == "by event type"][0]


def test_nothing_decided_yet():
    store_two()
    found = accuracy.report()
    assert found.decided == 0 and found.unreviewed == 2
    assert found.overall.as_dict() == figures(0, 0, 0, 0, None, None, None, None, None, None)
    out = io.StringIO()
    call_command("extraction-report", stdout=out)
    assert "overall" in out.getvalue() and "0 live decisions" in out.getvalue()


# --- the admin's page ------------------------------------------------------------------------


def test_staff_see_the_report_in_the_admin(client, decided):
    staff = User.objects.create_user("stella", is_staff=True)
    client.force_login(staff)
    response = client.get(reverse(REPORT_URL))
    assert response.status_code == 200
    assert response.templates[0].name == "admin/extraction-report.html"
    html = response.content.decode()
    assert "7 live decisions" in html and "2 extracted events unreviewed" in html
    for cell in ("0.750", "0.600", "0.667", "0.444", "named-to-committee", "8-K/A"):
        assert f"<td>{cell}</td>" in html or f'<th scope="row">{cell}</th>' in html
    assert "<td>–</td>" in html  # no precision where nothing was extracted
    assert 'href="/admin/filings/eventdecision/"' in html  # the breadcrumbs


def test_others_are_sent_to_the_admin_login(client, decided):
    url = reverse(REPORT_URL)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.force_login(User.objects.get(username="alice"))  # an analyst, not staff
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "0.750" not in response.content.decode()


def test_the_admin_lists_decisions_and_changes_none(client, decided):
    client.force_login(User.objects.create_superuser("admin", password=None))
    changelist = client.get(reverse("admin:filings_eventdecision_changelist"))
    assert changelist.status_code == 200
    assert b"delete_selected" not in changelist.content
    decision = decisions.current(event_of(Filing.objects.get(pk=A2), "Higgins"))
    change = client.get(reverse("admin:filings_eventdecision_change", args=[decision.pk]))
    assert change.status_code == 200 and b'name="_save"' not in change.content
    assert client.get(reverse("admin:filings_eventdecision_add")).status_code == 403
    delete = reverse("admin:filings_eventdecision_delete", args=[decision.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
