"""Small synthetic EDGAR submissions written for the tests."""

HEADER = """<SEC-DOCUMENT>{acc}.txt : 20041222
<SEC-HEADER>{acc}.hdr.sgml : 20041222
<ACCEPTANCE-DATETIME>20041222161352
ACCESSION NUMBER:\t\t{acc}
CONFORMED SUBMISSION TYPE:\t{form}
PUBLIC DOCUMENT COUNT:\t\t{count}
CONFORMED PERIOD OF REPORT:\t20041214
ITEM INFORMATION:\t\tDeparture of Directors or Principal Officers; Election of Directors; Appointment of Principal Officers
ITEM INFORMATION:\t\tFinancial Statements and Exhibits
FILED AS OF DATE:\t\t{filed}
DATE AS OF CHANGE:\t\t{filed}

FILER:

\tCOMPANY DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\t{company}
\t\tCENTRAL INDEX KEY:\t\t\t{cik}
\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSERVICES-COMPUTER PROGRAMMING, DATA PROCESSING, ETC. [7370]
\t\tIRS NUMBER:\t\t\t\t912145721
\t\tSTATE OF INCORPORATION:\t\t\tDE
\t\tFISCAL YEAR END:\t\t\t1231

\tFILING VALUES:
\t\tFORM TYPE:\t\t{form}
\t\tSEC ACT:\t\t1934 Act
\t\tSEC FILE NUMBER:\t001-31989
\t\tFILM NUMBER:\t\t041221058

\tBUSINESS ADDRESS:\t
\t\tSTREET 1:\t\t601 UNION STREET SUITE 1000
\t\tCITY:\t\t\tSEATTLE
\t\tSTATE:\t\t\tWA
\t\tZIP:\t\t\t98101
\t\tBUSINESS PHONE:\t\t2064418800

\tMAIL ADDRESS:\t
\t\tSTREET 1:\t\t250 WILLIAMS STREET
\t\tCITY:\t\t\tATLANTA
\t\tSTATE:\t\t\tGA
\t\tZIP:\t\t\t30303

\tFORMER COMPANY:\t
\t\tFORMER CONFORMED NAME:\t{company}/WA
\t\tDATE OF NAME CHANGE:\t19990721
{extra_parties}</SEC-HEADER>
"""

OWNER = """
REPORTING-OWNER:

\tOWNER DATA:\t
\t\tCOMPANY CONFORMED NAME:\t\t\t{name}
\t\tCENTRAL INDEX KEY:\t\t\t{cik}

\tFILING VALUES:
\t\tFORM TYPE:\t\t4
\t\tSEC ACT:\t\t1934 Act
\t\tSEC FILE NUMBER:\t001-31989
\t\tFILM NUMBER:\t\t041221059
"""

MAIN_HTML = """<HTML><HEAD><TITLE>8-K</TITLE><SCRIPT>alert('filer script')</SCRIPT></HEAD>
<BODY><P ALIGN="center"><FONT SIZE="4"><B>FORM 8-K</B></FONT></P>
<P>{sentence}</P>
<P><A HREF="dex991.htm">Exhibit 99.1</A> <IMG SRC="logo.gif" ALT="logo"></P>
</BODY></HTML>
"""

EXHIBIT_HTML = "<HTML><BODY><P>Press release text.</P></BODY></HTML>\n"

# A 1x1 GIF, uuencoded the way EDGAR embeds images.
GIF_UU = (
    "begin 644 logo.gif\n"
    + "J1TE&.#EA`0`!`(```````/___R'Y!`$`````+``````!``$```(!1``[\n"
    + "`\nend\n"
)
GIF_BYTES = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c000000000100010000020144003b"
)


def document(type_, seq, filename, description, body):
    return (
        f"<DOCUMENT>\n<TYPE>{type_}\n<SEQUENCE>{seq}\n<FILENAME>{filename}\n"
        f"<DESCRIPTION>{description}\n<TEXT>\n{body}</TEXT>\n</DOCUMENT>\n"
    )


def submission(
    acc="0001193125-04-218426",
    form="8-K",
    filed="20041222",
    company="INTERNAP NETWORK SERVICES CORP",
    cik="0001056386",
    sentence="On December 17, 2004, the Board elected Ms. Patricia L. Higgins as a director.",
    owners=(),
    image=GIF_UU,
) -> bytes:
    """A complete 8-K submission: main HTML document, an exhibit and (optionally) an image.

    `image` is the uuencoded body of document 3, logo.gif (None leaves it out).
    """
    docs = [
        document("8-K", 1, "d8k.htm", "FORM 8-K", MAIN_HTML.format(sentence=sentence)),
        document("EX-99.1", 2, "dex991.htm", "PRESS RELEASE", EXHIBIT_HTML),
    ]
    if image:
        docs.append(document("GRAPHIC", 3, "logo.gif", "LOGO", image))
    extra = "".join(OWNER.format(name=name, cik=ocik) for name, ocik in owners)
    header = HEADER.format(
        acc=acc,
        form=form,
        count=len(docs),
        filed=filed,
        company=company,
        cik=cik,
        extra_parties=extra,
    )
    return (header + "".join(docs) + "</SEC-DOCUMENT>\n").encode()
