"""filings.render: plain text per kind, text and XML documents as HTML."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bleach._vendor import html5lib
from hypothesis import given, settings
from hypothesis import strategies as st

from filings.render import (
    TEXT_VERSION,
    plain_text,
    render_text_html,
    render_xml_html,
    text_hash,
)
from filings.sanitize import sanitize_html

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def browser_tree(out: str) -> ET.Element:
    return html5lib.parse(out, treebuilder="etree", namespaceHTMLElements=False)


def cells(out: str) -> list[list[str]]:
    """The text of every table row's cells, as a browser reads the HTML."""
    return [
        [" ".join("".join(cell.itertext()).split()) for cell in row if cell.tag in ("td", "th")]
        for row in browser_tree(out).iter("tr")
    ]


def assert_no_markup_from_values(out: str) -> None:
    for el in browser_tree(out).iter():
        assert el.tag not in ("script", "img", "iframe", "svg", "style"), el.tag
        assert not any(name.startswith("on") for name in el.attrib)


# --- plain text: HTML ------------------------------------------------------------------------


def test_html_text_has_lines_per_block_and_tabs_between_cells():
    html = (
        "<html><head><title>Title</title><style>p {color: red}</style>"
        "<script>function x() {}</script></head><body>"
        "<p>First&nbsp;paragraph,\n   wrapped &amp; decoded &#8212; here.</p>"
        "<div>Line one<br>Line two</div>"
        "<table><tr><td>Name</td><td></td><td>Title</td></tr>"
        "<tr><td>/s/ Jane Doe</td><td>&nbsp;</td><td>Director</td></tr></table>"
        "<h2>Item 5.02</h2><ul><li>one</li><li>two</li></ul>"
        "</body></html>"
    )
    assert plain_text("html", html) == (
        "First paragraph, wrapped & decoded \u2014 here.\n"
        "\n"
        "Line one\n"
        "Line two\n"
        "\n"
        "Name\tTitle\n"
        "/s/ Jane Doe\tDirector\n"
        "\n"
        "Item 5.02\n"
        "\n"
        "one\n"
        "two"
    )


def test_table_rows_stay_on_one_line_when_cells_hold_blocks():
    # Typesetters wrap every cell's text in a <div>/<span> and add spacer cells.
    html = (
        "<table><tr><td><div><span>/s/ Jane Doe</span></div></td><td>&#8203;</td>"
        "<td><div>Director</div></td><td>&nbsp;</td><td><p>May 1, 2025</p></td></tr>"
        "<tr><td></td><td><div>second row</div></td><td></td></tr></table>"
    )
    assert plain_text("html", html) == "/s/ Jane Doe\tDirector\tMay 1, 2025\nsecond row"


def test_a_cell_spanning_lines_ends_its_line():
    html = (
        "<table><tr><td><div>Jen-Hsun Huang</div><div>President and Chief Executive Officer"
        "</div></td><td></td><td>$4,000,000</td><td>200%</td></tr>"
        "<tr><td>/s/ A. Signer<br>A. Signer</td><td>Director</td></tr></table>"
    )
    assert plain_text("html", html) == (
        "Jen-Hsun Huang\nPresident and Chief Executive Officer\n$4,000,000\t200%\n"
        "/s/ A. Signer\nA. Signer\nDirector"
    )


def test_html_text_excludes_scripts_styles_head_and_hidden_content():
    html = (
        "<html><head><title>Secret</title></head><body>"
        "<script>var leaked = 1;</script><style>.x{display:none}</style>"
        "<noscript>no</noscript><span style='DISPLAY: none'>v3.25.4</span>visible"
        "</body></html>"
    )
    assert plain_text("html", html) == "visible"


def test_ixbrl_text_keeps_facts_and_drops_the_header():
    html = (
        '<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>'
        '<div style="display:none"><ix:header><ix:hidden><ix:nonNumeric name="dei:X">'
        "0001045810</ix:nonNumeric></ix:hidden><ix:resources><xbrli:context id='c'>"
        "<xbrli:startDate>2026-03-02</xbrli:startDate></xbrli:context></ix:resources>"
        "</ix:header></div><div>FORM <ix:nonNumeric name='dei:DocumentType'>8-K"
        "</ix:nonNumeric></div><div>Revenue <ix:nonFraction name='us-gaap:Revenues' "
        "scale='6'>1,234</ix:nonFraction> million</div></body></html>"
    )
    assert plain_text("ixbrl", html) == "FORM 8-K\nRevenue 1,234 million"


def test_html_text_keeps_preformatted_columns():
    html = "<html><body><pre>\n        2024     2023\nSales   $ 10     $ 9\n</pre></body></html>"
    assert plain_text("html", html) == "        2024     2023\nSales   $ 10     $ 9"


def test_html_text_matches_the_text_the_sanitized_html_shows():
    html = (
        "<body><p>Alpha <b>beta</b></p><table><tr><td>1</td><td>2</td></tr></table>"
        "<script>x</script><a href='ex99.htm'>gamma</a>&lt;delta&gt;</body>"
    )
    shown = "".join(browser_tree(sanitize_html(html)).itertext())
    assert "".join(plain_text("html", html).split()) == "".join(shown.split())


def test_html_text_is_deterministic_and_offsets_are_stable():
    html = "<p>Item 5.02 Departure of Directors</p><p>On May 1, Jane Doe resigned.</p>"
    first = plain_text("html", html)
    assert plain_text("html", html) == first
    start = first.index("Jane Doe")
    assert first[start : start + len("Jane Doe")] == "Jane Doe"
    assert start == plain_text("html", html).index("Jane Doe")
    assert text_hash(first) == text_hash(plain_text("html", html))


def test_empty_html():
    assert plain_text("html", "") == ""
    assert plain_text("html", "<html><head><title>x</title></head></html>") == ""


# --- plain text: text, XML, binary ----------------------------------------------------------

OLD_TEXT = """<PAGE>

                        APPLE COMPUTER, INC.
<TABLE>
<CAPTION>
                                 Three Months Ended
                              June 27,     June 28,
                                1997         1996
<S>                           <C>          <C>
Net sales                     $1,737       $2,179
Cost of sales                  1,389        1,776
</TABLE>
<FN>
(1) Restated.
</FN>
\t\t\t\t1
<PAGE>
PART II.  OTHER INFORMATION
"""


def test_old_text_markup_is_removed_and_columns_kept():
    text = plain_text("text", OLD_TEXT)
    assert "<" not in text
    lines = text.split("\n")
    net = next(line for line in lines if line.startswith("Net sales"))
    header = next(line for line in lines if line.strip().startswith("1997"))
    assert net.index("$1,737") <= header.index("1997") + 4
    assert net == "Net sales                     $1,737       $2,179"
    assert text.startswith("                        APPLE COMPUTER, INC.\n")
    assert text.endswith("PART II.  OTHER INFORMATION")


def test_markup_inside_a_line_keeps_the_columns():
    assert plain_text("text", "Net <C>  1\nTotal   2") == "Net      1\nTotal   2"


def test_text_line_endings_and_nul():
    assert plain_text("text", "a\r\nb\rc\x00d\n\n") == "a\nb\ncd"


def test_xml_text_is_label_value_lines():
    xml = (
        '<?xml version="1.0"?><ownershipDocument><issuer><issuerCik>0000320193</issuerCik>'
        "<issuerName>Apple Inc.</issuerName></issuer><footnoteId id='F1'/></ownershipDocument>"
    )
    assert plain_text("xml", xml) == (
        "ownershipDocument:\n"
        "  issuer:\n"
        "    issuerCik: 0000320193\n"
        "    issuerName: Apple Inc.\n"
        "  footnoteId: id=F1"
    )


def test_broken_xml_text_falls_back_to_the_text():
    assert plain_text("xml", "<a><b>unclosed</a>") == "<a><b>unclosed</a>"


@pytest.mark.parametrize("kind", ["pdf", "image", "binary", "other"])
def test_binary_kinds_have_no_text(kind):
    assert plain_text(kind, "%PDF-1.4 whatever") == ""


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        plain_text("spreadsheet", "x")


def test_text_hash_is_sha256_of_utf8():
    assert text_hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert len(text_hash("\u2014")) == 64
    assert isinstance(TEXT_VERSION, int) and TEXT_VERSION >= 1


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["html", "ixbrl", "text", "xml"]),
    st.text(
        alphabet=st.sampled_from(list("<>/&;# \n\tabcpdivtr=\"'S C PAGE\x00\x0c")), max_size=120
    ),
)
def test_plain_text_never_fails_and_is_deterministic(kind, text):
    assert plain_text(kind, text) == plain_text(kind, text)


# --- text documents as HTML ------------------------------------------------------------------


def test_render_text_html_escapes_and_keeps_columns():
    out = render_text_html(OLD_TEXT + "<script>alert(1)</script> & <b>\n")
    assert "<script" not in out and "&lt;script&gt;" in out
    assert "&amp; &lt;b&gt;" in out
    assert "<TABLE>" not in out and "&lt;S&gt;" not in out and "&lt;C&gt;" not in out
    assert "Net sales                     $1,737       $2,179" in out


def test_render_text_html_turns_pages_into_rules():
    out = render_text_html("page one\n<PAGE>\npage two\n\x0cpage three")
    assert out.count('<hr class="page-break">') == 2
    assert out.count("<pre>") == 3


def test_render_text_html_text_equals_the_plain_text():
    out = render_text_html(OLD_TEXT)
    pres = ["".join(pre.itertext()) for pre in browser_tree(out).iter("pre")]
    assert "\n".join(pres) == plain_text("text", OLD_TEXT)


def test_render_text_html_keeps_a_leading_blank_line():
    out = render_text_html("first\n\n  indented")
    assert out == "<pre>\nfirst\n\n  indented</pre>"


# --- XML documents as HTML -------------------------------------------------------------------

FORM4 = """<XML>
<?xml version="1.0"?>
<ownershipDocument>
    <schemaVersion>X0306</schemaVersion>
    <documentType>4</documentType>
    <periodOfReport>2024-05-04</periodOfReport>
    <issuer>
        <issuerCik>0000320193</issuerCik>
        <issuerName>Example &lt;script&gt;alert(1)&lt;/script&gt; Inc.</issuerName>
        <issuerTradingSymbol>EXMP</issuerTradingSymbol>
    </issuer>
    <reportingOwner>
        <reportingOwnerId>
            <rptOwnerCik>0001462356</rptOwnerCik>
            <rptOwnerName>Doe Jane &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</rptOwnerName>
        </reportingOwnerId>
        <reportingOwnerAddress>
            <rptOwnerStreet1>ONE EXAMPLE WAY</rptOwnerStreet1>
            <rptOwnerCity>CUPERTINO</rptOwnerCity>
            <rptOwnerState>CA</rptOwnerState>
            <rptOwnerZipCode>95014</rptOwnerZipCode>
        </reportingOwnerAddress>
        <reportingOwnerRelationship>
            <isDirector>0</isDirector>
            <isOfficer>1</isOfficer>
            <isTenPercentOwner>true</isTenPercentOwner>
            <officerTitle>SVP, GC and Secretary</officerTitle>
        </reportingOwnerRelationship>
    </reportingOwner>
    <nonDerivativeTable>
        <nonDerivativeTransaction>
            <securityTitle><value>Common Stock</value><footnoteId id="F1"/></securityTitle>
            <transactionDate><value>2024-05-04</value></transactionDate>
            <transactionCoding>
                <transactionFormType>4</transactionFormType>
                <transactionCode>S</transactionCode>
                <equitySwapInvolved>0</equitySwapInvolved>
            </transactionCoding>
            <transactionAmounts>
                <transactionShares><value>9136</value></transactionShares>
                <transactionPricePerShare><value>159.94</value><footnoteId id="F2"/>
                </transactionPricePerShare>
                <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
            </transactionAmounts>
            <postTransactionAmounts>
                <sharesOwnedFollowingTransaction><value>468198</value></sharesOwnedFollowingTransaction>
            </postTransactionAmounts>
            <ownershipNature>
                <directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
                <natureOfOwnership><value>By Trust</value></natureOfOwnership>
            </ownershipNature>
        </nonDerivativeTransaction>
        <nonDerivativeHolding>
            <securityTitle><value>Common Stock</value></securityTitle>
            <postTransactionAmounts>
                <sharesOwnedFollowingTransaction><value>1000</value></sharesOwnedFollowingTransaction>
            </postTransactionAmounts>
            <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership>
            </ownershipNature>
        </nonDerivativeHolding>
    </nonDerivativeTable>
    <derivativeTable>
        <derivativeTransaction>
            <securityTitle><value>Restricted Stock Unit</value></securityTitle>
            <conversionOrExercisePrice><footnoteId id="F3"/></conversionOrExercisePrice>
            <transactionDate><value>2024-05-01</value></transactionDate>
            <transactionCoding><transactionCode>M</transactionCode></transactionCoding>
            <transactionAmounts>
                <transactionShares><value>500</value></transactionShares>
                <transactionPricePerShare><value>0</value></transactionPricePerShare>
                <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
            </transactionAmounts>
            <exerciseDate><footnoteId id="F3"/></exerciseDate>
            <expirationDate><value>2027-01-01</value></expirationDate>
            <underlyingSecurity>
                <underlyingSecurityTitle><value>Common Stock</value></underlyingSecurityTitle>
                <underlyingSecurityShares><value>500</value></underlyingSecurityShares>
            </underlyingSecurity>
            <postTransactionAmounts>
                <sharesOwnedFollowingTransaction><value>1500</value></sharesOwnedFollowingTransaction>
            </postTransactionAmounts>
            <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership>
            </ownershipNature>
        </derivativeTransaction>
    </derivativeTable>
    <footnotes>
        <footnote id="F1">Sold under a 10b5-1 plan &lt;b&gt;adopted&lt;/b&gt; in 2023.</footnote>
        <footnote id="F2">Weighted average price.</footnote>
        <footnote id="F3">Vests in full.</footnote>
    </footnotes>
    <remarks>None.</remarks>
    <ownerSignature>
        <signatureName>/s/ Agent, Attorney-in-Fact</signatureName>
        <signatureDate>2024-05-06</signatureDate>
    </ownerSignature>
</ownershipDocument>
</XML>
"""


def test_form4_renders_as_tables_with_every_value_in_a_cell():
    out = render_xml_html(FORM4)
    rows = cells(out)
    assert ["Issuer", "Example <script>alert(1)</script> Inc."] in rows
    assert ["Trading symbol", "EXMP"] in rows
    assert ["Period of report", "2024-05-04"] in rows
    assert [
        'Doe Jane "><img src=x onerror=alert(1)>',
        "0001462356",
        "ONE EXAMPLE WAY, CUPERTINO, CA 95014",
        "Officer, 10% Owner",
        "SVP, GC and Secretary",
    ] in rows
    assert [
        "Common Stock",
        "2024-05-04",
        "",
        "S",
        "",
        "9136",
        "159.94",
        "D",
        "468198",
        "I",
        "By Trust",
        "F1, F2",
    ] in rows
    assert ["Common Stock", "", "", "", "", "", "", "", "1000", "D", "", ""] in rows
    derivative = next(row for row in rows if row and row[0] == "Restricted Stock Unit")
    assert derivative[2:9] == ["2024-05-01", "", "M", "", "500", "0", "D"]
    assert derivative[10:14] == ["2027-01-01", "Common Stock", "500", "1500"]
    assert derivative[-1] == "F3"
    assert ["F1", "Sold under a 10b5-1 plan <b>adopted</b> in 2023."] in rows
    assert ["/s/ Agent, Attorney-in-Fact", "2024-05-06"] in rows
    assert "<h2>Form 4</h2>" in out


def test_form4_hostile_values_are_escaped():
    out = render_xml_html(FORM4)
    assert "<script" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<img" not in out
    assert "&lt;b&gt;adopted" in out
    assert_no_markup_from_values(out)


INFORMATION_TABLE = """<?xml version="1.0" encoding="UTF-8"?>
<ns1:informationTable xmlns:ns1="http://www.sec.gov/edgar/document/thirteenf/informationtable">
  <ns1:infoTable>
    <ns1:nameOfIssuer>APPLE INC</ns1:nameOfIssuer>
    <ns1:titleOfClass>COM</ns1:titleOfClass>
    <ns1:cusip>037833100</ns1:cusip>
    <ns1:value>230054</ns1:value>
    <ns1:shrsOrPrnAmt><ns1:sshPrnamt>1733777</ns1:sshPrnamt>
      <ns1:sshPrnamtType>SH</ns1:sshPrnamtType></ns1:shrsOrPrnAmt>
    <ns1:investmentDiscretion>SOLE</ns1:investmentDiscretion>
    <ns1:votingAuthority><ns1:Sole>1733777</ns1:Sole><ns1:Shared>0</ns1:Shared>
      <ns1:None>0</ns1:None></ns1:votingAuthority>
  </ns1:infoTable>
  <ns1:infoTable>
    <ns1:nameOfIssuer>EVIL &lt;iframe src=javascript:alert(1)&gt; CORP</ns1:nameOfIssuer>
    <ns1:titleOfClass>CALL</ns1:titleOfClass>
    <ns1:cusip>000000000</ns1:cusip>
    <ns1:value>1</ns1:value>
    <ns1:shrsOrPrnAmt><ns1:sshPrnamt>100</ns1:sshPrnamt>
      <ns1:sshPrnamtType>PRN</ns1:sshPrnamtType></ns1:shrsOrPrnAmt>
    <ns1:putCall>Call</ns1:putCall>
    <ns1:investmentDiscretion>DFND</ns1:investmentDiscretion>
    <ns1:otherManager>1,2</ns1:otherManager>
    <ns1:votingAuthority><ns1:Sole>0</ns1:Sole><ns1:Shared>100</ns1:Shared>
      <ns1:None>0</ns1:None></ns1:votingAuthority>
  </ns1:infoTable>
</ns1:informationTable>
"""


def test_13f_information_table_renders_one_row_per_holding():
    out = render_xml_html(INFORMATION_TABLE)
    rows = cells(out)
    assert rows[0][:3] == ["Name of issuer", "Title of class", "CUSIP"]
    assert [
        "APPLE INC",
        "COM",
        "037833100",
        "",
        "230054",
        "1733777",
        "SH",
        "",
        "SOLE",
        "",
        "1733777",
        "0",
        "0",
    ] in rows
    evil = next(row for row in rows if row[0].startswith("EVIL"))
    assert evil[0] == "EVIL <iframe src=javascript:alert(1)> CORP"
    assert evil[5:12] == ["100", "PRN", "Call", "DFND", "1,2", "0", "100"]
    assert "<iframe" not in out
    assert_no_markup_from_values(out)


def test_other_xml_falls_back_to_nested_lists_and_record_tables():
    xml = (
        '<edgarSubmission xmlns="http://www.sec.gov/edgar/thirteenffiler">'
        "<headerData><submissionType>13F-HR</submissionType></headerData>"
        '<formData><coverPage kind="x&quot;&gt;&lt;b&gt;"><name>&lt;b&gt;Bold&lt;/b&gt;</name></coverPage>'
        "<otherManager><cik>1</cik><name>A</name></otherManager>"
        "<otherManager><cik>2</cik><name>B</name><file>028-1</file></otherManager>"
        "</formData></edgarSubmission>"
    )
    out = render_xml_html(xml)
    assert "<dt>submissionType</dt><dd>13F-HR</dd>" in out
    assert "&lt;b&gt;Bold&lt;/b&gt;" in out and "<b>" not in out
    assert "<dt>@kind</dt><dd>x&quot;&gt;&lt;b&gt;</dd>" in out
    assert cells(out) == [["cik", "name", "file"], ["1", "A", ""], ["2", "B", "028-1"]]


def test_broken_xml_falls_back_to_escaped_text():
    out = render_xml_html("<ownershipDocument><issuer><script>alert(1)</issuer>")
    assert out.startswith("<pre>")
    assert "&lt;script&gt;alert(1)" in out and "<script" not in out


def test_xxe_is_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    xml = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}"> <!ENTITY internal "EXPANDED">]>\n'
        "<r><a>&xxe;</a><b>before &internal; after</b></r>"
    )
    for out in (render_xml_html(xml), plain_text("xml", xml)):
        assert "TOP-SECRET" not in out
        assert "EXPANDED" not in out


def test_billion_laughs_does_not_expand():
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10)
    )
    xml = f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><r>&lol9;</r>'
    start = time.perf_counter()
    out = render_xml_html(xml) + plain_text("xml", xml)
    assert time.perf_counter() - start < 2
    assert "lollol" not in out


def test_external_dtd_is_not_fetched():
    xml = '<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:9/x.dtd"><r><a>v</a></r>'
    assert plain_text("xml", xml) == "r:\n  a: v"


def test_xml_rendering_is_deterministic():
    assert render_xml_html(FORM4) == render_xml_html(FORM4)
    assert plain_text("xml", FORM4) == plain_text("xml", FORM4)


# --- the corpus ------------------------------------------------------------------------------

_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)</DOCUMENT>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)


def corpus_xml_documents():
    if not CORPUS.is_dir():
        return []
    documents = []
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        for number, match in enumerate(_DOCUMENT.finditer(raw), 1):
            text = _TEXT.search(match.group(1))
            if text and text.group(1).lstrip().upper().startswith("<XML>"):
                documents.append(pytest.param(text.group(1), id=f"{path.stem}-{number}"))
    return documents


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no EDGAR corpus at {CORPUS}")
@pytest.mark.parametrize("body", corpus_xml_documents())
def test_corpus_xml_documents_render_as_tables(body):
    out = render_xml_html(body)
    assert out.startswith('<div class="xml-document">')
    assert_no_markup_from_values(out)
    text = plain_text("xml", body)
    assert text and text == plain_text("xml", body)
    if "<ownershipDocument>" in body:
        issuer = re.search(r"<issuerName>(.*?)</issuerName>", body, re.S).group(1).strip()
        assert any(issuer.replace("&amp;", "&") in row for row in cells(out))


def test_one_parse_gives_the_sanitized_html_and_the_text():
    # Ingest parses an HTML document once: the sanitizer reads the tree first (hidden
    # elements stay in the frame, hidden), then the text drops what no reader sees.
    from filings.render import body_text
    from filings.sanitize import parse_body, sanitize_body

    source = '<p>Shown &amp; told</p><div style="display:none">Hidden</div><p>After</p>'
    tree = parse_body(source)
    html = sanitize_body(tree)
    assert "Hidden" in html
    assert body_text(tree) == "Shown & told\n\nAfter" == plain_text("html", source)


def test_hidden_elements_the_sanitizer_lists_are_those_the_text_layout_finds():
    # One walk of the tree lists what display:none hides, for the plain text; it must be
    # exactly what the text layout's own search finds, however the style is written.
    from filings import render, sanitize

    html = (
        '<body style="display:none"><p>shown</p>'
        '<div style="DISPLAY : NONE">a<span style="display:none">b</span></div>c'
        '<p style="color:red;display:\tnone !important">d</p>'
        '<p style="display:block">e</p><p style="display: nonesuch">f</p>'
        '<p data-style="display:none">g</p><p style="display:none">h</p>tail'
        '<p style="display:none">h</p></body>'
    )
    listed = []
    sanitize.sanitize_body(sanitize.parse_body(html), hidden=listed)
    found = render.hidden_elements(sanitize.parse_body(html))
    assert [e.text for e in listed] == [e.text for e in found] == ["a", "b", "d", "f", "h", "h"]
    text = render.body_text(sanitize.parse_body(html))
    listed_text = render.body_text(*_with_listed(html))
    assert listed_text == text and "shown" in text and "tail" in text and "d" not in text.split()


def _with_listed(html):
    from filings import sanitize

    body, listed = sanitize.parse_body(html), []
    sanitize.sanitize_body(body, hidden=listed)
    return body, listed


@given(st.text(alphabet=" \t\n\r\x0b\x0cab.\xa0\u2003\u3000x", max_size=14))
def test_runs_of_white_space_in_html_text_are_one_space_whatever_the_text(text):
    from filings.render import _SPACES, _one_spaced

    assert _one_spaced(text) == _SPACES.sub(" ", text)
