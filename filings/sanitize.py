"""The only place that turns filer HTML into safe HTML.

Pipeline: lxml parses the document once (libxml2 is ~50x faster than
html5lib), whole subtrees that must vanish with their content (scripts,
styles, ix:header, ...) are cut out in C, and a walk over the tree feeds
html5lib tokens to bleach's BleachSanitizerFilter, which stays the allow-list
engine for tags, attributes, URL schemes and CSS. Link targets and ids are
rewritten in that walk, before bleach checks them.

The output is safe whatever tree libxml2 built: only allow-listed elements
and attributes are emitted, every text and attribute value is escaped by the
serializer, comments are dropped and no raw-text element (script, style,
textarea, title, ...) is ever emitted, so a browser cannot re-parse it into
anything else.
"""

from __future__ import annotations

import functools
import re
import warnings
from collections.abc import Callable

import bleach.linkifier
import bleach.sanitizer
import tinycss2
from bleach.css_sanitizer import CSSSanitizer
from bleach.sanitizer import INVISIBLE_CHARACTERS, INVISIBLE_CHARACTERS_RE, BleachSanitizerFilter
from lxml import etree

# Bump whenever the output for some input changes; stored documents are then
# re-sanitized.
SANITIZER_VERSION = 3

_TABLE_LAYOUT = (
    "width",
    "height",
    "align",
    "valign",
    "border",
    "cellpadding",
    "cellspacing",
    "colspan",
    "rowspan",
    "bgcolor",
    "nowrap",
)

ALLOWED_TAGS = frozenset(
    {
        # Only the synthetic <body> start tag that carries the filer's body
        # attributes; the walk never emits the parsed body element itself.
        "body",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "colgroup",
        "col",
        "font",
        "div",
        "span",
        "p",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "sup",
        "sub",
        "small",
        "big",
        "hr",
        "a",
        "img",
        "center",
        "pre",
        "blockquote",
        "s",
        "strike",
        "tt",
        "code",
    }
)

ALLOWED_ATTRIBUTES = {
    "*": ["style", "id"],
    "body": ["bgcolor", "text"],
    **{
        tag: _TABLE_LAYOUT
        for tag in ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")
    },
    "col": (*_TABLE_LAYOUT, "span"),
    "colgroup": (*_TABLE_LAYOUT, "span"),
    "font": ["face", "size", "color"],
    "div": ["align"],
    "p": ["align"],
    **{f"h{n}": ["align"] for n in range(1, 7)},
    "hr": ["width", "size", "align", "noshade", "color"],
    "br": ["clear"],
    "ol": ["type", "start"],
    "ul": ["type"],
    "li": ["type", "value"],
    "pre": ["width"],
    # rel and target are never the filer's: the walk drops those and sets
    # its own on external links.
    "a": ["href", "title", "name", "rel", "target"],
    "img": ["src", "alt", "width", "height", "border", "align", "hspace", "vspace"],
}

ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

_SIDES = ("top", "right", "bottom", "left")

ALLOWED_CSS_PROPERTIES = frozenset(
    {
        "font",
        "font-family",
        "font-size",
        "font-style",
        "font-variant",
        "font-weight",
        "font-stretch",
        "text-align",
        "text-justify",
        "text-decoration",
        "text-decoration-line",
        "text-decoration-style",
        "text-decoration-color",
        "text-indent",
        "text-transform",
        "letter-spacing",
        "word-spacing",
        "word-wrap",
        "overflow-wrap",
        "word-break",
        "line-height",
        "white-space",
        "margin",
        *(f"margin-{s}" for s in _SIDES),
        "padding",
        *(f"padding-{s}" for s in _SIDES),
        "border",
        "border-color",
        "border-style",
        "border-width",
        "border-radius",
        *(f"border-{s}" for s in _SIDES),
        *(f"border-{s}-{p}" for s in _SIDES for p in ("color", "style", "width")),
        "border-collapse",
        "border-spacing",
        "width",
        "min-width",
        "max-width",
        "height",
        "min-height",
        "max-height",
        "box-sizing",
        "color",
        "background-color",
        "page-break-before",
        "page-break-after",
        "page-break-inside",
        "break-before",
        "break-after",
        "break-inside",
        "vertical-align",
        "display",
        "float",
        "clear",
        "overflow",
        "overflow-x",
        "overflow-y",
        "table-layout",
        "empty-cells",
        "list-style-type",
        "position",
        *_SIDES,
    }
)

# The only CSS functions a value may call; everything else (url, image,
# expression, var, attr, element, ...) drops the declaration.
_CSS_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla", "calc"})
_CSS_POSITIONS = frozenset({"relative", "static"})
# Checked on the text of a value with comments and escapes removed, in case
# a tokenizer somewhere sees a function or scheme that tinycss2 did not.
_CSS_FORBIDDEN_TEXT = ("url(", "expression(", "javascript:", "vbscript:")
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})\s?|(.))", re.S)
_WHITESPACE = re.compile(r"\s+")

# Removed together with everything inside them: bleach's strip keeps the text
# of elements it drops, which would turn script source, CSS and the hidden
# iXBRL header into page text.
_DROP_WITH_CONTENT = (
    "head",
    "title",
    "script",
    "style",
    "noscript",
    "template",
    "textarea",
    "xmp",
    "plaintext",
    "iframe",
    "frame",
    "frameset",
    "noframes",
    "noembed",
    "object",
    "embed",
    "applet",
    "param",
    "svg",
    "math",
    "meta",
    "link",
    "base",
    "select",
    "button",
    "input",
    "audio",
    "video",
    "canvas",
    "map",
    "xml",
    "ix:header",
    # Spellings of the same elements in html5lib's lxml tree (fallback parse).
    "ixU0003Aheader",
    "{http://www.w3.org/2000/svg}svg",
    "{http://www.w3.org/1998/Math/MathML}math",
)

# A link or image target inside the same filing: a bare file name such as
# "ex99.htm" or "g12345img1.jpg", optionally with a fragment.
_FILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]{0,199}")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# What a browser strips around a URL and removes inside it before parsing.
_URL_STRIP = "".join(chr(c) for c in range(0x21))
_URL_TAB_NEWLINE = re.compile(r"[\t\n\r]")
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_INCOMPATIBLE_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[0-8bcefBCEF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)
_BR_END_TAG = re.compile(r"</br(?=[\s/>])[^>]*>", re.I)
# A browser ignores the "/" of <div /> and opens the element; libxml2 closes it at once,
# which lays the rest of the document out differently. Only non-void HTML names are
# touched (prefixed names such as ix:... are XML and left alone).
_SELF_CLOSED = re.compile(
    r"<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b)"
    r"([a-zA-Z][a-zA-Z0-9]*)((?:\s[^<>]*)?/)>"
)


def _open_self_closed(html: str) -> str:
    """<div /> written <div >, as a browser reads it. Only the tags before each "/>" are
    tried (a pattern tried at every "<" of a large filing took a tenth of its parse)."""
    out, done = [], 0
    end = html.find("/>")
    while end >= 0:
        start = html.rfind("<", done, end)
        if start >= 0 and html.find(">", start, end) < 0:
            tag = _SELF_CLOSED.match(html, start)
            if tag and tag.end() == end + 2:
                # The attributes keep their first space and lose the rest before "/".
                attributes = tag.group(2)[:-1]
                if attributes:
                    attributes = attributes[0] + attributes[1:].rstrip()
                out += (html[done:start], f"<{tag.group(1)}{attributes}>")
                done = end + 2
        end = html.find("/>", end + 2)
    return "".join(out) + html[done:] if out else html


_ATTRIBUTE_NAME = re.compile(r"[a-z][a-z0-9\-]*")
_ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")

_EXTERNAL_REL = "noopener noreferrer"
# Elements without an end tag; only these four are on the allow-list.
_VOID = frozenset({"br", "hr", "img", "col"})


def sanitize_html(
    html: str,
    *,
    resolve: Callable[[str], str | None] | None = None,
    id_prefix: str = "doc-",
) -> str:
    """Return filer HTML as a safe body fragment for the sandboxed frame.

    `resolve` maps a bare file name of the same filing (e.g. "ex99.htm",
    without its fragment) to the app URL serving it, or None. The fragment of
    such a link is kept, prefixed with `id_prefix` like every id and anchor
    name, so links into a document sanitized with the same prefix land.

    The fragment may start with a `<body ...>` start tag carrying the filer's
    sanitized body attributes (base font, width, background): HTML parsers
    merge it into the frame document's own body element.
    """
    if not _ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"id_prefix must match {_ID_PREFIX.pattern}: {id_prefix!r}")
    # NULs go first: removing them after any other step could re-form a
    # scheme such as "java\0script:".
    html = html.replace("\x00", "")
    body = parse_body(html)
    if body is None:
        return ""
    return sanitize_body(body, resolve=resolve, id_prefix=id_prefix)


def sanitize_body(
    body: etree._Element,
    *,
    resolve: Callable[[str], str | None] | None = None,
    id_prefix: str = "doc-",
    hidden: list | None = None,
) -> str:
    """sanitize_html() of a <body> parse_body() made. The tree is left as it was, so the
    caller can go on to lay out its text (filings.render.body_text) without parsing the
    document again. `hidden`, when given, receives the elements styled display:none, in
    document order, as body_text() would find them itself (this walk sees them anyway)."""
    if not _ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"id_prefix must match {_ID_PREFIX.pattern}: {id_prefix!r}")
    tags = _Tags(_LinkRewriter(resolve, id_prefix), hidden)
    out = []
    write = out.append
    if len(body.attrib):
        write(tags.start(body, "body", False, descendant=False))
    if body.text:
        write(_safe_text(body.text))
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if el is body:
            continue
        tag = el.tag
        void = tag in _VOID
        if event == "start":
            write(tags.start(el, tag, void))
            if el.text:
                write(_safe_text(el.text))
        else:
            if not void:
                write(tags.end(tag))
            if el.tail:
                write(_safe_text(el.tail))
    return "".join(out)


class _Tags:
    """What bleach makes of each tag, as HTML.

    A filing repeats the same few hundred tags (name and attributes as written) tens of
    thousands of times. Each distinct one goes through bleach's filter once per document
    and its serialized form is reused for the rest, so bleach decides every tag without
    seeing every copy. Text needs no tag decisions: it is escaped here exactly as the
    filter and serializer would (_FilingFilter.sanitize_characters, _escape_text).
    """

    def __init__(self, links: _LinkRewriter, hidden: list | None = None):
        self.links = links
        self.hidden = hidden
        self.hiding: set = set()  # the keys of tags whose style hides them
        self.filter = _FilingFilter(
            source=(),
            allowed_tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            allowed_protocols=ALLOWED_PROTOCOLS,
            strip_disallowed_tags=True,
            strip_html_comments=True,
            css_sanitizer=_CSS,
        )
        self.starts: dict = {}
        self.ends: dict = {}

    def start(self, el: etree._Element, tag, void: bool, descendant: bool = True) -> str:
        # Attribute order is kept: it is the order they are written out in.
        key = (tag, void, tuple(el.items()))
        html = self.starts.get(key)
        if html is None:
            token = {
                "type": "EmptyTag" if void else "StartTag",
                "name": tag,
                "data": _attributes(el, self.links),
            }
            html = self.starts[key] = self.serialized(token)
            if self.hidden is not None and hides(el.get("style")):
                self.hiding.add(key)
        if self.hiding and key in self.hiding and descendant:
            self.hidden.append(el)
        return html

    def end(self, tag) -> str:
        html = self.ends.get(tag)
        if html is None:
            html = self.ends[tag] = self.serialized({"type": "EndTag", "name": tag})
        return html

    def serialized(self, token: dict) -> str:
        kept = self.filter.sanitize_token(token)
        if not kept:
            return ""
        return _serialize(kept if isinstance(kept, list) else [kept])


# The letters of "display:none" in either case, and the white space a style may put
# between them ("DISPLAY : NONE").
_STYLE_FOLD = str.maketrans("DISPLAYNOE", "displaynoe", " \t\r\n")


def hides(style: str | None) -> bool:
    """Whether a style attribute hides its element (display: none, however spaced)."""
    return bool(style) and "display:none" in style.translate(_STYLE_FOLD)


def _safe_text(text: str) -> str:
    # A form feed is white space to a browser, and page breaks in filings converted
    # from text.
    if _ODD_TEXT.search(text):
        text = INVISIBLE_CHARACTERS_RE.sub("?", text.replace("\x0c", "\n"))
    return _escape_text(text)


# The characters _safe_text replaces: most text has none, and one search is cheaper.
_ODD_TEXT = re.compile("[\x0c" + INVISIBLE_CHARACTERS + "]")


def parse_body(html: str) -> etree._Element | None:
    """Parse filer HTML into its lxml <body>, without the subtrees that are
    never document content (see _DROP_WITH_CONTENT), comments or PIs.

    Shared with filings.render so the plain text holds exactly the text the
    sanitized HTML shows.
    """
    # A browser reads "</br>" as "<br>"; libxml2 drops it, and old filings
    # write "<BR></BR>" for every line break.
    html = _BR_END_TAG.sub("<br>", html)
    html = _open_self_closed(html)
    data = html.encode("utf-8", "replace")
    if not data.strip():
        return None
    parser = etree.HTMLParser(
        encoding="utf-8",
        recover=True,
        huge_tree=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        root = None
    # libxml2 stops at 2048 levels of nesting (unclosed <font> tags pile up
    # in old filings) and silently drops the rest of the document; html5lib
    # is far slower but has no such limit.
    if root is None or any(e.level_name == "FATAL" for e in parser.error_log):
        root = _parse_html5lib(html)
    etree.strip_elements(root, *_DROP_WITH_CONTENT, with_tail=False)
    return root.find("body")


def _parse_html5lib(html: str) -> etree._Element:
    from bleach._vendor import html5lib

    # lxml refuses these characters in a tree built through its API, raw or
    # from a character reference; they would come out as "?" anyway (see
    # _FilingFilter).
    html = html.replace("\x0c", "\n")
    html = _XML_INCOMPATIBLE_REFERENCE.sub("?", _XML_INCOMPATIBLE.sub("?", html))
    with warnings.catch_warnings():
        # It renames "ix:header" and the like to valid XML names, on purpose.
        warnings.simplefilter("ignore")
        tree = html5lib.parse(html, treebuilder="lxml", namespaceHTMLElements=False)
    root = tree.getroot()
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return root


class _LinkRewriter:
    """Rewrites href/src/id/name values as the browser would read them."""

    def __init__(self, resolve: Callable[[str], str | None] | None, id_prefix: str):
        self.resolve = resolve
        self.id_prefix = id_prefix

    def anchor(self, value: str) -> str | None:
        return self.id_prefix + value if value else None

    def href(self, value: str) -> tuple[str | None, bool]:
        """The new href and whether it leaves the filing."""
        url = _URL_TAB_NEWLINE.sub("", value).strip(_URL_STRIP)
        if url.startswith("#"):
            return ("#" + self.id_prefix + url[1:] if len(url) > 1 else "#"), False
        scheme = _SCHEME.match(url)
        if scheme:
            if scheme.group(1).lower() in ALLOWED_PROTOCOLS:
                return url, True
            return None, False
        return self.same_filing(url), False

    def src(self, value: str) -> str | None:
        url = _URL_TAB_NEWLINE.sub("", value).strip(_URL_STRIP)
        if "#" in url:
            return None
        return self.same_filing(url)

    def same_filing(self, url: str) -> str | None:
        name, hash_, fragment = url.partition("#")
        if self.resolve is None or not _FILE_NAME.fullmatch(name):
            return None
        target = self.resolve(name)
        if not target:
            return None
        if hash_ and fragment:
            target = target.split("#", 1)[0] + "#" + self.id_prefix + fragment
        return target


def _attributes(el: etree._Element, links: _LinkRewriter) -> dict:
    attrs = {}
    external = False
    tag = el.tag
    for name, value in el.items():
        if name == "href":
            if tag != "a":
                continue
            value, external = links.href(value)
        elif name == "src":
            if tag != "img":
                continue
            value = links.src(value)
        elif name == "id" or (name == "name" and tag == "a"):
            value = links.anchor(value)
        elif name in ("rel", "target"):
            continue
        if value is not None:
            attrs[(None, name)] = value
    if external:
        attrs[(None, "rel")] = _EXTERNAL_REL
        if not attrs[(None, "href")].lower().startswith("mailto:"):
            attrs[(None, "target")] = "_blank"
    return attrs


class _FilingFilter(BleachSanitizerFilter):
    """bleach's filter, fed the tags of an lxml tree (see _Tags).

    Text does not go through it: bleach's sanitize_characters turns entities
    back into Entity tokens, but lxml text has no entities left, so an "&lt;"
    in it is literal text that must be escaped (_safe_text).
    """

    def allow_token(self, token):
        token = super().allow_token(token)
        # Whatever the CSS sanitizer left of a style; nothing is not worth
        # writing.
        if token.get("data", {}).get((None, "style")) == "":
            del token["data"][(None, "style")]
        return token


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    return _escape_text(value).replace('"', "&quot;")


def _serialize(tokens) -> str:
    """HTML for bleach's filtered tokens (html5lib's serializer, minus its
    generality: half the run time went there).

    Every value is escaped and double-quoted; a token that is not an allowed
    tag or text is a bug upstream and raises instead of being written.
    """
    out = []
    write = out.append
    for token in tokens:
        kind = token["type"]
        if kind == "Characters" or kind == "SpaceCharacters":
            write(_escape_text(token["data"]))
            continue
        name = token["name"]
        if name not in ALLOWED_TAGS:
            raise ValueError(f"refusing to serialize <{name}>")
        if kind == "EndTag":
            write(f"</{name}>")
        elif kind == "StartTag" or kind == "EmptyTag":
            write("<" + name)
            for (_, attribute), value in token["data"].items():
                if not _ATTRIBUTE_NAME.fullmatch(attribute):
                    raise ValueError(f"refusing to serialize attribute {attribute!r}")
                write(f' {attribute}="{_escape_attribute(value)}"')
            write(">")
        else:
            raise ValueError(f"unexpected {kind} token")
    return "".join(out)


class FilingCSSSanitizer(CSSSanitizer):
    """bleach's CSS sanitizer with value checks filings need.

    bleach only filters property names; this also drops declarations that
    call functions other than colours and calc(), position values other than
    relative/static, and offsets (top/left/...) unless the element is
    position: relative.
    """

    def __init__(self):
        super().__init__(
            allowed_css_properties=ALLOWED_CSS_PROPERTIES,
            allowed_svg_properties=frozenset(),
        )

    def sanitize_css(self, style: str) -> str:
        # Filings repeat the same few hundred style strings thousands of
        # times; long ones are rare and would only fill the cache.
        if len(style) <= 1024:
            return _sanitize_css_cached(style)
        return _sanitize_css(style)


def _sanitize_css(style: str) -> str:
    if _CSS_PLAIN.fullmatch(style) and "/*" not in style:
        # Nothing here can hold a ';' inside a declaration (no strings, blocks, escapes
        # or comments), so each piece between semicolons is parsed on its own, and the
        # same few hundred declarations recur in thousands of different style strings.
        declarations = [d for piece in style.split(";") if (d := _plain_declaration(piece))]
    else:
        declarations = [
            d
            for node in tinycss2.parse_declaration_list(
                style, skip_comments=True, skip_whitespace=True
            )
            if (d := _declaration(node))
        ]
    kept = []
    position = None
    for name, value, important in declarations:
        if name == "position":
            position = value.lower()
            if position not in _CSS_POSITIONS:
                continue
        kept.append((name, value + (" !important" if important else "")))
    return "; ".join(
        f"{name}: {value}" for name, value in kept if name not in _SIDES or position == "relative"
    )


def _declaration(node) -> tuple[str, str, bool] | None:
    """(property, value, !important) of an allowed, safe, non-empty declaration."""
    if node.type != "declaration":
        return None
    name = node.lower_name
    if name not in ALLOWED_CSS_PROPERTIES or not _css_value_is_safe(node.value):
        return None
    value = _WHITESPACE.sub(" ", tinycss2.serialize(node.value)).strip()
    return (name, value, node.important) if value else None


@functools.lru_cache(maxsize=8192)
def _plain_declaration(piece: str) -> tuple[str, str, bool] | None:
    for node in tinycss2.parse_declaration_list(piece, skip_comments=True, skip_whitespace=True):
        return _declaration(node)
    return None


# Characters that cannot open a string, block, function, escape or at-rule.
_CSS_PLAIN = re.compile(r"[-\w\s:;.,%#!/+*]*", re.ASCII)

_sanitize_css_cached = functools.lru_cache(maxsize=8192)(_sanitize_css)


def _css_value_is_safe(tokens) -> bool:
    for token in tokens:
        kind = token.type
        if kind == "function":
            if token.lower_name not in _CSS_FUNCTIONS:
                return False
            if not _css_value_is_safe(token.arguments):
                return False
        elif kind in ("url", "error", "at-keyword", "() block", "[] block", "{} block"):
            return False
    text = _CSS_ESCAPE.sub(_unescape_css, _CSS_COMMENT.sub("", tinycss2.serialize(tokens)))
    text = _WHITESPACE.sub("", text).lower()
    return not any(bad in text for bad in _CSS_FORBIDDEN_TEXT)


def _unescape_css(match: re.Match) -> str:
    hex_digits, char = match.groups()
    if hex_digits is None:
        return char
    code = int(hex_digits, 16)
    return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"


_CSS = FilingCSSSanitizer()


# --- analysts' notes ---------------------------------------------------------------------

# Markdown renders to these and nothing else: no images, no raw HTML, no styles.
NOTE_TAGS = frozenset(
    {"p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "del", "s"}
)
NOTE_REL = "noopener noreferrer nofollow"


def _note_link(attrs, new=False):
    attrs[(None, "rel")] = NOTE_REL
    attrs[(None, "target")] = "_blank"
    return attrs


_NOTE_CLEANER = bleach.sanitizer.Cleaner(
    tags=NOTE_TAGS,
    attributes={"a": ["href", "title"]},
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[functools.partial(bleach.linkifier.LinkifyFilter, callbacks=[_note_link])],
)


def sanitize_note(html: str) -> str:
    """A note's rendered Markdown, cut down to the note allow-list: every link opens
    elsewhere with rel="noopener noreferrer nofollow"."""
    return _NOTE_CLEANER.clean(html.replace("\x00", ""))
