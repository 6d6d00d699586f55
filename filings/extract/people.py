"""Person names: parsing, display form, comparison, and finding names in running text.

Names arrive three ways: in reading order in prose and signatures ("Ms. Patricia L.
Higgins", "Robert D. Shurtleff, Jr."), in EDGAR's conformed order in headers and Form 4 XML
("HIGGINS PATRICIA L", "Adams Katherine L."), and as organisations that file like people
("FARNAM STREET PARTNERS LP /MN"). Everything keeps the raw string beside the parts.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
import unicodedata
from dataclasses import dataclass

from nameparser import HumanName
from nameparser.config import Constants


@dataclass(frozen=True, slots=True)
class PersonName:
    raw: str  # as written
    given: str
    middle: str
    family: str
    suffix: str  # "Jr.", "Sr.", "II", "III", ...
    nickname: str
    display: str  # "Given Middle Family Suffix"
    title: str = ""  # honorific: "Mr.", "Ms.", "Mrs.", "Dr."
    is_organization: bool = False

    @property
    def has_full_name(self) -> bool:
        return bool(self.given and self.family) or self.is_organization


# nameparser's default title list holds hundreds of words that are also given names
# ("Dean", "Judge", "Major"); only honorifics count as titles here.
HONORIFICS = ("Mr.", "Ms.", "Mrs.", "Miss", "Dr.", "Prof.", "Mx.", "Hon.", "Sen.", "Gov.", "Rev.")
# Ranks and offices written before a name ("Admiral Phil S. Davidson"): titles, not names.
RANKS = (
    "Admiral",
    "General",
    "Gen.",
    "Colonel",
    "Col.",
    "Captain",
    "Capt.",
    "Lieutenant",
    "Lt.",
    "Senator",
    "Governor",
    "Ambassador",
    "Honorable",
    "Reverend",
    "Sir",
    "Dame",
    "Professor",
)
_HONORIFIC_KEYS = {h.rstrip(".").casefold(): h for h in HONORIFICS + RANKS}
_GENERATIONAL = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV", "v": "V"}
_DEGREES = {"esq": "Esq.", "phd": "Ph.D.", "md": "M.D.", "cpa": "CPA"}
SUFFIXES = {**_GENERATIONAL, **_DEGREES, "junior": "Jr.", "senior": "Sr."}

_CONSTANTS = Constants()
_CONSTANTS.titles.remove(*list(_CONSTANTS.titles))
_CONSTANTS.titles.add(*_HONORIFIC_KEYS)
_CONSTANTS.suffix_acronyms.remove(*list(_CONSTANTS.suffix_acronyms))
_CONSTANTS.suffix_acronyms.add("phd", "md", "cpa")
_CONSTANTS.suffix_not_acronyms.remove(*list(_CONSTANTS.suffix_not_acronyms))
_CONSTANTS.suffix_not_acronyms.add("jr", "sr", "ii", "iii", "iv", "v", "esq", "junior", "senior")

# Words that mark an organisation in a name. Checked on whole words, case-insensitively.
ORGANISATION_WORDS = re.compile(
    r"\b(?:INC|INCORPORATED|CORP|CORPORATION|CO|COMPANY|LLC|L\.L\.C|LP|L\.P|LLP|LTD|LIMITED|"
    r"PLC|TRUST|TRUSTS|FUND|FUNDS|PARTNERS|PARTNERSHIP|HOLDINGS?|GROUP|CAPITAL|MANAGEMENT|"
    r"ADVISORS?|ADVISERS?|BANK|BANCORP|FOUNDATION|ASSOCIATES|INVESTMENTS?|VENTURES?|SA|AG|NV|"
    r"BV|GMBH|SECURITIES|FINANCIAL|ENTERPRISES|INTERNATIONAL|SYSTEMS|TECHNOLOGIES|ESTATE|"
    r"MASTER|OFFSHORE|ONSHORE|PORTFOLIO|EQUITY|OPPORTUNITIES|STRATEGIES|L\.P\.|N\.A|PLLC|"
    r"P\.C|P\.A|CPAS|S\.A|A\.G|N\.V|B\.V)(?:\b|(?<=\.))",
    re.IGNORECASE,
)

# Common English nicknames and the formal given names they stand for.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "abby": ("abigail",),
    "al": ("albert", "alan", "allan", "allen", "alfred", "alexander"),
    "alex": ("alexander", "alexandra", "alexis"),
    "andy": ("andrew",),
    "barb": ("barbara",),
    "ben": ("benjamin", "bennett"),
    "beth": ("elizabeth", "bethany"),
    "bill": ("william",),
    "billy": ("william",),
    "bob": ("robert",),
    "bobby": ("robert",),
    "brad": ("bradley", "bradford"),
    "cathy": ("catherine", "cathleen"),
    "charlie": ("charles",),
    "chuck": ("charles",),
    "chet": ("chester",),
    "chris": ("christopher", "christine", "christina", "christian"),
    "cindy": ("cynthia",),
    "dan": ("daniel",),
    "danny": ("daniel",),
    "dave": ("david",),
    "deb": ("deborah", "debora", "debra"),
    "debbie": ("deborah", "debora", "debra"),
    "dick": ("richard",),
    "don": ("donald",),
    "doug": ("douglas",),
    "ed": ("edward", "edwin", "edgar", "edmund"),
    "eddie": ("edward",),
    "fred": ("frederick", "alfred"),
    "frank": ("francis", "franklin"),
    "gene": ("eugene",),
    "greg": ("gregory",),
    "hal": ("harold", "henry"),
    "hank": ("henry",),
    "harry": ("harold", "henry", "harrison"),
    "jack": ("john",),
    "jake": ("jacob",),
    "jeff": ("jeffrey", "jeffery"),
    "jen": ("jennifer",),
    "jenny": ("jennifer",),
    "jerry": ("gerald", "jerome", "jeremiah"),
    "jim": ("james",),
    "jimmy": ("james",),
    "joe": ("joseph",),
    "jon": ("jonathan",),
    "kate": ("katherine", "catherine", "kathleen", "katharine", "kathryn"),
    "kathy": ("katherine", "kathleen", "catherine", "kathryn"),
    "katie": ("katherine", "kathleen", "catherine", "kathryn"),
    "ken": ("kenneth",),
    "kim": ("kimberly",),
    "larry": ("lawrence", "laurence"),
    "len": ("leonard",),
    "liz": ("elizabeth",),
    "matt": ("matthew",),
    "meg": ("margaret", "marguerite", "megan"),
    "mike": ("michael",),
    "mickey": ("michael",),
    "nate": ("nathan", "nathaniel"),
    "ned": ("edward", "edmund"),
    "nick": ("nicholas",),
    "pam": ("pamela",),
    "pat": ("patricia", "patrick"),
    "patty": ("patricia",),
    "peg": ("margaret", "marguerite"),
    "peggy": ("margaret", "marguerite"),
    "maggie": ("margaret", "marguerite"),
    "marge": ("margaret", "marjorie"),
    "marty": ("martin",),
    "pete": ("peter",),
    "phil": ("philip", "phillip"),
    "randy": ("randall", "randolph"),
    "ray": ("raymond",),
    "rich": ("richard",),
    "rick": ("richard", "frederick", "eric"),
    "rob": ("robert",),
    "rod": ("rodney", "roderick"),
    "ron": ("ronald",),
    "russ": ("russell",),
    "sam": ("samuel", "samantha"),
    "sandy": ("sandra", "alexandra"),
    "shelly": ("shelton", "michelle", "rochelle"),
    "steve": ("steven", "stephen"),
    "stan": ("stanley",),
    "stu": ("stuart", "stewart"),
    "sue": ("susan", "suzanne"),
    "ted": ("edward", "theodore"),
    "terry": ("terrence", "terence", "theresa"),
    "tim": ("timothy",),
    "tom": ("thomas",),
    "tommy": ("thomas",),
    "tony": ("anthony",),
    "trish": ("patricia",),
    "vicky": ("victoria",),
    "walt": ("walter",),
    "wally": ("wallace", "walter"),
    "will": ("william",),
    "zach": ("zachary",),
}

# Given names that are (nearly) always a woman's or a man's in US filings, for a pronoun
# or an honorific met before anything else tells. Names worn by both (Jordan, Kim, Jean,
# Leslie, Terry ...) are in neither.
FEMALE_GIVEN = frozenset(
    """
    abigail adrienne agnes alice alicia alison allison amanda amy ana angela anita ann
    anna anne annette barbara beatrice beatriz betty beverly brenda candace carla carmen carol
    caroline carolyn catherine cathleen cecilia charlotte cheryl christina christine cynthia
    daphne deborah debra denise diana diane donna doris dorothy edith eileen elaine eleanor
    elena elizabeth ellen emily emma esther evelyn florence frances gail gloria grace gwendolyn
    hannah harriet heather helen helene ingrid irene isabel jacqueline jane janet janice jennifer
    jessica joan joanne josephine joyce judith judy julia julie karen katherine kathleen kathryn
    katharine laura lauren linda lisa lois lorraine louise lucy lydia margaret margit marguerite
    maria marianne marie marilyn marjorie martha mary maureen megan melissa michelle miriam
    monica monique nadia nadine nancy natalie nicole nina norma olga pamela patricia paula
    pauline peg peggy priscilla rachel rebecca regina rita roberta rosalind rose ruth sally
    samantha sandra sara sarah sharon shirley sophia stephanie susan suzanne sylvia teresa
    theresa valerie veronica victoria virginia vivian wanda wendy yvette yvonne
    """.split()
)
MALE_GIVEN = frozenset(
    """
    aaron adam alan albert alexander alfred allen andrew anthony arthur barry benjamin bernard
    bradley brian bruce carl charles christopher clarence craig daniel david dennis donald
    douglas earl edward edwin eric ernest eugene everett francis frank frederick gary george
    gerald gordon gregory gunnar harold harry henry herbert howard hugh jack james jeffrey
    jeremy jerome john jonathan joseph joshua keith kenneth kevin lawrence leonard lloyd louis
    luis marcus mark martin matthew michael nathan nathaniel neil nicholas norman oscar oskar
    patrick paul peter philip phillip ralph raymond richard robert roger ronald roy russell
    samuel scott stanley stephen steven stuart theodore thomas timothy todd victor vincent
    walter warren wayne william
    """.split()
)


def given_gender(given: str) -> str | None:
    """'f' or 'm' for a given name that tells, else None."""
    key = fold(given).strip(".")
    return "f" if key in FEMALE_GIVEN else "m" if key in MALE_GIVEN else None


_PARTICLES = {"van", "von", "de", "del", "della", "der", "den", "da", "di", "du", "la", "le"}
_PARTICLES |= {"st", "st.", "dos", "das", "ter", "ten", "al", "el", "bin", "ibn"}


def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Désocio' -> 'desocio'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().replace("’", "'")


def is_organization_name(raw: str) -> bool:
    return bool(ORGANISATION_WORDS.search(raw))


def _clean(raw: str) -> str:
    text = " ".join(raw.replace("\xa0", " ").split())
    # EDGAR appends a state or a disambiguator to conformed names: "PARTNERS LP /MN".
    text = re.sub(r"\s*/[A-Z]{2,4}/?\s*$", "", text)
    return text.strip(" ,;")


def _dot_initials(part: str) -> str:
    """'L' -> 'L.'; 'C.C.' and full names stay as they are."""
    words = []
    for word in part.split():
        if len(word) == 1 and word.isalpha():
            word += "."
        words.append(word)
    return " ".join(words)


def _needs_case_fix(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and (
        all(c.isupper() for c in letters) or all(c.islower() for c in letters)
    )


def _suffix(text: str) -> str:
    keys = [SUFFIXES.get(s.strip(". ").casefold().replace(".", "")) for s in text.split(",")]
    return ", ".join(
        k or s.strip() for k, s in zip(keys, text.split(","), strict=True) if s.strip()
    )


def _build(raw: str, human: HumanName, *, organization: bool = False) -> PersonName:
    if organization:
        display = _clean(raw)
        return PersonName(raw, "", "", display, "", "", display, "", True)
    if _needs_case_fix(str(human)):
        human.capitalize(force=True)
    title = human.title
    family = human.last
    saint = re.fullmatch(r"(.+?)\s+(Ste?\.)", title) if family else None
    if saint:
        # nameparser joins "St." to the honorific before it: "Ms. St. Aubin".
        title, family = saint.group(1), f"{saint.group(2)} {family}"
    title = _HONORIFIC_KEYS.get(title.rstrip(".").casefold(), title) if title else ""
    given = _dot_initials(human.first)
    middle = _dot_initials(human.middle)
    suffix = _suffix(human.suffix) if human.suffix else ""
    nickname = human.nickname.strip("\"'“”‘’() ")
    if not family and given:
        # nameparser reads a lone word as a first name; alone, it is a family name.
        family, given = given, ""
    display = " ".join(p for p in (given, middle, family, suffix) if p)
    return PersonName(raw, given, middle, family, suffix, nickname, display, title, False)


# A document names the same people over and over; nameparser reads each spelling once
# (PersonName is frozen, so one can be shared).
@functools.lru_cache(maxsize=16384)
def normalize_name(raw: str) -> PersonName:
    """A name written in reading order ("Ms. Patricia L. Higgins", "Robert D. Shurtleff, Jr.")
    or with a comma in conformed order ("Foster, Alan H.")."""
    text = _clean(raw)
    if is_organization_name(text) and not re.match(r"(?i)(mr|ms|mrs|dr)\.?\s", text):
        return _build(raw, HumanName(""), organization=True)
    # Quoted nicknames: Robert “Bob” Smith, Thomas A. (“Tad”) Wrenfield.
    text = re.sub(r"\(?[“\"‘]([^”\"’]+)[”\"’]\)?", r"(\1)", text)
    return _family_first(raw, text) or _build(raw, HumanName(text, constants=_CONSTANTS))


# Chinese family names as filings romanise them (pinyin and the Wade-Giles of Taiwan and
# Hong Kong); Lee, and Wei, Fang and Yu, written as often for a given name, are not here.
_CHINESE_FAMILIES = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng
    liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang du
    ye cheng su lu ding shen ren yao jin fu zhong qian tan shi xue hou lei long duan hao
    kong shao mao qiu qin jia yin gu xia hsu tsai chang chou kuo hsieh cheung wong chan
    ng ho tsang leung yeung chu chiu
    """.split()
)
_SYLLABLE = r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh|hs|ts|tz)?(?:[aeiouü]{1,3})(?:ng|n|r)?"
_GIVEN_SYLLABLES = re.compile(rf"(?i)(?:{_SYLLABLE}){{1,3}}(?:-(?:{_SYLLABLE}){{1,2}})?")


def _family_first(raw: str, text: str) -> PersonName | None:
    """A Chinese name written family name first ("Zhang Wei", "Huang Jen-Ming", with an
    English given name before it: "Kevin Zhang Wei"): "Mr. Zhang" is this person."""
    words = text.split()
    title = ""
    if words and words[0].rstrip(".").casefold() in _HONORIFIC_KEYS:
        title, words = _HONORIFIC_KEYS[words[0].rstrip(".").casefold()], words[1:]
    if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z][A-Za-z-]+", w) for w in words):
        return None
    if (
        words[0].casefold() in _CHINESE_FAMILIES
        and words[1].casefold() not in _CHINESE_FAMILIES  # ("Chen Lin": which is which?)
        and all(_GIVEN_SYLLABLES.fullmatch(w) for w in words[1:])
    ):
        given, middle, family = " ".join(words[1:]), "", words[0]
    elif (
        len(words) == 3
        and words[1].casefold() in _CHINESE_FAMILIES
        and words[0].casefold() not in _CHINESE_FAMILIES
        and _GIVEN_SYLLABLES.fullmatch(words[2])
    ):
        given, middle, family = words[0], words[2], words[1]
    else:
        return None
    return PersonName(raw, given, middle, family, "", "", " ".join(words), title, False)


def from_header_name(raw: str) -> PersonName:
    """A conformed name, 'LAST FIRST MIDDLE [SUFFIX]' (headers, Form 4 XML):
    'HIGGINS PATRICIA L' -> Patricia L. Higgins; 'Adams Katherine L.' -> Katherine L. Adams.
    Names with a comma are read as 'Last, First Middle'; organisations keep their name."""
    text = _clean(raw)
    if not text:
        return PersonName(raw, "", "", "", "", "", "", "", False)
    if is_organization_name(text):
        return _build(raw, HumanName(""), organization=True)
    if "," in text:
        return _build(raw, HumanName(text, constants=_CONSTANTS))
    parts = text.split()
    suffix = []
    while len(parts) > 2 and parts[-1].strip(".").casefold() in SUFFIXES:
        suffix.insert(0, parts.pop())
    family = [parts.pop(0)]
    while parts and len(parts) > 1 and family[-1].casefold() in _PARTICLES:
        family.append(parts.pop(0))
    if len(parts) > 1 and family[0].casefold() in {"mc", "mac", "o"}:
        family.append(parts.pop(0))
    reordered = " ".join(family) + ", " + " ".join(parts)
    if suffix:
        reordered += ", " + " ".join(suffix)
    return _build(raw, HumanName(reordered, constants=_CONSTANTS))


# --- comparison -------------------------------------------------------------------------


def _initial(part: str) -> str:
    return fold(part)[:1]


def _is_initial(part: str) -> bool:
    return (
        len(part.replace(".", "").replace(" ", "")) <= 2
        and len(part.strip(".")) <= 1
        or bool(re.fullmatch(r"(?:[A-Za-z]\.\s?)+", part))
    )


def _given_forms(name: PersonName) -> set[str]:
    forms = {fold(name.given).strip(".")} if name.given else set()
    if name.nickname:
        forms.add(fold(name.nickname))
    expanded = set(forms)
    for form in forms:
        expanded.update(NICKNAMES.get(form, ()))
        expanded.update(nick for nick, formal in NICKNAMES.items() if form in formal)
    return expanded


_FAMILY_PUNCTUATION = re.compile(r"[\s\-'.]+")


# Asked for every mention a document has, of the same few families.
@functools.lru_cache(maxsize=65536)
def family_key(family: str) -> str:
    return _FAMILY_PUNCTUATION.sub("", fold(family))


def _given_match(a: PersonName, b: PersonName) -> tuple[bool, float, str]:
    if not a.given or not b.given:
        return True, 0.6, "family name only on one side"
    ga, gb = fold(a.given).strip("."), fold(b.given).strip(".")
    if ga == gb:
        return True, 1.0, "same given name"
    if _is_initial(a.given) or _is_initial(b.given):
        if ga[:1] == gb[:1]:
            return True, 0.75, "given initial matches"
        # "S. Emerson Lybbert" goes by his middle name, or by its nickname ("J. Robert"
        # is "Bob").
        for x, y in ((a, b), (b, a)):
            if not (_is_initial(x.given) and x.middle) or _is_initial(x.middle):
                continue
            middle = fold(x.middle.split()[0]).strip(".")
            if middle == fold(y.given).strip("."):
                return True, 0.75, "goes by middle name"
            as_given = PersonName(x.middle, middle, "", x.family, "", "", x.middle)
            if not _is_initial(y.given) and _given_forms(as_given) & _given_forms(y):
                return True, 0.7, "goes by middle name"
        return False, 0.0, "given initials differ"
    if _given_forms(a) & _given_forms(b):
        return True, 0.85, "nickname of the same given name"
    short, long = sorted((ga, gb), key=len)
    if 3 <= len(short) <= 4 and len(long) >= len(short) + 2 and long.startswith(short):
        # The commonest nickname is the given name cut short ("Dash" for Dashiell).
        return True, 0.7, "given name cut short"
    # "Denise Marlow Achterberg" goes by "Marlow Achterberg", "James Robert Hale" by "Bob
    # Hale": the other name has no middle and gives this one's middle as its given name.
    # Less sure: a son named after his father writes so too ("John Robert Smith").
    for x, y in ((a, b), (b, a)):
        if not x.middle or _is_initial(x.middle.split()[0]) or y.middle:
            continue
        middle = fold(x.middle.split()[0]).strip(".")
        as_given = PersonName(x.middle, middle, "", x.family, "", "", x.middle)
        if middle == fold(y.given).strip(".") or _given_forms(as_given) & _given_forms(y):
            return True, 0.6, "goes by middle name"
    return False, 0.0, "different given names"


def _middle_match(a: PersonName, b: PersonName) -> tuple[bool, float, str]:
    ma, mb = fold(a.middle).replace(".", " ").split(), fold(b.middle).replace(".", " ").split()
    if not ma or not mb:
        return True, 0.95 if (ma or mb) else 1.0, "middle name on one side only"
    if [m[0] for m in ma] != [m[0] for m in mb]:
        return False, 0.0, "middle names differ"
    full = [(x, y) for x, y in zip(ma, mb, strict=False) if len(x) > 1 and len(y) > 1]
    if any(x != y for x, y in full):
        return False, 0.0, "middle names differ"
    return True, 1.0, "middle names agree"


def same_person(a: PersonName, b: PersonName) -> tuple[bool, float, str]:
    """Whether two names can be the same person, how sure (0..1), and why."""
    if a.is_organization or b.is_organization:
        same = a.is_organization and b.is_organization and fold(a.display) == fold(b.display)
        return same, 1.0 if same else 0.0, "organisation names" + (" agree" if same else " differ")
    if not a.family or not b.family or family_key(a.family) != family_key(b.family):
        for one, full in ((a, b), (b, a)):
            # "Ms. García" for "María Elena García López": the first of two family names
            last_middle = full.middle.split()[-1] if full.middle and full.given else ""
            if not one.given and last_middle and not _is_initial(last_middle):
                if family_key(last_middle) == family_key(one.family) and not one.suffix:
                    return True, 0.6, "first of two family names"
        return False, 0.0, "different family names"
    sa, sb = fold(a.suffix).strip("."), fold(b.suffix).strip(".")
    if sa and sb and sa != sb:
        return False, 0.0, "suffixes differ"
    ok, confidence, reason = _given_match(a, b)
    if not ok:
        return False, 0.0, reason
    if reason != "goes by middle name":
        ok, mid_conf, mid_reason = _middle_match(a, b)
        if not ok:
            return False, 0.0, mid_reason
        confidence *= mid_conf
    if (sa or sb) and not (sa and sb):
        confidence *= 0.9
    return True, round(confidence, 3), reason


# --- finding names in text ----------------------------------------------------------------

# One capitalised name word: Higgins, DeSocio, McGuirk, O'Brien, Wilson-Thompson, Jen-Hsun.
# Capitals and small letters include Latin-1's (Østergaard, Ávila, Müller, Straßer).
_WORD = (
    r"(?:(?!(?:Mr|Ms|Mrs|Dr|Prof)\b)(?:[A-Z]['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[A-Z][a-zß-öø-ÿ]+)*"
    r"(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)*"
    # Korean given names keep the second syllable small: Min-jun, Hyun-woo.
    r"(?:-(?!(?:led|based|owned|backed|elect|run|held|born|made)\b)[a-z]{2,5}\b)?)"
)
_INITIALS = r"(?:[A-Z]\.(?:\s?[A-Z]\.)*)"
_NICK = r"(?:\([“\"]?[A-Z][a-z]+[”\"]?\)|[“\"][A-Z][a-z]+[”\"])"
_PARTICLE = r"(?:van|von|de|del|della|der|den|da|di|du|la|le)"
_SUFFIX = r"(?:,?[^\S\n](?:Jr\.|Sr\.|Jr\b|Sr\b|III\b|II\b|IV\b))"
_HONORIFIC = r"(?:(?:Mr|Ms|Mrs|Dr|Prof)\.?|Miss)"

# Name words are separated by spaces, never by a line break: a table cell or a heading
# ends a name.
NAME_PATTERN = re.compile(
    # Every name starts with a capital: the lookahead turns every other place away at
    # once, before the alternatives are tried there.
    rf"(?=[A-ZÀ-ÖØ-Þ])(?:(?P<hon>{_HONORIFIC})[^\S\n]+)?"
    # ("Ms. St. Aubin": after an honorific, a saint's abbreviation may come first)
    r"(?P<name>(?:(?(hon)Ste?\.(?=[^\S\n][A-Z])|(?!))|"
    rf"{_INITIALS}|{_WORD})"
    # ("de la Torre": particles before a capital)
    # ("St. Aubin": a saint's abbreviation inside a name, before a capital)
    r"(?:[^\S\n](?:Ste?\.(?=[^\S\n][A-Z])|"
    rf"{_INITIALS}|{_WORD}|{_NICK}|{_PARTICLE}(?=(?:[^\S\n]{_PARTICLE})*[^\S\n][A-Z])))*"
    rf"(?:[^\S\n]{_WORD})?{_SUFFIX}?)(?![\w-])"
)

# Capitalised words that are never part of a person's name in filings. A candidate is cut
# at the first of these (or they are trimmed from its ends).
STOP_WORDS = frozenset(
    """
    a an the and or of for to in on at by with as from into per via our its their his her
    this that these those there which who whom whose while when where if but not no nor
    he she it they we i you mr ms mrs dr
    company companies corporation corp inc incorporated llc lp llp ltd limited plc co group
    holdings holding partners partnership trust fund funds bank bancorp capital management
    advisors associates securities financial services systems technology technologies
    international industries enterprises ventures solutions networks network communications
    university school college institute department agency commission council association
    alliance foundation society market markets exchange nasdaq nyse amex stock
    board directors director committee committees compensation audit nominating governance
    executive chief officer officers president vice chairman chairwoman chair chairperson
    senior junior general counsel secretary treasurer controller principal accounting
    finance financial operating operations technical administrative marketing sales human
    resources legal investor relations independent lead member members managing partner
    founder co-founder interim acting deputy assistant head global regional division
    act rule rules regulation regulations item items section form forms exhibit exhibits
    agreement plan plans award awards program policy report reports statement statements
    annual quarterly current proxy meeting meetings shareholders stockholders registrant
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    street avenue road drive boulevard suite floor plaza parkway
    north south east west northeast northwest southeast southwest
    united states america american federal state national new delaware
    california texas florida illinois massachusetts pennsylvania
    internal revenue code securities sarbanes oxley dodd frank fiscal year years quarter
    class common preferred series shares share options option restricted units unit
    performance target base salary bonus equity cash incentive retention severance
    press release news contact contacts media about forward-looking statements safe harbor
    signature signatures signed date title name by pursuant thereunto duly authorized
    inc. corp. co. ltd. l.p. n.a. u.s. yes none not applicable
    business administration science sciences arts economics engineering law medicine
    production productions film television radio music theater theatre design studies
    bachelor bachelors master masters doctor degree juris mba accountant certified
    departure departures election elections appointment appointments compensatory arrangements
    arrangement resignation resignations retirement certain other events disclosure
    honorable reverend sir dame lord lady saint key information highlights overview
    summary outlook guidance conference call webcast investors investor analyst analysts
    names named appoints appointed hires hired elects elected joins joined promotes promoted
    announces announced adds added taps welcomes retires resigns says said reports
    amended restated employment separation consulting transition advisory vote votes voting
    proposal proposals ratification
    planning development affairs strategy logistics procurement distribution merchandising
    underwriting before after reduction reductions increase increases
    former leader industry veteran expert pioneer trademark registered aligns talent
    shareholder stockholder community inquiries investment fixed income equity
    """.split()
)

# Street words that are also family names (Edward Lane, Margaret Court): a street only
# after a house number ("31 Finch Lane").
_STREET_NAMES = frozenset({"lane", "court", "way"})
_HOUSE_NUMBER = re.compile(r"\d+[A-Za-z]?[^\S\n]+$")

# Standalone words that look like names but are not ("Bush" stays: it is a name).
_FIRST_WORD_STOPS = frozenset({"following", "prior", "effective", "upon", "during", "after"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A person's name found in text; `text[start:end]` is the name (with its honorific)."""

    start: int
    end: int
    name: PersonName

    @property
    def family_only(self) -> bool:
        return not self.name.given


_INITIALS_ONLY = re.compile(_INITIALS)
_LAST_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?:['’][A-Z])?[a-zß-öø-ÿ]")


# Asked for every capitalised word of a document, and the same words come back.
@functools.lru_cache(maxsize=65536)
def _word_ok(word: str) -> bool:
    if _INITIALS_ONLY.fullmatch(word):
        return True
    key = word.casefold().strip(".,’'")
    return key not in STOP_WORDS and key not in _FIRST_WORD_STOPS


_ORG_FOLLOWERS = re.compile(
    r"(?:Inc\.?|Incorporated|Corp\.?|Corporation|Co\.?|Company|Companies|LLC|L\.L\.C\.|LP|L\.P\.|"
    r"LLP|Ltd\.?|Limited|PLC|Group|Holdings?|Partners|Trust|Fund|Bank|Bancorp|Capital|University|"
    r"College|School|Institute|Foundation|Association|Alliance|Technologies|Technology|Systems|"
    r"Services|Industries|Enterprises|Ventures|Networks?|Communications|Labs?|Laboratories|"
    r"Pharmaceuticals|Energy|Motors?|Airlines|Stores|Brands|Media|Financial|Securities|&)$"
)


def _trim(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longest run of name-like words (a name can't span a stop word); a run that
    runs into a company word ("Acme Widget Corporation") is a company, not a person."""
    runs: list[list[tuple[int, int, str]]] = [[]]
    for i, w in enumerate(words):
        if _word_ok(w[2]):
            runs[-1].append(w)
            continue
        if runs[-1] and _ORG_FOLLOWERS.match(w[2]) and words[i - 1] is runs[-1][-1]:
            runs[-1] = []
        runs.append([])
    # Titles and employers come before a name ("Industry Leader Patricia Higgins"), so
    # the last run that can be a full name wins.
    full = [run for run in runs if len(run) >= 2]
    return full[-1] if full else max(runs, key=len)


_TOKEN = re.compile(r"\([A-Z][a-z]+\)|[“\"][A-Z][a-z]+[”\"]|[^\s,]+")
_SUFFIX_TOKEN = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV)$")


# Initials that stand for a place or a form of company, not a person's given names.
_PLACE_INITIALS = frozenset(
    "u.s. u.k. n.y. d.c. l.a. n.j. e.u. n.a. l.p. p.c. p.a. s.a. a.g. n.v. b.v.".split()
)
# Words that end a firm's name, after words that could be a person's: the phrase is the firm.
_OWN_NAME_OF_FIRM = re.compile(
    r"(?i)Bank|Bancorp|Bancshares|Bankshares|Trust|Inc\.?|Incorporated|Corp\.?|Corporation|"
    r"Company|LLC|L\.L\.C\.|LP|L\.P\.|Ltd\.?|Partners|Holdings|Foundation|Associates|"
    r"Division|Department|Segment|School|University|College|Institute"
)


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Person names in text[start:end]: full names ('Patricia L. Higgins', 'Robert D.
    Shurtleff, Jr.') and honorific + family name ('Mr. Shurtleff'). Company words, months,
    places and titles are cut away by STOP_WORDS; what is left must look like a name."""
    end = len(text) if end is None else end
    found: list[Mention] = []
    scan = _unwrapped(text[start:end])
    for m in NAME_PATTERN.finditer(scan):
        hon = m.group("hon")
        if hon is None and len(m.group("name").split()) == 1:
            continue  # one word and no honorific: never a name (the test below, sooner)
        at = m.start("name")
        words = [
            (at + t.start(), at + t.end(), t.group()) for t in _TOKEN.finditer(m.group("name"))
        ]
        kept = _trim(words)
        while kept and kept[0][0] and scan[kept[0][0] - 1].isalpha():
            kept.pop(0)  # the end of a word in capitals: "OYELARAN. Then" holds no "N."
        # A trailing initial ("Smith J.") is a sentence-final abbreviation, not a name part.
        while kept and _INITIALS_ONLY.fullmatch(kept[-1][2]):
            kept.pop()
        if not kept:
            continue
        if hon and kept[0][0] != words[0][0]:
            hon = None
        trailing = words[words.index(kept[-1]) + 1 :]
        if not hon and 0 < len(trailing) <= 2 and _OWN_NAME_OF_FIRM.fullmatch(trailing[-1][2]):
            continue  # "First Prairie National Bank", "Harlan Voss Trust": a firm's name
        core = [
            w
            for w in kept
            if not _SUFFIX_TOKEN.match(w[2]) and not w[2].startswith(("(", "“", '"'))
        ]
        if not core:
            continue
        if not hon and len(core) < 2:
            continue
        if sum(w[2] not in _PARTICLES for w in core) > 5:
            continue  # (particles do not count: "Carmen J. Ortiz de la Torre")
        if not _LAST_WORD.match(core[-1][2]) or len(core[-1][2].strip(".")) < 2:
            continue
        if not hon and len(core) == 2 and _INITIALS_ONLY.fullmatch(core[0][2]):
            # "J. Smith" and "A.J. Marsh" are names; "U.S. Steel" is not, nor "S.I. Newhouse
            # School" (a firm's or school's word after it, below).
            initials = core[0][2].replace(" ", "")
            if len(initials) > 4 or initials.casefold() in _PLACE_INITIALS:
                continue
        s = m.start() if hon else kept[0][0]
        e = kept[-1][1]
        if kept[-1][2].casefold() in _STREET_NAMES and _HOUSE_NUMBER.search(
            scan, max(0, s - 12), s
        ):
            continue
        raw = scan[s:e]
        name = normalize_name(raw)
        if name.is_organization or not name.family:
            continue
        found.append(Mention(start + s, start + e, name))
    if _CAPS_RUN.search(scan):
        found = sorted(found + _capitals(scan, start, found), key=lambda m: m.start)
    if "Messrs" in scan:
        found = sorted(found + _messrs(scan, start, found), key=lambda m: m.start)
    return found


# "Messrs. Binkley and Ruiz-Tellado were named": one honorific for several family names.
_MESSRS = re.compile(
    rf"\bMessrs\.?[^\S\n]+(?P<names>{_WORD}(?:(?:,[^\S\n]+|,?[^\S\n]+and[^\S\n]+){_WORD})+)"
)
_MESSRS_NAME = re.compile(_WORD)


def _messrs(scan: str, start: int, found: list[Mention]) -> list[Mention]:
    taken = {(m.start, m.end) for m in found}
    out = []
    for m in _MESSRS.finditer(scan):
        for w in _MESSRS_NAME.finditer(scan, m.start("names"), m.end("names")):
            if w.group().casefold() in STOP_WORDS or (start + w.start(), start + w.end()) in taken:
                continue
            name = normalize_name(f"Mr. {w.group()}")
            out.append(Mention(start + w.start(), start + w.end(), name))
    return out


# A name in capitals in running text ("MARGARET T. OYELARAN, age 54, has served"): two or
# three words of capitals, initials between them and a suffix allowed.
_CAPS_WORD = r"(?:Mc|Mac|[A-Z]['’])?[A-Z]{2,}(?:-[A-Z]{2,})?"
_CAPS_RUN = re.compile(rf"[A-Z]{{2,}}[^\S\n]+(?:[A-Z]\.[^\S\n]+)?{_CAPS_WORD}")
_CAPS_NAME = re.compile(
    rf"(?<![\w&.’'-])(?P<name>{_CAPS_WORD}(?:[^\S\n]+(?:[A-Z]\.|{_CAPS_WORD})){{1,4}}"
    r"(?:,?[^\S\n]+(?:JR\.|SR\.|III|II|IV)(?![\w.]))?)(?![\w&-])(?!['’](?![Ss]\b))"
)
# What a person's name in capitals is followed by in a sentence: a comma, an opening
# parenthesis (a nickname, an age), a lower-case word, the sentence's end or a possessive. A
# dateline ("SAN DIEGO, Calif., May 1") is a place.
_CAPS_AFTER = re.compile(r",|[^\S\n]*\(|[^\S\n]+[a-z]|[.;:](?:\s|$)|['’][Ss]\b")
# ... or a company: "ACME WIDGET (NASDAQ: ACMW)", "ACME WIDGET (the “Company”)".
_DATELINE_AFTER = re.compile(
    r",[^\S\n]*(?:[A-Z][A-Za-z]+\.?,?[^\S\n]+){0,2}(?:[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2}\b|\d)|"
    r"[^\S\n]*[-–—/]|"
    r"[^\S\n]*\((?:(?:NYSE|NASDAQ|Nasdaq|AMEX|OTC|TSX)\b|(?:the|our|its)[^\S\n]+[“\"]?[A-Z])"
)
_LOWER = re.compile(r"[a-z]{2}")
_CAPS_BEFORE = re.compile(r"\b([A-Z]{2,})[.,]?[^\S\n]+$")
# Capitals that are titles and markets, not names.
_CAPS_STOPS = frozenset({"ceo", "cfo", "coo", "cao", "cto", "cio", "evp", "svp", "vp", "sec"})


def _capitals(scan: str, start: int, found: list[Mention]) -> list[Mention]:
    """Names written in capitals inside running text, read in Title Case. Only name-shaped
    runs count: not a line all in capitals (a heading), not a run with a company word or a
    designator after it, not a place opening a dateline."""
    out = []
    starts = [f.start - start for f in found]  # in order, and none overlaps the next
    for m in _CAPS_NAME.finditer(scan):
        s, e = m.span("name")
        i = bisect.bisect_left(starts, e) - 1
        if i >= 0 and found[i].end - start > s:
            continue  # a name already found there
        words = m.group("name").replace(",", " ").split()
        full = [
            w
            for w in words
            if not re.fullmatch(r"[A-Z]\.", w) and not _SUFFIX_TOKEN.match(w.title())
        ]
        if not 2 <= len(full) <= 3 or re.fullmatch(r"[A-Z]\.", words[0]):
            continue
        keys = [w.casefold().strip(".’'") for w in full]
        if any(k in STOP_WORDS or k in _CAPS_STOPS or k in _FIRST_WORD_STOPS for k in keys):
            continue
        # (looked for near the run only: a long line would make this quadratic)
        line_start = scan.rfind("\n", max(0, s - 200), s) + 1 or max(0, s - 200)
        line_end = scan.find("\n", e, e + 200)
        line_end = min(len(scan), e + 200) if line_end < 0 else line_end
        if not _LOWER.search(scan, line_start, s) and not _LOWER.search(scan, e, line_end):
            continue  # a heading or a line of capitals: no running text around the run
        if not _CAPS_AFTER.match(scan, e) or _DATELINE_AFTER.match(scan, e):
            continue
        before = _CAPS_BEFORE.search(scan, max(0, s - 40), s)
        if before and before.group(1).casefold() not in ("mr", "ms", "mrs", "dr"):
            continue  # the tail of a longer run of capitals ("... NOT BEEN REGISTERED")
        nxt = re.match(r"[^\S\n]*,?[^\S\n]*([\w.&]+)", scan[e : e + 30])
        if nxt and _ORG_FOLLOWERS.match(nxt.group(1).title().rstrip(",")):
            continue  # "ACME WIDGET, Inc.", "ACME WIDGET Holdings"
        raw = scan[s:e]
        name = normalize_name(raw.upper())  # "McGUIRK" is read as capitals too
        if name.is_organization or not name.family or not name.given:
            continue
        out.append(Mention(start + s, start + e, dataclasses.replace(name, raw=raw)))
    return out


# A line of 1990s text wrapped at about 70 columns: the break after it is a space, so a
# name wrapped over two lines ("C. Everett\nDunmore") is one name. Short lines (table
# cells, headings, a contacts list) and lines that end a sentence keep their break.
# ('elected Walter E.\n("Walt") Dunleavy': a nickname in quotes may open the next line; a
# line with a tab is a table's row, never wrapped prose)
_WRAPPED_LINE = re.compile(
    r"(?m)^(?=[^\n\t]{55,90}\n[^\S\n]*[(“\"]{0,2}[A-Z][a-z])([^\n]*[A-Za-z.,])\n"
)


# A name a table cell breaks after the middle initial ("Tobias R.<br>Engelhardt"): a line
# that ends with an initial is no whole name, so a lone name word on the next line ends it.
_BROKEN_CELL_NAME = re.compile(
    r"(?m)^([^\S\n]*(?:[A-Z][a-z]+[^\S\n]+){1,2}[A-Z]\.)\n"
    r"(?=[^\S\n]*(?:[A-Z]['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:,?[^\S\n]+(?:Jr\.|Sr\.|II|III|IV))?"
    r"[^\S\n]*(?:\n|\t|$))"
)


def _unwrapped(text: str) -> str:
    """text with the line breaks inside wrapped prose, and inside a name a table cell broke,
    read as spaces; same length."""
    if "\n" not in text:
        return text
    text = _WRAPPED_LINE.sub(lambda m: m.group(1) + " ", text)
    return _BROKEN_CELL_NAME.sub(lambda m: m.group(1) + " ", text)
