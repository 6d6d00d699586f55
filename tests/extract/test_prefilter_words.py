"""The cheap word checks in front of costly patterns must never skip a match: every match of
each pattern contains one of the words it is paired with. Checked on the patterns
themselves, so a new alternative without a listed word fails here instead of silently
never matching."""

import re
import re._constants as c
import re._parser as sre_parse

import pytest

from filings.extract import events


def _guarantees(seq, words, fold: bool, run: str = "") -> bool:
    """Whether every string the parsed sequence matches contains one of `words`: a run of
    literal characters it must match in a row holds one, or one of its parts guarantees it
    (a group, a repeat done at least once, an alternation each of whose branches does).
    `run` is what the sequence continues: the parser factors a common prefix out of an
    alternation ("auditors?|accountants?" becomes "a" then the rest)."""

    def holds(text: str) -> bool:
        return any(w in text for w in words)

    for op, arg in seq:
        if op is c.LITERAL:
            run += chr(arg).lower() if fold else chr(arg)
            if holds(run):
                return True
            continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: no characters, the run goes on
        if op is c.SUBPATTERN:
            inner = arg[-1]
            if _guarantees(inner, words, fold, run):
                return True
            if all(o is c.LITERAL for o, _ in inner):  # "(?:voted) to": the run goes on
                run += "".join(chr(a) for _, a in inner)
                run = run.lower() if fold else run
                if holds(run):
                    return True
                continue
        elif op is c.BRANCH:
            if all(_guarantees(alt, words, fold, run) for alt in arg[1]):
                return True
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _high, inner = arg
            if low >= 1 and _guarantees(inner, words, fold):
                return True
        run = ""
    return False


def _covered(pattern: re.Pattern, words) -> bool:
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    return _guarantees(list(parsed), tuple(words), bool(pattern.flags & re.IGNORECASE))


@pytest.mark.parametrize("index", range(len(events._TRIGGER_PATTERNS)))
def test_every_trigger_match_holds_one_of_its_words(index):
    event_type, pattern, _direction = events._TRIGGER_PATTERNS[index]
    assert _covered(pattern, events._TRIGGER_WORDS[index]), (event_type, pattern.pattern)


def test_every_mask_match_holds_one_of_the_mask_words():
    assert _covered(events._MASKS, events._MASK_WORDS)


def test_every_pay_change_holds_one_of_the_pay_words():
    assert _covered(events._COMPENSATION, events._COMPENSATION_WORDS)


def test_the_check_itself_catches_a_word_missing():
    pattern = re.compile(r"\b(?:voted\s+to\s+remove|removed)\b", re.I)
    assert _covered(pattern, ("remov",))
    assert not _covered(pattern, ("removed",))
