"""Score the people-event extraction against the labelled evaluation sets.

    .venv/bin/python tests/eval/score.py [--json FILE] [--show-test-errors]

Builds a throwaway store (SQLite in a temporary FILINGS_DATA_DIR), ingests the invented 8-Ks in
tests/eval/filings and the labelled real filings of the shared corpus (skipped, with a message,
when the corpus is absent), and compares `filings.export.event_rows` with the labels_*.jsonl
files of SETS. Figures are micro precision / recall / F1, per split (dev, test) and set
(invented, real, extra: dev only, and the blind sets blind1 to blind14 and blindreal), for the
blind sets together ("blind/dev", "blind/test") and for everything, in three measures:

- event: (accession, person, event_type)
- role: (accession, person, event_type, role)
- identity: over pairs of labelled person mentions in different filings that were matched to a
  prediction, "same person" by gold person_key against "same person" by predicted person_key.

Errors are listed for dev only; test errors stay hidden unless --show-test-errors is given, so
nobody tunes on test. The matching rules (names, roles) are written here on purpose and share
nothing with the extraction code.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

INVENTED = "invented"
REAL = "real"
EXTRA = "extra"
BLINDREAL = "blindreal"
BLIND1 = "blind1"  # invented 8-Ks written blind, with their own dev/test split
BLIND2 = "blind2"
BLIND3 = "blind3"
BLIND4 = "blind4"
BLIND5 = "blind5"
BLIND6 = "blind6"
BLIND7 = "blind7"
BLIND8 = "blind8"
BLIND9 = "blind9"
BLIND10 = "blind10"
BLIND11 = "blind11"
BLIND12 = "blind12"
BLIND13 = "blind13"
BLIND14 = "blind14"
# The sets written last, blind to the rules, with halves of their own: their test rows
# together ("blind/test") are the yardstick no rule has been fitted to.
BLIND_SETS = (
    BLIND1,
    BLIND2,
    BLINDREAL,
    BLIND3,
    BLIND4,
    BLIND5,
    BLIND6,
    BLIND7,
    BLIND8,
    BLIND9,
    BLIND10,
    BLIND11,
    BLIND12,
    BLIND13,
    BLIND14,
)
# extra is a dev-only set written later, so the extractor can be developed on more filings while
# the test halves of the other two stay untouched; its test list is empty on purpose.
SETS = {
    INVENTED: (HERE / "labels.jsonl", HERE / "split.json"),
    REAL: (HERE / "labels_real.jsonl", HERE / "split_real.json"),
    EXTRA: (HERE / "labels_extra.jsonl", HERE / "split_extra.json"),
    BLINDREAL: (HERE / "labels_blindreal.jsonl", HERE / "split_blindreal.json"),
    BLIND1: (HERE / "labels_blind1.jsonl", HERE / "split_blind1.json"),
    BLIND2: (HERE / "labels_blind2.jsonl", HERE / "split_blind2.json"),
    BLIND3: (HERE / "labels_blind3.jsonl", HERE / "split_blind3.json"),
    BLIND4: (HERE / "labels_blind4.jsonl", HERE / "split_blind4.json"),
    BLIND5: (HERE / "labels_blind5.jsonl", HERE / "split_blind5.json"),
    BLIND6: (HERE / "labels_blind6.jsonl", HERE / "split_blind6.json"),
    BLIND7: (HERE / "labels_blind7.jsonl", HERE / "split_blind7.json"),
    BLIND8: (HERE / "labels_blind8.jsonl", HERE / "split_blind8.json"),
    BLIND9: (HERE / "labels_blind9.jsonl", HERE / "split_blind9.json"),
    BLIND10: (HERE / "labels_blind10.jsonl", HERE / "split_blind10.json"),
    BLIND11: (HERE / "labels_blind11.jsonl", HERE / "split_blind11.json"),
    BLIND12: (HERE / "labels_blind12.jsonl", HERE / "split_blind12.json"),
    BLIND13: (HERE / "labels_blind13.jsonl", HERE / "split_blind13.json"),
    BLIND14: (HERE / "labels_blind14.jsonl", HERE / "split_blind14.json"),
}
# Sets of real corpus filings, read from the shared corpus rather than tests/eval/filings.
REAL_SETS = (REAL, BLINDREAL)
SPLITS = ("dev", "test")
MEASURES = ("event", "role", "identity")

# --- names -----------------------------------------------------------------------------------

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "hon"}
DEGREES = {"md", "phd", "jd", "cpa", "esq", "mba", "dds", "rn", "cfa", "llm", "dvm", "dphil"}
SUFFIXES = {"jr": "jr", "junior": "jr", "sr": "sr", "senior": "sr", "ii": "ii", "iii": "iii"}
SUFFIXES |= {"iv": "iv", "2nd": "ii", "3rd": "iii"}

NICKNAME_GROUPS = [
    {"robert", "bob", "bobby", "rob", "robbie", "bert"},
    {"william", "bill", "billy", "will", "willy", "liam"},
    {"james", "jim", "jimmy", "jamie"},
    {"thomas", "tom", "tommy", "tad"},
    {"margaret", "peggy", "maggie", "meg", "marge"},
    {"edward", "ted", "teddy", "ed", "eddie", "ned"},
    {"theodore", "ted", "teddy", "theo"},
    {"edwin", "ed"},
    {"leonard", "len", "lenny", "leo"},
    {"katherine", "kate", "kathy", "katie", "kat"},
    {"catherine", "kate", "cathy", "katie"},
    {"elizabeth", "liz", "lizzie", "beth", "betsy", "betty", "eliza"},
    {"richard", "dick", "rick", "ricky", "rich", "richie"},
    {"michael", "mike", "mikey", "mick"},
    {"david", "dave", "davey"},
    {"christopher", "chris", "kit"},
    {"christine", "chris", "christina", "tina"},
    {"stephen", "steven", "steve", "stevie"},
    {"joseph", "joe", "joey"},
    {"andrew", "andy", "drew"},
    {"daniel", "dan", "danny"},
    {"anthony", "tony"},
    {"patricia", "pat", "patty", "trish", "tricia"},
    {"patrick", "pat", "paddy"},
    {"susan", "sue", "susie", "suzy"},
    {"jennifer", "jenny", "jen"},
    {"rebecca", "becky", "becca"},
    {"samuel", "sam", "sammy"},
    {"samantha", "sam"},
    {"matthew", "matt"},
    {"nicholas", "nick", "nicky"},
    {"gregory", "greg"},
    {"charles", "chuck", "charlie", "chas"},
    {"henry", "hank", "harry"},
    {"john", "jack", "johnny", "jon"},
    {"jonathan", "jon"},
    {"alexander", "alex", "sandy"},
    {"benjamin", "ben", "benny"},
    {"frederick", "fred", "freddie"},
    {"lawrence", "larry"},
    {"gerald", "jerry"},
    {"jerome", "jerry"},
    {"kenneth", "ken", "kenny"},
    {"ronald", "ron", "ronnie"},
    {"donald", "don", "donny"},
    {"douglas", "doug"},
    {"timothy", "tim", "timmy"},
    {"peter", "pete"},
    {"philip", "phillip", "phil"},
    {"raymond", "ray"},
    {"albert", "al", "bert"},
    {"alfred", "al", "alf"},
    {"walter", "walt"},
    {"eugene", "gene"},
    {"deborah", "debra", "deb", "debbie"},
    {"barbara", "barb", "barbie"},
    {"victoria", "vicky", "tori"},
    {"cynthia", "cindy"},
    {"pamela", "pam"},
    {"kimberly", "kim"},
]
NICKNAMES: dict[str, set[int]] = defaultdict(set)
for _i, _group in enumerate(NICKNAME_GROUPS):
    for _n in _group:
        NICKNAMES[_n].add(_i)

_QUOTED = re.compile(r"[\"“”‘’«»]([^\"“”‘’«»]{1,30})[\"“”‘’«»]|\(([^()]{1,30})\)")


@dataclass(frozen=True)
class Name:
    first: str
    middles: tuple[str, ...]
    last: str
    suffix: str | None
    nicknames: frozenset[str] = frozenset()

    @property
    def firsts(self) -> set[str]:
        return {self.first, *self.nicknames}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _tokens(text: str) -> list[str]:
    text = re.sub(r"[\'’`]", "", _fold(text))
    return [t for t in re.split(r"[^\w-]+", text) if t.strip("-")]


def _compact(text: str) -> str:
    return re.sub(r"[^\w]", "", _fold(text))


def parse_name(raw: str, last_first: bool = False) -> Name | None:
    """A name's parts. Honorifics, degrees and quoted nicknames are set aside, a suffix is
    kept apart, "Last, First" is reordered; with last_first, "LAST FIRST MIDDLE" (the order of
    a Form 4 header) is read."""
    if not raw or not raw.strip():
        return None
    nicks = set()
    for m in _QUOTED.finditer(raw):
        inner = _tokens(m.group(1) or m.group(2) or "")
        if len(inner) == 1 and inner[0] not in DEGREES and inner[0] not in SUFFIXES:
            nicks.add(inner[0])
    raw = _QUOTED.sub(" ", raw)
    core, *tails = raw.split(",")
    suffix = None
    rest = []
    for tail in tails:
        compact = _compact(tail)
        if compact in SUFFIXES:
            suffix = suffix or SUFFIXES[compact]
        elif compact and compact not in DEGREES:
            rest.append(tail)
    if rest:  # "Last, First Middle"
        core = " ".join([*rest, core])
    words = [w for w in _tokens(core) if w not in HONORIFICS]
    while len(words) > 1 and (words[-1] in SUFFIXES or words[-1] in DEGREES):
        word = words.pop()
        if word in SUFFIXES:
            suffix = suffix or SUFFIXES[word]
    if not words:
        return None
    if len(words) == 1:
        return Name("", (), words[0], suffix, frozenset(nicks))
    if last_first:
        words = [*words[1:], words[0]]
    return Name(words[0], tuple(words[1:-1]), words[-1], suffix, frozenset(nicks))


def _first_names_match(a: Name, b: Name) -> bool:
    return any(_same_first(x, y) for x in a.firsts for y in b.firsts)


def _same_first(x: str, y: str) -> bool:
    return x == y or bool(NICKNAMES.get(x, set()) & NICKNAMES.get(y, set()))


def _token_match(x: str, y: str) -> bool:
    if x == y:
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return False


def _middles_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """A missing middle name or initial is forgiven; present ones must agree, in order."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    i = 0
    for token in short:
        while i < len(long_) and not _token_match(token, long_[i]):
            i += 1
        if i == len(long_):
            return False
        i += 1
    return True


def _names_match(a: Name, b: Name) -> bool:
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return False
    if a.last != b.last:
        return False
    if not a.first or not b.first:
        return True  # a bare family name ("O'Donoghue-Laird")
    if _first_names_match(a, b):
        return _middles_match(a.middles, b.middles)
    # "J. Michael Smith" for "Michael Smith"
    for x, y in ((a, b), (b, a)):
        if len(x.first) == 1 and x.middles and _same_first(x.middles[0], y.first):
            return _middles_match(x.middles[1:], y.middles)
    return False


def name_variants(raw: str, header_order: bool = False) -> list[Name]:
    """The readings of a written name: as written and, for reporting owners, in header order
    (LAST FIRST MIDDLE)."""
    out = []
    for last_first in (False, True) if header_order else (False,):
        parsed = parse_name(raw, last_first=last_first)
        if parsed and parsed not in out:
            out.append(parsed)
    return out


def name_match(a: str | None, b: str | None, header_order: bool = False) -> bool:
    """Whether two written names can be the same person."""
    if not a or not b:
        return False
    return any(
        _names_match(x, y)
        for x in name_variants(a, header_order)
        for y in name_variants(b, header_order)
    )


def any_name_match(names_a: set[str], names_b: set[str], header_order: bool = False) -> bool:
    return any(name_match(x, y, header_order) for x in names_a for y in names_b)


# --- roles -----------------------------------------------------------------------------------

_ABBREVIATIONS = [
    (r"\bceo\b", "chief executive officer"),
    (r"\bcfo\b", "chief financial officer"),
    (r"\bcoo\b", "chief operating officer"),
    (r"\bcao\b", "chief accounting officer"),
    (r"\bcto\b", "chief technology officer"),
    (r"\bevp\b", "executive vice president"),
    (r"\bsvp\b", "senior vice president"),
    (r"\bsr vice president\b", "senior vice president"),
    (r"\bexec vice president\b", "executive vice president"),
    (r"\bvp\b", "vice president"),
    (r"\bvice-president\b", "vice president"),
]
_CHAIR = r"\bchair(?:man|person|woman)?\b"
_BOARD = r"(?:of\s+the\s+|of\s+)?board(?:\s+of\s+directors)?"


def _role_part(text: str) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def role_parts(role: str | None) -> frozenset[str] | None:
    """A title's parts, normalised: case, punctuation, "&"/"and", a leading "the",
    parenthetical designations and common abbreviations do not count."""
    text = _role_text(role)
    if text is None:
        return None
    pieces = re.split(r"\s*[,;]\s*|\s+and\s+", text)
    parts = frozenset(p for p in (_role_part(piece) for piece in pieces) if p)
    return parts or None


def _role_text(role: str | None) -> str | None:
    if role is None or not str(role).strip():
        return None
    text = _fold(str(role))
    text = re.sub(r"\([^)]*\)", " ", text)
    text = text.replace("&", " and ")
    text = re.sub(r"[.'’]", "", text)
    text = re.sub(r"[-–—/]", " ", text)
    text = re.sub(r"[^\w,;\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    for pattern, full in _ABBREVIATIONS:
        text = re.sub(pattern, full, text)
    text = re.sub(r"(?:^|(?<=[,;]))\s*(?:the|a|an)\s+", " ", text).strip()
    text = re.sub(rf"{_CHAIR}(?:\s+{_BOARD})?", "chair", text)
    text = re.sub(rf"\b(?:member\s+{_BOARD}|board\s+member|directorship)\b", "director", text)
    text = re.sub(r"\s+of\s+the\s+company\b", "", text)
    return re.sub(r"\s+", " ", text).strip() or None


def _role_words(role: str | None) -> tuple[str, ...] | None:
    parts = _role_text(role)
    if parts is None:
        return None
    return tuple(w for w in re.split(r"[\s,;]+", parts) if w and w != "and")


def role_match(a: str | None, b: str | None) -> bool:
    """Equal parts as sets ("CEO and President" = "President, Chief Executive Officer"), or the
    same words once separators are ignored ("Vice President, Finance" = "Vice President-Finance")."""
    parts_a, parts_b = role_parts(a), role_parts(b)
    if parts_a == parts_b:
        return True
    if parts_a is None or parts_b is None:
        return False
    return _role_words(a) == _role_words(b)


# --- matching --------------------------------------------------------------------------------


@dataclass
class Unit:
    """One thing to count: a person's event in a filing (and, for the role measure, a role)."""

    accession: str
    event_type: str
    names: set[str]
    role: str | None = None
    person_key: str | None = None
    rows: list[dict] = field(default_factory=list)


def _header_order(event_type: str) -> bool:
    return event_type == "reporting-owner"


def _row_names(row: dict) -> set[str]:
    return {n for n in (row.get("name_raw"), row.get("name")) if n}


def gold_units(labels: list[dict], with_role: bool) -> list[Unit]:
    """Gold labels collapsed to one unit per (accession, event_type, person_key[, role])."""
    units: dict[tuple, Unit] = {}
    for row in labels:
        key = (row["accession"], row["event_type"], row["person_key"])
        if with_role:
            key += (role_parts(row.get("role")),)
        unit = units.get(key)
        if unit is None:
            unit = units[key] = Unit(
                row["accession"], row["event_type"], set(), row.get("role"), row["person_key"]
            )
        unit.names |= _row_names(row)
        unit.rows.append(row)
    return list(units.values())


def predicted_units(rows: list[dict], with_role: bool) -> list[Unit]:
    """Predictions collapsed the same way: rows of one filing and event type whose names match
    (and roles, for the role measure) count once."""
    units: list[Unit] = []
    for row in rows:
        names = _row_names(row)
        for unit in units:
            if (
                unit.accession == row["accession"]
                and unit.event_type == row["event_type"]
                and any_name_match(unit.names, names, _header_order(unit.event_type))
                and (not with_role or role_match(unit.role, row.get("role")))
            ):
                unit.names |= names
                unit.rows.append(row)
                break
        else:
            units.append(
                Unit(
                    row["accession"],
                    row["event_type"],
                    set(names),
                    row.get("role"),
                    row.get("person_key"),
                    [row],
                )
            )
    return units


def _pair_score(g: Unit, p: Unit) -> int:
    exact = {_fold(n) for n in g.names} & {_fold(n) for n in p.names}
    return 2 if exact else 1


def match_units(
    gold: list[Unit], pred: list[Unit], with_role: bool
) -> tuple[list[tuple[Unit, Unit]], list[Unit], list[Unit]]:
    """Greedy one-to-one matching inside each (accession, event_type) bucket.
    Returns (matched pairs, false positives, false negatives)."""
    buckets: dict[tuple, tuple[list[Unit], list[Unit]]] = defaultdict(lambda: ([], []))
    for g in gold:
        buckets[(g.accession, g.event_type)][0].append(g)
    for p in pred:
        buckets[(p.accession, p.event_type)][1].append(p)
    pairs, fps, fns = [], [], []
    for key in sorted(buckets):
        golds, preds = buckets[key]
        candidates = []
        for gi, g in enumerate(golds):
            for pi, p in enumerate(preds):
                if not any_name_match(g.names, p.names, _header_order(g.event_type)):
                    continue
                if with_role and not role_match(g.role, p.role):
                    continue
                candidates.append((-_pair_score(g, p), gi, pi))
        candidates.sort()
        used_g, used_p = set(), set()
        for _, gi, pi in candidates:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((golds[gi], preds[pi]))
        fns += [g for gi, g in enumerate(golds) if gi not in used_g]
        fps += [p for pi, p in enumerate(preds) if pi not in used_p]
    return pairs, fps, fns


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


def _majority_key(rows: list[dict]) -> str | None:
    keys = Counter(str(r["person_key"]) for r in rows if r.get("person_key") is not None)
    return keys.most_common(1)[0][0] if keys else None


def identity_mentions(pairs: list[tuple[Unit, Unit]]) -> dict[tuple[str, str], str | None]:
    """(accession, gold person_key) -> predicted person_key, for matched gold people."""
    predicted: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for g, p in pairs:
        predicted[(g.accession, g.person_key)] += p.rows
    return {mention: _majority_key(rows) for mention, rows in predicted.items()}


def identity_counts(mentions: dict[tuple[str, str], str | None]) -> tuple[Counts, list[dict]]:
    """Pairwise "same person" over mentions in different filings. A missing predicted key never
    equals another."""
    counts = Counts()
    errors = []
    for (acc_a, gold_a), (acc_b, gold_b) in combinations(sorted(mentions), 2):
        if acc_a == acc_b:
            continue
        pred_a, pred_b = mentions[(acc_a, gold_a)], mentions[(acc_b, gold_b)]
        gold_same = gold_a == gold_b
        pred_same = pred_a is not None and pred_a == pred_b
        if gold_same and pred_same:
            counts.tp += 1
        elif pred_same:
            counts.fp += 1
            errors.append({"kind": "merged", "a": (acc_a, gold_a), "b": (acc_b, gold_b)})
        elif gold_same:
            counts.fn += 1
            errors.append({"kind": "split", "a": (acc_a, gold_a), "b": (acc_b, gold_b)})
    return counts, errors


@dataclass
class Result:
    counts: dict[str, Counts]
    false_positives: list[Unit]
    false_negatives: list[Unit]
    role_mismatches: list[tuple[Unit, list[str | None]]]  # gold unit, roles predicted
    identity_errors: list[dict]
    # Role-measure predictions, right (tp) and wrong (fp), by how sure the extractor said it
    # was: "sure" when every row is, "inferred" when a row's reading or person link is not.
    sureness: dict[str, Counts] = field(default_factory=dict)
    # Predicted roles no label has, for a person and event that were right.
    extra_roles: list[Unit] = field(default_factory=list)


def _inferred(unit: Unit) -> bool:
    return any(
        min(row.get("confidence") or 1.0, row.get("link_confidence") or 1.0) < 1.0
        for row in unit.rows
    )


def sureness_counts(pairs: list[tuple[Unit, Unit]], fps: list[Unit]) -> dict[str, Counts]:
    out = {"sure": Counts(), "inferred": Counts()}
    for _, p in pairs:
        out["inferred" if _inferred(p) else "sure"].tp += 1
    for p in fps:
        out["inferred" if _inferred(p) else "sure"].fp += 1
    return out


def score(labels: list[dict], predictions: list[dict]) -> Result:
    """All three measures for one group of filings (labels and predictions already restricted
    to the same accessions)."""
    gold_e = gold_units(labels, with_role=False)
    pred_e = predicted_units(predictions, with_role=False)
    pairs_e, fp_e, fn_e = match_units(gold_e, pred_e, with_role=False)
    gold_r = gold_units(labels, with_role=True)
    pred_r = predicted_units(predictions, with_role=True)
    pairs_r, fp_r, fn_r = match_units(gold_r, pred_r, with_role=True)
    ident, ident_errors = identity_counts(identity_mentions(pairs_e))
    # Person and event right, role wrong: gold role units left over whose person was matched.
    mismatches = []
    matched_r = {id(g) for g, _ in pairs_r}
    for g in gold_r:
        if id(g) in matched_r:
            continue
        for ge, pe in pairs_e:
            if ge.accession == g.accession and ge.event_type == g.event_type:
                if ge.person_key == g.person_key:
                    roles = sorted({r.get("role") or "" for r in pe.rows})
                    mismatches.append((g, [r or None for r in roles]))
                    break
    wrong_events = {id(r) for u in fp_e for r in u.rows}
    extra = [u for u in fp_r if not any(id(r) in wrong_events for r in u.rows)]
    return Result(
        extra_roles=extra,
        counts={
            "event": Counts(len(pairs_e), len(fp_e), len(fn_e)),
            "role": Counts(len(pairs_r), len(fp_r), len(fn_r)),
            "identity": ident,
        },
        false_positives=fp_e,
        false_negatives=fn_e,
        role_mismatches=mismatches,
        identity_errors=ident_errors,
        sureness=sureness_counts(pairs_r, fp_r),
    )


# --- data ------------------------------------------------------------------------------------


def load_labels(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_split(path: Path) -> dict[str, list[str]]:
    return json.loads(path.read_text(encoding="utf-8"))


def setup_django(data_dir: str) -> None:
    os.environ["FILINGS_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)  # always a fresh SQLite file in data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "filings.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def real_sources(accessions: list[str]) -> tuple[list[tuple[str, bytes]], list[str]]:
    """(file name, bytes) for each labelled real filing, preferring an undamaged copy; and
    the accessions the corpus does not have."""
    from tests import corpus

    wanted = set(accessions)
    rows = {}
    for row in corpus.manifest_rows():
        if row.accession in wanted:
            if row.accession not in rows or (rows[row.accession].damaged and not row.damaged):
                rows[row.accession] = row
    ordered = sorted(
        rows.values(), key=lambda r: (r.filed_date.isoformat() if r.filed_date else "", r.name)
    )
    missing = sorted(set(accessions) - set(rows))
    return [(r.name, r.read()) for r in ordered], missing


def ingest_all(sources: list[tuple[str, bytes]]) -> list[str]:
    """Ingest in order; the messages of refused files."""
    from filings import ingest

    refused = []
    for name, data in sources:
        result = ingest.ingest(data, name)
        if not result.ok:
            refused.append(f"{name}: {result.message}")
    return refused


def predicted_rows(accessions: list[str]) -> list[dict]:
    from filings.export import event_rows

    return [dict(r) for r in event_rows(sorted(accessions))]


# --- report ----------------------------------------------------------------------------------


def _fmt(x: float | None) -> str:
    return "   - " if x is None else f"{x:5.3f}"


def table(groups: dict[str, Result]) -> str:
    lines = [
        f"{'group':16} {'measure':9} {'tp':>5} {'fp':>5} {'fn':>5}  {'P':>5}  {'R':>5}  {'F1':>5}"
    ]
    for group, result in groups.items():
        for measure in MEASURES:
            c = result.counts[measure]
            lines.append(
                f"{group:16} {measure:9} {c.tp:5d} {c.fp:5d} {c.fn:5d}  "
                f"{_fmt(c.precision)}  {_fmt(c.recall)}  {_fmt(c.f1)}"
            )
    return "\n".join(lines)


def _describe(unit: Unit) -> str:
    row = unit.rows[0]
    name = row.get("name") or row.get("name_raw")
    evidence = re.sub(r"\s+", " ", str(row.get("evidence") or ""))
    if len(evidence) > 240:
        evidence = evidence[:237] + "..."
    return (
        f"  {unit.accession}  {name} | {unit.event_type} | {row.get('role')}\n"
        f"      evidence: {evidence}"
    )


def errors_text(group: str, result: Result, names: dict[str, str]) -> str:
    out = [f"== errors: {group} =="]
    out.append(f"false negatives ({len(result.false_negatives)}):")
    out += [_describe(u) for u in result.false_negatives]
    out.append(f"false positives ({len(result.false_positives)}):")
    out += [_describe(u) for u in result.false_positives]
    out.append(f"role mismatches ({len(result.role_mismatches)}):")
    for g, roles in result.role_mismatches:
        out.append(
            f"  {g.accession}  {g.rows[0]['name']} | {g.event_type} | "
            f"gold {g.role!r} / predicted {' ; '.join(repr(r) for r in roles)}"
        )
    out.append(f"extra roles ({len(result.extra_roles)}):")
    for u in result.extra_roles:
        out.append(f"  {u.accession}  {u.rows[0]['name']} | {u.event_type} | predicted {u.role!r}")
    splits = [e for e in result.identity_errors if e["kind"] == "split"]
    merged = [e for e in result.identity_errors if e["kind"] == "merged"]
    out.append(f"identity: {len(splits)} pairs split, {len(merged)} pairs wrongly merged")
    for e in (splits + merged)[:40]:
        (acc_a, key_a), (acc_b, key_b) = e["a"], e["b"]
        out.append(
            f"  {e['kind']:6} {names.get(key_a, key_a)} ({acc_a}) ~ "
            f"{names.get(key_b, key_b)} ({acc_b})"
        )
    if len(splits + merged) > 40:
        out.append(f"  ... {len(splits + merged) - 40} more")
    return "\n".join(out)


def group_scores(
    labels: dict[str, list[dict]],
    splits: dict[str, dict[str, list[str]]],
    predictions: list[dict],
) -> dict[str, Result]:
    """Results per (set, split), per split over all sets, and over everything. A set with no
    filings in a half (extra has no test half) gets no row for it rather than a row of zeros."""
    wanted: dict[str, set[str]] = {}
    for split in SPLITS:
        for set_name in SETS:
            if splits.get(set_name, {}).get(split):
                wanted[f"{set_name}/{split}"] = set(splits[set_name][split])
    for split in SPLITS:
        blind = [set(splits[s].get(split, [])) for s in BLIND_SETS if s in splits]
        if blind:
            wanted[f"blind/{split}"] = set().union(*blind)
    for split in SPLITS:
        wanted[f"all/{split}"] = set().union(*(set(splits[s].get(split, [])) for s in splits))
    wanted["all"] = set().union(*(wanted[f"all/{split}"] for split in SPLITS))
    all_labels = [row for rows in labels.values() for row in rows]
    out = {}
    for group, accessions in wanted.items():
        out[group] = score(
            [r for r in all_labels if r["accession"] in accessions],
            [r for r in predictions if r["accession"] in accessions],
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON to FILE")
    parser.add_argument(
        "--show-test-errors", action="store_true", help="also list the errors on test"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()

    from tests import corpus

    labels = {name: load_labels(paths[0]) for name, paths in SETS.items()}
    splits = {name: load_split(paths[1]) for name, paths in SETS.items()}
    invented = sorted((HERE / "filings").glob("*.txt"))
    sources = [(f.name, f.read_bytes()) for f in invented]
    real_accessions = sorted({a for s in REAL_SETS for half in SPLITS for a in splits[s][half]})
    if corpus.corpus_available():
        real, missing = real_sources(real_accessions)
        sources += real
        if missing:
            print(f"real: {len(missing)} labelled filings not in the corpus: {', '.join(missing)}")
    else:
        print(f"real: skipped; {corpus.SKIP_REASON}")
        for name in REAL_SETS:
            del labels[name], splits[name]

    with tempfile.TemporaryDirectory(prefix="filings-eval-") as data_dir:
        setup_django(data_dir)
        refused = ingest_all(sources)
        for message in refused:
            print(f"refused: {message}")
        accessions = [a for s in splits.values() for half in SPLITS for a in s.get(half, [])]
        predictions = predicted_rows(accessions)
    print(
        f"ingested {len(sources) - len(refused)} of {len(sources)} filings; "
        f"{len(predictions)} predicted events; "
        + "; ".join(
            f"{name}: {len(labels[name])} labels, "
            + ", ".join(f"{half} {len(splits[name][half])} filings" for half in SPLITS)
            for name in labels
        )
    )

    results = group_scores(labels, splits, predictions)
    print()
    print(table(results))
    print()
    for group in ("all/dev", "all/test"):
        bands = results[group].sureness
        print(
            f"{group} role precision by sureness: "
            + ", ".join(f"{band} {_fmt(c.precision)} of {c.tp + c.fp}" for band, c in bands.items())
        )
    names = {r["person_key"]: r["name"] for rows in labels.values() for r in rows}
    shown = ["dev"] + (["test"] if args.show_test_errors else [])
    for half in shown:
        print()
        print(errors_text(f"all/{half}", results[f"all/{half}"], names))
    if not args.show_test_errors:
        print()
        print("test errors are not shown (use --show-test-errors; do not tune on test)")
    elapsed = time.perf_counter() - started
    print(f"\n{elapsed:.1f} s")
    if args.json:
        figures = {
            group: {m: result.counts[m].as_dict() for m in MEASURES}
            for group, result in results.items()
        }
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
