// The little the page needs beyond htmx: size the document frame to its content, mark the
// names the app knows (linking to their pages) and highlight an evidence sentence.
// The frame runs no script of its own; this page reaches into it (same origin).
(function () {
  "use strict";

  function frameDocument(frame) {
    try {
      return frame.contentDocument;
    } catch (e) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------------
  // The text map: one mapping between the document's stored plain text and the text nodes
  // of its rendering in the frame, shared by evidence highlights, name marks and notes.
  //
  // The stored text (filings/render.py) lays the same characters out in lines, tabs and
  // blank lines where the frame has markup, so the two agree on every character except
  // white space. The map therefore works on the "stream": the non-white-space characters
  // in document order, each with its text node and offset. A stream offset is the number
  // of non-white-space characters of the stored text before a character, so the server
  // can turn it into a stored offset and back. What the stored text leaves out, the map
  // leaves out too: elements hidden with display:none in their style attribute.
  //
  // A map describes the text nodes as they were when it was built; marking splits them,
  // so build a new map after marking.

  // White space as the stored text folds it, plus the zero-width characters it drops.
  var SPACE = /[\s\u200b\u2060]/;
  var SPACES = /[\s\u200b\u2060]+/g;
  var HIDDEN = /display:none/;
  var WORD = /[\p{L}\p{N}]/u;
  // Labels of the app's renderings of XML: the stored text writes XML as "element: value"
  // lines, and these renderings show the values under labels of their own.
  var XML_LABELS = "th, dt, h1, h2, h3, h4, h5, h6";

  // How many characters of the stored text an element's start puts between the text before
  // and inside it, as filings/render.py lays HTML out: a blank line before a paragraph or
  // table, a line break before other blocks and rows, a tab before a cell.
  var BREAKS = { BR: 1, TD: 1, TH: 1, TR: 1 };
  "P H1 H2 H3 H4 H5 H6 TABLE BLOCKQUOTE PRE UL OL HR".split(" ").forEach(function (tag) {
    BREAKS[tag] = 2;
  });
  ("DIV LI DT DD CAPTION CENTER ADDRESS ARTICLE ASIDE FIGURE FIGCAPTION FOOTER HEADER MAIN " +
    "NAV SECTION FORM FIELDSET LEGEND DL").split(" ").forEach(function (tag) {
    BREAKS[tag] = 1;
  });

  function squeeze(text) {
    return text.replace(SPACES, "");
  }

  function isSpace(text, j) {
    var code = text.charCodeAt(j);
    if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
    return code > 126 && SPACE.test(text[j]);
  }

  function hidden(el) {
    var style = el.getAttribute("style");
    return !!style && HIDDEN.test(style.toLowerCase().replace(SPACES, ""));
  }

  // Elements whose text the stored text leaves out, in document order.
  function leftOut(doc, xml) {
    var selector = '[style*="display" i]' + (xml ? ", " + XML_LABELS : "");
    var candidates = doc.body.querySelectorAll(selector);
    return Array.prototype.filter.call(candidates, function (el) {
      return hidden(el) || (xml && el.matches(XML_LABELS));
    });
  }

  function precedes(a, b) {
    return !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
  }

  function textMap(doc) {
    var xml = !!doc.querySelector("body > .xml-document");
    var out = leftOut(doc, xml), o = 0;
    var nodes = [], length = 0, node;
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    while ((node = walker.nextNode())) {
      // Past the left-out elements that end before this text; skip the text inside one.
      while (o < out.length && !out[o].contains(node) && precedes(out[o], node)) o++;
      if (o < out.length && out[o].contains(node)) continue;
      nodes.push(node);
      length += node.nodeValue.length;
    }
    var runs = [];
    // Stream character i is character offset[i] of text node nodes[owner[i]]; spaced[i]:
    // white space separates it from the one before.
    var owner = new Int32Array(length), offset = new Int32Array(length);
    var spaced = new Uint8Array(length + 1);
    var n = 0, space = false;
    for (var k = 0; k < nodes.length; k++) {
      var text = nodes[k].nodeValue, run = -1;
      for (var j = 0; j < text.length; j++) {
        if (isSpace(text, j)) {
          if (run >= 0) runs.push(text.slice(run, j));
          run = -1;
          space = true;
          continue;
        }
        if (run < 0) run = j;
        owner[n] = k;
        offset[n] = j;
        spaced[n] = space ? 1 : 0;
        space = false;
        n++;
      }
      if (run >= 0) runs.push(text.slice(run));
    }
    spaced[n] = 1;
    return {
      xml: xml,
      nodes: nodes,
      text: runs.join(""),
      owner: owner.subarray(0, n),
      offset: offset.subarray(0, n),
      spaced: spaced,
    };
  }

  // About where each stream character sits in the stored text, which writes a run of white
  // space or a break between elements as one or two characters, and keeps every
  // white-space character inside <pre>. Only needed to choose between repeated passages
  // (so the map has text).
  function storedPositions(map) {
    if (map.near) return map.near;
    var index = new Map(), breaks = [], pending = 0, node;
    map.nodes.forEach(function (n, k) { index.set(n, k); });
    var doc = map.nodes[0].ownerDocument;
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    while ((node = walker.nextNode())) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        var weight = BREAKS[node.tagName] || 0;
        pending = node.tagName === "BR" ? Math.min(pending + 1, 2) : Math.max(pending, weight);
      } else if (index.has(node)) {
        breaks[index.get(node)] = pending;
        pending = 0;
      }
    }
    var near = new Int32Array(map.text.length), skipped = 0, gap = 0, i = 0;
    map.nodes.forEach(function (n, k) {
      var text = n.nodeValue, pre = !!n.parentElement.closest("pre");
      gap = Math.max(gap, breaks[k] || 0);
      for (var j = 0; j < text.length; j++) {
        if (isSpace(text, j)) {
          if (pre) skipped += text[j] === "\r" ? 0 : 1;
          else gap = Math.max(gap, 1);
          continue;
        }
        if (i > 0) skipped += gap;
        gap = 0;
        near[i] = i + skipped;
        i++;
      }
    });
    map.near = near;
    return near;
  }

  // The stream range {start, end} of `text` in the map, the occurrence nearest `near` (a
  // stored-text offset) when it occurs more than once; null when it does not occur.
  function findText(map, text, near) {
    var needle = squeeze(text);
    var at = needle ? map.text.indexOf(needle) : -1;
    if (at < 0) return null;
    var best = at;
    at = map.text.indexOf(needle, at + 1);
    if (at >= 0) {
      var positions = storedPositions(map);
      for (; at >= 0; at = map.text.indexOf(needle, at + 1)) {
        if (Math.abs(positions[at] - near) < Math.abs(positions[best] - near)) best = at;
      }
    }
    return { start: best, end: best + needle.length };
  }

  // Stream range -> DOM pieces: per text node, the run [start, end) of its characters that
  // the range covers, white space between them included, in document order.
  function domPieces(map, start, end) {
    var pieces = [];
    for (var i = start; i < end; i++) {
      var last = pieces[pieces.length - 1], node = map.nodes[map.owner[i]];
      if (last && last.node === node) last.end = map.offset[i] + 1;
      else pieces.push({ node: node, start: map.offset[i], end: map.offset[i] + 1 });
    }
    return pieces;
  }

  // DOM Range -> stream range: the stream characters inside the range (a selection).
  function streamRange(map, range) {
    function first(test) {
      var lo = 0, hi = map.text.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (test(mid)) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    }
    function node(i) {
      return map.nodes[map.owner[i]];
    }
    var start = first(function (i) { return range.comparePoint(node(i), map.offset[i]) >= 0; });
    var end = first(function (i) { return range.comparePoint(node(i), map.offset[i] + 1) > 0; });
    return { start: start, end: Math.max(start, end) };
  }

  // Wraps the text of DOM pieces, and only that, each in an inline element of its own in
  // the text node's parent: no element of the document is moved, split or wrapped, so its
  // layout stays as it was. Pieces are given in the text nodes the map was built from; the
  // wrapper remembers how it split them, so several rounds of pieces from one map can be
  // wrapped (a later round nests inside an earlier one's elements).
  function wrapper() {
    var parts = new Map(); // text node -> its original length and its parts by start

    function cut(entry, at) {
      if (at <= 0 || at >= entry.length) return;
      for (var i = 0; i < entry.parts.length; i++) {
        var part = entry.parts[i];
        var end = i + 1 < entry.parts.length ? entry.parts[i + 1].start : entry.length;
        if (part.start === at) return;
        if (part.start < at && at < end) {
          entry.parts.splice(i + 1, 0, { start: at, node: part.node.splitText(at - part.start) });
          return;
        }
      }
    }

    return function wrap(pieces, make) {
      var made = [];
      pieces.forEach(function (piece) {
        var entry = parts.get(piece.node);
        if (!entry) {
          entry = { length: piece.node.nodeValue.length, parts: [{ start: 0, node: piece.node }] };
          parts.set(piece.node, entry);
        }
        cut(entry, piece.start);
        cut(entry, piece.end);
        entry.parts.forEach(function (part) {
          if (part.start < piece.start || part.start >= piece.end) return;
          var el = make(piece);
          part.node.parentNode.replaceChild(el, part.node);
          el.appendChild(part.node);
          made.push(el);
        });
      });
      return made;
    };
  }

  // ---------------------------------------------------------------------------------------
  // Evidence highlights and name marks.

  // The stored text writes an XML document as "element: value" lines; its rendering shows
  // the values (see XML_LABELS).
  function evidenceValues(evidence) {
    return evidence.split("\n").map(function (line) {
      return line.replace(/^\s*[^\s:]+:(\s|$)/, "");
    }).join("\n");
  }

  function highlight(frame, doc, map, wrap) {
    var evidence = frame.getAttribute("data-highlight") || "";
    if (!evidence.trim()) return [];
    var span = /^(\d+)-\d+$/.exec(frame.getAttribute("data-highlight-span") || "");
    var found = findText(map, map.xml ? evidenceValues(evidence) : evidence, span ? +span[1] : 0);
    if (!found) return [];
    return wrap(domPieces(map, found.start, found.end), function () {
      var m = doc.createElement("mark");
      m.className = "app-evidence";
      m.style.background = "#ffe58a";
      m.style.color = "inherit";
      m.style.outline = "2px solid #f0b400";
      return m;
    });
  }

  // The box an inline run of text belongs to: its lines wrap inside it.
  function blockOf(node, cache) {
    var el = node.parentElement, body = node.ownerDocument.body;
    while (el && el !== body) {
      var display = cache.get(el);
      if (display === undefined) {
        display = el.ownerDocument.defaultView.getComputedStyle(el).display;
        cache.set(el, display);
      }
      if (display !== "inline" && display !== "contents") return el;
      el = el.parentElement;
    }
    return el;
  }

  function sameBlock(map, i, j, cache) {
    var block = blockOf(map.nodes[map.owner[i]], cache);
    for (var k = map.owner[i] + 1; k <= map.owner[j]; k++) {
      if (blockOf(map.nodes[k], cache) !== block) return false;
    }
    return true;
  }

  // Whether stream characters i - 1 and i belong to one word: a match that starts or ends
  // between them is part of a longer word.
  function joined(map, i, cache) {
    if (i <= 0 || i >= map.text.length || map.spaced[i]) return false;
    return WORD.test(map.text[i - 1]) && WORD.test(map.text[i]) && sameBlock(map, i - 1, i, cache);
  }

  // A name is marked only where it reads as that name: whole words, white space where the
  // name has white space, within one block or cell, and not inside a link already.
  function readsAsName(map, at, name, cache) {
    var end = at + name.needle.length;
    if (joined(map, at, cache) || joined(map, end, cache)) return false;
    for (var i = 1; i < name.needle.length; i++) {
      if (map.spaced[at + i] !== name.spaced[i]) return false;
    }
    if (!sameBlock(map, at, end - 1, cache)) return false;
    return !domPieces(map, at, end).some(function (p) {
      return p.node.parentElement.closest("a[href]");
    });
  }

  function markNames(doc, map, wrap) {
    var data = document.getElementById("known-names");
    var names = data ? JSON.parse(data.textContent) : [];
    var taken = new Uint8Array(map.text.length), cache = new Map(), pieces = [];
    names.sort(function (a, b) { return b.text.length - a.text.length; }).forEach(function (entry) {
      var name = { needle: squeeze(entry.text), spaced: [] };
      for (var i = 0, gap = 0; i < entry.text.length; i++) {
        if (isSpace(entry.text, i)) gap = 1;
        else { name.spaced.push(gap); gap = 0; }
      }
      var length = name.needle.length, found = 0;
      var at = length ? map.text.indexOf(name.needle) : -1;
      while (at >= 0 && found < 50) {
        if (!taken[at] && !taken[at + length - 1] && readsAsName(map, at, name, cache)) {
          taken.fill(1, at, at + length);
          domPieces(map, at, at + length).forEach(function (p) {
            p.url = entry.url;
            pieces.push(p);
          });
          found++;
        }
        at = map.text.indexOf(name.needle, at + length);
      }
    });
    wrap(pieces, function (piece) {
      var a = doc.createElement("a");
      a.className = "app-known";
      a.href = piece.url;
      a.target = "_top";
      // CSSOM, not markup: no inline <style> for any policy to object to.
      a.style.color = "inherit";
      a.style.textDecoration = "underline dotted #1f5fbf";
      return a;
    });
  }

  // ---------------------------------------------------------------------------------------
  // The frame: as tall and as wide as its document, so the page scrolls it. A document wider
  // than the pane scrolls sideways in its holder, whose scroll bar is a copy that sticks to
  // the bottom of the window: the holder's own would sit below the end of a long document.

  function fitFrame(frame) {
    var doc = frameDocument(frame);
    if (!doc || !doc.body) return;
    var root = doc.scrollingElement || doc.documentElement;
    frame.style.width = "";
    frame.style.height = "";
    // Widen until nothing overflows, each step by what the last one shows it takes: a
    // document centred in the frame needs twice what overflows. Content sized to the frame
    // plus a margin overflows by the margin at any width: a step that gains nothing is undone.
    // Measured against the frame rather than the document's viewport, which a vertical
    // scroll bar narrows until the height is set.
    var width = frame.clientWidth, excess = root.scrollWidth - width, step = excess;
    for (var i = 0; i < 4 && excess > 0; i++) {
      frame.style.width = width + step + "px";
      var left = root.scrollWidth - (width + step), gained = excess - left;
      if (gained <= 0) {
        frame.style.width = i ? width + "px" : "";
        break;
      }
      width += step;
      excess = left;
      step = Math.ceil((left * step) / gained);
    }
    // From the stylesheet's height: a document is never shorter than its frame.
    var height = Math.max(doc.documentElement.scrollHeight, doc.body.scrollHeight);
    frame.style.height = height + 24 + "px";
    var holder = frame.parentElement, bar = holder.nextElementSibling;
    if (bar && bar.classList.contains("frame-scrollbar")) {
      bar.firstElementChild.style.width = holder.scrollWidth + "px";
      bar.hidden = holder.scrollWidth <= holder.clientWidth;
      bar.scrollLeft = holder.scrollLeft;
    }
  }

  function linkScrolling(frame) {
    var holder = frame.parentElement, bar = holder.nextElementSibling;
    if (!bar || !bar.classList.contains("frame-scrollbar")) return;
    // The scroll event of a position one of them was given is not followed back: by then
    // the other may have moved on, and would be pulled back.
    var given = new Map();
    function follow(source, target) {
      source.addEventListener("scroll", function () {
        var echo = given.get(source) === source.scrollLeft;
        given.delete(source);
        if (echo || target.scrollLeft === source.scrollLeft) return;
        target.scrollLeft = source.scrollLeft;
        given.set(target, target.scrollLeft);
      });
    }
    follow(bar, holder);
    follow(holder, bar);
  }

  function prepare(frame) {
    var doc = frameDocument(frame);
    // The frame's first document is an empty about:blank, before its own loads.
    if (!doc || !doc.body || doc.URL === "about:blank") return;
    if (frame.dataset.prepared === doc.URL) return;
    var map = textMap(doc), wrap = wrapper();
    // The highlight first: a name inside it is marked inside its pieces, which stay whole.
    var marks = highlight(frame, doc, map, wrap);
    markNames(doc, map, wrap);
    fitFrame(frame);
    if (marks.length) marks[0].scrollIntoView({ block: "center", inline: "nearest" });
    frame.dataset.prepared = doc.URL;
  }

  function watch(root) {
    (root || document).querySelectorAll("iframe.document-frame").forEach(function (frame) {
      if (frame.dataset.watched) return;
      frame.dataset.watched = "1";
      linkScrolling(frame);
      frame.addEventListener("load", function () { prepare(frame); });
      if (frameDocument(frame) && frameDocument(frame).readyState === "complete") prepare(frame);
    });
  }

  // The text map for the notes script (notes.js), which marks passages the same way. Its
  // wrap(doc, pieces, make) takes the pieces of one map.
  window.documentText = {
    map: textMap,
    find: findText,
    pieces: domPieces,
    range: streamRange,
    wrap: function (doc, pieces, make) {
      return wrapper()(pieces, make);
    },
  };

  document.addEventListener("DOMContentLoaded", function () { watch(document); });
  document.addEventListener("htmx:afterSettle", function () { watch(document); });
  var resizing = false;
  window.addEventListener("resize", function () {
    if (resizing) return;
    resizing = true;
    requestAnimationFrame(function () {
      resizing = false;
      document.querySelectorAll("iframe.document-frame").forEach(fitFrame);
    });
  });
})();
