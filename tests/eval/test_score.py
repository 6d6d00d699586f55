"""The evaluation scorer: name and role matching, one-to-one matching, and the arithmetic.
Tiny hand-made inputs only; nothing is ingested."""

import pytest

from tests.eval import score
from tests.eval.score import Counts, name_match, role_match


def row(accession, name, event_type, role=None, person_key=None, name_raw=None, **extra):
    return {
        "accession": accession,
        "name_raw": name_raw or name,
        "name": name,
        "event_type": event_type,
        "role": role,
        "person_key": person_key,
        "evidence": extra.get("evidence", ""),
    }


# --- names -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("Margaret A. Smith", "MARGARET A SMITH"),
        ("Dr. Anjali Raman", "Anjali Raman, M.D."),
        ("Mr. Raymond T. Szabo", "Raymond T. Szabo"),
        ("Mrs. O'Donoghue-Laird", "Margaret A. O'Donoghue-Laird"),
        ("Szabo, Raymond T.", "Raymond T. Szabo"),
        ("Raymond Szabo", "Raymond T. Szabo"),
        ("Raymond Szabo", "Raymond Thomas Szabo"),
        ("Raymond T. Szabo", "Raymond Thomas Szabo"),
        ("Gareth C.C. Chang", "Gareth C. C. Chang"),
        ("Harold B. Kessler, Jr.", "Harold B. Kessler Jr"),
        ("Harold B. Kessler Junior", "Harold B. Kessler, Jr."),
        ("Harold B. Kessler", "Harold B. Kessler Jr."),
        ("Bob Tamsin", "Robert Tamsin"),
        ("Peggy Ostrowski", "Margaret Ostrowski"),
        ("Tad Wrenfield", "Thomas A. Wrenfield"),
        ("Thomas A. (“Tad”) Wrenfield", "Tad Wrenfield"),
        ('Vernon L. "Bud" Kittredge', "Bud Kittredge"),
        ("Steve Jobs", "Steven P. Jobs"),
        ("Stephen Malkin", "Steve Malkin"),
        ("Pat Lee", "Patricia Lee"),
        ("Pat Lee", "Patrick Lee"),
        ("Jack Ryan", "John Ryan, M.D., Ph.D."),
        ("J. Michael Smith", "Michael Smith"),
        ("Jose “Pepe” Carmona", "Jose Carmona"),
    ],
)
def test_names_that_match(a, b):
    assert name_match(a, b)
    assert name_match(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Harold B. Kessler Jr.", "Harold B. Kessler III"),
        ("Everett M. Finch Jr.", "Everett M. Finch III"),
        ("Patricia Lee", "Patrick Lee"),
        ("John A. Smith", "John B. Smith"),
        ("John Smith", "Jane Smith"),
        ("John Smith", "John Smyth"),
        ("Raymond T. Szabo", ""),
        ("Raymond T. Szabo", None),
    ],
)
def test_names_that_differ(a, b):
    assert not name_match(a, b)


def test_header_order_only_when_asked():
    assert name_match("CANTALUPO JAMES R", "James R. Cantalupo", header_order=True)
    assert name_match("Driggers Shane", "Shane Driggers", header_order=True)
    assert not name_match("CANTALUPO JAMES R", "James R. Cantalupo")


def test_parse_name_sets_aside_honorifics_degrees_and_suffixes():
    parsed = score.parse_name("Dr. Carl E. Bodine, Jr., Ph.D.")
    assert (parsed.first, parsed.middles, parsed.last, parsed.suffix) == (
        "carl",
        ("e",),
        "bodine",
        "jr",
    )
    assert score.parse_name("Samuel C. Scott III").suffix == "iii"
    assert score.parse_name("Thomas A. (“Tad”) Wrenfield").nicknames == {"tad"}


# --- roles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("CEO", "Chief Executive Officer"),
        ("chief executive officer", "Chief Executive Officer."),
        ("President and CEO", "Chief Executive Officer & President"),
        ("President, Chief Executive Officer and Director", "Director, President and CEO"),
        ("EVP and CFO", "Executive Vice President and Chief Financial Officer"),
        ("SVP, General Counsel", "Senior Vice President and General Counsel"),
        ("VP-Finance", "Vice President - Finance"),
        ("Vice President, Finance", "Vice President-Finance"),
        ("COO", "Chief Operating Officer"),
        ("CAO", "Chief Accounting Officer"),
        ("CTO", "Chief Technology Officer"),
        ("Chairman", "Chair"),
        ("Chairperson of the Board", "Chairman of the Board"),
        ("Chairwoman", "Chair of the Board of Directors"),
        ("Vice Chairman of the Board", "Vice Chair"),
        ("Director", "Member of the Board of Directors"),
        ("a director", "Director"),
        ("The Treasurer", "Treasurer"),
        ("Acting Chief Executive Officer (Principal Executive Officer)", "Acting CEO"),
        (None, None),
    ],
)
def test_roles_that_match(a, b):
    assert role_match(a, b)
    assert role_match(b, a)


@pytest.mark.parametrize(
    "a, b",
    [
        ("Chief Executive Officer", "Chief Executive Officer and Director"),
        ("Interim Chief Executive Officer", "Chief Executive Officer"),
        ("Vice President", "Senior Vice President"),
        ("Chair of the Audit Committee", "Audit Committee"),
        ("Director", None),
        ("Vice Chairman", "Chairman"),
    ],
)
def test_roles_that_differ(a, b):
    assert not role_match(a, b)


def test_role_parts_are_a_set():
    assert score.role_parts("President and Chief Executive Officer") == {
        "president",
        "chief executive officer",
    }
    assert score.role_parts(None) is None
    assert score.role_parts("  ") is None


# --- arithmetic ------------------------------------------------------------------------------


def test_counts():
    c = Counts(tp=3, fp=1, fn=2)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().precision is None and Counts().recall is None and Counts().f1 is None
    assert Counts(tp=0, fp=2, fn=1).f1 == 0.0
    assert Counts(tp=0, fp=0, fn=3).precision is None
    assert Counts(tp=1, fp=1, fn=1).as_dict()["f1"] == pytest.approx(0.5)


def test_event_and_role_measures():
    gold = [
        row(
            "A", "Raymond T. Szabo", "appointed", "Vice President-Finance and Treasurer", "k:szabo"
        ),
        row("A", "Lloyd M. Ebbers", "retired", "Treasurer", "k:ebbers"),
        row("A", "Walter J. Fenske", "died", "Director", "k:fenske"),
    ]
    predicted = [
        row("A", "Raymond Szabo", "appointed", "VP-Finance & Treasurer", 1),
        row("A", "Lloyd M. Ebbers", "retired", "Controller", 2),
        row("A", "Rhona Hamilton", "other", "contact", 3),
    ]
    result = score.score(gold, predicted)
    event, role = result.counts["event"], result.counts["role"]
    assert (event.tp, event.fp, event.fn) == (2, 1, 1)
    assert (role.tp, role.fp, role.fn) == (1, 2, 2)
    assert [u.rows[0]["name"] for u in result.false_negatives] == ["Walter J. Fenske"]
    assert [u.rows[0]["name"] for u in result.false_positives] == ["Rhona Hamilton"]
    assert [(g.rows[0]["name"], roles) for g, roles in result.role_mismatches] == [
        ("Lloyd M. Ebbers", ["Controller"])
    ]


def test_event_type_and_filing_must_agree():
    gold = [row("A", "Ann Lee", "resigned", "Director", "k:lee")]
    assert score.score(gold, [row("A", "Ann Lee", "retired", "Director", 1)]).counts[
        "event"
    ] == Counts(0, 1, 1)
    assert score.score(gold, [row("B", "Ann Lee", "resigned", "Director", 1)]).counts[
        "event"
    ] == Counts(0, 1, 1)


def test_one_person_two_roles():
    """Two board and officer roles left in one sentence: one event unit, two role units."""
    gold = [
        row("A", "Gilbert F. Amelio", "resigned", "Chairman of the Board", "k:amelio"),
        row("A", "Gilbert F. Amelio", "resigned", "Chief Executive Officer", "k:amelio"),
    ]
    predicted = [row("A", "Gilbert Amelio", "resigned", "CEO", 7)]
    result = score.score(gold, predicted)
    assert result.counts["event"] == Counts(1, 0, 0)
    assert result.counts["role"] == Counts(1, 0, 1)


def test_duplicate_predictions_count_once():
    gold = [row("A", "Raquel E. Izumi", "signed", "Acting Chief Executive Officer", "k:izumi")]
    predicted = [
        row("A", "Raquel E. Izumi", "signed", "Acting Chief Executive Officer", 1),
        row("A", "Dr. Raquel E. Izumi", "signed", "Acting CEO (Principal Executive Officer)", 1),
    ]
    result = score.score(gold, predicted)
    assert result.counts["event"] == Counts(1, 0, 0)
    assert result.counts["role"] == Counts(1, 0, 0)


def test_greedy_one_to_one_prefers_exact_names():
    gold = [
        row("A", "John Smith", "elected", "Director", "k:john"),
        row("A", "John A. Smith", "elected", "Director", "k:johna"),
    ]
    # "John Smith" could be either; "John A. Smith" is exact for the second gold.
    predicted = [row("A", "John A. Smith", "elected", "Director", 1)]
    result = score.score(gold, predicted)
    assert result.counts["event"] == Counts(1, 0, 1)
    assert [u.person_key for u in result.false_negatives] == ["k:john"]


def test_reporting_owner_in_header_order():
    gold = [
        row("A", "James R. Cantalupo", "reporting-owner", "Director", "k:c", "CANTALUPO JAMES R")
    ]
    predicted = [row("A", "Cantalupo James R", "reporting-owner", "DIRECTOR", 1)]
    assert score.score(gold, predicted).counts["role"] == Counts(1, 0, 0)


def test_identity_pairs():
    """Four filings: Anderson in three, Hudson in one. The prediction splits Anderson once
    and wrongly merges Hudson with him."""
    gold = [
        row("A", "Fred D. Anderson", "signed", "CFO", "k:anderson"),
        row("B", "Fred D. Anderson", "signed", "CFO", "k:anderson"),
        row("C", "Fred D. Anderson", "signed", "CFO", "k:anderson"),
        row("D", "Katherine M. Hudson", "elected", "Director", "k:hudson"),
        row("D", "Nobody Matched", "elected", "Director", "k:nobody"),
    ]
    predicted = [
        row("A", "Fred D. Anderson", "signed", "CFO", 1),
        row("B", "Fred Anderson", "signed", "CFO", 1),
        row("C", "Fred D. Anderson", "signed", "CFO", 2),
        row("D", "Kate Hudson", "elected", "Director", 1),
    ]
    counts, errors = score.identity_counts(score.identity_mentions(_pairs(gold, predicted)))
    # gold-same pairs: AB, AC, BC. Predicted-same: AB, AD, BD.
    assert counts == Counts(tp=1, fp=2, fn=2)
    assert sorted(e["kind"] for e in errors) == ["merged", "merged", "split", "split"]
    assert score.score(gold, predicted).counts["identity"] == counts


def _pairs(gold, predicted):
    pairs, _, _ = score.match_units(
        score.gold_units(gold, with_role=False),
        score.predicted_units(predicted, with_role=False),
        with_role=False,
    )
    return pairs


def test_identity_ignores_pairs_inside_one_filing_and_missing_keys():
    gold = [
        row("A", "Ann Lee", "resigned", "Director", "k:lee"),
        row("A", "Ann Lee", "signed", "Secretary", "k:lee"),
        row("B", "Ann Lee", "signed", "Secretary", "k:lee"),
    ]
    predicted = [
        row("A", "Ann Lee", "resigned", "Director", None),
        row("A", "Ann Lee", "signed", "Secretary", None),
        row("B", "Ann Lee", "signed", "Secretary", None),
    ]
    assert score.score(gold, predicted).counts["identity"] == Counts(0, 0, 1)


def test_group_scores_keeps_splits_apart():
    labels = {
        "invented": [
            row("I1", "Ann Lee", "resigned", "Director", "k:lee"),
            row("I2", "Bo Chan", "elected", "Director", "k:chan"),
        ],
        "real": [row("R1", "Cy Diaz", "signed", "Secretary", "k:diaz")],
    }
    splits = {"invented": {"dev": ["I1"], "test": ["I2"]}, "real": {"dev": ["R1"], "test": []}}
    predicted = [
        row("I1", "Ann Lee", "resigned", "Director", 1),
        row("I2", "Zed Ray", "elected", "Director", 2),
        row("R1", "Cy Diaz", "signed", "Secretary", 3),
        row("X9", "Not Labelled", "signed", "Secretary", 4),
    ]
    groups = score.group_scores(labels, splits, predicted)
    assert groups["invented/dev"].counts["event"] == Counts(1, 0, 0)
    assert groups["invented/test"].counts["event"] == Counts(0, 1, 1)
    assert groups["real/dev"].counts["event"] == Counts(1, 0, 0)
    assert "real/test" not in groups  # no filings in that half: no row of zeros
    assert groups["all/dev"].counts["event"] == Counts(2, 0, 0)
    assert groups["all"].counts["event"] == Counts(2, 1, 1)
    text = score.table(groups)
    assert "invented/dev" in text and "identity" in text
    assert "blind/test" not in groups  # no blind set in these splits


def test_blind_rows_gather_the_blind_sets_only():
    labels = {
        "invented": [row("I1", "Ann Lee", "resigned", "Director", "k:lee")],
        "blind1": [row("B1", "Bo Chan", "elected", "Director", "k:chan")],
        "blindreal": [row("R1", "Cy Diaz", "signed", "Secretary", "k:diaz")],
    }
    splits = {
        "invented": {"dev": [], "test": ["I1"]},
        "blind1": {"dev": [], "test": ["B1"]},
        "blindreal": {"dev": ["R1"], "test": []},
    }
    predicted = [
        row("I1", "Ann Lee", "resigned", "Director", 1),
        row("B1", "Bo Chan", "elected", "Director", 2),
        row("R1", "Cy Diaz", "signed", "Chief Counsel", 3),
    ]
    groups = score.group_scores(labels, splits, predicted)
    assert groups["blind/test"].counts["event"] == Counts(1, 0, 0)
    assert groups["blind/dev"].counts["role"] == Counts(0, 1, 1)
    assert groups["all/test"].counts["event"] == Counts(2, 0, 0)


# --- the label files -------------------------------------------------------------------------

KEYS = [
    "accession",
    "document",
    "name_raw",
    "name",
    "person_key",
    "cik",
    "event_type",
    "role",
    "organization",
    "effective_date",
    "evidence",
    "start",
    "end",
    "source",
]
EVENT_TYPES = {
    "appointed",
    "elected",
    "resigned",
    "retired",
    "terminated",
    "died",
    "compensation-change",
    "named-to-committee",
    "signed",
    "reporting-owner",
}


@pytest.mark.parametrize("set_name", sorted(score.SETS))
def test_label_files_are_consistent(set_name):
    labels_path, split_path = score.SETS[set_name]
    labels = score.load_labels(labels_path)
    split = score.load_split(split_path)
    dev, test = set(split["dev"]), set(split["test"])
    assert not dev & test
    assert labels
    if set_name == score.EXTRA:
        assert not test  # dev only, so the other sets' test halves stay the only test
    for label in labels:
        assert list(label) == KEYS
        assert label["accession"] in dev | test
        assert label["event_type"] in EVENT_TYPES
        assert label["name_raw"] and label["name"] and label["person_key"]
        assert label["cik"] is None or (len(label["cik"]) == 10 and label["cik"].isdigit())


def test_person_keys_name_one_person():
    """Every label that shares a person_key (across both sets) names the same person."""
    by_key = {}
    for set_name in score.SETS:
        for label in score.load_labels(score.SETS[set_name][0]):
            by_key.setdefault(label["person_key"], []).append(label)
    for key, labels in by_key.items():
        first = labels[0]
        for other in labels[1:]:
            assert name_match(first["name"], other["name"]), (key, other["name"])


def test_sets_share_no_filing():
    seen = {}
    for set_name, (_, split_path) in score.SETS.items():
        split = score.load_split(split_path)
        for accession in split["dev"] + split["test"]:
            assert accession not in seen, (accession, seen.get(accession), set_name)
            seen[accession] = set_name


def test_real_sets_are_read_from_the_corpus():
    """A set is either invented (its filings in tests/eval/filings) or real (listed in REAL_SETS,
    so score.py reads its filings from the corpus); a real set left out would score nothing."""
    invented = {path.stem for path in (score.HERE / "filings").glob("*.txt")}
    for set_name, (_, split_path) in score.SETS.items():
        split = score.load_split(split_path)
        accessions = set(split["dev"] + split["test"])
        if set_name in score.REAL_SETS:
            assert not accessions & invented, set_name
        else:
            assert accessions <= invented, set_name


def test_role_precision_is_split_by_what_the_extractor_was_sure_of():
    gold = [
        row("A", "Ann Lee", "appointed", "Treasurer", "k:lee"),
        row("A", "Bo Chan", "appointed", "Controller", "k:chan"),
    ]
    sure = row("A", "Ann Lee", "appointed", "Treasurer", 1)
    guessed = row("A", "Bo Chan", "appointed", "Secretary", 2) | {"confidence": 0.6}
    weak_link = row("A", "Cy Diaz", "appointed", "Director", 3) | {"link_confidence": 0.5}
    bands = score.score(gold, [sure, guessed, weak_link]).sureness
    assert bands["sure"] == Counts(1, 0, 0)
    assert bands["inferred"] == Counts(0, 2, 0)  # a guessed role, a doubtful person
