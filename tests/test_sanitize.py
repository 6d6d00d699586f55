"""filings.sanitize: hostile filer HTML in, safe body fragment out.

Every output is also re-parsed with html5lib (the HTML5 algorithm browsers
use) and checked element by element against the allow-list.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bleach._vendor import html5lib
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from filings.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    SANITIZER_VERSION,
    sanitize_html,
)

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"

SAFE_URL = re.compile(r"(?:https?:|mailto:|#|/doc/)", re.I)
FORBIDDEN_CSS = re.compile(
    r"url\(|expression|behavior|binding|image|cursor|content|"
    r"position:(?!\s*(?:relative|static))|background(?!-color)",
    re.I,
)


def resolve(name: str) -> str | None:
    """The app's resolver for a filing holding ex99.htm and g1.jpg."""
    return {"ex99.htm": "/doc/2/", "g1.jpg": "/doc/3/file"}.get(name.lower())


def clean(html: str, **kwargs) -> str:
    out = sanitize_html(html, resolve=resolve, **kwargs)
    assert_safe(out)
    return out


def browser_tree(out: str) -> ET.Element:
    return html5lib.parse(out, treebuilder="etree", namespaceHTMLElements=False)


def allowed_attributes(tag: str) -> set[str]:
    return set(ALLOWED_ATTRIBUTES.get(tag, ())) | set(ALLOWED_ATTRIBUTES["*"])


def assert_safe(out: str) -> None:
    lowered = out.lower()
    for needle in ("<script", "<style", "<iframe", "<svg", "<math", "<!--"):
        assert needle not in lowered, needle
    for el in browser_tree(out).iter():
        assert isinstance(el.tag, str), f"comment or PI in {out!r}"
        if el.tag in ("html", "head"):
            assert not el.attrib
            continue
        assert el.tag in ALLOWED_TAGS, el.tag
        for name, value in el.attrib.items():
            assert name in allowed_attributes(el.tag), (el.tag, name)
            if name in ("href", "src"):
                assert SAFE_URL.match(value), value
                assert "script:" not in value.lower(), value
            if name == "style":
                assert not FORBIDDEN_CSS.search(value), value
                assert not re.search(r"(?:^|;)\s*(?:top|left|right|bottom)\s*:", value) or (
                    "position: relative" in value
                ), value
            if name in ("id", "name"):
                assert value.startswith("doc-"), value
            if name == "target":
                assert value == "_blank"
            if name == "rel":
                assert value == "noopener noreferrer"


def text_of(out: str) -> str:
    """The text a reader sees, words separated by single spaces."""
    return " ".join(" ".join(browser_tree(out).itertext()).split())


# --- hostile input ---------------------------------------------------------------------------

HOSTILE = {
    "script": "<p>a</p><script>alert(1)</script><p>b</p>",
    "script src": "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "script split": "<scr<script>x</script>ipt>alert(1)</script>",
    "script in attribute-less body": "<body><script>alert(1)</script></body>",
    "script type module": '<script type="module">import("x")</script>',
    "style import": "<style>@import 'http://evil.example/x.css'; p{color:red}</style>",
    "style url": "<style>body{background:url(javascript:alert(1))}</style>",
    "iframe": '<iframe src="javascript:alert(1)"></iframe>',
    "iframe srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "frameset": '<frameset><frame src="javascript:alert(1)"></frameset>',
    "object": '<object data="javascript:alert(1)"><param name=x value=y></object>',
    "embed": '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "applet": '<applet code="x.class">fallback</applet>',
    "svg onload": "<svg onload=alert(1)><circle r=1 /></svg>",
    "svg script": "<svg><script>alert(1)</script></svg>",
    "svg xlink": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "svg animate": '<svg><animate attributeName=href values="javascript:alert(1)"/></svg>',
    "math": '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    "math mxss": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style>",
    "onclick": "<p onclick=alert(1)>x</p>",
    "ONCLICK": "<P ONCLICK=alert(1)>x</P>",
    "OnMouseOver": "<div OnMouseOver='alert(1)'>x</div>",
    "onload body": "<body onload=alert(1) style='color: red'>x</body>",
    "onerror img": "<img src=x onerror=alert(1)>",
    "slash separator": "<div/onclick=alert(1)>x</div>",
    "onfocus autofocus": '<a href="http://ok.example/" onfocus=alert(1) autofocus>x</a>',
    "ontoggle": "<details open ontoggle=alert(1)>x</details>",
    "marquee": "<marquee onstart=alert(1)>x</marquee>",
    "video source": "<video><source onerror=alert(1)></video>",
    "audio": "<audio src=x onerror=alert(1)>",
    "javascript href": '<a href="javascript:alert(1)">x</a>',
    "mixed case": '<a href="JaVaScRiPt:alert(1)">x</a>',
    "entity decimal": '<a href="&#106;avascript:alert(1)">x</a>',
    "entity hex": '<a href="&#x6A;avascript:alert(1)">x</a>',
    "entity no semicolon": '<a href="&#0000106&#0000097vascript:alert(1)">x</a>',
    "entity colon": '<a href="javascript&colon;alert(1)">x</a>',
    "entity tab": '<a href="java&#x09;script:alert(1)">x</a>',
    "entity newline": '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    "tab split": '<a href="java\tscript:alert(1)">x</a>',
    "newline split": '<a href="java\nscript:alert(1)">x</a>',
    "leading space": '<a href="  javascript:alert(1)">x</a>',
    "leading control": '<a href="\x01javascript:alert(1)">x</a>',
    "nul split": '<a href="java\x00script:alert(1)">x</a>',
    "nul in tag": "<scr\x00ipt>alert(1)</scr\x00ipt>",
    "vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "data html": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "file": '<a href="file:///etc/passwd">x</a>',
    "unknown scheme": '<a href="ms-its:x.chm">x</a>',
    "protocol relative": '<a href="//evil.example/">x</a>',
    "zero width": '<a href="java\u200bscript:alert(1)">x</a>',
    "css expression": '<p style="width: expression(alert(1))">x</p>',
    "css escaped expression": '<p style="width: e\\xpression(alert(1))">x</p>',
    "css comment expression": '<p style="width: expr/**/ession(alert(1))">x</p>',
    "css url": '<p style="background-image: url(javascript:alert(1))">x</p>',
    "css escaped url": '<p style="color: red; width: u\\72l(x)">x</p>',
    "css url in font": "<p style=\"font-family: url('x')\">x</p>",
    "css behavior": '<p style="behavior: url(x.htc)">x</p>',
    "css binding": '<p style="-moz-binding: url(x.xml#x)">x</p>',
    "css background": '<p style="background: red url(x)">x</p>',
    "css content": "<p style=\"content: 'x'; cursor: pointer\">x</p>",
    "css var": '<p style="color: var(--x)">x</p>',
    "css javascript string": "<p style=\"font-family: 'javascript:alert(1)'\">x</p>",
    "position fixed": '<div style="position: fixed; top: 0; left: 0; width: 100%">x</div>',
    "position absolute": '<div style="position:absolute;top:0;left:0">x</div>',
    "position sticky": '<div style="position: sticky; top: 0">x</div>',
    "position uppercase": '<div style="POSITION: FIXED; TOP: 0">x</div>',
    "offsets alone": '<div style="top: -500px; left: 0">x</div>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">x',
    "base href": '<base href="javascript:alert(1)//"><a href="x">x</a>',
    "link stylesheet": '<link rel="stylesheet" href="http://evil.example/x.css">x',
    "link import": '<link rel="import" href="http://evil.example/x.html">x',
    "form action": '<form action="javascript:alert(1)"><input type=submit></form>',
    "formaction": '<button formaction="javascript:alert(1)">x</button>',
    "input image": '<input type="image" src="javascript:alert(1)">',
    "textarea": "<textarea><script>alert(1)</script></textarea>",
    "select": "<select><option>x</option></select>",
    "isindex": '<isindex action="javascript:alert(1)" type=image>',
    "htmx": '<div hx-get="/admin/delete" hx-trigger="load" hx-on:click="alert(1)">x</div>',
    "htmx data": '<div data-hx-post="/x" hx-on::before-request="alert(1)">x</div>',
    "data attribute": '<p data-x="1" data-bind="alert(1)">x</p>',
    "class": '<p class="navbar fixed-top">x</p>',
    "noscript": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "template": "<template><script>alert(1)</script></template>",
    "xmp": "<xmp><script>alert(1)</script></xmp>",
    "plaintext": "<plaintext><script>alert(1)</script>",
    "conditional comment": "<!--[if IE]><script>alert(1)</script><![endif]-->",
    "downlevel revealed": "<![if !IE]><script>alert(1)</script><![endif]>",
    "comment trick": "<!--><script>alert(1)</script>-->",
    "comment dashes": "<!--- x --->y<!-- a -- b -->",
    "cdata": "<![CDATA[<script>alert(1)</script>]]>",
    "processing instruction": '<?xml-stylesheet href="javascript:alert(1)"?>x',
    "unclosed attribute": '<a href="javascript:alert(1)',
    "unclosed tag": "<img src=x onerror=alert(1)",
    "quote in title": "<a title='\"><script>alert(1)</script>'>x</a>",
    "quote in alt": '<img alt="&quot; onerror=alert(1)">',
    "backtick": "<img src=`x` onerror=`alert(1)`>",
    "srcset": '<img src="g1.jpg" srcset="javascript:alert(1) 1x, x.jpg 2x">',
    "namespaced script": '<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
    "xml island": "<xml><script>alert(1)</script></xml>",
    "id clobbering": '<a id="csrf" name="body">x</a><img name="cookie" id="location">',
    "style attribute with tag": "<p style=\"color: red; font-family: '</style><script>alert(1)</script>'\">x</p>",
    "deep nesting": "<font>" * 2100 + "<script>alert(1)</script><a href='javascript:1'>x</a>",
}


@pytest.mark.parametrize("html", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_comes_out_safe(html):
    clean(html)


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<style>p{display:none}</style>",
        "<title>Secret title</title>",
        "<noscript>no script</noscript>",
        "<template>template</template>",
        "<textarea>typed</textarea>",
        "<iframe>frame text</iframe>",
        "<object>object text</object>",
        "<xmp>xmp text</xmp>",
        "<svg><text>svg text</text></svg>",
        "<select><option>option</option></select>",
    ],
)
def test_dropped_elements_take_their_content_with_them(html):
    out = clean(f"<p>before</p>{html}<p>after</p>")
    assert text_of(out) == "before after"


def test_r_file_script_and_style_do_not_leak_as_text():
    # The shape of the XBRL viewer's R1.htm.
    html = """<html><head><title></title>
<link rel="stylesheet" type="text/css" href="report.css">
<script type="text/javascript" src="Show.js">/* Do Not Remove This Comment */</script>
<script type="text/javascript">
function toggleNextSibling (e) {
if (e.nextSibling.style.display=='none') { e.nextSibling.style.display='block'; }
}</script>
<style>.report {display:none;} td {font-size: 10pt}</style>
</head><body><span style="display: none;">v3.25.4</span>
<table class="report" border="0" cellspacing="2" id="id2"><tr>
<td class="pl" valign="top"><a class="a" href="javascript:void(0);"
 onclick="Show.showAR( this, 'defref_dei_CoverAbstract', window );">Cover</a></td>
<td class="text">8-K<span></span></td></tr></table></body></html>"""
    out = clean(html)
    text = text_of(out)
    for leaked in ("function", "toggleNextSibling", "display:none", "Do Not Remove", "{"):
        assert leaked not in text
    assert text == "v3.25.4 Cover 8-K"
    assert '<table border="0" cellspacing="2" id="doc-id2">' in out
    assert "<a>Cover</a>" in out


def test_script_and_handlers_in_hostile_event_attribute_casings():
    for attribute in ("onclick", "ONCLICK", "OnClick", "oNcLiCk", "onClick ", "on-click"):
        out = clean(f'<p {attribute}="alert(1)">x</p>')
        assert out == "<p>x</p>"


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6a;avascript:alert(1)",
        "&#X6A;&#X61;vascript:alert(1)",
        "javas&#99;ript:alert(1)",
        "java&Tab;script:alert(1)",
        "java&NewLine;script:alert(1)",
        " \x0b javascript:alert(1)",
        "vbscript:x",
        "VBSCRIPT:x",
        "data:text/html,x",
        "DATA:image/png;base64,AAAA",
        "file:///c:/x",
        "about:blank",
        "blob:http://x/1",
        "chrome://settings",
    ],
)
def test_disallowed_schemes_lose_their_href(href):
    out = clean(f'<a href="{href}">x</a>')
    assert out == "<a>x</a>"


def test_srcdoc_formaction_xlink_and_srcset_never_survive():
    out = clean(
        '<a href="#x" xlink:href="javascript:1" formaction="javascript:1" srcdoc="x">a</a>'
        '<img src="g1.jpg" srcset="javascript:1 1x" lowsrc="javascript:1" dynsrc="x">'
    )
    assert out == '<a href="#doc-x">a</a><img src="/doc/3/file">'


# --- ids, names and links --------------------------------------------------------------------


def test_anchor_links_and_their_targets_are_prefixed_alike():
    out = clean(
        '<p><a href="#toc">Contents</a> <a href="#Item_1">Item 1</a></p>'
        '<a name="toc"></a><div id="Item_1">Item 1. Business</div><a href="#">top</a>'
    )
    assert '<a href="#doc-toc">' in out
    assert '<a name="doc-toc"></a>' in out
    assert '<a href="#doc-Item_1">' in out
    assert '<div id="doc-Item_1">' in out
    assert '<a href="#">top</a>' in out


def test_custom_id_prefix():
    out = sanitize_html('<a href="#a">x</a><p id="a">y</p>', id_prefix="d7-")
    assert out == '<a href="#d7-a">x</a><p id="d7-a">y</p>'


@pytest.mark.parametrize("prefix", ["", "1x", 'a"', "a b", "a<"])
def test_unsafe_id_prefix_is_refused(prefix):
    with pytest.raises(ValueError):
        sanitize_html("<p>x</p>", id_prefix=prefix)


def test_id_and_name_clobbering_is_defused_by_the_prefix():
    out = clean('<a id="csrf" name="body">x</a><img name="cookie" id="location">')
    assert out == '<a id="doc-csrf" name="doc-body">x</a><img id="doc-location">'


def test_same_filing_links_go_through_resolve():
    out = clean('<a href="ex99.htm">Exhibit 99</a> <a href=" EX99.HTM#sec2 ">Section 2</a>')
    assert out == ('<a href="/doc/2/">Exhibit 99</a> <a href="/doc/2/#doc-sec2">Section 2</a>')


def test_unknown_or_unresolvable_relative_targets_lose_their_href():
    for href in ("ex10.htm", "../ex99.htm", "/Archives/x.htm", "ex99.htm?x=1", "ex%39%39.htm"):
        assert clean(f'<a href="{href}">x</a>') == "<a>x</a>"
    assert sanitize_html('<a href="ex99.htm">x</a>') == "<a>x</a>"  # no resolver


def test_links_are_never_url_decoded():
    out = clean('<a href="https://www.sec.gov/cgi-bin/browse?a=1&amp;b=%6A%61">x</a>')
    assert 'href="https://www.sec.gov/cgi-bin/browse?a=1&amp;b=%6A%61"' in out


def test_external_links_open_in_a_new_browsing_context_without_opener():
    out = clean(
        '<a href="https://www.sec.gov/Archives/edgar/data/320193/" target="_top" rel="opener">'
        'EDGAR</a> <a href="mailto:ir@example.com">mail</a>'
    )
    assert out == (
        '<a href="https://www.sec.gov/Archives/edgar/data/320193/" '
        'rel="noopener noreferrer" target="_blank">EDGAR</a> '
        '<a href="mailto:ir@example.com" rel="noopener noreferrer">mail</a>'
    )


def test_filer_target_and_rel_are_dropped_on_internal_links():
    assert clean('<a href="#x" target="_top" rel="opener">x</a>') == '<a href="#doc-x">x</a>'


def test_images_only_from_the_same_filing():
    out = clean(
        '<img src="g1.jpg" alt="Logo" width="100" height="20" border="0">'
        '<img src="https://tracker.example/pixel.gif" alt="pixel">'
        '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">'
        '<img src="unknown.jpg" alt="missing">'
    )
    assert out == (
        '<img src="/doc/3/file" alt="Logo" width="100" height="20" border="0">'
        '<img alt="pixel"><img alt="inline"><img alt="missing">'
    )


# --- fidelity --------------------------------------------------------------------------------


def test_tables_keep_their_layout_attributes():
    html = (
        '<table width="100%" border="0" cellpadding="0" cellspacing="0" align="center" '
        'bgcolor="#ffffff"><colgroup><col width="40%"><col span="2"></colgroup>'
        '<thead><tr><th colspan="2" align="left" nowrap>Head</th></tr></thead>'
        '<tbody><tr valign="bottom"><td rowspan="2" height="12" width="50%" '
        'style="border-bottom: 1px solid #000000; padding: 0 2pt">1,234</td>'
        "<td>x</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot><caption>Cap</caption></table>"
    )
    out = clean(html)
    assert '<table width="100%" border="0" cellpadding="0" cellspacing="0" align="center" ' in out
    assert '<col width="40%"><col span="2">' in out
    assert '<th colspan="2" align="left" nowrap="nowrap">Head</th>' in out
    assert '<tr valign="bottom">' in out
    assert (
        '<td rowspan="2" height="12" width="50%" '
        'style="border-bottom: 1px solid #000000; padding: 0 2pt">1,234</td>'
    ) in out
    assert "<tfoot><tr><td>f</td></tr></tfoot>" in out


def test_fonts_headings_lists_and_inline_styles_survive():
    html = (
        '<h1 align="center">Title</h1><font face="Times New Roman" size="2" color="#000000">'
        'Body</font><ul><li>one</li></ul><ol type="a" start="2"><li>two</li></ol>'
        "<dl><dt>t</dt><dd>d</dd></dl><center><b>B</b><i>I</i><u>U</u><s>S</s><strike>K</strike>"
        "<tt>T</tt><code>C</code><small>s</small><big>g</big><em>e</em><strong>st</strong>"
        '</center><pre>  a   b</pre><blockquote>q</blockquote><hr noshade size="1"><br>'
        '<p style="font-size: 10pt; text-align: justify; text-indent: 0.5in; '
        "margin-top: 6pt; page-break-before: always; font-family: 'Times New Roman', serif\">"
        'x<sup style="position: relative; top: -0.3em; vertical-align: baseline">1</sup></p>'
    )
    out = clean(html)
    assert '<h1 align="center">Title</h1>' in out
    assert '<font face="Times New Roman" size="2" color="#000000">Body</font>' in out
    assert '<ol type="a" start="2"><li>two</li></ol>' in out
    assert "<pre>  a   b</pre>" in out
    assert '<hr noshade="noshade" size="1"><br>' in out
    assert (
        '<p style="font-size: 10pt; text-align: justify; text-indent: 0.5in; margin-top: 6pt; '
        'page-break-before: always; font-family: &quot;Times New Roman&quot;, serif">'
    ) in out
    assert '<sup style="position: relative; top: -0.3em; vertical-align: baseline">1</sup>' in out
    for tag in ("center", "b", "i", "u", "s", "strike", "tt", "code", "small", "big", "em"):
        assert f"<{tag}>" in out


def test_css_keeps_safe_declarations_next_to_dropped_ones():
    out = clean(
        '<div style="color: red; position: absolute; top: 0; background: url(x); '
        "background-color: #f1f2f2; width: calc(100% - 2pt) !important; display: none; "
        '-sec-extract: summary; border: 1pt solid rgb(0, 0, 0)">x</div>'
    )
    assert out == (
        '<div style="color: red; background-color: #f1f2f2; width: calc(100% - 2pt) !important; '
        'display: none; border: 1pt solid rgb(0, 0, 0)">x</div>'
    )


def test_body_attributes_carry_the_base_font():
    out = clean(
        '<html><head><title>t</title></head><BODY BGCOLOR="WHITE" '
        'STYLE="font: 10pt Times New Roman, Times, Serif" onload="x()">text</BODY></html>'
    )
    assert out == ('<body bgcolor="WHITE" style="font: 10pt Times New Roman, Times, Serif">text')
    body = browser_tree(out).find("body")
    assert body.get("style") == "font: 10pt Times New Roman, Times, Serif"


def test_no_body_tag_without_body_attributes():
    assert clean("<html><body><p>x</p></body></html>") == "<p>x</p>"


def test_text_stays_escaped_exactly_once():
    out = clean("<p>AT&amp;T &lt;script&gt; &amp;lt; 5 > 3 &nbsp;&#8217;</p>")
    assert out == "<p>AT&amp;T &lt;script&gt; &amp;lt; 5 &gt; 3 \xa0\u2019</p>"
    assert text_of(out) == "AT&T <script> &lt; 5 > 3 \u2019"


def test_attribute_values_stay_escaped():
    out = clean(
        '<a href="http://x.example/?a=1&amp;b=&quot;2&quot;" title="a &lt;b&gt; &amp;c">x</a>'
    )
    assert 'href="http://x.example/?a=1&amp;b=&quot;2&quot;"' in out
    assert 'title="a &lt;b&gt; &amp;c"' in out


def test_control_characters_become_question_marks_and_form_feeds_breaks():
    assert clean("<p>a\x01b\x0cc</p>") == "<p>a?b\nc</p>"


def test_ixbrl_facts_keep_their_text_and_the_header_goes():
    html = """<?xml version='1.0' encoding='ASCII'?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL">
<head><meta http-equiv="Content-Type" content="text/html"/><title>x-20240101</title></head>
<body><div style="display:none"><ix:header><ix:hidden>
<ix:nonNumeric contextRef="c-1" name="dei:EntityCentralIndexKey" id="f-21">0001045810</ix:nonNumeric>
</ix:hidden><ix:references><link:schemaRef xlink:type="simple" xlink:href="x.xsd"/></ix:references>
<ix:resources><xbrli:context id="c-1"><xbrli:identifier scheme="http://www.sec.gov/CIK">0001045810
</xbrli:identifier></xbrli:context></ix:resources></ix:header></div>
<div style="text-align:center"><span>FORM <ix:nonNumeric contextRef="c-1" name="dei:DocumentType"
 id="f-1">8-K</ix:nonNumeric></span></div>
<p>Revenue <ix:nonFraction unitRef="usd" contextRef="c-1" decimals="-6" name="us-gaap:Revenues"
 format="ixt:num-dot-decimal" scale="6" id="f-2">1,234</ix:nonFraction> million
<ix:continuation id="c1">continued</ix:continuation></p></body></html>"""
    out = clean(html)
    assert text_of(out) == "FORM 8-K Revenue 1,234 million continued"
    assert "0001045810" not in out
    assert "ix:" not in out
    assert "contextref" not in out.lower()
    assert '<div style="display: none"></div>' in out


def test_xbrl_wrapper_and_xml_declaration_do_not_show():
    out = clean("<XBRL>\n<?xml version='1.0'?>\n<html><body><p>x</p></body></html>\n</XBRL>")
    assert text_of(out) == "x"


def test_xhtml_self_closing_cells_keep_the_table():
    out = clean(
        '<table><tr><td style="width:1.0%"/><td style="width:98%"/></tr><tr>'
        '<td colspan="2">x</td></tr></table>'
    )
    assert text_of(out) == "x"
    assert out.count("<td") == 3


def test_deeply_nested_filer_html_keeps_all_its_text():
    html = "<font size=2>" * 3000 + "deep text" + "</font>" * 3000 + "<p>after</p>"
    out = clean(html)
    assert text_of(out) == "deep text after"


def test_output_is_deterministic():
    html = "".join(HOSTILE.values()) + '<p style="color: red">x</p><a href="ex99.htm#a">y</a>'
    assert sanitize_html(html, resolve=resolve) == sanitize_html(html, resolve=resolve)


def test_empty_and_blank_documents():
    assert sanitize_html("") == ""
    assert sanitize_html("  \n ") == ""
    assert sanitize_html("\x00") == ""


def test_version_is_an_int():
    assert isinstance(SANITIZER_VERSION, int) and SANITIZER_VERSION >= 1


# --- fuzzing ---------------------------------------------------------------------------------

FRAGMENTS = [
    "<",
    ">",
    "/",
    "'",
    '"',
    "=",
    " ",
    "\t",
    "\n",
    "\x00",
    "&",
    "#",
    ";",
    ":",
    "(",
    ")",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<svg>",
    "<math>",
    "<a ",
    "<img ",
    "<p>",
    "<table>",
    "<td>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<noscript>",
    "<title>",
    "<textarea>",
    "<iframe ",
    "<object>",
    "<ix:header>",
    "</ix:header>",
    "<body ",
    "<base ",
    "<meta ",
    "href=",
    "src=",
    "style=",
    "onload=",
    "onerror=",
    "id=",
    "name=",
    "srcdoc=",
    "xlink:href=",
    "javascript:",
    "java\x00script:",
    "&#106;",
    "&#x6A;",
    "vbscript:",
    "data:",
    "alert(1)",
    "expression(",
    "url(",
    "position:fixed",
    "position:relative;top:1px",
    "\\",
    "/*",
    "*/",
    "ex99.htm",
    "#frag",
    "http://x.example/",
    "hx-get=",
    "data-x=",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_fuzzed_markup_always_comes_out_safe(parts):
    html = "".join(parts)
    out = clean(html)
    assert sanitize_html(html, resolve=resolve) == out


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_text_never_breaks_the_sanitizer(text):
    clean(text)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ajvsrcipt:&#x;0123456789 \t\n\x00")), max_size=30))
def test_fuzzed_href_values_never_keep_a_script_scheme(href):
    out = clean(f'<a href="{href}">x</a>')
    assert "javascript" not in out.lower()


# --- the corpus ------------------------------------------------------------------------------

_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)</DOCUMENT>", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_HTML_SNIFF = re.compile(r"<(?:html|body|div|font|p|br)[\s>/]", re.I)
_RAW_BLOCK = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.S | re.I)
_EVENT_ATTRIBUTE = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)


def corpus_html_documents():
    if not CORPUS.is_dir():
        return []
    documents = []
    for path in sorted(CORPUS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        for number, match in enumerate(_DOCUMENT.finditer(raw), 1):
            text = _TEXT.search(match.group(1))
            if text and _HTML_SNIFF.search(text.group(1)[:4096]):
                documents.append(pytest.param(text.group(1), id=f"{path.stem}-{number}"))
    return documents


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no EDGAR corpus at {CORPUS}")
@pytest.mark.parametrize("body", corpus_html_documents())
def test_corpus_documents_come_out_safe_and_without_leaked_code(body):
    out = sanitize_html(body, resolve=lambda name: f"/doc/{name}")
    lowered = out.lower()
    assert "<script" not in lowered
    assert "javascript:" not in lowered
    assert not _EVENT_ATTRIBUTE.search(out)
    text = "".join(
        etree.fromstring(f"<html><body>{out}</body></html>", etree.HTMLParser()).itertext()
    )
    outside = _RAW_BLOCK.sub(" ", body)
    for block in _RAW_BLOCK.finditer(body):
        for line in block.group(2).splitlines():
            line = line.strip()
            if len(line) >= 12 and line not in outside:
                assert line not in text
    for probe in ("function(", "function (", "{display:"):
        if probe not in outside:
            assert probe not in text


def test_br_end_tags_break_lines_as_in_a_browser():
    # HTML5 reads "</br>" as "<br>"; old filings write "<BR></BR>" for one line break.
    assert clean("a<BR></BR>b</br >c") == "a<br><br>b<br>c"
    assert text_of(clean('<a title="</br>">x</a>')) == "x"


def test_a_style_with_nothing_left_is_dropped():
    assert clean('<p style="position: fixed; top: 0">x</p>') == "<p>x</p>"


def test_repeated_tags_are_each_rewritten_for_their_own_document():
    # bleach decides each distinct tag once per document: the second copy of a tag must
    # come out as the first did, and another document's links must not leak in.
    html = (
        '<a href="ex99.htm">a</a><a href="ex99.htm">b</a>'
        '<p style="position:absolute;color:red">c</p><p style="position:absolute;color:red">d</p>'
    )
    one = sanitize_html(html, resolve=lambda name: f"/one/{name}")
    two = sanitize_html(html, resolve=lambda name: f"/two/{name}")
    assert one.count('<a href="/one/ex99.htm">') == 2 and "/two/" not in one
    assert two.count('<a href="/two/ex99.htm">') == 2 and "/one/" not in two
    assert one.count('<p style="color: red">') == 2 and "absolute" not in one


def test_styles_read_declaration_by_declaration_match_a_whole_parse(monkeypatch):
    # Plain style strings are split at semicolons and each declaration is sanitized once;
    # the result must be what parsing the whole string gives, position rules included.
    from filings import sanitize

    styles = [
        "position:relative;top:1px;font-weight:bold !important",
        "top: 2px; position: relative",
        "position: absolute; left: 0; color: #333",
        "font: 12px/14px Times New Roman; margin-left: 5%",
        "color: red;; ;width:",
        "behavior: x; color: blue",
        "position: fixed; position: relative; right: 1pt",
        "position: relative; position: absolute; top: 1pt; color: red",
    ]
    split = [sanitize._sanitize_css(style) for style in styles]
    monkeypatch.setattr(sanitize, "_CSS_PLAIN", re.compile(r"(?!)"))
    whole = [sanitize._sanitize_css(style) for style in styles]
    assert split == whole
    assert split[0] == "position: relative; top: 1px; font-weight: bold !important"
    assert split[2] == "color: #333" and split[5] == "color: blue"


def test_self_closed_html_elements_open_as_a_browser_opens_them():
    from filings.sanitize import _open_self_closed

    cases = {
        '<div class="a" />x': '<div class="a">x',
        "<div/><p/>": "<div><p>",
        "<div a / />": "<div a />",
        '<a href="x/y"/>': '<a href="x/y">',
        "<br/><img src=a />": "<br/><img src=a />",  # void elements close anyway
        "<ix:header/>": "<ix:header/>",  # XML names are left alone
        "<div/ >": "<div/ >",
        "<a>/>": "<a>/>",
        '<div a="<"/>': '<div a="<"/>',
    }
    for html, opened in cases.items():
        assert _open_self_closed(html) == opened, html
    assert clean('<td style="width:1%"/><b>x</b>') == clean('<td style="width:1%"><b>x</b>')
